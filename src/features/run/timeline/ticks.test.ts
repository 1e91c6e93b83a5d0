import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks, tickLabel } from './ticks';

const labels = (span: number, max: number) => niceTicks(span, max).ticks.map((t) => t.label);

describe('niceTicks', () => {
  it('a zero, negative or non-finite span gives T+0 only (no division by zero, no endless loop)', () => {
    for (const span of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(niceTicks(span, 6)).toEqual({
        stepMs: 0,
        ticks: [{ ms: 0, fraction: 0, label: 'T+0' }],
      });
    }
  });

  it('picks readable millisecond steps for short runs', () => {
    expect(labels(2306, 6)).toEqual(['T+0', 'T+500 ms', 'T+1 s', 'T+1.5 s', 'T+2 s']);
    expect(labels(1, 6)).toEqual(['T+0', 'T+1 ms']);
    expect(labels(37, 5)).toEqual(['T+0', 'T+10 ms', 'T+20 ms', 'T+30 ms']);
  });

  it('uses 15 s, minute and hour steps where they read best', () => {
    expect(niceTicks(60_000, 6).stepMs).toBe(15_000);
    expect(labels(60_000, 6)).toEqual(['T+0', 'T+15 s', 'T+30 s', 'T+45 s', 'T+1 min']);
    expect(labels(600_418, 6)).toEqual([
      'T+0',
      'T+2 min',
      'T+4 min',
      'T+6 min',
      'T+8 min',
      'T+10 min',
    ]);
    expect(labels(69_874_228, 6)).toEqual(['T+0', 'T+6 h', 'T+12 h', 'T+18 h']);
    expect(labels(90 * 60_000, 4)).toEqual(['T+0', 'T+30 min', 'T+1 h', 'T+1 h 30 min']);
  });

  it('reads 3-day spans in days', () => {
    expect(labels(259_210_000, 6)).toEqual(['T+0', 'T+1 d', 'T+2 d', 'T+3 d']);
    expect(niceTicks(3 * 86_400_000, 2).ticks.map((t) => t.label)).toEqual(['T+0', 'T+2 d']);
  });

  it('copes with absurd spans (centuries) with a bounded count', () => {
    const set = niceTicks(1e15, 6);
    expect(set.ticks.length).toBeGreaterThanOrEqual(2);
    expect(set.ticks.length).toBeLessThanOrEqual(6);
    expect(set.ticks.every((t) => Number.isFinite(t.fraction))).toBe(true);
  });

  it('property: count within bounds, fractions in [0, 1] and increasing, labels clean', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e15, noNaN: true }),
        fc.integer({ min: -3, max: 60 }),
        (span, max) => {
          const { ticks } = niceTicks(span, max);
          expect(ticks.length).toBeGreaterThanOrEqual(1);
          expect(ticks.length).toBeLessThanOrEqual(Math.max(2, Math.min(50, max)));
          ticks.forEach((t, i) => {
            expect(t.fraction).toBeGreaterThanOrEqual(0);
            expect(t.fraction).toBeLessThanOrEqual(1);
            if (i > 0) expect(t.ms).toBeGreaterThan(ticks[i - 1]!.ms);
            expect(t.label).toMatch(/^T\+/);
            expect(t.label).not.toMatch(/NaN|Infinity|-/);
          });
        },
      ),
    );
  });
});

describe('tickLabel', () => {
  it('is as precise as the step', () => {
    expect(tickLabel(1250, 10)).toBe('T+1.25 s');
    expect(tickLabel(1200, 100)).toBe('T+1.2 s');
    expect(tickLabel(75_000, 15_000)).toBe('T+1 min 15 s');
    expect(tickLabel(86_400_000 + 6 * 3_600_000, 6 * 3_600_000)).toBe('T+1 d 6 h');
    expect(tickLabel(0, 1000)).toBe('T+0');
  });
});
