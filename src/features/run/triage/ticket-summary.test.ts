import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '@/lib/json-body';
import { buildRunModel } from '../model/run-model';
import type { RunModel } from '../model/types';
import { buildTicketSummary, type TicketSummaryOptions } from './ticket-summary';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const NOW = Date.UTC(2026, 0, 1);

function fixtureBody(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
}
function fixture(file: string): RunModel {
  const parsed = parseJsonBody(readFileSync(join(FIXTURES, file), 'utf8'));
  return buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: NOW });
}
function model(body: unknown): RunModel {
  return buildRunModel({ body, keyOrder: null, nowMs: NOW });
}

const opts = (m: RunModel, extra: Partial<TicketSummaryOptions> = {}): TicketSummaryOptions => ({
  link: `https://inspector.example.test/runs/${m.id}`,
  stepLink: (p) => `https://inspector.example.test/runs/${m.id}?step=${encodeURIComponent(p)}`,
  zone: 'utc',
  ...extra,
});

describe('ticket summary: a failure inside a loop iteration (03)', () => {
  const m = fixture('03-loop-failure.json');
  const { markdown, text } = buildTicketSummary(m, opts(m));

  it('names status, flow, run, link, times with the zone, and duration', () => {
    for (const out of [markdown, text]) {
      expect(out).toContain('Failed');
      expect(out).toContain('Weekly contact cleanup');
      expect(out).toContain('Ynh2cq7iP8VIx0qdhQHjy');
      expect(out).toContain('2FlC5aydGaXPAQUobq5GX');
      expect(out).toContain('https://inspector.example.test/runs/2FlC5aydGaXPAQUobq5GX');
      expect(out).toContain('2025-08-11 06:00:00.214 UTC');
      expect(out).toContain('2025-08-11 06:00:00.219 UTC');
      expect(out).toContain('2025-08-11 06:00:02.122 UTC');
      expect(out).toContain('1.9 s');
    }
  });

  it('names the failing step: display name, name, path, iteration k of n, and its error', () => {
    expect(markdown).toContain('**Failed step: Update CRM contact (`update_contact`)**');
    expect(markdown).toContain('- **Path:** `loop_rows[3].update_contact`');
    expect(markdown).toContain('iteration 3 of 10 of loop_rows');
    expect(markdown).toContain('?step=loop_rows%5B3%5D.update_contact');
    expect(markdown).toMatch(/```text\nHTTP 422 · validation_failed: Contact could not be updated\n```/);
    expect(text).toContain('Failed step: Update CRM contact (update_contact)');
    expect(text).toContain('Path: loop_rows[3].update_contact');
    expect(text).toContain('    HTTP 422 · validation_failed: Contact could not be updated');
  });

  it('the plain-text variant carries no Markdown syntax', () => {
    expect(text).not.toMatch(/\*\*|`|^#+ |\\/m);
    expect(markdown).toMatch(/^### /);
  });

  it('in local time, names the zone and adds UTC in brackets', () => {
    const local = buildTicketSummary(m, opts(m, { zone: 'local' })).text;
    expect(local).toMatch(/Created: 2025-08-11 \d\d:00:00\.214 \S+ \(2025-08-11 06:00:00\.214 UTC\)/);
    expect(local).toMatch(/Time zone: .+; UTC in brackets/);
  });
});

describe('ticket summary: other shapes', () => {
  it('a nested iteration reads innermost first, with every level', () => {
    const body = fixtureBody('17-nested-loops.json');
    body.status = 'FAILED';
    body.failedStep = { name: 'check_level', displayName: 'Check stock level' };
    const steps = body.steps as Record<string, { output: { iterations: Array<Record<string, { output: { iterations: Array<Record<string, Record<string, unknown>>> } }>> } }>;
    const inner = steps.loop_warehouses!.output.iterations[1]!.loop_skus!.output.iterations[2]!;
    inner.check_level!.status = 'FAILED';
    inner.check_level!.errorMessage = 'Stock service said no';
    const m = model(body);
    expect(m.failure?.step?.path).toBe('loop_warehouses[2].loop_skus[3].check_level');
    const { text } = buildTicketSummary(m, opts(m));
    expect(text).toContain('Where: iteration 3 of 3 of loop_skus, inside iteration 2 of 4 of loop_warehouses');
    expect(text).toContain('Stock service said no');
  });

  it('keeps at most 5 lines of a long error, and says how many more there are (16)', () => {
    const m = fixture('16-stack-trace-error.json');
    const { text, markdown } = buildTicketSummary(m, opts(m));
    expect(text).toContain('Error: connect ECONNREFUSED 192.0.2.15:5432');
    const block = /```text\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? '';
    expect(block.split('\n')).toHaveLength(5);
    expect(block).toContain('errno');
    expect(block).not.toContain('port: 5432');
    expect(markdown).toMatch(/\(\d+ more lines? in the inspector\)/);
  });

  it('lists the data notices (12) and the steps that failed while the run went on (05)', () => {
    const m12 = fixture('12-memory-limit.json');
    expect(buildTicketSummary(m12, opts(m12)).text).toMatch(/One step has no recorded duration/);
    const m05 = fixture('05-continue-on-failure.json');
    const t05 = buildTicketSummary(m05, opts(m05)).text;
    expect(t05).toContain('Failed steps, the run continued (1)');
    expect(t05).toContain("- step_4: Cannot read properties of undefined (reading 'revenue')");
  });

  it('other failed steps are listed after the failing one', () => {
    const body = fixtureBody('05-continue-on-failure.json');
    body.status = 'FAILED';
    const steps = body.steps as Record<string, Record<string, unknown>>;
    steps.step_3!.status = 'FAILED';
    steps.step_3!.errorMessage = 'Second problem';
    body.failedStep = { name: 'step_3' };
    const m = model(body);
    const { text } = buildTicketSummary(m, opts(m));
    expect(text).toContain('Other failed steps (1)');
    expect(text).toMatch(/- step_4: Cannot read properties/);
  });

  it('a failure with no step says what the status means and names the interrupted step (09)', () => {
    const m = fixture('09-timeout.json');
    const { text } = buildTicketSummary(m, opts(m));
    expect(text).toContain('Run timed out');
    expect(text).toContain(m.status.hint);
    expect(text).toContain('Interrupted step: build_csv');
  });

  it('a run that never started says so instead of showing made-up times (08)', () => {
    const m = fixture('08-queued.json');
    const { text } = buildTicketSummary(m, opts(m));
    expect(text).toContain('Started: — (not started yet)');
    expect(text).toContain('Finished: — (not finished)');
    expect(text).not.toMatch(/NaN|Invalid Date|1970/);
  });
});

describe('ticket summary: masking and the token', () => {
  const secret = 'Bearer sk_live_51HqAbCdEfGhIjKlMnOp';
  const body: Record<string, unknown> = { ...fixtureBody('02-failed-http-step.json'), flowDisplayName: 'Sync with token=hunter2abc9' };
  const steps = body.steps as Record<string, Record<string, unknown>>;
  steps.post_ledger_entry!.errorMessage = `Request failed\nAuthorization: ${secret}\nThe API said no to e2e-token-Zq8vX2`;
  const m = model(body);

  it('masks secrets in every text unless the view revealed them', () => {
    const masked = buildTicketSummary(m, opts(m));
    for (const out of [masked.markdown, masked.text]) {
      expect(out).not.toContain('sk_live_51HqAbCdEfGhIjKlMnOp');
      expect(out).not.toContain('hunter2abc9');
      expect(out).toContain('••••••');
    }
    const revealed = buildTicketSummary(m, opts(m, { mask: false }));
    expect(revealed.text).toContain('sk_live_51HqAbCdEfGhIjKlMnOp');
    expect(revealed.text).toContain('hunter2abc9');
  });

  it('never includes the API token, even when the data quotes it and secrets are revealed', () => {
    const out = buildTicketSummary(m, opts(m, { mask: false, token: 'e2e-token-Zq8vX2' }));
    expect(out.markdown).not.toContain('e2e-token-Zq8vX2');
    expect(out.text).not.toContain('e2e-token-Zq8vX2');
    expect(out.text).toContain('[token hidden]');
  });

  it('escapes Markdown in names taken from the data', () => {
    const m2 = model({ ...fixtureBody('01-happy-path.json'), flowDisplayName: 'Orders *bold* [link](https://evil.test) <b>x</b>' });
    const md = buildTicketSummary(m2, opts(m2)).markdown;
    expect(md).toContain('Orders \\*bold\\* \\[link\\](https://evil.test) \\<b\\>x\\</b\\>');
    expect(buildTicketSummary(m2, opts(m2)).text).toContain('Orders *bold* [link](https://evil.test) <b>x</b>');
  });
});
