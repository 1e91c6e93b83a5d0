/**
 * PURE: RunModel → what the timeline draws. No React, no DOM.
 *
 * Activepieces records no per-step start times, only durations (run-data.md §5), so step bars are
 * a cumulative approximation: top-level steps end to end in execution order from `startTime`, loop
 * iterations inside their loop's bar, a router's branch steps after it (they already are flat
 * siblings in the model). What the steps don't account for (queueing, pauses, engine overhead) is
 * its own segment. Every position is a fraction of the scale, the larger of the run span and the
 * step sum, so nothing overflows; bad clocks and odd durations never produce NaN, Infinity or a
 * negative number.
 */
import type {
  IterationNode,
  Notice,
  RunModel,
  StatusInfo,
  StepKind,
  StepNode,
} from '@/features/run/model/types';
import {
  formatDateTime,
  formatDuration,
  formatDurationExact,
  formatOffset,
  type ZoneChoice,
} from '@/lib/time';
import { niceTicks, type Tick } from './ticks';

/** Below this a bar is hard to see: the renderer gives it a minimum visible width. */
export const MIN_VISIBLE_FRACTION = 0.004;
/** More iterations than this: the loop bar becomes a density strip. */
export const DENSITY_THRESHOLD = 200;
/** The most segments a density strip has. */
export const DENSITY_BUCKETS = 100;
/** Nested expanded loops are laid out this deep at most (the model bounds nesting too). */
export const MAX_ROW_DEPTH = 32;
/** No computed time exceeds this (≈ 31,700 years), so sums of absurd durations stay finite. */
const MAX_MS = 1e15;
/** The scale never goes below 1 ms (a zero-length run must not divide by zero). */
const MIN_SCALE_MS = 1;

export interface TimelineOptions {
  /** One "now" per render, so every bar agrees. */
  readonly nowMs: number;
  /** Paths of the loops whose iterations are shown as rows. */
  readonly expanded: ReadonlySet<string>;
  readonly zone: ZoneChoice;
  /** Tick count bound for the default ticks (the renderer may recompute for its width). */
  readonly maxTicks?: number;
}

/** A part of a loop's bar: one iteration, or (density strip) a bucket of iterations. */
export interface TimelineSegment {
  readonly key: string;
  readonly offset: number;
  readonly width: number;
  /** The iteration's status, or a bucket's worst (failed > running > paused > succeeded). */
  readonly status: StatusInfo;
  /** "Iteration 3: Failed", "Iterations 101–200: 1 failed, 99 succeeded". */
  readonly label: string;
  /** The run's failure is in it. */
  readonly failing: boolean;
  readonly open: boolean;
  readonly minWidth: boolean;
  /** Number of iterations it stands for (1 unless a density bucket). */
  readonly count: number;
  /** First iteration (1-based) in it. */
  readonly first: number;
}

export interface TimelineLoop {
  readonly iterationCount: number;
  /** `input.items.length` when known. */
  readonly totalItems: number | null;
  readonly failedIterations: readonly number[];
  readonly segments: readonly TimelineSegment[];
  /** Segments are buckets of iterations (more than DENSITY_THRESHOLD iterations). */
  readonly density: boolean;
  readonly expanded: boolean;
  /** Has iterations to show. */
  readonly expandable: boolean;
  /** The loop has no duration of its own: its bar is the sum of its iterations. */
  readonly fromIterations: boolean;
}

export type RowFailing = 'here' | 'contains' | null;

/**
 * One row of the timeline. Rows are class instances whose text fields (durationLabel, offsetLabel,
 * summary) are computed on read: read them, don't spread a row into a new object.
 */
