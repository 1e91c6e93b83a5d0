/**
 * The run view model: what the UI renders. Built by buildRunModel() from a validated response
 * body; pure data, no React, no DOM. The rules behind it are in ../../../../docs/run-data.md.
 */
import type { TimePoint } from '@/lib/time';

export type { StatusIcon, Tone } from '@/lib/status-vocabulary';
import type { StatusIcon, Tone } from '@/lib/status-vocabulary';

export interface StatusInfo {
  /** Exactly as sent ("" when missing or not a string). */
  readonly raw: string;
  /** One of the statuses this app knows (documented, LOG_SIZE_EXCEEDED, STOPPED). */
  readonly known: boolean;
  /** What the badge says: a friendly label for known values, the raw text otherwise. */
  readonly label: string;
  readonly tone: Tone;
  readonly icon: StatusIcon;
  /** Run statuses: whether polling stops (live allow-list: QUEUED, RUNNING, PAUSED). */
  readonly terminal: boolean;
  readonly failed: boolean;
  /** One plain sentence: what it means and what to check. */
  readonly hint: string;
}

export type StepKind =
  | 'trigger'
  | 'piece'
  | 'code'
  | 'loop'
  | 'router'
  | 'branch'
  | 'other'
  /** The record itself was replaced by "(truncated)" or another non-object. */
  | 'placeholder';

/** A value that may be absent: "missing" stays distinct from null, 0, false, "", [] and {}. */
export type Slot = { readonly present: false } | { readonly present: true; readonly value: unknown };

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  readonly code: string;
  readonly level: NoticeLevel;
  readonly message: string;
  /** Raw values worth showing next to the message (e.g. inconsistent timestamps). */
  readonly details?: ReadonlyArray<readonly [string, string]>;
  /** An http(s) link the notice offers (e.g. a stored output). Already checked to be http(s). */
  readonly href?: string;
}

export interface ErrorSection {
  readonly label: string;
  readonly value: unknown;
  /** Plain text sections (stack traces) are shown folded, as text. */
  readonly text?: boolean;
}

export interface ParsedError {
  readonly kind: 'none' | 'text' | 'structured' | 'http' | 'json-message' | 'json' | 'object' | 'list' | 'other';
  /** The first thing to read. Plain text; may be long (the UI clamps it). */
  readonly headline: string;
  /** Further text lines (multi-line messages without the stack). */
  readonly body: string | null;
  /** Folded stack trace lines. */
  readonly stack: string | null;
  /** Items of an array error. */
  readonly list: readonly string[] | null;
  /** Short facts: HTTP status, method, URL, error name, code. */
  readonly facts: ReadonlyArray<readonly [string, string]>;
  /** Structured parts shown on demand (response body, request body, the whole object). */
  readonly sections: readonly ErrorSection[];
  /** The original value, for "copy" and the raw view. */
  readonly raw: unknown;
}

export interface IterationNode {
  /** 1-based, as people count. */
  readonly number: number;
  /** `loop_rows[3]` */
  readonly path: string;
  readonly kind: 'steps' | 'empty' | 'placeholder' | 'reference';
  readonly status: StatusInfo;
  readonly steps: readonly StepNode[];
  /** Sum of the durations of the steps in it (null when none has one). */
  readonly durationMs: number | null;
  /** For placeholders and references: what stands in the data. */
  readonly raw: unknown;
  readonly note: string | null;
}

export interface LoopInfo {
  /** `input.items.length` when present, else the number of iterations. */
  readonly totalItems: number | null;
  readonly iterations: readonly IterationNode[];
  /** Numbers (1-based) of iterations containing a FAILED step. */
  readonly failedIterations: readonly number[];
  /** `output.index` as sent (not trusted). */
  readonly reportedIndex: unknown;
}

export interface BranchInfo {
  /** 1-based. */
  readonly index: number;
  readonly name: string;
  readonly evaluation: boolean | null;
  readonly ran: boolean;
}

export interface RouterInfo {
  readonly form: 'objects' | 'booleans' | 'none';
  readonly executionType: string | null;
  readonly branches: readonly BranchInfo[];
  /** The names of the branches that ran, in order. */
  readonly taken: readonly string[];
  /** AI_ROUTER `choice`, when sent. */
  readonly choice: string | null;
  /** Legacy BRANCH: output.condition. */
  readonly condition: boolean | null;
}

