/**
 * The benchmark's table and goal verdicts (pure functions: results in, text out).
 */
import { MB } from './payloads.mjs';

export const INTERACTIONS = ['select', 'expand', 'search', 'scroll'];

/** Issue 7's goals. */
export const GOALS = {
  summaryPayload: 'run-50mb',
  summaryFloorFactor: 2,
  summaryExtraMs: 100,
  interactionTaskMs: 100,
  heapFactor: 4,
  /** Below this, the app's fixed costs (code, the DOM of one screen) dominate any ratio. */
  heapMinPayloadBytes: MB,
};

/** Long tasks are reported from 50 ms; below that the browser says nothing. */
export const LONG_TASK_MS = 50;

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

export function formatMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** "2.6×"; '' when the base is under 1 ms (a ratio to a sub-millisecond floor says nothing). */
function ratioText(value, base) {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base < 1) return '';
  const r = value / base;
  return `${r >= 100 ? Math.round(r) : r.toFixed(1)}×`;
}

/** " (2.6×)" or ''. */
function ratio(value, base) {
  const r = ratioText(value, base);
  return r ? ` (${r})` : '';
}

/** "812 ms (a; b)" with the notes that are not empty. */
function withNotes(text, notes) {
  const kept = notes.filter(Boolean);
  return kept.length ? `${text} (${kept.join('; ')})` : text;
}

/**
 * A long-task cell: the longest task (Long Tasks API, wall time), its ratio to the floor when
 * given, and the longest task by main-thread CPU time; "<50 ms" when no task reached 50 ms.
 */
export function formatTask(m, floorMs = null) {
  if (!m) return '—';
  if (m.skipped) return m.skipped;
  if (m.problem) return `error: ${m.problem}`;
  if (!(m.maxTask > 0)) return `<${LONG_TASK_MS} ms`;
  const cpu = m.cpu?.maxCpuMs;
  return withNotes(formatMs(m.maxTask), [
    ratioText(m.maxTask, floorMs),
    Number.isFinite(cpu) ? `cpu ${formatMs(cpu)}` : '',
  ]);
}

