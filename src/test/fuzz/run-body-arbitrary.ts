/**
 * fast-check arbitraries for run bodies: the model's property test and the run view's render fuzz
 * share them. Weighted towards what real and hostile data hold: truncation markers, odd statuses,
 * prototype-named and integer-like step names, loops with odd iterations, numbers beyond 2^53.
 */
import fc from 'fast-check';
import { LosslessNumber } from '@/lib/json-body';

/** Any JSON value, weighted towards the odd ones real data has. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    '(truncated)',
    '(truncated, original size 12 KB)',
    '',
    '**REDACTED**',
    null,
    0,
    -1,
    1e308,
    'NaN',
    { $apRef: true, fileId: 'f1', size: 2048 },
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'https://example.test/a',
  ),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((n) => new LosslessNumber(String(n))),
);

export const stepNames: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'trigger',
    '1',
    '2024',
    '01',
    'a.b',
    '',
    ' ',
    'loop[1]',
  ),
);

export const stepRecord: fc.Arbitrary<unknown> = fc.oneof(
  anyJson,
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'PIECE',
          'CODE',
          'LOOP_ON_ITEMS',
          'ROUTER',
          'AI_ROUTER',
          'BRANCH',
          'PIECE_TRIGGER',
          'MISSING',
          'X',
        ),
        anyJson,
      ),
      status: fc.oneof(
        fc.constantFrom('SUCCEEDED', 'FAILED', 'RUNNING', 'PAUSED', 'STOPPED', 'SKIPPED'),
        anyJson,
      ),
      displayName: anyJson,
      input: anyJson,
      output: fc.oneof(
        anyJson,
        fc.record(
          {
            iterations: fc.array(
              fc.oneof(anyJson, fc.dictionary(stepNames, anyJson, { maxKeys: 3 })),
              { maxLength: 4 },
            ),
            index: anyJson,
          },
          { requiredKeys: [] },
        ),
        fc.record(
          {
            branches: fc.oneof(fc.array(fc.boolean()), fc.array(anyJson)),
            choice: anyJson,
            condition: anyJson,
          },
          { requiredKeys: [] },
        ),
      ),
      duration: fc.oneof(fc.double(), fc.constantFrom('1200', '-5', 'abc'), anyJson),
      errorMessage: anyJson,
      outputType: fc.oneof(fc.constant('slice'), anyJson),
    },
    { requiredKeys: [] },
  ),
);

const isoDate = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
const runStatus = fc.constantFrom(
  'QUEUED',
  'RUNNING',
  'PAUSED',
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'CANCELED',
  'INTERNAL_ERROR',
  'LOG_SIZE_EXCEEDED',
  'STOPPED',
  'WHATEVER',
  '',
);

/** Every field optional and of any type: what the model must tolerate. */
export const anyRunBody = fc.record(
  {
    id: fc.oneof(fc.string(), anyJson),
    flowId: fc.oneof(fc.string(), anyJson),
    flowDisplayName: anyJson,
    status: fc.oneof(runStatus, anyJson),
    created: fc.oneof(isoDate, anyJson),
    updated: anyJson,
    startTime: fc.oneof(isoDate, anyJson),
    finishTime: fc.oneof(isoDate, anyJson),
    duration: anyJson,
    stepsCount: anyJson,
    tags: fc.oneof(fc.array(fc.string()), anyJson),
    failedStep: fc.oneof(
      fc.record({ name: fc.oneof(stepNames, anyJson), displayName: anyJson }, { requiredKeys: [] }),
      anyJson,
    ),
    steps: fc.oneof(anyJson, fc.dictionary(stepNames, stepRecord, { maxKeys: 8 })),
    stepsDataTruncated: anyJson,
  },
  { requiredKeys: [] },
);

/**
 * Contract-shaped: the required fields are strings (of any content, dates included), every optional
 * field holds any JSON value, and `steps` is usually a step map of arbitrary records.
 */
export const contractRunBody = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    flowId: fc.string(),
    status: fc.oneof(runStatus, fc.string()),
    created: fc.oneof(isoDate, fc.string()),
    updated: fc.oneof(isoDate, fc.string()),
    flowDisplayName: fc.oneof(fc.string(), anyJson),
    startTime: fc.oneof(isoDate, anyJson),
    finishTime: fc.oneof(isoDate, anyJson),
    duration: anyJson,
    stepsCount: anyJson,
    tags: fc.oneof(fc.array(fc.string(), { maxLength: 6 }), anyJson),
    failedStep: fc.oneof(
      fc.record(
        { name: fc.oneof(stepNames, anyJson), displayName: anyJson, message: anyJson },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    steps: fc.oneof(
      fc.dictionary(stepNames, stepRecord, { maxKeys: 8 }),
      fc.dictionary(stepNames, stepRecord, { maxKeys: 8 }),
      anyJson,
    ),
    stepsDataTruncated: anyJson,
  },
  { requiredKeys: ['id', 'flowId', 'status', 'created', 'updated'] },
);