export interface TimelineRow {
  /** Unique: the step path (`loop_rows[3].update_contact`) or the iteration path (`loop_rows[3]`). */
  readonly key: string;
  readonly type: 'step' | 'iteration';
  /** What selecting the row selects: the step path, or the iteration path for iteration rows. */
  readonly path: string;
  /** The step name (iteration rows: the loop's name). */
  readonly name: string;
  /** Display name or name; "Iteration 3 of 10" for iteration rows. */
  readonly label: string;
  /** 0 at top level, +1 per loop level (iteration rows sit at the loop's depth + 1). */
  readonly depth: number;
  readonly kind: StepKind | 'iteration';
  readonly status: StatusInfo;
  /** Position and length on the track, fractions of the scale: finite, in [0, 1], offset + width ≤ 1. */
  readonly offset: number;
  readonly width: number;
  /** Offset from the axis origin and drawn length, in ms. */
  readonly offsetMs: number;
  readonly drawnMs: number;
  /** The recorded duration (null when none). */
  readonly durationMs: number | null;
  /** formatDuration(durationMs), "—" when there is none. */
  readonly durationLabel: string;
  /** "T+1.2 s" */
  readonly offsetLabel: string;
  /** Estimated absolute start (startTime + offset), null when the run has no valid start time. */
  readonly absoluteStartMs: number | null;
  /** Router rows: "→ Billing". */
  readonly branchLabel: string | null;
  readonly loop: TimelineLoop | null;
  /** 'here': the run's failing step; 'contains': a loop or iteration containing it. */
  readonly failing: RowFailing;
  /** Running or paused in a live run: the bar extends to now. */
  readonly open: boolean;
  /** RUNNING in a run that ended: cut off, not extended. */
  readonly interrupted: boolean;
  /** Too short to see (no duration, zero, or tiny): draw with a minimum visible width. */
  readonly minWidth: boolean;
  /** Positioned by stacked durations, not by recorded times (always true for steps). */
  readonly approximate: boolean;
  /** Plain sentence for screen readers and the bar's accessible name. */
  readonly summary: string;
  readonly step: StepNode | null;
  readonly iteration: IterationNode | null;
}

export type AxisSegmentKind = 'queued' | 'run' | 'unaccounted';

export interface AxisSegment {
  readonly kind: AxisSegmentKind;
  readonly offset: number;
  readonly width: number;
  readonly durationMs: number;
  /** "Queued 1.64 s", "Run 2.3 s", "Unaccounted 19 h 23 min". */
  readonly label: string;
  /** One plain sentence saying what the segment is. */
  readonly description: string;
  /** What the legend says after the label (": queueing, pauses, engine overhead"). */
  readonly legend: string;
  readonly minWidth: boolean;
  /** The run segment of a live run: it ends at now. */
  readonly open: boolean;
}

export type TimelineState =
  /** Step bars. */
  | 'bars'
  /** No step data, but the run has a start: the run's span only. */
  | 'span-only'
  /** No start time and no steps: a placeholder, no bars. */
  | 'not-started';

export interface TimelineLayout {
  readonly state: TimelineState;
  /** What to show instead of bars (not-started, span-only), else null. */
  readonly placeholder: string | null;
  readonly live: boolean;
  readonly zone: ZoneChoice;
  /** Absolute time of T+0 and which timestamp it is. */
  readonly originMs: number | null;
  readonly originSource: 'created' | 'startTime' | null;
  /** Where the run's end comes from. */
  readonly endSource: 'finishTime' | 'now' | 'steps' | null;
  /** The axis length in ms (≥ 1). */
  readonly scaleMs: number;
  readonly scaleSource: 'span' | 'steps';
  /** The run from start to end (finish or now), null when unknown. */
  readonly spanMs: number | null;
  /** created → startTime, null when unknown or negative. */
  readonly queueMs: number | null;
  /** Sum of the drawn top-level step durations. */
  readonly stepSumMs: number;
  /** Where "now" sits on the track (live runs), else null. */
  readonly nowFraction: number | null;
  readonly queued: AxisSegment | null;
  readonly run: AxisSegment | null;
  readonly unaccounted: AxisSegment | null;
  readonly ticks: readonly Tick[];
  readonly rows: readonly TimelineRow[];
  /** Timestamp inconsistencies and other timeline-relevant notices, from the model. */
  readonly notices: readonly Notice[];
  /** Why the axis is drawn the way it is, when it is not the plain case. */
  readonly axisNote: string | null;
  /** Run-level facts as plain sentences (screen readers, the summary list). */
  readonly summary: readonly string[];
}

/** Model notices that concern the timeline (the timestamp issues are added by identity). */
const TIMELINE_NOTICE_CODES: ReadonlySet<string> = new Set(['durations-missing', 'steps-exceed-span']);

/** Whether the timeline shows this notice (so the run-level list can leave it out). */
export function isTimelineNotice(model: RunModel, n: Notice): boolean {
  if (n.code === 'probably-stuck') return false; // about the run, not its drawing: stays on top
  return TIMELINE_NOTICE_CODES.has(n.code) || model.timing.issues.includes(n);
}

