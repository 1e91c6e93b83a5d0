/**
 * Step records → a tree of StepNodes: execution order from the body text, loops with their
 * iterations (nested loops too), routers with the branches that ran, placeholders for odd records.
 * Own-property reads only. Loop nesting is bounded (MAX_LOOP_DEPTH) so no input can overflow the
 * stack.
 */
import { jsonPointer, orderedKeys, type KeyOrderIndex } from '@/lib/json-body';
import { coerceDurationMs } from '@/lib/time';
import { parseErrorMessage, textOf } from './error-message';
import {
  formatByteSize,
  hasOwn,
  isFileOutputUrl,
  isRecord,
  ownValue,
  referenceMarker,
  safeHttpUrl,
  truncationMarker,
} from './markers';
import { derivedStatus, stepStatusInfo, type StepStatusContext } from './status';
import type {
  BranchInfo,
  IterationNode,
  LoopInfo,
  Notice,
  RouterInfo,
  Slot,
  StepKind,
  StepNode,
  TrailEntry,
} from './types';

export const MAX_LOOP_DEPTH = 32;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type MutableStep = Mutable<StepNode>;

export interface TreeContext {
  keyOrder: KeyOrderIndex | null;
  status: StepStatusContext;
  /** failedStep.name / displayName, used to fill in display names. */
  reportedName: string | null;
  reportedDisplayName: string | null;
  /** Set when the response says step inputs/outputs were left out (stepsDataTruncated). */
  dataOmitted: boolean;
  /**
   * Nodes of the previous build (same run, earlier poll), reused when their record is the very
   * same object: React Query's structural sharing keeps unchanged records identical, so unchanged
   * steps keep their identity and their cards don't re-render.
   */
  previous: ReadonlyMap<string, StepNode> | null;
}

export interface TreeResult {
  steps: MutableStep[];
  all: MutableStep[];
  iterations: Map<string, { loop: MutableStep; iteration: IterationNode }>;
}

const KNOWN_FIELDS = new Set(['type', 'status', 'input', 'output', 'duration', 'errorMessage', 'outputType', 'displayName']);

