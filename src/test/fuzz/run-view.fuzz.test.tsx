// @vitest-environment jsdom
/**
 * Issue 9, fuzzing, second half: 200 contract-shaped bodies (arbitrary steps JSON, arbitrary values
 * in every optional field) go through the real parser and the model and are rendered by what the
 * run view renders from a model: summary, failure panel, notices, timeline and every top-level
 * step card (loops and JSON viewers included). Never a crash, never a React error, and never
 * "NaN", "Infinity", "Invalid Date" or "[object Object]" in the text or the inline styles unless
 * the data itself holds that text. A second render one second later, with the previous model
 * reused, stands for a poll of a live run.
 */
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZoneProvider } from '@/components/ui/zone';
import { FailurePanel } from '@/features/run/failure-panel';
import { buildRunModel } from '@/features/run/model/run-model';
import type { RunModel } from '@/features/run/model/types';
import { NoticeList } from '@/features/run/notice-list';
import { RunSummary } from '@/features/run/run-summary';
import { StepCard } from '@/features/run/steps/step-card';
import { StepViewProvider, type StepViewContextValue } from '@/features/run/steps/step-context';
import { RunTimelineSection } from '@/features/run/timeline/run-timeline-section';
import { parseJsonBody, stringifyJson } from '@/lib/json-body';
import { contractRunBody } from './run-body-arbitrary';

const FORBIDDEN = ['NaN', 'Infinity', 'Invalid Date', '[object Object]'] as const;

class Catch extends Component<
  { onError: (e: unknown) => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const noop = () => {};

function stepView(model: RunModel, selectedPath: string | null): StepViewContextValue {
  return {
    selectedPath,
    mask: true,
    iterationFor: (loopPath) => {
      const failed = model.byPath.get(loopPath)?.loop?.failedIterations[0];
      return failed ?? 1;
    },
    setIteration: noop,
    linkFor: (path) => `https://inspector.example.test/runs/r?step=${encodeURIComponent(path)}`,
    onSelect: noop,
    reveal: null,
    filter: null,
  };
}

function View({ model, nowMs }: { model: RunModel; nowMs: number }) {
  const selected = model.failure?.step?.path ?? null;
  return (
    <ZoneProvider zone="utc">
      <StepViewProvider value={stepView(model, selected)}>
        <RunSummary model={model} />
        {model.failure && (
          <FailurePanel
            failure={model.failure}
            status={model.status}
            mask
            onJump={noop}
            linkFor={(p) => `/runs/r?step=${p}`}
          />
        )}
        <NoticeList notices={model.notices} />
        <RunTimelineSection
          model={model}
          nowMs={nowMs}
          selectedPath={selected}
          onSelectStep={noop}
        />
        <section aria-label="Steps">
          {model.stepsMessage ? (
            <p>{model.stepsMessage}</p>
          ) : (
            model.steps.map((s) => <StepCard key={s.path} step={s} />)
          )}
        </section>
      </StepViewProvider>
    </ZoneProvider>
  );
}

function badStyles(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[style]'))
    .map((el) => el.getAttribute('style') ?? '')
    .filter((s) => /NaN|Infinity/.test(s) || /(?:^|[;\s])(?:width|left|right)\s*:\s*-/.test(s));
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the run view renders any contract-shaped body', () => {
  it('200 bodies: no crash, no React error, no NaN / Infinity / Invalid Date / [object Object]', () => {
    const reactErrors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      reactErrors.push(args.map(String).join(' ').slice(0, 500));
    });
    fc.assert(
      fc.property(
        contractRunBody,
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (body, nowMs) => {
          const text = stringifyJson(body);
          const parsed = parseJsonBody(text);
          const first = buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs });
          const caught: unknown[] = [];
          reactErrors.length = 0;
          const { container, rerender } = render(
            <Catch onError={(e) => caught.push(e)}>
              <View model={first} nowMs={nowMs} />
            </Catch>,
          );
          // A poll one second later: the same body, the previous model reused.
          const second = buildRunModel({
            body: parsed.value,
            keyOrder: parsed.keyOrder,
            nowMs: nowMs + 1000,
            previous: first,
          });
          rerender(
            <Catch onError={(e) => caught.push(e)}>
              <View model={second} nowMs={nowMs + 1000} />
            </Catch>,
          );
          const shown = container.textContent ?? '';
          const styles = badStyles(container);
          cleanup();

          expect(caught.map(String)).toEqual([]);
          expect(reactErrors).toEqual([]);
          expect(shown.length).toBeGreaterThan(0);
          for (const word of FORBIDDEN) {
            if (!text.includes(word)) expect(shown, word).not.toContain(word);
          }
          expect(styles).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);
});
