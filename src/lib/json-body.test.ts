import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  JsonBodyError,
  LosslessNumber,
  bodyKeyOrder,
  byteLength,
  keepBodyKeyOrder,
  jsonPointer,
  orderedKeys,
  parseJsonBody,
  stringifyJson,
} from './json-body';

function keysAt(text: string, pointer: string, get: (value: unknown) => object): string[] {
  const parsed = parseJsonBody(text);
  return orderedKeys(get(parsed.value), pointer, parsed.keyOrder);
}

function nested(depth: number, leaf: string): string {
  return '{"a":['.repeat(depth) + leaf + ']}'.repeat(depth);
}

describe('jsonPointer', () => {
  it('follows RFC 6901', () => {
    expect(jsonPointer([])).toBe('');
    expect(jsonPointer(['steps', 'loop', 'output', 'iterations', 0, 'send'])).toBe(
      '/steps/loop/output/iterations/0/send',
    );
    expect(jsonPointer(['a/b', 'm~n', ''])).toBe('/a~1b/m~0n/');
  });
});

describe('parseJsonBody: key order', () => {
  const body = '{"trigger":{"t":1},"2024":{"y":1},"step_1":{"s":1},"1":{"o":1}}';

  it('shows that plain JSON.parse loses the execution order', () => {
    expect(Object.keys(JSON.parse(body) as object)).toEqual(['1', '2024', 'trigger', 'step_1']);
  });

  it('recovers the text order at the top level', () => {
    expect(keysAt(body, '', (v) => v as object)).toEqual(['trigger', '2024', 'step_1', '1']);
  });

  it('recovers the order inside nested arrays and objects', () => {
    const text = `{"id":"r","steps":{"loop":{"output":{"iterations":[{"x":1},${body}]}},"10":{},"b":{}}}`;
    const parsed = parseJsonBody(text);
    const value = parsed.value as {
      steps: { loop: { output: { iterations: object[] } } };
    };
    expect(orderedKeys(value.steps, '/steps', parsed.keyOrder)).toEqual(['loop', '10', 'b']);
    const second = value.steps.loop.output.iterations[1] as object;
    expect(orderedKeys(second, '/steps/loop/output/iterations/1', parsed.keyOrder)).toEqual([
      'trigger',
      '2024',
      'step_1',
      '1',
    ]);
    // Objects without integer-like keys are not recorded: their Object.keys order is already right.
    expect(parsed.keyOrder?.get('/steps/loop/output/iterations/0')).toBeUndefined();
    expect(parsed.keyOrder?.size).toBe(2);
  });

  it('escapes pointer segments and decodes escaped keys', () => {
    const text = '{"a/b~c":{"z":1,"0":2},"\\u0031":{"q":1,"5":2},"x":1}';
    const parsed = parseJsonBody(text);
    expect(orderedKeys(parsed.value as object, '', parsed.keyOrder)).toEqual(['a/b~c', '1', 'x']);
    const inner = (parsed.value as Record<string, object>)['a/b~c'] as object;
    expect(orderedKeys(inner, '/a~1b~0c', parsed.keyOrder)).toEqual(['z', '0']);
  });

  it('ignores integer-like text inside string values and keeps the first position of a duplicate', () => {
    const text = '{"msg":"{\\"1\\": \\"x\\"}","b":1,"7":1,"b":2}';
    const parsed = parseJsonBody(text);
    expect(orderedKeys(parsed.value as object, '', parsed.keyOrder)).toEqual(['msg', 'b', '7']);
    expect((parsed.value as { b: number }).b).toBe(2);
  });

  it('has no index when no key is integer-like', () => {
    expect(parseJsonBody('{"step_1":1,"trigger":2}').keyOrder).toBeNull();
    expect(parseJsonBody('{"s":"\\"1\\":"}').keyOrder).toBeNull();
  });

  it('orderedKeys filters to own keys and keeps keys the index missed', () => {
    const index = { get: () => ['b', 'gone', 'a'], size: 1 };
    expect(orderedKeys({ a: 1, b: 2, c: 3 }, '', index)).toEqual(['b', 'a', 'c']);
    expect(orderedKeys({ 1: 1, z: 2 }, '', null)).toEqual(['1', 'z']);
  });

  it('remembers the order on the parsed objects themselves, for views given no index', () => {
    const parsed = parseJsonBody(
      '{"steps":{"10":{"out":{"9":1,"1":2,"a.b/c~":{"2":0,"x":1}}},"2":{}}}',
    );
    const steps = (parsed.value as { steps: Record<string, { out: Record<string, object> }> })
      .steps;
    const out = steps['10']!.out;
    expect(Object.keys(out)).toEqual(['1', '9', 'a.b/c~']);
    expect(bodyKeyOrder(out)).toEqual(['9', '1', 'a.b/c~']);
    expect(orderedKeys(out, '', null)).toEqual(['9', '1', 'a.b/c~']);
    expect(orderedKeys(out['a.b/c~']!, 'any', null)).toEqual(['2', 'x']);
    expect(orderedKeys(steps, '', null)).toEqual(['10', '2']);
    expect(stringifyJson(out)).toBe('{"9":1,"1":2,"a.b/c~":{"2":0,"x":1}}');
    // An index entry for the pointer still wins; objects without integer-like keys record nothing.
    expect(orderedKeys(out, '/p', { get: () => ['1', '9'], size: 1 })).toEqual([
      '1',
      '9',
      'a.b/c~',
    ]);
    expect(bodyKeyOrder(parseJsonBody('{"a":{"b":1}}').value as object)).toBeUndefined();
  });

  it('carries the remembered order over to a copy', () => {
    const out = parseJsonBody('{"3":0,"1":0}').value as object;
    const copy = { ...out };
    expect(orderedKeys(copy, '', null)).toEqual(['1', '3']);
    keepBodyKeyOrder(out, copy);
    expect(orderedKeys(copy, '', null)).toEqual(['3', '1']);
  });

  it('keeps execution order in the fixture that uses an integer-like output key', () => {
    const text = readFileSync(
      fileURLToPath(
        new URL('../../e2e/data/hostile/19-primitive-and-empty-outputs.json', import.meta.url),
      ),
      'utf8',
    );
    const parsed = parseJsonBody(text);
    const steps = (parsed.value as { steps: object }).steps;
    const fromText = [...text.matchAll(/^ {4}"([^"]+)": \{/gm)].map((m) => m[1]);
    expect(orderedKeys(steps, '/steps', parsed.keyOrder)).toEqual(fromText);
  });
});