const SIMPLE_NAME = /^[^.[\]"\\\s]+$/;

/** One path segment: plain names as they are; odd ones (dots, brackets, spaces, "") quoted. */
export function pathSegment(name: string): string {
  return SIMPLE_NAME.test(name) ? name : `[${JSON.stringify(name)}]`;
}

export function joinPath(prefix: string | null, name: string): string {
  const seg = pathSegment(name);
  if (prefix === null || prefix === '') return seg;
  return seg.startsWith('[') ? `${prefix}${seg}` : `${prefix}.${seg}`;
}

function kindOf(type: string | null, name: string, index: number, depth: number): StepKind {
  switch (type) {
    case 'PIECE':
      return 'piece';
    case 'CODE':
      return 'code';
    case 'LOOP_ON_ITEMS':
      return 'loop';
    case 'ROUTER':
    case 'AI_ROUTER':
      return 'router';
    case 'BRANCH':
      return 'branch';
    case 'PIECE_TRIGGER':
    case 'EMPTY':
    case 'WEBHOOK':
    case 'MANUAL':
    case 'SCHEDULE':
      return 'trigger';
  }
  if (type !== null && type.endsWith('_TRIGGER')) return 'trigger';
  if (type === null && name === 'trigger' && index === 0 && depth === 0) return 'trigger';
  return 'other';
}

function slot(record: Record<string, unknown>, key: string): Slot {
  return hasOwn(record, key) ? { present: true, value: record[key] } : { present: false };
}

/** Build the step list of one step map (the top-level `steps`, or one iteration). */
export function buildTree(steps: unknown, ctx: TreeContext): TreeResult {
  const result: TreeResult = { steps: [], all: [], iterations: new Map() };
  result.steps = buildList(steps, ['steps'], null, [], 0, ctx, result);
  return result;
}

function buildList(
  map: unknown,
  pointer: (string | number)[],
  prefix: string | null,
  trail: TrailEntry[],
  depth: number,
  ctx: TreeContext,
  out: TreeResult,
): MutableStep[] {
  if (!isRecord(map)) return [];
  const keys = orderedKeys(map, jsonPointer(pointer), ctx.keyOrder);
  const list: MutableStep[] = [];
  keys.forEach((name, index) => {
    if (!hasOwn(map, name)) return;
    list.push(buildStep(name, map[name], index, [...pointer, name], prefix, trail, depth, ctx, out));
  });
  return list;
}

function buildStep(
  name: string,
  record: unknown,
  index: number,
  pointer: (string | number)[],
  prefix: string | null,
  trail: TrailEntry[],
  depth: number,
  ctx: TreeContext,
  out: TreeResult,
): MutableStep {
  const path = joinPath(prefix, name);
  const prev = ctx.previous?.get(path);
  if (prev && prev.raw === record && record !== null && typeof record === 'object' && sameTrail(prev.trail, trail)) {
    registerSubtree(prev as MutableStep, out);
    return prev as MutableStep;
  }
  const base: MutableStep = {
    path,
    name,
    displayName: null,
    depth,
    iterationPath: prefix,
    trail,
    kind: 'placeholder',
    type: null,
    status: stepStatusInfo(undefined, ctx.status),
    durationMs: null,
    durationRaw: undefined,
    durationNote: 'missing',
    input: { present: false },
    output: { present: false },
    error: null,
    inputMarkers: new Map(),
    notices: [],
    extras: [],
    loop: null,
    router: null,
    containsFailure: false,
    raw: record,
  };
  out.all.push(base);

  if (!isRecord(record)) {
    const marker = truncationMarker(record);
    base.notices = [
      {
        code: 'record-placeholder',
        level: 'warning',
        message: marker
          ? 'This step’s whole record was left out of the run log ("(truncated)"): its status, input and output are unknown.'
          : `This step’s record is not an object (it is ${describe(record)}), so nothing more is known about it.`,
      },
    ];
    return base;
  }

  const type = typeof record.type === 'string' ? record.type : null;
  base.type = type;
  base.kind = kindOf(type, name, index, depth);
  base.status = stepStatusInfo(record.status, ctx.status);
  const dn = ownValue(record, 'displayName');
  base.displayName =
    typeof dn === 'string' && dn.trim() !== ''
      ? dn
      : ctx.reportedName === name && ctx.reportedDisplayName
        ? ctx.reportedDisplayName
        : null;

  // Duration: float ms; numeric strings coerced; negatives and junk rejected and flagged.
  base.durationRaw = hasOwn(record, 'duration') ? record.duration : undefined;
  const d = coerceDurationMs(base.durationRaw);
  base.durationMs = d.ms;
  base.durationNote = d.note ?? (d.ms === null ? 'missing' : null);

  base.input = slot(record, 'input');
  base.output = slot(record, 'output');
  const notices: Notice[] = [];

  if (hasOwn(record, 'errorMessage')) base.error = parseErrorMessage(record.errorMessage);
  else if (record.status === 'FAILED') base.error = parseErrorMessage(undefined);

  // Truncation markers in the input (top-level values, or the whole input).
  const markers = new Map<string, string>();
  const input = base.input.present ? base.input.value : undefined;
  const wholeInput = truncationMarker(input);
  if (wholeInput) {
    markers.set('', omittedNote(wholeInput.size));
  } else if (isRecord(input)) {
    for (const key of Object.keys(input)) {
      const m = truncationMarker(input[key]);
      if (m) markers.set(jsonPointer([key]), omittedNote(m.size));
    }
  }
  base.inputMarkers = markers;
  if (markers.size > 0) {
    notices.push({
      code: 'input-truncated',
      level: 'info',
      message: `${markers.size === 1 ? 'An input value was' : `${markers.size} input values were`} left out of the run log; the step ran with the full value.`,
    });
  }

  // Output placeholders, slices, references, files.
  const output = base.output.present ? base.output.value : undefined;
  const outMarker = truncationMarker(output);
  const ref = referenceMarker(output);
  if (outMarker) {
    notices.push({
      code: 'output-truncated',
      level: 'info',
      message: `The output was left out of the run log${outMarker.size ? ` (${outMarker.size})` : ''}; the step produced it, but it is not stored here.`,
    });
  } else if (ownValue(record, 'outputType') === 'slice' || ref) {
    const size = formatByteSize(
      ref?.size ?? (typeof ownValue(output, 'size') === 'number' ? (ownValue(output, 'size') as number) : null),
    );
    const href = safeHttpUrl(ownValue(output, 'url'));
    notices.push({
      code: 'output-stored',
      level: 'info',
      message: `The output is too large to inline and is stored separately${size ? ` (${size})` : ''}.${href ? '' : ' No download link was provided.'}`,
      ...(href ? { href } : {}),
    });
  }
  const files = collectFileUrls(output);
  for (const url of files.slice(0, 5)) {
    const href = safeHttpUrl(url);
    notices.push({
      code: 'output-file',
      level: 'info',
      message: url.startsWith('file://')
        ? `The output is a file stored on the worker (${url}); it cannot be downloaded after the run.`
        : `The output is a stored file: ${url}`,
      ...(href ? { href } : {}),
    });
  }
  if (ctx.dataOmitted && !base.input.present && !base.output.present) {
    notices.push({
      code: 'data-omitted',
      level: 'info',
      message: 'Step input and output were omitted from this response because the run is large.',
    });
  }
  if (base.durationNote === 'negative') {
    notices.push({
      code: 'duration-negative',
      level: 'warning',
      message: `The reported duration is negative (${textOf(base.durationRaw)} ms); it is shown as unknown.`,
    });
  } else if (base.durationNote === 'invalid') {
    notices.push({
      code: 'duration-invalid',
      level: 'warning',
      message: `The reported duration is not a usable number of milliseconds (${clip(textOf(base.durationRaw))}); it is shown as unknown.`,
    });
  } else if (base.durationNote === 'coerced') {
    notices.push({
      code: 'duration-coerced',
      level: 'info',
      message: `The duration was sent as text ("${clip(textOf(base.durationRaw))}") and read as milliseconds.`,
    });
  }

  // Extras: everything else the record carries, in body order.
  const extras: Array<readonly [string, unknown]> = [];
  for (const key of orderedKeys(record, jsonPointer(pointer), ctx.keyOrder)) {
    if (!KNOWN_FIELDS.has(key) && hasOwn(record, key)) extras.push([key, record[key]]);
  }
  base.extras = extras;

  if (base.kind === 'loop') base.loop = buildLoop(base, record, pointer, trail, depth, ctx, out, notices);
  if (base.kind === 'router' || base.kind === 'branch') base.router = buildRouter(record, base.kind);

  base.notices = notices;
  return base;
}

function buildLoop(
  loop: MutableStep,
  record: Record<string, unknown>,
  pointer: (string | number)[],
  trail: TrailEntry[],
  depth: number,
  ctx: TreeContext,
  out: TreeResult,
  notices: Notice[],
): LoopInfo {
  const items = ownValue(ownValue(record, 'input'), 'items');
  const output = ownValue(record, 'output');
  const rawIterations = ownValue(output, 'iterations');
  const iterationList: unknown[] = Array.isArray(rawIterations) ? rawIterations : [];
  const totalItems = Array.isArray(items) ? items.length : Array.isArray(rawIterations) ? rawIterations.length : null;
  if (output !== undefined && !Array.isArray(rawIterations) && !truncationMarker(output)) {
    notices.push({
      code: 'loop-no-iterations',
      level: 'info',
      message: 'This loop’s output has no iterations list, so the steps inside it are unknown.',
    });
  }
  if (depth + 1 > MAX_LOOP_DEPTH && iterationList.length > 0) {
    notices.push({
      code: 'too-deep',
      level: 'warning',
      message: `Loops are nested more than ${MAX_LOOP_DEPTH} levels deep here; the iterations below this loop are not shown (too deep).`,
    });
    return { totalItems, iterations: [], failedIterations: [], reportedIndex: ownValue(output, 'index') };
  }
  const iterations: IterationNode[] = [];
  const failed: number[] = [];
  iterationList.forEach((value, i) => {
    const number = i + 1;
    const iterPath = `${loop.path}[${number}]`;
    const entry: TrailEntry = { loop: loop.name, loopPath: loop.path, number, of: totalItems };
    const iterTrail = [...trail, entry];
    let iteration: IterationNode;
    const ref = referenceMarker(value);
    if (ref) {
      const size = formatByteSize(ref.size);
      iteration = {
        number,
        path: iterPath,
        kind: 'reference',
        status: derivedStatus([], ctx.status, true),
        steps: [],
        durationMs: null,
        raw: value,
        note: `This iteration’s data is stored in a separate file${size ? ` (${size})` : ''} and is not part of this response.`,
      };
    } else if (isRecord(value)) {
      const first = out.all.length;
      const steps = buildList(value, [...pointer, 'output', 'iterations', i], iterPath, iterTrail, depth + 1, ctx, out);
      const descendants = out.all.slice(first);
      const statuses = descendants.map((s) => s.status.raw);
      let sum: number | null = null;
      for (const s of steps) if (s.durationMs !== null) sum = (sum ?? 0) + s.durationMs;
      iteration = {
        number,
        path: iterPath,
        kind: steps.length === 0 ? 'empty' : 'steps',
        status: derivedStatus(statuses, ctx.status, steps.length === 0),
        steps,
        durationMs: sum,
        raw: value,
        note: steps.length === 0 ? 'No step data was recorded for this iteration (yet).' : null,
      };
    } else {
      const marker = truncationMarker(value);
      iteration = {
        number,
        path: iterPath,
        kind: 'placeholder',
        status: derivedStatus([], ctx.status, true),
        steps: [],
        durationMs: null,
        raw: value,
        note: marker
          ? 'This iteration was left out of the run log ("(truncated)").'
          : `This iteration is not a step map (it is ${describe(value)}).`,
      };
    }
    if (iteration.status.failed) failed.push(number);
    iterations.push(iteration);
    out.iterations.set(iterPath, { loop, iteration });
  });
  if (Array.isArray(items) && iterations.length < items.length && ctx.status.runTerminal) {
    notices.push({
      code: 'loop-partial',
      level: 'info',
      message: `${iterations.length} of ${items.length} items ran.`,
    });
  }
  return { totalItems, iterations, failedIterations: failed, reportedIndex: ownValue(output, 'index') };
}

function buildRouter(record: Record<string, unknown>, kind: 'router' | 'branch'): RouterInfo {
  const input = ownValue(record, 'input');
  const output = ownValue(record, 'output');
  const execType = ownValue(input, 'executionType');
  const executionType = typeof execType === 'string' ? execType : null;
  const choiceRaw = ownValue(output, 'choice');
  const choice = typeof choiceRaw === 'string' ? choiceRaw : null;
  const conditionRaw = ownValue(output, 'condition');
  const condition = typeof conditionRaw === 'boolean' ? conditionRaw : null;
  const inputBranches = ownValue(input, 'branches');
  const raw = ownValue(output, 'branches');
  const branches: Mutable<BranchInfo>[] = [];
  let form: RouterInfo['form'] = 'none';
  if (Array.isArray(raw)) {
    form = raw.every((b) => typeof b === 'boolean') ? 'booleans' : 'objects';
    raw.forEach((b, i) => {
      const fromInput = Array.isArray(inputBranches) ? ownValue(inputBranches[i], 'branchName') : undefined;
      if (typeof b === 'boolean') {
        branches.push({
          index: i + 1,
          name: typeof fromInput === 'string' ? fromInput : `Branch ${i + 1}`,
          evaluation: b,
          ran: false,
        });
      } else {
        const nameRaw = ownValue(b, 'branchName');
        const idxRaw = ownValue(b, 'branchIndex');
        const evalRaw = ownValue(b, 'evaluation');
        branches.push({
          index: typeof idxRaw === 'number' && Number.isFinite(idxRaw) ? idxRaw : i + 1,
          name:
            typeof nameRaw === 'string' ? nameRaw : typeof fromInput === 'string' ? fromInput : `Branch ${i + 1}`,
          evaluation: typeof evalRaw === 'boolean' ? evalRaw : null,
          ran: false,
        });
      }
    });
  }
  // Which branches ran: the AI router says so; EXECUTE_ALL_MATCH runs every true branch; the
  // default (EXECUTE_FIRST_MATCH) runs only the first true one.
  if (choice !== null) {
    for (const b of branches) b.ran = b.name === choice;
  } else if (executionType === 'EXECUTE_ALL_MATCH') {
    for (const b of branches) b.ran = b.evaluation === true;
  } else {
    const first = branches.find((b) => b.evaluation === true);
    if (first) first.ran = true;
  }
  const taken = branches.filter((b) => b.ran).map((b) => b.name);
  if (choice !== null && taken.length === 0) taken.push(choice);
  if (kind === 'branch' && condition !== null) taken.push(condition ? 'true branch' : 'false branch');
  return { form, executionType, branches, taken, choice, condition };
}

function sameTrail(a: readonly TrailEntry[], b: readonly TrailEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.loopPath !== y.loopPath || x.number !== y.number || x.of !== y.of) return false;
  }
  return true;
}

