import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '@/lib/json-body';
import { buildRunModel } from './run-model';
import type { RunModel } from './types';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const HOSTILE = join(__dirname, '../../../../e2e/data/hostile');
const NOW = Date.UTC(2026, 0, 1);

function load(dir: string, file: string, nowMs = NOW): RunModel {
  const parsed = parseJsonBody(readFileSync(join(dir, file), 'utf8'));
  return buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs });
}
const fixture = (file: string, nowMs?: number) => load(FIXTURES, file, nowMs);
const hostile = (file: string, nowMs?: number) => load(HOSTILE, file, nowMs);
const topNames = (m: RunModel) => m.steps.map((s) => s.name);

/** What the fixtures README says a correct inspector shows, one row per file. */
const TABLE: Array<{
  file: string;
  label: string;
  tone: string;
  failing: string | null;
  top: string[];
  headlineMs: number | null | 'elapsed';
}> = [
  { file: '01-happy-path.json', label: 'Succeeded', tone: 'success', failing: null, top: ['trigger', 'lookup_customer', 'compute_totals', 'append_order_row', 'notify_slack'], headlineMs: 2299 },
  { file: '02-failed-http-step.json', label: 'Failed', tone: 'failed', failing: 'post_ledger_entry', top: ['trigger', 'fetch_invoice', 'map_ledger_entry', 'post_ledger_entry'], headlineMs: 715 },
  { file: '03-loop-failure.json', label: 'Failed', tone: 'failed', failing: 'loop_rows[3].update_contact', top: ['trigger', 'read_rows', 'loop_rows'], headlineMs: 1903 },
  { file: '04-router.json', label: 'Succeeded', tone: 'success', failing: null, top: ['trigger', 'classify_ticket', 'route_ticket', 'lookup_charges', 'assign_to_billing', 'notify_billing', 'log_triage'], headlineMs: 2992 },
  { file: '05-continue-on-failure.json', label: 'Succeeded', tone: 'success', failing: null, top: ['trigger', 'step_1', 'step_4', 'step_2', 'step_3'], headlineMs: 3884 },
  { file: '07-paused.json', label: 'Paused', tone: 'paused', failing: null, top: [], headlineMs: 'elapsed' },
  { file: '08-queued.json', label: 'Queued', tone: 'neutral', failing: null, top: [], headlineMs: null },
  { file: '09-timeout.json', label: 'Timed out', tone: 'failed', failing: null, top: [], headlineMs: 600_412 },
  { file: '10-internal-error.json', label: 'Internal error', tone: 'failed', failing: null, top: [], headlineMs: 2317 },
  { file: '11-quota-exceeded.json', label: 'Quota exceeded', tone: 'failed', failing: null, top: [], headlineMs: null },
  { file: '12-memory-limit.json', label: 'Memory limit exceeded', tone: 'failed', failing: null, top: ['trigger', 'list_attachments', 'loop_attachments'], headlineMs: 41_262 },
  { file: '13-canceled-while-paused.json', label: 'Canceled', tone: 'neutral', failing: null, top: [], headlineMs: 69_873_014 },
  { file: '14-truncation.json', label: 'Succeeded', tone: 'success', failing: null, top: [], headlineMs: 15_612 },
  { file: '15-friendly-error.json', label: 'Failed', tone: 'failed', failing: 'update_deal', top: [], headlineMs: 768 },
  { file: '16-stack-trace-error.json', label: 'Failed', tone: 'failed', failing: 'insert_order', top: [], headlineMs: 237 },
  { file: '17-nested-loops.json', label: 'Succeeded', tone: 'success', failing: null, top: ['trigger', 'list_warehouses', 'loop_warehouses', 'post_summary'], headlineMs: 3275 },
  { file: '18-large.json', label: 'Succeeded', tone: 'success', failing: null, top: [], headlineMs: 47_818 },
];

describe('every fixture reads as its README says', () => {
  it.each(TABLE)('$file', ({ file, label, tone, failing, top, headlineMs }) => {
    const m = fixture(file);
    expect(m.status.label).toBe(label);
    expect(m.status.tone).toBe(tone);
    expect(m.failure?.step?.path ?? null).toBe(failing);
    if (top.length > 0) expect(topNames(m)).toEqual(top);
    if (headlineMs === 'elapsed') expect(m.timing.headlineSource).toBe('elapsed');
    else expect(m.timing.headlineMs).toBe(headlineMs);
    // The trigger comes first wherever there are steps.
    if (m.steps.length > 0) expect(m.steps[0]!.kind).toBe('trigger');
  });
});

