/**
 * The transport: one openapi-fetch client, an auth middleware that reads the token store, and
 * fetchRun(), which turns every answer into a LoadedRun or a typed ApiError. No UI here: no toasts,
 * no redirects. The body is read as text once, parsed by parseJsonBody (key order, big integers)
 * and validated by validateRun on that same parse.
 *
 * The token goes only into `Authorization: Bearer …` of requests to the configured API base. It is
 * never put into an error, a message, a URL or a log.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@/lib/api-schema';
import { getConfig } from '@/lib/config';
import { JsonBodyError, byteLength, parseJsonBody, type KeyOrderIndex } from '@/lib/json-body';
import { validateRun, type FlowRunDetail } from '@/lib/run-schema';
import { getToken } from '@/lib/token-store';

export type ApiErrorKind =
  | 'unauthorized'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'unexpected'
  | 'http'
  | 'no-token';

export interface ValidationDetail {
  location: string;
  message: string;
  type: string;
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status?: number | null;
  runId?: string;
  message?: string;
  retryAfterMs?: number | null;
  validation?: ValidationDetail[];
  contentType?: string | null;
  rawBody?: string | null;
  contractIssues?: string[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly runId: string;
  /** From Retry-After (seconds or HTTP date), when the answer had one. */
  readonly retryAfterMs: number | null;
  /** FastAPI 422 `detail`, flattened. */
  readonly validation: ValidationDetail[];
  readonly contentType: string | null;
  /** The response text for unexpected and error answers (capped at 256 KB, token removed). */
  readonly rawBody: string | null;
  /** Why a JSON body broke the contract (validateRun issues). */
  readonly contractIssues: string[];

  constructor(init: ApiErrorInit) {
    super(init.message ?? defaultMessage(init.kind, init.status ?? null));
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.runId = init.runId ?? '';
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.validation = init.validation ?? [];
    this.contentType = init.contentType ?? null;
    this.rawBody = init.rawBody ?? null;
    this.contractIssues = init.contractIssues ?? [];
  }
}

function defaultMessage(kind: ApiErrorKind, status: number | null): string {
  const http = status === null ? '' : ` (HTTP ${status})`;
  switch (kind) {
    case 'unauthorized':
      return status === 403
        ? 'The token is not allowed to read this run (HTTP 403).'
        : `The API rejected the token${http}.`;
    case 'not-found':
      return `Run not found${http}.`;
    case 'validation':
      return `The API rejected the request${http}.`;
    case 'rate-limited':
      return `Too many requests${http}.`;
    case 'timeout':
      return status === null ? 'The API did not answer in time.' : `The API timed out${http}.`;
    case 'network':
      return NETWORK_MESSAGE;
    case 'no-token':
      return 'No API token is set.';
    case 'unexpected':
      return `Unexpected response${http}.`;
    case 'server':
    case 'http':
      return status === null ? 'The API answered with an error.' : `HTTP ${status} from the API.`;
  }
}

const NETWORK_MESSAGE =
  'The API could not be reached from this browser (a network failure, or the API does not allow ' +
  'requests from this site: CORS).';

export interface LoadedRun {
  run: FlowRunDetail;
  keyOrder: KeyOrderIndex | null;
  /** Size of the body in bytes (UTF-8). */
  bytes: number;
  /** Date.now() when the body had been read (or the text was loaded). */
  receivedAt: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const RAW_BODY_LIMIT = 256 * 1024;
const MAX_DETAILS = 50;
const MAX_DETAIL_LENGTH = 500;
const JSON_CONTENT_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/json)(?:\s*;|$)/i;

// ---- The client ------------------------------------------------------------------------------

/** Is `url` under the configured API base (the only place the token may go)? */
export function isApiUrl(url: string, apiBase: string = getConfig().apiBase): boolean {
  let base: URL;
  let target: URL;
  try {
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    base = page === undefined ? new URL(apiBase || '/') : new URL(apiBase || '/', page);
    target = new URL(url, base);
  } catch {
    return false;
  }
  if (base.origin !== target.origin) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  return target.pathname === prefix || target.pathname.startsWith(prefix + '/');
}

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token === null || !isApiUrl(request.url)) return undefined;
    try {
      request.headers.set('Authorization', `Bearer ${token}`);
    } catch {
      // A header error message would quote the value: replace it with one that does not.
      throw new ApiError({ kind: 'no-token', message: 'The API token cannot be sent.' });
    }
    return request;
  },
};

const client = createClient<paths>();
client.use(authMiddleware);

// ---- fetchRun --------------------------------------------------------------------------------

export interface FetchRunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

function mark(name: string): void {
  try {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
      // Keep only the latest load's mark: polling would otherwise pile them up for hours.
      if (typeof performance.clearMarks === 'function') performance.clearMarks(name);
      performance.mark(name);
    }
  } catch {
    // User Timing is optional.
  }
}

