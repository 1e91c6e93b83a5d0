import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '@/lib/json-body';
import { buildRunModel } from '../model/run-model';
import type { RunModel } from '../model/types';
import { cycle, failedOnlyFilter, failedSteps, nextFailure, visibleSteps } from './step-order';

const FIXTURES = join(__dirname, '../../../test/fixtures');
function fixture(file: string): RunModel {
  const parsed = parseJsonBody(readFileSync(join(FIXTURES, file), 'utf8'));
  return buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: Date.UTC(2026, 0, 1) });
}
const paths = (list: ReadonlyArray<{ path: string }>) => list.map((s) => s.path);

describe('visible steps (j/k order)', () => {
  const m17 = fixture('17-nested-loops.json');

  it('goes depth-first through the iterations shown, nested loops included', () => {
    const shown = new Map([
      ['loop_warehouses', 2],
      ['loop_warehouses[2].loop_skus', 3],
    ]);
    const order = paths(visibleSteps(m17.steps, (p) => shown.get(p) ?? 1));
    expect(order.slice(0, 4)).toEqual(['trigger', 'list_warehouses', 'loop_warehouses', 'loop_warehouses[2].get_stock']);
    expect(order).toContain('loop_warehouses[2].loop_skus[3].check_level');
    expect(order.some((p) => p.startsWith('loop_warehouses[1]'))).toBe(false);
    expect(order.at(-1)).toBe('post_summary');
  });

  it('skips what a filter hides', () => {
    const m03 = fixture('03-loop-failure.json');
    const order = paths(visibleSteps(m03.steps, () => 3, failedOnlyFilter(m03, null)));
    expect(order).toEqual(['loop_rows', 'loop_rows[3].update_contact']);
  });
});

describe('failures (f) and the Failed only filter', () => {
  it('keeps every failed step and the loops holding it, and the selected step', () => {
    const m18 = fixture('18-large.json');
    const keep = failedOnlyFilter(m18, 'trigger');
    expect([...keep].sort()).toEqual(['loop_products', 'loop_products[214].update_price', 'trigger']);
  });

  it('f cycles through the failures in depth-first order, starting after the selection', () => {
    const body = JSON.parse(readFileSync(join(FIXTURES, '05-continue-on-failure.json'), 'utf8')) as { steps: Record<string, Record<string, unknown>> };
    body.steps.step_2!.status = 'FAILED';
    const m = buildRunModel({ body, keyOrder: null, nowMs: 0 });
    expect(paths(failedSteps(m))).toEqual(['step_4', 'step_2']);
    expect(nextFailure(m, null)?.path).toBe('step_4');
    expect(nextFailure(m, 'step_4')?.path).toBe('step_2');
    expect(nextFailure(m, 'step_2')?.path).toBe('step_4');
    expect(nextFailure(m, 'step_1')?.path).toBe('step_4');
    expect(nextFailure(m, 'step_3')?.path).toBe('step_4');
    expect(nextFailure(fixture('01-happy-path.json'), null)).toBeUndefined();
  });

  it('cycle wraps or stops at the ends', () => {
    expect(cycle([1, 2, 3], 3, 1)).toBe(1);
    expect(cycle([1, 2, 3], 1, -1)).toBe(3);
    expect(cycle([1, 2, 3], 3, 1, false)).toBe(3);
    expect(cycle([1, 2, 3], undefined, 1)).toBe(1);
    expect(cycle([1, 2, 3], undefined, -1)).toBe(3);
    expect(cycle([], undefined, 1)).toBeUndefined();
  });
});
