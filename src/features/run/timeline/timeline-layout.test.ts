import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRunModel } from '@/features/run/model/run-model';
import type { RunModel } from '@/features/run/model/types';
import { parseJsonBody } from '@/lib/json-body';
import {
  DENSITY_BUCKETS,
  layoutTimeline,
  timelineRowFacts,
  type TimelineLayout,
  type TimelineOptions,
  type TimelineRow,
} from './timeline-layout';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const HOSTILE = join(__dirname, '../../../../e2e/data/hostile');
const NOW = Date.UTC(2026, 0, 1);

function model(dir: string, file: string, nowMs = NOW): RunModel {
  const parsed = parseJsonBody(readFileSync(join(dir, file), 'utf8'));
  return buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs });
}

function layout(m: RunModel, opts: Partial<TimelineOptions> = {}): TimelineLayout {
  return layoutTimeline(m, { nowMs: NOW, expanded: new Set(), zone: 'utc', ...opts });
}

const fixture = (file: string, opts: Partial<TimelineOptions> = {}) =>
  layout(model(FIXTURES, file, opts.nowMs ?? NOW), opts);
const hostile = (file: string, opts: Partial<TimelineOptions> = {}) =>
  layout(model(HOSTILE, file, opts.nowMs ?? NOW), opts);
