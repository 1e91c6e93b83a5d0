import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoApi, errorKindOf, withRunId } from './demo-api.ts';
import { parseFixtureScenarios, parseHostileScenarios } from './demo-catalog.ts';

const root = process.cwd();
const token = 'Bearer demo-token';
const fixture = (name: string) => readFileSync(path.join(root, 'src/test/fixtures', name), 'utf8');

function createApi(now = () => Date.parse('2026-02-10T09:00:00.000Z')) {
  return new DemoApi({ root, liveScale: 1, now });
}

/** `authorization: null` sends no Authorization header at all. */
const get = (api: DemoApi, runId: string, authorization: string | null = token) =>
  api.handle({
    method: 'GET',
    url: `/v1/workflow/executions/${encodeURIComponent(runId)}`,
    authorization: authorization ?? undefined,
  });

describe('DemoApi executions', () => {
  it('rejects a missing or empty bearer token with 401 Not authenticated', () => {
    const api = createApi();
    for (const authorization of [null, '', 'Bearer ', 'Bearer    ', 'Basic abc']) {
      const response = get(api, 'bsCwzYxMT3gWDcEwIVioD', authorization);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({ detail: 'Not authenticated' });
      expect(response.headers['WWW-Authenticate']).toBe('Bearer');
    }
  });

  it('serves a fixture as its file text, byte for byte', () => {
    const response = get(createApi(), 'bsCwzYxMT3gWDcEwIVioD');
    expect(response.status).toBe(200);
    expect(response.body).toBe(fixture('01-happy-path.json'));
    expect(response.headers).toMatchObject({
      'Cache-Control': 'no-store',
      'Content-Type': 'application/json',
    });
  });

  it('answers 404 Run not found for unknown IDs', () => {
    const response = get(createApi(), 'noSuchRun');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ detail: 'Run not found' });
  });

  it('plays the expiry sequence per run ID: 200, then 401 for good', () => {
    const api = createApi();
    const statuses = [1, 2, 3].map(() => get(api, 'demoSeq-expire-x1').status);
    expect(statuses).toEqual([200, 401, 401]);
    expect(get(api, 'demoSeq-expire-x2').status).toBe(200);
    expect(JSON.parse(get(api, 'demoSeq-expire-x1').body)).toEqual({
      statusCode: 401,
      message: 'Unauthorized',
    });
  });

  it('counts requests per ID and forgets them on reset', () => {
    const api = createApi();
    get(api, 'demoSeq-flaky-n');
    get(api, 'demoSeq-flaky-n', null);
    const count = api.handle({ method: 'GET', url: '/__requests?id=demoSeq-flaky-n' });
    expect(JSON.parse(count.body)).toEqual({ count: 2 });
    // The unauthenticated request did not advance the sequence: the next one is the 503.
    expect(get(api, 'demoSeq-flaky-n').status).toBe(503);
    expect(api.handle({ method: 'POST', url: '/__reset?id=demoSeq-flaky-n' }).status).toBe(200);
    expect(api.requestCount('demoSeq-flaky-n')).toBe(0);
    expect(get(api, 'demoSeq-flaky-n').status).toBe(200);
    expect(api.handle({ method: 'GET', url: '/__reset' }).status).toBe(405);
  });

  it('maps demoErr IDs (with an optional nonce) to their kinds', () => {
    expect(errorKindOf('demoErr-502-html')).toBe('502-html');
    expect(errorKindOf('demoErr-503-abc')).toBe('503');
    expect(errorKindOf('demoErr-html200')).toBe('html200');
    expect(errorKindOf('demoErr-nope')).toBeNull();
    expect(errorKindOf('bsCwzYxMT3gWDcEwIVioD')).toBeNull();
  });

  it('follows the live run from its first request', () => {
    let now = Date.parse('2026-02-10T09:00:00.000Z');
    const api = createApi(() => now);
    const status = () => (JSON.parse(get(api, 'demoLive-t').body) as { status: string }).status;
    expect(status()).toBe('QUEUED');
    now += 4000;
    expect(status()).toBe('RUNNING');
    now += 9000;
    expect(status()).toBe('SUCCEEDED');
  });
});

describe('DemoApi runs list', () => {
  it('lists every fixture and hostile body with its scenario, plus the live run', () => {
    const runs = createApi().runs();
    const happy = runs.find((run) => run.id === 'bsCwzYxMT3gWDcEwIVioD');
    expect(happy).toEqual({
      id: 'bsCwzYxMT3gWDcEwIVioD',
      flowDisplayName: 'New order to CRM, Sheets and Slack',
      status: 'SUCCEEDED',
      scenario: 'Webhook order → CRM lookup (HTTP), code step, Sheets row, Slack message',
      group: 'example',
    });
    expect(runs.find((run) => run.id === 'demoLiveRun')).toMatchObject({
      group: 'example',
      status: 'QUEUED',
    });
    expect(runs.find((run) => run.id === 'hostileRun01')).toMatchObject({
      group: 'hostile',
      scenario: 'steps: null (purged or never recorded)',
    });
    expect(runs.filter((run) => run.group === 'example')).toHaveLength(19);
    // One per .json body in e2e/data/hostile (the set grows as cases are added).
    const hostileBodies = readdirSync(path.join(root, 'e2e/data/hostile')).filter((f) =>
      f.endsWith('.json'),
    );
    expect(runs.filter((run) => run.group === 'hostile')).toHaveLength(hostileBodies.length);
  });
});

describe('README parsing and id rewriting', () => {
  it('reads the scenario column and the hostile headings', () => {
    const fixtures = parseFixtureScenarios(
      '| File | Scenario |\n|---|---|\n| `08-queued.json` | Run not started | x |',
    );
    expect(fixtures.get('08-queued.json')).toBe('Run not started');
    const hostile = parseHostileScenarios('## 05 · Zero-length run (division by zero)\n');
    expect(hostile.get('05')).toBe('Zero-length run (division by zero)');
  });

  it('replaces only the top-level id and keeps the rest of the text', () => {
    const text = '{\n  "id": "old",\n  "steps": {"a": {"id": "old"}}\n}';
    expect(withRunId(text, 'new"one')).toBe(
      '{\n  "id": "new\\"one",\n  "steps": {"a": {"id": "old"}}\n}',
    );
  });
});
