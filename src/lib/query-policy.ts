/**
 * Pure retry and polling policies (issue 5), used by the React Query client and the live UI.
 * Knows ApiError by shape only ({ kind, status, retryAfterMs }), so it stays free of transport code.
 */

export const MAX_RETRIES = 3;
const BASE_DELAY_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

export const LIVE_STATUSES = ['QUEUED', 'RUNNING', 'PAUSED'] as const;
const TERMINAL_STATUSES = new Set([
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'CANCELED',
  'INTERNAL_ERROR',
  'QUOTA_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
  'LOG_SIZE_EXCEEDED',
  'STOPPED',
]);

export const FAST_POLL_MS = 2_000;
export const SLOW_POLL_MS = 10_000;
export const PAUSED_POLL_MS = 30_000;
export const FAST_POLL_WINDOW_MS = 60_000;
export const UNKNOWN_STATUS_POLL_LIMIT_MS = 10 * 60_000;

interface ErrorShape {
  kind?: unknown;
  status?: unknown;
  retryAfterMs?: unknown;
  name?: unknown;
}

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

function isAbort(error: unknown): boolean {
  const name = shape(error).name;
  return name === 'AbortError' || name === 'CancelledError';
}

/** React Query's `retry`: failureCount is 0 on the first failure. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || isAbort(error)) return false;
  const { kind, status } = shape(error);
  const code = typeof status === 'number' ? status : null;
  switch (kind) {
    case 'server':
    case 'network':
    case 'timeout':
    case 'rate-limited':
      return true;
    case 'unexpected':
      // A gateway's 502 HTML page is a server failure; a 200 that breaks the contract is not.
      return code !== null && code >= 500;
    case 'unauthorized':
    case 'not-found':
    case 'validation':
    case 'no-token':
      return false;
    default:
      // 'http' and anything unforeseen: decide by status; 4xx only 408 and 429.
      if (code === 408 || code === 429) return true;
      return code !== null && code >= 500 && code <= 599;
  }
}

/**
 * React Query's `retryDelay`. 429 honours Retry-After (capped at 60 s); otherwise 1 s, 2 s, 4 s …
 * capped at 30 s, with equal jitter (between half and all of the step) so clients don't align.
 */
export function retryDelay(
  failureCount: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  const { kind, status, retryAfterMs } = shape(error);
  const rateLimited = kind === 'rate-limited' || status === 429;
  if (
    rateLimited &&
    typeof retryAfterMs === 'number' &&
    Number.isFinite(retryAfterMs) &&
    retryAfterMs >= 0
  ) {
    return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  const attempt = Math.max(0, Math.floor(failureCount));
  const step = Math.min(BASE_DELAY_MS * 2 ** Math.min(attempt, 20), MAX_BACKOFF_MS);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}

/** The allow-list of statuses that keep changing (run-data.md §2). */
export function isLiveStatus(status: string | null | undefined): boolean {
  return status === 'QUEUED' || status === 'RUNNING' || status === 'PAUSED';
}

/** Documented or known terminal statuses (STOPPED and LOG_SIZE_EXCEEDED included). */
export function isKnownTerminalStatus(status: string | null | undefined): boolean {
  return typeof status === 'string' && TERMINAL_STATUSES.has(status);
}

/**
 * React Query's `refetchInterval` for a run: 2 s for the first minute of watching a QUEUED or
 * RUNNING run, then 10 s; PAUSED every 30 s; terminal: stop. An unknown status polls slowly and
 * stops after 10 minutes of watching. No status yet (nothing loaded): no polling.
 */
export function pollInterval(
  status: string | undefined,
  ctx: { watchingSinceMs: number; nowMs: number },
): number | false {
  if (status === undefined) return false;
  const watched = Math.max(0, ctx.nowMs - ctx.watchingSinceMs);
  if (status === 'QUEUED' || status === 'RUNNING') {
    return watched < FAST_POLL_WINDOW_MS ? FAST_POLL_MS : SLOW_POLL_MS;
  }
  if (status === 'PAUSED') return PAUSED_POLL_MS;
  if (isKnownTerminalStatus(status)) return false;
  return watched < UNKNOWN_STATUS_POLL_LIMIT_MS ? SLOW_POLL_MS : false;
}
