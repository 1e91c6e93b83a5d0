import { useId, type RefObject } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { formatCount } from '@/lib/json-shape';
import { cn } from '@/lib/cn';
import type { SearchMatch, SearchSlot } from './search';
import type { SearchState } from './use-run-search';

const SLOT_LABEL: Record<SearchSlot, string> = {
  name: 'name',
  displayName: 'display name',
  input: 'input',
  output: 'output',
  error: 'error',
  extras: 'other data',
  raw: 'record',
};

/** Results listed under the box; Next/Previous go through all kept matches. */
const LIST_LIMIT = 200;

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function searchStatusText(state: SearchState, current: number): string {
  if (state.status === 'idle') return '';
  if (state.status === 'searching') return `Searching… ${Math.floor(state.progress * 100)}%`;
  const { total, stepCount, matches } = state.result;
  if (total === 0) return 'No matches';
  const where = `${plural(total, 'match', 'matches')} in ${plural(stepCount, 'step', 'steps')}`;
  const at = current >= 0 ? ` · ${formatCount(current + 1)} of ${formatCount(matches.length)}` : '';
  const kept = matches.length < total ? ` (the first ${formatCount(matches.length)} can be visited)` : '';
  return `${where}${at}${kept}`;
}

export interface SearchPanelProps {
  query: string;
  onQueryChange: (q: string) => void;
  state: SearchState;
  /** Index of the match last jumped to, or -1. */
  current: number;
  onStep: (direction: 1 | -1) => void;
  onJump: (index: number) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  failedOnly: boolean;
  onFailedOnlyChange: (on: boolean) => void;
  failedCount: number;
}

/** One search box over every step and iteration, a match count, next/previous, and the results. */
export function SearchPanel({ query, onQueryChange, state, current, onStep, onJump, inputRef, failedOnly, onFailedOnlyChange, failedCount }: SearchPanelProps) {
  const id = useId();
  const matches = state.status === 'done' ? state.result.matches : [];
  const status = searchStatusText(state, current);
  return (
    <section aria-label="Search" className="flex min-w-0 flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
        <label htmlFor={`${id}-q`} className="text-sm font-medium">
          Search steps
        </label>
        <div className="relative min-w-0 flex-1 basis-56">
          <Icon name="search" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500 dark:text-slate-400" />
          <input
            ref={inputRef}
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onStep(e.shiftKey ? -1 : 1);
              }
            }}
            aria-describedby={`${id}-status ${id}-hint`}
            placeholder="Names, inputs, outputs, errors…"
            className="w-full min-w-0 rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-8 text-sm dark:border-slate-600 dark:bg-slate-800"
          />
        </div>
        <div className="flex items-center gap-1">
          <button type="button" className={buttonClass.secondary} onClick={() => onStep(-1)} disabled={matches.length === 0} aria-label="Previous match">
            <Icon name="chevron-left" />
          </button>
          <button type="button" className={buttonClass.secondary} onClick={() => onStep(1)} disabled={matches.length === 0} aria-label="Next match">
            <Icon name="chevron-right" />
          </button>
        </div>
        <label className="flex items-center gap-1.5 text-sm font-medium">
          <input type="checkbox" checked={failedOnly} onChange={(e) => onFailedOnlyChange(e.target.checked)} className="size-4" />
          Failed only
          <span className="font-normal text-slate-600 dark:text-slate-300">({formatCount(failedCount)})</span>
        </label>
      </div>
      <p id={`${id}-status`} role="status" className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
        {status}
      </p>
      <p id={`${id}-hint`} className={cn('-mt-2 text-xs text-slate-500 dark:text-slate-400', status !== '' && 'sr-only')}>
        Every step and iteration, collapsed values included. Enter goes to the next match, Shift+Enter to the previous one; press / anywhere to come back here.
      </p>
      {matches.length > 0 && (
        <ol aria-label="Search results" className="flex max-h-64 min-w-0 flex-col gap-0.5 overflow-auto rounded-md border border-slate-200 p-1 dark:border-slate-700">
          {matches.slice(0, LIST_LIMIT).map((m, i) => (
            <li key={i} className="min-w-0">
              <ResultButton match={m} active={i === current} onClick={() => onJump(i)} />
            </li>
          ))}
          {matches.length > LIST_LIMIT && (
            <li className="px-2 py-1 text-xs text-slate-600 dark:text-slate-300">
              {formatCount(matches.length - LIST_LIMIT)} more: use Next to go through them.
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

function ResultButton({ match, active, onClick }: { match: SearchMatch; active: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-current={active || undefined}
      className={cn(
        'flex w-full min-w-0 flex-col items-start gap-0.5 rounded px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800',
        active && 'bg-sky-50 ring-1 ring-sky-400 dark:bg-sky-950/50 dark:ring-sky-600',
      )}
    >
      <span className="flex max-w-full min-w-0 flex-wrap items-baseline gap-x-2">
        <code className="max-w-full min-w-0 truncate font-mono text-xs font-semibold">{match.stepPath}</code>
        <span className="text-xs text-slate-600 dark:text-slate-300">
          {SLOT_LABEL[match.slot]}
          {match.on === 'key' ? ' (key)' : ''}
          {match.pointer ? ` ${match.pointer}` : ''}
        </span>
      </span>
      <span className="max-w-full min-w-0 truncate font-mono text-xs text-slate-700 dark:text-slate-300">
        {match.before}
        <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-950 dark:bg-amber-500/60 dark:text-white">{match.match}</mark>
        {match.after}
      </span>
    </button>
  );
}
