import type { StepNode } from '../model/types';
import { StepCard } from './step-card';

/** The top-level steps in execution order. */
export function StepList({ steps }: { steps: readonly StepNode[]; scrollToPath: string | null }) {
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {steps.map((s) => (
        <StepCard key={s.path} step={s} />
      ))}
    </div>
  );
}
