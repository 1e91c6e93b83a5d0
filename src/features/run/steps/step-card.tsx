import { memo, useEffect, useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyValue, JsonViewer } from '@/components/ui/json-viewer';
import { Icon } from '@/components/ui/icons';
import { StatusBadge } from '@/components/ui/status-badge';
import { HoverTip } from '@/components/ui/zone';
import { cn } from '@/lib/cn';
import { formatDuration, formatDurationExact } from '@/lib/time';
import { ErrorView } from '../error-view';
import type { StepNode } from '../model/types';
import { NoticeList } from '../notice-list';
import { maskedError, maskedNotices } from '../triage/masked-error';
import { LoopIterations } from './loop-iterations';
import { RouterSummary } from './router-summary';
import { stepDomId, useStepView } from './step-context';

const KIND_LABEL: Record<StepNode['kind'], string> = {
  trigger: 'Trigger',
  piece: 'Piece',
  code: 'Code',
  loop: 'Loop',
  router: 'Router',
  branch: 'Branch (legacy)',
  other: 'Step',
  placeholder: 'Unknown record',
};

function durationLabel(step: StepNode): string {
  if (step.durationMs !== null) return formatDuration(step.durationMs);
  if (step.status.raw === 'RUNNING' && step.status.label === 'Running') return 'running…';
  return '—';
}

function Value({ step, which }: { step: StepNode; which: 'input' | 'output' }) {
  const { mask, reveal } = useStepView();
  const slot = step[which];
  const revealPath = reveal && reveal.path === step.path && reveal.slot === which ? reveal.pointer : null;
  const title = which === 'input' ? 'Input' : 'Output';
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h4>
      {slot.present ? (
        <JsonViewer
          value={slot.value}
          label={`${title} of ${step.path}`}
          stateKey={`${step.path}/${which}`}
          mask={mask}
          markers={which === 'input' && step.inputMarkers.size > 0 ? step.inputMarkers : undefined}
          revealPath={revealPath}
        />
      ) : (
        <EmptyValue label={which === 'input' ? 'No input' : step.status.failed ? 'No output (the step failed)' : 'No output'} />
      )}
    </div>
  );
}

export interface StepCardProps {
  step: StepNode;
  /** Nested cards (inside loops) show their path prominently. */
  nested?: boolean;
}

/** "Other data" as one object; the same object for the same step (the viewer is memoised). */
const extrasCache = new WeakMap<StepNode, Record<string, unknown>>();
function extrasValue(step: StepNode): Record<string, unknown> {
  let v = extrasCache.get(step);
  if (!v) extrasCache.set(step, (v = Object.fromEntries(step.extras)));
  return v;
}

const renderNested = (child: StepNode) => <StepCard key={child.path} step={child} nested />;

/** One step: name, type, status (icon + text), duration, input, output, error, notices. */
export const StepCard = memo(function StepCard({ step, nested = false }: StepCardProps) {
  const { selectedPath, linkFor, mask, reveal } = useStepView();
  const selected = selectedPath === step.path;
  const revealHere = reveal !== null && reveal.path === step.path ? reveal : null;
  // A search match in "Other data" opens it (a closed <details> would hide the highlighted value).
  const extrasRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (revealHere?.slot === 'extras' && extrasRef.current) extrasRef.current.open = true;
  }, [revealHere]);
  const headingId = `${stepDomId(step.path)}-h`;
  const failedHere = step.status.failed;
  return (
    <article
      id={stepDomId(step.path)}
      data-step-path={step.path}
      aria-labelledby={headingId}
      tabIndex={-1}
      className={cn(
        'flex min-w-0 scroll-mt-20 flex-col gap-3 rounded-xl border bg-white p-3 shadow-sm outline-none sm:p-4 dark:bg-slate-900',
        failedHere ? 'border-red-300 dark:border-red-800' : 'border-slate-200 dark:border-slate-700',
        step.containsFailure && 'border-red-300 dark:border-red-800',
        selected && 'ring-2 ring-sky-500 ring-offset-2 ring-offset-slate-50 dark:ring-offset-slate-950',
      )}
    >
      <div className="flex min-w-0 flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h3 id={headingId} className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-base font-semibold">
            {step.displayName && step.displayName !== step.name && (
              <span className="max-w-full min-w-0 truncate" title={step.displayName}>
                {step.displayName}
              </span>
            )}
            <code className={cn('max-w-full min-w-0 truncate font-mono', step.displayName ? 'text-sm font-normal text-slate-600 dark:text-slate-300' : 'text-[0.95rem]')} title={step.name}>
              {step.name === '' ? '""' : step.name}
            </code>
          </h3>
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
            <StatusBadge tone={step.status.tone} icon={step.status.icon} label={step.status.label} raw={step.status.raw} />
            <span>
              <span className="sr-only">Type: </span>
              {step.type ?? KIND_LABEL[step.kind]}
            </span>
            <span className="tabular-nums">
              <span className="sr-only">Duration: </span>
              {step.durationMs !== null ? <HoverTip tip={formatDurationExact(step.durationMs)}>{durationLabel(step)}</HoverTip> : durationLabel(step)}
            </span>
            {step.containsFailure && (
              <span className="inline-flex items-center gap-1 font-medium text-red-800 dark:text-red-300">
                <Icon name="alert" className="size-3.5" />
                Contains the failure
              </span>
            )}
          </div>
          {(nested || step.depth > 0) && (
            <p className="min-w-0 font-mono text-xs text-slate-500 [overflow-wrap:anywhere] dark:text-slate-400">{step.path}</p>
          )}
        </div>
        <CopyButton value={() => linkFor(step.path)} label={`Copy link to ${step.path}`} text="Copy link" />
      </div>
      {step.status.hint && step.status.tone === 'warning' && <p className="text-sm text-amber-900 dark:text-amber-200">{step.status.hint}</p>}
      <NoticeList notices={mask ? maskedNotices(step.notices) : step.notices} />
      {step.error && (
        <div className="rounded-lg border border-red-200 bg-red-50/70 p-3 dark:border-red-900 dark:bg-red-950/30">
          <h4 className="mb-1 text-xs font-semibold tracking-wide text-red-800 uppercase dark:text-red-300">Error</h4>
          <ErrorView error={mask ? maskedError(step.error) : step.error} stateKey={step.path} mask={mask} />
        </div>
      )}
      {step.router && <RouterSummary step={step} />}
      {step.kind !== 'placeholder' ? (
        <div className="grid min-w-0 grid-cols-1 gap-3 lg:grid-cols-2">
          <Value step={step} which="input" />
          <Value step={step} which="output" />
        </div>
      ) : (
        <div className="min-w-0">
          <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Record as sent</h4>
          <JsonViewer
            value={step.raw}
            label={`Record of ${step.path}`}
            stateKey={`${step.path}/raw`}
            mask={mask}
            revealPath={revealHere?.slot === 'raw' ? revealHere.pointer : null}
          />
        </div>
      )}
      {step.extras.length > 0 && (
        <details ref={extrasRef} className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
            Other data ({step.extras.map(([k]) => k).join(', ')})
          </summary>
          <div className="mt-1">
            <JsonViewer
              value={extrasValue(step)}
              label={`Other data of ${step.path}`}
              stateKey={`${step.path}/extras`}
              mask={mask}
              revealPath={revealHere?.slot === 'extras' ? revealHere.pointer : null}
            />
          </div>
        </details>
      )}
      {step.loop && <LoopIterations step={step} renderStep={renderNested} />}
    </article>
  );
});