const finite = (n: number): number => (Number.isFinite(n) ? n : 0);
const capMs = (n: number): number => Math.min(MAX_MS, Math.max(0, finite(n)));
const add = (a: number, b: number): number => capMs(a + b);

interface Ctx {
  readonly live: boolean;
  readonly expanded: ReadonlySet<string>;
  readonly failingPath: string | null;
  /** Loop paths and iteration paths on the failing step's trail. */
  readonly failingTrail: ReadonlySet<string>;
  readonly effective: Map<StepNode, number>;
  readonly iterEffective: Map<IterationNode, number>;
  /** The axis length (ms), known before any row is placed. */
  readonly scaleMs: number;
  /** startTime (absolute) and its offset from the origin, for absolute start estimates. */
  readonly started: number | null;
  readonly startRel: number;
}

/** A loop segment in ms, before it becomes fractions. */
interface MsSegment {
  key: string;
  startMs: number;
  endMs: number;
  status: StatusInfo;
  label: string;
  failing: boolean;
  open: boolean;
  count: number;
  first: number;
}

const isOpenStatus = (s: StatusInfo, live: boolean): boolean =>
  live && (s.raw === 'RUNNING' || s.raw === 'PAUSED');

/** ms → a fraction of the scale: finite, in [0, 1]. */
const fraction = (ms: number, scaleMs: number): number =>
  Math.min(1, Math.max(0, finite(ms / scaleMs)));

/** An interval → offset and width with offset + width ≤ 1, whatever went in. */
function placeOnTrack(
  startMs: number,
  endMs: number,
  scaleMs: number,
): { offset: number; width: number } {
  const offset = fraction(startMs, scaleMs);
  const width = Math.min(Math.max(0, fraction(endMs, scaleMs) - offset), 1 - offset);
  return { offset, width };
}

/** The duration a step takes on the track: its own, or (loops without one) the sum of its iterations. */
function effectiveMs(step: StepNode, ctx: Ctx, depth = 0): number {
  const cached = ctx.effective.get(step);
  if (cached !== undefined) return cached;
  let ms = 0;
  if (step.durationMs !== null) ms = capMs(step.durationMs);
  else if (step.loop && depth < MAX_ROW_DEPTH) {
    for (const it of step.loop.iterations) ms = add(ms, iterationMs(it, ctx, depth + 1));
  }
  ctx.effective.set(step, ms);
  return ms;
}

function iterationMs(it: IterationNode, ctx: Ctx, depth: number): number {
  const cached = ctx.iterEffective.get(it);
  if (cached !== undefined) return cached;
  let ms = 0;
  for (const s of it.steps) ms = add(ms, effectiveMs(s, ctx, depth));
  ctx.iterEffective.set(it, ms);
  return ms;
}

function failingOf(step: StepNode, ctx: Ctx): RowFailing {
  if (ctx.failingPath !== null && step.path === ctx.failingPath) return 'here';
  if (step.loop && (ctx.failingTrail.has(step.path) || step.containsFailure)) return 'contains';
  return null;
}

function branchLabelOf(step: StepNode): string | null {
  const r = step.router;
  if (!r) return null;
  if (r.taken.length > 0) return `→ ${r.taken.join(', ')}`;
  if (r.form !== 'none') return '→ no branch ran';
  return null;
}

interface RowFields {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  readonly depth: number;
  readonly kind: StepKind | 'iteration';
  readonly status: StatusInfo;
  readonly durationMs: number | null;
  readonly failing: RowFailing;
  readonly open: boolean;
  readonly interrupted: boolean;
  readonly branchLabel: string | null;
}

/**
 * A row. The text (labels, the summary sentence) is produced on first read: an expanded loop of
 * 10,000 iterations has 40,000 rows, of which a virtualised list shows a few dozen.
 */
class LayoutRow implements TimelineRow {
  readonly key: string;
  readonly type: 'step' | 'iteration';
  readonly path: string;
  readonly name: string;
  readonly label: string;
  readonly depth: number;
  readonly kind: StepKind | 'iteration';
  readonly status: StatusInfo;
  readonly offset: number;
  readonly width: number;
  readonly offsetMs: number;
  readonly drawnMs: number;
  readonly durationMs: number | null;
  readonly absoluteStartMs: number | null;
  readonly branchLabel: string | null;
  loop: TimelineLoop | null = null;
  readonly failing: RowFailing;
  readonly open: boolean;
  readonly interrupted: boolean;
  readonly minWidth: boolean;
  readonly approximate = true;
  readonly step: StepNode | null;
  readonly iteration: IterationNode | null;
  #summary: string | null = null;