describe('parseJsonBody: deep nesting', () => {
  it('parses 5,000 levels with an integer-like key at the bottom', () => {
    const text = nested(5000, '{"b":1,"2":2}');
    const parsed = parseJsonBody(text);
    let node: unknown = parsed.value;
    const segments: (string | number)[] = [];
    for (let i = 0; i < 5000; i++) {
      node = (node as { a: unknown[] }).a[0];
      segments.push('a', 0);
    }
    expect(orderedKeys(node as object, jsonPointer(segments), parsed.keyOrder)).toEqual(['b', '2']);
  });

  it('parses 5,000 levels with a big integer on the lossless path', () => {
    const parsed = parseJsonBody(nested(5000, '12345678901234567890'));
    expect(parsed.lossless).toBe(true);
    expect(stringifyJson(parsed.value)).toBe(nested(5000, '12345678901234567890'));
  });
});

describe('parseJsonBody: big integers', () => {
  const text =
    '{"id":"r","big":12345678901234567890,"neg":-9007199254740993,"safe":9007199254740991,' +
    '"float":1.5,"exp":1e21,"str":"12345678901234567890","arr":[98765432109876543210,1]}';

  it('keeps unsafe integers exactly and leaves every other value as JSON.parse gives it', () => {
    const parsed = parseJsonBody(text);
    const value = parsed.value as Record<string, unknown>;
    expect(parsed.lossless).toBe(true);
    expect(value.big).toBeInstanceOf(LosslessNumber);
    expect(String(value.big)).toBe('12345678901234567890');
    expect((value.neg as LosslessNumber).source).toBe('-9007199254740993');
    expect(value.safe).toBe(9007199254740991);
    expect(value.float).toBe(1.5);
    expect(value.exp).toBe(1e21);
    expect(value.str).toBe('12345678901234567890');
    expect(((value.arr as unknown[])[0] as LosslessNumber).source).toBe('98765432109876543210');
    expect(stringifyJson(parsed.value)).toBe(text.replace('1e21', '1e+21'));
  });

  it('patches a top-level number, duplicate keys and prototype-named keys correctly', () => {
    expect((parseJsonBody(' 123456789012345678901 ').value as LosslessNumber).source).toBe(
      '123456789012345678901',
    );
    // JSON.parse keeps the last duplicate; the first (big) one must not be patched over it.
    expect(parseJsonBody('{"a":12345678901234567890,"a":1}').value).toEqual({ a: 1 });
    const dup = parseJsonBody('{"a":1,"a":22345678901234567890}').value as { a: LosslessNumber };
    expect(dup.a.source).toBe('22345678901234567890');
    const proto = parseJsonBody('{"__proto__":32345678901234567890}').value as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toBeInstanceOf(
      LosslessNumber,
    );
  });

  it('leaves everything else exactly as JSON.parse gives it', () => {
    const sample =
      '{"a":[1,-0,0.5,-2.5e-3,true,false,null,"x\\n\\"y\\\\",{"k":{}}],"__proto__":{"p":1},' +
      '"constructor":"c","s":"\\ud83d\\ude00 é","big":11111111111111111111}';
    const parsed = parseJsonBody(sample).value as Record<string, unknown>;
    const native = JSON.parse(sample) as Record<string, unknown>;
    expect(parsed.a).toEqual(native.a);
    expect(parsed.s).toBe(native.s);
    expect(Object.keys(parsed)).toEqual(Object.keys(native));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('is not lossless when long digit runs are only inside strings or are safe', () => {
    expect(parseJsonBody('{"a":"1234567890123456789012"}').lossless).toBe(false);
    expect(parseJsonBody('{"a":1234567890123456}').lossless).toBe(false);
    expect(parseJsonBody('{"a":1234567890123456}').value).toEqual({ a: 1234567890123456 });
  });

  it('LosslessNumber converts to the nearest number and to its source text', () => {
    const n = new LosslessNumber('12345678901234567890');
    expect(Number(n)).toBe(12345678901234567000);
    expect(`${n}`).toBe('12345678901234567890');
    expect(JSON.stringify({ n })).toBe('{"n":"12345678901234567890"}');
  });
});

describe('parseJsonBody: prototype-named keys', () => {
  it('never touches Object.prototype', () => {
    const text =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"1":0,"n":12345678901234567890}';
    const parsed = parseJsonBody(text);
    const value = parsed.value as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toContain('__proto__');
    expect(orderedKeys(value, '', parsed.keyOrder)).toEqual(['__proto__', 'constructor', '1', 'n']);
    expect(stringifyJson(value, undefined, { keyOrder: parsed.keyOrder })).toBe(text);
  });
});

describe('parseJsonBody: errors', () => {
  it.each([
    ['', 'The body is empty.'],
    ['   \n\t', 'The body is empty.'],
    ['\ufeff', 'The body is empty.'],
  ])('rejects an empty body %j', (text, message) => {
    expect(() => parseJsonBody(text)).toThrow(JsonBodyError);
    expect(() => parseJsonBody(text)).toThrow(message);
  });

  it('rejects an HTML page with a plain sentence, not the parser message', () => {
    const html = '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>';
    let caught: unknown;
    try {
      parseJsonBody(html);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonBodyError);
    expect((caught as Error).message).toBe(
      'The body is not JSON: it looks like an HTML or XML page.',
    );
    expect((caught as Error).message).not.toMatch(/Unexpected token/);
  });

  it('rejects truncated JSON and reports a position', () => {
    let caught: JsonBodyError | undefined;
    try {
      parseJsonBody('{"id": "abc", "steps": {');
    } catch (error) {
      caught = error as JsonBodyError;
    }
    expect(caught).toBeInstanceOf(JsonBodyError);
    expect(caught?.message).toMatch(/^The body is not valid JSON/);
    expect(typeof caught?.position).toBe('number');
  });

  it('accepts a body with a byte order mark', () => {
    expect(parseJsonBody('\ufeff{"a":1}').value).toEqual({ a: 1 });
  });
});

describe('stringifyJson', () => {
  it('matches JSON.stringify on ordinary values, with and without indentation', () => {
    const value = {
      a: [1, 'two', null, true, { b: {} }, []],
      c: undefined,
      d: new Date(0),
      e: 'x"y',
    };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
    expect(stringifyJson(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('matches JSON.stringify on the iterative path too', () => {
    const value = {
      a: [1, undefined, () => 1, NaN, { b: {}, c: [] }],
      f: () => 1,
      big: new LosslessNumber('12345678901234567890'),
      s: 'é\u2028',
      n: -0,
      d: new Date(0),
    };
    const expected = JSON.stringify(value, null, 2).replace(
      '"12345678901234567890"',
      '12345678901234567890',
    );
    expect(stringifyJson(value, 2)).toBe(expected);
    expect(stringifyJson(value)).toBe(
      JSON.stringify(value).replace('"12345678901234567890"', '12345678901234567890'),
    );
  });

  it('writes 5,000 levels without throwing, and cuts past 10,000 levels', () => {
    const text = nested(5000, '1');
    expect(stringifyJson(JSON.parse(text))).toBe(text);

    let deep: unknown = 'leaf';
    for (let i = 0; i < 12_000; i++) deep = [deep];
    const out = stringifyJson(deep);
    expect(out).toContain('"(too deep)"');
    expect(out).not.toContain('leaf');
    expect(out.startsWith('['.repeat(10_000))).toBe(true);
  });

  it('writes a cycle as a marker instead of throwing', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a, { ok: true }];
    expect(stringifyJson(a)).toBe('{"name":"a","self":"(cycle)","list":["(cycle)",{"ok":true}]}');
    // A shared object that is not a cycle is written twice, as JSON.stringify does.
    const shared = { x: 1 };
    expect(stringifyJson({ p: shared, q: shared })).toBe('{"p":{"x":1},"q":{"x":1}}');
  });

  it('writes keys in body-text order when given the key-order index', () => {
    const text = '{"steps":{"trigger":{"a":1},"2024":{"b":2},"step_1":{"2":0,"z":1},"1":null}}';
    const parsed = parseJsonBody(text);
    expect(JSON.stringify(parsed.value)).not.toBe(text);
    expect(stringifyJson(parsed.value, undefined, { keyOrder: parsed.keyOrder })).toBe(text);
    // The parsed objects remember their order, so a subtree written on its own keeps it too.
    expect(stringifyJson(parsed.value)).toBe(text);
    const steps = (parsed.value as { steps: object }).steps;
    expect(stringifyJson(steps, undefined, { keyOrder: parsed.keyOrder, pointer: '/steps' })).toBe(
      '{"trigger":{"a":1},"2024":{"b":2},"step_1":{"2":0,"z":1},"1":null}',
    );
  });

  it('indents subtrees written natively inside an iterative write exactly like JSON.stringify', () => {
    const value = {
      a: { deep: [1, { x: [true, null] }], s: 'line\nbreak' },
      n: new LosslessNumber('12345678901234567890'),
      list: [{ k: 'v' }, [], {}],
    };
    for (const space of [undefined, 2, 4]) {
      expect(stringifyJson(value, space)).toBe(
        JSON.stringify(value, null, space).replace(
          '"12345678901234567890"',
          '12345678901234567890',
        ),
      );
    }
  });

  it('writes indented output in body-text order', () => {
    const text =
      '{"steps":{"trigger":{"a":[1,2]},"7":{"b":{"c":1}},"x":{"3":1,"d":2}},"tail":[{"e":1}]}';
    const parsed = parseJsonBody(text);
    const out = stringifyJson(parsed.value, 2, { keyOrder: parsed.keyOrder });
    expect(out.replace(/\s+/g, '')).toBe(text);
    // Indentation: every line sits two spaces deeper per open bracket before it.
    let depth = 0;
    for (const line of out.split('\n')) {
      const trimmed = line.trimStart();
      if (/^[}\]]/.test(trimmed)) depth--;
      expect(line.length - trimmed.length).toBe(depth * 2);
      if (/[{[]$/.test(trimmed)) depth++;
    }
  });

  it('writes BigInt as digits and a lone undefined as null', () => {
    expect(stringifyJson({ n: 10n })).toBe('{"n":10}');
    expect(stringifyJson(undefined)).toBe('null');
  });
});

describe('byteLength', () => {
  it('counts UTF-8 bytes like TextEncoder', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€z', '\ud800', 'x\udc00y', '\ud83d']) {
      expect(byteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('handles a 50 MB string quickly', () => {
    const big = 'a'.repeat(50 * 1024 * 1024 - 2) + 'é';
    const start = performance.now();
    expect(byteLength(big)).toBe(50 * 1024 * 1024);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
