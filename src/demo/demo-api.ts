/**
 * The demo API's behaviour, independent of Vite: routing, auth, fixture bodies, the live run,
 * scripted sequences and error kinds. demo-api-plugin.ts mounts it at `<base>demo-api`.
 * Node-side only; never imported by browser code.
 *
 * Routes (relative to the mount point):
 * - GET  /v1/workflow/executions/{run_id}   the real contract (Bearer token required)
 * - GET  /runs                              the demo's run list (no token)
 * - GET  /__requests?id=<id>                {"count": n} execution requests seen for that ID
 * - POST /__reset[?id=<id>]                 forget counters and live clocks (all, or one ID)
 */
import { readFileSync } from 'node:fs';
import { type DemoCatalog, type DemoRunGroup, loadDemoCatalog } from './demo-catalog.ts';
import {
  isLiveRunId,
  LIVE_RUN_FLOW_NAME,
  LIVE_RUN_ID,
  LIVE_RUN_SCENARIO,
  LiveClocks,
  liveRunBody,
} from './live-run.ts';

export interface DemoRequest {
  method: string;
  /** Path and query relative to the mount point, e.g. `/v1/workflow/executions/abc?x=1`. */
  url: string;
  /** The raw `Authorization` header, if any. */
  authorization?: string | undefined;
}

export interface DemoResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Wait this long before answering (the slow sequence). */
  delayMs?: number;
}

export interface DemoRunSummary {
  id: string;
  flowDisplayName: string | null;
  status: string;
  scenario: string;
  group: DemoRunGroup;
}

export interface DemoApiOptions {
  /** Project root: fixtures are read from `<root>/src/test/fixtures`, `<root>/e2e/data/hostile`. */
  root: string;
  /** Multiplier for the live run's timing (DEMO_LIVE_SCALE). */
  liveScale: number;
  /** Clock, for tests. */
  now?: () => number;
}

const NO_STORE = 'no-store';
const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';
export const SLOW_SEQUENCE_DELAY_MS = 1500;

const EXECUTIONS_PATH = /^\/v1\/workflow\/executions\/([^/]+)$/;
const SEQUENCE_ID = /^demoSeq-(expire|missing|flaky|slow)(?:-.*)?$/;

type ErrorKind =
  | '401'
  | '403'
  | '422'
  | '429'
  | '500'
  | '502-html'
  | '503'
  | 'html200'
  | 'empty200'
  | '204'
  | 'contract'
  | 'badjson';

const ERROR_KINDS: readonly ErrorKind[] = [
  '401',
  '403',
  '422',
  '429',
  '500',
  '502-html',
  '503',
  'html200',
  'empty200',
  '204',
  'contract',
  'badjson',
];

