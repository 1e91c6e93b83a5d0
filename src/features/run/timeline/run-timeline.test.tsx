// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRunModel } from '@/features/run/model/run-model';
import { parseJsonBody } from '@/lib/json-body';
import { RunTimeline } from './run-timeline';
import { layoutTimeline, type TimelineLayout } from './timeline-layout';

vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = join(__dirname, '../../../test/fixtures');
const HOSTILE = join(__dirname, '../../../../e2e/data/hostile');
const NOW = Date.UTC(2026, 0, 1);

function layoutOf(
  dir: string,
  file: string,
  opts: { nowMs?: number; expanded?: readonly string[] } = {},
): TimelineLayout {
  const nowMs = opts.nowMs ?? NOW;
  const parsed = parseJsonBody(readFileSync(join(dir, file), 'utf8'));
  const model = buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs });
  return layoutTimeline(model, { nowMs, expanded: new Set(opts.expanded ?? []), zone: 'utc' });
}

function renderTimeline(layout: TimelineLayout, selectedPath: string | null = null) {
  const onSelectStep = vi.fn();
  const onToggleLoop = vi.fn();
  const utils = render(
    <RunTimeline
      layout={layout}
      selectedPath={selectedPath}
      onSelectStep={onSelectStep}
      onToggleLoop={onToggleLoop}
    />,
  );
  return { ...utils, onSelectStep, onToggleLoop };
}

