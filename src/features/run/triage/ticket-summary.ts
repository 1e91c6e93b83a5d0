/**
 * "Copy summary": what a support engineer pastes into a ticket or a chat. Pure: the run model and
 * a few options in, Markdown and plain text out. Both variants come from one list of blocks, so
 * they always say the same thing.
 *
 * Every text taken from the run goes through the same masking as the view (unless the user
 * revealed secrets), and the API token never appears: the model doesn't hold it, and any
 * occurrence in the data is replaced as a last step.
 */
import { isSecretString, MASK, maskSecretsInText } from '@/lib/secrets';
import { formatDateTime, formatDuration, zoneLabel, type TimePoint, type ZoneChoice } from '@/lib/time';
import type { RunModel, StepNode } from '../model/types';

export interface TicketSummaryOptions {
  /** Absolute link to the run. */
  link: string;
  /** Absolute link to a step of the run. */
  stepLink: (path: string) => string;
  /** The time zone the page shows (the summary names it, and adds UTC). */
  zone: ZoneChoice;
  /** Mask secrets (the view's reveal state). Default true. */
  mask?: boolean;
  /** The API token, so that it can never end up in the summary, whatever the data holds. */
  token?: string | null;
  /** Where the run came from when not from the API, e.g. "run-x.json" or "pasted JSON". */
  source?: string | null;
}

export interface TicketSummary {
  markdown: string;
  text: string;
}

/** Lines of the failing step's error that go into the summary. */
export const ERROR_LINES = 5;
const LINE_MAX = 300;
const OTHERS_MAX = 10;
const NOTICES_MAX = 10;
const TOKEN_MIN = 6;

/** A piece of inline text: plain words, a code-ish value (IDs, paths), or a URL. */
type Part = { t: 'text' | 'code' | 'url'; v: string };
type Inline = Part[];

type Block =
  | { kind: 'title'; parts: Inline }
  | { kind: 'heading'; parts: Inline }
  | { kind: 'facts'; items: Array<{ label: string; parts: Inline }> }
  | { kind: 'para'; parts: Inline }
  | { kind: 'list'; items: Inline[] }
  | { kind: 'code'; label: string; lines: string[] };

const text = (v: string): Part => ({ t: 'text', v });
const code = (v: string): Part => ({ t: 'code', v });
const url = (v: string): Part => ({ t: 'url', v });

function oneLine(s: string, max = LINE_MAX): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function durationText(model: RunModel): string {
  const t = model.timing;
  switch (t.headlineSource) {
    case 'timestamps':
      return formatDuration(t.headlineMs);
    case 'elapsed':
      return `${formatDuration(t.headlineMs)} so far (the run is still going)`;
    case 'reported':
      return `${formatDuration(t.headlineMs)} (as reported by the API)`;
    case 'steps':
      return `≈ ${formatDuration(t.headlineMs)} (estimated from the step durations)`;
    default:
      return '—';
  }
}

function timeText(point: TimePoint, zone: ZoneChoice, missing: string): string {
  if (point.ms === null) {
    if (point.raw === undefined || point.raw === null || point.raw === '') return missing;
    return `— (unreadable value: ${oneLine(typeof point.raw === 'string' ? point.raw : JSON.stringify(point.raw), 80)})`;
  }
  const shown = formatDateTime(point.ms, zone);
  return zone === 'utc' ? shown : `${shown} (${formatDateTime(point.ms, 'utc')})`;
}

function whereText(step: StepNode): string | null {
  if (step.trail.length === 0) return null;
  // Innermost first: "iteration 3 of 3 of loop_skus, inside iteration 2 of 4 of loop_warehouses".
  return [...step.trail]
    .reverse()
    .map((t) => `iteration ${t.number}${t.of !== null ? ` of ${t.of}` : ''} of ${t.loop}`)
    .join(', inside ');
}

function stepTitle(step: StepNode, displayName: string | null): Inline {
  const name = step.name === '' ? '""' : step.name;
  return displayName && displayName !== step.name ? [text(displayName), text(' ('), code(name), text(')')] : [code(name)];
}

/** The first lines of an error: headline, then the body, at most ERROR_LINES, each clipped. */
function errorLines(step: StepNode): { lines: string[]; more: number } {
  const e = step.error;
  if (!e) return { lines: [], more: 0 };
  const all = [e.headline, e.body ?? '']
    .join('\n')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l, i) => i === 0 || l.trim() !== '');
  const lines = all.slice(0, ERROR_LINES).map((l) => (l.length <= LINE_MAX ? l : `${l.slice(0, LINE_MAX - 1)}…`));
  return { lines, more: Math.max(0, all.length - ERROR_LINES) };
}

