import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBody, stringifyJson } from '@/lib/json-body';
import { buildRunModel } from './run-model';

/** Any JSON value, weighted towards the odd ones real data has. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom('(truncated)', '(truncated, original size 12 KB)', '', '**REDACTED**', null, 0, -1, 1e308, 'NaN'),
);

const stepRecord: fc.Arbitrary<unknown> = fc.oneof(
  anyJson,
  fc.record(
    {
      type: fc.oneof(fc.constantFrom('PIECE', 'CODE', 'LOOP_ON_ITEMS', 'ROUTER', 'AI_ROUTER', 'BRANCH', 'PIECE_TRIGGER', 'MISSING', 'X'), anyJson),
      status: fc.oneof(fc.constantFrom('SUCCEEDED', 'FAILED', 'RUNNING', 'PAUSED', 'STOPPED', 'SKIPPED'), anyJson),
      input: anyJson,
      output: fc.oneof(
        anyJson,
        fc.record({ iterations: fc.array(fc.oneof(anyJson, fc.dictionary(fc.string(), anyJson, { maxKeys: 3 })), { maxLength: 4 }), index: anyJson }, { requiredKeys: [] }),
        fc.record({ branches: fc.oneof(fc.array(fc.boolean()), fc.array(anyJson)), choice: anyJson, condition: anyJson }, { requiredKeys: [] }),
      ),
      duration: fc.oneof(fc.double(), fc.constantFrom('1200', '-5', 'abc'), anyJson),
      errorMessage: anyJson,
      outputType: fc.oneof(fc.constant('slice'), anyJson),
    },
    { requiredKeys: [] },
  ),
);

const stepNames = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'trigger', '1', '2024', '01', 'a.b', ''));

const body = fc.record(
  {
    id: fc.oneof(fc.string(), anyJson),
    flowId: fc.oneof(fc.string(), anyJson),
    flowDisplayName: anyJson,
    status: fc.oneof(fc.constantFrom('QUEUED', 'RUNNING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'TIMEOUT', 'LOG_SIZE_EXCEEDED', 'WHATEVER'), anyJson),
    created: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyJson),
    updated: anyJson,
    startTime: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyJson),
    finishTime: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyJson),
    duration: anyJson,
    stepsCount: anyJson,
    tags: fc.oneof(fc.array(fc.string()), anyJson),
    failedStep: fc.oneof(fc.record({ name: fc.oneof(stepNames, anyJson), displayName: anyJson }, { requiredKeys: [] }), anyJson),
    steps: fc.oneof(anyJson, fc.dictionary(stepNames, stepRecord, { maxKeys: 8 })),
    stepsDataTruncated: anyJson,
  },
  { requiredKeys: [] },
);

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
