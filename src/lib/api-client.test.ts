import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, resetConfigForTests } from '@/lib/config';
import { orderedKeys } from '@/lib/json-body';
import { forgetToken, resetTokenStoreForTests, setToken } from '@/lib/token-store';
import {
  ApiError,
  fetchRun,
  isApiUrl,
  loadRunFromText,
  parseRetryAfter,
  parseValidationDetail,
} from './api-client';

const TOKEN = 'tok_SECRET_5f2a9c';
const RUN = {
  id: 'runAbc123',
  flowId: 'flowXyz',
  status: 'SUCCEEDED',
  created: '2025-11-12T09:41:07.123Z',
  updated: '2025-11-12T09:41:09.000Z',
  steps: { trigger: { status: 'SUCCEEDED' } },
};
const RUN_TEXT = JSON.stringify(RUN);

type Handler = (request: Request) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  const calls: Request[] = [];
  const impl = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    calls.push(request);
    return handler(request);
  });
  return { impl: impl as unknown as typeof fetch, calls, mock: impl };
}

function answer(
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): Handler {
  // Bytes, not a string: a string body would get an implicit text/plain content type.
  return () =>
    new Response(body === null ? null : new TextEncoder().encode(body), { status, headers });
}

const json = (status: number, body: string, headers: Record<string, string> = {}) =>
  answer(status, body, { 'Content-Type': 'application/json', ...headers });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

function expectNoToken(error: ApiError): void {
  const everything = JSON.stringify({
    message: error.message,
    kind: error.kind,
    runId: error.runId,
    validation: error.validation,
    contentType: error.contentType,
    rawBody: error.rawBody,
    contractIssues: error.contractIssues,
    stack: error.stack,
  });
  expect(everything).not.toContain(TOKEN);
}

beforeEach(async () => {
  resetTokenStoreForTests();
  setToken(TOKEN, { remember: false });
  // Production build, no config.json: the API base is https://api.diga.io.
  await loadConfig(async () => new Response('', { status: 404 }), { DEV: false, BASE_URL: '/' });
});

afterEach(() => {
  resetConfigForTests();
  vi.restoreAllMocks();
});

