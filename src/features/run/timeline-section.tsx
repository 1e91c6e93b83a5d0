import type { RunModel } from './model/types';

/** Placeholder until the timeline lands. */
export function RunTimelineSection({ model }: { model: RunModel; nowMs: number; selectedPath: string | null; onSelectStep: (path: string) => void }) {
  return (
    <section aria-label="Timeline" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <h2 className="text-lg font-semibold">Timeline</h2>
      <p className="text-sm">{model.steps.length} steps (approximate)</p>
    </section>
  );
}