  constructor(
    ctx: Ctx,
    type: 'step' | 'iteration',
    step: StepNode | null,
    iteration: IterationNode | null,
    f: RowFields,
    startMs: number,
    endMs: number,
  ) {
    const { offset, width } = placeOnTrack(startMs, endMs, ctx.scaleMs);
    this.key = f.key;
    this.type = type;
    this.path = f.key;
    this.name = f.name;
    this.label = f.label;
    this.depth = f.depth;
    this.kind = f.kind;
    this.status = f.status;
    this.offset = offset;
    this.width = width;
    this.offsetMs = startMs;
    this.drawnMs = capMs(endMs - startMs);
    this.durationMs = f.durationMs;
    // Whole milliseconds: the estimate is approximate anyway, and date formatting expects integers.
    this.absoluteStartMs =
      ctx.started !== null ? Math.round(ctx.started + (startMs - ctx.startRel)) : null;
    this.branchLabel = f.branchLabel;
    this.failing = f.failing;
    this.open = f.open;
    this.interrupted = f.interrupted;
    this.minWidth = endMs <= startMs || width < MIN_VISIBLE_FRACTION;
    this.step = step;
    this.iteration = iteration;
  }

  get durationLabel(): string {
    return formatDuration(this.durationMs);
  }

  get offsetLabel(): string {
    return formatOffset(this.offsetMs);
  }

  get summary(): string {
    this.#summary ??= rowSummary(this);
    return this.#summary;
  }
}

/**
 * Lay `steps` end to end from `cursor`. `containerEnd` is where open bars stop (the run's end, or
 * the enclosing iteration's end); `factor` scales durations inside a loop whose iterations add up
 * to more than its own duration. Returns the cursor after the last step.
 */
function placeSteps(
  steps: readonly StepNode[],
  cursor: number,
  containerEnd: number | null,
  factor: number,
  depth: number,
  ctx: Ctx,
  out: TimelineRow[],
): number {
  for (const step of steps) {
    const drawn = capMs(effectiveMs(step, ctx) * factor);
    const start = cursor;
    const open = isOpenStatus(step.status, ctx.live);
    let end = add(start, drawn);
    if (open && containerEnd !== null && containerEnd > end) end = containerEnd;
    const row = new LayoutRow(
      ctx,
      'step',
      step,
      null,
      {
        key: step.path,
        name: step.name,
        label: step.displayName ?? step.name,
        depth,
        kind: step.kind,
        status: step.status,
        durationMs: step.durationMs,
        failing: failingOf(step, ctx),
        open,
        interrupted: !ctx.live && step.status.raw === 'RUNNING',
        branchLabel: branchLabelOf(step),
      },
      start,
      end,
    );
    out.push(row);
    if (step.loop) row.loop = layoutLoop(step, start, end, factor, depth, ctx, out);
    cursor = add(cursor, drawn);
  }
  return cursor;
}