function buildBlocks(model: RunModel, opts: TicketSummaryOptions): Block[] {
  const { zone } = opts;
  const blocks: Block[] = [];
  const status = model.status;
  const statusParts: Inline = [text(status.label)];
  if (status.raw && status.raw !== status.label) statusParts.push(text(' ('), code(status.raw), text(')'));

  blocks.push({ kind: 'title', parts: [text(`Run ${status.label.toLowerCase()}: `), text(model.title)] });

  const t = model.timing;
  const zoneAt = t.started.ms ?? t.created.ms ?? undefined;
  const facts: Array<{ label: string; parts: Inline }> = [
    { label: 'Status', parts: statusParts },
    {
      label: 'Flow',
      parts: model.titleIsFlowId ? [code(model.flowId), text(' (no flow name)')] : [text(model.title), text(' ('), code(model.flowId), text(')')],
    },
    { label: 'Run ID', parts: [code(model.id)] },
    { label: 'Link', parts: [url(opts.link)] },
  ];
  if (opts.source) facts.push({ label: 'Source', parts: [text(`opened from ${opts.source}, not from the API`)] });
  facts.push(
    { label: 'Created', parts: [text(timeText(t.created, zone, '—'))] },
    { label: 'Started', parts: [text(timeText(t.started, zone, status.terminal ? '— (never started)' : '— (not started yet)'))] },
    { label: 'Finished', parts: [text(timeText(t.finished, zone, status.terminal ? '—' : '— (not finished)'))] },
    { label: 'Duration', parts: [text(durationText(model))] },
    {
      label: 'Time zone',
      parts: [text(zone === 'utc' ? 'UTC' : `${zoneLabel(zone, zoneAt)}; UTC in brackets`)],
    },
  );
  blocks.push({ kind: 'facts', items: facts });

  const failure = model.failure;
  if (failure) {
    const step = failure.step;
    if (step) {
      blocks.push({ kind: 'heading', parts: [text('Failed step: '), ...stepTitle(step, failure.displayName ?? step.displayName)] });
      const stepFacts: Array<{ label: string; parts: Inline }> = [{ label: 'Path', parts: [code(step.path)] }];
      const where = whereText(step);
      if (where) stepFacts.push({ label: 'Where', parts: [text(where)] });
      if (step.type) stepFacts.push({ label: 'Type', parts: [code(step.type)] });
      stepFacts.push({ label: 'Step link', parts: [url(opts.stepLink(step.path))] });
      if (failure.note) stepFacts.push({ label: 'Note', parts: [text(oneLine(failure.note))] });
      blocks.push({ kind: 'facts', items: stepFacts });
      const { lines, more } = errorLines(step);
      if (lines.length > 0) {
        blocks.push({ kind: 'code', label: 'Error', lines });
        if (more > 0) blocks.push({ kind: 'para', parts: [text(`(${more} more ${more === 1 ? 'line' : 'lines'} in the inspector)`)] });
      } else if (failure.reportedMessage) {
        blocks.push({ kind: 'code', label: 'Error (as reported)', lines: [oneLine(failure.reportedMessage)] });
      }
    } else {
      blocks.push({ kind: 'heading', parts: [text(status.failed ? `Run ${status.label.toLowerCase()}: no failed step named` : 'Failure')] });
      const para: Inline = [text(status.hint)];
      if (failure.note) para.push(text(` ${oneLine(failure.note)}`));
      blocks.push({ kind: 'para', parts: para });
      if (failure.interrupted) {
        blocks.push({
          kind: 'facts',
          items: [
            { label: 'Interrupted step', parts: [code(failure.interrupted.path), text(' (still running when the run ended)')] },
            { label: 'Step link', parts: [url(opts.stepLink(failure.interrupted.path))] },
          ],
        });
      }
      if (failure.reportedMessage) blocks.push({ kind: 'code', label: 'Message', lines: [oneLine(failure.reportedMessage)] });
    }
    if (failure.others.length > 0) {
      blocks.push({ kind: 'heading', parts: [text(`Other failed steps (${failure.others.length})`)] });
      blocks.push({ kind: 'list', items: stepItems(failure.others) });
    }
  } else if (model.warnings.length > 0) {
    blocks.push({ kind: 'heading', parts: [text(`Failed steps, the run continued (${model.warnings.length})`)] });
    blocks.push({ kind: 'list', items: stepItems(model.warnings) });
  }

  if (model.notices.length > 0) {
    blocks.push({ kind: 'heading', parts: [text(`Data notices (${model.notices.length})`)] });
    const items: Inline[] = model.notices.slice(0, NOTICES_MAX).map((n) => [text(`${n.level === 'info' ? 'Info' : n.level === 'error' ? 'Error' : 'Warning'}: ${oneLine(n.message)}`)]);
    if (model.notices.length > NOTICES_MAX) items.push([text(`… and ${model.notices.length - NOTICES_MAX} more`)]);
    blocks.push({ kind: 'list', items });
  }
  return blocks;
}