/** Adds a reused node and everything below it to the build's indexes, without recursion. */
function registerSubtree(node: MutableStep, out: TreeResult): void {
  const stack: MutableStep[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.all.push(n);
    if (!n.loop) continue;
    const children: MutableStep[] = [];
    for (const it of n.loop.iterations) {
      out.iterations.set(it.path, { loop: n, iteration: it });
      for (const c of it.steps) children.push(c as MutableStep);
    }
    // Depth-first, parents before children, in order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function omittedNote(size: string | null): string {
  return `Value omitted from the logs${size ? ` (${size})` : ''}; the step ran with the full value.`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return `the text "${clip(v)}"`;
  return `a ${typeof v}`;
}

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function collectFileUrls(output: unknown): string[] {
  if (isFileOutputUrl(output)) return [output];
  const found: string[] = [];
  if (isRecord(output)) {
    for (const key of Object.keys(output)) {
      const v = output[key];
      if (isFileOutputUrl(v)) found.push(v);
      if (found.length >= 5) break;
    }
  } else if (Array.isArray(output)) {
    for (let i = 0; i < output.length && i < 50; i++) {
      const v: unknown = output[i];
      if (isFileOutputUrl(v)) found.push(v);
      if (found.length >= 5) break;
    }
  }
  return found;
}