function layoutLoop(
  step: StepNode,
  loopStart: number,
  loopEnd: number,
  factor: number,
  depth: number,
  ctx: Ctx,
  out: TimelineRow[],
): TimelineLoop {
  const info = step.loop!;
  const iterations = info.iterations;
  let sum = 0;
  for (const it of iterations) sum = add(sum, iterationMs(it, ctx, depth + 1));
  // Iterations fit inside the loop's own duration; scaled down only when they add up to more.
  const own = step.durationMs === null ? null : capMs(step.durationMs);
  const inner = factor * (own !== null && sum > own && sum > 0 ? own / sum : 1);
  const expanded =
    ctx.expanded.has(step.path) && iterations.length > 0 && depth + 1 <= MAX_ROW_DEPTH;
  const total = info.totalItems ?? iterations.length;

  const singles: MsSegment[] = [];
  let cursor = loopStart;
  for (const it of iterations) {
    const drawn = capMs(iterationMs(it, ctx, depth + 1) * inner);
    const start = cursor;
    const open = isOpenStatus(it.status, ctx.live);
    let end = add(start, drawn);
    if (open && loopEnd > end) end = loopEnd;
    const failing = ctx.failingTrail.has(it.path);
    singles.push({
      key: it.path,
      startMs: start,
      endMs: end,
      status: it.status,
      label: `Iteration ${it.number}: ${it.status.label}`,
      failing,
      open,
      count: 1,
      first: it.number,
    });
    if (expanded) {
      const header = new LayoutRow(
        ctx,
        'iteration',
        null,
        it,
        {
          key: it.path,
          name: step.name,
          label: `Iteration ${it.number} of ${total}`,
          depth: depth + 1,
          kind: 'iteration',
          status: it.status,
          durationMs: it.durationMs,
          failing: failing ? 'contains' : null,
          open,
          interrupted: !ctx.live && it.status.raw === 'RUNNING',
          branchLabel: null,
        },
        start,
        end,
      );
      out.push(header);
      placeSteps(it.steps, start, end, inner, depth + 1, ctx, out);
    }
    cursor = add(cursor, drawn);
  }

  const density = singles.length > DENSITY_THRESHOLD;
  return {
    iterationCount: iterations.length,
    totalItems: info.totalItems,
    failedIterations: info.failedIterations,
    segments: (density ? bucketize(singles) : singles).map((s) => {
      const p = placeOnTrack(s.startMs, s.endMs, ctx.scaleMs);
      return {
        key: s.key,
        offset: p.offset,
        width: p.width,
        status: s.status,
        label: s.label,
        failing: s.failing,
        open: s.open,
        minWidth: s.endMs <= s.startMs || p.width < MIN_VISIBLE_FRACTION,
        count: s.count,
        first: s.first,
      };
    }),
    density,
    expanded,
    expandable: iterations.length > 0,
    fromIterations: own === null,
  };
}

const STATUS_RANK = (s: StatusInfo): number =>
  s.failed
    ? 5
    : s.raw === 'RUNNING'
      ? 4
      : s.raw === 'PAUSED'
        ? 3
        : s.raw === 'SUCCEEDED' || s.raw === 'STOPPED'
          ? 2
          : 1;

/** At most DENSITY_BUCKETS segments, each the worst status of the iterations in it. */
function bucketize(singles: readonly MsSegment[]): MsSegment[] {
  const n = singles.length;
  const buckets = Math.min(DENSITY_BUCKETS, n);
  const out: MsSegment[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets); // exclusive
    if (to <= from) continue;
    let worst = singles[from]!;
    let failed = 0;
    let succeeded = 0;
    let running = 0;
    let failing = false;
    let open = false;
    let endMs = 0;
    for (let i = from; i < to; i++) {
      const s = singles[i]!;
      if (STATUS_RANK(s.status) > STATUS_RANK(worst.status)) worst = s;
      if (s.status.failed) failed++;
      else if (s.status.raw === 'SUCCEEDED' || s.status.raw === 'STOPPED') succeeded++;
      else if (s.status.raw === 'RUNNING') running++;
      failing ||= s.failing;
      open ||= s.open;
      endMs = Math.max(endMs, s.endMs);
    }
    const first = singles[from]!;
    const last = singles[to - 1]!;
    const counts = [
      failed > 0 ? `${failed} failed` : null,
      running > 0 ? `${running} running` : null,
      succeeded > 0 ? `${succeeded} succeeded` : null,
      to - from - failed - running - succeeded > 0
        ? `${to - from - failed - running - succeeded} other`
        : null,
    ].filter((x): x is string => x !== null);
    out.push({
      key: `${first.key}…${last.key}`,
      startMs: first.startMs,
      endMs: Math.max(endMs, first.startMs),
      status: worst.status,
      label: `${to - from === 1 ? `Iteration ${first.first}` : `Iterations ${first.first}–${last.first}`}: ${counts.join(', ')}`,
      failing,
      open,
      count: to - from,
      first: first.first,
    });
  }
  return out;
}

