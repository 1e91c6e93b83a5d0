/**
 * Parsing and writing of run bodies (JSON text) without losing what JSON.parse loses:
 * - the text order of integer-like keys (JS objects enumerate "1", "2024"… first; run-data.md §6a),
 * - integers beyond Number.MAX_SAFE_INTEGER (kept exactly as sent, as LosslessNumber).
 * The common body has neither, and takes native JSON.parse at full speed. Nothing here recurses:
 * 5,000+ levels of nesting parse and stringify.
 */

/** An integer whose magnitude exceeds Number.MAX_SAFE_INTEGER, kept exactly as sent. */
export class LosslessNumber {
  constructor(readonly source: string) {}

  /** The nearest double (approximate by definition). */
  valueOf(): number {
    return Number(this.source);
  }

  toString(): string {
    return this.source;
  }

  toJSON(): string {
    return this.source;
  }
}

/** Key sequences in body-text order, by JSON pointer, for objects that hold integer-like keys. */
export interface KeyOrderIndex {
  get(pointer: string): readonly string[] | undefined;
  readonly size: number;
  /** The recorded pointers (optional; lets stringifyJson write unaffected subtrees natively). */
  pointers?(): Iterable<string>;
}

export interface ParsedJson {
  value: unknown;
  /** Null when no object of the body has an integer-like key (Object.keys order is then right). */
  keyOrder: KeyOrderIndex | null;
  /** True when at least one integer was beyond the safe range and is held as a LosslessNumber. */
  lossless: boolean;
}

/** Invalid or empty body. `message` is a short sentence for people, never the raw parser text. */
export class JsonBodyError extends Error {
  override readonly name = 'JsonBodyError';
  constructor(
    message: string,
    readonly position: number | null = null,
  ) {
    super(message);
  }
}

/** RFC 6901 pointer: "" for the root, "/a/0/b~1c" for ["a", 0, "b/c"]. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out += '/' + escapePointerSegment(String(segment));
  return out;
}

function escapePointerSegment(segment: string): string {
  if (segment.indexOf('~') === -1 && segment.indexOf('/') === -1) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Body-text key order by object identity, for the parsed objects that hold integer-like keys. This
 * lets any view of a value (a step's output, an error object, a copy) show its keys as sent without
 * being handed the key-order index and the value's pointer. Objects copied from such an object (the
 * query cache's structural sharing, masking) carry it over with keepBodyKeyOrder.
 */
const bodyKeyOrders = new WeakMap<object, readonly string[]>();

/** The body-text key order recorded for this very object by parseJsonBody, if any. */
export function bodyKeyOrder(obj: object): readonly string[] | undefined {
  return bodyKeyOrders.get(obj);
}

/** `to` is a copy of `from` (same keys): give it `from`'s body-text key order, if it has one. */
export function keepBodyKeyOrder(from: object, to: object): void {
  const keys = bodyKeyOrders.get(from);
  if (keys !== undefined && from !== to) bodyKeyOrders.set(to, keys);
}

/**
 * The object's own enumerable keys in body-text order: the index entry (or, without one, the order
 * recorded for this object at parse time) when there is one, keeping only keys the object really
 * has and appending any own key the record missed; else Object.keys.
 */
export function orderedKeys(obj: object, pointer: string, index: KeyOrderIndex | null): string[] {
  const own = Object.keys(obj);
  const recorded = index?.get(pointer) ?? bodyKeyOrders.get(obj);
  if (!recorded) return own;
  const ownSet = new Set(own);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const key of recorded) {
    if (ownSet.has(key) && !seen.has(key)) {
      seen.add(key);
      out.push(key);
    }
  }
  if (out.length !== own.length) for (const key of own) if (!seen.has(key)) out.push(key);
  return out;
}

class MapKeyOrderIndex implements KeyOrderIndex {
  constructor(private readonly map: Map<string, readonly string[]>) {}
  get(pointer: string): readonly string[] | undefined {
    return this.map.get(pointer);
  }
  get size(): number {
    return this.map.size;
  }
  pointers(): Iterable<string> {
    return this.map.keys();
  }
}

