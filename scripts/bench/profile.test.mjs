import { describe, expect, it } from 'vitest';
import { callersOf, mainThreadTasks, summarizeProfile } from './profile.mjs';

const resolver = { frame: (cf) => ({ name: cf.functionName, where: cf.url, source: null }) };

function trace(events) {
  return Buffer.from(JSON.stringify({ traceEvents: events }));
}
const meta = (pid, tid, name) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
const task = (pid, tid, ts, dur, tdur) => ({
  ph: 'X',
  name: 'ThreadControllerImpl::RunTask',
  cat: 'toplevel',
  pid,
  tid,
  ts,
  dur,
  tdur,
});
const mark = (pid, tid, ts, name) => ({ ph: 'I', cat: 'blink.user_timing', name, pid, tid, ts });

describe('mainThreadTasks', () => {
  it("reads the page's main thread: longest task by CPU and by wall time, CPU between marks", () => {
    const buffer = trace([
      meta(1, 1, 'CrRendererMain'),
      meta(2, 2, 'CrRendererMain'),
      meta(1, 5, 'Compositor'),
      task(1, 1, 0, 300_000, 100_000), // 300 ms wall, 100 ms CPU
      task(1, 1, 400_000, 120_000, 110_000),
      task(1, 5, 0, 900_000, 900_000), // another thread: ignored
      task(2, 2, 0, 2_000_000, 2_000_000), // another renderer, busier, but the marks are on 1:1
      mark(1, 1, 100_000, 'inspector:response'),
      mark(1, 1, 460_000, 'inspector:summary-visible'),
    ]);
    const r = mainThreadTasks(buffer, [['inspector:response', 'inspector:summary-visible']]);
    expect(r.maxCpuMs).toBe(110);
    expect(r.maxWallMs).toBe(300);
    expect(r.tasksOver100CpuMs).toBe(1);
    // 200 ms of the first task at 1/3 CPU + 60 ms of the second at 110/120.
    expect(r.spans['inspector:response → inspector:summary-visible']).toBeCloseTo(200 / 3 + 55, 5);
  });

  it('gives null without a renderer main thread', () => {
    expect(mainThreadTasks(trace([meta(1, 1, 'CrBrowserMain'), task(1, 1, 0, 10, 10)]))).toBeNull();
  });
});

describe('summarizeProfile', () => {
  // (root) → main → [hot (4 samples), cold (1 sample)]; 1 ms between samples.
  const profile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', scriptId: '0' }, children: [2] },
      {
        id: 2,
        callFrame: { functionName: 'main', url: 'app.js', scriptId: '1' },
        children: [3, 4],
      },
      { id: 3, callFrame: { functionName: 'hot', url: 'app.js', scriptId: '1' } },
      { id: 4, callFrame: { functionName: 'cold', url: 'app.js', scriptId: '1' } },
    ],
    samples: [3, 3, 3, 4, 3],
    timeDeltas: [0, 1000, 1000, 1000, 1000],
  };

  it('adds up self and total time per function', () => {
    const s = summarizeProfile(profile, resolver);
    expect(s.self[0]).toEqual({ fn: 'hot @ app.js', ms: 4 });
    expect(s.total.find((x) => x.fn === 'main @ app.js').ms).toBe(5);
  });

  it('finds who calls a function', () => {
    const r = callersOf(profile, resolver, /^cold/);
    expect(r.matchedMs).toBe(1);
    expect(r.chains[0].chain).toContain('main @ app.js');
  });
});

describe('mainThreadTasks, measured windows', () => {
  it('counts only tasks that overlap "bench:start" … "bench:end"', () => {
    const buffer = trace([
      meta(1, 1, 'CrRendererMain'),
      task(1, 1, 0, 900_000, 900_000), // before the window: the harness getting ready
      mark(1, 1, 1_000_000, 'bench:start'),
      task(1, 1, 1_100_000, 150_000, 140_000),
      mark(1, 1, 2_000_000, 'bench:end'),
      task(1, 1, 2_100_000, 700_000, 700_000), // after: clearing up
    ]);
    expect(mainThreadTasks(buffer).maxCpuMs).toBe(140);
  });
});

describe('mainThreadTasks, top-level slices', () => {
  it('counts a top-level slice that is not a RunTask, and nested slices once', () => {
    const slice = (name, ts, dur, tdur) => ({
      ph: 'X',
      name,
      cat: 'toplevel',
      pid: 1,
      tid: 1,
      ts,
      dur,
      tdur,
    });
    const buffer = trace([
      meta(1, 1, 'CrRendererMain'),
      slice('ThreadControllerImpl::RunTask', 0, 100_000, 90_000),
      slice('SimpleWatcher::OnHandleReady', 10_000, 50_000, 45_000), // inside the RunTask
      slice('BlinkScheduler_PerformMicrotaskCheckpoint', 200_000, 500_000, 400_000),
    ]);
    const r = mainThreadTasks(buffer);
    expect(r.maxCpuMs).toBe(400);
    expect(r.busyMs).toBe(600);
  });
});