function stepItems(steps: readonly StepNode[]): Inline[] {
  const items: Inline[] = steps.slice(0, OTHERS_MAX).map((s) => {
    const first = s.error ? errorLines(s).lines[0] : undefined;
    return first ? [code(s.path), text(`: ${oneLine(first, 160)}`)] : [code(s.path)];
  });
  if (steps.length > OTHERS_MAX) items.push([text(`… and ${steps.length - OTHERS_MAX} more`)]);
  return items;
}

// ---- Rendering ------------------------------------------------------------------------------

/**
 * Backslash-escapes what Markdown would read as formatting, links or HTML. An underscore inside a
 * word (`loop_rows`) is left alone: GFM doesn't read it as emphasis, and the source stays readable.
 */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*{}[\]<>|~]|_(?![A-Za-z0-9])|(?<![A-Za-z0-9])_/g, '\\$&');
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let cur = 0;
  for (const c of s) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

/** Inline code that survives backticks inside (CommonMark: a longer fence, padded by spaces). */
function inlineCode(s: string): string {
  const v = oneLine(s);
  const fence = '`'.repeat(longestRun(v, '`') + 1);
  const pad = v.startsWith('`') || v.endsWith('`') || v === '' ? ' ' : '';
  return `${fence}${pad}${v}${pad}${fence}`;
}

function mdInline(parts: Inline): string {
  return parts.map((p) => (p.t === 'code' ? inlineCode(p.v) : p.t === 'url' ? `<${p.v.replace(/[<>\s]/g, encodeURIComponent)}>` : escapeMarkdown(p.v))).join('');
}

function plainInline(parts: Inline): string {
  return parts.map((p) => p.v).join('');
}

function toMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`### ${mdInline(b.parts)}`, '');
        break;
      case 'heading':
        out.push(`**${mdInline(b.parts)}**`, '');
        break;
      case 'facts':
        for (const f of b.items) out.push(`- **${f.label}:** ${mdInline(f.parts)}`);
        out.push('');
        break;
      case 'para':
        out.push(mdInline(b.parts), '');
        break;
      case 'list':
        for (const item of b.items) out.push(`- ${mdInline(item)}`);
        out.push('');
        break;
      case 'code': {
        const fence = '`'.repeat(Math.max(3, longestRun(b.lines.join('\n'), '`') + 1));
        out.push(`${b.label}:`, '', `${fence}text`, ...b.lines, fence, '');
        break;
      }
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function toText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(plainInline(b.parts), '');
        break;
      case 'heading':
        out.push(plainInline(b.parts));
        break;
      case 'facts': {
        for (const f of b.items) out.push(`${f.label}: ${plainInline(f.parts)}`);
        out.push('');
        break;
      }
      case 'para':
        out.push(plainInline(b.parts), '');
        break;
      case 'list':
        for (const item of b.items) out.push(`- ${plainInline(item)}`);
        out.push('');
        break;
      case 'code':
        out.push(`${b.label}:`, ...b.lines.map((l) => `    ${l}`), '');
        break;
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

// ---- Masking --------------------------------------------------------------------------------

function maskText(s: string): string {
  if (isSecretString(s)) return MASK;
  return maskSecretsInText(s).text;
}

function maskBlocks(blocks: Block[]): Block[] {
  const part = (p: Part): Part => (p.t === 'url' ? p : { t: p.t, v: maskText(p.v) });
  const inline = (parts: Inline): Inline => parts.map(part);
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'title':
      case 'heading':
      case 'para':
        return { kind: b.kind, parts: inline(b.parts) };
      case 'facts':
        return { kind: 'facts', items: b.items.map((f) => ({ label: f.label, parts: inline(f.parts) })) };
      case 'list':
        return { kind: 'list', items: b.items.map(inline) };
      case 'code':
        return { kind: 'code', label: b.label, lines: b.lines.map(maskText) };
    }
  });
}

function withoutToken(s: string, token: string | null | undefined): string {
  return token && token.length >= TOKEN_MIN && s.includes(token) ? s.split(token).join('[token hidden]') : s;
}

/** The summary of a run for a ticket, as Markdown and as plain text. */
export function buildTicketSummary(model: RunModel, opts: TicketSummaryOptions): TicketSummary {
  let blocks = buildBlocks(model, opts);
  if (opts.mask !== false) blocks = maskBlocks(blocks);
  return {
    markdown: withoutToken(toMarkdown(blocks), opts.token),
    text: withoutToken(toText(blocks), opts.token),
  };
}
