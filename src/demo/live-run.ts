/**
 * The demo API's live run: a run that goes QUEUED → RUNNING → SUCCEEDED while you watch.
 *
 * Pure and Node-side only (used by demo-api-plugin.ts, never by browser code). The body is a
 * function of (clock start, now, scale), so every poll sees a consistent state and the unit tests
 * can walk through the whole life of the run without waiting.
 */

/** Unscaled phase lengths in ms: ~3 s queued, ~9 s running (≈12 s in total at scale 1). */
const QUEUED_MS = 3000;
const RUNNING_MS = 9000;

/** A finished live run restarts when someone asks for it again more than 2 minutes later. */
export const LIVE_RESTART_AFTER_MS = 2 * 60 * 1000;

/** Run IDs that get the live behaviour: `demoLiveRun`, or `demoLive-<nonce>` (one clock per ID). */
export const LIVE_RUN_PREFIX = 'demoLive';
export const LIVE_RUN_ID = 'demoLiveRun';
export const LIVE_RUN_FLOW_NAME = 'New signup to CRM and Slack (live demo)';
export const LIVE_RUN_SCENARIO =
  'Live demo: starts QUEUED, then RUNNING with steps appearing one by one, then SUCCEEDED (~12 s)';

export function isLiveRunId(runId: string): boolean {
  return runId.startsWith(LIVE_RUN_PREFIX);
}

export interface LiveTiming {
  queuedMs: number;
  runningMs: number;
  totalMs: number;
}

/** Reads DEMO_LIVE_SCALE-style values: a positive multiplier, 1 when missing or invalid. */
export function parseLiveScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : 1;
}

export function liveTiming(scale: number): LiveTiming {
  const queuedMs = QUEUED_MS * scale;
  const runningMs = RUNNING_MS * scale;
  return { queuedMs, runningMs, totalMs: queuedMs + runningMs };
}

interface PlannedStep {
  name: string;
  type: 'PIECE_TRIGGER' | 'PIECE' | 'CODE';
  /** Unscaled offsets in ms from the run's startTime. The trigger has no duration. */
  startsAt: number;
  endsAt: number;
  /** Sub-millisecond part, so durations look like the engine's high-resolution floats. */
  fraction: number;
  input: Record<string, unknown>;
  output: unknown;
}

const SIGNUP = {
  event: 'user.signed_up',
  id: 'evt_Lv8c2QwR5tNx',
  createdAt: '(set when the run starts)',
  user: {
    id: 'usr_2mKq7ZpW4x',
    email: 'morgan.example@example.test',
    name: 'Morgan Example',
    company: 'Example Logistics BV',
    plan: 'team-trial',
    seats: 12,
  },
  utm: { source: 'newsletter', campaign: 'autumn-launch' },
};

const PLAN: readonly PlannedStep[] = [
  {
    name: 'trigger',
    type: 'PIECE_TRIGGER',
    startsAt: 0,
    endsAt: 0,
    fraction: 0,
    input: {},
    output: {
      body: SIGNUP,
      headers: {
        host: 'automations.example.test',
        'user-agent': 'SignupHooks/1.8',
        'content-type': 'application/json',
        'x-request-id': '5a0c1b7e-8f2d-4c39-9e51-3b7d2a6f0c44',
      },
      queryParams: {},
    },
  },
  {
    name: 'enrich_company',
    type: 'PIECE',
    startsAt: 300,
    endsAt: 1900,
    fraction: 0.41807,
    input: {
      method: 'GET',
      url: 'https://enrich.example.test/v2/companies?domain=example.test',
      headers: { Authorization: '**REDACTED**', Accept: 'application/json' },
      queryParams: {},
      body_type: 'none',
      body: {},
      timeout: 30,
      failsafe: false,
    },
    output: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        domain: 'example.test',
        name: 'Example Logistics BV',
        employees: 240,
        industry: 'Logistics',
        country: 'NL',
      },
    },
  },
  {
    name: 'score_lead',
    type: 'CODE',
    startsAt: 1900,
    endsAt: 2600,
    fraction: 0.07731,
    input: { plan: 'team-trial', seats: 12, employees: 240, source: 'newsletter' },
    output: { score: 82, tier: 'hot', reasons: ['team plan', '200+ employees', 'newsletter lead'] },
  },
  {
    name: 'upsert_contact',
    type: 'PIECE',
    startsAt: 2600,
    endsAt: 6400,
    fraction: 0.90264,
    input: {
      email: 'morgan.example@example.test',
      firstName: 'Morgan',
      lastName: 'Example',
      company: 'Example Logistics BV',
      properties: { lead_score: 82, lead_tier: 'hot', lifecycle_stage: 'lead' },
      auth: '**REDACTED**',
    },
    output: {
      id: 'ct_91734',
      created: true,
      url: 'https://crm.example.test/contacts/ct_91734',
      updatedAt: '(set when the step finishes)',
    },
  },
  {
    name: 'notify_sales',
    type: 'PIECE',
    startsAt: 6400,
    endsAt: 8200,
    fraction: 0.55018,
    input: {
      channel: 'C05SALESLEADS',
      text: 'Hot lead: Morgan Example (Example Logistics BV), score 82',
      username: 'Lead bot',
      auth: '**REDACTED**',
    },
    output: { ok: true, channel: 'C05SALESLEADS', ts: '1760000000.000200' },
  },
];

