import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StepNode } from '../model/types';
import { StepCard } from './step-card';
import { useStepView } from './step-context';

/** Above this many top-level cards the list is virtualised: only what is near the viewport renders. */
export const VIRTUALIZE_ABOVE = 40;

/** The top-level steps in execution order (only those the "Failed only" filter keeps, when on). */
export interface ScrollRequest {
  readonly path: string;
  /** Increments on every request, so asking for the same step again scrolls again. */
  readonly n: number;
}

export function StepList({ steps, scrollRequest }: { steps: readonly StepNode[]; scrollRequest: ScrollRequest | null }) {
  const { filter } = useStepView();
  const shown = useMemo(() => (filter ? steps.filter((s) => filter.has(s.path)) : steps), [filter, steps]);
  if (filter && shown.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-600 dark:text-slate-300">
        No step failed in this run. Turn off “Failed only” to see every step.
      </p>
    );
  }
  if (shown.length > VIRTUALIZE_ABOVE) return <VirtualStepList steps={shown} scrollRequest={scrollRequest} />;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {shown.map((s) => (
        <StepCard key={s.path} step={s} />
      ))}
    </div>
  );
}

/** The top-level step a path lives in: its first loop, or the step itself. */
function topLevelPath(steps: readonly StepNode[], path: string): string {
  for (const s of steps) {
    if (s.path === path) return path;
  }
  const inLoop = /^(.*?)\[\d+\]/.exec(path);
  return inLoop ? inLoop[1]! : path;
}

/**
 * Thousands of steps: window virtualisation with measured heights (cards differ a lot). The
 * selected step is scrolled to by index, so links, "Go to", search and j/k reach any card; the run
 * screen then finds the card in the DOM and focuses it.
 */
function VirtualStepList({ steps, scrollRequest }: { steps: readonly StepNode[]; scrollRequest: ScrollRequest | null }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtualizer = useWindowVirtualizer({
    count: steps.length,
    estimateSize: () => 360,
    overscan: 4,
    gap: 12,
    scrollMargin,
    getItemKey: (i) => steps[i]!.path,
    // Scrolling re-renders on the next frame instead of synchronously in every scroll event: cards
    // mounting during a smooth scroll to a step would otherwise make long tasks.
    useFlushSync: false,
  });

  // The list's distance from the top of the document changes as the panels above it do.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setScrollMargin((m) => (Math.abs(m - top) > 1 ? top : m));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(document.body);
    return () => ro.disconnect();
  }, []);

  const indexOf = useMemo(() => {
    const map = new Map<string, number>();
    steps.forEach((s, i) => map.set(s.path, i));
    return map;
  }, [steps]);

  useEffect(() => {
    if (!scrollRequest) return;
    const index = indexOf.get(topLevelPath(steps, scrollRequest.path));
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'start' });
    // Only a new request scrolls; a re-render (a poll, a tick) leaves the reader where they are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={listRef} className="relative min-w-0" style={{ height: `${virtualizer.getTotalSize()}px` }}>
      {items.map((item) => (
        <div
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          className="absolute top-0 left-0 w-full"
          style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
        >
          <StepCard step={steps[item.index]!} />
        </div>
      ))}
    </div>
  );
}