function span(marks, from, to) {
  const a = marks?.[from];
  const b = marks?.[to];
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

/**
 * The heap the payload accounts for: heap after load minus the app's own heap with an empty run
 * (`appHeapBytes`, measured once per bench run), never below 0.
 */
export function payloadHeap(r) {
  if (!Number.isFinite(r.heapBytes)) return null;
  return Math.max(0, r.heapBytes - (Number.isFinite(r.appHeapBytes) ? r.appHeapBytes : 0));
}

/** Derived numbers of one payload's result. */
export function derive(r) {
  const summaryMs = span(r.marks, 'inspector:response', 'inspector:summary-visible');
  const timelineMs = span(r.marks, 'inspector:response', 'inspector:timeline-visible');
  const parsedMs = span(r.marks, 'inspector:response', 'inspector:parsed');
  return { summaryMs, timelineMs, parsedMs };
}

function markCell(r, mark, ms) {
  if (r.problem && !r.marks) return 'error';
  if (r.marks?.['inspector:response'] === null || r.marks?.['inspector:response'] === undefined)
    return 'missing (inspector:response)';
  if (r.marks?.[mark] === null || r.marks?.[mark] === undefined) return `missing (${mark})`;
  const cpu = r.cpuSpans?.[`inspector:response → ${mark}`];
  const cpuRatio = ratioText(cpu, r.floorCpuMs);
  return withNotes(formatMs(ms), [
    ratioText(ms, r.floorMs),
    Number.isFinite(cpu) ? `cpu ${formatMs(cpu)}${cpuRatio ? ` = ${cpuRatio}` : ''}` : '',
  ]);
}

export const COLUMNS = [
  'payload',
  'size',
  'JSON.parse floor',
  'response → summary',
  'response → timeline',
  'longest task, load',
  'longest task, select step',
  'longest task, expand largest',
  'longest task, type search',
  'longest task, scroll steps',
  'JS heap after load',
];

const medianOf = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0
    ? null
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Several runs of one payload → one result: the run whose response → summary is the median is the
 * base (its marks and attributions), and the floor, every longest task and the heap are medians.
 * A problem or harness error in any run is kept. One run is returned as is (with `repeats: 1`).
 */
export function combineRuns(runs) {
  if (runs.length === 1) return { ...runs[0], repeats: 1 };
  const ok = runs.filter((r) => !r.harnessError && !r.problem);
  if (ok.length === 0) return { ...runs[0], repeats: runs.length };
  const bySummary = [...ok].sort(
    (a, b) => (derive(a).summaryMs ?? Infinity) - (derive(b).summaryMs ?? Infinity),
  );
  const base = bySummary[Math.floor((bySummary.length - 1) / 2)];
  const out = structuredClone(base);
  out.repeats = runs.length;
  out.problem = runs.find((r) => r.problem)?.problem ?? null;
  out.harnessError = runs.find((r) => r.harnessError)?.harnessError ?? null;
  out.floorMs = medianOf(ok.map((r) => r.floorMs));
  out.floorCpuMs = medianOf(ok.map((r) => r.floorCpuMs));
  out.heapBytes = medianOf(ok.map((r) => r.heapBytes));
  if (out.load) out.load.maxTask = medianOf(ok.map((r) => r.load?.maxTask ?? 0));
  for (const k of INTERACTIONS) {
    const ms = ok.map((r) => r.interactions?.[k]).filter((m) => m && !m.skipped && !m.problem);
    if (out.interactions[k] && ms.length > 0)
      out.interactions[k].maxTask = medianOf(ms.map((m) => m.maxTask));
  }
  out.runs = ok.map((r) => ({
    summaryMs: derive(r).summaryMs,
    floorMs: r.floorMs,
    loadTask: r.load?.maxTask ?? null,
    ...Object.fromEntries(INTERACTIONS.map((k) => [k, r.interactions?.[k]?.maxTask ?? null])),
    heapBytes: r.heapBytes,
  }));
  return out;
}

/** One table row (cells as text). */
export function rowCells(r) {
  const d = derive(r);
  const heap = Number.isFinite(r.heapBytes)
    ? `${formatBytes(r.heapBytes)}${ratio(payloadHeap(r), r.bytes)}`
    : '—';
  return [
    r.name,
    formatBytes(r.bytes),
    withNotes(formatMs(r.floorMs), [
      Number.isFinite(r.floorCpuMs) && r.floorCpuMs >= 1 ? `cpu ${formatMs(r.floorCpuMs)}` : '',
    ]),
    markCell(r, 'inspector:summary-visible', d.summaryMs),
    markCell(r, 'inspector:timeline-visible', d.timelineMs),
    r.load ? formatTask(r.load, r.floorMs) : r.problem ? 'error' : '—',
    ...INTERACTIONS.map((k) =>
      r.interactions?.[k] === undefined && r.harnessError
        ? 'harness error'
        : formatTask(r.interactions?.[k]),
    ),
    heap,
  ];
}

/** A Markdown table (readable as plain text too). */
export function formatTable(results) {
  const rows = [COLUMNS, ...results.map(rowCells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

/**
 * The three goals of issue 7, evaluated. Each: { id, text, verdict: 'PASS'|'FAIL'|'NOT MEASURED', details[] }.
 */
export function evaluateGoals(results) {
  const goals = [];

  // 1. Summary within 2× floor + 100 ms at 50 MB.
  {
    const r = results.find((x) => x.name === GOALS.summaryPayload);
    const text = `Summary visible ≤ ${GOALS.summaryFloorFactor}× JSON.parse floor + ${GOALS.summaryExtraMs} ms at 50 MB (${GOALS.summaryPayload})`;
    if (!r)
      goals.push({
        id: 'summary-50mb',
        text,
        verdict: 'NOT MEASURED',
        details: [`${GOALS.summaryPayload} was not run`],
      });
    else {
      const { summaryMs } = derive(r);
      if (summaryMs === null || !Number.isFinite(r.floorMs)) {
        goals.push({
          id: 'summary-50mb',
          text,
          verdict: 'FAIL',
          details: [r.problem ? `error: ${r.problem}` : 'a mark or the floor is missing'],
        });
      } else {
        const limit = GOALS.summaryFloorFactor * r.floorMs + GOALS.summaryExtraMs;
        goals.push({
          id: 'summary-50mb',
          text,
          verdict: summaryMs <= limit ? 'PASS' : 'FAIL',
          details: [
            `${formatMs(summaryMs)} vs limit ${formatMs(limit)} (floor ${formatMs(r.floorMs)})`,
          ],
        });
      }
    }
  }

  // 1b. The same on main-thread CPU time (the floor's CPU time, the CPU time between the marks).
  {
    const r = results.find((x) => x.name === GOALS.summaryPayload);
    const text = '… the same on main-thread CPU time (robust to other work on the machine)';
    const cpu = r?.cpuSpans?.['inspector:response → inspector:summary-visible'];
    if (!r || !Number.isFinite(cpu) || !Number.isFinite(r.floorCpuMs)) {
      goals.push({ id: 'summary-50mb-cpu', text, verdict: 'NOT MEASURED', details: [] });
    } else {
      const limit = GOALS.summaryFloorFactor * r.floorCpuMs + GOALS.summaryExtraMs;
      goals.push({
        id: 'summary-50mb-cpu',
        text,
        verdict: cpu <= limit ? 'PASS' : 'FAIL',
        details: [
          `${formatMs(cpu)} CPU vs limit ${formatMs(limit)} (floor ${formatMs(r.floorCpuMs)} CPU)`,
        ],
      });
    }
  }

  // 2. No task over 100 ms during the interactions, at any size.
  {
    const text = `No task over ${GOALS.interactionTaskMs} ms while selecting, expanding, searching, scrolling (every payload)`;
    const details = [];
    let fail = false;
    let measured = 0;
    for (const r of results) {
      if (r.problem && !INTERACTIONS.some((k) => r.interactions?.[k])) {
        fail = true;
        details.push(`${r.name}: not measured (${r.problem})`);
        continue;
      }
      for (const k of INTERACTIONS) {
        const m = r.interactions?.[k];
        if (!m || m.skipped) continue;
        if (m.problem) {
          fail = true;
          details.push(`${r.name} / ${k}: error (${m.problem})`);
          continue;
        }
        measured++;
        if (m.maxTask > GOALS.interactionTaskMs) {
          fail = true;
          details.push(`${r.name} / ${k}: ${formatMs(m.maxTask)}`);
        }
      }
    }
    const skipped = [
      ...new Set(
        results.flatMap((r) =>
          INTERACTIONS.filter((k) => r.interactions?.[k]?.skipped).map(
            (k) => `${k}: ${r.interactions[k].skipped}`,
          ),
        ),
      ),
    ];
    if (skipped.length > 0) details.push(`skipped: ${skipped.join('; ')}`);
    goals.push({
      id: 'interactions',
      text,
      verdict: measured === 0 && !fail ? 'NOT MEASURED' : fail ? 'FAIL' : 'PASS',
      details,
    });
  }

  // 2b. The same by thread CPU time (robust when other work shares the machine's cores).
  {
    const text = `… the same by main-thread CPU time per task (what a task would take on an idle machine)`;
    const details = [];
    let fail = false;
    let measured = 0;
    for (const r of results) {
      for (const k of INTERACTIONS) {
        const m = r.interactions?.[k];
        if (!m || m.skipped || m.problem) continue;
        const cpu = m.cpu?.maxCpuMs;
        if (!Number.isFinite(cpu)) continue;
        measured++;
        if (cpu > GOALS.interactionTaskMs) {
          fail = true;
          details.push(
            `${r.name} / ${k}: ${formatMs(cpu)} CPU (${formatMs(m.cpu.maxWallMs)} wall)`,
          );
        }
      }
    }
    goals.push({
      id: 'interactions-cpu',
      text,
      verdict: measured === 0 ? 'NOT MEASURED' : fail ? 'FAIL' : 'PASS',
      details,
    });
  }

  // 3. Heap under 4× the payload's bytes.
  {
    const text = `JS heap after load < ${GOALS.heapFactor}× payload bytes (payloads ≥ ${formatBytes(GOALS.heapMinPayloadBytes)}; heap minus the app's own heap with an empty run)`;
    const details = [];
    let fail = false;
    let measured = 0;
    for (const r of results) {
      if (r.bytes < GOALS.heapMinPayloadBytes) continue;
      measured++;
      if (!Number.isFinite(r.heapBytes)) {
        fail = true;
        details.push(`${r.name}: not measured${r.problem ? ` (${r.problem})` : ''}`);
      } else if (payloadHeap(r) >= GOALS.heapFactor * r.bytes) {
        fail = true;
        details.push(
          `${r.name}: ${formatBytes(r.heapBytes)} − app ${formatBytes(r.appHeapBytes ?? 0)} = ${formatBytes(payloadHeap(r))} = ${(payloadHeap(r) / r.bytes).toFixed(1)}× ${formatBytes(r.bytes)}`,
        );
      }
    }
    goals.push({
      id: 'heap',
      text,
      verdict: measured === 0 ? 'NOT MEASURED' : fail ? 'FAIL' : 'PASS',
      details,
    });
  }
  return goals;
}

export function formatGoals(goals) {
  return goals
    .map((g) =>
      [`${g.verdict.padEnd(4)}  ${g.text}`, ...g.details.map((d) => `        - ${d}`)].join('\n'),
    )
    .join('\n');
}

export function formatMachine(m) {
  // Before the run, anything over half the cores is someone else's work; at the end the
  // benchmark's own browser accounts for about one core and a half.
  const busy = Number.isFinite(m.loadAverage?.[0]) && m.loadAverage[0] > m.cores * 0.5;
  return [
    `Load average (1 min) before the run ${m.loadAverage?.[0]?.toFixed(2) ?? '?'}, at the end ${m.loadAverage?.[1]?.toFixed(2) ?? '?'} (the benchmark itself adds ~1.5)${busy ? ' — WARNING: the machine was busy with other work; wall times are inflated and noisy (the cpu figures much less so)' : ''}`,
    ...(Number.isFinite(m.appHeapBytes)
      ? [`App's own JS heap (a run without steps, fixture 11): ${formatBytes(m.appHeapBytes)}`]
      : []),
    `CPU: ${m.cpu} × ${m.cores} cores · RAM: ${formatBytes(m.ramBytes)} · ${m.os}`,
    `Chromium ${m.chromium} (${m.chromiumPath}) · Node ${m.node} · ${m.date}`,
    `App: ${m.commit}${m.dirty ? ' + uncommitted changes' : ''} · build: ${m.build}${m.repeat > 1 ? ` · each cell the median of ${m.repeat} runs` : ''}`,
  ].join('\n');
}
