import { describe, expect, it } from 'vitest';
import {
  coerceDurationMs,
  formatDateTime,
  formatDuration,
  formatOffset,
  parseTimestamp,
} from './time';

describe('parseTimestamp', () => {
  it.each([
    ['2025-11-12T09:41:07.123Z', Date.UTC(2025, 10, 12, 9, 41, 7, 123)],
    ['2025-11-12T09:41:07Z', Date.UTC(2025, 10, 12, 9, 41, 7)],
    ['2025-11-12T09:41:07.123456+00:00', Date.UTC(2025, 10, 12, 9, 41, 7, 123)],
    ['2025-11-12T11:41:07.123+02:00', Date.UTC(2025, 10, 12, 9, 41, 7, 123)],
    ['2025-11-12T04:11:07.5-05:30', Date.UTC(2025, 10, 12, 9, 41, 7, 500)],
    // A missing zone means UTC, not local time.
    ['2025-11-12T09:41:07.123', Date.UTC(2025, 10, 12, 9, 41, 7, 123)],
  ])('reads %s', (raw, ms) => {
    expect(parseTimestamp(raw)).toEqual({ raw, ms, problem: null });
  });

  it.each([
    ['', 'missing'],
    [null, 'missing'],
    [undefined, 'missing'],
    ['not-a-date', 'unparseable'],
    ['2025-02-31T00:00:00Z', 'unparseable'],
    ['2025-13-01T00:00:00Z', 'unparseable'],
    [1717406100000, 'unparseable'],
    [{}, 'unparseable'],
    ['1970-01-01T00:00:00.000Z', 'epoch'],
    ['1969-12-31T23:59:59Z', 'epoch'],
  ])('treats %j as missing (%s) and keeps the raw value', (raw, problem) => {
    const p = parseTimestamp(raw);
    expect(p.ms).toBeNull();
    expect(p.problem).toBe(problem);
    expect(p.raw).toBe(raw);
  });
});

describe('coerceDurationMs', () => {
  it('accepts float ms and numeric strings, flags the rest', () => {
    expect(coerceDurationMs(1532.87)).toEqual({ ms: 1532.87, note: null });
    expect(coerceDurationMs('1200')).toEqual({ ms: 1200, note: 'coerced' });
    expect(coerceDurationMs(-40)).toEqual({ ms: null, note: 'negative' });
    expect(coerceDurationMs('12ms')).toEqual({ ms: null, note: 'invalid' });
    expect(coerceDurationMs(null)).toEqual({ ms: null, note: null });
    expect(coerceDurationMs(undefined)).toEqual({ ms: null, note: null });
    expect(coerceDurationMs(Number.NaN)).toEqual({ ms: null, note: 'invalid' });
    expect(coerceDurationMs(true)).toEqual({ ms: null, note: 'invalid' });
  });

  it('treats numbers beyond 2^53 ms as junk, like integers the parser kept as LosslessNumber', () => {
    expect(coerceDurationMs(1e308)).toEqual({ ms: null, note: 'invalid' });
    expect(coerceDurationMs('99999999999999999999')).toEqual({ ms: null, note: 'invalid' });
    expect(coerceDurationMs(Number.MAX_SAFE_INTEGER)).toEqual({ ms: Number.MAX_SAFE_INTEGER, note: null });
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [Number.NaN, '—'],
    [-3, '—'],
    [0, '0 ms'],
    [0.4, '0.4 ms'],
    [0.04, '0.1 ms'],
    [31.07, '31 ms'],
    [419.98, '420 ms'],
    [999.7, '999 ms'],
    [1200, '1.2 s'],
    [1268.9, '1.27 s'],
    [3261.99, '3.26 s'],
    [18560, '18.6 s'],
    [600_412, '10 min 0 s'],
    [69_873_014, '19 h 24 min'],
    [259_200_000, '3 d 0 h'],
    [259_209_000, '3 d 0 h'],
    [1e13, '115,740 d 17 h'],
    [1e300, '—'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('offsets start at T+0', () => {
    expect(formatOffset(0)).toBe('T+0');
    expect(formatOffset(1200)).toBe('T+1.2 s');
    expect(formatOffset(Number.NaN)).toBe('T+0');
  });
});

describe('formatDateTime', () => {
  it('writes UTC with milliseconds and names the zone', () => {
    expect(formatDateTime(Date.UTC(2025, 7, 11, 6, 0, 0, 214), 'utc')).toBe('2025-08-11 06:00:00.214 UTC');
  });
  it('rounds fractional milliseconds', () => {
    expect(formatDateTime(Date.UTC(2025, 7, 11, 6, 0, 1, 712) + 0.7578, 'utc')).toBe('2025-08-11 06:00:01.713 UTC');
  });
  it('never throws on bad input', () => {
    expect(formatDateTime(null, 'local')).toBe('—');
    expect(formatDateTime(Number.NaN, 'local')).toBe('—');
    expect(formatDateTime(8.64e16, 'utc')).toBe('—');
  });
});