const region = () => screen.getByRole('region', { name: 'Timeline' });
const bar = (name: string | RegExp) => within(region()).getByRole('button', { name });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('RunTimeline', () => {
  it('is a named region with a heading and a visible "approximate" label', () => {
    renderTimeline(layoutOf(FIXTURES, '01-happy-path.json'));
    expect(within(region()).getByRole('heading', { level: 2, name: 'Timeline' })).toBeTruthy();
    expect(within(region()).getByText('Approximate')).toBeTruthy();
    expect(within(region()).getByText(/no start time per step/)).toBeTruthy();
    // The queued and unaccounted segments are labelled in text.
    expect(within(region()).getByText('Queued 7 ms')).toBeTruthy();
    expect(within(region()).getByText('Unaccounted 226 ms')).toBeTruthy();
  });

  it('each bar is a button named with its facts; one tab stop; arrows move; Enter and click select', () => {
    const { onSelectStep } = renderTimeline(layoutOf(FIXTURES, '01-happy-path.json'));
    const trigger = bar(/^trigger, Succeeded, no recorded duration, starts T\+7 ms$/);
    const lookup = bar('lookup_customer, Succeeded, 420 ms, starts T+7 ms');
    expect(trigger.tabIndex).toBe(0);
    expect(lookup.tabIndex).toBe(-1);

    act(() => trigger.focus());
    fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(lookup);
    expect(lookup.tabIndex).toBe(0);
    expect(trigger.tabIndex).toBe(-1);

    fireEvent.keyDown(lookup, { key: 'Enter' });
    expect(onSelectStep).toHaveBeenCalledTimes(1);
    expect(onSelectStep).toHaveBeenLastCalledWith('lookup_customer');

    fireEvent.keyDown(lookup, { key: 'End' });
    expect(document.activeElement).toBe(bar(/^notify_slack,/));

    fireEvent.click(bar(/^compute_totals,/));
    expect(onSelectStep).toHaveBeenLastCalledWith('compute_totals');
  });

  it('focus shows a tooltip with the exact facts and absolute time', () => {
    renderTimeline(layoutOf(FIXTURES, '01-happy-path.json'));
    const lookup = bar(/^lookup_customer,/);
    act(() => lookup.focus());
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Start (est.)');
    expect(tip.textContent).toContain('2025-09-16 08:42:17.388 UTC');
    expect(lookup.getAttribute('aria-describedby')).toBe(tip.id);
    fireEvent.keyDown(lookup, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('marks the selected row', () => {
    renderTimeline(layoutOf(FIXTURES, '01-happy-path.json'), 'append_order_row');
    const selected = bar(/^append_order_row,/);
    expect(selected.getAttribute('aria-current')).toBe('true');
    expect(selected.tabIndex).toBe(0);
    expect(bar(/^lookup_customer,/).getAttribute('aria-current')).toBeNull();
  });

  it('loops: the toggle reports its state; Right expands, Left collapses; the failing step reads "Failed here"', () => {
    const collapsed = renderTimeline(layoutOf(FIXTURES, '03-loop-failure.json'));
    const loopBar = bar(
      /^loop_rows, Succeeded, 746 ms, .*3 of 10 iterations.*contains the failing step/,
    );
    const toggle = within(region()).getByRole('button', {
      name: 'Show the iterations of loop_rows',
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(loopBar, { key: 'ArrowRight' });
    expect(collapsed.onToggleLoop).toHaveBeenCalledWith('loop_rows');
    fireEvent.click(toggle);
    expect(collapsed.onToggleLoop).toHaveBeenCalledTimes(2);
    expect(within(region()).getByText('Failure inside')).toBeTruthy();
    cleanup();

    const expanded = renderTimeline(
      layoutOf(FIXTURES, '03-loop-failure.json', { expanded: ['loop_rows'] }),
    );
    expect(
      within(region())
        .getByRole('button', { name: 'Hide the iterations of loop_rows' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    const failing = bar(/^Update CRM contact \(update_contact\), Failed, 192 ms, .*failed here$/);
    expect(within(failing.closest('li')!).getByText('Failed here')).toBeTruthy();
    expect(bar(/^Iteration 3 of 10, Failed/)).toBeTruthy();
    // Left on a step inside an iteration goes to its iteration header; Left on the loop collapses it.
    act(() => failing.focus());
    fireEvent.keyDown(failing, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(bar(/^Iteration 3 of 10,/));
    fireEvent.keyDown(bar(/^loop_rows,/), { key: 'ArrowLeft' });
    expect(expanded.onToggleLoop).toHaveBeenCalledWith('loop_rows');
    fireEvent.keyDown(failing, { key: 'Enter' });
    expect(expanded.onSelectStep).toHaveBeenLastCalledWith('loop_rows[3].update_contact');
  });

  it('a queued run shows the placeholder and no bars', () => {
    renderTimeline(layoutOf(HOSTILE, '02-queued-not-started.json'));
    expect(
      within(region()).getByText(/^Not started yet: waiting since 2024-06-03 09:15:00\.000 UTC/),
    ).toBeTruthy();
    expect(within(region()).queryAllByRole('button')).toHaveLength(0);
  });

  it('shows the timestamp notices with the raw values', () => {
    renderTimeline(layoutOf(HOSTILE, '04-clock-skew-negative.json'));
    const notices = within(region()).getByRole('list', { name: 'Timeline notices' });
    expect(notices.textContent).toContain('finished before it started');
    expect(notices.textContent).toContain('finishTime: "2024-06-03T09:15:02.000Z"');
  });

  it.each([
    [FIXTURES, '01-happy-path.json', {}],
    [FIXTURES, '03-loop-failure.json', { expanded: ['loop_rows'] }],
    [FIXTURES, '06-running.json', { nowMs: Date.parse('2025-11-05T10:14:34.667Z') + 20_000 }],
    [FIXTURES, '13-canceled-while-paused.json', {}],
    [
      FIXTURES,
      '17-nested-loops.json',
      { expanded: ['loop_warehouses', 'loop_warehouses[1].loop_skus'] },
    ],
    [
      HOSTILE,
      '03-running-open-ended.json',
      { nowMs: Date.parse('2024-06-03T09:15:05.000Z'), expanded: ['loop_orders'] },
    ],
    [HOSTILE, '04-clock-skew-negative.json', {}],
    [HOSTILE, '05-zero-length-run.json', {}],
    [HOSTILE, '06-mixed-duration-units.json', {}],
    [HOSTILE, '08-invalid-and-epoch-dates.json', {}],
  ] as const)(
    '%s/%s: no style contains NaN, Infinity or a negative number; no such text',
    (dir, file, opts) => {
      const { container } = renderTimeline(layoutOf(dir, file, opts));
      const styled = Array.from(container.querySelectorAll<HTMLElement>('[style]'));
      expect(styled.length).toBeGreaterThan(0);
      for (const el of styled) {
        const style = el.getAttribute('style') ?? '';
        expect(style).not.toMatch(/NaN|Infinity/);
        expect(style).not.toMatch(/-\s*\d|-\./);
      }
      expect(container.textContent).not.toMatch(/NaN|Infinity|Invalid Date|\[object Object\]/);
    },
  );

  it('virtualises a 5,000-step run: a bounded number of rows in the DOM, with their position in the set', async () => {
    const steps: Record<string, unknown> = {
      trigger: { type: 'PIECE_TRIGGER', status: 'SUCCEEDED' },
    };
    for (let i = 1; i < 5000; i++)
      steps[`step_${i}`] = { type: 'PIECE', status: 'SUCCEEDED', duration: 100 };
    const model = buildRunModel({
      body: {
        id: 'r',
        flowId: 'f',
        status: 'SUCCEEDED',
        created: '2025-01-01T00:00:00.000Z',
        startTime: '2025-01-01T00:00:00.000Z',
        finishTime: '2025-01-01T00:10:00.000Z',
        steps,
      },
      keyOrder: null,
      nowMs: NOW,
    });
    // jsdom has no layout: give the scroller a 640 px viewport.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(640);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    const { container } = renderTimeline(
      layoutTimeline(model, { nowMs: NOW, expanded: new Set(), zone: 'utc' }),
    );
    const items = container.querySelectorAll('li[data-index]');
    // 640 / 32 = 20 visible rows plus overscan, not 5,000.
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.length).toBeLessThan(60);
    const list = within(region()).getByRole('list', { name: 'Steps on the timeline' });
    expect(list.getAttribute('style')).toBe(`height: ${5000 * 32}px;`);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('5000');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');
    // End jumps to the last step: it gets rendered and focused.
    const first = bar(/^trigger,/);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'End' });
    // jsdom does not scroll: play the browser's part (the scroller reaches the bottom).
    const scroller = list.parentElement!;
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 5000 * 32 - 640 });
    await act(async () => {
      fireEvent.scroll(scroller);
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^step_4999, Succeeded/);
  });

  it('marks inspector:timeline-visible once', () => {
    const mark = vi.spyOn(performance, 'mark');
    const layout = layoutOf(FIXTURES, '01-happy-path.json');
    const { rerender } = renderTimeline(layout);
    rerender(
      <RunTimeline
        layout={layout}
        selectedPath="trigger"
        onSelectStep={() => {}}
        onToggleLoop={() => {}}
      />,
    );
    expect(mark.mock.calls.filter(([name]) => name === 'inspector:timeline-visible')).toHaveLength(
      1,
    );
  });
});