export function layoutTimeline(model: RunModel, opts: TimelineOptions): TimelineLayout {
  const { timing } = model;
  const zone = opts.zone;
  const live = !model.status.terminal;
  const nowMs = Number.isFinite(opts.nowMs) ? opts.nowMs : null;
  const created = timing.created.ms;
  const started = timing.started.ms;

  // Axis origin: created (queue time is its own segment) when valid and not after the start.
  let originMs: number | null = null;
  let originSource: TimelineLayout['originSource'] = null;
  if (created !== null && (started === null || created <= started)) {
    originMs = created;
    originSource = 'created';
  } else if (started !== null) {
    originMs = started;
    originSource = 'startTime';
  }
  const queueMs = started !== null && originSource === 'created' ? capMs(started - created!) : null;
  const startRel = queueMs ?? 0;

  // The run's span: the timestamps when finished and in order, else now − start while live.
  let spanMs: number | null = null;
  let endSource: TimelineLayout['endSource'] = null;
  if (timing.spanKind === 'finished' && timing.spanMs !== null) {
    spanMs = capMs(timing.spanMs);
    endSource = 'finishTime';
  } else if (live && started !== null && nowMs !== null && nowMs >= started) {
    spanMs = capMs(nowMs - started);
    endSource = 'now';
  }
  const runEnd = spanMs !== null ? add(startRel, spanMs) : null;

  const failingPath = model.failure?.step?.path ?? null;
  const failingTrail = new Set<string>();
  for (const t of model.failure?.step?.trail ?? []) {
    failingTrail.add(t.loopPath);
    failingTrail.add(`${t.loopPath}[${t.number}]`);
  }
  const hasSteps = model.steps.length > 0;
  if (!hasSteps && started === null) {
    return emptyLayout(model, opts, live, originMs, originSource, nowMs, created);
  }
  if (endSource === null && hasSteps) endSource = 'steps';

  const effective = new Map<StepNode, number>();
  const iterEffective = new Map<IterationNode, number>();
  const pre = {
    live,
    expanded: opts.expanded,
    failingPath,
    failingTrail,
    effective,
    iterEffective,
    scaleMs: 1,
    started,
    startRel,
  };
  // The scale, known before placing anything: every nested bar lies inside its top-level bar, and
  // open bars stop at the run's end, so the larger of the run's end and the top-level step sum is
  // the furthest anything reaches.
  let stepSumMs = 0;
  for (const s of model.steps) stepSumMs = add(stepSumMs, effectiveMs(s, pre));
  const stepsEnd = add(startRel, stepSumMs);
  const maxEnd = Math.max(runEnd ?? 0, stepsEnd);
  const scaleMs = Math.max(MIN_SCALE_MS, maxEnd);
  const scaleSource: TimelineLayout['scaleSource'] =
    runEnd !== null && runEnd >= maxEnd ? 'span' : 'steps';
  const ctx: Ctx = { ...pre, scaleMs };
  const place = (startMs: number, endMs: number) => placeOnTrack(startMs, endMs, scaleMs);
  const frac = (ms: number) => fraction(ms, scaleMs);

  const rows: TimelineRow[] = [];
  placeSteps(model.steps, startRel, runEnd, 1, 0, ctx, rows);

  // Segments on the axis: queued, the run, and what the steps don't account for.
  const queued: AxisSegment | null =
    queueMs !== null && queueMs > 0
      ? axisSegment(
          'queued',
          0,
          queueMs,
          place,
          `Queued ${formatDuration(queueMs)}`,
          `Queued for ${formatDuration(queueMs)} between created and start.`,
          false,
        )
      : null;
  const runSeg: AxisSegment | null =
    started !== null || hasSteps
      ? axisSegment(
          'run',
          startRel,
          runEnd ?? stepsEnd,
          place,
          endSource === 'finishTime'
            ? `Run ${formatDuration(spanMs)}`
            : endSource === 'now'
              ? `Elapsed ${formatDuration(spanMs)}`
              : endSource === 'steps'
                ? `Run ≈ ${formatDuration(stepSumMs)} (from step durations)`
                : 'Run (end unknown)',
          endSource === 'finishTime'
            ? `The run took ${formatDuration(spanMs)} from start to finish.`
            : endSource === 'now'
              ? `The run has been going for ${formatDuration(spanMs)} (until now).`
              : endSource === 'steps'
                ? `The run has no usable finish time; its length is estimated from the step durations (${formatDuration(stepSumMs)}).`
                : 'The run has no usable finish time and no step durations, so its length is unknown.',
          endSource === 'now',
        )
      : null;
  const openTop = rows.some((r) => r.depth === 0 && r.open);
  const unaccountedMs =
    spanMs !== null && hasSteps && !openTop ? Math.max(0, spanMs - stepSumMs) : 0;
  // A step cut off when the run ended records no duration: the time it ran is in this segment.
  const interruptedRow = rows.find((r) => r.depth === 0 && r.interrupted && r.durationMs === null);
  const unaccountedWhy = interruptedRow
    ? `most likely the interrupted step ${interruptedRow.name} (it recorded no duration), plus queueing and engine overhead`
    : 'queueing, pauses, engine overhead';
  const unaccounted: AxisSegment | null =
    unaccountedMs > 0 && runEnd !== null
      ? axisSegment(
          'unaccounted',
          stepsEnd,
          runEnd,
          place,
          `Unaccounted ${formatDuration(unaccountedMs)}`,
          `${formatDuration(unaccountedMs)} of the run is not covered by step durations: ${unaccountedWhy}.`,
          false,
          `: ${unaccountedWhy}`,
        )
      : null;

  const nowFraction = live && endSource === 'now' && runEnd !== null ? frac(runEnd) : null;
  const axisNote =
    endSource === 'steps'
      ? started !== null
        ? 'The run has no usable finish time, so the axis ends where the step durations end.'
        : 'The run has no valid start time: steps are drawn from T+0 by their durations, with no absolute times.'
      : null;

  const summary: string[] = [];
  summary.push(
    'Step positions are approximate: durations stacked in execution order (no per-step start times exist).',
  );
  if (originSource !== null && originMs !== null) {
    summary.push(
      `T+0 is the run’s ${originSource === 'created' ? 'creation' : 'start'} time, ${formatDateTime(originMs, zone)}.`,
    );
  }
  if (queued) summary.push(queued.description);
  if (runSeg) summary.push(runSeg.description);
  summary.push(
    `${rows.filter((r) => r.depth === 0).length} top-level steps account for ${formatDuration(stepSumMs)}.`,
  );
  if (unaccounted) summary.push(unaccounted.description);
  if (axisNote) summary.push(axisNote);

  return {
    state: hasSteps ? 'bars' : 'span-only',
    placeholder: hasSteps
      ? null
      : (model.stepsMessage ?? 'No step data: only the run’s span is shown.'),
    live,
    zone,
    originMs,
    originSource,
    endSource,
    scaleMs,
    scaleSource,
    spanMs,
    queueMs,
    stepSumMs,
    nowFraction,
    queued,
    run: runSeg,
    unaccounted,
    ticks: niceTicks(scaleMs, opts.maxTicks ?? 6).ticks,
    rows,
    notices: timelineNotices(model),
    axisNote,
    summary,
  };
}

