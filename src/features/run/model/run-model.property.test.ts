import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBody, stringifyJson } from '@/lib/json-body';
import { anyRunBody } from '@/test/fuzz/run-body-arbitrary';
import { buildRunModel } from './run-model';

const body = anyRunBody;

function assertSane(m: ReturnType<typeof buildRunModel>) {
  const finiteOrNull = (n: number | null) => n === null || (Number.isFinite(n) && n >= 0);
  expect(finiteOrNull(m.timing.headlineMs)).toBe(true);
  expect(finiteOrNull(m.timing.spanMs)).toBe(true);
  expect(finiteOrNull(m.timing.queueMs)).toBe(true);
  for (const s of m.allSteps) {
    expect(finiteOrNull(s.durationMs)).toBe(true);
    expect(m.byPath.get(s.path)).toBeDefined();
    expect(typeof s.status.label).toBe('string');
    if (s.error) expect(typeof s.error.headline).toBe('string');
  }
  expect(new Set(m.allSteps.map((s) => s.path)).size).toBe(m.allSteps.length);
  expect(typeof m.title).toBe('string');
}

describe('the model never throws', () => {
  it('on 1,000 contract-shaped bodies with arbitrary steps and optional fields', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 4_102_444_800_000 }), (b, now) => {
        const m = buildRunModel({ body: b, keyOrder: null, nowMs: now });
        assertSane(m);
      }),
      { numRuns: 1000 },
    );
  });

  it('on bodies that went through the real parser (key order index included)', () => {
    fc.assert(
      fc.property(body, (b) => {
        const parsed = parseJsonBody(stringifyJson(b));
        const m = buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: Date.now() });
        assertSane(m);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves Object.prototype alone', () => {
    fc.assert(
      fc.property(body, (b) => {
        buildRunModel({ body: b, keyOrder: null, nowMs: 0 });
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
