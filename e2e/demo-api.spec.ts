/**
 * The built-in demo API over real HTTP, against the `vite preview` server the other e2e tests use
 * (playwright.config.ts sets DEMO_LIVE_SCALE=0.33, so the live run takes ~4 s here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';

const API = '/demo-api/v1/workflow/executions';
const AUTH = { Authorization: 'Bearer e2e-demo-token' };
const STATUSES = [
  'QUEUED',
  'RUNNING',
  'PAUSED',
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'CANCELED',
  'INTERNAL_ERROR',
  'QUOTA_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
];

interface RunFile {
  file: string;
  text: string;
  id: string;
}

function runFiles(dir: string): RunFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { file: name, text, id: (JSON.parse(text) as { id: string }).id };
    });
}

const fixtures = runFiles('src/test/fixtures');
const hostile = runFiles('e2e/data/hostile');
const hostileHtml = readFileSync('e2e/data/hostile/23-non-json-body.txt', 'utf8');
const fixtureScenarios = readFileSync('src/test/fixtures/README.md', 'utf8');
const byFile = (runs: RunFile[], name: string): RunFile =>
  runs.find((run) => run.file === name) as RunFile;

/** A fresh ID per test (and per retry), so counters and clocks never leak between tests. */
const nonce = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

const getRun = (request: APIRequestContext, id: string, headers: Record<string, string> = AUTH) =>
  request.get(`${API}/${encodeURIComponent(id)}`, { headers });

async function requestCount(request: APIRequestContext, id: string): Promise<number> {
  const response = await request.get(`/demo-api/__requests?id=${encodeURIComponent(id)}`);
  return ((await response.json()) as { count: number }).count;
}

/** What a strict client checks before showing a body: the FlowRunDetailResponse envelope. */
function contractProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of ['id', 'flowId', 'created', 'updated']) {
    if (typeof body[key] !== 'string') problems.push(`${key} is not a string`);
  }
  if (!STATUSES.includes(String(body.status)))
    problems.push(`unknown status ${String(body.status)}`);
  for (const key of ['created', 'updated', 'startTime', 'finishTime']) {
    const value = body[key];
    if (value !== undefined && value !== null && Number.isNaN(Date.parse(String(value)))) {
      problems.push(`${key} is not a date`);
    }
  }
  for (const key of ['duration', 'stepsCount']) {
    const value = body[key];
    if (value !== undefined && value !== null && !Number.isInteger(value))
      problems.push(`${key} is not an integer`);
  }
  if (body.steps !== null && (typeof body.steps !== 'object' || Array.isArray(body.steps))) {
    problems.push('steps is not an object');
  }
  return problems;
}

interface LiveSnapshot {
  atMs: number;
  body: Record<string, unknown> & {
    status: string;
    steps: Record<string, Record<string, unknown>>;
  };
  cacheControl: string | undefined;
}

/** Polls a live run every 150 ms until it succeeds (or the time is up), keeping every answer. */
async function followLiveRun(
  request: APIRequestContext,
  id: string,
  limitMs: number,
): Promise<LiveSnapshot[]> {
  const snapshots: LiveSnapshot[] = [];
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const response = await getRun(request, id);
    const body = (await response.json()) as LiveSnapshot['body'];
    snapshots.push({
      atMs: Date.now() - started,
      body,
      cacheControl: response.headers()['cache-control'],
    });
    if (body.status === 'SUCCEEDED') break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return snapshots;
}

const collapse = (values: string[]) => values.filter((value, index) => value !== values[index - 1]);

async function statusesOf(
  request: APIRequestContext,
  id: string,
  times: number,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i += 1) statuses.push((await getRun(request, id)).status());
  return statuses;
}

function expectNoStoreJson(response: APIResponse) {
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['content-type']).toBe('application/json');
}

/** config.json: a real file in dist/ wins over the demo's answer. */
function expectedConfig(): unknown {
  const real = 'dist/config.json';
  return existsSync(real)
    ? JSON.parse(readFileSync(real, 'utf8'))
    : { apiBase: '/demo-api', demo: true };
}

