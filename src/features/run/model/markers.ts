/**
 * Placeholders the engine puts where a value used to be (run-data.md §9): truncation markers,
 * stored references and slices, and file outputs.
 */

const TRUNCATED_RE = /^\(truncated(?:, original size ([\d.]+ ?(?:KB|MB|GB|B)))?\)$/;

/** `"(truncated)"` → { size: null }; `"(truncated, original size 48 KB)"` → { size: "48 KB" }. */
export function truncationMarker(value: unknown): { size: string | null } | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const m = TRUNCATED_RE.exec(value);
  if (!m) return null;
  return { size: m[1] ?? null };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Own-property read: nothing inherited (`constructor`, `__proto__` are ordinary names). */
export function ownValue(o: unknown, key: string): unknown {
  return isRecord(o) && hasOwn(o, key) ? o[key] : undefined;
}

/** `{ "$apRef": true, fileId, size }`: a value stored in a separate file. */
export function referenceMarker(value: unknown): { fileId: string | null; size: number | null } | null {
  if (!isRecord(value) || ownValue(value, '$apRef') !== true) return null;
  const fileId = ownValue(value, 'fileId');
  const size = ownValue(value, 'size');
  return {
    fileId: typeof fileId === 'string' ? fileId : null,
    size: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : null,
  };
}

/** Only http(s) URLs become links; everything else stays text. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 4096) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function formatByteSize(bytes: number | null): string | null {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  if (bytes < 1024 ** 3) return `${Math.round(bytes / (1024 * 102.4)) / 10} MB`;
  return `${Math.round(bytes / (1024 ** 2 * 102.4)) / 10} GB`;
}

export function isFileOutputUrl(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('/api/v1/step-files/') || value.startsWith('file://'));
}
