/**
 * Which steps are on screen, in which order (for j/k), which ones failed (for f), and what the
 * "Failed only" filter keeps. Pure and iterative.
 */
import type { RunModel, StepNode } from '../model/types';

/** Keeps a step in the list, or null for "show everything". */
export type StepFilter = ReadonlySet<string> | null;

/**
 * The steps the list shows, depth-first: top level, and inside each loop the steps of the
 * iteration it shows (`iterationFor`), skipping what the filter hides.
 */
export function visibleSteps(steps: readonly StepNode[], iterationFor: (loopPath: string) => number, filter: StepFilter = null): StepNode[] {
  const out: StepNode[] = [];
  const stack: StepNode[] = [];
  const pushAll = (list: readonly StepNode[]) => {
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if (filter === null || filter.has(s.path)) stack.push(s);
    }
  };
  pushAll(steps);
  while (stack.length > 0) {
    const step = stack.pop()!;
    out.push(step);
    const loop = step.loop;
    if (loop && loop.iterations.length > 0) {
      const n = Math.min(Math.max(iterationFor(step.path), 1), loop.iterations.length);
      const iteration = loop.iterations[n - 1];
      if (iteration) pushAll(iteration.steps);
    }
  }
  return out;
}

/** Every step that failed (and the run's failing step, whatever its own status), depth-first. */
export function failedSteps(model: Pick<RunModel, 'allSteps' | 'failure'>): StepNode[] {
  const list = model.allSteps.filter((s) => s.status.failed);
  const named = model.failure?.step;
  if (named && !list.includes(named)) {
    const order = new Map(model.allSteps.map((s, i) => [s, i]));
    list.push(named);
    list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  return list;
}

/**
 * What "Failed only" keeps: every failed step (and the run's failing or interrupted step), the
 * loops that contain them, and the selected step with its loops, so a jump never lands on a
 * hidden card. Failures are never hidden.
 */
export function failedOnlyFilter(model: Pick<RunModel, 'allSteps' | 'failure' | 'byPath'>, selectedPath: string | null): Set<string> {
  const keep = new Set<string>();
  const add = (s: StepNode) => {
    keep.add(s.path);
    for (const t of s.trail) keep.add(t.loopPath);
  };
  for (const s of failedSteps(model)) add(s);
  if (model.failure?.interrupted) add(model.failure.interrupted);
  const selected = selectedPath !== null ? model.byPath.get(selectedPath) : undefined;
  if (selected) add(selected);
  return keep;
}

/** The next (or previous) entry after `current` in `list`, wrapping around; the first when none. */
export function cycle<T>(list: readonly T[], current: T | undefined, direction: 1 | -1, wrap = true): T | undefined {
  if (list.length === 0) return undefined;
  const at = current === undefined ? -1 : list.indexOf(current);
  if (at === -1) return direction === 1 ? list[0] : list[list.length - 1];
  const next = at + direction;
  if (next < 0 || next >= list.length) return wrap ? list[(next + list.length) % list.length] : list[at];
  return list[next];
}

/**
 * The failed step after `currentPath` in depth-first order (wrapping around), so that pressing f
 * again and again cycles through every failure; the first failure when nothing is selected.
 */
export function nextFailure(model: Pick<RunModel, 'allSteps' | 'failure' | 'byPath'>, currentPath: string | null): StepNode | undefined {
  const failed = failedSteps(model);
  if (failed.length === 0) return undefined;
  const current = currentPath !== null ? model.byPath.get(currentPath) : undefined;
  if (!current) return failed[0];
  const at = model.allSteps.indexOf(current);
  const order = new Map(model.allSteps.map((s, i) => [s, i]));
  return failed.find((s) => (order.get(s) ?? -1) > at) ?? failed[0];
}
