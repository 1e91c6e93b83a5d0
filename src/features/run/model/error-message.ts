/**
 * errorMessage parsing, in the order run-data.md §8 gives:
 * null/missing → object/array/other → JSON text (structured, HTTP, {message}, other) → plain text
 * with a folded stack trace. Never throws; the result is plain text and data, never HTML.
 */
import type { ErrorSection, ParsedError } from './types';

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function get(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  return hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** A short text form of any value, for facts and list items. Never "[object Object]". */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null) return 'null';
  if (v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'object' && typeof (v as { source?: unknown }).source === 'string') {
    return (v as { source: string }).source;
  }
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s;
  } catch {
    return '(unprintable value)';
  }
}

const NO_MESSAGE: Omit<ParsedError, 'raw'> = {
  kind: 'none',
  headline: 'No error message',
  body: null,
  stack: null,
  list: null,
  facts: [],
  sections: [],
};

export function parseErrorMessage(raw: unknown): ParsedError {
  try {
    return parse(raw);
  } catch {
    return { ...NO_MESSAGE, kind: 'other', headline: 'The error message could not be read', raw };
  }
}

function parse(raw: unknown): ParsedError {
  if (raw === null || raw === undefined) return { ...NO_MESSAGE, raw };
  if (Array.isArray(raw)) return fromArray(raw, raw);
  if (typeof raw === 'object') return fromObject(raw as Record<string, unknown>, raw, 'object');
  if (typeof raw !== 'string') {
    return { ...NO_MESSAGE, kind: 'other', headline: textOf(raw), raw };
  }
  if (raw.trim() === '') return { ...NO_MESSAGE, raw };
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    let ok: boolean;
    try {
      parsed = JSON.parse(trimmed);
      ok = true;
    } catch {
      ok = false;
    }
    if (ok) {
      if (Array.isArray(parsed)) return fromArray(parsed, raw);
      if (isRecord(parsed)) return fromObject(parsed, raw, 'json');
    }
  }
  return fromText(raw);
}

function fromArray(items: readonly unknown[], raw: unknown): ParsedError {
  const list = items.map((i) => {
    const m = isRecord(i) ? str(i.message) : null;
    return m ?? textOf(i);
  });
  return {
    kind: 'list',
    headline: list.length === 0 ? 'No error message' : (list[0] ?? ''),
    body: null,
    stack: null,
    list,
    facts: [],
    sections: list.length > 0 ? [{ label: 'Error data', value: items }] : [],
    raw,
  };
}

function fromObject(obj: Record<string, unknown>, raw: unknown, origin: 'object' | 'json'): ParsedError {
  // 1. The structured (2026) error.
  if (hasOwn(obj, '__apErrorVersion')) {
    const headline = str(obj.apiMessage) ?? str(obj.message) ?? 'Error (no message)';
    const facts: Array<[string, string]> = [];
    const push = (label: string, v: unknown) => {
      if (v !== undefined && v !== null && v !== '') facts.push([label, textOf(v)]);
    };
    push('Error', obj.errorName);
    push('Status', obj.status);
    push('Method', obj.requestMethod);
    push('URL', obj.requestUrl);
    const sections: ErrorSection[] = [];
    if (str(obj.message) && obj.message !== headline) sections.push({ label: 'Message', value: obj.message, text: true });
    if (hasOwn(obj, 'responseBody')) sections.push({ label: 'Response body', value: obj.responseBody });
    if (hasOwn(obj, 'responseHeaders')) sections.push({ label: 'Response headers', value: obj.responseHeaders });
    if (hasOwn(obj, 'requestBody')) sections.push({ label: 'Request body', value: obj.requestBody });
    if (hasOwn(obj, 'raw')) sections.push({ label: 'Raw error', value: textOf(obj.raw), text: true });
    return { kind: 'structured', headline, body: null, stack: null, list: null, facts, sections, raw };
  }
  // 2. An HTTP error: {response: {status, body}, request: {body}}.
  const response = get(obj, 'response');
  const status = get(response, 'status');
  if (isRecord(response) && (typeof status === 'number' || typeof status === 'string')) {
    const body = get(response, 'body');
    const code = str(get(body, 'error'));
    const message = str(get(body, 'message')) ?? str(get(body, 'error_description')) ?? str(get(body, 'detail'));
    const detailText = [code, message].filter(Boolean).join(': ');
    const headline = `HTTP ${textOf(status)}${detailText ? ` · ${detailText}` : ''}`;
    const sections: ErrorSection[] = [];
    if (hasOwn(response, 'body')) sections.push({ label: 'Response body', value: body });
    const request = get(obj, 'request');
    if (isRecord(request) && hasOwn(request, 'body')) sections.push({ label: 'Request body', value: request.body });
    sections.push({ label: 'Full error', value: obj });
    return {
      kind: 'http',
      headline,
      body: null,
      stack: null,
      list: null,
      facts: [['Status', textOf(status)]],
      sections,
      raw,
    };
  }
  // 3. Anything with a string message.
  const message = str(obj.message);
  if (message) {
    const facts: Array<[string, string]> = [];
    for (const key of ['code', 'statusCode', 'status', 'name']) {
      const v = get(obj, key);
      if (v !== undefined && v !== null && typeof v !== 'object') facts.push([key, textOf(v)]);
    }
    const split = splitText(message);
    return {
      kind: 'json-message',
      headline: split.headline,
      body: split.body,
      stack: split.stack,
      list: null,
      facts,
      sections: [{ label: origin === 'object' ? 'Error object' : 'Error data', value: obj }],
      raw,
    };
  }
  // 4. Other JSON (e.g. a validation object keyed by property name).
  const keys = Object.keys(obj);
  return {
    kind: origin === 'object' ? 'object' : 'json',
    headline:
      keys.length === 0
        ? 'Empty error object'
        : `Error details: ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}`,
    body: null,
    stack: null,
    list: null,
    facts: [],
    sections: [{ label: 'Error data', value: obj }],
    raw,
  };
}

const STACK_LINE = /^\s+at\s/;

function splitText(text: string): { headline: string; body: string | null; stack: string | null } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // The headline is the first non-empty line.
  let first = 0;
  while (first < lines.length && (lines[first] ?? '').trim() === '') first++;
  const headline = (lines[first] ?? '').trim() || text.trim();
  const rest = lines.slice(first + 1);
  const stack: string[] = [];
  const body: string[] = [];
  for (const line of rest) {
    if (STACK_LINE.test(line)) stack.push(line);
    else body.push(line);
  }
  const bodyText = body.join('\n').replace(/^\n+|\n+$/g, '');
  return {
    headline,
    body: bodyText === '' ? null : bodyText,
    stack: stack.length > 0 ? stack.join('\n') : null,
  };
}

function fromText(text: string): ParsedError {
  const { headline, body, stack } = splitText(text);
  return { kind: 'text', headline, body, stack, list: null, facts: [], sections: [], raw: text };
}
