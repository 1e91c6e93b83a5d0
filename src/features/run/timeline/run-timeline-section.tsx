/**
 * The timeline wired for the run view: keeps which loops are expanded, memoises the layout for one
 * "now", and turns a click on an iteration row into a selection the step cards understand (the
 * iteration's first step, so the loop card opens on that iteration). Still no queries, no URL.
 */
import { useCallback, useMemo, useState } from 'react';
import { useZone } from '@/components/ui/zone';
import type { RunModel } from '@/features/run/model/types';
import { RunTimeline } from './run-timeline';
import { layoutTimeline } from './timeline-layout';

export interface RunTimelineSectionProps {
  readonly model: RunModel;
  /** One "now" per render, shared with the rest of the page. */
  readonly nowMs: number;
  readonly selectedPath: string | null;
  /** Called with a step path (never an iteration path). */
  readonly onSelectStep: (path: string) => void;
  readonly className?: string;
}

export function RunTimelineSection({
  model,
  nowMs,
  selectedPath,
  onSelectStep,
  className,
}: RunTimelineSectionProps) {
  const zone = useZone();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() =>
    trailLoops(model, selectedPath, new Set()),
  );

  // A step selected elsewhere (the failure panel, a card) inside a loop: open its loops here too,
  // so its row is visible and marked. Adjusting state during render, keyed by the selection.
  const [seenSelection, setSeenSelection] = useState(selectedPath);
  if (seenSelection !== selectedPath) {
    setSeenSelection(selectedPath);
    const next = trailLoops(model, selectedPath, expanded);
    if (next !== expanded) setExpanded(next);
  }

  const layout = useMemo(
    () => layoutTimeline(model, { nowMs, expanded, zone }),
    [model, nowMs, expanded, zone],
  );

  const onToggleLoop = useCallback((path: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);

  const onSelect = useCallback(
    (path: string) => {
      const hit = model.iterationsByPath.get(path);
      if (!hit) return onSelectStep(path);
      // An iteration row: its first step opens the loop on that iteration; an empty one selects the loop.
      onSelectStep(hit.iteration.steps[0]?.path ?? hit.loop.path);
    },
    [model, onSelectStep],
  );

  return (
    <RunTimeline
      layout={layout}
      selectedPath={selectedPath}
      onSelectStep={onSelect}
      onToggleLoop={onToggleLoop}
      className={className}
    />
  );
}

/** `expanded` plus the loops on the selected step's trail (the same set when nothing is added). */
function trailLoops(
  model: RunModel,
  selectedPath: string | null,
  expanded: ReadonlySet<string>,
): ReadonlySet<string> {
  const trail = selectedPath === null ? undefined : model.byPath.get(selectedPath)?.trail;
  if (!trail || trail.every((t) => expanded.has(t.loopPath))) return expanded;
  const next = new Set(expanded);
  for (const t of trail) next.add(t.loopPath);
  return next;
}