/** FlowRunDetailResponse as the live run fills it in (optional keys are absent while QUEUED). */
export interface LiveRunBody {
  id: string;
  flowId: string;
  flowDisplayName: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED';
  created: string;
  updated: string;
  startTime?: string;
  finishTime?: string | null;
  duration?: number | null;
  stepsCount: number;
  tags: string[];
  failedStep: null;
  steps: Record<string, unknown>;
}

const iso = (ms: number): string => new Date(Math.round(ms)).toISOString();

function stepRecord(
  step: PlannedStep,
  phase: 'running' | 'done',
  createdMs: number,
  startTimeMs: number,
  scale: number,
) {
  const finishedAtMs = startTimeMs + step.endsAt * scale;
  if (step.type === 'PIECE_TRIGGER') {
    // The webhook event happened just before the run was created.
    const body = { ...SIGNUP, createdAt: iso(createdMs - 412) };
    const output = { ...(step.output as Record<string, unknown>), body };
    return { type: step.type, status: 'SUCCEEDED', input: step.input, output };
  }
  if (phase === 'running') return { type: step.type, status: 'RUNNING', input: step.input };
  let output = step.output;
  if (step.name === 'upsert_contact') {
    output = { ...(step.output as Record<string, unknown>), updatedAt: iso(finishedAtMs) };
  }
  // The fraction is scaled down with tiny scales so the steps never add up to more than the span.
  const duration = (step.endsAt - step.startsAt) * scale + step.fraction * Math.min(1, scale);
  return { type: step.type, status: 'SUCCEEDED', input: step.input, output, duration };
}

/**
 * The body of `GET /v1/workflow/executions/{runId}` for a live run whose clock started at
 * `clockStartMs`, as seen at `nowMs`. Valid FlowRunDetailResponse at every stage; key order follows
 * the fixtures (QUEUED leaves out startTime, finishTime and duration, like 08-queued.json).
 */
export function liveRunBody(
  runId: string,
  clockStartMs: number,
  nowMs: number,
  scale: number,
): LiveRunBody {
  const timing = liveTiming(scale);
  const elapsed = Math.max(0, nowMs - clockStartMs);
  const head = {
    id: runId,
    flowId: 'dEmOLiveFl0wSignup01x',
    flowDisplayName: LIVE_RUN_FLOW_NAME,
  };
  const createdIso = iso(clockStartMs);
  const tags = ['demo', 'connection:crm-api-key', 'connection:slack-sales'];

  if (elapsed < timing.queuedMs) {
    return {
      ...head,
      status: 'QUEUED',
      created: createdIso,
      updated: createdIso,
      stepsCount: 0,
      tags,
      failedStep: null,
      steps: {},
    };
  }

  const startTimeMs = clockStartMs + timing.queuedMs;
  const finished = elapsed >= timing.totalMs;
  const sinceStart = finished ? Number.POSITIVE_INFINITY : elapsed - timing.queuedMs;
  const steps: Record<string, unknown> = {};
  let stepsCount = 0;
  // The last moment the engine wrote the run: the latest step start or finish seen so far.
  let updatedMs = startTimeMs;
  for (const step of PLAN) {
    if (step.startsAt * scale > sinceStart) break;
    const done = step.endsAt * scale <= sinceStart;
    steps[step.name] = stepRecord(
      step,
      done ? 'done' : 'running',
      clockStartMs,
      startTimeMs,
      scale,
    );
    updatedMs = Math.max(updatedMs, startTimeMs + (done ? step.endsAt : step.startsAt) * scale);
    if (done && step.type !== 'PIECE_TRIGGER') stepsCount += 1;
  }

  if (!finished) {
    return {
      ...head,
      status: 'RUNNING',
      created: createdIso,
      updated: iso(updatedMs),
      startTime: iso(startTimeMs),
      finishTime: null,
      duration: null,
      stepsCount,
      tags,
      failedStep: null,
      steps,
    };
  }

  const startIso = iso(startTimeMs);
  const finishIso = iso(startTimeMs + timing.runningMs);
  return {
    ...head,
    status: 'SUCCEEDED',
    created: createdIso,
    updated: finishIso,
    startTime: startIso,
    finishTime: finishIso,
    // Whole ms, equal to finishTime − startTime as the fixtures have it.
    duration: Date.parse(finishIso) - Date.parse(startIso),
    stepsCount,
    tags,
    failedStep: null,
    steps,
  };
}

/**
 * One clock per live run ID. The clock starts at the first request for that ID and restarts when
 * the run finished more than LIVE_RESTART_AFTER_MS ago, so `demoLiveRun` can be watched again.
 */
export class LiveClocks {
  private readonly starts = new Map<string, number>();

  constructor(private readonly scale: number) {}

  /** The clock start for `runId` as seen at `nowMs` (starting or restarting it when due). */
  startFor(runId: string, nowMs: number): number {
    const start = this.starts.get(runId);
    const { totalMs } = liveTiming(this.scale);
    if (start === undefined || nowMs - (start + totalMs) > LIVE_RESTART_AFTER_MS) {
      this.starts.set(runId, nowMs);
      return nowMs;
    }
    return start;
  }

  /** The current status without starting a clock (for the runs list): QUEUED when never asked. */
  peekStatus(runId: string, nowMs: number): string {
    const start = this.starts.get(runId);
    if (start === undefined) return 'QUEUED';
    const { totalMs } = liveTiming(this.scale);
    if (nowMs - (start + totalMs) > LIVE_RESTART_AFTER_MS) return 'QUEUED';
    return liveRunBody(runId, start, nowMs, this.scale).status;
  }

  reset(runId?: string): void {
    if (runId === undefined) this.starts.clear();
    else this.starts.delete(runId);
  }
}
