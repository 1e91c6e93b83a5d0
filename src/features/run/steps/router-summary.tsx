import { Icon } from '@/components/ui/icons';
import type { StepNode } from '../model/types';

/** Which branch ran, and how each evaluated. The branch's steps follow as siblings. */
export function RouterSummary({ step }: { step: StepNode }) {
  const r = step.router;
  if (!r) return null;
  const taken = r.taken.length > 0 ? r.taken.join(', ') : null;
  return (
    <div className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-800/60">
      <p className="flex min-w-0 flex-wrap items-center gap-1.5">
        <Icon name="chevron-right" />
        <span className="font-semibold">{taken ? `Branch taken: ${taken}` : 'No branch ran'}</span>
        {r.executionType && <span className="text-xs text-slate-500 dark:text-slate-400">({r.executionType === 'EXECUTE_ALL_MATCH' ? 'every matching branch runs' : r.executionType === 'EXECUTE_FIRST_MATCH' ? 'only the first matching branch runs' : r.executionType})</span>}
      </p>
      {r.branches.length > 0 && (
        <ul className="flex flex-col gap-1">
          {r.branches.map((b) => (
            <li key={`${b.index}-${b.name}`} className="flex min-w-0 items-center gap-2">
              <Icon name={b.ran ? 'check' : b.evaluation ? 'info' : 'x'} className="size-3.5 shrink-0" />
              <span className="min-w-0 truncate" title={b.name}>
                {b.index}. {b.name}
              </span>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {b.evaluation === null ? 'not evaluated' : b.evaluation ? 'evaluated true' : 'evaluated false'}
                {b.ran ? ' · ran' : b.evaluation ? ' · did not run (an earlier branch matched)' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {step.kind === 'router' && taken && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The steps of the branch that ran follow this step in order. The API does not say which branch each step belongs to.
        </p>
      )}
      {r.form === 'none' && r.condition === null && <p className="text-xs text-slate-600 dark:text-slate-400">The router recorded no branch evaluations.</p>}
    </div>
  );
}
