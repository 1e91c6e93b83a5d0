import { useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { Icon } from '@/components/ui/icons';
import { StatusBadge } from '@/components/ui/status-badge';
import { DateTimeText, HoverTip, useZone } from '@/components/ui/zone';
import { formatDuration, formatDurationExact, zoneLabel } from '@/lib/time';
import type { RunModel } from './model/types';

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'col-span-2 flex min-w-0 flex-col sm:col-span-1' : 'flex min-w-0 flex-col'}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 text-sm text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

function IdWithCopy({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <code className="min-w-0 truncate font-mono text-[0.8125rem]" title={value}>
        {value || '—'}
      </code>
      {value && <CopyButton value={value} label={`Copy ${label}`} />}
    </span>
  );
}

function durationText(model: RunModel): { text: string; note: string | null } {
  const t = model.timing;
  switch (t.headlineSource) {
    case 'timestamps':
      return { text: formatDuration(t.headlineMs), note: null };
    case 'elapsed':
      return { text: `${formatDuration(t.headlineMs)} so far`, note: 'elapsed since the run started' };
    case 'reported':
      return { text: formatDuration(t.headlineMs), note: 'as reported by the API (no usable start and finish times)' };
    case 'steps':
      return { text: `≈ ${formatDuration(t.headlineMs)}`, note: 'estimated from the step durations (the run’s own timestamps are unusable)' };
    default:
      return { text: '—', note: null };
  }
}

export interface RunSummaryProps {
  model: RunModel;
  /** The live/finished indicator and actions, rendered by the container. */
  liveSlot?: ReactNode;
  actions?: ReactNode;
  /** Jump to the failing step (a shortcut shown on small screens, where the panel is far down). */
  onJumpToFailure?: (path: string) => void;
}

