import { describe, expect, it } from 'vitest';
import { LosslessNumber } from '@/lib/json-body';
import {
  describeShape,
  estimateSize,
  formatCount,
  formatBytes,
  isLosslessNumber,
  isOddKey,
  isSmallPlain,
  parsePointer,
  pointerAppend,
} from './json-shape';

function deep(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

describe('isLosslessNumber', () => {
  it('recognises json-body LosslessNumber instances only', () => {
    expect(isLosslessNumber(new LosslessNumber('1'))).toBe(true);
    expect(isLosslessNumber({ source: '1' })).toBe(false);
    expect(
      isLosslessNumber(
        new (class Other {
          source = '1';
        })(),
      ),
    ).toBe(false);
    expect(isLosslessNumber(JSON.parse('{"source":"1"}'))).toBe(false);
    expect(isLosslessNumber(null)).toBe(false);
    expect(isLosslessNumber(['1'])).toBe(false);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [4900, '4,900'],
    [10_485_760, '10,485,760'],
    [-1234567, '-1,234,567'],
    [12.6, '13'],
  ])('%d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
  it('never prints NaN', () => {
    expect(formatCount(Number.NaN)).toBe('—');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KB'],
    [48 * 1024, '48 KB'],
    [2.4 * 1024 * 1024, '2.4 MB'],
    [12.4 * 1024 * 1024, '12.4 MB'],
    [1023.9 * 1024, '1.0 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('never prints NaN or a minus sign', () => {
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(-5)).toBe('—');
    expect(formatBytes(Infinity)).toBe('—');
  });
});

describe('describeShape', () => {
  it.each([
    [Array.from({ length: 5000 }, () => 0), 'array of 5,000 items'],
    [[1], 'array of 1 item'],
    [[], 'empty array'],
    [Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i])), 'object with 12 keys'],
    [{ a: 1 }, 'object with 1 key'],
    [{}, 'empty object'],
    ['x'.repeat(10_485_760), 'string of 10,485,760 characters'],
    [new LosslessNumber('12345678901234567890'), 'number'],
    [0, 'number'],
    [false, 'boolean'],
    [null, 'null'],
  ])('describes %#', (value, text) => {
    expect(describeShape(value)).toBe(text);
  });
});

describe('estimateSize', () => {
  it('is close to the JSON text length for ordinary values', () => {
    const v = {
      name: 'Ann',
      tags: ['a', 'bb'],
      n: 12.5,
      ok: true,
      none: null,
      nested: { x: [1, 2, 3] },
    };
    expect(estimateSize(v)).toBe(JSON.stringify(v).length);
  });

  it('counts a LosslessNumber by its source text', () => {
    expect(estimateSize([new LosslessNumber('12345678901234567890')])).toBe(22);
  });

  it('stops early once past the limit', () => {
    const big = Array.from({ length: 200_000 }, () => 'x'.repeat(20));
    const full = estimateSize(big);
    expect(full).toBe(JSON.stringify(big).length);
    const size = estimateSize(big, 1000);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(full / 10);
  });

  it('handles 5,000 levels of nesting', () => {
    expect(estimateSize(deep(5000))).toBe(10_001);
  });
});

describe('isOddKey', () => {
  it('flags keys that would be misread bare', () => {
    expect(isOddKey('')).toBe(true);
    expect(isOddKey(' ')).toBe(true);
    expect(isOddKey(' a')).toBe(true);
    expect(isOddKey('a\nb')).toBe(true);
    expect(isOddKey('say "hi"')).toBe(true);
    expect(isOddKey('a.b')).toBe(false);
    expect(isOddKey('Content-Type')).toBe(false);
    expect(isOddKey('Routed to')).toBe(false);
  });
});

describe('isSmallPlain', () => {
  it('accepts a small ordinary value', () => {
    expect(isSmallPlain({ a: [1, 2, { b: 'c' }], d: null, e: false })).toBe(true);
  });

  it.each([
    ['a long array', { rows: Array.from({ length: 101 }, (_, i) => i) }],
    [
      'an object with many keys',
      Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])),
    ],
    ['a long string', { s: 'x'.repeat(401) }],
    ['a long key', { ['k'.repeat(401)]: 1 }],
    ['a LosslessNumber', { id: new LosslessNumber('12345678901234567890') }],
    ['an empty key', { '': 1 }],
    ['a whitespace key', { ' ': 1 }],
    ['too many nodes', Array.from({ length: 40 }, () => Array.from({ length: 40 }, () => 0))],
    ['deep nesting', deep(5000)],
    ['non-JSON values', { u: undefined }],
  ])('rejects %s', (_name, value) => {
    expect(isSmallPlain(value)).toBe(false);
  });
});

describe('JSON pointers', () => {
  it('escapes and parses tokens (RFC 6901)', () => {
    const p = pointerAppend(pointerAppend(pointerAppend('', 'a/b'), 3), '~x');
    expect(p).toBe('/a~1b/3/~0x');
    expect(parsePointer(p)).toEqual(['a/b', '3', '~x']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer(pointerAppend('', ''))).toEqual(['']);
    expect(parsePointer('nope')).toBeNull();
  });
});
