import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api-schema';
import {
  isLiveRunId,
  LIVE_RESTART_AFTER_MS,
  LiveClocks,
  liveRunBody,
  liveTiming,
  parseLiveScale,
} from './live-run.ts';

const T0 = Date.parse('2026-02-10T09:00:00.000Z');
const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED'];

type Body = ReturnType<typeof liveRunBody>;
// Compile-time: the live body is assignable to the generated contract type.
type Contract = components['schemas']['FlowRunDetailResponse'];
const asContract = (body: Body): Contract => body;
type StepRecord = {
  type?: string;
  status?: string;
  duration?: number;
  output?: unknown;
  input?: unknown;
};

const stepsOf = (body: Body) => body.steps as Record<string, StepRecord>;

/** The contract's required envelope, checked the way a strict client would. */
function expectContractValid(body: Body) {
  const record: Record<string, unknown> = { ...asContract(body) };
  for (const key of ['id', 'flowId', 'created', 'updated'] as const) {
    expect(typeof record[key], key).toBe('string');
  }
  expect(STATUSES).toContain(body.status);
  for (const key of ['created', 'updated', 'startTime', 'finishTime'] as const) {
    const value = record[key];
    if (value !== undefined && value !== null)
      expect(Number.isNaN(Date.parse(String(value))), key).toBe(false);
  }
  for (const key of ['duration', 'stepsCount'] as const) {
    const value = record[key];
    if (value !== undefined && value !== null) expect(Number.isInteger(value), key).toBe(true);
  }
  expect(typeof body.steps).toBe('object');
}

