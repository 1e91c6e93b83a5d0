import { describe, expect, it } from 'vitest';
import {
  MB,
  PAYLOADS,
  buildBigArray,
  buildBigRun,
  buildDeep,
  buildLongString,
  buildLoop,
  buildManySteps,
  largestPath,
} from './payloads.mjs';

const STATUSES = [
  'QUEUED',
  'RUNNING',
  'PAUSED',
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'CANCELED',
  'INTERNAL_ERROR',
  'QUOTA_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** FlowRunDetailResponse as openapi.yaml has it, checked strictly (the app's own check is looser). */
function contractProblems(body) {
  const problems = [];
  const need = (ok, what) => {
    if (!ok) problems.push(what);
  };
  need(typeof body.id === 'string', 'id');
  need(typeof body.flowId === 'string', 'flowId');
  need(STATUSES.includes(body.status), 'status');
  need(ISO.test(body.created), 'created');
  need(ISO.test(body.updated), 'updated');
  for (const k of ['startTime', 'finishTime'])
    need(body[k] === undefined || body[k] === null || ISO.test(body[k]), k);
  for (const k of ['duration', 'stepsCount'])
    need(body[k] === undefined || body[k] === null || Number.isInteger(body[k]), k);
  need(
    body.flowDisplayName === undefined ||
      body.flowDisplayName === null ||
      typeof body.flowDisplayName === 'string',
    'flowDisplayName',
  );
  need(
    body.tags === undefined ||
      body.tags === null ||
      (Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string')),
    'tags',
  );
  need(
    body.failedStep === undefined ||
      body.failedStep === null ||
      (typeof body.failedStep === 'object' &&
        ['name', 'displayName'].every(
          (k) => body.failedStep[k] === null || typeof body.failedStep[k] === 'string',
        )),
    'failedStep',
  );
  need(
    body.steps === null || (typeof body.steps === 'object' && !Array.isArray(body.steps)),
    'steps',
  );
  return problems;
}

/** Deepest nesting of a JSON text, counted on the text (no recursion, no parse). */
function maxDepth(text) {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

function checkSteps(body) {
  const names = Object.keys(body.steps);
  expect(names[0]).toBe('trigger');
  for (const name of names) {
    const step = body.steps[name];
    expect(typeof step.type).toBe('string');
    expect(['SUCCEEDED', 'FAILED', 'RUNNING', 'PAUSED']).toContain(step.status);
    if (step.duration !== undefined)
      expect(Number.isFinite(step.duration) && step.duration >= 0).toBe(true);
  }
}

describe('bench payloads', () => {
  it('are valid FlowRunDetailResponse bodies with the trigger first (scaled down)', () => {
    const built = [
      buildBigRun({ targetBytes: 2 * MB }),
      buildManySteps({ count: 300 }),
      buildLoop({ iterations: 200 }),
      buildLongString({ chars: 100_000 }),
      buildBigArray({ count: 1000 }),
    ];
    for (const { text, runId } of built) {
      const body = JSON.parse(text);
      expect(contractProblems(body)).toEqual([]);
      expect(body.id).toBe(runId);
      checkSteps(body);
    }
  });

  it('are deterministic: the same seed gives the same text, another seed another', () => {
    expect(buildManySteps({ count: 200 }).text).toBe(buildManySteps({ count: 200 }).text);
    expect(buildManySteps({ count: 200, seed: 1 }).text).not.toBe(
      buildManySteps({ count: 200, seed: 2 }).text,
    );
  });

  it('make a failed run whose failedStep names a FAILED step, and reach the requested size', () => {
    const { text } = buildBigRun({ targetBytes: 3 * MB });
    const body = JSON.parse(text);
    expect(body.status).toBe('FAILED');
    expect(body.steps[body.failedStep.name].status).toBe('FAILED');
    expect(text.length).toBeGreaterThan(2.8 * MB);
    expect(text.length).toBeLessThan(3.5 * MB);
  });

  it('make the loop the way the engine writes it: 0-based iterations, 1-based index, one failure', () => {
    const body = JSON.parse(buildLoop({ iterations: 150 }).text);
    const loop = body.steps.loop_rows;
    expect(loop.type).toBe('LOOP_ON_ITEMS');
    expect(loop.input.items).toHaveLength(150);
    expect(loop.output.iterations).toHaveLength(150);
    expect(loop.output.index).toBe(150);
    for (const it of loop.output.iterations)
      expect(Object.keys(it)).toEqual(['normalise_row', 'update_contact', 'log_result']);
    const failed = loop.output.iterations.filter((it) => it.update_contact.status === 'FAILED');
    expect(failed).toHaveLength(1);
    expect(
      Object.keys(body.steps).every(
        (name) => !['normalise_row', 'update_contact', 'log_result'].includes(name),
      ),
    ).toBe(true);
  });

  it('nest 5,000 levels in one output, still parseable', () => {
    const { text } = buildDeep();
    expect(maxDepth(text)).toBeGreaterThanOrEqual(5000);
    const body = JSON.parse(text);
    expect(contractProblems(body)).toEqual([]);
  });

  it('hold exactly the requested long string and array', () => {
    expect(
      JSON.parse(buildLongString({ chars: 123_457 }).text).steps.download_contract.output.body,
    ).toHaveLength(123_457);
    expect(
      JSON.parse(buildBigArray({ count: 2345 }).text).steps.export_catalog.output.items,
    ).toHaveLength(2345);
  });

  it('point the expansion at the largest container, stopping at a node with many children', () => {
    const value = {
      status: 200,
      headers: { a: '1', b: '2' },
      body: { data: Array.from({ length: 50 }, (_, i) => ({ i })), paging: { next: null } },
    };
    expect(largestPath(value)).toEqual(['body', 'data']);
    expect(largestPath({ text: 'x'.repeat(100) })).toEqual([]);
    expect(largestPath([{ a: [1, 2] }])).toEqual([0, 'a']);
  });

  it('name every payload of the issue, with select and expand targets that exist in the run', () => {
    expect(PAYLOADS.map((p) => p.name)).toEqual([
      'baseline-01',
      'run-50mb',
      'steps-5k',
      'loop-10k',
      'string-10mb',
      'array-100k',
      'nesting-5k',
    ]);
    const small = [PAYLOADS[0], PAYLOADS.find((p) => p.name === 'nesting-5k')];
    for (const spec of small) {
      const { text, targets } = spec.build();
      const body = JSON.parse(text);
      expect(Object.keys(body.steps)[targets.select.index]).toBe(targets.select.path);
      expect(body.steps[targets.largest.path].output).toBeDefined();
      expect(text.toLowerCase()).toContain(targets.search);
    }
  });
});
