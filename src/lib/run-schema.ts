/**
 * Run-time validation of the run body before the UI sees it.
 *
 * Why valibot: it is tree-shakeable, so this schema costs a few KB of the 120 KB gzipped initial-JS
 * budget (zod's bundle is several times larger), and its issues carry precise paths for readable
 * messages. The envelope is strict on JSON types only; dates are not checked (the model shows bad
 * ones as "—"), and nothing inside `steps` is validated (the model copes with any shape).
 */
import * as v from 'valibot';
import type { components } from '@/lib/api-schema';
import { LosslessNumber } from '@/lib/json-body';

type GeneratedRun = components['schemas']['FlowRunDetailResponse'];

const isRecord = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

const requiredString = v.string('expected a string');
const stringOrNull = v.nullable(v.string('expected a string or null'));
const integerOrNull = v.nullable(
  v.union([v.number(), v.instance(LosslessNumber)], 'expected a number or null'),
);

const FailedStepSchema = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, 'expected an object or null'),
  v.looseObject({
    name: v.optional(stringOrNull),
    displayName: v.optional(stringOrNull),
  }),
);

export const FlowRunDetailSchema = v.looseObject({
  id: requiredString,
  flowId: requiredString,
  flowDisplayName: v.optional(stringOrNull),
  // Loosened: statuses outside the documented enum do arrive (run-data.md §2).
  status: requiredString,
  created: requiredString,
  updated: requiredString,
  startTime: v.optional(stringOrNull),
  finishTime: v.optional(stringOrNull),
  // Loosened: an integer beyond 2^53 arrives as a LosslessNumber.
  duration: v.optional(integerOrNull),
  stepsCount: v.optional(integerOrNull),
  tags: v.optional(
    v.nullable(v.array(v.string('expected a string'), 'expected an array of strings or null')),
  ),
  // Loosened: upstream also stores `message` and maybe more; extra keys are kept.
  failedStep: v.optional(v.nullable(FailedStepSchema)),
  steps: v.optional(
    v.nullable(v.custom<Record<string, unknown>>(isRecord, 'expected an object or null')),
  ),
});

/** A run as the UI receives it: the generated type, loosened where real data is looser. */
export type FlowRunDetail = v.InferOutput<typeof FlowRunDetailSchema>;

// ---- Compile-time contract check -------------------------------------------------------------
// A change of the generated contract becomes a type error here.
type Loosened = 'status' | 'steps' | 'duration' | 'stepsCount' | 'failedStep';
type Strict = Omit<GeneratedRun, Loosened>;
type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;
type Equal<A, B> = Extends<A, B> extends true ? Extends<B, A> : false;
type SchemaKeys = keyof typeof FlowRunDetailSchema.entries;
export type ContractChecks = [
  // Every contract field is in the schema, and the schema has no field the contract lacks.
  Assert<Equal<SchemaKeys, keyof GeneratedRun>>,
  // Where not loosened, what the schema lets through is exactly what the contract allows.
  Assert<Extends<Pick<FlowRunDetail, keyof Strict>, Strict>>,
  Assert<Extends<Strict, Pick<FlowRunDetail, keyof Strict>>>,
  // Loosened fields still accept everything the contract sends.
  Assert<Extends<GeneratedRun['status'], FlowRunDetail['status']>>,
  Assert<Extends<GeneratedRun['steps'], FlowRunDetail['steps']>>,
  Assert<Extends<GeneratedRun['duration'], FlowRunDetail['duration']>>,
  Assert<Extends<GeneratedRun['stepsCount'], FlowRunDetail['stepsCount']>>,
  Assert<Extends<GeneratedRun['failedStep'], FlowRunDetail['failedStep']>>,
];

// ---- Validation ------------------------------------------------------------------------------

export type RunValidation = { ok: true; run: FlowRunDetail } | { ok: false; issues: string[] };

const MAX_ISSUES = 20;
const MAX_ISSUE_LENGTH = 80;

/**
 * Validate a parsed body. On success `run` is the very object that was passed in (nothing copied
 * or stripped: valibot's loose objects would drop keys such as `constructor`, and the key-order
 * index refers to this parse).
 */
export function validateRun(value: unknown): RunValidation {
  if (!isRecord(value)) {
    return { ok: false, issues: [`body: expected a JSON object, got ${describe(value)}`] };
  }
  const result = v.safeParse(FlowRunDetailSchema, value);
  if (result.success) return { ok: true, run: value as FlowRunDetail };

  const issues: string[] = [];
  for (const issue of result.issues) {
    if (issues.length >= MAX_ISSUES) {
      issues.push(`… and ${result.issues.length - MAX_ISSUES} more`);
      break;
    }
    issues.push(clip(formatIssue(issue)));
  }
  return { ok: false, issues };
}

const REQUIRED_EXPECTATION: Record<string, string> = {
  id: 'a string',
  flowId: 'a string',
  status: 'a string',
  created: 'a string',
  updated: 'a string',
};

function formatIssue(issue: v.BaseIssue<unknown>): string {
  const items = issue.path ?? [];
  const path = formatPath(items);
  const last = items[items.length - 1];
  if (last && last.origin === 'key') {
    // A missing required key: valibot reports it with the object's own message.
    const key = String(last.key);
    return `${path}: missing (expected ${REQUIRED_EXPECTATION[key] ?? 'a value'})`;
  }
  const message = issue.message.startsWith('expected ') ? issue.message : 'invalid value';
  return `${path || 'body'}: ${message}, got ${describe(issue.input)}`;
}

function formatPath(items: readonly v.IssuePathItem[]): string {
  let out = '';
  for (const item of items) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + clip(String(key), 40);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (value instanceof LosslessNumber) return 'number';
  return typeof value;
}

function clip(text: string, max = MAX_ISSUE_LENGTH): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
