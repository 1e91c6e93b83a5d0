/**
 * PURE: a response body → the RunModel the UI renders. Tolerates any value in any field (the
 * property test feeds it arbitrary JSON); the only thing it trusts is that `body` came from one
 * JSON parse whose key order is described by `keyOrder`.
 */
import { jsonPointer, orderedKeys, type KeyOrderIndex } from '@/lib/json-body';
import { hasOwn, isRecord, ownValue } from './markers';
import { runStatusInfo } from './status';
import { buildTree, type MutableStep } from './step-tree';
import { computeTiming } from './timing';
import type { FailureInfo, Notice, RunModel, StatusInfo, StepNode, StepsState } from './types';

export interface BuildInput {
  /** The validated response body (any object; odd field values are tolerated). */
  body: unknown;
  keyOrder: KeyOrderIndex | null;
  /** One "now" per render, so every bar and label agrees. */
  nowMs: number;
  /** The model of the previous poll of the same run: unchanged steps keep their identity. */
  previous?: RunModel | null;
}

const ENVELOPE = new Set([
  'id',
  'flowId',
  'flowDisplayName',
  'status',
  'created',
  'updated',
  'startTime',
  'finishTime',
  'duration',
  'stepsCount',
  'tags',
  'failedStep',
  'steps',
]);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function buildRunModel(input: BuildInput): RunModel {
  const model = build(input, input.previous ?? null);
  // Reuse is only sound while the failure sits where it sat: otherwise build afresh.
  if (input.previous && failurePath(input.previous) !== failurePath(model)) return build(input, null);
  return model;
}

const failurePath = (m: RunModel) => m.failure?.step?.path ?? null;

function build({ body, keyOrder, nowMs }: BuildInput, previous: RunModel | null): RunModel {
  const run = isRecord(body) ? body : {};
  const get = (k: string) => ownValue(run, k);
  const status = runStatusInfo(get('status'));
  const id = str(get('id')) ?? '';
  const flowId = str(get('flowId')) ?? '';
  const displayName = str(get('flowDisplayName'));
  const title = displayName && displayName.trim() !== '' ? displayName : flowId || id || 'Untitled run';

  const failedStepRaw = get('failedStep');
  const reportedName = str(ownValue(failedStepRaw, 'name'));
  const reportedDisplayName = str(ownValue(failedStepRaw, 'displayName'));
  const reportedMessage = str(ownValue(failedStepRaw, 'message'));
  const dataOmitted = get('stepsDataTruncated') === true;

  const stepsRaw = get('steps');
  const runSucceeded = !status.failed;
  const buildKey = JSON.stringify([status.raw, reportedName, reportedDisplayName, dataOmitted, keyOrder === null]);
  const tree = buildTree(stepsRaw, {
    keyOrder,
    status: { runTerminal: status.terminal, runSucceeded },
    reportedName,
    reportedDisplayName,
    dataOmitted,
    previous: previous && previous.buildKey === buildKey ? previous.byPath : null,
  });

  let stepSum: number | null = null;
  for (const s of tree.steps) if (s.durationMs !== null) stepSum = (stepSum ?? 0) + s.durationMs;

  const timing = computeTiming({
    created: get('created'),
    updated: get('updated'),
    startTime: get('startTime'),
    finishTime: get('finishTime'),
    duration: get('duration'),
    status,
    nowMs,
    stepSumMs: stepSum,
  });

  const stepsState: StepsState =
    stepsRaw === null || stepsRaw === undefined
      ? 'null'
      : !isRecord(stepsRaw)
        ? 'invalid'
        : tree.steps.length === 0
          ? 'empty'
          : 'present';
  const stepsMessage = stepsState === 'present' ? null : noStepsMessage(stepsState, status, stepsRaw);

  const failure = resolveFailure(tree.all, status, reportedName, reportedDisplayName, reportedMessage, failedStepRaw);
  if (failure?.step) markContainsFailure(failure.step, tree.all);

  const warnings = failure === null ? tree.all.filter((s) => s.status.raw === 'FAILED') : [];

  const notices: Notice[] = [];
  if (stepsState === 'invalid') {
    notices.push({
      code: 'steps-invalid',
      level: 'warning',
      message: 'The run’s step data is not an object, so no steps can be shown.',
    });
  }
  if (warnings.length > 0) {
    notices.push({
      code: 'continued-failures',
      level: 'warning',
      message:
        warnings.length === 1
          ? `A step failed and the run continued (continue on failure): ${warnings[0]!.path}.`
          : `${warnings.length} steps failed and the run continued (continue on failure).`,
    });
  }
  if (dataOmitted) {
    notices.push({
      code: 'data-omitted',
      level: 'info',
      message: 'Step inputs and outputs were omitted from this response because the run is large; statuses and durations are kept.',
    });
  }
  const orderNotice = orderHeuristic(tree.steps);
  if (orderNotice) notices.push(orderNotice);
  const missingDurations = tree.steps.filter(
    (s) => s.durationMs === null && s.kind !== 'trigger' && s.kind !== 'placeholder' && s.status.raw !== 'RUNNING',
  ).length;
  if (missingDurations > 0 && tree.steps.length > 0) {
    notices.push({
      code: 'durations-missing',
      level: 'info',
      message:
        missingDurations === 1
          ? 'One step has no recorded duration; it is shown with a minimal bar on the timeline.'
          : `${missingDurations} steps have no recorded duration; they are shown with minimal bars on the timeline.`,
    });
  }
  notices.push(...timing.issues);

  const stepsCountRaw = get('stepsCount');
  const stepsCount =
    typeof stepsCountRaw === 'number' && Number.isFinite(stepsCountRaw) && stepsCountRaw >= 0 ? stepsCountRaw : null;

  const tagsRaw = get('tags');
  const connections: string[] = [];
  const other: string[] = [];
  if (Array.isArray(tagsRaw)) {
    for (const t of tagsRaw) {
      if (typeof t !== 'string') continue;
      if (t.startsWith('connection:')) connections.push(t.slice('connection:'.length));
      else other.push(t);
    }
  }

  const extras: Array<readonly [string, unknown]> = [];
  for (const key of orderedKeys(run, jsonPointer([]), keyOrder)) {
    if (!ENVELOPE.has(key) && hasOwn(run, key)) extras.push([key, run[key]]);
  }

  const byPath = new Map<string, StepNode>();
  for (const s of tree.all) if (!byPath.has(s.path)) byPath.set(s.path, s);

  return {
    buildKey,
    id,
    flowId,
    title,
    titleIsFlowId: !(displayName && displayName.trim() !== ''),
    status,
    timing,
    stepsCount,
    tags: { connections, other },
    stepsState,
    stepsMessage,
    steps: tree.steps,
    byPath,
    allSteps: tree.all,
    iterationsByPath: tree.iterations,
    failure,
    warnings,
    notices,
    extras,
  };
}