const row = (l: TimelineLayout, key: string): TimelineRow => {
  const r = l.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}; rows: ${l.rows.map((x) => x.key).join(', ')}`);
  return r;
};

/**
 * Every number the renderer would put into a style: finite, in [0, 1], never past the track; no
 * label with NaN, Infinity, a minus sign or 1970. Collects problems and asserts once (fast at
 * 40,000 rows).
 */
function expectSane(l: TimelineLayout) {
  const problems: string[] = [];
  const check = (what: string, offset: number, width: number) => {
    if (
      !Number.isFinite(offset) ||
      !Number.isFinite(width) ||
      offset < 0 ||
      width < 0 ||
      offset + width > 1
    ) {
      problems.push(`${what}: offset ${offset}, width ${width}`);
    }
  };
  if (!Number.isFinite(l.scaleMs) || l.scaleMs < 1) problems.push(`scale ${l.scaleMs}`);
  for (const r of l.rows) {
    check(r.key, r.offset, r.width);
    for (const s of r.loop?.segments ?? []) check(`${r.key} segment ${s.key}`, s.offset, s.width);
    if (/NaN|Infinity|undefined|\[object/.test(r.summary))
      problems.push(`${r.key} summary: ${r.summary}`);
    if (r.durationLabel.includes('-') || r.offsetLabel.includes('-'))
      problems.push(`${r.key} labels: ${r.durationLabel} ${r.offsetLabel}`);
  }
  for (const s of [l.queued, l.run, l.unaccounted]) if (s) check(s.kind, s.offset, s.width);
  for (const t of l.ticks) check(`tick ${t.label}`, t.fraction, 0);
  if (l.nowFraction !== null) check('now', l.nowFraction, 0);
  const text = [
    ...l.summary,
    l.placeholder,
    l.axisNote,
    ...l.ticks.map((t) => t.label),
    ...[l.queued, l.run, l.unaccounted].flatMap((s) => (s ? [s.label, s.description] : [])),
  ].join('\n');
  if (/NaN|Infinity|Invalid Date|1970/.test(text)) problems.push(`text: ${text}`);
  expect(problems).toEqual([]);
}

describe('fixtures', () => {
  it('01: five rows in key order, widths proportional to durations, back to back', () => {
    const l = fixture('01-happy-path.json');
    expectSane(l);
    expect(l.state).toBe('bars');
    expect(l.rows.map((r) => r.key)).toEqual([
      'trigger',
      'lookup_customer',
      'compute_totals',
      'append_order_row',
      'notify_slack',
    ]);
    const lookup = row(l, 'lookup_customer');
    const append = row(l, 'append_order_row');
    // 1,268.9 ms vs 419.98 ms
    expect(append.width / lookup.width).toBeCloseTo(1268.8966599999694 / 419.98072599997977, 6);
    expect(lookup.width).toBeCloseTo(419.98072599997977 / l.scaleMs, 9);
    // End to end: each starts where the previous one ends.
    for (let i = 2; i < l.rows.length; i++) {
      expect(l.rows[i]!.offset).toBeCloseTo(l.rows[i - 1]!.offset + l.rows[i - 1]!.width, 9);
    }
    // The trigger has no duration: a minimum-width bar reading "—".
    expect(row(l, 'trigger')).toMatchObject({
      minWidth: true,
      durationLabel: '—',
      approximate: true,
    });
    expect(lookup.summary).toBe('lookup_customer, Succeeded, 420 ms, starts T+7 ms');
    // Queued 7 ms from created; the axis is the run (2,299 ms) plus that queue.
    expect(l.originSource).toBe('created');
    expect(l.queueMs).toBe(7);
    expect(l.scaleMs).toBe(2306);
    expect(l.queued?.label).toBe('Queued 7 ms');
    // 2,299 − 2,072.9 ms of steps: unaccounted, after the steps, up to the end of the track.
    expect(l.unaccounted?.durationMs).toBeCloseTo(2299 - 2072.896229999984, 6);
    expect(l.unaccounted!.offset).toBeCloseTo(
      append.offset + append.width + row(l, 'notify_slack').width,
      9,
    );
    expect(l.unaccounted!.offset + l.unaccounted!.width).toBeCloseTo(1, 9);
  });

  it('03: the loop row has 3 iteration segments, the 3rd failed; the loop is marked failing', () => {
    const l = fixture('03-loop-failure.json');
    expectSane(l);
    const loop = row(l, 'loop_rows');
    expect(loop.failing).toBe('contains');
    expect(loop.loop?.density).toBe(false);
    expect(loop.loop?.segments.map((s) => [s.status.label, s.failing])).toEqual([
      ['Succeeded', false],
      ['Succeeded', false],
      ['Failed', true],
    ]);
    expect(loop.summary).toContain('3 of 10 iterations');
    // Iterations sit inside the loop's bar.
    for (const s of loop.loop!.segments) {
      expect(s.offset).toBeGreaterThanOrEqual(loop.offset);
      expect(s.offset + s.width).toBeLessThanOrEqual(loop.offset + loop.width + 1e-12);
    }
    // Collapsed: no rows for the steps inside.
    expect(l.rows.map((r) => r.key)).toEqual(['trigger', 'read_rows', 'loop_rows']);
  });

  it('03 expanded: iteration header rows, steps inside the loop span, the failing step marked', () => {
    const l = fixture('03-loop-failure.json', { expanded: new Set(['loop_rows']) });
    expectSane(l);
    const loop = row(l, 'loop_rows');
    expect(loop.loop?.expanded).toBe(true);
    expect(l.rows.map((r) => r.key)).toEqual([
      'trigger',
      'read_rows',
      'loop_rows',
      'loop_rows[1]',
      'loop_rows[1].normalize_contact',
      'loop_rows[1].update_contact',
      'loop_rows[2]',
      'loop_rows[2].normalize_contact',
      'loop_rows[2].update_contact',
      'loop_rows[3]',
      'loop_rows[3].normalize_contact',
      'loop_rows[3].update_contact',
    ]);
    expect(row(l, 'loop_rows[3]')).toMatchObject({
      type: 'iteration',
      label: 'Iteration 3 of 10',
      failing: 'contains',
      depth: 1,
    });
    expect(row(l, 'loop_rows[3].update_contact')).toMatchObject({ failing: 'here', depth: 1 });
    expect(row(l, 'loop_rows[2].update_contact').failing).toBeNull();
    for (const r of l.rows.filter((x) => x.depth > 0)) {
      expect(r.offset).toBeGreaterThanOrEqual(loop.offset);
      expect(r.offset + r.width).toBeLessThanOrEqual(loop.offset + loop.width + 1e-12);
    }
  });

  it('04: the router row names the branch taken; the branch steps follow it', () => {
    const l = fixture('04-router.json');
    expectSane(l);
    expect(row(l, 'route_ticket').branchLabel).toBe('→ Billing');
    expect(l.rows.map((r) => r.key).slice(2, 4)).toEqual(['route_ticket', 'lookup_charges']);
  });

  it('06 running: render_pdf is open-ended up to now, and no bar goes past the track', () => {
    const start = Date.parse('2025-11-05T10:14:34.667Z');
    const nowMs = start + 20_000;
    const l = fixture('06-running.json', { nowMs });
    expectSane(l);
    expect(l.live).toBe(true);
    expect(l.endSource).toBe('now');
    expect(l.spanMs).toBe(20_000);
    const pdf = row(l, 'render_pdf');
    expect(pdf.open).toBe(true);
    expect(pdf.offset + pdf.width).toBeCloseTo(1, 9);
    expect(l.nowFraction).toBeCloseTo(1, 9);
    // The open bar covers the rest of the run: no separate unaccounted segment.
    expect(l.unaccounted).toBeNull();
    // "now" is read once: a later now moves the open end, not the finished bars' lengths in ms.
    const later = fixture('06-running.json', { nowMs: nowMs + 20_000 });
    expect(row(later, 'render_pdf').drawnMs).toBeGreaterThan(pdf.drawnMs);
    expect(row(later, 'export_transactions').drawnMs).toBe(row(l, 'export_transactions').drawnMs);
  });

  it('06 with the device clock behind the start: nothing negative, steps still drawn', () => {
    const start = Date.parse('2025-11-05T10:14:34.667Z');
    const l = fixture('06-running.json', { nowMs: start - 60_000 });
    expectSane(l);
    expect(l.spanMs).toBeNull();
    expect(l.rows).toHaveLength(4);
  });

  it('08 queued: a placeholder and no bars', () => {
    const created = Date.parse('2026-01-20T16:02:44.870Z');
    const l = fixture('08-queued.json', { nowMs: created + 65_000 });
    expectSane(l);
    expect(l.state).toBe('not-started');
    expect(l.rows).toHaveLength(0);
    expect(l.run).toBeNull();
    expect(l.placeholder).toBe(
      'Not started yet: waiting since 2026-01-20 16:02:44.870 UTC (1 min 5 s).',
    );
  });

  it('09 timeout: the RUNNING step is interrupted, not extended to the end', () => {
    const l = fixture('09-timeout.json');
    expectSane(l);
    const csv = row(l, 'build_csv');
    expect(csv).toMatchObject({ interrupted: true, open: false, minWidth: true, width: 0 });
    expect(csv.summary).toContain('interrupted');
    expect(l.unaccounted?.label).toBe('Unaccounted 9 min 41 s');
    // The time the cut-off step ran is in that segment, and the legend says so.
    expect(l.unaccounted?.legend).toMatch(/interrupted step build_csv/);
    expect(fixture('01-happy-path.json').unaccounted?.legend).toBe(': queueing, pauses, engine overhead');
  });

  it('10 internal error: the run span only, no step bars', () => {
    const l = fixture('10-internal-error.json');
    expectSane(l);
    expect(l.state).toBe('span-only');
    expect(l.rows).toHaveLength(0);
    expect(l.run?.label).toBe('Run 2.32 s');
    expect(l.unaccounted).toBeNull();
  });

  it('12: a loop without a duration is drawn as the sum of its iterations and reads "—"', () => {
    const l = fixture('12-memory-limit.json');
    expectSane(l);
    const loop = row(l, 'loop_attachments');
    expect(loop.durationLabel).toBe('—');
    expect(loop.loop?.fromIterations).toBe(true);
    expect(loop.drawnMs).toBeCloseTo(282 + 478 + 410, -1);
    expect(loop.loop?.segments.at(-1)?.status.label).toBe('Interrupted');
  });

  it('13 canceled: steps do not stretch to the 19 h span; a large unaccounted segment instead', () => {
    const l = fixture('13-canceled-while-paused.json');
    expectSane(l);
    expect(l.spanMs).toBe(69_873_014);
    for (const r of l.rows) expect(r.width).toBeLessThan(0.0001);
    // The paused step of an ended run is not open-ended.
    expect(row(l, 'wait_3_days').open).toBe(false);
    expect(l.unaccounted!.width).toBeGreaterThan(0.99);
    expect(l.unaccounted!.label).toBe('Unaccounted 19 h 24 min');
  });

  it('17: nested loops expand level by level', () => {
    const outerOnly = fixture('17-nested-loops.json', { expanded: new Set(['loop_warehouses']) });
    expectSane(outerOnly);
    const inner = outerOnly.rows.filter((r) => r.kind === 'loop' && r.depth === 1);
    expect(inner).toHaveLength(4);
    expect(outerOnly.rows.some((r) => r.depth === 2)).toBe(false);
    const both = fixture('17-nested-loops.json', {
      expanded: new Set(['loop_warehouses', inner[0]!.path]),
    });
    expectSane(both);
    const deep = both.rows.filter((r) => r.depth === 2);
    expect(deep[0]?.key).toBe(`${inner[0]!.path}[1]`);
    const innerRow = row(both, inner[0]!.path);
    for (const r of deep) {
      expect(r.offset).toBeGreaterThanOrEqual(innerRow.offset);
      expect(r.offset + r.width).toBeLessThanOrEqual(innerRow.offset + innerRow.width + 1e-12);
    }
  });

  it('18: 300 iterations become a bounded density strip with the failed bucket', () => {
    const l = fixture('18-large.json');
    expectSane(l);
    const loop = row(l, 'loop_products');
    expect(loop.loop?.density).toBe(true);
    expect(loop.loop!.segments.length).toBeLessThanOrEqual(DENSITY_BUCKETS);
    const failed = loop.loop!.segments.filter((s) => s.status.failed);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.first).toBeLessThanOrEqual(214);
    expect(failed[0]!.first + failed[0]!.count).toBeGreaterThan(214);
    expect(failed[0]!.label).toMatch(/1 failed/);
  });
});

describe('hostile inputs', () => {
  it('02 queued, no start: a "not started" placeholder, no bars', () => {
    const created = Date.parse('2024-06-03T09:15:00.000Z');
    const l = hostile('02-queued-not-started.json', { nowMs: created + 3_000 });
    expectSane(l);
    expect(l.state).toBe('not-started');
    expect(l.rows).toHaveLength(0);
    expect(l.placeholder).toMatch(
      /^Not started yet: waiting since 2024-06-03 09:15:00\.000 UTC \(3 s\)/,
    );
  });

  it('03 running: the loop and the 2nd iteration’s update_order end at now, inside the track', () => {
    const nowMs = Date.parse('2024-06-03T09:15:05.000Z');
    const l = hostile('03-running-open-ended.json', { nowMs, expanded: new Set(['loop_orders']) });
    expectSane(l);
    const loop = row(l, 'loop_orders');
    const running = row(l, 'loop_orders[2].update_order');
    expect(loop.open).toBe(true);
    expect(running.open).toBe(true);
    expect(loop.offset + loop.width).toBeCloseTo(l.nowFraction!, 9);
    expect(running.offset + running.width).toBeCloseTo(l.nowFraction!, 9);
    expect(loop.loop?.segments.map((s) => s.status.label)).toEqual(['Succeeded', 'Running']);
  });

  it('04 clock skew: no negative anything; inconsistent timestamps flagged with raw values', () => {
    const l = hostile('04-clock-skew-negative.json');
    expectSane(l);
    expect(l.rows.map((r) => r.key)).toEqual(['trigger', 'call_api', 'transform']);
    const api = row(l, 'call_api');
    expect(api).toMatchObject({ durationLabel: '—', minWidth: true, width: 0 });
    expect(timelineRowFacts(api, 'utc')).toContainEqual(['Duration', '— (reported -40: negative)']);
    // Created after start → origin is the start; finish before start → the step sum is the scale.
    expect(l.originSource).toBe('startTime');
    expect(l.queued).toBeNull();
    expect(l.spanMs).toBeNull();
    expect(l.scaleSource).toBe('steps');
    expect(l.scaleMs).toBe(2650);
    const codes = l.notices.map((n) => n.code);
    expect(codes).toEqual(
      expect.arrayContaining(['finish-before-start', 'created-after-start', 'duration-invalid']),
    );
    const skew = l.notices.find((n) => n.code === 'finish-before-start')!;
    expect(skew.details).toEqual([
      ['startTime', '"2024-06-03T09:15:05.000Z"'],
      ['finishTime', '"2024-06-03T09:15:02.000Z"'],
    ]);
  });

  it('05 zero-length run: scale floor, minimum widths, "0 ms" labels, a missing duration reads "—"', () => {
    const l = hostile('05-zero-length-run.json');
    expectSane(l);
    expect(l.scaleMs).toBe(1);
    expect(l.spanMs).toBe(0);
    expect(row(l, 'trigger')).toMatchObject({ durationLabel: '0 ms', minWidth: true });
    expect(row(l, 'noop')).toMatchObject({ durationLabel: '0 ms', minWidth: true });
    expect(row(l, 'no_duration_field')).toMatchObject({ durationLabel: '—', minWidth: true });
    expect(l.ticks.length).toBeLessThanOrEqual(6);
  });

  it('06 mixed magnitudes: 3-day step in days, sub-ms step visible, nothing past the track', () => {
    const l = hostile('06-mixed-duration-units.json');
    expectSane(l);
    expect(row(l, 'wait_three_days').durationLabel).toBe('3 d 0 h');
    expect(row(l, 'trigger')).toMatchObject({ durationLabel: '0.4 ms', minWidth: true });
    expect(row(l, 'string_duration').durationLabel).toBe('1.2 s');
    expect(row(l, 'null_duration').durationLabel).toBe('—');
    // The steps add up to more than the span: the scale is the step sum.
    expect(l.scaleSource).toBe('steps');
    expect(l.scaleMs).toBeCloseTo(259_210_000.4, 3);
    expect(l.ticks.map((t) => t.label)).toContain('T+3 d');
  });

  it('08 invalid and epoch dates: origin from the start, end from the steps, no 1970', () => {
    const l = hostile('08-invalid-and-epoch-dates.json');
    expectSane(l);
    expect(l.originSource).toBe('startTime');
    expect(l.endSource).toBe('steps');
    expect(l.scaleMs).toBe(1000);
    expect(l.rows.map((r) => r.key)).toEqual(['trigger', 'partial']);
    expect(l.axisNote).toMatch(/no usable finish time/);
    const codes = l.notices.map((n) => n.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'time-created-invalid',
        'time-updated-invalid',
        'time-finishTime-epoch',
      ]),
    );
    const facts = timelineRowFacts(row(l, 'partial'), 'utc');
    expect(facts).toContainEqual(['Start (est.)', '2024-06-03 09:15:00.100 UTC']);
  });

  it('11 huge: 1,000 iterations drawn as one bar with a density strip', () => {
    const l = hostile('11-huge-payload.json');
    expectSane(l);
    const loop = l.rows.find((r) => r.kind === 'loop')!;
    expect(loop.loop?.iterationCount).toBe(1000);
    expect(loop.loop?.density).toBe(true);
    expect(loop.loop!.segments.length).toBeLessThanOrEqual(DENSITY_BUCKETS);
    expect(loop.summary).toContain('1000 iterations');
  });
});

describe('tooltip facts', () => {
  it('name, status, duration, offset and the absolute start in the zone and in UTC', () => {
    const l = fixture('01-happy-path.json');
    const facts = timelineRowFacts(row(l, 'lookup_customer'), 'local');
    const keys = facts.map(([k]) => k);
    expect(keys).toEqual(['Step', 'Status', 'Duration', 'Starts', 'Start (est.)', 'UTC']);
    expect(facts).toContainEqual(['Starts', 'T+7 ms (approximate)']);
    // Started 08:42:17.388 UTC; the trigger has no duration, so lookup_customer starts then.
    expect(facts).toContainEqual(['UTC', '2025-09-16 08:42:17.388 UTC']);
  });
});

// ---------------------------------------------------------------------------------------------
// Scale: synthetic runs.

function syntheticRun(
  steps: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): RunModel {
  const body = {
    id: 'r',
    flowId: 'f',
    status: 'SUCCEEDED',
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T01:00:00.000Z',
    startTime: '2025-01-01T00:00:01.000Z',
    finishTime: '2025-01-01T01:00:00.000Z',
    steps,
    ...extra,
  };
  return buildRunModel({ body, keyOrder: null, nowMs: NOW });
}

describe('scale', () => {
  it('5,000 top-level steps: 5,000 rows in order, all inside the track', () => {
    const steps: Record<string, unknown> = {
      trigger: { type: 'PIECE_TRIGGER', status: 'SUCCEEDED' },
    };
    for (let i = 1; i < 5000; i++)
      steps[`step_${i}`] = { type: 'PIECE', status: 'SUCCEEDED', duration: 100 + (i % 7) };
    const l = layout(syntheticRun(steps));
    expect(l.rows).toHaveLength(5000);
    expect(l.rows[4999]!.key).toBe('step_4999');
    expectSane(l);
  }, 30_000);

  it('a 10,000-iteration loop: a bounded density strip collapsed, 40,001 rows expanded', () => {
    const iterations = Array.from({ length: 10_000 }, (_, i) => ({
      a: { type: 'CODE', status: 'SUCCEEDED', duration: 1 },
      b: { type: 'PIECE', status: i === 7_777 ? 'FAILED' : 'SUCCEEDED', duration: 2 },
      c: { type: 'PIECE', status: 'SUCCEEDED', duration: 3 },
    }));
    const m = syntheticRun(
      {
        trigger: { type: 'PIECE_TRIGGER', status: 'SUCCEEDED' },
        big_loop: {
          type: 'LOOP_ON_ITEMS',
          status: 'SUCCEEDED',
          duration: 70_000,
          output: { iterations },
        },
      },
      { status: 'FAILED', failedStep: { name: 'b' } },
    );
    const collapsed = layout(m);
    expect(collapsed.rows).toHaveLength(2);
    const loop = row(collapsed, 'big_loop');
    expect(loop.loop?.density).toBe(true);
    expect(loop.loop!.segments.length).toBe(DENSITY_BUCKETS);
    expect(loop.loop!.segments.reduce((n, s) => n + s.count, 0)).toBe(10_000);
    expect(loop.loop!.segments.filter((s) => s.failing)).toHaveLength(1);
    expect(loop.failing).toBe('contains');
    expectSane(collapsed);

    const expanded = layout(m, { expanded: new Set(['big_loop']) });
    expect(expanded.rows).toHaveLength(2 + 10_000 * 4);
    expect(row(expanded, 'big_loop[7778].b').failing).toBe('here');
    expectSane(expanded);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Property: whatever the timestamps and durations, every fraction is finite and on the track.

const timestamp = fc.oneof(
  fc
    .date({ min: new Date('1971-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('', 'not-a-date', '1970-01-01T00:00:00.000Z', null, 42, '2025-02-31T00:00:00Z'),
);
const duration = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1e9, noNaN: true }),
  fc.constantFrom('1200', '-5', 'abc', null, 0, 1e308, -0),
);
const status = fc.constantFrom('SUCCEEDED', 'FAILED', 'RUNNING', 'PAUSED', 'STOPPED', 'WHAT');
const leaf = fc.record(
  { type: fc.constantFrom('PIECE', 'CODE'), status, duration },
  { requiredKeys: ['type'] },
);
const loopStep = fc.record({
  type: fc.constant('LOOP_ON_ITEMS'),
  status,
  duration,
  output: fc.record({
    iterations: fc.array(
      fc.oneof(
        fc.dictionary(fc.constantFrom('x', 'y', 'z'), leaf, { maxKeys: 3 }),
        fc.constant('(truncated)'),
      ),
      {
        maxLength: 6,
      },
    ),
  }),
});
const runBody = fc.record({
  status: fc.constantFrom(
    'QUEUED',
    'RUNNING',
    'PAUSED',
    'SUCCEEDED',
    'FAILED',
    'TIMEOUT',
    'CANCELED',
    'ODD',
  ),
  created: timestamp,
  startTime: timestamp,
  finishTime: timestamp,
  steps: fc.dictionary(
    fc.constantFrom('trigger', 'a', 'b', 'c', 'loop1', 'loop2', 'd'),
    fc.oneof(leaf, loopStep),
    { maxKeys: 7 },
  ),
});

describe('property', () => {
  it('arbitrary timestamps and durations: every fraction finite, in [0, 1], offset + width ≤ 1', () => {
    fc.assert(
      fc.property(
        runBody,
        fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(Number.NaN, 0)),
        fc.boolean(),
        (body, nowMs, expandAll) => {
          const m = buildRunModel({ body, keyOrder: null, nowMs });
          const expanded = new Set(
            expandAll ? m.allSteps.filter((s) => s.kind === 'loop').map((s) => s.path) : [],
          );
          const l = layoutTimeline(m, { nowMs, expanded, zone: 'utc' });
          expectSane(l);
          const keys = l.rows.map((r) => r.key);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
