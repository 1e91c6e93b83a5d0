/**
 * Run-level time math (run-data.md §5): spans from the timestamps, the reported `duration` checked
 * against them, queue time, and a notice for every inconsistency. No NaN, no negative spans.
 */
import { coerceDurationMs, formatDuration, parseTimestamp, type TimePoint } from '@/lib/time';
import { textOf } from './error-message';
import type { Notice, StatusInfo, TimingInfo } from './types';

export interface TimingInput {
  created: unknown;
  updated: unknown;
  startTime: unknown;
  finishTime: unknown;
  duration: unknown;
  status: StatusInfo;
  nowMs: number;
  stepSumMs: number | null;
}

function rawText(p: TimePoint): string {
  return p.raw === undefined ? '(absent)' : p.raw === null ? 'null' : JSON.stringify(textOf(p.raw));
}

export function computeTiming(input: TimingInput): TimingInfo {
  const created = parseTimestamp(input.created);
  const updated = parseTimestamp(input.updated);
  const started = parseTimestamp(input.startTime);
  const finished = parseTimestamp(input.finishTime);
  const live = !input.status.terminal;
  const issues: Notice[] = [];

  for (const [label, point, required] of [
    ['created', created, true],
    ['updated', updated, true],
    ['startTime', started, false],
    ['finishTime', finished, false],
  ] as const) {
    if (point.problem === 'unparseable' || (point.problem === 'missing' && required)) {
      issues.push({
        code: `time-${label}-invalid`,
        level: 'warning',
        message: `The ${label} timestamp is ${point.problem === 'missing' ? 'empty' : 'not a valid date'}; it is shown as unknown.`,
        details: [[label, rawText(point)]],
      });
    } else if (point.problem === 'epoch') {
      issues.push({
        code: `time-${label}-epoch`,
        level: 'warning',
        message: `The ${label} timestamp is at or before 1970-01-01 (a placeholder, not a real time); it is treated as unknown.`,
        details: [[label, rawText(point)]],
      });
    }
  }

  let spanMs: number | null = null;
  let spanKind: TimingInfo['spanKind'] = 'none';
  if (started.ms !== null && finished.ms !== null) {
    const span = finished.ms - started.ms;
    if (span >= 0) {
      spanMs = span;
      spanKind = 'finished';
    } else {
      issues.push({
        code: 'finish-before-start',
        level: 'warning',
        message: 'The run finished before it started according to its timestamps (clock skew); the span is not drawn.',
        details: [
          ['startTime', rawText(started)],
          ['finishTime', rawText(finished)],
        ],
      });
    }
  } else if (started.ms !== null && live) {
    const elapsed = input.nowMs - started.ms;
    if (elapsed >= 0) {
      spanMs = elapsed;
      spanKind = 'elapsed';
    } else {
      issues.push({
        code: 'start-in-future',
        level: 'warning',
        message: 'The run’s start time is later than this device’s clock; the elapsed time is unknown.',
        details: [['startTime', rawText(started)]],
      });
    }
  }

  let queueMs: number | null = null;
  if (created.ms !== null && started.ms !== null) {
    const q = started.ms - created.ms;
    if (q >= 0) queueMs = q;
    else {
      issues.push({
        code: 'created-after-start',
        level: 'warning',
        message: 'The run was created after it started according to its timestamps (clock skew); queue time is not shown.',
        details: [
          ['created', rawText(created)],
          ['startTime', rawText(started)],
        ],
      });
    }
  }
  const waitingMs =
    started.ms === null && live && created.ms !== null && input.nowMs >= created.ms ? input.nowMs - created.ms : null;

  // The reported duration: integer ms, but maybe seconds, maybe the last leg only (§5).
  const reported = coerceDurationMs(input.duration);
  let reportedDurationNote: string | null = null;
  const reportedDurationMs = reported.ms;
  if (reported.note === 'negative' || reported.note === 'invalid') {
    issues.push({
      code: 'duration-invalid',
      level: 'warning',
      message: `The reported run duration is ${reported.note === 'negative' ? 'negative' : 'not a usable number'}; it is ignored.`,
      details: [['duration', JSON.stringify(textOf(input.duration))]],
    });
  } else if (reportedDurationMs !== null && spanMs !== null && spanKind === 'finished') {
    const tolerance = Math.max(50, spanMs * 0.01);
    const diff = reportedDurationMs - spanMs;
    if (Math.abs(diff) <= tolerance) {
      reportedDurationNote = null;
    } else if (reportedDurationMs > 0 && Math.abs(reportedDurationMs * 1000 - spanMs) <= Math.max(1000, spanMs * 0.02)) {
      reportedDurationNote = `The reported duration (${reportedDurationMs}) looks like seconds: it matches the timestamps’ ${formatDuration(spanMs)} when read as seconds.`;
    } else if (diff < 0) {
      reportedDurationNote = `Took ${formatDuration(spanMs)}; executing ${formatDuration(reportedDurationMs)} (the reported duration counts engine time only, so the run probably paused or waited).`;
    } else {
      reportedDurationNote = `The reported duration (${formatDuration(reportedDurationMs)}) is longer than the time between start and finish (${formatDuration(spanMs)}): the data is inconsistent.`;
      issues.push({
        code: 'duration-above-span',
        level: 'warning',
        message: reportedDurationNote,
        details: [
          ['duration', String(reportedDurationMs)],
          ['startTime', rawText(started)],
          ['finishTime', rawText(finished)],
        ],
      });
    }
  }

  let headlineMs: number | null = null;
  let headlineSource: TimingInfo['headlineSource'] = 'none';
  if (spanKind === 'finished') {
    headlineMs = spanMs;
    headlineSource = 'timestamps';
  } else if (spanKind === 'elapsed') {
    headlineMs = spanMs;
    headlineSource = 'elapsed';
  } else if (reportedDurationMs !== null && !live) {
    headlineMs = reportedDurationMs;
    headlineSource = 'reported';
  } else if (input.stepSumMs !== null && input.stepSumMs > 0 && !live) {
    headlineMs = input.stepSumMs;
    headlineSource = 'steps';
  }

  // A run RUNNING or QUEUED far longer than the engine's time limit (600 s by default) is most
  // likely stuck: the worker died or the run was lost. PAUSED can last days, so it is left alone.
  const STUCK_MS = 60 * 60_000;
  if (input.status.raw === 'RUNNING' && spanKind === 'elapsed' && spanMs !== null && spanMs > STUCK_MS) {
    issues.push({
      code: 'probably-stuck',
      level: 'warning',
      message: `This run has been RUNNING for ${formatDuration(spanMs)}, far past the engine's time limit (600 s by default): it is probably stuck (a lost worker), not still working.`,
    });
  } else if (input.status.raw === 'QUEUED' && waitingMs !== null && waitingMs > STUCK_MS) {
    issues.push({
      code: 'probably-stuck',
      level: 'warning',
      message: `This run has been QUEUED for ${formatDuration(waitingMs)}: no worker picked it up; check worker capacity, or whether the run was lost.`,
    });
  }

  if (spanMs !== null && input.stepSumMs !== null && input.stepSumMs > spanMs * 1.01 + 5) {
    issues.push({
      code: 'steps-exceed-span',
      level: 'info',
      message: `The step durations add up to ${formatDuration(input.stepSumMs)}, more than the run’s ${formatDuration(spanMs)}; the timeline is scaled to the longer of the two.`,
    });
  }

  return {
    created,
    updated,
    started,
    finished,
    spanMs,
    spanKind,
    queueMs,
    waitingMs,
    reportedDuration: input.duration,
    reportedDurationMs,
    reportedDurationNote,
    headlineMs,
    headlineSource,
    stepSumMs: input.stepSumMs,
    issues,
  };
}