test.describe('demo API: auth and fixtures', () => {
  test('a request without a token is rejected with 401 and a Bearer challenge', async ({
    request,
  }) => {
    const { id } = byFile(fixtures, '01-happy-path.json');
    const missingTokens: Record<string, string>[] = [
      {},
      { Authorization: '' },
      { Authorization: 'Bearer ' },
    ];
    for (const headers of missingTokens) {
      const response = await getRun(request, id, headers);
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ detail: 'Not authenticated' });
      expect(response.headers()['www-authenticate']).toBe('Bearer');
      expectNoStoreJson(response);
    }
  });

  test('an unknown run ID answers 404 Run not found', async ({ request }) => {
    const response = await getRun(request, `noSuchRun-${nonce()}`);
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Run not found' });
    expectNoStoreJson(response);
  });

  test('every fixture and hostile body is served byte for byte under its id', async ({
    request,
  }) => {
    expect(fixtures).toHaveLength(18);
    for (const run of [...fixtures, ...hostile]) {
      const response = await getRun(request, run.id);
      expect(response.status(), run.file).toBe(200);
      expectNoStoreJson(response);
      expect(
        (await response.body()).equals(Buffer.from(run.text, 'utf8')),
        `${run.file} differs from the file`,
      ).toBe(true);
    }
  });
});