/**
 * GET /v1/workflow/executions/{run_id}. Resolves to the validated run; rejects with ApiError, or
 * with an AbortError DOMException when the caller's signal aborts (React Query's cancellation).
 */
export async function fetchRun(runId: string, opts: FetchRunOptions = {}): Promise<LoadedRun> {
  const token = getToken();
  if (token === null) throw new ApiError({ kind: 'no-token', runId });
  if (runId === '' || runId === '.' || runId === '..') {
    // Not a run ID, and as a path segment it would walk up the URL.
    throw new ApiError({
      kind: 'not-found',
      runId,
      message: 'Run not found: that is not a run ID.',
    });
  }
  const callerSignal = opts.signal;
  if (callerSignal?.aborted) throw abortError();

  const fetchImpl: typeof fetch =
    opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(abortError());
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  // 0, negative, NaN or Infinity: no timeout (setTimeout would otherwise fire at once).
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(
          () => {
            timedOut = true;
            controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
          },
          Math.min(timeoutMs, 2_147_483_647),
        )
      : undefined;
  // Settles when the controller aborts, even if a fetch implementation ignores the signal.
  const aborted = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
  });
  aborted.catch(() => undefined);

  let fetchCalled = false;
  // Written inside the fetch wrapper: an error answer, kept unread for its text.
  const seen: { errorResponse: Response | null } = { errorResponse: null };
  const wrappedFetch = async (request: Request): Promise<Response> => {
    fetchCalled = true;
    const response = await Promise.race([fetchImpl(request), aborted]);
    clearTimeout(timer); // the timeout covers the wait for headers only
    if (!response.ok && response.status !== 0) {
      seen.errorResponse = response;
      return response.clone(); // openapi-fetch reads the clone; the text stays readable here
    }
    return response;
  };

  const failWith = (error: unknown): never => {
    if (callerSignal?.aborted) throw abortError();
    if (error instanceof ApiError) throw error;
    if (timedOut) {
      throw new ApiError({
        kind: 'timeout',
        runId,
        message: `The API did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}.`,
      });
    }
    if (fetchCalled) throw new ApiError({ kind: 'network', runId });
    throw new ApiError({
      kind: 'unexpected',
      runId,
      message: 'The request could not be made (check the configured API base).',
    });
  };

  try {
    let response: Response;
    try {
      const result = await client.GET('/v1/workflow/executions/{run_id}', {
        params: { path: { run_id: runId } },
        baseUrl: getConfig().apiBase,
        fetch: wrappedFetch,
        parseAs: 'stream',
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        redirect: 'error',
      });
      response = result.response;
    } catch (error) {
      return failWith(error);
    }

    if (seen.errorResponse !== null) {
      return await failFromErrorResponse(seen.errorResponse, runId, token, callerSignal);
    }

    let buffer: ArrayBuffer;
    try {
      buffer = await Promise.race([response.arrayBuffer(), aborted]);
    } catch {
      if (callerSignal?.aborted) throw abortError();
      throw new ApiError({
        kind: 'network',
        runId,
        status: response.status,
        message: 'The connection broke while the run was downloading.',
      });
    }
    const text = new TextDecoder('utf-8').decode(buffer);
    mark('inspector:response');
    const contentType = response.headers.get('Content-Type');
    if (response.status === 204 || buffer.byteLength === 0) {
      throw new ApiError({
        kind: 'unexpected',
        runId,
        status: response.status,
        contentType,
        rawBody: '',
        message: `The response is empty (${describeOrigin(response.status, contentType)}).`,
      });
    }
    if (
      contentType !== null &&
      contentType.trim() !== '' &&
      !JSON_CONTENT_TYPE.test(contentType.trim())
    ) {
      throw new ApiError({
        kind: 'unexpected',
        runId,
        status: response.status,
        contentType,
        rawBody: capBody(redact(text, token), buffer.byteLength),
        message: `The response is not JSON (${describeOrigin(response.status, contentType)}).`,
      });
    }
    return parseAndValidate(
      text,
      buffer.byteLength,
      { status: response.status, contentType, runId },
      token,
    );
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

async function failFromErrorResponse(
  response: Response,
  runId: string,
  token: string,
  callerSignal: AbortSignal | undefined,
): Promise<never> {
  const status = response.status;
  const contentType = response.headers.get('Content-Type');
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  let text = '';
  try {
    text = await response.text();
  } catch {
    if (callerSignal?.aborted) throw abortError();
  }
  const rawBody = text === '' ? null : capBody(redact(text, token), byteLength(text));
  const base = { status, runId, contentType, retryAfterMs, rawBody };

  if (status === 401 || status === 403) throw new ApiError({ ...base, kind: 'unauthorized' });
  if (status === 404) {
    throw new ApiError({
      ...base,
      kind: 'not-found',
      message: `Run not found (HTTP 404): ${clip(runId, 80)}`,
    });
  }
  if (status === 422) {
    const validation = parseValidationDetail(text).map((detail) => ({
      ...detail,
      message: redact(detail.message, token),
      location: redact(detail.location, token),
    }));
    const first = validation[0];
    const message = first
      ? `The API rejected the request (HTTP 422): ${clip(
          first.location ? `${first.location}: ${first.message}` : first.message,
          160,
        )}`
      : undefined;
    throw new ApiError({ ...base, kind: 'validation', validation, message });
  }
  if (status === 429) {
    const wait =
      retryAfterMs === null ? '' : ` The API asks to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
    throw new ApiError({
      ...base,
      kind: 'rate-limited',
      message: `Too many requests (HTTP 429).${wait}`,
    });
  }
  if (status === 408) throw new ApiError({ ...base, kind: 'timeout' });
  if (status >= 500 && status <= 599) throw new ApiError({ ...base, kind: 'server' });
  throw new ApiError({ ...base, kind: 'http' });
}

// ---- Parsing a body (response, file or paste) ------------------------------------------------

export interface TextOrigin {
  status?: number;
  contentType?: string | null;
  runId?: string;
}

/** Parse and validate a run opened from a file or a paste; throws ApiError 'unexpected'. */
export function loadRunFromText(text: string, origin: TextOrigin = {}): LoadedRun {
  return parseAndValidate(text, byteLength(text), origin, getToken());
}

function parseAndValidate(
  text: string,
  bytes: number,
  origin: TextOrigin,
  token: string | null,
): LoadedRun {
  const status = origin.status ?? null;
  const contentType = origin.contentType ?? null;
  const runId = origin.runId ?? '';
  const subject = status === null ? 'The run data' : 'The response';
  const where = status === null ? '' : ` (${describeOrigin(status, contentType)})`;
  const fail = (message: string, contractIssues: string[] = []): never => {
    throw new ApiError({
      kind: 'unexpected',
      status,
      runId,
      contentType,
      contractIssues,
      rawBody: capBody(redact(text, token), bytes),
      message,
    });
  };

  let parsed;
  try {
    parsed = parseJsonBody(text);
  } catch (error) {
    if (!(error instanceof JsonBodyError)) throw error;
    if (text.trim() === '') return fail(`${subject} is empty${where}.`);
    return fail(`${subject} is not valid JSON${where}.`);
  }
  const validation = validateRun(parsed.value);
  if (!validation.ok) {
    const count = validation.issues.length;
    return fail(
      `${subject} does not match the API contract${where}: ${count} problem${count === 1 ? '' : 's'}.`,
      validation.issues.map((issue) => redact(issue, token)),
    );
  }
  mark('inspector:parsed');
  return { run: validation.run, keyOrder: parsed.keyOrder, bytes, receivedAt: Date.now() };
}

// ---- Helpers ---------------------------------------------------------------------------------

function describeOrigin(status: number | null, contentType: string | null): string {
  const type = contentType?.split(';')[0]?.trim() || 'no content type';
  return status === null ? type : `HTTP ${status}, ${type}`;
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date; null when absent or invalid. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** FastAPI's 422 `detail`, tolerating a string, an object or odd shapes. */
export function parseValidationDetail(text: string): ValidationDetail[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const plain = text.trim();
    return plain === ''
      ? []
      : [{ location: '', message: clip(plain, MAX_DETAIL_LENGTH), type: '' }];
  }
  const detail =
    typeof body === 'object' && body !== null && !Array.isArray(body) && 'detail' in body
      ? (body as { detail: unknown }).detail
      : body;
  const items = Array.isArray(detail) ? detail : [detail];
  const out: ValidationDetail[] = [];
  for (const item of items.slice(0, MAX_DETAILS)) {
    if (item === null || item === undefined) continue;
    if (typeof item !== 'object' || Array.isArray(item)) {
      const message = typeof item === 'string' ? item : safeJson(item);
      out.push({ location: '', message: clip(message, MAX_DETAIL_LENGTH), type: '' });
      continue;
    }
    const record = item as Record<string, unknown>;
    const loc = Array.isArray(record.loc)
      ? record.loc.filter((part) => typeof part === 'string' || typeof part === 'number').join('.')
      : typeof record.loc === 'string'
        ? record.loc
        : '';
    const rawMessage = typeof record.msg === 'string' ? record.msg : record.message;
    const message = typeof rawMessage === 'string' ? rawMessage : safeJson(record);
    out.push({
      location: clip(loc, 200),
      message: clip(message, MAX_DETAIL_LENGTH),
      type: typeof record.type === 'string' ? clip(record.type, 100) : '',
    });
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function redact(text: string, token: string | null): string {
  return token && text.includes(token) ? text.split(token).join('[token hidden]') : text;
}

function capBody(text: string, bytes: number): string {
  if (text.length <= RAW_BODY_LIMIT) return text;
  return `${text.slice(0, RAW_BODY_LIMIT)}\n\n[… cut: the first 256 KB of ${formatBytes(bytes)} are shown]`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