describe('fixture details', () => {
  it('02: the HTTP error is parsed (status 401, invalid_token, the message) with the request body viewable', () => {
    const m = fixture('02-failed-http-step.json');
    const err = m.failure!.step!.error!;
    expect(err.kind).toBe('http');
    expect(err.headline).toBe('HTTP 401 · invalid_token: The access token expired');
    expect(err.sections.map((s) => s.label)).toContain('Request body');
    expect(m.failure!.displayName).toBe('Post ledger entry');
    expect(m.failure!.inferred).toBe(false);
  });

  it('03: the loop stays SUCCEEDED but contains the failure in iteration 3 of 10', () => {
    const m = fixture('03-loop-failure.json');
    const loop = m.byPath.get('loop_rows')!;
    expect(loop.status.label).toBe('Succeeded');
    expect(loop.containsFailure).toBe(true);
    expect(loop.loop!.totalItems).toBe(10);
    expect(loop.loop!.iterations).toHaveLength(3);
    expect(loop.loop!.failedIterations).toEqual([3]);
    expect(m.failure!.step!.trail).toEqual([{ loop: 'loop_rows', loopPath: 'loop_rows', number: 3, of: 10 }]);
    const err = m.failure!.step!.error!;
    expect(err.headline).toContain('HTTP 422');
    expect(err.headline).toContain('validation_failed');
    expect(JSON.stringify(err.sections)).toContain('email');
  });

  it('04: the router took Billing (first true branch) though Urgent was true too', () => {
    const router = fixture('04-router.json').byPath.get('route_ticket')!;
    expect(router.router!.taken).toEqual(['Billing']);
    const urgent = router.router!.branches.find((b) => b.name === 'Urgent');
    expect(urgent).toMatchObject({ evaluation: true, ran: false });
  });

  it('05: step_4 failed and the run continued: a warning, not a failure panel', () => {
    const m = fixture('05-continue-on-failure.json');
    expect(m.failure).toBeNull();
    expect(m.warnings.map((s) => s.path)).toEqual(['step_4']);
    expect(m.byPath.get('step_4')!.status.label).toBe('Failed (continued)');
    expect(m.byPath.get('step_4')!.error!.headline).toBe("Cannot read properties of undefined (reading 'revenue')");
    expect(m.notices.some((n) => n.code === 'continued-failures')).toBe(true);
  });

  it('06: a running run shows elapsed time since start, the running step open', () => {
    const start = Date.parse('2025-11-05T10:14:34.667Z');
    const m = fixture('06-running.json', start + 20_000);
    expect(m.status.terminal).toBe(false);
    expect(m.timing.spanKind).toBe('elapsed');
    expect(m.timing.headlineMs).toBe(20_000);
    expect(m.timing.queueMs).toBe(1640);
    expect(m.byPath.get('render_pdf')!.status.label).toBe('Running');
  });

  it('08: a queued run has no start and says there are no steps yet', () => {
    const m = fixture('08-queued.json');
    expect(m.stepsState).toBe('empty');
    expect(m.stepsMessage).toMatch(/not started/);
    expect(m.timing.started.ms).toBeNull();
    expect(m.timing.headlineMs).toBeNull();
  });

  it('09: the build_csv step left RUNNING is interrupted, and named by the failure panel', () => {
    const m = fixture('09-timeout.json');
    expect(m.failure!.step).toBeNull();
    expect(m.failure!.interrupted!.name).toBe('build_csv');
    expect(m.byPath.get('build_csv')!.status.label).toBe('Interrupted');
  });

  it('10: steps null on an internal error says no logs were captured', () => {
    const m = fixture('10-internal-error.json');
    expect(m.stepsState).toBe('null');
    expect(m.stepsMessage).toMatch(/No step data was captured/);
  });

  it('11: a quota-refused run never executed', () => {
    expect(fixture('11-quota-exceeded.json').stepsMessage).toMatch(/never executed/);
  });

  it('12: the interrupted download is inside loop_attachments[4]; the loop has no duration', () => {
    const m = fixture('12-memory-limit.json');
    expect(m.failure!.interrupted!.path).toBe('loop_attachments[4].download_attachment');
    const loop = m.byPath.get('loop_attachments')!;
    expect(loop.durationMs).toBeNull();
    expect(loop.loop!.iterations).toHaveLength(4);
    expect(loop.loop!.totalItems).toBe(6);
  });

  it('14: truncation markers in inputs are recognised with their sizes; the bare output marker too', () => {
    const m = fixture('14-truncation.json');
    expect(m.byPath.get('extract_text')!.inputMarkers.get('/body')).toMatch(/48 KB.*ran with the full value/);
    expect(m.byPath.get('summarize_contract')!.inputMarkers.get('/prompt')).toMatch(/51 KB/);
    expect(m.byPath.get('extract_fields')!.inputMarkers.get('/text')).toMatch(/48 KB/);
    expect(m.byPath.get('extract_text')!.notices.map((n) => n.code)).toContain('output-truncated');
  });

  it('15: the structured error headline, facts and folded raw section', () => {
    const err = fixture('15-friendly-error.json').failure!.step!.error!;
    expect(err.kind).toBe('structured');
    expect(err.headline).toBe('Deal dl_88213 not found');
    expect(err.facts).toEqual(expect.arrayContaining([['Error', 'HttpError'], ['Status', '404']]));
    expect(err.sections.map((s) => s.label)).toEqual(expect.arrayContaining(['Response body', 'Request body', 'Raw error']));
  });

  it('16: a stack trace error keeps its headline and folds the at-lines', () => {
    const err = fixture('16-stack-trace-error.json').failure!.step!.error!;
    expect(err.headline).toBe('Error: connect ECONNREFUSED 192.0.2.15:5432');
    expect(err.stack).toMatch(/^\s+at TCPConnectWrap/);
    expect(err.body).toContain("code: 'ECONNREFUSED'");
  });

  it('17: nested loops stay nested with 1-based paths; 4 transfers and 2 overstock flags', () => {
    const m = fixture('17-nested-loops.json');
    const outer = m.byPath.get('loop_warehouses')!;
    expect(outer.loop!.iterations).toHaveLength(4);
    const inner = m.byPath.get('loop_warehouses[1].loop_skus')!;
    expect(inner.loop!.iterations).toHaveLength(3);
    expect(m.byPath.has('loop_warehouses[1].loop_skus[1].check_level')).toBe(true);
    expect(m.allSteps.filter((s) => s.name === 'create_transfer')).toHaveLength(4);
    expect(m.allSteps.filter((s) => s.name === 'flag_overstock')).toHaveLength(2);
    expect(m.steps.map((s) => s.name)).not.toContain('get_stock');
  });

  it('18: one continued failure at loop_products[214].update_price', () => {
    const m = fixture('18-large.json');
    expect(m.warnings.map((s) => s.path)).toEqual(['loop_products[214].update_price']);
    expect(m.byPath.get('loop_products')!.loop!.iterations).toHaveLength(300);
    expect(m.byPath.get('loop_products')!.loop!.failedIterations).toEqual([214]);
  });
});

