import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseJsonBody } from '@/lib/json-body';
import { buildRunModel } from '@/features/run/model/run-model';
import { layoutTimeline } from '@/features/run/timeline/timeline-layout';
it('dump', () => {
  for (const f of (process.env.FILES ?? '').split(',')) {
    const parsed = parseJsonBody(readFileSync(f, 'utf8'));
    const now = Number(process.env.NOW ?? Date.UTC(2026, 0, 1));
    const m = buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: now });
    const l = layoutTimeline(m, { nowMs: now, expanded: new Set((process.env.EXP ?? '').split(',')), zone: 'utc' });
    const { rows, ...rest } = l;
    console.log(f, JSON.stringify(rest, (k, v) => (k === 'notices' ? v.map((n: { code: string }) => n.code) : v), 1).slice(0, 3000));
    for (const r of rows) console.log('ROW' + '  '.repeat(r.depth), r.key, r.offset.toFixed(4), r.width.toFixed(4), r.minWidth ? 'MIN' : '', r.open ? 'OPEN' : '', r.failing ?? '', '|', r.summary, r.loop ? JSON.stringify(r.loop.segments.map((s) => [s.offset.toFixed(3), s.width.toFixed(3), s.status.label, s.failing])) : '');
  }
});
