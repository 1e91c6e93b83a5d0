import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '@/lib/json-body';
import { buildRunModel } from '../model/run-model';
import type { RunModel, StepNode } from '../model/types';
import { countRunSecrets } from './secret-count';
import { searchRun, type SearchableStep } from './search';
import { isAbort } from './time-slice';

const FIXTURES = join(__dirname, '../../../test/fixtures');
function fixture(file: string): RunModel {
  const parsed = parseJsonBody(readFileSync(join(FIXTURES, file), 'utf8'));
  return buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: Date.UTC(2026, 0, 1) });
}

/** No real waiting in tests: yields are counted, the clock is driven by hand. */
function fakeClock(stepMs: number) {
  let t = 0;
  let yields = 0;
  return {
    now: () => (t += stepMs),
    yieldToBrowser: async () => {
      yields++;
    },
    get yields() {
      return yields;
    },
  };
}

function step(path: string, input: unknown, extra: Partial<SearchableStep> = {}): SearchableStep {
  return {
    path,
    name: path,
    displayName: null,
    kind: 'code',
    input: { present: true, value: input },
    output: { present: false },
    error: null,
    extras: [],
    raw: null,
    loop: null,
    ...extra,
  };
}

describe('search', () => {
  const m03 = fixture('03-loop-failure.json');

  it('finds a value that only exists inside iteration 3 of loop_rows, with the step, slot and JSON pointer', async () => {
    const r = await searchRun(m03.allSteps, '+1-555-0151', { mask: true });
    expect(r.total).toBe(3);
    expect(r.stepCount).toBe(2);
    expect(r.matches.map((x) => [x.stepPath, x.slot, x.pointer])).toEqual([
      ['loop_rows[3].normalize_contact', 'output', '/phone'],
      ['loop_rows[3].update_contact', 'input', '/body/phone'],
      // The error quotes the request body.
      ['loop_rows[3].update_contact', 'error', null],
    ]);
    expect(r.matches[0]!.match).toBe('+1-555-0151');
  });

  it('ignores case, and searches names, keys and errors too', async () => {
    const byName = await searchRun(m03.allSteps, 'UPDATE_CONTACT', { mask: true });
    expect(byName.matches.filter((x) => x.slot === 'name').map((x) => x.stepPath)).toEqual([
      'loop_rows[1].update_contact',
      'loop_rows[2].update_contact',
      'loop_rows[3].update_contact',
    ]);
    const inError = await searchRun(m03.allSteps, 'validation_failed', { mask: true });
    expect(inError.matches.map((x) => [x.stepPath, x.slot, x.pointer])).toEqual([['loop_rows[3].update_contact', 'error', null]]);
    const key = await searchRun(m03.allSteps, 'queryParams', { mask: true });
    expect(key.matches.every((x) => x.on === 'key')).toBe(true);
  });

  it('does not report a loop’s nested records twice (they are searched as the nested steps)', async () => {
    const r = await searchRun(m03.allSteps, 'ct_xAzje4jR06', { mask: true });
    const inLoop = r.matches.filter((x) => x.stepPath === 'loop_rows').map((x) => `${x.slot}${x.pointer}`);
    // The loop's own input (items) and output (current item) match, its iterations list is not searched.
    expect(inLoop).toEqual(['input/items/2/values/A', 'output/item/values/A']);
    expect(r.matches.some((x) => x.stepPath.startsWith('loop_rows[3].'))).toBe(true);
  });

  it('with masking on, a secret value is not found; revealed, it is', async () => {
    const m01 = fixture('01-happy-path.json');
    const secret = '2de963a8cc7d2cd0e63b0bb0841d5824';
    expect((await searchRun(m01.allSteps, secret, { mask: true })).total).toBe(0);
    const revealed = await searchRun(m01.allSteps, secret, { mask: false });
    expect(revealed.matches.map((x) => [x.stepPath, x.pointer])).toEqual([['trigger', '/headers/x-storehooks-signature']]);
    // The key itself stays findable, and the snippet shows the mask, not the value.
    const byKey = await searchRun(m01.allSteps, 'storehooks-signature', { mask: true });
    expect(byKey.total).toBe(1);
    expect(JSON.stringify(byKey.matches)).not.toContain(secret);
    // Secrets inside longer text are masked too.
    const inText = [step('s', { note: 'call with Authorization: Bearer abcdef0123456789XYZ please' })];
    expect((await searchRun(inText, 'abcdef0123456789', { mask: true })).total).toBe(0);
    expect((await searchRun(inText, 'abcdef0123456789', { mask: false })).total).toBe(1);
  });

  it('walks a value nested 5,000 levels deep without recursion', async () => {
    let deep: unknown = { needle: 'found me' };
    for (let i = 0; i < 5000; i++) deep = { next: deep };
    const r = await searchRun([step('deep', deep)], 'found me', { mask: true });
    expect(r.total).toBe(1);
    expect(r.matches[0]!.pointer).toBe(`${'/next'.repeat(5000)}/needle`);
  });

  it('yields to the browser every slice, reports progress, and still finds everything', async () => {
    const big = Array.from({ length: 20_000 }, (_, i) => ({ id: i, label: i === 19_999 ? 'last-one' : `row ${i}` }));
    const clock = fakeClock(1); // every clock read advances 1 ms: a slice of 8 ms ends quickly
    const progress: number[] = [];
    const steps = [step('a', big), step('b', { x: 'last-one' })];
    const r = await searchRun(steps, 'last-one', { mask: true, sliceMs: 8, now: clock.now, yieldToBrowser: clock.yieldToBrowser, onProgress: (f) => progress.push(f) });
    expect(r.total).toBe(2);
    expect(clock.yields).toBeGreaterThan(100);
    expect(progress.at(-1)).toBe(1);
  });

  it('a cancelled search stops at its next yield', async () => {
    const big = Array.from({ length: 20_000 }, (_, i) => ({ id: i }));
    const controller = new AbortController();
    const clock = fakeClock(1);
    let yields = 0;
    const promise = searchRun([step('a', big)], 'zzz', {
      mask: true,
      now: clock.now,
      signal: controller.signal,
      yieldToBrowser: async () => {
        if (++yields === 3) controller.abort();
      },
    });
    await expect(promise).rejects.toSatisfy(isAbort);
    expect(yields).toBe(3);
  });

  it('keeps at most maxMatches for jumping, but counts them all', async () => {
    const many = Array.from({ length: 50 }, () => 'abc');
    const r = await searchRun([step('a', many)], 'abc', { mask: true, maxMatches: 10 });
    expect(r.matches).toHaveLength(10);
    expect(r.total).toBe(50);
  });

  it('an empty query matches nothing', async () => {
    expect((await searchRun(m03.allSteps, '   ', { mask: true })).total).toBe(0);
  });
});

describe('masked value count', () => {
  it('counts the secrets of a run once each (01: the webhook signature)', async () => {
    const m01 = fixture('01-happy-path.json');
    expect(await countRunSecrets(m01.allSteps)).toEqual({ count: 1, capped: false });
  });

  it('counts nested steps, not their copies in the loop output, and stops at the limit', async () => {
    const mk = (n: number) => Array.from({ length: n }, (_, i) => ({ password: `pw-${i}-Xy9` }));
    const steps = [step('a', mk(500)), step('b', { api_key: 'abc', nested: { token: 't0k3n-value' } })];
    expect(await countRunSecrets(steps)).toEqual({ count: 502, capped: false });
    expect(await countRunSecrets(steps, { limit: 100 })).toEqual({ count: 100, capped: true });
  });

  it('yields while counting a large run', async () => {
    const steps: StepNode[] = fixture('18-large.json').allSteps as StepNode[];
    const clock = fakeClock(1);
    const r = await countRunSecrets(steps.map((s) => ({ ...s })), { now: clock.now, yieldToBrowser: clock.yieldToBrowser });
    expect(r.capped).toBe(false);
    expect(clock.yields).toBeGreaterThan(0);
  });
});