describe('hostile inputs', () => {
  it('01: steps null on a succeeded run: purged, with the run timing kept', () => {
    const m = hostile('01-steps-null-purged.json');
    expect(m.stepsState).toBe('null');
    expect(m.stepsMessage).toMatch(/purged/);
    expect(m.timing.headlineMs).toBe(5400);
    expect(m.stepsCount).toBe(4);
  });

  it('04: clock skew is flagged and negative durations are unknown, never negative', () => {
    const m = hostile('04-clock-skew-negative.json');
    const codes = m.notices.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['finish-before-start', 'created-after-start', 'duration-invalid']));
    expect(m.timing.spanMs).toBeNull();
    expect(m.byPath.get('call_api')!.durationMs).toBeNull();
    expect(m.byPath.get('call_api')!.durationNote).toBe('negative');
    expect(JSON.stringify(m.notices)).toContain('-3000');
  });

  it('06: a string duration is coerced, a null one is unknown', () => {
    const m = hostile('06-mixed-duration-units.json');
    expect(m.byPath.get('string_duration')!.durationMs).toBe(1200);
    expect(m.byPath.get('null_duration')!.durationMs).toBeNull();
    expect(m.timing.stepSumMs).toBeCloseTo(259_200_000 + 0.4 + 1200 + 8800);
  });

  it('08: empty, garbage and epoch dates are unknown; the duration is estimated from the steps', () => {
    const m = hostile('08-invalid-and-epoch-dates.json');
    expect(m.timing.created.ms).toBeNull();
    expect(m.timing.updated.ms).toBeNull();
    expect(m.timing.finished.ms).toBeNull();
    expect(m.timing.headlineSource).toBe('steps');
    expect(m.timing.headlineMs).toBe(1000);
    expect(m.status.label).toBe('Internal error');
  });

  it('16: LOG_SIZE_EXCEEDED is a failure naming dump_logs; SKIPPED is verbatim; STOPPED is a success', () => {
    const m = hostile('16-unknown-statuses.json');
    expect(m.status).toMatchObject({ failed: true, terminal: true, label: 'Log size exceeded' });
    expect(m.failure!.step!.name).toBe('dump_logs');
    expect(m.failure!.displayName).toBe('Dump logs');
    expect(m.byPath.get('skipped_branch')!.status).toMatchObject({ label: 'SKIPPED', tone: 'neutral' });
    expect(m.byPath.get('halted')!.status).toMatchObject({ label: 'Stopped', tone: 'success' });
  });

  it('17: the failed step exists only inside iteration 3 of 4', () => {
    const m = hostile('17-failed-step-in-loop.json');
    expect(m.failure!.step!.path).toBe('for_each_customer[3].send_email');
    expect(m.failure!.step!.trail[0]).toMatchObject({ number: 3, of: 4 });
    expect(m.failure!.step!.error!.headline).toBe('Recipient address rejected');
  });

  it('18: no failedStep: the last FAILED step is inferred; object, null and array errors read well', () => {
    const m = hostile('18-failed-without-failedstep.json');
    expect(m.failure!.step!.name).toBe('audit');
    expect(m.failure!.inferred).toBe(true);
    expect(m.failure!.note).toMatch(/named no failing step/);
    expect(m.failure!.others.map((s) => s.name)).toEqual(['charge_card', 'retry_charge']);
    expect(m.byPath.get('charge_card')!.error!.headline).toBe('Card declined');
    expect(m.byPath.get('retry_charge')!.error!.headline).toBe('No error message');
    expect(m.byPath.get('audit')!.error!.list).toEqual(['first problem', 'second problem']);
  });

  it('19: primitive outputs stay distinct from a missing one', () => {
    const m = hostile('19-primitive-and-empty-outputs.json');
    expect(m.byPath.get('out_missing')!.output).toEqual({ present: false });
    expect(m.byPath.get('out_null')!.output).toEqual({ present: true, value: null });
    expect(m.byPath.get('out_zero')!.output).toEqual({ present: true, value: 0 });
    expect(m.byPath.get('out_false')!.output).toEqual({ present: true, value: false });
  });

  it('20: truncated input placeholders are marked, with and without a size', () => {
    const m = hostile('20-truncated-input-placeholder.json');
    expect(m.byPath.get('upload_file')!.inputMarkers.get('/body')).toMatch(/2.4 MB/);
    expect(m.byPath.get('legacy_step')!.inputMarkers.get('/payload')).toMatch(/^Value omitted from the logs;/);
    expect(m.byPath.get('upload_file')!.inputMarkers.has('/url')).toBe(false);
  });

  it('27: placeholder records and iterations say what stands in the data', () => {
    const m = hostile('27-placeholder-records.json');
    expect(topNames(m)).toEqual(['trigger', 'lost_step', 'null_step', 'number_step', 'list_step', 'loop_batches']);
    for (const name of ['lost_step', 'null_step', 'number_step', 'list_step']) expect(m.byPath.get(name)!.kind).toBe('placeholder');
    expect(m.byPath.get('lost_step')!.notices[0]!.message).toMatch(/left out of the run log/);
    const its = m.byPath.get('loop_batches')!.loop!.iterations;
    expect(its.map((i) => i.kind)).toEqual(['reference', 'placeholder', 'steps', 'empty']);
    expect(its[0]!.note).toMatch(/separate file \(47.1 KB\)/);
    expect(m.byPath.get('loop_batches[3].send_batch')!.status.label).toBe('Succeeded');
  });

  it('28: integer-like step names keep the body order; the failure names step "1"', () => {
    const m = hostile('28-integer-like-step-names.json');
    expect(topNames(m)).toEqual(['trigger', '2024', '10', '03', '2', '1']);
    expect(m.failure!.step!.path).toBe('1');
    expect(m.failure!.displayName).toBe('Step one');
  });

  it('29: prototype-named steps and keys are ordinary names', () => {
    const m = hostile('29-prototype-named-keys.json');
    expect(topNames(m)).toEqual(['trigger', '__proto__', 'toString', 'hasOwnProperty', 'constructor']);
    expect(m.failure!.step!.name).toBe('constructor');
    expect(m.failure!.step!.error!.headline).toBe('constructor step failed');
    expect(m.byPath.get('__proto__')!.extras.map(([k]) => k)).toEqual(['__proto__']);
    expect(m.extras.map(([k]) => k)).toEqual(['__proto__']);
    expect(m.tags.other).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('30: an absurd integer duration is flagged, not shown; a duplicated step keeps its first place', () => {
    const m = hostile('30-big-integers-and-duplicate-keys.json');
    expect(topNames(m)).toEqual(['trigger', 'dup_step', 'ids']);
    expect(m.byPath.get('dup_step')!.status.label).toBe('Succeeded');
    const ids = m.byPath.get('ids')!;
    expect(ids.durationMs).toBeNull();
    expect(ids.notices.map((n) => n.message).join()).toMatch(/not a usable number of milliseconds \(12345678901234567890\)/);
    expect(m.stepsCount).toBeNull();
  });

  it('31, 33: 5,000 levels of nesting and 1,000 top-level steps build', () => {
    expect(hostile('31-deep-nesting.json').steps).toHaveLength(2);
    const m = hostile('33-thousand-top-level-steps.json');
    expect(m.steps).toHaveLength(1000);
    expect(m.failure!.step!.path).toBe('step_0777');
  });
});