describe('fetchRun: success', () => {
  it('sends one GET with exactly `Bearer <token>` and safe request options', async () => {
    const fake = fakeFetch(json(200, RUN_TEXT));
    const loaded = await fetchRun('runAbc123', { fetchImpl: fake.impl });
    expect(loaded.run.id).toBe('runAbc123');
    expect(loaded.bytes).toBe(new TextEncoder().encode(RUN_TEXT).length);
    expect(Math.abs(loaded.receivedAt - Date.now())).toBeLessThan(5000);
    expect(fake.calls).toHaveLength(1);
    const request = fake.calls[0] as Request;
    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://api.diga.io/v1/workflow/executions/runAbc123');
    expect(request.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request.credentials).toBe('omit');
    expect(request.cache).toBe('no-store');
    expect(request.referrerPolicy).toBe('no-referrer');
    expect(request.url).not.toContain(TOKEN);
  });

  it('URL-encodes the run ID into one path segment', async () => {
    const fake = fakeFetch(json(200, RUN_TEXT));
    await fetchRun('a/b?c#d e', { fetchImpl: fake.impl });
    expect(fake.calls[0]?.url).toBe('https://api.diga.io/v1/workflow/executions/a%2Fb%3Fc%23d%20e');
  });

  it('refuses dot-segment IDs without a request', async () => {
    const fake = fakeFetch(json(200, RUN_TEXT));
    for (const id of ['..', '.', '']) {
      expect((await failure(fetchRun(id, { fetchImpl: fake.impl }))).kind).toBe('not-found');
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('uses the configured base, including a path prefix', async () => {
    await loadConfig(async () => new Response('{"apiBase":"https://proxy.example.test/diga/"}'), {
      DEV: false,
      BASE_URL: '/',
    });
    const fake = fakeFetch(json(200, RUN_TEXT));
    await fetchRun('r1', { fetchImpl: fake.impl });
    expect(fake.calls[0]?.url).toBe('https://proxy.example.test/diga/v1/workflow/executions/r1');
    expect(fake.calls[0]?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('keeps the body-text order of integer-like step names', async () => {
    const text =
      '{"id":"r","flowId":"f","status":"SUCCEEDED","created":"","updated":"",' +
      '"steps":{"trigger":{},"2024":{},"step_1":{},"1":{}}}';
    const loaded = await fetchRun('r', { fetchImpl: fakeFetch(json(200, text)).impl });
    expect(orderedKeys(loaded.run.steps as object, '/steps', loaded.keyOrder)).toEqual([
      'trigger',
      '2024',
      'step_1',
      '1',
    ]);
  });

  it('accepts a JSON body without a content type, or with a +json type and charset', async () => {
    await expect(
      fetchRun('r', { fetchImpl: fakeFetch(answer(200, RUN_TEXT)).impl }),
    ).resolves.toBeTruthy();
    const problem = fakeFetch(
      answer(200, RUN_TEXT, { 'Content-Type': 'application/vnd.diga+json; charset=utf-8' }),
    );
    await expect(fetchRun('r', { fetchImpl: problem.impl })).resolves.toBeTruthy();
  });

  it('marks inspector:response and inspector:parsed', async () => {
    const markSpy = vi.spyOn(performance, 'mark');
    await fetchRun('r', { fetchImpl: fakeFetch(json(200, RUN_TEXT)).impl });
    expect(markSpy.mock.calls.map((call) => call[0])).toEqual([
      'inspector:response',
      'inspector:parsed',
    ]);
  });

  it('survives an environment without performance.mark', async () => {
    vi.stubGlobal('performance', undefined);
    try {
      await expect(
        fetchRun('r', { fetchImpl: fakeFetch(json(200, RUN_TEXT)).impl }),
      ).resolves.toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('fetchRun: error kinds', () => {
  it('no token: no request at all', async () => {
    forgetToken();
    const fake = fakeFetch(json(200, RUN_TEXT));
    const error = await failure(fetchRun('r', { fetchImpl: fake.impl }));
    expect(error.kind).toBe('no-token');
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [408, 'timeout'],
    [400, 'http'],
    [409, 'http'],
    [418, 'http'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [599, 'server'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    const error = await failure(
      fetchRun('runAbc123', {
        fetchImpl: fakeFetch(json(status, `{"statusCode":${status},"message":"nope"}`)).impl,
      }),
    );
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.runId).toBe('runAbc123');
    expect(error.message).toContain(String(status));
    expect(error.rawBody).toBe(`{"statusCode":${status},"message":"nope"}`);
    expectNoToken(error);
  });

  it('404 names the run', async () => {
    const error = await failure(
      fetchRun('runAbc123', { fetchImpl: fakeFetch(json(404, '{}')).impl }),
    );
    expect(error.message).toBe('Run not found (HTTP 404): runAbc123');
  });

  it('5xx keeps a gateway HTML page as raw text with its content type', async () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    const error = await failure(
      fetchRun('r', {
        fetchImpl: fakeFetch(answer(502, html, { 'Content-Type': 'text/html' })).impl,
      }),
    );
    expect(error.kind).toBe('server');
    expect(error.message).toBe('HTTP 502 from the API.');
    expect(error.contentType).toBe('text/html');
    expect(error.rawBody).toBe(html);
  });

  it('422: the FastAPI validation details', async () => {
    const body = JSON.stringify({
      detail: [
        {
          loc: ['path', 'run_id'],
          msg: 'String should have at most 64 characters',
          type: 'string_too_long',
        },
        { loc: ['query', 0], msg: 'bad', type: 'value_error' },
      ],
    });
    const error = await failure(fetchRun('r', { fetchImpl: fakeFetch(json(422, body)).impl }));
    expect(error.kind).toBe('validation');
    expect(error.validation).toEqual([
      {
        location: 'path.run_id',
        message: 'String should have at most 64 characters',
        type: 'string_too_long',
      },
      { location: 'query.0', message: 'bad', type: 'value_error' },
    ]);
    expect(error.message).toBe(
      'The API rejected the request (HTTP 422): path.run_id: String should have at most 64 characters',
    );
  });

  it('429: Retry-After in seconds', async () => {
    const error = await failure(
      fetchRun('r', { fetchImpl: fakeFetch(json(429, '{}', { 'Retry-After': '8' })).impl }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(8000);
    expect(error.message).toBe('Too many requests (HTTP 429). The API asks to wait 8 s.');
  });

  it('429: Retry-After as an HTTP date', async () => {
    const inTwentySeconds = new Date(Date.now() + 20_000).toUTCString();
    const error = await failure(
      fetchRun('r', {
        fetchImpl: fakeFetch(json(429, '', { 'Retry-After': inTwentySeconds })).impl,
      }),
    );
    expect(error.retryAfterMs).toBeGreaterThan(17_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it('a fetch TypeError (offline, DNS, CORS) → network', async () => {
    const fake = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(fetchRun('r', { fetchImpl: fake.impl }));
    expect(error.kind).toBe('network');
    expect(error.status).toBeNull();
    expect(error.message).toMatch(/could not be reached from this browser/);
    expect(error.message).toMatch(/CORS/);
  });

  it('a 50-character HTML body at 200 → unexpected, with status and content type', async () => {
    const html = '<html><body>Please sign in to go on.</body></html>';
    expect(html).toHaveLength(50);
    const error = await failure(
      fetchRun('r', {
        fetchImpl: fakeFetch(answer(200, html, { 'Content-Type': 'text/html; charset=utf-8' }))
          .impl,
      }),
    );
    expect(error.kind).toBe('unexpected');
    expect(error.status).toBe(200);
    expect(error.contentType).toBe('text/html; charset=utf-8');
    expect(error.rawBody).toBe(html);
    expect(error.message).toBe('The response is not JSON (HTTP 200, text/html).');
  });

  it('204 → unexpected', async () => {
    const error = await failure(fetchRun('r', { fetchImpl: fakeFetch(answer(204, null)).impl }));
    expect(error.kind).toBe('unexpected');
    expect(error.status).toBe(204);
    expect(error.message).toBe('The response is empty (HTTP 204, no content type).');
  });

  it('an empty 200 → unexpected', async () => {
    const error = await failure(fetchRun('r', { fetchImpl: fakeFetch(json(200, '')).impl }));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toBe('The response is empty (HTTP 200, application/json).');
  });

  it('invalid JSON at 200 → unexpected, without the parser message as headline', async () => {
    const error = await failure(
      fetchRun('r', { fetchImpl: fakeFetch(json(200, '{"id": "r", "steps": {')).impl }),
    );
    expect(error.kind).toBe('unexpected');
    expect(error.message).toBe('The response is not valid JSON (HTTP 200, application/json).');
    expect(error.rawBody).toBe('{"id": "r", "steps": {');
  });

  it('JSON that breaks the contract → unexpected with the contract issues', async () => {
    const body = JSON.stringify({ ...RUN, flowId: 7, steps: [] });
    const error = await failure(fetchRun('r', { fetchImpl: fakeFetch(json(200, body)).impl }));
    expect(error.kind).toBe('unexpected');
    expect(error.contractIssues).toEqual([
      'flowId: expected a string, got number',
      'steps: expected an object or null, got array',
    ]);
    expect(error.message).toBe(
      'The response does not match the API contract (HTTP 200, application/json): 2 problems.',
    );
    expect(error.rawBody).toBe(body);
  });

  it('caps a huge raw body at 256 KB with a note', async () => {
    const body = 'x'.repeat(3 * 1024 * 1024);
    const error = await failure(fetchRun('r', { fetchImpl: fakeFetch(answer(500, body)).impl }));
    expect(error.rawBody?.length).toBeLessThan(256 * 1024 + 200);
    expect(error.rawBody).toMatch(/first 256 KB of 3\.0 MB/);
  });

  it('never puts the token into an error, even when the server echoes it', async () => {
    const echo = `Authorization: Bearer ${TOKEN} was rejected`;
    for (const handler of [
      answer(500, echo, { 'Content-Type': 'text/plain' }),
      answer(200, echo, { 'Content-Type': 'text/plain' }),
      json(401, JSON.stringify({ message: echo })),
      json(422, JSON.stringify({ detail: [{ loc: [TOKEN], msg: echo, type: 'x' }] })),
      json(200, JSON.stringify({ ...RUN, id: 5, flowId: TOKEN })),
    ]) {
      const error = await failure(fetchRun('r', { fetchImpl: fakeFetch(handler).impl }));
      expectNoToken(error);
    }
  });
});

describe('fetchRun: timeout and cancellation', () => {
  function hanging(): ReturnType<typeof fakeFetch> {
    return fakeFetch(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
  }

  it('times out while waiting for headers → timeout', async () => {
    const fake = hanging();
    const error = await failure(fetchRun('r', { fetchImpl: fake.impl, timeoutMs: 30 }));
    expect(error.kind).toBe('timeout');
    expect(error.status).toBeNull();
    expect(fake.calls[0]?.signal.aborted).toBe(true);
  });

  it('times out even when the fetch implementation ignores the signal', async () => {
    const fake = fakeFetch(() => new Promise<Response>(() => undefined));
    expect((await failure(fetchRun('r', { fetchImpl: fake.impl, timeoutMs: 30 }))).kind).toBe(
      'timeout',
    );
  });

  it('does not time out once the headers have arrived', async () => {
    vi.useFakeTimers();
    try {
      let push: (text: string) => void = () => undefined;
      let close: () => void = () => undefined;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text));
          close = () => controller.close();
        },
      });
      const fake = fakeFetch(
        () => new Response(stream, { headers: { 'Content-Type': 'application/json' } }),
      );
      const pending = fetchRun('r', { fetchImpl: fake.impl, timeoutMs: 1000 });
      await vi.advanceTimersByTimeAsync(10);
      push(RUN_TEXT.slice(0, 20));
      await vi.advanceTimersByTimeAsync(5000);
      push(RUN_TEXT.slice(20));
      close();
      await expect(pending).resolves.toMatchObject({ run: { id: 'runAbc123' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a caller abort before the headers surfaces as an AbortError, not an ApiError', async () => {
    const fake = hanging();
    const controller = new AbortController();
    const pending = fetchRun('r', { fetchImpl: fake.impl, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
    expect(fake.calls[0]?.signal.aborted).toBe(true);
  });

  it('a caller abort while the body downloads surfaces as an AbortError', async () => {
    const controller = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"id":'));
      },
    });
    const fake = fakeFetch(
      () => new Response(stream, { headers: { 'Content-Type': 'application/json' } }),
    );
    const pending = fetchRun('r', { fetchImpl: fake.impl, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it('an already aborted signal makes no request', async () => {
    const fake = fakeFetch(json(200, RUN_TEXT));
    const error = await fetchRun('r', { fetchImpl: fake.impl, signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect((error as DOMException).name).toBe('AbortError');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('isApiUrl (where the token may go)', () => {
  it.each([
    ['https://api.diga.io/v1/workflow/executions/x', 'https://api.diga.io', true],
    ['https://API.diga.io:443/v1/x', 'https://api.diga.io', true],
    ['https://api.diga.io.evil.example/v1/x', 'https://api.diga.io', false],
    ['http://api.diga.io/v1/x', 'https://api.diga.io', false],
    ['https://elsewhere.example/v1/x', 'https://api.diga.io', false],
    ['https://proxy.test/diga/v1/x', 'https://proxy.test/diga', true],
    ['https://proxy.test/digax/v1/x', 'https://proxy.test/diga', false],
    ['https://proxy.test/other', 'https://proxy.test/diga', false],
  ])('%s under %s → %s', (url, base, expected) => {
    expect(isApiUrl(url, base)).toBe(expected);
  });

  it('resolves a same-origin base against the page', () => {
    vi.stubGlobal('location', new URL('https://inspector.example.test/runs/x'));
    try {
      expect(isApiUrl('https://inspector.example.test/demo-api/v1/x', '/demo-api')).toBe(true);
      expect(isApiUrl('https://inspector.example.test/v1/x', '')).toBe(true);
      expect(isApiUrl('https://other.example.test/demo-api/v1/x', '/demo-api')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('loadRunFromText', () => {
  it('parses and validates a run from a file or a paste', () => {
    const loaded = loadRunFromText(`\ufeff${RUN_TEXT}`);
    expect(loaded.run.flowId).toBe('flowXyz');
    expect(loaded.bytes).toBeGreaterThan(100);
  });

  it('throws the same unexpected ApiError for text that is not a run', () => {
    const cases: [string, string][] = [
      ['', 'The run data is empty.'],
      ['hello', 'The run data is not valid JSON.'],
      ['[1,2]', 'The run data does not match the API contract: 1 problem.'],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        loadRunFromText(text, { runId: 'r9' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ApiError);
      expect((caught as ApiError).kind).toBe('unexpected');
      expect((caught as ApiError).message).toBe(message);
      expect((caught as ApiError).runId).toBe('r9');
      expect((caught as ApiError).status).toBeNull();
    }
  });
});

describe('parseRetryAfter and parseValidationDetail', () => {
  it('parses seconds and HTTP dates, and rejects garbage', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('tolerates a string detail, an object detail and odd shapes', () => {
    expect(parseValidationDetail('{"detail":"Run ID too long"}')).toEqual([
      { location: '', message: 'Run ID too long', type: '' },
    ]);
    expect(parseValidationDetail('{"detail":{"msg":"bad","loc":"path"}}')).toEqual([
      { location: 'path', message: 'bad', type: '' },
    ]);
    expect(parseValidationDetail('{"detail":[null, 5, {"loc":[{}],"type":7}]}')).toEqual([
      { location: '', message: '5', type: '' },
      { location: '', message: '{"loc":[{}],"type":7}', type: '' },
    ]);
    expect(parseValidationDetail('Unprocessable')).toEqual([
      { location: '', message: 'Unprocessable', type: '' },
    ]);
    expect(parseValidationDetail('')).toEqual([]);
  });
});
