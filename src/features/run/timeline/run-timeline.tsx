/**
 * Presentational: the run's timeline from a TimelineLayout (timeline-layout.ts does all the math).
 * Props only: no queries, no URL. Rows are one roving tab stop (arrow keys move, Enter selects,
 * Right/Left expand and collapse loops) and are virtualised past VIRTUAL_THRESHOLD rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { Icon } from '@/components/ui/icons';
import type { Notice } from '@/features/run/model/types';
import { cn } from '@/lib/cn';
import { niceTicks, type Tick } from './ticks';
import {
  timelineRowFacts,
  type AxisSegment,
  type TimelineLayout,
  type TimelineRow,
} from './timeline-layout';
import { BAR_TONE, HATCH, ICON_TONE, STRIPES, barStyle, pct } from './timeline-styles';

export interface RunTimelineProps {
  readonly layout: TimelineLayout;
  /** The selected step path (or iteration path), highlighted when it has a row. */
  readonly selectedPath: string | null;
  /** Click or Enter on a row: a step path, or an iteration path (`loop_rows[3]`) for iteration rows. */
  readonly onSelectStep: (path: string) => void;
  /** Show or hide a loop's iterations (the caller keeps the set of expanded loop paths). */
  readonly onToggleLoop: (path: string) => void;
  readonly className?: string;
}

/** Rows are virtualised beyond this count. */
export const VIRTUAL_THRESHOLD = 100;
const ROW_HEIGHT = 32;
const LABEL_COL = 'w-32 shrink-0 sm:w-52 lg:w-64';
const TIP_WIDTH = 288;

interface TipState {
  readonly index: number;
  /** The row's key: when the rows change under it (a poll, an expand), the tooltip goes away. */
  readonly key: string;
  readonly top: number;
  readonly left: number;
  /** Keyboard focus keeps its tooltip through scrolling; a hover tooltip goes away. */
  readonly focus: boolean;
}