function noStepsMessage(state: StepsState, status: StatusInfo, raw: unknown): string {
  if (state === 'invalid') return `Step data arrived in an unexpected form (${Array.isArray(raw) ? 'an array' : typeof raw}), so no steps can be shown.`;
  switch (status.raw) {
    case 'QUEUED':
      return 'No steps yet: the run has not started.';
    case 'RUNNING':
    case 'PAUSED':
      return 'No step data has been recorded yet.';
    case 'QUOTA_EXCEEDED':
      return 'No steps: the flow never executed (the run was refused for quota).';
    case 'CANCELED':
      return 'No steps: the run was canceled before the flow executed.';
    case 'INTERNAL_ERROR':
      return 'No step data was captured for this run: the platform failed before logs were written.';
  }
  return state === 'null'
    ? 'Step details are not available for this run: they were most likely purged after the retention period.'
    : 'No step data is available for this run (purged after the retention period, or never recorded).';
}

function resolveFailure(
  all: readonly MutableStep[],
  status: StatusInfo,
  reportedName: string | null,
  reportedDisplayName: string | null,
  reportedMessage: string | null,
  failedStepRaw: unknown,
): FailureInfo | null {
  const failedSteps = all.filter((s) => s.status.raw === 'FAILED');
  const namesAStep = reportedName !== null && reportedName !== '';
  if (!status.failed && !namesAStep) return null;

  let step: MutableStep | null = null;
  let inferred = false;
  let note: string | null = null;
  if (namesAStep) {
    const matches = all.filter((s) => s.name === reportedName);
    const failedMatches = matches.filter((s) => s.status.raw === 'FAILED');
    if (failedMatches.length > 0) step = failedMatches[failedMatches.length - 1]!;
    else {
      inferred = true;
      step = failedSteps[failedSteps.length - 1] ?? null;
      note =
        matches.length > 0
          ? `The API names “${reportedName}” as the failed step, but that step did not fail in the recorded data.`
          : `The API names “${reportedName}” as the failed step, but no step of that name is in the run data (purged, truncated or stale).`;
      if (step) note += ` Showing the last failed step instead.`;
    }
  } else if (failedSteps.length > 0) {
    step = failedSteps[failedSteps.length - 1]!;
    inferred = true;
    note = 'The API named no failing step; this is the last failed step in the run, inferred from the step data.';
  }

  const interrupted =
    status.terminal && step === null ? ([...all].reverse().find((s) => s.status.raw === 'RUNNING') ?? null) : null;
  const hasReported = isRecord(failedStepRaw);
  return {
    step,
    inferred,
    note,
    reported: hasReported ? { name: reportedName, displayName: reportedDisplayName } : null,
    displayName: step
      ? step.name === reportedName && reportedDisplayName
        ? reportedDisplayName
        : step.displayName
      : null,
    others: failedSteps.filter((s) => s !== step),
    interrupted,
    reportedMessage,
  };
}

/** Mark every loop on the failing step's trail as containing the failure. */
function markContainsFailure(step: StepNode, all: readonly MutableStep[]): void {
  const loopPaths = new Set(step.trail.map((t) => t.loopPath));
  for (const s of all) if (loopPaths.has(s.path)) s.containsFailure = true;
}

/** run-data.md §6a: flag order that may not be execution order. */
function orderHeuristic(steps: readonly StepNode[]): Notice | null {
  if (steps.length < 2) return null;
  const triggerIndex = steps.findIndex((s) => s.kind === 'trigger');
  if (triggerIndex > 0) {
    return {
      code: 'order-uncertain',
      level: 'warning',
      message: 'Step order may not match execution order: the trigger is not the first step in the data.',
    };
  }
  // Sortedness is only telling with enough names: four names come out sorted by chance too often.
  if (steps.length >= 7) {
    const names = steps.map((s) => s.name);
    const alpha = names.every((n, i) => i === 0 || names[i - 1]! <= n);
    const byLength = names.every(
      (n, i) => i === 0 || names[i - 1]!.length < n.length || (names[i - 1]!.length === n.length && names[i - 1]! <= n),
    );
    if (alpha || byLength) {
      return {
        code: 'order-uncertain',
        level: 'warning',
        message: 'Step order may not match execution order: the step names come out exactly sorted, which suggests a layer re-sorted them.',
      };
    }
  }
  return null;
}