/** A key JS enumerates before the others: a canonical array index ("0", "7", "2024"; not "01"). */
const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;
/** Quick scans: an integer-like key anywhere, or an escaped digit (which may decode to one). */
/** An integer-like key (`"1":`), or a key spelled with escaped digits (`"\u0031"`): one scan. */
const KEY_ORDER_AT_RISK = /"(?:0|[1-9]\d*)"\s*:|"\\u003\d/;
/** Quick scan: a number token with 16+ integer digits, which may be beyond the safe range. */
const LONG_INTEGER_IN_TEXT = /[:[,]\s*-?\d{16}/;
/** A body that is itself a long integer (the only place the pattern above can't see). */
const LONG_INTEGER_AT_START = /^\s*-?\d{16}/;
const INTEGER_SOURCE = /^-?\d+$/;

/**
 * Parse a response or pasted body. Throws JsonBodyError on an empty or invalid body.
 *
 * Native JSON.parse always builds the value. Only when one of the two quick regex scans hits does
 * one iterative pass over the text follow, recording key order and the places of unsafe integers,
 * which are then patched into the parsed value. Measured in Chromium on a 49 MB body: JSON.parse
 * ~100 ms, + key-order pass ~+150 ms, while a `context.source` reviver took ~900 ms (and overflows
 * V8's stack on deep bodies), so the reviver is not used.
 */
export function parseJsonBody(text: string): ParsedJson {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new JsonBodyError('The body is empty.');

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw describeSyntaxError(body, error);
  }

  const wantKeyOrder = KEY_ORDER_AT_RISK.test(body);
  const wantIntegers = LONG_INTEGER_IN_TEXT.test(body) || LONG_INTEGER_AT_START.test(body);
  if (!wantKeyOrder && !wantIntegers) return { value, keyOrder: null, lossless: false };

  const scan = scanText(body, wantKeyOrder, wantIntegers);
  let lossless = false;
  for (const found of scan.integers) {
    const patched = patchInteger(value, found);
    if (patched.done) {
      lossless = true;
      value = patched.root;
    }
  }
  if (scan.keyOrder.size > 0) rememberKeyOrders(value, scan.keyOrder);
  return { value, keyOrder: scan.keyOrder.size > 0 ? scan.keyOrder : null, lossless };
}

/** Records each indexed object's key order by identity (see bodyKeyOrder). */
function rememberKeyOrders(root: unknown, index: KeyOrderIndex): void {
  if (typeof index.pointers !== 'function') return;
  for (const pointer of index.pointers()) {
    const keys = index.get(pointer);
    const target = resolvePointer(root, pointer);
    if (keys && target !== null && typeof target === 'object' && !Array.isArray(target)) {
      bodyKeyOrders.set(target, keys);
    }
  }
}

/** The value at an RFC 6901 pointer, by own properties only; undefined when there is none. */
function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.prototype.hasOwnProperty.call(cur, token)) return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

function describeSyntaxError(body: string, error: unknown): JsonBodyError {
  const raw = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(raw);
  const position = match?.[1] !== undefined ? Number(match[1]) : null;
  const first = body.trimStart().charAt(0);
  if (first === '<') {
    return new JsonBodyError('The body is not JSON: it looks like an HTML or XML page.', position);
  }
  const where = position === null ? '' : ` (near character ${position})`;
  return new JsonBodyError(`The body is not valid JSON${where}.`, position);
}

interface FoundInteger {
  /** Segments from the root to the number (empty for a top-level number). */
  path: (string | number)[];
  source: string;
}

