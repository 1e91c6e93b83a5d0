/**
 * Recently opened runs, kept in localStorage so the lookup screen can offer them again: the run ID,
 * the flow's name, how the status read, and when the run was opened. Never the token, and nothing
 * of the run's data beyond those fields. Anything that equals or contains the current token is
 * refused (a token pasted into the run ID field must not end up in storage).
 *
 * What is read back is validated field by field: storage is shared with other code and may hold
 * anything.
 */
import { useSyncExternalStore } from 'react';
import { getToken } from '@/lib/token-store';

export const RECENT_RUNS_KEY = 'diga-inspector:recent-runs';
/** How many runs are kept (the oldest is dropped first). */
export const RECENT_RUNS_CAP = 20;

export type { Tone as RecentTone, StatusIcon as RecentIcon } from './status-vocabulary';
import type { StatusIcon as RecentIcon, Tone as RecentTone } from './status-vocabulary';

const TONES: ReadonlySet<string> = new Set<RecentTone>(['success', 'failed', 'warning', 'live', 'paused', 'neutral']);
const ICONS: ReadonlySet<string> = new Set<RecentIcon>([
  'check',
  'cross',
  'clock',
  'spinner',
  'pause',
  'ban',
  'alert',
  'question',
  'stop',
  'interrupted',
  'hourglass',
]);

export interface RecentRun {
  /** The run ID as opened (what /runs/<id> fetches). */
  readonly id: string;
  /** The flow's display name, or its ID when it has none. */
  readonly flowName: string;
  /** How the status read when the run was last opened: raw value, label, tone and icon. */
  readonly status: { readonly raw: string; readonly label: string; readonly tone: RecentTone; readonly icon: RecentIcon };
  /** Date.now() when it was last opened. */
  readonly openedAt: number;
}

const MAX_ID = 200;
const MAX_TEXT = 200;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function str(v: unknown, max: number): string | null {
  return typeof v === 'string' ? clip(v, max) : null;
}

/** One stored entry, or null when it isn't one. */
function parseEntry(v: unknown): RecentRun | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' && o.id.trim() !== '' && o.id.length <= MAX_ID ? o.id : null;
  const flowName = str(o.flowName, MAX_TEXT);
  const openedAt = typeof o.openedAt === 'number' && Number.isFinite(o.openedAt) && o.openedAt > 0 ? o.openedAt : null;
  const s = typeof o.status === 'object' && o.status !== null ? (o.status as Record<string, unknown>) : null;
  if (id === null || flowName === null || openedAt === null || s === null) return null;
  const raw = str(s.raw, MAX_TEXT) ?? '';
  const label = str(s.label, MAX_TEXT) ?? raw;
  const tone = typeof s.tone === 'string' && TONES.has(s.tone) ? (s.tone as RecentTone) : 'neutral';
  const icon = typeof s.icon === 'string' && ICONS.has(s.icon) ? (s.icon as RecentIcon) : 'question';
  return { id, flowName, status: { raw, label, tone, icon }, openedAt };
}

function readAll(): RecentRun[] {
  const store = storage();
  if (!store) return [];
  let parsed: unknown;
  try {
    const text = store.getItem(RECENT_RUNS_KEY);
    if (text === null) return [];
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: RecentRun[] = [];
  const seen = new Set<string>();
  for (const item of parsed) {
    const entry = parseEntry(item);
    if (entry && !seen.has(entry.id) && !carriesToken(entry)) {
      seen.add(entry.id);
      out.push(entry);
    }
    if (out.length >= RECENT_RUNS_CAP) break;
  }
  return out;
}

function carriesToken(entry: RecentRun): boolean {
  const token = getToken();
  if (token === null || token.length < 4) return false;
  return [entry.id, entry.flowName, entry.status.raw, entry.status.label].some((s) => s.includes(token));
}

function writeAll(list: readonly RecentRun[]): void {
  const store = storage();
  if (!store) return;
  try {
    if (list.length === 0) store.removeItem(RECENT_RUNS_KEY);
    else store.setItem(RECENT_RUNS_KEY, JSON.stringify(list));
  } catch {
    // Quota or a disabled store: recent runs are a convenience, nothing breaks without them.
  }
  cached = null;
  for (const l of listeners) l();
}

// ---- Public API -----------------------------------------------------------------------------

export interface RecordRunInput {
  id: string;
  flowName: string;
  status: RecentRun['status'];
  /** Defaults to Date.now(). */
  openedAt?: number;
}

/**
 * Records (or moves to the top) a run that loaded. Only the listed fields are kept, clipped to a
 * sane length. Returns false when nothing was stored: an empty ID, or text carrying the token.
 */
export function recordRecentRun(input: RecordRunInput): boolean {
  const entry = parseEntry({
    id: input.id,
    flowName: input.flowName,
    status: { raw: input.status.raw, label: input.status.label, tone: input.status.tone, icon: input.status.icon },
    openedAt: input.openedAt ?? Date.now(),
  });
  if (!entry || carriesToken(entry)) return false;
  const rest = readAll().filter((r) => r.id !== entry.id);
  writeAll([entry, ...rest].slice(0, RECENT_RUNS_CAP));
  return true;
}

/** The recent runs, most recently opened first. */
export function listRecentRuns(): readonly RecentRun[] {
  return readAll();
}

export function clearRecentRuns(): void {
  writeAll([]);
}

export function removeRecentRun(id: string): void {
  writeAll(readAll().filter((r) => r.id !== id));
}

// ---- React binding --------------------------------------------------------------------------

const listeners = new Set<() => void>();
let cached: { text: string | null; list: readonly RecentRun[] } | null = null;
const EMPTY: readonly RecentRun[] = [];

function snapshot(): readonly RecentRun[] {
  let text: string | null;
  try {
    text = storage()?.getItem(RECENT_RUNS_KEY) ?? null;
  } catch {
    text = null;
  }
  if (cached && cached.text === text) return cached.list;
  const list = text === null ? EMPTY : readAll();
  cached = { text, list };
  return list;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  // Another tab recorded or cleared runs.
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === RECENT_RUNS_KEY) cb();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', onStorage);
  };
}

/** The recent runs, kept up to date (this tab and others). */
export function useRecentRuns(): readonly RecentRun[] {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}
