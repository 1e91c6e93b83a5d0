/**
 * Smoke tests of the production deployment: the built files behind deploy/nginx.conf, with /v1/
 * proxied to the demo API (scripts/nginx-serve.mjs). Runs only in the "nginx" project, whose
 * baseURL is nginx.
 */
import { readFileSync } from 'node:fs';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';

const fixture = JSON.parse(readFileSync('src/test/fixtures/02-failed-http-step.json', 'utf8')) as {
  id: string;
  flowDisplayName: string;
};
const fixtureText = readFileSync('src/test/fixtures/02-failed-http-step.json', 'utf8');
const TOKEN = 'nginx-smoke-token';

/** The entry script of the deployed index.html, e.g. /assets/index-abc123.js. */
async function entryScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/')).text();
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  expect(src, 'index.html has a module entry script').toBeTruthy();
  return src ?? '';
}

/** What is wrong with a response's security headers (none: an empty list). */
function securityHeaderProblems(response: APIResponse): string[] {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values] as const),
  );
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(csp !== '', 'no Content-Security-Policy');
  check(scriptSrc.includes("'self'"), `script-src lacks 'self': ${csp}`);
  check(!scriptSrc.includes("'unsafe-inline'"), "script-src allows 'unsafe-inline'");
  check(!scriptSrc.includes("'unsafe-eval'"), "script-src allows 'unsafe-eval'");
  check(directives.get('frame-ancestors')?.join(' ') === "'none'", "frame-ancestors is not 'none'");
  check(directives.get('object-src')?.join(' ') === "'none'", "object-src is not 'none'");
  check(headers['referrer-policy'] === 'no-referrer', 'Referrer-Policy is not no-referrer');
  check(headers['x-content-type-options'] === 'nosniff', 'X-Content-Type-Options is not nosniff');
  check(headers['x-frame-options'] === 'DENY', 'X-Frame-Options is not DENY');
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    check(
      (headers['permissions-policy'] ?? '').includes(`${feature}=()`),
      `Permissions-Policy allows ${feature}`,
    );
  }
  return problems;
}

test.describe('nginx deployment', () => {
  test('a deep link reload gets the app', async ({ request }) => {
    for (const path of [`/runs/${fixture.id}`, '/runs/abc?step=loop_rows%5B3%5D.update_contact']) {
      const response = await request.get(path, { headers: { Accept: 'text/html' } });
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type']).toContain('text/html');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  test('security headers are on the page, deep links, assets, config.json and errors', async ({
    request,
  }) => {
    const asset = await entryScript(request);
    for (const path of [
      '/',
      `/runs/${fixture.id}`,
      asset,
      '/config.json',
      '/assets/missing-file.js',
    ]) {
      expect(securityHeaderProblems(await request.get(path)), path).toEqual([]);
    }
  });

  test('hashed assets are cached for good, the page and config.json never', async ({ request }) => {
    const asset = await request.get(await entryScript(request));
    expect(asset.status()).toBe(200);
    expect(asset.headers()['cache-control']).toContain('immutable');
    expect(asset.headers()['cache-control']).toMatch(/max-age=\d{7,}/);

    for (const path of ['/', '/index.html', `/runs/${fixture.id}`, '/config.json']) {
      const response = await request.get(path);
      expect(response.headers()['cache-control'], path).toMatch(/no-store|no-cache/);
    }
  });

  test('a missing asset is a 404, not the app shell', async ({ request }) => {
    const response = await request.get('/assets/missing-file.js');
    expect(response.status()).toBe(404);
  });

  test('JavaScript and JSON are served compressed', async ({ request }) => {
    const gzip = { 'Accept-Encoding': 'gzip' };
    const asset = await request.get(await entryScript(request), { headers: gzip });
    expect(asset.headers()['content-encoding']).toBe('gzip');
    expect(asset.headers()['content-type']).toContain('javascript');

    const run = await request.get(`/v1/workflow/executions/${fixture.id}`, {
      headers: { ...gzip, Authorization: `Bearer ${TOKEN}` },
    });
    expect(run.headers()['content-encoding']).toBe('gzip');
    expect(await run.text()).toBe(fixtureText);
  });

  test('config.json sends the app to its own origin', async ({ request }) => {
    const response = await request.get('/config.json');
    expect(await response.json()).toEqual({ apiBase: '', demo: false });
  });

  test('a run loads through the /v1/ proxy with the bearer token passed on', async ({
    request,
  }) => {
    const path = `/v1/workflow/executions/${fixture.id}`;
    const withToken = await request.get(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(withToken.status()).toBe(200);
    expect(withToken.headers()['content-type']).toContain('application/json');
    expect(await withToken.text()).toBe(fixtureText);

    const withoutToken = await request.get(path);
    expect(withoutToken.status()).toBe(401);
    expect(await withoutToken.json()).toEqual({ detail: 'Not authenticated' });
  });

  test('the demo-only routes are not exposed', async ({ request }) => {
    const response = await request.get('/demo-api/runs', {
      headers: { Accept: 'application/json' },
    });
    // The SPA fallback answers with the app shell, never with the demo's run list.
    expect(response.headers()['content-type']).toContain('text/html');
  });
});

test.describe('nginx deployment in the browser', () => {
  test('the app starts under the Content-Security-Policy without violations', async ({ page }) => {
    const consoleMessages: string[] = [];
    page.on('console', (message) => consoleMessages.push(message.text()));
    await page.goto('/');
    await expect(page.getByLabel('Run ID')).toBeVisible();
    expect(consoleMessages.filter((text) => text.includes('Content Security Policy'))).toEqual([]);
  });

  test('someone opens a failed run from the lookup screen through nginx', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Run ID').fill(fixture.id);
    await page.getByLabel('API token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Open run' }).click();

    await expect(page).toHaveURL(`/runs/${fixture.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: fixture.flowDisplayName }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Failure' })).toBeVisible();

    // Reloading the share link keeps working (SPA fallback, token kept for the session).
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: fixture.flowDisplayName }),
    ).toBeVisible();
    expect(page.url()).not.toContain(TOKEN);
  });
});
