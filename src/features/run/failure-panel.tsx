import { CopyButton } from '@/components/ui/copy-button';
import { buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { maskString } from '@/lib/secrets';
import { ErrorView } from './error-view';
import type { FailureInfo, StatusInfo, StepNode } from './model/types';
import { maskedError } from './triage/masked-error';

export interface FailurePanelProps {
  failure: FailureInfo;
  status: StatusInfo;
  mask: boolean;
  onJump: (path: string) => void;
  linkFor: (path: string) => string;
}

function whereText(step: StepNode): string | null {
  if (step.trail.length === 0) return null;
  // Innermost first: "iteration 3 of 3 of loop_skus, inside iteration 2 of 4 of loop_warehouses".
  return [...step.trail]
    .reverse()
    .map((t) => `iteration ${t.number}${t.of !== null ? ` of ${t.of}` : ''} of ${t.loop}`)
    .join(', inside ');
}

function StepTitle({ name, displayName }: { name: string; displayName: string | null }) {
  return (
    <span className="flex min-w-0 flex-wrap items-baseline gap-x-2">
      {displayName && displayName !== name && (
        <span className="max-w-full min-w-0 truncate font-semibold" title={displayName}>
          {displayName}
        </span>
      )}
      <code className="max-w-full min-w-0 truncate font-mono text-sm" title={name}>
        {name}
      </code>
    </span>
  );
}

/** "What broke and where": the failing step, its error, what the status means, a jump to it. */
export function FailurePanel({ failure, status, mask, onJump, linkFor }: FailurePanelProps) {
  const step = failure.step;
  const where = step ? whereText(step) : null;
  const reported = failure.reportedMessage !== null && mask ? maskString(failure.reportedMessage) : failure.reportedMessage;
  return (
    <section
      aria-label="Failure"
      className="flex min-w-0 flex-col gap-3 rounded-xl border-2 border-red-300 bg-red-50/60 p-4 sm:p-5 dark:border-red-800 dark:bg-red-950/30"
    >
      <h2 className="flex items-center gap-2 text-lg font-semibold text-red-900 dark:text-red-200">
        <Icon name="cross" className="size-5 shrink-0" />
        {step ? 'Failed step' : status.failed ? `Run ${status.label.toLowerCase()}` : 'Failure'}
      </h2>
      <p className="text-sm text-red-950 dark:text-red-100">{status.hint}</p>
      {step ? (
        <div className="flex min-w-0 flex-col gap-2 rounded-lg border border-red-200 bg-white p-3 dark:border-red-900 dark:bg-slate-900">
          <StepTitle name={step.name} displayName={failure.displayName} />
          {where && (
            <p className="text-sm">
              In <strong>{where}</strong>
            </p>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Path <code className="font-mono [overflow-wrap:anywhere]">{step.path}</code>
            {step.type && <> · type {step.type}</>}
          </p>
          {failure.note && (
            <p className="flex gap-1.5 text-sm text-amber-900 dark:text-amber-200">
              <Icon name="info" className="mt-0.5 size-4 shrink-0" />
              <span>{failure.note}</span>
            </p>
          )}
          {step.error ? (
            <ErrorView error={mask ? maskedError(step.error) : step.error} stateKey={`${step.path}/failure`} mask={mask} />
          ) : (
            reported && <p className="text-sm">{reported}</p>
          )}
          <div className="flex flex-wrap gap-2 pt-1">
            <button type="button" className={buttonClass.primary} onClick={() => onJump(step.path)}>
              <Icon name="chevron-down" />
              Go to the failed step
            </button>
            <CopyButton value={() => linkFor(step.path)} label="Copy link to the failed step" text="Copy link" />
          </div>
        </div>
      ) : (
        <div className="flex min-w-0 flex-col gap-2 text-sm">
          {failure.note && <p>{failure.note}</p>}
          {failure.reported?.name == null && !failure.interrupted && (
            <p>No step is named as the cause{reported ? `: ${reported}` : '.'}</p>
          )}
          {failure.interrupted && (
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <code className="font-mono">{failure.interrupted.path}</code> was still running when the run ended, so it was
                interrupted.
              </span>
              <button type="button" className={buttonClass.secondary} onClick={() => onJump(failure.interrupted!.path)}>
                Go to the interrupted step
              </button>
            </div>
          )}
        </div>
      )}
      {failure.others.length > 0 && (
        <div className="text-sm">
          <p className="font-medium">
            {failure.others.length === 1 ? 'Another step also failed:' : `${failure.others.length} other steps also failed:`}
          </p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {failure.others.slice(0, 20).map((s) => (
              <li key={s.path}>
                <button type="button" className={buttonClass.secondary} onClick={() => onJump(s.path)}>
                  <Icon name="cross" className="size-3.5 text-red-700 dark:text-red-300" />
                  <span className="max-w-[16rem] truncate font-mono text-xs" title={s.path}>
                    {s.path}
                  </span>
                </button>
              </li>
            ))}
            {failure.others.length > 20 && <li>… and {failure.others.length - 20} more</li>}
          </ul>
        </div>
      )}
    </section>
  );
}
