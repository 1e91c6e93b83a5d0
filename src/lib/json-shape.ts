/**
 * Bounded, iterative helpers that look at the shape and size of a parsed JSON value without
 * rendering or serialising it. None of them recurses: a value nested 100,000 levels deep is walked
 * with an explicit stack, and every walk that has a limit stops as soon as the limit is passed.
 */
import { LosslessNumber } from '@/lib/json-body';

/** An integer beyond 2^53, kept exactly as sent (its `source` text) by the body parser. */
export function isLosslessNumber(v: unknown): v is LosslessNumber {
  return v instanceof LosslessNumber;
}

/** An object or array that the viewers open up (a LosslessNumber is a leaf). */
export function isContainer(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !isLosslessNumber(v);
}

/**
 * "5,000": counts are always shown with en-US grouping, whatever the browser's locale. Hand-rolled:
 * `toLocaleString` builds a formatter per call, which showed up in profiles of a 100-row page.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const digits = String(Math.abs(Math.round(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "48 KB", "2.4 MB", "512 B". Negative or non-finite input gives "—" (never "NaN"). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${Math.round(n)} B`;
  const kb = n / 1024;
  if (kb < 10) return `${kb.toFixed(1)} KB`;
  if (Math.round(kb) < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  if (mb < 1023.95) return `${mb.toFixed(1)} MB`;
  return `${(mb / 1024).toFixed(1)} GB`;
}

/** "array of 5,000 items", "object with 12 keys", "string of 10,485,760 characters". */
export function describeShape(value: unknown): string {
  if (value === undefined) return 'no value';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    return value.length === 0 ? 'empty array' : `array of ${plural(value.length, 'item', 'items')}`;
  }
  if (isLosslessNumber(value)) return 'number';
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return n === 0 ? 'empty object' : `object with ${plural(n, 'key', 'keys')}`;
  }
  if (typeof value === 'string')
    return `string of ${plural(value.length, 'character', 'characters')}`;
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'value';
}

/** Item count of a container, for labels: "5,000 items", "3 keys". */
export function describeCount(value: object): string {
  return Array.isArray(value)
    ? plural(value.length, 'item', 'items')
    : plural(Object.keys(value).length, 'key', 'keys');
}

/**
 * About how many characters `JSON.stringify(value)` would produce: string lengths + quotes, keys,
 * punctuation and number lengths. The walk stops once the running total passes `limitBytes`, so the
 * result is exact-ish below the limit and "somewhere above it" otherwise.
 */
export function estimateSize(value: unknown, limitBytes: number = Infinity): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    switch (typeof v) {
      case 'string':
        total += v.length + 2;
        break;
      case 'number':
        total += Number.isFinite(v) ? String(v).length : 4;
        break;
      case 'boolean':
        total += v ? 4 : 5;
        break;
      case 'bigint':
        total += String(v).length;
        break;
      case 'object':
        if (v === null) {
          total += 4;
        } else if (Array.isArray(v)) {
          total += 2 + Math.max(0, v.length - 1);
          for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
        } else if (isLosslessNumber(v)) {
          total += v.source.length;
        } else {
          const keys = Object.keys(v);
          total += 2 + Math.max(0, keys.length - 1);
          for (const k of keys) {
            total += k.length + 3;
            stack.push((v as Record<string, unknown>)[k]);
          }
        }
        break;
      default:
        total += 4; // undefined, functions, symbols: serialised as null or dropped
    }
    if (total > limitBytes) return total;
  }
  return total;
}

/**
 * A key that would be misread if shown bare: empty, only whitespace, leading or trailing
 * whitespace, control characters or a double quote. Such keys are shown JSON-quoted (`""`, `" "`).
 */
export function isOddKey(key: string): boolean {
  // eslint-disable-next-line no-control-regex
  return key === '' || key.trim() !== key || /[\u0000-\u001f\u007f"]/.test(key);
}

export interface SmallPlainLimits {
  /** Total number of values (containers and leaves). */
  maxNodes: number;
  /** Longest array, and most keys in one object. */
  maxChildren: number;
  /** Longest string value or key. */
  maxStringLength: number;
}

export const SMALL_PLAIN_LIMITS: SmallPlainLimits = {
  maxNodes: 1500,
  maxChildren: 100,
  maxStringLength: 400,
};

/**
 * True when a value can be shown as-is by a simple tree that renders every child of an open node at
 * once: few nodes, short arrays and strings, only plain JSON types (no LosslessNumber), and keys
 * that read unambiguously. Stops at the first reason to say no.
 */
export function isSmallPlain(
  value: unknown,
  limits: SmallPlainLimits = SMALL_PLAIN_LIMITS,
): boolean {
  let nodes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++nodes > limits.maxNodes) return false;
    switch (typeof v) {
      case 'string':
        if (v.length > limits.maxStringLength) return false;
        break;
      case 'number':
        if (!Number.isFinite(v)) return false;
        break;
      case 'boolean':
        break;
      case 'object': {
        if (v === null) break;
        if (Array.isArray(v)) {
          if (v.length > limits.maxChildren) return false;
          for (const item of v) stack.push(item);
          break;
        }
        if (isLosslessNumber(v)) return false;
        const keys = Object.keys(v);
        if (keys.length > limits.maxChildren) return false;
        for (const k of keys) {
          if (k.length > limits.maxStringLength || isOddKey(k)) return false;
          stack.push((v as Record<string, unknown>)[k]);
        }
        break;
      }
      default:
        return false; // undefined, bigint, functions, symbols: not JSON
    }
  }
  return true;
}

/** Appends one reference token to a JSON pointer (RFC 6901): `/` → `~1`, `~` → `~0`. */
export function pointerAppend(pointer: string, token: string | number): string {
  const t =
    typeof token === 'number' ? String(token) : token.replace(/~/g, '~0').replace(/\//g, '~1');
  return `${pointer}/${t}`;
}

/** Splits a JSON pointer into its unescaped tokens; `""` (the whole value) gives `[]`. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
