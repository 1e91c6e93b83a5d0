import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barStyle, pct } from './timeline-styles';

describe('pct and barStyle: the last guard before a style', () => {
  it('never emits NaN, Infinity or a negative length', () => {
    expect(pct(Number.NaN)).toBe('0%');
    expect(pct(Number.POSITIVE_INFINITY)).toBe('0%');
    expect(pct(-0.2)).toBe('0%');
    expect(pct(0.25)).toBe('25.0000%');
    expect(pct(3)).toBe('100.0000%');
    fc.assert(
      fc.property(fc.double(), fc.double(), (offset, width) => {
        const style = barStyle(offset, width);
        const text = JSON.stringify(style);
        expect(text).not.toMatch(/NaN|Infinity|-/);
        const left =
          style.left !== undefined
            ? parseFloat(style.left)
            : 100 - parseFloat(style.right!) - parseFloat(style.width);
        expect(left + parseFloat(style.width)).toBeLessThanOrEqual(100.0001);
      }),
    );
  });

  it('anchors bars at the right end by `right`, so a minimum width grows leftwards', () => {
    expect(barStyle(1, 0)).toEqual({ right: '0%', width: '0%' });
    expect(barStyle(0.5, 0.25)).toEqual({ left: '50.0000%', width: '25.0000%' });
  });
});
