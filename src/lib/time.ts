/**
 * Time in one place: the timestamp parser every field goes through, duration and offset
 * formatting, and absolute times in a named zone. Pure; no React.
 *
 * run-data.md §5: canonical form is ISO-8601 UTC with milliseconds; also accepted are no fraction,
 * microseconds, any ±hh:mm offset, and a missing zone (which means UTC, not local time). Empty,
 * unparseable, and at-or-before-epoch values count as missing, and the raw value stays visible.
 */

export type TimeProblem = 'missing' | 'unparseable' | 'epoch';

export interface TimePoint {
  /** The value exactly as sent (any JSON value). */
  readonly raw: unknown;
  /** Milliseconds since the epoch, or null when missing/unusable. */
  readonly ms: number | null;
  readonly problem: TimeProblem | null;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/;

/** Parses a run timestamp. Never throws; never returns NaN. */
export function parseTimestamp(raw: unknown): TimePoint {
  if (raw === undefined || raw === null || raw === '') return { raw, ms: null, problem: 'missing' };
  if (typeof raw !== 'string') return { raw, ms: null, problem: 'unparseable' };
  const m = ISO_RE.exec(raw.trim());
  if (!m) return { raw, ms: null, problem: 'unparseable' };
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return { raw, ms: null, problem: 'unparseable' };
  }
  const millis = frac ? Number((frac + '00').slice(0, 3)) : 0;
  let offsetMin = 0;
  if (zone !== 'Z' && zone !== 'z' && zone !== 'UTC' && zone !== 'GMT') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls over impossible days (Feb 31 → Mar 3): reject those.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return { raw, ms: null, problem: 'unparseable' };
  const ms = utc - offsetMin * 60_000;
  if (!Number.isFinite(ms)) return { raw, ms: null, problem: 'unparseable' };
  if (ms <= 0) return { raw, ms: null, problem: 'epoch' };
  return { raw, ms, problem: null };
}

/** A duration in ms from any JSON value: numbers and numeric strings; anything else is null. */
export function coerceDurationMs(raw: unknown): { ms: number | null; note: DurationNote | null } {
  if (raw === undefined) return { ms: null, note: null };
  if (raw === null) return { ms: null, note: null };
  let n: number;
  let coerced = false;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) {
    n = Number(raw);
    coerced = true;
  } else if (typeof raw === 'object' && raw !== null && typeof (raw as { source?: unknown }).source === 'string') {
    // A LosslessNumber (integer beyond 2^53): far beyond any real duration.
    return { ms: null, note: 'invalid' };
  } else return { ms: null, note: 'invalid' };
  // Beyond 2^53 ms (285,000 years) a number is junk, like the LosslessNumbers above: "1e308".
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return { ms: null, note: 'invalid' };
  if (n < 0) return { ms: null, note: 'negative' };
  return { ms: n, note: coerced ? 'coerced' : null };
}

export type DurationNote = 'negative' | 'invalid' | 'coerced';

const nf0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Human duration: "0.4 ms", "420 ms", "1.27 s", "18.6 s", "3 min 12 s", "19 h 24 min", "3 d 0 h". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${nf1.format(Math.max(ms, 0.1))} ms`;
  if (ms < 1000) return `${nf0.format(Math.round(ms) === 1000 ? 999 : Math.round(ms))} ms`;
  if (ms < 9_995) return `${nf2.format(Math.round(ms / 10) / 100)} s`;
  if (ms < 59_950) return `${nf1.format(Math.round(ms / 100) / 10)} s`;
  const totalSec = Math.floor(ms / 1000);
  if (ms < 3_600_000) {
    const min = Math.floor(totalSec / 60);
    return `${min} min ${totalSec % 60} s`;
  }
  const totalMin = Math.floor(totalSec / 60);
  if (ms < 86_400_000) {
    return `${Math.floor(totalMin / 60)} h ${totalMin % 60} min`;
  }
  const totalH = Math.floor(totalMin / 60);
  // Sums of many long steps can still be huge: never an exponent ("1.2e+300 d").
  if (ms > Number.MAX_SAFE_INTEGER) return '—';
  return `${nf0.format(Math.floor(totalH / 24))} d ${totalH % 24} h`;
}

/** Exact duration for tooltips: "1,269.43 ms". */
export function formatDurationExact(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return `${nf2.format(ms)} ms`;
}

/** A relative offset on the timeline: "T+0", "T+1.2 s", "T+3 d 0 h". */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'T+0';
  return `T+${formatDuration(ms)}`;
}

export type ZoneChoice = 'local' | 'utc';

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatterCache.set(key, f);
  }
  return f;
}

/** The viewer's IANA zone, e.g. "Europe/Berlin" (falls back to "UTC"). */
export function localZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * "2025-08-11 08:00:00.214 GMT+2" in the viewer's zone, or "2025-08-11 06:00:00.214 UTC".
 * Returns "—" for null; never throws.
 */
export function formatDateTime(ms: number | null, zone: ZoneChoice): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  ms = Math.round(ms);
  try {
    const parts = formatterFor(zone === 'utc' ? 'UTC' : undefined).formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
    const zoneName = zone === 'utc' ? 'UTC' : get('timeZoneName');
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${millis} ${zoneName}`;
  } catch {
    return '—';
  }
}

/** The short name of the zone in effect at a time, e.g. "GMT+2", "UTC". */
export function zoneLabel(zone: ZoneChoice, atMs: number = Date.now()): string {
  if (zone === 'utc') return 'UTC';
  try {
    const parts = formatterFor(undefined).formatToParts(new Date(atMs));
    const short = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    const name = localZoneName();
    return short && short !== name ? `${name}, ${short}` : name;
  } catch {
    return 'local time';
  }
}

/** "3 s ago", "2 min ago": for "updated … ago" labels. */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return 'just now';
  return `${formatDuration(Math.floor(ms / 1000) * 1000)} ago`;
}
