/**
 * Run and step statuses: the single table that says how each one reads (run-data.md §2, §3).
 * Unknown values are shown verbatim in a neutral style and treated as terminal.
 */
import type { StatusIcon, StatusInfo, Tone } from './types';

interface Row {
  label: string;
  tone: Tone;
  icon: StatusIcon;
  terminal: boolean;
  failed: boolean;
  hint: string;
}

const RUN: Record<string, Row> = {
  QUEUED: {
    label: 'Queued',
    tone: 'neutral',
    icon: 'hourglass',
    terminal: false,
    failed: false,
    hint: 'The run is waiting for a worker and has not started yet; if it stays queued for long, check worker capacity.',
  },
  RUNNING: {
    label: 'Running',
    tone: 'live',
    icon: 'spinner',
    terminal: false,
    failed: false,
    hint: 'The run is executing now; this page keeps refreshing until it ends.',
  },
  PAUSED: {
    label: 'Paused',
    tone: 'paused',
    icon: 'pause',
    terminal: false,
    failed: false,
    hint: 'The run is waiting on a delay, an approval or a webhook, which can last days; check the paused step for what it waits on.',
  },
  SUCCEEDED: {
    label: 'Succeeded',
    tone: 'success',
    icon: 'check',
    terminal: true,
    failed: false,
    hint: 'The run finished successfully.',
  },
  STOPPED: {
    label: 'Stopped',
    tone: 'success',
    icon: 'stop',
    terminal: true,
    failed: false,
    hint: 'A Stop step ended the flow on purpose (a legacy status); this counts as a success.',
  },
  FAILED: {
    label: 'Failed',
    tone: 'failed',
    icon: 'cross',
    terminal: true,
    failed: true,
    hint: 'A step failed and the run stopped there; check that step’s error and its input.',
  },
  TIMEOUT: {
    label: 'Timed out',
    tone: 'failed',
    icon: 'clock',
    terminal: true,
    failed: true,
    hint: 'The run went past the execution time limit (600 s by default); check the step that was still running and what it waited on.',
  },
  MEMORY_LIMIT_EXCEEDED: {
    label: 'Memory limit exceeded',
    tone: 'failed',
    icon: 'alert',
    terminal: true,
    failed: true,
    hint: 'The engine ran out of memory; check the step that was running for large files or outputs.',
  },
  LOG_SIZE_EXCEEDED: {
    label: 'Log size exceeded',
    tone: 'failed',
    icon: 'alert',
    terminal: true,
    failed: true,
    hint: 'The step data grew past the log size limit; check the step marked failed for an oversized output.',
  },
  QUOTA_EXCEEDED: {
    label: 'Quota exceeded',
    tone: 'failed',
    icon: 'ban',
    terminal: true,
    failed: true,
    hint: 'The account ran out of quota or credits, so the flow never executed; check the plan’s usage limits.',
  },
  INTERNAL_ERROR: {
    label: 'Internal error',
    tone: 'failed',
    icon: 'alert',
    terminal: true,
    failed: true,
    hint: 'The platform failed, not the flow; retry the run, and escalate to the platform team if it repeats.',
  },
  CANCELED: {
    label: 'Canceled',
    tone: 'neutral',
    icon: 'ban',
    terminal: true,
    failed: false,
    hint: 'The run was canceled while it was paused or queued; this is not a failure.',
  },
};

const STEP: Record<string, Omit<Row, 'terminal' | 'failed' | 'hint'> & { failed: boolean }> = {
  SUCCEEDED: { label: 'Succeeded', tone: 'success', icon: 'check', failed: false },
  STOPPED: { label: 'Stopped', tone: 'success', icon: 'stop', failed: false },
  FAILED: { label: 'Failed', tone: 'failed', icon: 'cross', failed: true },
  RUNNING: { label: 'Running', tone: 'live', icon: 'spinner', failed: false },
  PAUSED: { label: 'Paused', tone: 'paused', icon: 'pause', failed: false },
};

const own = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);

export function runStatusInfo(raw: unknown): StatusInfo {
  const text = typeof raw === 'string' ? raw : '';
  if (own(RUN, text)) {
    const row = RUN[text]!;
    return { raw: text, known: true, ...row };
  }
  return {
    raw: text,
    known: false,
    label: text === '' ? 'Unknown status' : text,
    tone: 'neutral',
    icon: 'question',
    terminal: true,
    failed: false,
    hint:
      text === ''
        ? 'The API sent no status for this run.'
        : `“${text}” is a status this inspector does not know; it is shown as sent and treated as finished.`,
  };
}

export interface StepStatusContext {
  /** The run is terminal (a RUNNING step was cut off). */
  runTerminal: boolean;
  /** The run did not fail (a FAILED step was continued). */
  runSucceeded: boolean;
}

/** A step's status, read in the light of the run's (run-data.md §3). */
export function stepStatusInfo(raw: unknown, ctx: StepStatusContext): StatusInfo {
  const text = typeof raw === 'string' ? raw : '';
  if (own(STEP, text)) {
    const row = STEP[text]!;
    if (text === 'RUNNING' && ctx.runTerminal) {
      return {
        raw: text,
        known: true,
        label: 'Interrupted',
        tone: 'warning',
        icon: 'interrupted',
        terminal: true,
        failed: false,
        hint: 'This step was still running when the run ended; it was cut off and never finished.',
      };
    }
    if (text === 'FAILED' && ctx.runSucceeded) {
      return {
        raw: text,
        known: true,
        label: 'Failed (continued)',
        tone: 'warning',
        icon: 'alert',
        terminal: true,
        failed: true,
        hint: 'This step failed, but it was set to continue on failure, so the run went on.',
      };
    }
    return {
      raw: text,
      known: true,
      label: row.label,
      tone: row.tone,
      icon: row.icon,
      terminal: text !== 'RUNNING' && text !== 'PAUSED',
      failed: row.failed,
      hint:
        text === 'PAUSED'
          ? 'The run is waiting on this step.'
          : text === 'RUNNING'
            ? 'This step is running now.'
            : '',
    };
  }
  return {
    raw: text,
    known: false,
    label: text === '' ? 'No status' : text,
    tone: 'neutral',
    icon: 'question',
    terminal: true,
    failed: false,
    hint: text === '' ? 'The record carries no status.' : `“${text}” is shown as sent.`,
  };
}

/** An iteration's derived status: FAILED if any step failed, else RUNNING, else PAUSED, else SUCCEEDED. */
export function derivedStatus(
  statuses: readonly string[],
  ctx: StepStatusContext,
  empty: boolean,
): StatusInfo {
  if (empty) {
    return {
      raw: '',
      known: false,
      label: 'No data',
      tone: 'neutral',
      icon: 'question',
      terminal: true,
      failed: false,
      hint: 'This iteration carries no step data.',
    };
  }
  const pick = statuses.includes('FAILED')
    ? 'FAILED'
    : statuses.includes('RUNNING')
      ? 'RUNNING'
      : statuses.includes('PAUSED')
        ? 'PAUSED'
        : 'SUCCEEDED';
  return stepStatusInfo(pick, ctx);
}

export const FAILED_RUN_STATUSES: ReadonlySet<string> = new Set(
  Object.entries(RUN)
    .filter(([, r]) => r.failed)
    .map(([k]) => k),
);

export const DOCUMENTED_RUN_STATUSES = [
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
] as const;