describe('liveRunBody', () => {
  const scale = 1;
  const { queuedMs, runningMs, totalMs } = liveTiming(scale);

  it('takes about 3 s queued and 9 s running at scale 1', () => {
    expect(queuedMs).toBe(3000);
    expect(runningMs).toBe(9000);
    expect(liveTiming(0.25).totalMs).toBe(3000);
  });

  it('is QUEUED with no start, no finish and no steps at first', () => {
    const body = liveRunBody('demoLive-a', T0, T0 + 100, scale);
    expectContractValid(body);
    expect(body.status).toBe('QUEUED');
    expect(body).not.toHaveProperty('startTime');
    expect(body).not.toHaveProperty('finishTime');
    expect(body).not.toHaveProperty('duration');
    expect(body.steps).toEqual({});
    expect(body.id).toBe('demoLive-a');
    expect(body.created).toBe('2026-02-10T09:00:00.000Z');
  });

  it('runs its steps one at a time, the current one RUNNING without a duration', () => {
    const seenCounts = new Set<number>();
    let previous: string[] = [];
    for (let t = queuedMs; t < totalMs; t += 100) {
      const body = liveRunBody('demoLive-a', T0, T0 + t, scale);
      expectContractValid(body);
      expect(body.status).toBe('RUNNING');
      expect(body.finishTime).toBeNull();
      expect(body.duration).toBeNull();
      expect(body.startTime).toBe(new Date(T0 + queuedMs).toISOString());
      const steps = stepsOf(body);
      const names = Object.keys(steps);
      // Steps only ever get added, in the same order, trigger first.
      expect(names.slice(0, previous.length)).toEqual(previous);
      expect(names[0]).toBe('trigger');
      previous = names;
      seenCounts.add(names.length);
      const running = Object.values(steps).filter((step) => step.status === 'RUNNING');
      expect(running.length).toBeLessThanOrEqual(1);
      for (const step of running) {
        expect(step).not.toHaveProperty('duration');
        expect(step).not.toHaveProperty('output');
      }
      const finished = Object.values(steps).filter(
        (step) => step.status === 'SUCCEEDED' && step.type !== 'PIECE_TRIGGER',
      );
      expect(body.stepsCount).toBe(finished.length);
      // updated lies between startTime and now.
      const updated = Date.parse(body.updated);
      expect(updated).toBeGreaterThanOrEqual(Date.parse(body.startTime ?? ''));
      expect(updated).toBeLessThanOrEqual(T0 + t);
    }
    // trigger, then 4 PIECE/CODE steps appear one by one.
    expect([...seenCounts].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('ends SUCCEEDED with finish time and duration consistent with the start', () => {
    const body = liveRunBody('demoLive-a', T0, T0 + totalMs + 5, scale);
    expectContractValid(body);
    expect(body.status).toBe('SUCCEEDED');
    const start = Date.parse(body.startTime ?? '');
    const finish = Date.parse(body.finishTime ?? '');
    expect(finish - start).toBe(runningMs);
    expect(body.duration).toBe(finish - start);
    expect(body.updated).toBe(body.finishTime);
    const steps = Object.values(stepsOf(body));
    expect(steps).toHaveLength(5);
    expect(steps.every((step) => step.status === 'SUCCEEDED')).toBe(true);
    const actions = steps.filter((step) => step.type !== 'PIECE_TRIGGER');
    expect(actions.map((step) => step.type)).toEqual(expect.arrayContaining(['PIECE', 'CODE']));
    expect(
      actions.every((step) => typeof step.duration === 'number' && step.output !== undefined),
    ).toBe(true);
    const stepSum = actions.reduce((sum, step) => sum + (step.duration ?? 0), 0);
    expect(stepSum).toBeLessThanOrEqual(runningMs);
    expect(body.stepsCount).toBe(4);
  });

  it('keeps step durations inside the span at tiny scales', () => {
    const tiny = 0.001;
    const body = liveRunBody('demoLive-a', T0, T0 + 1000, tiny);
    const sum = Object.values(stepsOf(body)).reduce(
      (total, step) => total + (step.duration ?? 0),
      0,
    );
    expect(body.status).toBe('SUCCEEDED');
    expect(sum).toBeLessThanOrEqual(body.duration ?? 0);
  });
});

describe('LiveClocks', () => {
  it('starts a clock per run ID at its first request', () => {
    const clocks = new LiveClocks(1);
    expect(clocks.startFor('demoLive-a', T0)).toBe(T0);
    expect(clocks.startFor('demoLive-a', T0 + 5000)).toBe(T0);
    expect(clocks.startFor('demoLive-b', T0 + 5000)).toBe(T0 + 5000);
  });

  it('restarts a run that finished more than 2 minutes ago', () => {
    const clocks = new LiveClocks(1);
    const { totalMs } = liveTiming(1);
    clocks.startFor('demoLiveRun', T0);
    expect(clocks.startFor('demoLiveRun', T0 + totalMs + LIVE_RESTART_AFTER_MS)).toBe(T0);
    const later = T0 + totalMs + LIVE_RESTART_AFTER_MS + 1;
    expect(clocks.startFor('demoLiveRun', later)).toBe(later);
  });

  it('reports the status without starting the clock', () => {
    const clocks = new LiveClocks(1);
    expect(clocks.peekStatus('demoLiveRun', T0)).toBe('QUEUED');
    expect(clocks.startFor('demoLiveRun', T0 + 10)).toBe(T0 + 10);
    expect(clocks.peekStatus('demoLiveRun', T0 + 5000)).toBe('RUNNING');
    clocks.reset('demoLiveRun');
    expect(clocks.startFor('demoLiveRun', T0 + 6000)).toBe(T0 + 6000);
  });
});

describe('parseLiveScale and isLiveRunId', () => {
  it('accepts positive multipliers only', () => {
    expect(parseLiveScale(undefined)).toBe(1);
    expect(parseLiveScale('0.33')).toBe(0.33);
    expect(parseLiveScale('0')).toBe(1);
    expect(parseLiveScale('fast')).toBe(1);
  });

  it('recognises demoLive IDs', () => {
    expect(isLiveRunId('demoLiveRun')).toBe(true);
    expect(isLiveRunId('demoLive-1234')).toBe(true);
    expect(isLiveRunId('bsCwzYxMT3gWDcEwIVioD')).toBe(false);
  });
});