/** Replace the number at `found.path` by a LosslessNumber, if it is the number JSON.parse made. */
function patchInteger(root: unknown, found: FoundInteger): { done: boolean; root: unknown } {
  const { path, source } = found;
  if (path.length === 0) {
    return typeof root === 'number'
      ? { done: true, root: new LosslessNumber(source) }
      : { done: false, root };
  }
  let parent: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (parent === null || typeof parent !== 'object') return { done: false, root };
    parent = (parent as Record<string | number, unknown>)[path[i] as string | number];
  }
  const last = path[path.length - 1] as string | number;
  if (parent === null || typeof parent !== 'object') return { done: false, root };
  const holder = parent as Record<string | number, unknown>;
  // With duplicate keys JSON.parse keeps the last value: patch only what really is this number.
  if (typeof holder[last] !== 'number' || holder[last] !== Number(source))
    return { done: false, root };
  if (last === '__proto__') {
    Object.defineProperty(holder, last, {
      value: new LosslessNumber(source),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    holder[last] = new LosslessNumber(source);
  }
  return { done: true, root };
}

/** Index of the closing quote of the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q === -1) return text.length - 1;
    let backslashes = 0;
    let k = q - 1;
    while (k > start && text.charCodeAt(k) === 0x5c) {
      backslashes++;
      k--;
    }
    if (backslashes % 2 === 0) return q;
    from = q + 1;
  }
}

function decodeString(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end);
  return inner.indexOf('\\') === -1 ? inner : (JSON.parse(text.slice(start, end + 1)) as string);
}

function isNumberChar(c: number): boolean {
  // 0-9 . + - e E
  return (
    (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45
  );
}

interface ScanFrame {
  isObject: boolean;
  keys: string[];
  hasIntegerKey: boolean;
  index: number;
  expectKey: boolean;
  lastKey: string;
}

/**
 * One iterative pass over text that JSON.parse accepted. Records, for every object with at least
 * one integer-like key, its keys in text order (first occurrence of a duplicate) by JSON pointer,
 * and the path of every integer token beyond the safe range.
 */
function scanText(
  text: string,
  recordKeys: boolean,
  findIntegers: boolean,
): { keyOrder: KeyOrderIndex; integers: FoundInteger[] } {
  const map = new Map<string, readonly string[]>();
  const integers: FoundInteger[] = [];
  const stack: ScanFrame[] = [];
  const path: (string | number)[] = [];
  const n = text.length;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectKey) {
        const key = decodeString(text, i, end);
        if (recordKeys) {
          top.keys.push(key);
          if (!top.hasIntegerKey && INTEGER_KEY.test(key)) top.hasIntegerKey = true;
        }
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      if (parent) path.push(parent.isObject ? parent.lastKey : parent.index);
      const isObject = c === 0x7b;
      stack.push({
        isObject,
        keys: [],
        hasIntegerKey: false,
        index: 0,
        expectKey: isObject,
        lastKey: '',
      });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      const frame = stack.pop();
      if (frame?.isObject && frame.hasIntegerKey) map.set(jsonPointer(path), dedupe(frame.keys));
      if (stack.length > 0) path.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.isObject) top.expectKey = true;
        else top.index++;
      }
    } else if (findIntegers && (c === 0x2d || (c >= 0x30 && c <= 0x39))) {
      let j = i + 1;
      while (j < n && isNumberChar(text.charCodeAt(j))) j++;
      if (j - i >= 16) {
        const source = text.slice(i, j);
        if (INTEGER_SOURCE.test(source) && !Number.isSafeInteger(Number(source))) {
          const top = stack[stack.length - 1];
          const at = top ? [...path, top.isObject ? top.lastKey : top.index] : [];
          integers.push({ path: at, source });
        }
      }
      i = j - 1;
    }
  }
  return { keyOrder: new MapKeyOrderIndex(map), integers };
}

function dedupe(keys: string[]): string[] {
  const set = new Set(keys);
  return set.size === keys.length ? keys : Array.from(set);
}

// ---------------------------------------------------------------------------------------------
// Writing

const MAX_DEPTH = 10_000;

export interface StringifyOptions {
  /** Write objects' keys in body-text order (see orderedKeys). */
  keyOrder?: KeyOrderIndex | null;
  /** Pointer of `value` inside the parsed body the key order belongs to (default: root ""). */
  pointer?: string;
}

/**
 * Like JSON.stringify, but LosslessNumber is written as its exact source, BigInt as its digits, a
 * cycle as "(cycle)" and anything deeper than 10,000 levels as "(too deep)". Never throws for
 * depth. `undefined` (or a function) at the top gives "null".
 */
export function stringifyJson(value: unknown, space?: number, options?: StringifyOptions): string {
  const keyOrder = options?.keyOrder && options.keyOrder.size > 0 ? options.keyOrder : null;
  if (!keyOrder && isPlainForNative(value)) {
    const native = JSON.stringify(value, null, space) as string | undefined;
    return native ?? 'null';
  }
  return writeIteratively(value, space, keyOrder, options?.pointer ?? '');
}