describe('order and odd names', () => {
  it('keeps body order for integer-like names and treats prototype names as ordinary', () => {
    const text =
      '{"id":"r","flowId":"f","status":"FAILED","created":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:01Z",' +
      '"failedStep":{"name":"__proto__","displayName":"Proto"},"steps":{"trigger":{"type":"PIECE_TRIGGER","status":"SUCCEEDED"},' +
      '"2024":{"type":"PIECE","status":"SUCCEEDED","duration":5},"constructor":{"type":"CODE","status":"SUCCEEDED"},' +
      '"1":{"type":"PIECE","status":"SUCCEEDED"},"__proto__":{"type":"PIECE","status":"FAILED","errorMessage":"x"},' +
      '"toString":{"type":"PIECE","status":"SUCCEEDED"}}}';
    const parsed = parseJsonBody(text);
    const m = buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: NOW });
    expect(topNames(m)).toEqual(['trigger', '2024', 'constructor', '1', '__proto__', 'toString']);
    expect(m.failure!.step!.name).toBe('__proto__');
    expect(m.failure!.displayName).toBe('Proto');
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('flags a trigger that is not first', () => {
    const body = {
      id: 'r',
      flowId: 'f',
      status: 'SUCCEEDED',
      created: '2025-01-01T00:00:00Z',
      updated: '2025-01-01T00:00:00Z',
      steps: { a: { type: 'PIECE' }, trigger: { type: 'PIECE_TRIGGER' } },
    };
    const m = buildRunModel({ body, keyOrder: null, nowMs: NOW });
    expect(m.notices.map((n) => n.code)).toContain('order-uncertain');
  });

  it('reads odd records and iterations without throwing', () => {
    const body = {
      id: 'r',
      flowId: 'f',
      status: 'FAILED',
      created: 'x',
      updated: 'y',
      failedStep: { name: 'gone', displayName: null },
      steps: {
        trigger: '(truncated)',
        loop: {
          type: 'LOOP_ON_ITEMS',
          status: 'SUCCEEDED',
          input: null,
          output: { iterations: ['(truncated)', { $apRef: true, fileId: 'f1', size: 2048 }, {}, { inner: { status: 'FAILED', errorMessage: 'boom' } }] },
        },
        odd: 42,
      },
    };
    const m = buildRunModel({ body, keyOrder: null, nowMs: NOW });
    const loop = m.byPath.get('loop')!;
    expect(loop.loop!.iterations.map((i) => i.kind)).toEqual(['placeholder', 'reference', 'empty', 'steps']);
    expect(m.failure!.step!.path).toBe('loop[4].inner');
    expect(m.failure!.note).toMatch(/no step of that name/);
    expect(m.byPath.get('trigger')!.kind).toBe('placeholder');
  });

  it('quotes odd names in paths so they stay unique', () => {
    const body = {
      id: 'r',
      flowId: 'f',
      status: 'SUCCEEDED',
      created: '',
      updated: '',
      steps: { 'a.b': { status: 'SUCCEEDED' }, '': { status: 'SUCCEEDED' } },
    };
    const m = buildRunModel({ body, keyOrder: null, nowMs: NOW });
    expect(m.steps.map((s) => s.path)).toEqual(['["a.b"]', '[""]']);
  });
});