/** The run's header: title, status, IDs, times, duration, step count, tags. */
export function RunSummary({ model, liveSlot, actions, onJumpToFailure }: RunSummaryProps) {
  const zone = useZone();
  const t = model.timing;
  const duration = durationText(model);
  const stepsTotal = model.allSteps.length;
  return (
    <header className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex min-w-0 flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-[1_1_18rem] flex-col gap-2">
          <h1 className="min-w-0 truncate text-xl font-semibold sm:text-2xl" title={model.title}>
            {model.title}
          </h1>
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <StatusBadge
              size="md"
              tone={model.status.tone}
              icon={model.status.icon}
              label={model.status.label}
              raw={model.status.raw}
            />
            {liveSlot}
          </div>
          {!model.failure && <p className="text-sm text-slate-600 dark:text-slate-300">{model.status.hint}</p>}
          {model.failure?.step && onJumpToFailure && (
            <button
              type="button"
              onClick={() => onJumpToFailure(model.failure!.step!.path)}
              className="flex max-w-full min-w-0 items-center gap-1.5 self-start rounded-md text-left text-sm font-medium text-red-800 underline underline-offset-2 lg:hidden dark:text-red-300"
            >
              <Icon name="chevron-down" className="size-4 shrink-0" />
              <span className="min-w-0 truncate">Failed at {model.failure.step.path}: go to the step</span>
            </button>
          )}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      <dl className="grid min-w-0 grid-cols-2 gap-x-4 gap-y-3 sm:gap-x-6 lg:grid-cols-4">
        <Fact label="Run ID" wide>
          <IdWithCopy value={model.id} label="run ID" />
        </Fact>
        <Fact label={model.titleIsFlowId ? 'Flow ID (no flow name)' : 'Flow ID'} wide>
          <IdWithCopy value={model.flowId} label="flow ID" />
        </Fact>
        <Fact label="Duration">
          <span className="tabular-nums">
            {t.headlineMs !== null ? (
              <HoverTip tip={formatDurationExact(t.headlineMs)}>{duration.text}</HoverTip>
            ) : (
              duration.text
            )}
          </span>
          {duration.note && <span className="block text-xs text-slate-500 dark:text-slate-400">{duration.note}</span>}
          {t.reportedDurationNote && (
            <span className="block text-xs text-amber-800 dark:text-amber-300" data-testid="duration-note">
              {t.reportedDurationNote}
            </span>
          )}
        </Fact>
        <Fact label="Steps">
          <HoverTip tip="stepsCount from the API: piece and code steps that finished, each loop iteration counted again; the trigger, loops and routers are not counted.">
            {model.stepsCount !== null ? `${model.stepsCount.toLocaleString('en-US')} executed` : '— executed'}
          </HoverTip>
          {stepsTotal > 0 && (
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {model.steps.length.toLocaleString('en-US')} top-level
              {stepsTotal !== model.steps.length ? `, ${stepsTotal.toLocaleString('en-US')} records with loop iterations` : ''}
            </span>
          )}
        </Fact>
        <Fact label="Created (queued)" wide>
          <DateTimeText ms={t.created.ms} raw={t.created.raw} />
        </Fact>
        <Fact label="Started" wide>
          <DateTimeText ms={t.started.ms} raw={t.started.raw} />
          {t.queueMs !== null && t.queueMs > 0 && (
            <span className="block text-xs text-slate-500 dark:text-slate-400">after {formatDuration(t.queueMs)} in the queue</span>
          )}
          {t.waitingMs !== null && (
            <span className="block text-xs text-slate-500 dark:text-slate-400">not started; waiting {formatDuration(t.waitingMs)} since created</span>
          )}
        </Fact>
        <Fact label="Finished" wide>
          {t.finished.ms === null && !model.status.terminal ? (
            <span>— (not finished)</span>
          ) : (
            <DateTimeText ms={t.finished.ms} raw={t.finished.raw} />
          )}
        </Fact>
        <Fact label="Time zone">
          <span>{zoneLabel(zone, t.started.ms ?? t.created.ms ?? undefined)}</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {zone === 'utc' ? 'all times in UTC' : 'hover or focus a time for UTC'}
          </span>
        </Fact>
      </dl>
      {(model.tags.connections.length > 0 || model.tags.other.length > 0) && <Tags connections={model.tags.connections} other={model.tags.other} />}
    </header>
  );
}

const TAGS_SHOWN = 8;

/** Connection tags grouped as "Connections", the rest as chips; long lists folded. */
function Tags({ connections, other }: { connections: readonly string[]; other: readonly string[] }) {
  const [all, setAll] = useState(false);
  const total = connections.length + other.length;
  const shownConnections = all ? connections : connections.slice(0, TAGS_SHOWN);
  const shownOther = all ? other : other.slice(0, Math.max(0, TAGS_SHOWN - shownConnections.length));
  return (
    <div className="flex min-w-0 flex-col gap-1.5 text-sm">
      {shownConnections.length > 0 && (
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <span className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">Connections</span>
          {shownConnections.map((c, i) => (
            <Chip key={`${c}-${i}`} text={c} />
          ))}
        </div>
      )}
      {shownOther.length > 0 && (
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <span className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">Tags</span>
          {shownOther.map((c, i) => (
            <Chip key={`${c}-${i}`} text={c} />
          ))}
        </div>
      )}
      {total > TAGS_SHOWN && (
        <div>
          <button type="button" className="text-xs font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300" aria-expanded={all} onClick={() => setAll((a) => !a)}>
            {all ? 'Show fewer tags' : `Show all ${total.toLocaleString('en-US')} tags`}
          </button>
        </div>
      )}
    </div>
  );
}

function Chip({ text }: { text: string }) {
  return (
    <span
      title={text}
      className="inline-block max-w-full min-w-0 truncate rounded-md border border-slate-200 bg-slate-50 px-2 py-0.5 font-mono text-xs sm:max-w-[24rem] dark:border-slate-700 dark:bg-slate-800"
    >
      {text}
    </span>
  );
}