/** Cheap pre-walk: can native JSON.stringify write this exactly and without throwing? */
function isPlainForNative(root: unknown): boolean {
  if (root === null || typeof root !== 'object') return typeof root !== 'bigint';
  const stack: { value: object; depth: number }[] = [{ value: root, depth: 1 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: object; depth: number };
    // A shared (not cyclic) object also lands here twice; the iterative writer handles both.
    if (depth > 1000 || seen.has(value)) return false;
    seen.add(value);
    if (value instanceof LosslessNumber) return false;
    if (!Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function')
      return false;
    // Integer-like keys in body-text order: JSON.stringify would write them first.
    if (bodyKeyOrders.has(value)) return false;
    const items = Array.isArray(value) ? value : Object.values(value);
    for (const item of items) {
      if (typeof item === 'bigint') return false;
      if (item !== null && typeof item === 'object')
        stack.push({ value: item as object, depth: depth + 1 });
    }
  }
  return true;
}

interface WriteFrame {
  isArray: boolean;
  value: object;
  keys: readonly string[] | null;
  i: number;
  wrote: boolean;
  pointer: string;
}

function writeIteratively(
  root: unknown,
  space: number | undefined,
  index: KeyOrderIndex | null,
  rootPointer: string,
): string {
  const indentUnit = ' '.repeat(Math.max(0, Math.min(10, Math.floor(space ?? 0))));
  const out: string[] = [];
  const stack: WriteFrame[] = [];
  const ancestors = new Set<object>();

  const newline = (depth: number): string => (indentUnit ? '\n' + indentUnit.repeat(depth) : '');
  const ordered = index ? orderedPrefixes(index) : null;

  /** A subtree with no recorded key order below it and nothing special in it: native speed. */
  const writeNatively = (value: object, pointer: string): boolean => {
    if (index && (ordered === null || ordered.has(pointer))) return false;
    if (!isPlainForNative(value)) return false;
    const text = JSON.stringify(value, null, indentUnit || undefined);
    out.push(indentUnit ? text.replace(/\n/g, newline(stack.length)) : text);
    return true;
  };

  /** Writes a primitive, or opens a container frame. Returns false when nothing should be written. */
  const writeValue = (value: unknown, pointer: string): boolean => {
    if (value === null) {
      out.push('null');
      return true;
    }
    switch (typeof value) {
      case 'string':
        out.push(JSON.stringify(value));
        return true;
      case 'number':
        out.push(Number.isFinite(value) ? String(value) : 'null');
        return true;
      case 'boolean':
        out.push(value ? 'true' : 'false');
        return true;
      case 'bigint':
        out.push(value.toString());
        return true;
      case 'object': {
        if (value instanceof LosslessNumber) {
          out.push(INTEGER_SOURCE.test(value.source) ? value.source : JSON.stringify(value.source));
          return true;
        }
        if (ancestors.has(value)) {
          out.push('"(cycle)"');
          return true;
        }
        if (stack.length >= MAX_DEPTH) {
          out.push('"(too deep)"');
          return true;
        }
        if (writeNatively(value, pointer)) return true;
        const isArray = Array.isArray(value);
        ancestors.add(value);
        out.push(isArray ? '[' : '{');
        stack.push({
          isArray,
          value,
          keys: isArray ? null : orderedKeys(value, pointer, index),
          i: 0,
          wrote: false,
          pointer,
        });
        return true;
      }
      default:
        return false; // undefined, function, symbol
    }
  };

  if (!writeValue(resolveForJson(root, ''), rootPointer)) return 'null';

  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as WriteFrame;
    const depth = stack.length;
    if (frame.isArray) {
      const arr = frame.value as unknown[];
      if (frame.i >= arr.length) {
        stack.pop();
        ancestors.delete(frame.value);
        out.push(frame.wrote ? newline(depth - 1) + ']' : ']');
        continue;
      }
      const idx = frame.i++;
      out.push((frame.wrote ? ',' : '') + newline(depth));
      frame.wrote = true;
      const childPointer = index ? frame.pointer + '/' + idx : '';
      if (!writeValue(resolveForJson(arr[idx], String(idx)), childPointer)) out.push('null');
    } else {
      const keys = frame.keys as readonly string[];
      const obj = frame.value as Record<string, unknown>;
      let wroteThis = false;
      while (frame.i < keys.length && !wroteThis) {
        const key = keys[frame.i++] as string;
        const child = resolveForJson(obj[key], key);
        if (child === undefined || typeof child === 'function' || typeof child === 'symbol')
          continue;
        out.push(
          (frame.wrote ? ',' : '') +
            newline(depth) +
            JSON.stringify(key) +
            (indentUnit ? ': ' : ':'),
        );
        frame.wrote = true;
        wroteThis = true;
        const childPointer = index ? frame.pointer + '/' + escapePointerSegment(key) : '';
        writeValue(child, childPointer);
      }
      if (!wroteThis) {
        stack.pop();
        ancestors.delete(frame.value);
        out.push(frame.wrote ? newline(depth - 1) + '}' : '}');
      }
    }
  }
  return out.join('');
}

/** Every pointer that is, or leads to, an object with recorded key order; null if unknown. */
function orderedPrefixes(index: KeyOrderIndex): Set<string> | null {
  if (typeof index.pointers !== 'function') return null;
  const set = new Set<string>();
  for (const pointer of index.pointers()) {
    set.add(pointer);
    for (let i = pointer.indexOf('/'); i !== -1; i = pointer.indexOf('/', i + 1)) {
      set.add(pointer.slice(0, i));
    }
  }
  return set;
}

/** What JSON.stringify would write for `input`: toJSON() applied, boxed primitives unwrapped. */
function resolveForJson(input: unknown, key: string): unknown {
  let value = input;
  if (value !== null && typeof value === 'object' && !(value instanceof LosslessNumber)) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (k: string) => unknown).call(value, key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean)
    value = value.valueOf();
  return value;
}

// ---------------------------------------------------------------------------------------------

/** UTF-8 byte length (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function byteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2; // 2 UTF-16 units → 4 bytes
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
