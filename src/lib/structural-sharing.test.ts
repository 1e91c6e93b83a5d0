import { replaceEqualDeep } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { bodyKeyOrder, orderedKeys, parseJsonBody } from './json-body';
import { shareUnchanged } from './structural-sharing';

const parse = (text: string) => parseJsonBody(text).value as Record<string, unknown>;

describe('shareUnchanged', () => {
  it('keeps unchanged parts identical and returns the old value when nothing changed', () => {
    const a = parse('{"steps":{"a":{"x":[1,{"y":2}]},"b":{"status":"RUNNING"}}}');
    const b = parse('{"steps":{"a":{"x":[1,{"y":2}]},"b":{"status":"SUCCEEDED"}}}');
    const shared = shareUnchanged(a, b) as typeof a;
    const steps = shared.steps as Record<string, unknown>;
    expect(steps.a).toBe((a.steps as Record<string, unknown>).a);
    expect(steps.b).toEqual({ status: 'SUCCEEDED' });
    expect(shared).toEqual(b);
    expect(shareUnchanged(a, parse(JSON.stringify(a)))).toBe(a);
  });

  it('keeps a "__proto__" key as an own property of a changed object (TanStack\'s copy loses it)', () => {
    const text = (status: string) =>
      `{"steps":{"__proto__":{"status":"${status}"},"b":{"status":"RUNNING"}}}`;
    const a = parse(text('RUNNING'));
    const b = parse(text('SUCCEEDED'));
    const lost = replaceEqualDeep(a, b) as typeof a;
    expect(Object.keys(lost.steps as object)).toEqual(['b']);

    const shared = shareUnchanged(a, b) as typeof a;
    const steps = shared.steps as Record<string, unknown>;
    expect(Object.keys(steps)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(steps)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(steps, '__proto__')?.value).toEqual({
      status: 'SUCCEEDED',
    });
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('treats equal LosslessNumbers as unchanged', () => {
    const a = parse('{"o":{"id":12345678901234567890}}');
    const b = parse('{"o":{"id":12345678901234567890}}');
    expect(shareUnchanged(a, b)).toBe(a);
    const c = parse('{"o":{"id":12345678901234567891}}');
    expect(String((shareUnchanged(a, c) as typeof a & { o: { id: unknown } }).o.id)).toBe(
      '12345678901234567891',
    );
  });

  it('keeps the body-text key order of a copied object', () => {
    const a = parse('{"out":{"9":"nine","1":"one","x":0}}');
    const b = parse('{"out":{"9":"nine","1":"one","x":1}}');
    const shared = shareUnchanged(a, b) as { out: object };
    expect(shared.out).not.toBe(b.out);
    expect(bodyKeyOrder(shared.out)).toEqual(['9', '1', 'x']);
    expect(orderedKeys(shared.out, '', null)).toEqual(['9', '1', 'x']);
  });

  it('handles arrays that grow and shrink, and values nested deeper than its limit', () => {
    const a = parse('{"it":[{"s":1},{"s":2}]}');
    const b = parse('{"it":[{"s":1},{"s":2},{"s":3}]}');
    const grown = shareUnchanged(a, b) as { it: unknown[] };
    expect(grown.it[0]).toBe((a.it as unknown[])[0]);
    expect(grown.it).toHaveLength(3);
    expect((shareUnchanged(b, a) as { it: unknown[] }).it).toHaveLength(2);

    const deep = (leaf: number) =>
      JSON.parse('{"a":'.repeat(2000) + String(leaf) + '}'.repeat(2000)) as unknown;
    expect(() => shareUnchanged(deep(1), deep(2))).not.toThrow();
  });
});
