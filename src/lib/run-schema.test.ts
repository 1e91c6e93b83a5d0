import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LosslessNumber, parseJsonBody } from '@/lib/json-body';
import { validateRun } from './run-schema';

const minimal = {
  id: 'run1',
  flowId: 'flow1',
  status: 'SUCCEEDED',
  created: '2025-11-12T09:41:07.123Z',
  updated: '2025-11-12T09:41:09.000Z',
};

function issuesOf(value: unknown): string[] {
  const result = validateRun(value);
  if (result.ok) throw new Error('expected the body to be rejected');
  return result.issues;
}

function bodies(dir: string): [string, string][] {
  const path = fileURLToPath(new URL(dir, import.meta.url));
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, readFileSync(`${path}/${name}`, 'utf8')]);
}

/** Hostile bodies that break the contract on purpose (the app must say so, not show them). */
const CONTRACT_BREAKERS: Record<string, string[]> = {
  '26-steps-array.json': ['steps: expected an object or null, got array'],
};

describe('validateRun: accepts', () => {
  it.each([
    ...bodies('../test/fixtures/'),
    ...bodies('../../e2e/data/hostile/').filter(([name]) => !(name in CONTRACT_BREAKERS)),
  ])('the body %s', (_name, text) => {
    const parsed = parseJsonBody(text).value;
    const result = validateRun(parsed);
    expect(result.ok ? [] : result.issues).toEqual([]);
    // The very parse is handed on: nothing copied, stripped or reordered.
    expect(result.ok && result.run).toBe(parsed);
  });

  it.each(bodies('../../e2e/data/hostile/').filter(([name]) => name in CONTRACT_BREAKERS))(
    'not the contract-breaking body %s',
    (name, text) => {
      expect(issuesOf(parseJsonBody(text).value)).toEqual(CONTRACT_BREAKERS[name]);
    },
  );

  it('the minimal envelope', () => {
    expect(validateRun(minimal).ok).toBe(true);
  });

  it('unknown statuses, bad dates and every optional field as null', () => {
    const run = {
      ...minimal,
      status: 'LOG_SIZE_EXCEEDED',
      created: '',
      updated: 'not-a-date',
      flowDisplayName: null,
      startTime: null,
      finishTime: null,
      duration: null,
      stepsCount: null,
      tags: null,
      failedStep: null,
      steps: null,
    };
    expect(validateRun(run).ok).toBe(true);
  });

  it('extra fields, failedStep.message, big integers and any shape inside steps', () => {
    const run = {
      ...minimal,
      stepsDataTruncated: true,
      constructor: 'kept',
      duration: new LosslessNumber('12345678901234567890'),
      stepsCount: 2.5,
      failedStep: { name: 'x', message: 'boom' },
      steps: { a: '(truncated)', b: [1, 2], c: null, d: { output: { nested: [{}] } } },
    };
    const result = validateRun(run);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.stepsDataTruncated).toBe(true);
    expect(Object.hasOwn(result.run, 'constructor')).toBe(true);
    expect(result.run.failedStep?.message).toBe('boom');
    expect(result.run.steps).toBe(run.steps);
  });

  it('failedStep with its fields absent', () => {
    expect(validateRun({ ...minimal, failedStep: {} }).ok).toBe(true);
  });
});

describe('validateRun: rejects with readable issues', () => {
  it.each([
    [[], 'body: expected a JSON object, got array'],
    [null, 'body: expected a JSON object, got null'],
    ['text', 'body: expected a JSON object, got string'],
    [42, 'body: expected a JSON object, got number'],
  ])('a body that is not an object: %j', (value, message) => {
    expect(issuesOf(value)).toEqual([message]);
  });

  it('wrong types in the envelope', () => {
    expect(issuesOf({ ...minimal, flowId: 7 })).toEqual(['flowId: expected a string, got number']);
    expect(issuesOf({ ...minimal, status: null })).toEqual(['status: expected a string, got null']);
    expect(issuesOf({ ...minimal, id: new LosslessNumber('12345678901234567890') })).toEqual([
      'id: expected a string, got number',
    ]);
  });

  it('missing required fields, one issue each', () => {
    expect(issuesOf({ flowId: 'f', status: 'RUNNING', created: '' })).toEqual([
      'id: missing (expected a string)',
      'updated: missing (expected a string)',
    ]);
  });

  it('wrong JSON types in optional fields', () => {
    expect(
      issuesOf({
        ...minimal,
        flowDisplayName: 3,
        startTime: {},
        duration: '1200',
        tags: ['ok', 5],
        failedStep: { name: 1 },
        steps: [],
      }),
    ).toEqual([
      'flowDisplayName: expected a string or null, got number',
      'startTime: expected a string or null, got object',
      'duration: expected a number or null, got string',
      'tags[1]: expected a string, got number',
      'failedStep.name: expected a string or null, got number',
      'steps: expected an object or null, got array',
    ]);
  });

  it('tags and failedStep of the wrong shape', () => {
    expect(issuesOf({ ...minimal, tags: 'a,b', failedStep: ['x'] })).toEqual([
      'tags: expected an array of strings or null, got string',
      'failedStep: expected an object or null, got array',
    ]);
  });

  it('keeps messages short and never quotes huge values', () => {
    const huge = 'x'.repeat(1_000_000);
    const issues = issuesOf({ ...minimal, id: undefined, [huge]: 1, flowDisplayName: [huge] });
    for (const issue of issues) expect(issue.length).toBeLessThanOrEqual(80);
    expect(issues.join('\n')).not.toContain('xxxxxxxxxx');
  });

  it('caps the number of issues', () => {
    const tags = Array.from({ length: 100 }, (_, i) => i);
    const issues = issuesOf({ ...minimal, tags });
    expect(issues).toHaveLength(21);
    expect(issues[20]).toBe('… and 80 more');
  });
});
