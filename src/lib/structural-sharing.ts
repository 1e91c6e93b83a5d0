/**
 * React Query's structural sharing, safe for any JSON. After a refetch, every part of the new data
 * that equals the old keeps the old object, so unchanged steps keep their identity and their cards
 * don't re-render.
 *
 * Why not TanStack's own replaceEqualDeep: it copies a changed object with `copy[key] = value`, and
 * for a "__proto__" key that sets the copy's prototype instead of an own property, so a step named
 * "__proto__" vanished from a live run after the first poll (hostile case 29). Here every key of a
 * copy is an own data property, equal LosslessNumbers count as equal, and a copy keeps the body-text
 * key order recorded for the object it copies.
 */
import { keepBodyKeyOrder, LosslessNumber } from '@/lib/json-body';

/** Past this depth the new value is taken as it is (no sharing, no recursion). */
const MAX_DEPTH = 500;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * `next`, with every part that deep-equals the same part of `prev` replaced by `prev`'s object.
 * Returns `prev` itself when nothing changed.
 */
export function shareUnchanged(prev: unknown, next: unknown, depth = 0): unknown {
  if (prev === next) return prev;
  if (prev instanceof LosslessNumber && next instanceof LosslessNumber) {
    return prev.source === next.source ? prev : next;
  }
  if (depth > MAX_DEPTH) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const copy: unknown[] = new Array<unknown>(next.length);
    let same = prev.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const v = i < prev.length ? shareUnchanged(prev[i], next[i], depth + 1) : next[i];
      copy[i] = v;
      if (v !== prev[i]) same = false;
    }
    return same ? prev : copy;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    const copy: Record<string, unknown> = {};
    let same = Object.keys(prev).length === keys.length;
    for (const key of keys) {
      const had = Object.prototype.hasOwnProperty.call(prev, key);
      const v = had ? shareUnchanged(prev[key], next[key], depth + 1) : next[key];
      setOwn(copy, key, v);
      if (!had || v !== prev[key]) same = false;
    }
    if (same) return prev;
    keepBodyKeyOrder(next, copy);
    return copy;
  }
  return next;
}
