import { describe, expect, it } from 'vitest';
import { extractRunId, extractRunTarget, isTokenLikeParam, parseRoute, routeHref, stripTokenParams } from './url-state';

describe('routes', () => {
  it.each([
    ['/', '', { name: 'lookup' }],
    ['/runs/abc123', '', { name: 'run', runId: 'abc123', step: null }],
    ['/runs/abc123/', '?step=loop_rows%5B3%5D.update_contact', { name: 'run', runId: 'abc123', step: 'loop_rows[3].update_contact' }],
    ['/runs/%E0%A4%A', '', { name: 'lookup' }],
    ['/runs/', '', { name: 'lookup' }],
    ['/elsewhere', '', { name: 'lookup' }],
    ['/imported', '', { name: 'imported', step: null }],
    ['/imported/', '?step=loop_rows%5B3%5D.update_contact', { name: 'imported', step: 'loop_rows[3].update_contact' }],
  ])('%s%s', (path, search, route) => {
    expect(parseRoute(path, search, '/')).toEqual(route);
  });

  it('round-trips runs and steps, odd characters included', () => {
    for (const route of [
      { name: 'run', runId: 'abc', step: null },
      { name: 'run', runId: 'a b/c?d', step: 'outer[2].inner[5].send' },
      { name: 'run', runId: 'x', step: '["a.b"]' },
      { name: 'imported', step: null },
      { name: 'imported', step: 'outer[2].inner[5].send' },
    ] as const) {
      const href = routeHref(route, '/tools/inspector/');
      const url = new URL(href, 'https://example.test');
      expect(parseRoute(url.pathname, url.search, '/tools/inspector/')).toEqual(route);
    }
  });

  it('respects the base path', () => {
    expect(routeHref({ name: 'run', runId: 'r1', step: null }, '/tools/')).toBe('/tools/runs/r1');
    expect(parseRoute('/tools/runs/r1', '', '/tools/')).toEqual({ name: 'run', runId: 'r1', step: null });
  });
});

describe('token-like parameters', () => {
  it.each(['token', 'access_token', 'auth', 'apiKey', 'api_key', 'x-api-key', 'bearer', 'Authorization', 'jwt'])('%s is token-like', (n) => {
    expect(isTokenLikeParam(n)).toBe(true);
  });
  it.each(['step', 'run', 'tokens_used', 'author'])('%s is not', (n) => {
    expect(isTokenLikeParam(n)).toBe(false);
  });
  it('strips them from query and hash, keeps the rest', () => {
    const r = stripTokenParams('https://x.test/runs/r1?step=a&token=s3cret&apiKey=k#access_token=t');
    expect(r.href).toBe('https://x.test/runs/r1?step=a');
    expect(r.stripped).toEqual(['token', 'apiKey', '#fragment']);
    expect(r.href).not.toContain('s3cret');
  });
});

describe('extractRunTarget', () => {
  it('keeps the step of a pasted share link', () => {
    expect(extractRunTarget('https://inspector.example.test/runs/2FlC5aydGaXPAQUobq5GX?step=loop_rows%5B3%5D.update_contact')).toEqual({
      runId: '2FlC5aydGaXPAQUobq5GX',
      step: 'loop_rows[3].update_contact',
    });
    expect(extractRunTarget('/runs/abc12345?step=a')).toEqual({ runId: 'abc12345', step: 'a' });
    expect(extractRunTarget('2FlC5aydGaXPAQUobq5GX')).toEqual({ runId: '2FlC5aydGaXPAQUobq5GX', step: null });
  });
});

describe('extractRunId', () => {
  it.each([
    ['2FlC5aydGaXPAQUobq5GX', '2FlC5aydGaXPAQUobq5GX'],
    ['   2FlC5aydGaXPAQUobq5GX \n', '2FlC5aydGaXPAQUobq5GX'],
    ['https://cloud.diga.io/projects/p1/runs/2FlC5aydGaXPAQUobq5GX', '2FlC5aydGaXPAQUobq5GX'],
    ['https://inspector.example.test/runs/2FlC5aydGaXPAQUobq5GX?step=loop_rows%5B3%5D', '2FlC5aydGaXPAQUobq5GX'],
    ['https://api.diga.io/v1/workflow/executions/2FlC5aydGaXPAQUobq5GX', '2FlC5aydGaXPAQUobq5GX'],
    ['Customer says run 2FlC5aydGaXPAQUobq5GX failed last night.', '2FlC5aydGaXPAQUobq5GX'],
    ['"demoErr-401"', 'demoErr-401'],
    ['hostileRun01', 'hostileRun01'],
    ['Flow Ynh2cq7iP8VIx0qdhQHjy, run 2FlC5aydGaXPAQUobq5GX failed', '2FlC5aydGaXPAQUobq5GX'],
    ['flowId=Ynh2cq7iP8VIx0qdhQHjy runId=2FlC5aydGaXPAQUobq5GX', '2FlC5aydGaXPAQUobq5GX'],
    ['run_id: demoErr-401-x', 'demoErr-401-x'],
    ['', null],
    ['   ', null],
    ['it failed', null],
  ])('%j → %j', (input, id) => {
    expect(extractRunId(input)).toBe(id);
  });
});
