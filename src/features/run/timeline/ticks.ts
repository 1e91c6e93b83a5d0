/**
 * PURE: readable axis ticks for a span of time, from milliseconds to days. Offsets are relative
 * ("T+1.2 s", "T+3 d"). Bounded: never more than `maxTicks` ticks, never an endless loop, whatever
 * the span (0, NaN, Infinity, 3 days, 30 years).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** The readable steps, smallest first. Beyond a week: 2, 5, 10, 20, 50 … weeks (built below). */
const BASE_STEPS: readonly number[] = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  WEEK,
];

/** Week multiples after the base steps: 2, 5, 10, 20, 50 … weeks, up to far beyond any run. */
const STEPS: readonly number[] = (() => {
  const out = [...BASE_STEPS];
  for (let magnitude = 1; magnitude <= 1e9; magnitude *= 10) {
    for (const m of [2, 5, 10]) out.push(m * magnitude * WEEK);
  }
  return out;
})();

export interface Tick {
  /** Offset from the axis origin. */
  readonly ms: number;
  /** Position on the track, in [0, 1]. */
  readonly fraction: number;
  /** "T+0", "T+250 ms", "T+1.2 s", "T+1 min 30 s", "T+6 h", "T+3 d". */
  readonly label: string;
}

export interface TickSet {
  /** The distance between ticks (0 when there is only T+0). */
  readonly stepMs: number;
  readonly ticks: readonly Tick[];
}

/**
 * Ticks every `stepMs` from 0 to `spanMs` (inclusive when it lands on one), with the smallest
 * readable step that keeps the count at or under `maxTicks` (at least 2). A span of 0 (or anything
 * not a positive finite number) gives the single tick T+0.
 */
export function niceTicks(spanMs: number, maxTicks: number): TickSet {
  const max = Number.isFinite(maxTicks) ? Math.max(2, Math.min(50, Math.floor(maxTicks))) : 6;
  if (!Number.isFinite(spanMs) || spanMs <= 0) {
    return { stepMs: 0, ticks: [{ ms: 0, fraction: 0, label: 'T+0' }] };
  }
  // The number of ticks for a step is floor(span / step) + 1.
  let stepMs = STEPS[STEPS.length - 1]!;
  for (const s of STEPS) {
    if (Math.floor(spanMs / s) + 1 <= max) {
      stepMs = s;
      break;
    }
  }
  const ticks: Tick[] = [];
  for (let i = 0; i < max; i++) {
    const ms = i * stepMs;
    if (ms > spanMs) break;
    ticks.push({ ms, fraction: Math.min(1, ms / spanMs), label: tickLabel(ms, stepMs) });
  }
  return { stepMs, ticks };
}

/** A tick's label, precise to the step ("T+1.25 s" only when the step is 10 ms). */
export function tickLabel(ms: number, stepMs: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'T+0';
  return `T+${compactDuration(ms, stepMs)}`;
}

function compactDuration(ms: number, stepMs: number): string {
  if (stepMs >= DAY) return joinUnits(ms, [[DAY, 'd']]);
  if (stepMs >= HOUR)
    return joinUnits(ms, [
      [DAY, 'd'],
      [HOUR, 'h'],
    ]);
  if (stepMs >= MINUTE)
    return joinUnits(ms, [
      [DAY, 'd'],
      [HOUR, 'h'],
      [MINUTE, 'min'],
    ]);
  if (stepMs >= SECOND) {
    if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
    return joinUnits(ms, [
      [DAY, 'd'],
      [HOUR, 'h'],
      [MINUTE, 'min'],
      [SECOND, 's'],
    ]);
  }
  // Sub-second steps.
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  const decimals = stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
  if (ms < MINUTE) return `${trimZeros((ms / SECOND).toFixed(decimals))} s`;
  const whole = Math.floor(ms / MINUTE);
  const rest = ms - whole * MINUTE;
  return `${joinUnits(whole * MINUTE, [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
  ])} ${trimZeros((rest / SECOND).toFixed(decimals))} s`;
}

/** "1 d 6 h", "2 h", "1 h 30 min": the non-zero parts, largest first. */
function joinUnits(ms: number, units: ReadonlyArray<readonly [number, string]>): string {
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}`);
  }
  return parts.length > 0 ? parts.join(' ') : `0 ${units[units.length - 1]![1]}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