export interface StepNode {
  /** Stable identity: `loop_rows[3].update_row` (1-based iterations). Keys, links, search use it. */
  readonly path: string;
  readonly name: string;
  /** A display name when the data has one (records rarely do; failedStep.displayName fills in). */
  readonly displayName: string | null;
  /** 0 at top level; +1 per loop level. */
  readonly depth: number;
  /** Path of the enclosing iteration (`loop_rows[3]`) or null at top level. */
  readonly iterationPath: string | null;
  /** The chain of loops leading here: [{loop: 'loop_rows', loopPath, number: 3, of: 10}]. */
  readonly trail: readonly TrailEntry[];
  readonly kind: StepKind;
  /** `type` as sent (null when absent or not a string). */
  readonly type: string | null;
  readonly status: StatusInfo;
  readonly durationMs: number | null;
  readonly durationRaw: unknown;
  readonly durationNote: 'negative' | 'invalid' | 'coerced' | 'missing' | null;
  readonly input: Slot;
  readonly output: Slot;
  readonly error: ParsedError | null;
  /** JSON pointer (inside input) → note, for truncation markers. */
  readonly inputMarkers: ReadonlyMap<string, string>;
  readonly notices: readonly Notice[];
  /** Other fields the record carries (standardOutput, pauseMetadata, payload, …), in body order. */
  readonly extras: ReadonlyArray<readonly [string, unknown]>;
  readonly loop: LoopInfo | null;
  readonly router: RouterInfo | null;
  /** For loops: the run's failure is inside this loop. */
  readonly containsFailure: boolean;
  /** The record as sent. */
  readonly raw: unknown;
}

export interface TrailEntry {
  readonly loop: string;
  readonly loopPath: string;
  readonly number: number;
  readonly of: number | null;
}

export interface FailureInfo {
  /** The step the run failed on, or null when no step can be named. */
  readonly step: StepNode | null;
  /** True when the API named no usable failed step and the step was inferred. */
  readonly inferred: boolean;
  /** Why it was inferred or not found (plain sentence), or null. */
  readonly note: string | null;
  /** failedStep as sent (name/displayName), when present. */
  readonly reported: { readonly name: string | null; readonly displayName: string | null } | null;
  /** The display name to show: failedStep.displayName when it names this step, else the step's own. */
  readonly displayName: string | null;
  /** Other FAILED steps (not the failing one). */
  readonly others: readonly StepNode[];
  /** A step left RUNNING in a terminal run (interrupted), when relevant. */
  readonly interrupted: StepNode | null;
  /** failedStep.message when the API sent one. */
  readonly reportedMessage: string | null;
}

export interface TimingInfo {
  readonly created: TimePoint;
  readonly updated: TimePoint;
  readonly started: TimePoint;
  readonly finished: TimePoint;
  /** finish − start (or now − start while live); null when unknown or negative. */
  readonly spanMs: number | null;
  readonly spanKind: 'finished' | 'elapsed' | 'none';
  /** start − created, when both valid and in order. */
  readonly queueMs: number | null;
  /** While queued: now − created. */
  readonly waitingMs: number | null;
  /** `duration` as sent, and what it turned out to mean. */
  readonly reportedDuration: unknown;
  readonly reportedDurationMs: number | null;
  readonly reportedDurationNote: string | null;
  /** The headline duration and how it was obtained. */
  readonly headlineMs: number | null;
  readonly headlineSource: 'timestamps' | 'reported' | 'elapsed' | 'steps' | 'none';
  /** Sum of top-level step durations. */
  readonly stepSumMs: number | null;
  /** Inconsistencies worth a visible notice. */
  readonly issues: readonly Notice[];
}

export type StepsState = 'present' | 'empty' | 'null' | 'invalid' | 'omitted';

export interface RunModel {
  /** What the step nodes were built under (run status, failedStep, …); reuse needs it equal. */
  readonly buildKey: string;
  readonly id: string;
  readonly flowId: string;
  /** flowDisplayName, or the flow ID when there is none. */
  readonly title: string;
  readonly titleIsFlowId: boolean;
  readonly status: StatusInfo;
  readonly timing: TimingInfo;
  readonly stepsCount: number | null;
  readonly tags: { readonly connections: readonly string[]; readonly other: readonly string[] };
  readonly stepsState: StepsState;
  /** Message for the steps area when there are no step records (null when there are). */
  readonly stepsMessage: string | null;
  readonly steps: readonly StepNode[];
  /** Every step (nested too) by path. */
  readonly byPath: ReadonlyMap<string, StepNode>;
  /** Every step in depth-first order. */
  readonly allSteps: readonly StepNode[];
  /** Every iteration by path (`loop_rows[3]`). */
  readonly iterationsByPath: ReadonlyMap<string, { readonly loop: StepNode; readonly iteration: IterationNode }>;
  /** Present for failed statuses and whenever the data names a failing step. */
  readonly failure: FailureInfo | null;
  /** FAILED steps in a run that did not fail (continue on failure). */
  readonly warnings: readonly StepNode[];
  readonly notices: readonly Notice[];
  /** Extra top-level fields the response carried (kept, shown as extra data). */
  readonly extras: ReadonlyArray<readonly [string, unknown]>;
}