/** `demoErr-<kind>`, optionally followed by `-<nonce>` so a test can count its own requests. */
export function errorKindOf(runId: string): ErrorKind | null {
  if (!runId.startsWith('demoErr-')) return null;
  const rest = runId.slice('demoErr-'.length);
  const byLength = [...ERROR_KINDS].sort((a, b) => b.length - a.length);
  return byLength.find((kind) => rest === kind || rest.startsWith(`${kind}-`)) ?? null;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): DemoResponse {
  return {
    status,
    headers: { 'Cache-Control': NO_STORE, 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

function raw(status: number, body: string, contentType: string | null = JSON_TYPE): DemoResponse {
  const headers: Record<string, string> = { 'Cache-Control': NO_STORE };
  if (contentType !== null) headers['Content-Type'] = contentType;
  return { status, headers, body };
}

/**
 * Replaces the body's top-level `"id"` value by `runId`, keeping the text (and so the key order)
 * otherwise untouched.
 */
export function withRunId(text: string, runId: string): string {
  const leadingId = /^(\s*\{\s*"id"\s*:\s*)"(?:[^"\\]|\\.)*"/;
  if (leadingId.test(text)) {
    return text.replace(leadingId, (_match, head: string) => head + JSON.stringify(runId));
  }
  // The id isn't the first key: re-serialise (non-integer keys keep their order).
  const body = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify({ ...body, id: runId }, null, 2);
}

function bearerToken(authorization: string | undefined): string | null {
  const match = /^\s*Bearer\s+(.*)$/i.exec(authorization ?? '');
  const token = match?.[1]?.trim();
  return token ? token : null;
}

export class DemoApi {
  private catalog: DemoCatalog | null = null;
  private readonly clocks: LiveClocks;
  private readonly now: () => number;
  /** Every execution request per run ID (what `__requests` reports). */
  private readonly requests = new Map<string, number>();
  /** Authorised execution requests per run ID: the step counter of the scripted sequences. */
  private readonly sequenceSteps = new Map<string, number>();

  constructor(private readonly options: DemoApiOptions) {
    this.clocks = new LiveClocks(options.liveScale);
    this.now = options.now ?? Date.now;
  }

  private get runsCatalog(): DemoCatalog {
    this.catalog ??= loadDemoCatalog(this.options.root);
    return this.catalog;
  }

  handle(request: DemoRequest): DemoResponse {
    const [pathname = '/', query = ''] = request.url.split('?', 2);
    const params = new URLSearchParams(query);
    const method = request.method.toUpperCase();

    if (pathname === '/runs' || pathname === '/runs/') {
      return method === 'GET' ? json(200, this.runs()) : methodNotAllowed('GET');
    }
    if (pathname === '/__requests') {
      if (method !== 'GET') return methodNotAllowed('GET');
      const id = params.get('id');
      if (!id) return json(400, { detail: 'Query parameter id is required' });
      return json(200, { count: this.requests.get(id) ?? 0 });
    }
    if (pathname === '/__reset') {
      if (method !== 'POST') return methodNotAllowed('POST');
      this.reset(params.get('id') ?? undefined);
      return json(200, { reset: params.get('id') ?? 'all' });
    }

    const segment = EXECUTIONS_PATH.exec(pathname)?.[1];
    if (segment === undefined) return json(404, { detail: 'Not Found' });
    let runId: string;
    try {
      runId = decodeURIComponent(segment);
    } catch {
      return json(404, { detail: 'Not Found' });
    }
    if (method !== 'GET') return methodNotAllowed('GET');
    return this.execution(runId, request.authorization);
  }

  /** `GET /v1/workflow/executions/{runId}`. */
  execution(runId: string, authorization: string | undefined): DemoResponse {
    this.requests.set(runId, (this.requests.get(runId) ?? 0) + 1);
    if (bearerToken(authorization) === null) {
      return json(401, { detail: 'Not authenticated' }, { 'WWW-Authenticate': 'Bearer' });
    }

    if (isLiveRunId(runId)) {
      const now = this.now();
      const start = this.clocks.startFor(runId, now);
      return json(200, liveRunBody(runId, start, now, this.options.liveScale));
    }

    const sequence = SEQUENCE_ID.exec(runId)?.[1];
    if (sequence !== undefined) {
      const step = (this.sequenceSteps.get(runId) ?? 0) + 1;
      this.sequenceSteps.set(runId, step);
      return this.sequenceResponse(sequence, runId, step);
    }

    const kind = errorKindOf(runId);
    if (kind !== null) return this.errorResponse(kind, runId);

    const run = this.runsCatalog.byId.get(runId);
    if (!run) return json(404, { detail: 'Run not found' });
    return raw(200, readFileSync(run.file, 'utf8'));
  }

  private sequenceResponse(sequence: string, runId: string, step: number): DemoResponse {
    const running = () =>
      raw(200, withRunId(readFileSync(this.runsCatalog.runningBodyFile, 'utf8'), runId));
    switch (sequence) {
      case 'expire':
        return step === 1 ? running() : json(401, { statusCode: 401, message: 'Unauthorized' });
      case 'missing':
        return step === 1 ? running() : json(404, { detail: 'Run not found' });
      case 'flaky':
        return step === 2 ? json(503, { detail: 'Service temporarily unavailable' }) : running();
      default: {
        const happy = withRunId(readFileSync(this.runsCatalog.happyBodyFile, 'utf8'), runId);
        return { ...raw(200, happy), delayMs: SLOW_SEQUENCE_DELAY_MS };
      }
    }
  }

  private errorResponse(kind: ErrorKind, runId: string): DemoResponse {
    const html = () => readFileSync(this.runsCatalog.htmlBodyFile, 'utf8');
    switch (kind) {
      case '401':
        return json(
          401,
          { detail: 'Invalid or expired token' },
          { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        );
      case '403':
        return json(403, { detail: 'Not enough permissions to read this run' });
      case '422':
        return json(422, {
          detail: [
            {
              loc: ['path', 'run_id'],
              msg: 'String should have at most 64 characters',
              type: 'string_too_long',
            },
          ],
        });
      case '429':
        return json(429, { detail: 'Too many requests' }, { 'Retry-After': '1' });
      case '500':
        return json(500, { detail: 'Internal Server Error' });
      case '502-html':
        return raw(502, html(), HTML_TYPE);
      case '503':
        return json(503, { detail: 'Service temporarily unavailable' });
      case 'html200':
        return raw(200, html(), HTML_TYPE);
      case 'empty200':
        return raw(200, '');
      case '204':
        // No content, so no Content-Type either.
        return raw(204, '', null);
      case 'contract':
        // Breaks the contract: no flowId, and a number where the status string belongs.
        return json(200, {
          id: runId,
          flowDisplayName: 'Contract breaker',
          status: 42,
          created: '2025-10-01T08:00:00.000Z',
          updated: '2025-10-01T08:00:01.000Z',
          steps: {},
        });
      case 'badjson': {
        // The first part of a real body, cut off mid-document.
        const text = withRunId(readFileSync(this.runsCatalog.happyBodyFile, 'utf8'), runId);
        return raw(200, text.slice(0, Math.floor(text.length / 3)));
      }
    }
  }

  /** The demo's runs: the examples (fixtures, then the live run) and the hostile bodies. */
  runs(): DemoRunSummary[] {
    const summary = ({ id, flowDisplayName, status, scenario, group }: DemoRunSummary) => ({
      id,
      flowDisplayName,
      status,
      scenario,
      group,
    });
    const runs = this.runsCatalog.runs;
    const live: DemoRunSummary = {
      id: LIVE_RUN_ID,
      flowDisplayName: LIVE_RUN_FLOW_NAME,
      status: this.clocks.peekStatus(LIVE_RUN_ID, this.now()),
      scenario: LIVE_RUN_SCENARIO,
      group: 'example',
    };
    return [
      ...runs.filter((run) => run.group === 'example').map(summary),
      live,
      ...runs.filter((run) => run.group === 'hostile').map(summary),
    ];
  }

  requestCount(runId: string): number {
    return this.requests.get(runId) ?? 0;
  }

  /** Forgets request counters, sequence steps and live clocks: for one run ID, or all. */
  reset(runId?: string): void {
    if (runId === undefined) {
      this.requests.clear();
      this.sequenceSteps.clear();
    } else {
      this.requests.delete(runId);
      this.sequenceSteps.delete(runId);
    }
    this.clocks.reset(runId);
  }
}

function methodNotAllowed(allow: string): DemoResponse {
  return json(405, { detail: 'Method Not Allowed' }, { Allow: allow });
}
