/**
 * The timeline's one status → class map (bars are coloured by tone, and every bar also carries its
 * status as an icon and text, so colour is never the only signal).
 */
import type { Tone } from '@/features/run/model/types';

export const BAR_TONE: Record<Tone, string> = {
  success: 'bg-emerald-500 dark:bg-emerald-400',
  failed: 'bg-red-600 dark:bg-red-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
  live: 'bg-sky-500 dark:bg-sky-400',
  paused: 'bg-violet-500 dark:bg-violet-400',
  neutral: 'bg-slate-400 dark:bg-slate-500',
};

export const ICON_TONE: Record<Tone, string> = {
  success: 'text-emerald-700 dark:text-emerald-300',
  failed: 'text-red-700 dark:text-red-300',
  warning: 'text-amber-700 dark:text-amber-300',
  live: 'text-sky-700 dark:text-sky-300',
  paused: 'text-violet-700 dark:text-violet-300',
  neutral: 'text-slate-600 dark:text-slate-300',
};

/** Diagonal stripes for open (still running) bars and for the unaccounted segment. */
export const STRIPES =
  'bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(255_255_255/0.4)_4px_8px)] dark:bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(0_0_0/0.35)_4px_8px)]';

export const HATCH =
  'bg-[repeating-linear-gradient(135deg,rgb(148_163_184/0.55)_0_3px,transparent_3px_7px)] dark:bg-[repeating-linear-gradient(135deg,rgb(100_116_139/0.7)_0_3px,transparent_3px_7px)]';

/**
 * A fraction → a CSS percentage. The layout already guarantees finite values in [0, 1]; this is
 * the last guard so no style can ever say NaN, Infinity or a negative length.
 */
export function pct(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction <= 0) return '0%';
  return `${(Math.min(1, fraction) * 100).toFixed(4)}%`;
}

/**
 * Position a bar on the track. Bars near the right end are anchored by `right`, so a minimum-width
 * bar at the very end grows leftwards instead of past the track.
 */
export function barStyle(
  offset: number,
  width: number,
): { left?: string; right?: string; width: string } {
  const o = Number.isFinite(offset) ? Math.min(1, Math.max(0, offset)) : 0;
  const w = Number.isFinite(width) ? Math.min(1 - o, Math.max(0, width)) : 0;
  if (o > 0.97) return { right: pct(1 - o - w), width: pct(w) };
  return { left: pct(o), width: pct(w) };
}
