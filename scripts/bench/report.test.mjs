import { describe, expect, it } from 'vitest';
import { MB } from './payloads.mjs';
import {
  combineRuns,
  evaluateGoals,
  formatMs,
  formatTable,
  formatTask,
  rowCells,
} from './report.mjs';

function result(overrides = {}) {
  return {
    name: 'run-50mb',
    bytes: 50 * MB,
    floorMs: 200,
    marks: {
      'inspector:response': 1000,
      'inspector:parsed': 1300,
      'inspector:summary-visible': 1450,
      'inspector:timeline-visible': 1500,
    },
    load: { maxTask: 300 },
    interactions: {
      select: { maxTask: 0 },
      expand: { maxTask: 80 },
      search: { skipped: 'n/a (no search box)' },
      scroll: { maxTask: 60 },
    },
    heapBytes: 120 * MB,
    appHeapBytes: 2 * MB,
    problem: null,
    harnessError: null,
    ...overrides,
  };
}

const verdict = (goals, id) => goals.find((g) => g.id === id).verdict;

describe('bench report', () => {
  it('passes the summary goal at 2× floor + 100 ms and fails just past it', () => {
    expect(verdict(evaluateGoals([result()]), 'summary-50mb')).toBe('PASS'); // 450 ≤ 500
    const late = result({ marks: { ...result().marks, 'inspector:summary-visible': 1501 } });
    expect(verdict(evaluateGoals([late]), 'summary-50mb')).toBe('FAIL'); // 501 > 500
    expect(verdict(evaluateGoals([result({ name: 'steps-5k' })]), 'summary-50mb')).toBe(
      'NOT MEASURED',
    );
  });

  it('fails the summary goal when the summary mark never came', () => {
    const missing = result({ marks: { ...result().marks, 'inspector:summary-visible': null } });
    expect(verdict(evaluateGoals([missing]), 'summary-50mb')).toBe('FAIL');
    expect(rowCells(missing)[3]).toBe('missing (inspector:summary-visible)');
  });

  it('fails the interaction goal on any task over 100 ms, naming payload and interaction', () => {
    expect(verdict(evaluateGoals([result()]), 'interactions')).toBe('PASS');
    const slow = result({
      name: 'steps-5k',
      interactions: { ...result().interactions, scroll: { maxTask: 101 } },
    });
    const goals = evaluateGoals([result(), slow]);
    expect(verdict(goals, 'interactions')).toBe('FAIL');
    expect(goals.find((g) => g.id === 'interactions').details.join('\n')).toContain(
      'steps-5k / scroll: 101 ms',
    );
  });

  it('judges heap on what the payload adds to the app, and only from 1 MB', () => {
    expect(verdict(evaluateGoals([result({ heapBytes: 201 * MB })]), 'heap')).toBe('PASS'); // 199 MB < 200 MB
    expect(verdict(evaluateGoals([result({ heapBytes: 203 * MB })]), 'heap')).toBe('FAIL');
    expect(
      verdict(
        evaluateGoals([result({ name: 'baseline-01', bytes: 6000, heapBytes: 3 * MB })]),
        'heap',
      ),
    ).toBe('NOT MEASURED');
  });

  it('prints times, ratios to the floor and task cells', () => {
    const cells = rowCells(result());
    expect(cells[2]).toBe('200 ms');
    expect(cells[3]).toBe('450 ms (2.3×)');
    expect(cells[8]).toBe('n/a (no search box)');
    expect(formatTask({ maxTask: 0 })).toBe('<50 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatMs(0.04)).toBe('0.04 ms');
    const table = formatTable([result()]).split('\n');
    expect(table).toHaveLength(3);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });

  it('combines repeated runs into medians', () => {
    const runs = [300, 100, 200].map((t, i) =>
      result({
        floorMs: 100 * (i + 1),
        load: { maxTask: t },
        marks: { ...result().marks, 'inspector:summary-visible': 1000 + t },
      }),
    );
    const combined = combineRuns(runs);
    expect(combined.floorMs).toBe(200);
    expect(combined.load.maxTask).toBe(200);
    expect(combined.marks['inspector:summary-visible']).toBe(1200);
    expect(combined.repeats).toBe(3);
  });
});

describe('bench report, CPU time', () => {
  it('judges the summary goal on CPU time too, from the CPU spans and the floor CPU time', () => {
    const span = 'inspector:response → inspector:summary-visible';
    const base = { floorCpuMs: 150, cpuSpans: { [span]: 390 } };
    expect(verdict(evaluateGoals([result(base)]), 'summary-50mb-cpu')).toBe('PASS'); // 390 ≤ 400
    expect(
      verdict(evaluateGoals([result({ ...base, cpuSpans: { [span]: 401 } })]), 'summary-50mb-cpu'),
    ).toBe('FAIL');
    expect(verdict(evaluateGoals([result()]), 'summary-50mb-cpu')).toBe('NOT MEASURED');
    expect(rowCells(result(base))[3]).toBe('450 ms (2.3×; cpu 390 ms = 2.6×)');
  });

  it('shows the CPU time of the longest task next to its wall time', () => {
    expect(formatTask({ maxTask: 300, cpu: { maxCpuMs: 90 } })).toBe('300 ms (cpu 90 ms)');
    expect(formatTask({ maxTask: 300 }, 150)).toBe('300 ms (2.0×)');
  });
});