describe('incremental rebuilds', () => {
  const base = () => ({
    id: 'r',
    flowId: 'f',
    status: 'RUNNING',
    created: '2025-01-01T00:00:00Z',
    updated: '2025-01-01T00:00:01Z',
    startTime: '2025-01-01T00:00:00Z',
    steps: {
      trigger: { type: 'PIECE_TRIGGER', status: 'SUCCEEDED', output: { a: 1 } },
      loop: {
        type: 'LOOP_ON_ITEMS',
        status: 'RUNNING',
        input: { items: [1, 2] },
        output: { iterations: [{ inner: { type: 'PIECE', status: 'SUCCEEDED', duration: 5 } }] },
      },
    } as Record<string, unknown>,
  });

  it('keeps the identity of steps whose records did not change, rebuilds the rest', () => {
    const first = base();
    const m1 = buildRunModel({ body: first, keyOrder: null, nowMs: NOW });
    // A poll later: the trigger's record is the same object (structural sharing), the loop grew.
    const loop = first.steps.loop as { output: { iterations: unknown[] } };
    const innerIteration = loop.output.iterations[0];
    const second = {
      ...first,
      steps: {
        trigger: first.steps.trigger,
        loop: { ...loop, output: { iterations: [innerIteration, { inner: { type: 'PIECE', status: 'RUNNING' } }] } },
        next: { type: 'CODE', status: 'RUNNING' },
      },
    };
    const m2 = buildRunModel({ body: second, keyOrder: null, nowMs: NOW + 2000, previous: m1 });
    expect(m2.byPath.get('trigger')).toBe(m1.byPath.get('trigger'));
    expect(m2.byPath.get('loop[1].inner')).toBe(m1.byPath.get('loop[1].inner'));
    expect(m2.byPath.get('loop')).not.toBe(m1.byPath.get('loop'));
    expect(m2.byPath.get('loop[2].inner')!.status.label).toBe('Running');
    expect(m2.allSteps.map((s) => s.path)).toEqual(['trigger', 'loop', 'loop[1].inner', 'loop[2].inner', 'next']);
    expect(m2.timing.spanMs).toBe(NOW + 2000 - Date.parse('2025-01-01T00:00:00Z'));
  });

  it('rebuilds everything when the run status changes', () => {
    const first = base();
    const m1 = buildRunModel({ body: first, keyOrder: null, nowMs: NOW });
    const m2 = buildRunModel({ body: { ...first, status: 'TIMEOUT', finishTime: '2025-01-01T00:10:00Z' }, keyOrder: null, nowMs: NOW, previous: m1 });
    expect(m2.byPath.get('trigger')).not.toBe(m1.byPath.get('trigger'));
    expect(m2.byPath.get('loop')!.status.label).toBe('Interrupted');
  });
});

describe('runs that are probably stuck', () => {
  it('flags a RUNNING run far past the time limit, and a run QUEUED for hours; not a PAUSED one', () => {
    const start = Date.parse('2025-11-05T10:14:34.667Z');
    expect(fixture('06-running.json', start + 20_000).notices.map((n) => n.code)).not.toContain('probably-stuck');
    const stuck = fixture('06-running.json', start + 3 * 3_600_000).notices.find((n) => n.code === 'probably-stuck');
    expect(stuck?.message).toMatch(/RUNNING for 3 h 0 min.*probably stuck/);
    const created = Date.parse(JSON.parse(readFileSync(join(FIXTURES, '08-queued.json'), 'utf8')).created as string);
    expect(fixture('08-queued.json', created + 2 * 3_600_000).notices.map((n) => n.code)).toContain('probably-stuck');
    expect(fixture('07-paused.json', Date.UTC(2030, 0, 1)).notices.map((n) => n.code)).not.toContain('probably-stuck');
  });
});