function axisSegment(
  kind: AxisSegmentKind,
  startMs: number,
  endMs: number,
  place: (s: number, e: number) => { offset: number; width: number },
  label: string,
  description: string,
  open: boolean,
  legend?: string,
): AxisSegment {
  const p = place(startMs, endMs);
  return {
    kind,
    offset: p.offset,
    width: p.width,
    durationMs: capMs(endMs - startMs),
    label,
    description,
    legend: legend ?? (kind === 'queued' ? ' before start' : ''),
    minWidth: p.width < MIN_VISIBLE_FRACTION,
    open,
  };
}

function emptyLayout(
  model: RunModel,
  opts: TimelineOptions,
  live: boolean,
  originMs: number | null,
  originSource: TimelineLayout['originSource'],
  nowMs: number | null,
  created: number | null,
): TimelineLayout {
  const waitingMs =
    live && created !== null && nowMs !== null && nowMs >= created ? nowMs - created : null;
  const placeholder = live
    ? created !== null
      ? `Not started yet: waiting since ${formatDateTime(created, opts.zone)}${waitingMs !== null ? ` (${formatDuration(waitingMs)})` : ''}.`
      : 'Not started yet.'
    : 'The run never started, so there is nothing to draw.';
  return {
    state: 'not-started',
    placeholder,
    live,
    zone: opts.zone,
    originMs,
    originSource,
    endSource: null,
    scaleMs: MIN_SCALE_MS,
    scaleSource: 'span',
    spanMs: null,
    queueMs: null,
    stepSumMs: 0,
    nowFraction: null,
    queued: null,
    run: null,
    unaccounted: null,
    ticks: [],
    rows: [],
    notices: timelineNotices(model),
    axisNote: null,
    summary: [placeholder],
  };
}

function timelineNotices(model: RunModel): Notice[] {
  return model.notices.filter((n) => isTimelineNotice(model, n));
}