test.describe('demo API: the live run', () => {
  test('goes QUEUED, then RUNNING step by step, then SUCCEEDED, valid at every stage', async ({
    request,
  }) => {
    const id = `demoLive-${nonce()}`;
    const snapshots = await followLiveRun(request, id, 15_000);
    const statuses = snapshots.map((snapshot) => snapshot.body.status);

    expect(collapse(statuses)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    for (const { body, cacheControl } of snapshots) {
      expect(contractProblems(body), JSON.stringify(body).slice(0, 200)).toEqual([]);
      expect(body.id).toBe(id);
      expect(cacheControl).toBe('no-store');
    }

    const queued = snapshots.filter((snapshot) => snapshot.body.status === 'QUEUED');
    for (const { body } of queued) {
      expect(body).not.toHaveProperty('startTime');
      expect(body.steps).toEqual({});
    }

    const running = snapshots.filter((snapshot) => snapshot.body.status === 'RUNNING');
    const stepCounts = running.map((snapshot) => Object.keys(snapshot.body.steps).length);
    // Steps appear one by one (and never disappear): trigger, then 4 more.
    expect(stepCounts).toEqual([...stepCounts].sort((a, b) => a - b));
    expect(new Set(stepCounts).size).toBeGreaterThanOrEqual(4);
    for (const { body } of running) {
      expect(body.finishTime).toBeNull();
      expect(Date.parse(String(body.startTime))).toBeGreaterThanOrEqual(
        Date.parse(String(body.created)),
      );
      expect(Object.keys(body.steps)[0]).toBe('trigger');
      const current = Object.values(body.steps).filter((step) => step.status === 'RUNNING');
      expect(current.length).toBeLessThanOrEqual(1);
      expect(current.filter((step) => 'duration' in step)).toEqual([]);
    }
    expect(
      running.some(({ body }) =>
        Object.values(body.steps).some((step) => step.status === 'RUNNING'),
      ),
    ).toBe(true);

    const done = snapshots.at(-1)?.body;
    expect(done?.status).toBe('SUCCEEDED');
    const span = Date.parse(String(done?.finishTime)) - Date.parse(String(done?.startTime));
    expect(done?.duration).toBe(span);
    const steps = Object.values(done?.steps ?? {});
    expect(steps.map((step) => step.type)).toEqual(
      expect.arrayContaining(['PIECE_TRIGGER', 'PIECE', 'CODE']),
    );
    expect(steps.every((step) => step.status === 'SUCCEEDED')).toBe(true);
    // Scaled by DEMO_LIVE_SCALE=0.33: ~1 s queued + ~3 s running instead of ~3 s + ~9 s.
    const created = Date.parse(String(done?.created));
    const reusedServer =
      'scale off: is a `vite preview` without DEMO_LIVE_SCALE=0.33 on port 4173 being reused?';
    expect(Date.parse(String(done?.finishTime)) - created, reusedServer).toBeGreaterThan(3_000);
    expect(Date.parse(String(done?.finishTime)) - created, reusedServer).toBeLessThan(5_000);
  });

  test('keeps one clock per run ID', async ({ request }) => {
    const first = `demoLive-${nonce()}`;
    await getRun(request, first);
    await expect
      .poll(
        async () => ((await (await getRun(request, first)).json()) as { status: string }).status,
        {
          timeout: 5_000,
        },
      )
      .toBe('RUNNING');
    const second = await getRun(request, `demoLive-${nonce()}`);
    expect(((await second.json()) as { status: string }).status).toBe('QUEUED');
  });
});

test.describe('demo API: scripted sequences', () => {
  test('expire: the running body once, then 401 Unauthorized on every request', async ({
    request,
  }) => {
    const id = `demoSeq-expire-${nonce()}`;
    const first = await getRun(request, id);
    expect(first.status()).toBe(200);
    const body = (await first.json()) as Record<string, unknown>;
    const original = JSON.parse(
      byFile(hostile, '25-auth-expiry-while-running.json').text,
    ) as Record<string, unknown>;
    expect(body).toEqual({ ...original, id });
    expect(Object.keys(body)).toEqual(Object.keys(original));
    for (let i = 0; i < 3; i += 1) {
      const later = await getRun(request, id);
      expect(later.status()).toBe(401);
      expect(await later.json()).toEqual({ statusCode: 401, message: 'Unauthorized' });
    }
    expect(await requestCount(request, id)).toBe(4);
  });

  test('missing: 200, then 404 Run not found', async ({ request }) => {
    const id = `demoSeq-missing-${nonce()}`;
    expect(await statusesOf(request, id, 3)).toEqual([200, 404, 404]);
    expect(await (await getRun(request, id)).json()).toEqual({ detail: 'Run not found' });
  });

  test('flaky: 200, a single 503, then 200 again', async ({ request }) => {
    const id = `demoSeq-flaky-${nonce()}`;
    expect(await statusesOf(request, id, 5)).toEqual([200, 503, 200, 200, 200]);
    const again = (await (await getRun(request, id)).json()) as { id: string; status: string };
    expect(again).toMatchObject({ id, status: 'RUNNING' });
  });

  test('slow: answers after about 1.5 s', async ({ request }) => {
    const id = `demoSeq-slow-${nonce()}`;
    const started = Date.now();
    const response = await getRun(request, id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(id);
  });

  test('counts requests per ID, and a scoped reset restarts the sequence', async ({ request }) => {
    const id = `demoSeq-missing-${nonce()}`;
    expect(await requestCount(request, id)).toBe(0);
    await getRun(request, id, {});
    expect(await statusesOf(request, id, 2)).toEqual([200, 404]);
    expect(await requestCount(request, id)).toBe(3);
    const reset = await request.post(`/demo-api/__reset?id=${id}`);
    expect(reset.ok()).toBe(true);
    expect(await requestCount(request, id)).toBe(0);
    expect(await statusesOf(request, id, 1)).toEqual([200]);
  });
});

// Error IDs get a nonce suffix here, so these tests never move the request counters that the UI
// tests read for the plain IDs (e.g. demoErr-html200).
test.describe('demo API: error kinds', () => {
  const jsonErrors: [string, number, unknown][] = [
    ['demoErr-401', 401, { detail: 'Invalid or expired token' }],
    ['demoErr-403', 403, { detail: 'Not enough permissions to read this run' }],
    [
      'demoErr-422',
      422,
      {
        detail: [
          {
            loc: ['path', 'run_id'],
            msg: 'String should have at most 64 characters',
            type: 'string_too_long',
          },
        ],
      },
    ],
    ['demoErr-429', 429, { detail: 'Too many requests' }],
    ['demoErr-500', 500, { detail: 'Internal Server Error' }],
    ['demoErr-503', 503, { detail: 'Service temporarily unavailable' }],
  ];
  for (const [id, status, body] of jsonErrors) {
    test(`${id} answers ${status} with a JSON body`, async ({ request }) => {
      const response = await getRun(request, `${id}-${nonce()}`);
      expect(response.status()).toBe(status);
      expectNoStoreJson(response);
      expect(await response.json()).toEqual(body);
    });
  }

  test('429 says when to retry, 401 challenges the token', async ({ request }) => {
    expect((await getRun(request, `demoErr-429-${nonce()}`)).headers()['retry-after']).toBe('1');
    expect(
      (await getRun(request, `demoErr-401-${nonce()}`)).headers()['www-authenticate'],
    ).toContain('Bearer');
  });

  test('HTML instead of JSON: a 502 gateway page and a 200 text/html', async ({ request }) => {
    for (const [id, status] of [
      ['demoErr-502-html', 502],
      ['demoErr-html200', 200],
    ] as const) {
      const response = await getRun(request, `${id}-${nonce()}`);
      expect(response.status()).toBe(status);
      expect(response.headers()['content-type']).toContain('text/html');
      expect(response.headers()['cache-control']).toBe('no-store');
      expect(await response.text()).toBe(hostileHtml);
    }
  });

  test('empty 200 and 204 carry no body', async ({ request }) => {
    const empty = await getRun(request, `demoErr-empty200-${nonce()}`);
    expect(empty.status()).toBe(200);
    expect(await empty.text()).toBe('');
    const noContent = await getRun(request, `demoErr-204-${nonce()}`);
    expect(noContent.status()).toBe(204);
    expect(await noContent.text()).toBe('');
  });

  test('a body that breaks the contract, and truncated JSON', async ({ request }) => {
    const contract = await getRun(request, `demoErr-contract-${nonce()}`);
    expect(contract.status()).toBe(200);
    const body = (await contract.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('flowId');
    expect(body.status).toBe(42);
    expect(contractProblems(body)).toEqual(
      expect.arrayContaining(['flowId is not a string', 'unknown status 42']),
    );

    const truncated = await getRun(request, `demoErr-badjson-${nonce()}`);
    expect(truncated.status()).toBe(200);
    expectNoStoreJson(truncated);
    const text = await truncated.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('error IDs accept a nonce so each test counts its own requests', async ({ request }) => {
    const id = `demoErr-503-${nonce()}`;
    expect(await statusesOf(request, id, 2)).toEqual([503, 503]);
    expect(await requestCount(request, id)).toBe(2);
  });
});

test.describe('demo API: run list, config and SPA fallback', () => {
  test('lists the examples, the live run and the hostile bodies, without a token', async ({
    request,
  }) => {
    const response = await request.get('/demo-api/runs');
    expect(response.status()).toBe(200);
    expectNoStoreJson(response);
    const runs = (await response.json()) as {
      id: string;
      flowDisplayName: string | null;
      status: string;
      scenario: string;
      group: string;
    }[];
    for (const fixture of fixtures) {
      const body = JSON.parse(fixture.text) as { flowDisplayName: string; status: string };
      const run = runs.find((candidate) => candidate.id === fixture.id);
      expect(run, fixture.file).toMatchObject({
        group: 'example',
        flowDisplayName: body.flowDisplayName,
        status: body.status,
      });
      // The scenario is the fixtures README's Scenario cell for that file.
      expect(fixtureScenarios).toContain(`| \`${fixture.file}\` | ${run?.scenario} |`);
    }
    expect(runs.find((run) => run.id === 'demoLiveRun')).toMatchObject({ group: 'example' });
    expect(runs.filter((run) => run.group === 'hostile').map((run) => run.id)).toEqual(
      hostile.map((run) => run.id),
    );
    expect(runs.every((run) => run.scenario.trim().length > 0)).toBe(true);
  });

  test('config.json points the app at the demo API, uncached', async ({ request }) => {
    const response = await request.get('/config.json');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual(expectedConfig());
    expect(response.headers()['cache-control']).toMatch(/no-store|no-cache/);
  });

  test('a deep link with a step path gets the app shell', async ({ request }) => {
    const response = await request.get('/runs/abc?step=loop_rows%5B3%5D.update_contact', {
      headers: { Accept: 'text/html' },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
    expect(await response.text()).toContain('<div id="root">');
  });
});
