import { useId, useState, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { cn } from '@/lib/cn';
import { formatDuration } from '@/lib/time';
import type { IterationNode, StepNode } from '../model/types';
import { useStepView } from './step-context';

const CHIP_TONE: Record<string, string> = {
  success: 'border-emerald-300 bg-emerald-100 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-900/60 dark:text-emerald-100',
  failed: 'border-red-400 bg-red-200 text-red-950 dark:border-red-600 dark:bg-red-900/70 dark:text-red-50',
  warning: 'border-amber-400 bg-amber-100 text-amber-950 dark:border-amber-600 dark:bg-amber-900/60 dark:text-amber-50',
  live: 'border-sky-300 bg-sky-100 text-sky-900 dark:border-sky-700 dark:bg-sky-900/60 dark:text-sky-100',
  paused: 'border-violet-300 bg-violet-100 text-violet-900 dark:border-violet-700 dark:bg-violet-900/60 dark:text-violet-100',
  neutral: 'border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
};

const CHIP_LIMIT = 200;
const STRIP_BUCKETS = 100;

function worstTone(its: readonly IterationNode[]): string {
  let tone = 'success';
  for (const it of its) {
    const t = it.status.failed ? 'failed' : it.status.tone;
    if (t === 'failed') return 'failed';
    if (t === 'live' || (t === 'paused' && tone !== 'live') || (t === 'neutral' && tone === 'success')) tone = t;
  }
  return tone;
}

/** A loop's iterations: chips (or a density strip), a selector, and the selected iteration's steps. */
export function LoopIterations({ step, renderStep }: { step: StepNode; renderStep: (child: StepNode) => ReactNode }) {
  const loop = step.loop!;
  const { iterationFor, setIteration } = useStepView();
  const count = loop.iterations.length;
  const current = Math.min(Math.max(iterationFor(step.path), 1), Math.max(count, 1));
  const iteration = loop.iterations[current - 1];
  const failed = loop.failedIterations;
  const prevFailed = [...failed].reverse().find((n) => n < current);
  const nextFailed = failed.find((n) => n > current);
  const inputId = useId();
  const [draft, setDraft] = useState<string | null>(null);

  const total = loop.totalItems;
  const summary =
    total !== null && total !== count
      ? `${count.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} items ran`
      : `${count.toLocaleString('en-US')} ${count === 1 ? 'iteration' : 'iterations'}`;

  if (count === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">
        {total === 0 ? 'The list was empty, so the loop ran no iterations.' : 'No iterations were recorded for this loop.'}
      </div>
    );
  }

  const go = (n: number) => setIteration(step.path, Math.min(Math.max(n, 1), count));

  return (
    <section aria-label={`Iterations of ${step.name}`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex min-w-0 flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">
          Iterations <span className="font-normal text-slate-600 dark:text-slate-300">· {summary}</span>
          {failed.length > 0 && (
            <span className="ml-2 inline-flex items-center gap-1 font-medium text-red-800 dark:text-red-300">
              <Icon name="cross" className="size-3.5" />
              {failed.length} failed
            </span>
          )}
        </h4>
      </div>

      {count <= CHIP_LIMIT ? (
        <ol className="flex flex-wrap gap-1" aria-label="Iterations by status">
          {loop.iterations.map((it) => (
            <li key={it.number}>
              <button
                type="button"
                onClick={() => go(it.number)}
                aria-pressed={it.number === current}
                aria-label={`Iteration ${it.number}: ${it.status.label}`}
                title={`Iteration ${it.number}: ${it.status.label}`}
                className={cn(
                  'inline-flex h-7 min-w-7 items-center justify-center gap-0.5 rounded border px-1 text-xs font-medium tabular-nums',
                  CHIP_TONE[it.status.failed ? 'failed' : it.status.tone],
                  it.number === current && 'ring-2 ring-sky-500 ring-offset-1 dark:ring-offset-slate-900',
                )}
              >
                {it.status.failed && <Icon name="cross" className="size-3" />}
                {it.status.tone === 'live' && <Icon name="spinner" className="size-3 animate-spin motion-reduce:animate-none" />}
                {it.number}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <DensityStrip iterations={loop.iterations} current={current} onPick={go} />
      )}

      <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
        <button type="button" className={buttonClass.secondary} onClick={() => go(current - 1)} disabled={current <= 1}>
          <Icon name="chevron-left" />
          Previous
        </button>
        <label htmlFor={inputId} className="flex items-center gap-1.5">
          Iteration
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={1}
            max={count}
            value={draft ?? String(current)}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => {
              if (draft !== null && Number.isFinite(Number(draft)) && draft.trim() !== '') go(Math.round(Number(draft)));
              setDraft(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (draft !== null && draft.trim() !== '' && Number.isFinite(Number(draft))) go(Math.round(Number(draft)));
                setDraft(null);
              }
            }}
            className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 tabular-nums dark:border-slate-600 dark:bg-slate-800"
          />
          <span>of {count.toLocaleString('en-US')}</span>
        </label>
        <button type="button" className={buttonClass.secondary} onClick={() => go(current + 1)} disabled={current >= count}>
          Next
          <Icon name="chevron-right" />
        </button>
        {failed.length > 0 && (
          <>
            <button type="button" className={buttonClass.secondary} onClick={() => prevFailed && go(prevFailed)} disabled={prevFailed === undefined}>
              Previous failed
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => nextFailed && go(nextFailed)} disabled={nextFailed === undefined}>
              Next failed
            </button>
          </>
        )}
      </div>

      {iteration && <IterationBody iteration={iteration} count={count} renderStep={renderStep} />}
    </section>
  );
}

function IterationBody({ iteration, count, renderStep }: { iteration: IterationNode; count: number; renderStep: (child: StepNode) => ReactNode }) {
  const { filter } = useStepView();
  const steps = filter ? iteration.steps.filter((s) => filter.has(s.path)) : iteration.steps;
  return (
    <div className="flex min-w-0 flex-col gap-3 border-l-2 border-slate-200 pl-2 sm:pl-4 dark:border-slate-700" aria-live="polite">
      <p className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold">
          Iteration {iteration.number} of {count.toLocaleString('en-US')}
        </span>
        <span className={cn('inline-flex items-center gap-1 rounded border px-1.5 text-xs', CHIP_TONE[iteration.status.failed ? 'failed' : iteration.status.tone])}>
          {iteration.status.label}
        </span>
        {iteration.durationMs !== null && <span className="text-slate-600 tabular-nums dark:text-slate-300">{formatDuration(iteration.durationMs)} in its steps</span>}
        <code className="font-mono text-xs text-slate-500 dark:text-slate-400">{iteration.path}</code>
      </p>
      {iteration.note && <p className="text-sm text-slate-600 dark:text-slate-300">{iteration.note}</p>}
      {filter && steps.length === 0 && iteration.steps.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No step failed in this iteration ({iteration.steps.length} hidden by “Failed only”).
        </p>
      )}
      {steps.map((child) => renderStep(child))}
    </div>
  );
}

function DensityStrip({ iterations, current, onPick }: { iterations: readonly IterationNode[]; current: number; onPick: (n: number) => void }) {
  const size = Math.ceil(iterations.length / STRIP_BUCKETS);
  const buckets: Array<{ from: number; to: number; tone: string; failed: number[] }> = [];
  for (let i = 0; i < iterations.length; i += size) {
    const slice = iterations.slice(i, i + size);
    buckets.push({
      from: i + 1,
      to: i + slice.length,
      tone: worstTone(slice),
      failed: slice.filter((s) => s.status.failed).map((s) => s.number),
    });
  }
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex h-6 min-w-0 overflow-hidden rounded border border-slate-300 dark:border-slate-600" role="group" aria-label="Iterations, grouped">
        {buckets.map((b) => (
          <button
            key={b.from}
            type="button"
            onClick={() => onPick(b.failed[0] ?? b.from)}
            className={cn(
              'h-full min-w-0 flex-1 border-r border-white/40 last:border-r-0',
              CHIP_TONE[b.tone],
              current >= b.from && current <= b.to && 'outline-2 -outline-offset-2 outline-sky-600',
            )}
            aria-label={`Iterations ${b.from} to ${b.to}: ${b.failed.length > 0 ? `${b.failed.length} failed` : b.tone === 'success' ? 'all succeeded' : b.tone}`}
            title={`Iterations ${b.from}–${b.to}${b.failed.length > 0 ? ` · failed: ${b.failed.slice(0, 10).join(', ')}` : ''}`}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">Each block is {size} iterations; red blocks contain a failure. Pick a block or type a number below.</p>
    </div>
  );
}