export function RunTimeline({
  layout,
  selectedPath,
  onSelectStep,
  onToggleLoop,
  className,
}: RunTimelineProps) {
  const headingId = useId();
  const hintId = useId();
  const tipId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const rows = layout.rows;
  const [tip, setTip] = useState<TipState | null>(null);

  // One performance mark, once the timeline has rendered with data.
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current) return;
    marked.current = true;
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
      performance.mark('inspector:timeline-visible');
    }
  }, []);

  const showTip = useCallback(
    (index: number, row: TimelineRow, target: HTMLElement, focus: boolean) => {
      const section = sectionRef.current;
      if (!section) return;
      const s = section.getBoundingClientRect();
      const r = target.getBoundingClientRect();
      const barLeft = r.left - s.left + Math.max(0, Math.min(1, row.offset)) * r.width;
      const left = Math.max(0, Math.min(barLeft, s.width - TIP_WIDTH));
      const top = Math.max(0, r.bottom - s.top + 4);
      setTip({ index, key: row.key, top, left, focus });
    },
    [],
  );
  const hideTip = useCallback(() => setTip(null), []);
  // The row list scrolled: a hover tooltip goes; a focus tooltip follows its bar.
  const onRowsScroll = useCallback(() => {
    setTip((t) => {
      if (t === null || !t.focus) return null;
      const el = document.activeElement;
      const section = sectionRef.current;
      if (!(el instanceof HTMLElement) || !el.hasAttribute('data-bar') || !section) return null;
      const s = section.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { ...t, top: Math.max(0, r.bottom - s.top + 4) };
    });
  }, []);

  const tipRow = tip !== null && rows[tip.index]?.key === tip.key ? rows[tip.index] : undefined;

  return (
    <section
      ref={sectionRef}
      aria-label="Timeline"
      className={cn(
        'relative min-w-0 overflow-x-clip rounded-lg border border-slate-200 bg-white p-3 text-slate-900 sm:p-4 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
        className,
      )}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          Timeline
        </h2>
        <span className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-600 dark:bg-amber-950/50 dark:text-amber-200">
          <Icon name="info" className="size-3.5 shrink-0" />
          Approximate
        </span>
        <p className="min-w-0 basis-full text-xs text-slate-600 sm:basis-auto dark:text-slate-400">
          Step positions are their durations stacked in execution order: the API records no start
          time per step.
        </p>
      </div>

      <TimelineNotices notices={layout.notices} note={layout.axisNote} />

      {layout.state === 'not-started' ? (
        <p className="mt-3 flex items-center gap-2 rounded-md border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
          <Icon name="hourglass" className="size-4 shrink-0" />
          <span className="min-w-0">{layout.placeholder}</span>
        </p>
      ) : (
        <>
          <Axis layout={layout} />
          <Overview layout={layout} />
          {layout.state === 'span-only' ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{layout.placeholder}</p>
          ) : (
            <Rows
              rows={rows}
              selectedPath={selectedPath}
              onSelectStep={onSelectStep}
              onToggleLoop={onToggleLoop}
              hintId={hintId}
              tipIndex={tipRow ? tip!.index : null}
              tipId={tipId}
              onShowTip={showTip}
              onHideTip={hideTip}
              onScroll={onRowsScroll}
            />
          )}
          <p id={hintId} className="sr-only">
            Use the up and down arrow keys to move between steps, Enter to select one, and the right
            and left arrow keys to show or hide a loop’s iterations.
          </p>
          <ul className="sr-only" aria-label="Timeline summary">
            {layout.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}

      {tip !== null && tipRow ? (
        <div
          id={tipId}
          role="tooltip"
          className="pointer-events-none absolute z-30 w-72 max-w-[calc(100%-0.5rem)] rounded-md bg-slate-900 px-3 py-2 text-xs text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
          style={{
            top: `${Math.max(0, Math.round(tip.top))}px`,
            left: `${Math.max(0, Math.round(tip.left))}px`,
          }}
        >
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5">
            {timelineRowFacts(tipRow, layout.zone).map(([k, v], i) => (
              <div key={`${k}-${i}`} className="contents">
                <dt className="text-slate-300 dark:text-slate-600">{k}</dt>
                <dd className="break-words">{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </section>
  );
}

function TimelineNotices({ notices, note }: { notices: readonly Notice[]; note: string | null }) {
  if (notices.length === 0 && note === null) return null;
  return (
    <ul className="mt-2 flex flex-col gap-1 text-xs" aria-label="Timeline notices">
      {notices.map((n, i) => (
        <li
          key={`${n.code}-${i}`}
          className={cn(
            'flex min-w-0 gap-1.5 rounded-md px-2 py-1',
            n.level === 'info'
              ? 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200'
              : 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200',
          )}
        >
          <Icon name={n.level === 'info' ? 'info' : 'alert'} className="mt-0.5 size-3.5 shrink-0" />
          <span className="min-w-0 break-words">
            {n.message}
            {n.details && n.details.length > 0 ? (
              <span className="block font-mono text-[11px] break-all opacity-90">
                {n.details.map(([k, v]) => `${k}: ${v}`).join(' · ')}
              </span>
            ) : null}
          </span>
        </li>
      ))}
      {note !== null ? (
        <li className="flex min-w-0 gap-1.5 rounded-md bg-slate-100 px-2 py-1 text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          <Icon name="info" className="mt-0.5 size-3.5 shrink-0" />
          <span className="min-w-0 break-words">{note}</span>
        </li>
      ) : null}
    </ul>
  );
}

/** Measures an element's width (0 until known, or where ResizeObserver is missing). */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      setWidth(Number.isFinite(w) && w > 0 ? Math.round(w) : 0);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function Axis({ layout }: { layout: TimelineLayout }) {
  const [trackRef, width] = useWidth<HTMLDivElement>();
  // About one readable label per 75 px of track.
  const ticks: readonly Tick[] = useMemo(
    () =>
      width > 0
        ? niceTicks(layout.scaleMs, Math.max(2, Math.min(10, Math.floor(width / 75)))).ticks
        : layout.ticks,
    [layout.scaleMs, layout.ticks, width],
  );
  return (
    <div
      className="mt-3 flex items-end text-[11px] text-slate-600 dark:text-slate-400"
      aria-hidden="true"
    >
      <div className={cn(LABEL_COL, 'pr-2 text-right')}>
        {layout.originSource === 'created'
          ? 'T+0 = created'
          : layout.originSource === 'startTime'
            ? 'T+0 = start'
            : ''}
      </div>
      <div
        ref={trackRef}
        className="relative mr-1 h-5 min-w-0 flex-1 border-b border-slate-300 dark:border-slate-600"
      >
        {placeTickLabels(ticks, width).map(({ tick, align }) => (
          <span
            key={tick.ms}
            className={cn(
              'absolute bottom-0 h-full border-slate-300 whitespace-nowrap tabular-nums dark:border-slate-600',
              align === 'right' ? '-translate-x-full border-r pr-1 text-right' : 'border-l pl-1',
            )}
            style={{ left: pct(tick.fraction) }}
          >
            {align === 'none' ? null : tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Room a tick label needs (px); "T+1 min 30 s" at 11 px is about this wide. */
const TICK_LABEL_PX = 72;

/**
 * Labels start at their tick; one too close to the end is right-aligned when that doesn't collide
 * with the previous label, and otherwise drawn as a bare tick.
 */
function placeTickLabels(
  ticks: readonly Tick[],
  measured: number,
): Array<{ tick: Tick; align: 'left' | 'right' | 'none' }> {
  const width = measured > 0 ? measured : 600;
  let prevEnd = Number.NEGATIVE_INFINITY;
  return ticks.map((tick) => {
    const x = tick.fraction * width;
    if (width - x >= TICK_LABEL_PX) {
      prevEnd = x + TICK_LABEL_PX;
      return { tick, align: 'left' as const };
    }
    if (x - TICK_LABEL_PX >= prevEnd) return { tick, align: 'right' as const };
    return { tick, align: 'none' as const };
  });
}

const SEGMENT_CLASS: Record<AxisSegment['kind'], string> = {
  queued: cn('bg-slate-300 dark:bg-slate-600', HATCH),
  run: 'border border-sky-400 bg-sky-100 dark:border-sky-600 dark:bg-sky-950',
  unaccounted: cn(
    'border border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/60',
    HATCH,
  ),
};

function Overview({ layout }: { layout: TimelineLayout }) {
  const segments = [layout.queued, layout.run, layout.unaccounted].filter(
    (s): s is AxisSegment => s !== null,
  );
  return (
    <>
      <div className="flex h-7 items-center" aria-hidden="true">
        <div
          className={cn(
            LABEL_COL,
            'truncate pr-2 text-xs font-medium text-slate-700 dark:text-slate-300',
          )}
        >
          Run
        </div>
        <div className="relative mr-1 h-full min-w-0 flex-1">
          {segments.map((s) => (
            <span
              key={s.kind}
              title={s.description}
              className={cn(
                'absolute top-1/2 min-w-[3px] -translate-y-1/2 rounded-sm',
                s.kind === 'run' ? 'h-5' : 'z-10 h-3',
                SEGMENT_CLASS[s.kind],
              )}
              style={barStyle(s.offset, s.width)}
            />
          ))}
          {layout.nowFraction !== null ? (
            <span
              title="Now"
              className="absolute inset-y-0 z-20 w-0.5 bg-sky-700 dark:bg-sky-300"
              style={barStyle(layout.nowFraction, 0)}
            />
          ) : null}
        </div>
      </div>
      <ul
        className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
        aria-label="Run segments"
      >
        {segments.map((s) => (
          <li key={s.kind} className="flex min-w-0 items-center gap-1.5">
            <span
              className={cn('inline-block h-3 w-4 shrink-0 rounded-sm', SEGMENT_CLASS[s.kind])}
              aria-hidden="true"
            />
            <span className="min-w-0">
              <span className="font-medium">{s.label}</span>
              {s.legend}
            </span>
          </li>
        ))}
        {layout.nowFraction !== null ? (
          <li className="flex items-center gap-1.5">
            <span
              className="inline-block h-3 w-0.5 bg-sky-700 dark:bg-sky-300"
              aria-hidden="true"
            />
            Now (still {layout.live ? 'going' : 'open'})
          </li>
        ) : null}
      </ul>
    </>
  );
}

interface RowsProps {
  rows: readonly TimelineRow[];
  selectedPath: string | null;
  onSelectStep: (path: string) => void;
  onToggleLoop: (path: string) => void;
  hintId: string;
  tipIndex: number | null;
  tipId: string;
  onShowTip: (index: number, row: TimelineRow, target: HTMLElement, focus: boolean) => void;
  onHideTip: () => void;
  onScroll: () => void;
}

function Rows({
  rows,
  selectedPath,
  onSelectStep,
  onToggleLoop,
  hintId,
  tipIndex,
  tipId,
  onShowTip,
  onHideTip,
  onScroll,
}: RowsProps) {
  const virtual = rows.length > VIRTUAL_THRESHOLD;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The roving tab stop, by key so it survives expanding and collapsing.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const selectedIndex = useMemo(
    () => (selectedPath === null ? -1 : rows.findIndex((r) => r.path === selectedPath)),
    [rows, selectedPath],
  );
  const toggleColumn = useMemo(() => rows.some((r) => r.loop?.expandable), [rows]);
  const activeFound = activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey);
  const activeIndex = activeFound >= 0 ? activeFound : selectedIndex >= 0 ? selectedIndex : 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows on the first paint, before the scroller has been measured (about its max height).
    initialRect: { width: 0, height: 640 },
    enabled: virtual,
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  // Keep the selected row in view inside the timeline's own scroller (never scrolls the page).
  useEffect(() => {
    if (virtual && selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [virtual, selectedIndex, virtualizer]);

  // Move focus once the target row is rendered (with virtualisation it may take a render).
  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = listRef.current?.querySelector<HTMLButtonElement>(`[data-index="${i}"] [data-bar]`);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const moveTo = useCallback(
    (i: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, i));
      const row = rows[target];
      if (!row) return;
      setActiveKey(row.key);
      pendingFocus.current = target;
      if (virtual) virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [rows, virtual, virtualizer],
  );

  const select = useCallback(
    (index: number, path: string) => {
      const row = rows[index];
      if (row) setActiveKey(row.key);
      onSelectStep(path);
    },
    [rows, onSelectStep],
  );
  const toggle = useCallback(
    (index: number, path: string) => {
      const row = rows[index];
      if (row) setActiveKey(row.key);
      onToggleLoop(path);
    },
    [rows, onToggleLoop],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const holder = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const index = holder ? Number(holder.dataset.index) : activeIndex;
    const row = rows[index];
    if (!row || !Number.isInteger(index)) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + 10);
        break;
      case 'PageUp':
        moveTo(index - 10);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.loop?.expandable && !row.loop.expanded) onToggleLoop(row.path);
        else if (row.loop?.expanded) moveTo(index + 1);
        break;
      case 'ArrowLeft':
        if (row.loop?.expanded) onToggleLoop(row.path);
        else if (row.depth > 0) moveTo(parentIndex(rows, index));
        break;
      case 'Enter':
        // Select explicitly (and cancel the native click) so Enter works the same everywhere.
        if ((e.target as HTMLElement).hasAttribute('data-bar')) select(index, row.path);
        else handled = false;
        break;
      case 'Escape':
        onHideTip();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const renderRow = (index: number, style?: CSSProperties): ReactNode => {
    const row = rows[index];
    if (!row) return null;
    return (
      <TimelineRowView
        key={row.key}
        row={row}
        index={index}
        count={rows.length}
        active={index === activeIndex}
        selected={index === selectedIndex}
        tipShown={tipIndex === index}
        tipId={tipId}
        toggleColumn={toggleColumn}
        style={style}
        onSelect={select}
        onToggle={toggle}
        onShowTip={onShowTip}
        onHideTip={onHideTip}
      />
    );
  };

  const list = (
    <ul
      ref={listRef}
      aria-label="Steps on the timeline"
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      className={virtual ? 'relative' : 'mt-1'}
      style={virtual ? { height: `${Math.max(0, virtualizer.getTotalSize())}px` } : undefined}
    >
      {virtual
        ? virtualizer.getVirtualItems().map((v) =>
            renderRow(v.index, {
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${Math.max(0, v.start)}px)`,
            }),
          )
        : rows.map((_, i) => renderRow(i))}
    </ul>
  );

  if (!virtual) return list;
  return (
    <div
      ref={scrollRef}
      onScroll={onScroll}
      className="mt-1 max-h-[min(70vh,40rem)] overflow-y-auto overscroll-contain border-t border-slate-200 dark:border-slate-700"
    >
      {list}
    </div>
  );
}

/** The row a nested row belongs to: a step's iteration header, an iteration's loop. */
function parentIndex(rows: readonly TimelineRow[], index: number): number {
  const row = rows[index]!;
  const iterationPath = row.step?.iterationPath ?? null;
  for (let j = index - 1; j >= 0; j--) {
    const r = rows[j]!;
    if (iterationPath !== null ? r.key === iterationPath : r.depth < row.depth) return j;
  }
  return index;
}

interface RowViewProps {
  row: TimelineRow;
  index: number;
  count: number;
  active: boolean;
  selected: boolean;
  tipShown: boolean;
  tipId: string;
  /** Some row has a loop toggle: keep the column so names line up. */
  toggleColumn: boolean;
  style: CSSProperties | undefined;
  onSelect: (index: number, path: string) => void;
  onToggle: (index: number, path: string) => void;
  onShowTip: (index: number, row: TimelineRow, target: HTMLElement, focus: boolean) => void;
  onHideTip: () => void;
}

const TimelineRowView = memo(function TimelineRowView({
  row,
  index,
  count,
  active,
  selected,
  tipShown,
  tipId,
  toggleColumn,
  style,
  onSelect,
  onToggle,
  onShowTip,
  onHideTip,
}: RowViewProps) {
  const tone = row.status.tone;
  const loop = row.loop;
  const indent = Math.min(row.depth, 6) * 0.75;
  return (
    <li
      data-index={index}
      data-row-key={row.key}
      aria-setsize={count}
      aria-posinset={index + 1}
      className={cn(
        'flex h-8 items-center rounded-sm',
        selected ? 'bg-sky-100 dark:bg-sky-950/70' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60',
        row.type === 'iteration' && !selected && 'bg-slate-50/70 dark:bg-slate-800/30',
      )}
      style={style}
    >
      <div
        className={cn(LABEL_COL, 'flex h-full min-w-0 items-center gap-1 pr-2')}
        style={{ paddingLeft: `${indent}rem` }}
      >
        {loop?.expandable ? (
          <button
            type="button"
            tabIndex={active ? 0 : -1}
            aria-expanded={loop.expanded}
            aria-label={`${loop.expanded ? 'Hide' : 'Show'} the iterations of ${row.label}`}
            onClick={() => onToggle(index, row.path)}
            className="grid size-5 shrink-0 place-items-center rounded text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300 dark:hover:bg-slate-700"
          >
            <Icon name={loop.expanded ? 'chevron-down' : 'chevron-right'} className="size-4" />
          </button>
        ) : toggleColumn ? (
          <span className="size-5 shrink-0" aria-hidden="true" />
        ) : null}
        <Icon
          name={row.status.icon}
          className={cn(
            'size-3.5 shrink-0',
            ICON_TONE[tone],
            row.open && row.status.icon === 'spinner' && 'animate-spin motion-reduce:animate-none',
          )}
        />
        <span
          onClick={() => onSelect(index, row.path)}
          title={
            row.type === 'step' && row.label !== row.name ? `${row.label} (${row.name})` : row.label
          }
          className={cn(
            'min-w-0 cursor-pointer truncate text-xs',
            row.type === 'iteration' ? 'text-slate-600 italic dark:text-slate-400' : 'font-medium',
          )}
        >
          {row.label}
        </span>
        {row.failing === 'here' ? (
          <span className="shrink-0 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
            <span className="sm:hidden">Failed</span>
            <span className="hidden sm:inline">Failed here</span>
          </span>
        ) : row.failing === 'contains' ? (
          <span className="hidden shrink-0 rounded border border-dashed border-red-500 px-1 text-[10px] font-medium text-red-800 sm:inline dark:text-red-200">
            Failure inside
          </span>
        ) : null}
        {row.interrupted ? (
          <span className="hidden shrink-0 text-[10px] font-medium text-amber-800 sm:inline dark:text-amber-200">
            Interrupted
          </span>
        ) : null}
        {row.branchLabel ? (
          <span
            className="hidden min-w-0 truncate text-[10px] text-slate-600 sm:inline dark:text-slate-400"
            title={row.branchLabel}
          >
            {row.branchLabel}
          </span>
        ) : null}
        {loop ? (
          <span className="hidden shrink-0 text-[10px] text-slate-600 tabular-nums sm:inline dark:text-slate-400">
            ×{loop.iterationCount}
            {loop.totalItems !== null && loop.totalItems !== loop.iterationCount
              ? `/${loop.totalItems}`
              : ''}
          </span>
        ) : null}
        <span
          className="ml-auto shrink-0 pl-1 text-[10px] text-slate-600 tabular-nums dark:text-slate-400"
          data-testid="row-duration"
        >
          {row.open ? 'open' : row.durationLabel}
        </span>
      </div>
      <button
        type="button"
        data-bar=""
        tabIndex={active ? 0 : -1}
        aria-label={row.summary}
        aria-current={selected ? 'true' : undefined}
        aria-describedby={tipShown ? tipId : undefined}
        onClick={() => onSelect(index, row.path)}
        onMouseEnter={(e) => onShowTip(index, row, e.currentTarget, false)}
        onMouseLeave={onHideTip}
        onFocus={(e) => onShowTip(index, row, e.currentTarget, true)}
        onBlur={onHideTip}
        className="relative mr-1 h-full min-w-0 flex-1 cursor-pointer rounded-sm focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-600"
      >
        {loop ? <LoopBar row={row} /> : <Bar row={row} />}
      </button>
    </li>
  );
});

function Bar({ row }: { row: TimelineRow }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'absolute top-1/2 h-3 min-w-[3px] -translate-y-1/2 overflow-hidden rounded-sm',
        BAR_TONE[row.status.tone],
        row.type === 'iteration' && 'h-2 opacity-70',
        row.open && STRIPES,
        row.failing === 'here' &&
          'ring-2 ring-red-700 ring-offset-1 ring-offset-white dark:ring-red-300 dark:ring-offset-slate-900',
        row.failing === 'contains' &&
          'outline-2 outline-offset-1 outline-red-600 outline-dashed dark:outline-red-400',
        row.interrupted && 'border-r-4 border-amber-800 dark:border-amber-200',
      )}
      style={barStyle(row.offset, row.width)}
    >
      {row.open ? (
        <span className="absolute inset-y-0 right-0 w-1.5 animate-pulse bg-white/80 motion-reduce:animate-none dark:bg-slate-900/70" />
      ) : null}
    </span>
  );
}

function LoopBar({ row }: { row: TimelineRow }) {
  const loop = row.loop!;
  return (
    <>
      <span
        aria-hidden="true"
        className={cn(
          'absolute top-1/2 h-4 min-w-[3px] -translate-y-1/2 rounded-sm border border-slate-400 bg-slate-100 dark:border-slate-500 dark:bg-slate-800',
          row.open && STRIPES,
          row.failing === 'contains' &&
            'outline-2 outline-offset-1 outline-red-600 outline-dashed dark:outline-red-400',
          row.failing === 'here' && 'ring-2 ring-red-700 ring-offset-1 dark:ring-red-300',
        )}
        style={barStyle(row.offset, row.width)}
      />
      {loop.segments.map((s) => (
        <span
          key={s.key}
          title={s.label}
          aria-hidden="true"
          className={cn(
            'absolute top-1/2 h-2.5 -translate-y-1/2',
            BAR_TONE[s.status.tone],
            s.minWidth
              ? 'min-w-[2px]'
              : !loop.density && 'border-r border-white/70 dark:border-slate-900/70',
            s.failing && 'z-10 ring-2 ring-red-700 dark:ring-red-300',
            s.open && STRIPES,
          )}
          style={barStyle(s.offset, s.width)}
        />
      ))}
    </>
  );
}