/** "lookup_customer, Succeeded, 420 ms, starts T+7 ms" (+ what stands out). */
function rowSummary(r: TimelineRow): string {
  const head = r.type === 'step' && r.label !== r.name ? `${r.label} (${r.name})` : r.label;
  const out = [
    head,
    r.status.label,
    r.durationMs === null ? 'no recorded duration' : r.durationLabel,
    `starts ${r.offsetLabel}`,
  ];
  if (r.loop) {
    out.push(
      `${r.loop.iterationCount}${r.loop.totalItems !== null && r.loop.totalItems !== r.loop.iterationCount ? ` of ${r.loop.totalItems}` : ''} iterations`,
    );
    if (r.loop.failedIterations.length > 0) {
      out.push(
        `failed in iteration ${r.loop.failedIterations.slice(0, 3).join(', ')}${r.loop.failedIterations.length > 3 ? '…' : ''}`,
      );
    }
  }
  if (r.branchLabel) out.push(`branch taken: ${r.branchLabel.replace(/^→ /, '')}`);
  if (r.failing === 'here') out.push('failed here');
  else if (r.failing === 'contains') out.push('contains the failing step');
  if (r.open) out.push(r.status.raw === 'PAUSED' ? 'still waiting' : 'still running');
  if (r.interrupted) out.push('interrupted when the run ended');
  return out.join(', ');
}

/**
 * The exact facts a tooltip shows for a row, computed on demand (formatting dates for 40,000 rows
 * up front would be wasted work): name, status, duration, offset and the estimated absolute start
 * in the chosen zone and in UTC.
 */
export function timelineRowFacts(
  row: TimelineRow,
  zone: ZoneChoice,
): ReadonlyArray<readonly [string, string]> {
  const facts: Array<readonly [string, string]> = [];
  if (row.type === 'iteration') facts.push(['Iteration', `${row.label} (${row.name})`]);
  else facts.push(['Step', row.label === row.name ? row.name : `${row.label} (${row.name})`]);
  facts.push([
    'Status',
    row.status.raw && row.status.raw.toLowerCase() !== row.status.label.toLowerCase()
      ? `${row.status.label} (${row.status.raw})`
      : row.status.label,
  ]);
  const step = row.step;
  let duration =
    row.durationMs === null ? '—' : `${row.durationLabel} (${formatDurationExact(row.durationMs)})`;
  if (step?.durationNote === 'negative' || step?.durationNote === 'invalid') {
    duration = `— (reported ${rawText(step.durationRaw)}: ${step.durationNote === 'negative' ? 'negative' : 'not a usable number'})`;
  } else if (step?.durationNote === 'coerced') {
    duration += ` (sent as text ${rawText(step.durationRaw)})`;
  }
  facts.push(['Duration', duration]);
  if (row.loop?.fromIterations && row.drawnMs > 0)
    facts.push(['Drawn as', `${formatDuration(row.drawnMs)}: the sum of its iterations`]);
  facts.push(['Starts', `${row.offsetLabel} (approximate)`]);
  if (row.absoluteStartMs !== null) {
    facts.push(['Start (est.)', formatDateTime(row.absoluteStartMs, zone)]);
    if (zone !== 'utc') facts.push(['UTC', formatDateTime(row.absoluteStartMs, 'utc')]);
  }
  if (row.loop) {
    const l = row.loop;
    facts.push([
      'Iterations',
      `${l.iterationCount}${l.totalItems !== null && l.totalItems !== l.iterationCount ? ` of ${l.totalItems} items` : ''}`,
    ]);
    if (l.failedIterations.length > 0)
      facts.push([
        'Failed in',
        `iteration ${l.failedIterations.slice(0, 10).join(', ')}${l.failedIterations.length > 10 ? '…' : ''}`,
      ]);
  }
  if (row.branchLabel) facts.push(['Branch taken', row.branchLabel.replace(/^→ /, '')]);
  if (row.failing === 'here') facts.push(['Note', 'The run failed here.']);
  else if (row.failing === 'contains') facts.push(['Note', 'The run’s failing step is inside.']);
  if (row.open)
    facts.push([
      'Note',
      `${row.status.raw === 'PAUSED' ? 'Still waiting' : 'Still running'}: the bar extends to now.`,
    ]);
  if (row.interrupted)
    facts.push(['Note', 'Interrupted: it was still running when the run ended.']);
  if (row.durationMs === null && !row.open && !row.loop)
    facts.push(['Note', 'No recorded duration: drawn with a minimal width.']);
  return facts;
}

function rawText(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'absent';
  return typeof v;
}
