import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '@/lib/api-client';
import { isLiveStatus, pollInterval, retryDelay, shouldRetry } from './query-policy';

function apiError(
  kind: ApiErrorKind,
  status: number | null,
  retryAfterMs: number | null = null,
): ApiError {
  return new ApiError({ kind, status, runId: 'run1', retryAfterMs });
}

const abort = new DOMException('The operation was aborted.', 'AbortError');

describe('shouldRetry', () => {
  it.each<[string, unknown, boolean]>([
    ['401', apiError('unauthorized', 401), false],
    ['403', apiError('unauthorized', 403), false],
    ['404', apiError('not-found', 404), false],
    ['422', apiError('validation', 422), false],
    ['400', apiError('http', 400), false],
    ['409', apiError('http', 409), false],
    ['no token', apiError('no-token', null), false],
    ['a 200 that breaks the contract', apiError('unexpected', 200), false],
    ['an HTML page at 200', apiError('unexpected', 200), false],
    ['a file that is not a run', apiError('unexpected', null), false],
    ['408', apiError('timeout', 408), true],
    ['a client-side timeout', apiError('timeout', null), true],
    ['429', apiError('rate-limited', 429), true],
    ['500', apiError('server', 500), true],
    ['503', apiError('server', 503), true],
    ['a gateway 502 HTML page', apiError('unexpected', 502), true],
    ['a network or CORS failure', apiError('network', null), true],
    ['an abort', abort, false],
    ['a plain Error', new Error('boom'), false],
    ['a non-error', 'boom', false],
  ])('%s → %s on the first failure', (_name, error, expected) => {
    expect(shouldRetry(0, error)).toBe(expected);
  });

  it('retries at most 3 times', () => {
    const error = apiError('server', 503);
    expect([0, 1, 2, 3, 4].map((n) => shouldRetry(n, error))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    const network = apiError('network', null);
    expect(shouldRetry(2, network)).toBe(true);
    expect(shouldRetry(3, network)).toBe(false);
  });
});

describe('retryDelay', () => {
  const server = apiError('server', 503);

  it('backs off exponentially from 1 s, capped at 30 s, with jitter inside each step', () => {
    const max = [0, 1, 2, 3, 4, 5, 6, 10].map((n) => retryDelay(n, server, () => 1));
    expect(max).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    const min = [0, 1, 2, 5].map((n) => retryDelay(n, server, () => 0));
    expect(min).toEqual([500, 1000, 2000, 15000]);
    const mid = retryDelay(2, server, () => 0.5);
    expect(mid).toBe(3000);
  });

  it('varies with the random source (jitter)', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75, 1].map((r) => retryDelay(3, server, () => r)));
    expect(delays.size).toBe(5);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(3, server);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });

  it('honours Retry-After on 429, capped at 60 s', () => {
    expect(retryDelay(0, apiError('rate-limited', 429, 8000), () => 0)).toBe(8000);
    expect(retryDelay(2, apiError('rate-limited', 429, 0), () => 1)).toBe(0);
    expect(retryDelay(0, apiError('rate-limited', 429, 3_600_000))).toBe(60_000);
  });

  it('backs off normally on 429 without Retry-After', () => {
    expect(retryDelay(1, apiError('rate-limited', 429), () => 1)).toBe(2000);
  });
});

describe('pollInterval', () => {
  const at = (watchedMs: number) => ({ watchingSinceMs: 1_000_000, nowMs: 1_000_000 + watchedMs });

  it('polls QUEUED and RUNNING every 2 s for the first minute, then every 10 s', () => {
    for (const status of ['QUEUED', 'RUNNING']) {
      expect(pollInterval(status, at(0))).toBe(2000);
      expect(pollInterval(status, at(59_999))).toBe(2000);
      expect(pollInterval(status, at(60_000))).toBe(10_000);
      expect(pollInterval(status, at(6 * 60 * 60_000))).toBe(10_000);
    }
  });

  it('polls PAUSED every 30 s, however long', () => {
    expect(pollInterval('PAUSED', at(0))).toBe(30_000);
    expect(pollInterval('PAUSED', at(3 * 24 * 60 * 60_000))).toBe(30_000);
  });

  it.each([
    'SUCCEEDED',
    'FAILED',
    'TIMEOUT',
    'CANCELED',
    'INTERNAL_ERROR',
    'QUOTA_EXCEEDED',
    'MEMORY_LIMIT_EXCEEDED',
    'LOG_SIZE_EXCEEDED',
    'STOPPED',
  ])('stops for the terminal status %s', (status) => {
    expect(pollInterval(status, at(0))).toBe(false);
  });

  it('polls an unknown status slowly and stops after 10 minutes', () => {
    expect(pollInterval('SKIPPED_BY_ADMIN', at(0))).toBe(10_000);
    expect(pollInterval('running', at(9 * 60_000))).toBe(10_000);
    expect(pollInterval('', at(10 * 60_000))).toBe(false);
    expect(pollInterval('SKIPPED_BY_ADMIN', at(10 * 60_000 + 1))).toBe(false);
  });

  it('does not poll without a status, and tolerates a clock that went backwards', () => {
    expect(pollInterval(undefined, at(0))).toBe(false);
    expect(pollInterval('RUNNING', at(-5000))).toBe(2000);
  });
});

describe('isLiveStatus', () => {
  it('is an allow-list of QUEUED, RUNNING and PAUSED', () => {
    expect(['QUEUED', 'RUNNING', 'PAUSED'].map(isLiveStatus)).toEqual([true, true, true]);
    for (const status of [
      'SUCCEEDED',
      'FAILED',
      'CANCELED',
      'STOPPED',
      'LOG_SIZE_EXCEEDED',
      'running',
      '',
      'UNKNOWN',
    ]) {
      expect(isLiveStatus(status)).toBe(false);
    }
    expect(isLiveStatus(undefined)).toBe(false);
    expect(isLiveStatus(null)).toBe(false);
  });
});
