import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunFromText } from '@/lib/api-client';
import { runFileName, runJsonText } from './run-export';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const SIGNATURE = 'sha256=2de963a8cc7d2cd0e63b0bb0841d5824cbf5f950221be3e456e4249ac21be168';

describe('run export', () => {
  const text01 = readFileSync(join(FIXTURES, '01-happy-path.json'), 'utf8');
  const loaded = loadRunFromText(text01);

  it('masks secrets by default, and keeps them only when asked', () => {
    const masked = runJsonText(loaded, { masked: true });
    expect(masked).not.toContain(SIGNATURE);
    expect(JSON.parse(masked).steps.trigger.output.headers['x-storehooks-signature']).toMatch(/masked/);
    // The engine's own placeholder stays as it was.
    expect(JSON.parse(masked).steps.lookup_customer.input.headers.Authorization).toBe('**REDACTED**');
    expect(runJsonText(loaded, { masked: false })).toContain(SIGNATURE);
  });

  it('unmasked, it is the run as received: same values, and it opens again the same way', () => {
    const out = runJsonText(loaded, { masked: false });
    expect(JSON.parse(out)).toEqual(JSON.parse(text01));
    const again = loadRunFromText(out);
    expect(Object.keys(again.run.steps ?? {})).toEqual(Object.keys(loaded.run.steps ?? {}));
  });

  it('keeps the body’s key order where JSON.parse would not (integer-like keys) and big integers exact', () => {
    const body = `{"id":"r1","flowId":"f1","status":"SUCCEEDED","created":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:00Z","steps":{"b":{"status":"SUCCEEDED","output":{"10":"x","2":"y","big":12345678901234567890}},"a":{"status":"SUCCEEDED"}}}`;
    const out = runJsonText(loadRunFromText(body), { masked: true });
    expect(out.indexOf('"10"')).toBeLessThan(out.indexOf('"2"'));
    expect(out).toContain('12345678901234567890');
    expect(out.indexOf('"b"')).toBeLessThan(out.indexOf('"a"'));
  });

  it('names the file after the run', () => {
    expect(runFileName('2FlC5aydGaXPAQUobq5GX')).toBe('run-2FlC5aydGaXPAQUobq5GX.json');
    expect(runFileName('../etc/passwd')).toBe('run-_etc_passwd.json');
    expect(runFileName('')).toBe('run-unknown.json');
  });
});
