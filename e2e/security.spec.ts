/**
 * Issue 9: the token leaks nowhere, links can't redirect it, data never runs as code.
 *
 * Every test records all requests (with their final headers), every console message and every
 * navigation, and looks for a distinctive token in all of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page, Request } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures';

// The machine running this is often busy (2 cores, parallel suites): give web-first checks room.
const expect = baseExpect.configure({ timeout: 10_000 });

/** Distinctive, so a match anywhere is a leak. */
const SECRET = 'sec-TOKEN-7fQ2xLm9Zr';
const HAPPY = '2FlC5aydGaXPAQUobq5GX';
const LIVE_HOSTILE = 'hostileRun25';
const API_PATH = '/demo-api/v1/';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Recorded {
  requests: { url: string; type: string; headers: Record<string, string> }[];
  console: string[];
  navigations: string[];
  /** Waits until every request seen so far has its headers recorded. */
  settle: () => Promise<unknown>;
}

/** Records every request (final headers included), console message and main-frame navigation. */
function record(page: Page): Recorded {
  const pending: Promise<void>[] = [];
  const rec: Recorded = {
    requests: [],
    console: [],
    navigations: [],
    settle: () => Promise.all(pending),
  };
  page.on('request', (request: Request) => {
    pending.push(
      request
        .allHeaders()
        .then(
          (headers) =>
            void rec.requests.push({ url: request.url(), type: request.resourceType(), headers }),
        )
        .catch(
          () =>
            void rec.requests.push({
              url: request.url(),
              type: request.resourceType(),
              headers: request.headers(),
            }),
        ),
    );
  });
  page.on('console', (m) => rec.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => rec.console.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) rec.navigations.push(frame.url());
  });
  return rec;
}

/**
 * The token appears only as `Authorization: Bearer <token>` of API requests, and nowhere else.
 * `typed`: URLs the test itself opened (a pasted link goes to the server as typed; that's the
 * user's request, not the app's).
 */
async function expectNoLeak(
  page: Page,
  rec: Recorded,
  token = SECRET,
  typed: readonly string[] = [],
) {
  await rec.settle();
  const origin = new URL(page.url()).origin;
  const isTyped = (url: string) => typed.some((t) => url === new URL(t, origin).href);
  for (const { url, type, headers } of rec.requests) {
    if (type === 'document' && isTyped(url)) continue;
    expect(url, 'request URL').not.toContain(token);
    const isApi = new URL(url).origin === origin && new URL(url).pathname.startsWith(API_PATH);
    for (const [name, value] of Object.entries(headers)) {
      if (name === 'authorization' && isApi) continue;
      expect(`${name}: ${value}`, `header of ${url}`).not.toContain(token);
    }
    if (headers.authorization !== undefined) {
      expect(isApi, `authorization sent to ${url}`).toBe(true);
      expect(headers.authorization).toMatch(/^Bearer \S+$/);
    }
    // <meta name="referrer" content="no-referrer"> and referrerPolicy on the API call.
    expect(headers.referer ?? '', `Referer of ${url}`).not.toContain(token);
    if (isApi) expect(headers.referer, `Referer of ${url}`).toBeUndefined();
  }
  for (const url of rec.navigations)
    if (!isTyped(url)) expect(url, 'navigation').not.toContain(token);
  expect(rec.console.join('\n'), 'console').not.toContain(token);
  expect(page.url()).not.toContain(token);
  const dom = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    title: document.title,
    inputs: Array.from(document.querySelectorAll('input, textarea')).map(
      (i) => (i as HTMLInputElement).value,
    ),
    cookie: document.cookie,
  }));
  expect(dom.html, 'DOM').not.toContain(token);
  expect(dom.title).not.toContain(token);
  expect(dom.inputs.join('\n'), 'form fields').not.toContain(token);
  expect(dom.cookie).not.toContain(token);
  const cookies = await page.context().cookies();
  expect(JSON.stringify(cookies)).not.toContain(token);
}

async function storageWith(page: Page, token = SECRET) {
  return page.evaluate((t) => {
    const find = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => s.key(i) ?? '').filter(
        (k) => k.includes(t) || (s.getItem(k) ?? '').includes(t),
      );
    return { local: find(localStorage), session: find(sessionStorage) };
  }, token);
}

/** Back through the tab's history, checking every entry's URL. */
async function walkHistory(page: Page, token = SECRET) {
  const seen: string[] = [page.url()];
  for (let i = 0; i < 10; i++) {
    const before = page.url();
    await page.goBack().catch(() => null);
    if (page.url() === 'about:blank') {
      await page.goForward();
      break;
    }
    if (page.url() === before) break;
    seen.push(page.url());
  }
  for (const url of seen) expect(url, 'history entry').not.toContain(token);
  return seen;
}

async function stubClipboard(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    const write = async (text: string) => {
      w.__copied.push(text);
    };
    if (navigator.clipboard)
      Object.defineProperty(navigator.clipboard, 'writeText', { value: write, configurable: true });
    else
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: write },
        configurable: true,
      });
  });
}

/** Opens the raw-body disclosure of an error state, when it has one. */
async function openRawBody(alert: Locator) {
  const raw = alert.getByText(/Show the raw response body/);
  if ((await raw.count()) > 0) await raw.click();
}

/** Clicks an action button, then the menu item it offers (when the action is a menu). */
async function chooseAction(page: Page, button: Locator, item: RegExp) {
  await button.click();
  const entry = page.getByRole('menuitem', { name: item });
  if ((await entry.count()) > 0) await entry.click();
}

/** Types into the run's search box, when the build has one. */
async function searchFor(page: Page, query: string) {
  const search = page.getByRole('searchbox').first();
  if ((await search.count()) === 0) return;
  await search.fill(query);
  await expect(search).toHaveValue(query);
}

/** Every non-test .ts/.tsx file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

test.describe('the token', () => {
  test('stays out of URLs, history, headers to anyone but the API, Referer, console, DOM, cookies and unasked-for storage', async ({
    page,
    inspector,
  }) => {
    const rec = record(page);
    await inspector.gotoLookup();
    await inspector.openRun(`https://cloud.diga.io/projects/p1/runs/${HAPPY}`, SECRET);
    await expect(inspector.heading).toHaveText('Weekly contact cleanup', { timeout: 15_000 });
    // Move around: select a step, open another run (live, so it polls), come back.
    await inspector.failure.getByRole('button', { name: 'Go to the failed step' }).click();
    await expect(page).toHaveURL(/step=/);
    await inspector.gotoRun(LIVE_HOSTILE);
    await expect(inspector.heading).toHaveText('Hostile input sample', { timeout: 15_000 });
    const livePolls = () =>
      rec.requests.filter((r) => r.url.endsWith(`${API_PATH}workflow/executions/${LIVE_HOSTILE}`))
        .length;
    await expect.poll(livePolls, { timeout: 8_000 }).toBeGreaterThan(1);

    await rec.settle();
    const api = rec.requests.filter((r) => new URL(r.url).pathname.startsWith(API_PATH));
    expect(api.length).toBeGreaterThan(2);
    for (const r of api) expect(r.headers.authorization).toBe(`Bearer ${SECRET}`);
    await expectNoLeak(page, rec);
    expect(await storageWith(page)).toEqual({ local: [], session: ['diga-inspector:token'] });
    const entries = await walkHistory(page);
    expect(entries.length).toBeGreaterThan(2);
    await expectNoLeak(page, rec);
  });

  test('goes to localStorage only when "Remember" is ticked, and "Forget token" removes it everywhere', async ({
    page,
    inspector,
  }) => {
    const rec = record(page);
    await inspector.gotoLookup();
    await inspector.openRun(HAPPY, SECRET, { remember: true });
    await expect(inspector.heading).toBeVisible({ timeout: 15_000 });
    expect(await storageWith(page)).toEqual({
      local: ['diga-inspector:token'],
      session: ['diga-inspector:token'],
    });

    // Forget it on a live run: storage is emptied, no request carries it any more, a reload asks.
    await inspector.gotoRun(LIVE_HOSTILE);
    await expect(inspector.heading).toHaveText('Hostile input sample', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Forget token' }).click();
    const forgotAt = rec.requests.length;
    expect(await storageWith(page)).toEqual({ local: [], session: [] });
    await page.waitForTimeout(3_000); // past a poll interval
    await rec.settle();
    for (const r of rec.requests.slice(forgotAt)) expect(r.headers.authorization).toBeUndefined();
    await page.reload();
    await expect(
      page.getByRole('heading', { name: 'Enter an API token to open this run' }),
    ).toBeVisible();
    await expect(inspector.heading).toHaveCount(0);
    await expectNoLeak(page, rec);
  });

  test('never shows up in error states, even when the server echoes it', async ({
    page,
    inspector,
    withToken,
  }) => {
    test.slow(); // the 5xx and network states are retried with backoff first
    await withToken(SECRET);
    const rec = record(page);
    const fresh = (kind: string) => `demoErr-${kind}-${Math.random().toString(36).slice(2, 10)}`;
    // A gateway that echoes the request's headers in its error page.
    await page.route('**/demo-api/v1/workflow/executions/echo-*', async (route) => {
      const auth = route.request().headers().authorization ?? '';
      const status = route.request().url().includes('echo-502') ? 502 : 200;
      await route.fulfill({
        status,
        contentType: 'text/html',
        body: `<html><body><pre>Authorization: ${auth}\nx-token: ${SECRET}</pre></body></html>`,
      });
    });
    await page.route('**/demo-api/v1/workflow/executions/offline-*', (route) =>
      route.abort('failed'),
    );

    const states: [string, RegExp][] = [
      [fresh('401'), /rejected the token/],
      [fresh('403'), /rejected the token|not allowed/],
      [fresh('422'), /HTTP 422/],
      [fresh('html200'), /Unexpected response/],
      [fresh('contract'), /Unexpected response/],
      [fresh('badjson'), /Unexpected response/],
      ['echo-200', /Unexpected response/],
      [`no-such-run-${Date.now()}`, /Run not found/],
    ];
    for (const [id, heading] of states) {
      await inspector.gotoRun(id);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 15_000 });
      await openRawBody(inspector.alert);
      expect(await page.locator('body').innerText(), id).not.toContain(SECRET);
    }
    // The echoed body is shown with the token removed.
    await inspector.gotoRun('echo-200');
    await inspector.alert.getByText(/Show the raw response body/).click();
    await expect(inspector.alert.locator('pre')).toContainText(
      'Authorization: Bearer [token hidden]',
    );

    for (const [id, heading] of [
      [fresh('500'), /The Diga API failed \(HTTP 500\)/],
      ['echo-502', /The Diga API failed \(HTTP 502\)/],
      ['offline-1', /could not be reached/],
    ] as const) {
      await inspector.gotoRun(id);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 });
      await openRawBody(inspector.alert);
      expect(await page.locator('body').innerText(), id).not.toContain(SECRET);
    }
    await expectNoLeak(page, rec);
  });

  test('is absent from the downloaded JSON and the copied summary, even when the run data echoes it', async ({
    page,
    inspector,
    withToken,
    context,
  }) => {
    await withToken(SECRET);
    await stubClipboard(context);
    const rec = record(page);
    const body = JSON.parse(
      readFileSync(join(ROOT, 'src/test/fixtures/01-happy-path.json'), 'utf8'),
    ) as { id: string; steps: Record<string, { input?: Record<string, unknown> }> };
    const first = Object.keys(body.steps)[1]!;
    body.steps[first]!.input = {
      ...body.steps[first]!.input,
      headers: { Authorization: `Bearer ${SECRET}` },
      apiKey: SECRET,
    };
    await page.route(`**/demo-api/v1/workflow/executions/${body.id}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
    );
    await inspector.gotoRun(body.id);
    await expect(inspector.heading).toBeVisible({ timeout: 15_000 });

    const download = page.getByRole('button', { name: 'Download JSON' }).first();
    const copy = page.getByRole('button', { name: 'Copy summary' }).first();
    const missing = (await download.count()) === 0 || (await copy.count()) === 0;
    // eslint-disable-next-line playwright/no-skipped-test -- only until the triage actions exist
    test.skip(
      missing,
      'The triage actions ("Download JSON", "Copy summary") have not landed in this build.',
    );

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      chooseAction(page, download, /secrets masked/),
    ]);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.length).toBeGreaterThan(100);
    expect(text).toContain(body.id);
    expect(text).not.toContain(SECRET);

    for (const format of [/^Markdown/, /^Plain text/]) await chooseAction(page, copy, format);
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.length),
      )
      .toBeGreaterThan(0);
    const copied = await page.evaluate(() =>
      (window as unknown as { __copied: string[] }).__copied.join('\n'),
    );
    expect(copied).toContain(body.id);
    expect(copied).not.toContain(SECRET);
    expect(await page.locator('body').innerText()).not.toContain(SECRET);
    await expectNoLeak(page, rec);
  });

  test('a link cannot change the API base: ?api=, #api= and friends change nothing', async ({
    page,
    inspector,
    withToken,
  }) => {
    await withToken(SECRET);
    const rec = record(page);
    const elsewhere: string[] = [];
    await page.context().route(
      (url) => url.hostname.endsWith('elsewhere.example'),
      async (route) => {
        elsewhere.push(route.request().url());
        await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
      },
    );
    for (const suffix of [
      '?api=https://elsewhere.example',
      '?apiBase=https://elsewhere.example/v1',
      '#api=https://elsewhere.example',
      '?api=//elsewhere.example&config=https://elsewhere.example/config.json',
    ]) {
      await page.goto(`/runs/${HAPPY}${suffix}`);
      await expect(inspector.heading).toHaveText('Weekly contact cleanup', { timeout: 15_000 });
    }
    await rec.settle();
    expect(elsewhere).toEqual([]);
    const origin = new URL(page.url()).origin;
    const api = rec.requests.filter((r) => r.headers.authorization !== undefined);
    expect(api.length).toBeGreaterThanOrEqual(4);
    for (const r of api)
      expect(r.url.startsWith(`${origin}${API_PATH}workflow/executions/`)).toBe(true);
    await expectNoLeak(page, rec);
  });

  test('a pasted link carrying a token is stripped from the address bar and ignored', async ({
    page,
  }) => {
    const rec = record(page);
    const typed: string[] = [];
    for (const [param, value] of [
      ['token', SECRET],
      ['access_token', `${SECRET}-a`],
      ['apiKey', `${SECRET}-k`],
    ] as const) {
      typed.push(`/runs/${HAPPY}?${param}=${value}&step=loop_rows`);
      await page.goto(typed[typed.length - 1]!);
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: 'It was removed from the address bar and ignored' }),
      ).toBeVisible();
      expect(page.url()).not.toContain(SECRET);
      expect(page.url()).toContain('step=loop_rows');
      // Ignored: no token is set, so the run asks for one; nothing was stored.
      await expect(
        page.getByRole('heading', { name: 'Enter an API token to open this run' }),
      ).toBeVisible();
      expect(await storageWith(page)).toEqual({ local: [], session: [] });
    }
    typed.push(`/runs/${HAPPY}#access_token=${SECRET}&token_type=bearer`);
    await page.goto(typed[typed.length - 1]!);
    await expect(
      page.getByRole('heading', { name: 'Enter an API token to open this run' }),
    ).toBeVisible();
    expect(page.url()).not.toContain(SECRET);
    await rec.settle();
    expect(rec.requests.filter((r) => r.headers.authorization !== undefined)).toEqual([]);
    await walkHistory(page);
    await expectNoLeak(page, rec, SECRET, typed);
  });
});

test.describe('data is text, never code', () => {
  test('the production index.html carries a CSP that blocks inline script, and injected inline script does not run', async ({
    page,
    inspector,
    withToken,
  }) => {
    const html = await (await page.request.get('/')).text();
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(csp, 'CSP meta in the served index.html').toBeDefined();
    const scriptSrc =
      /(?:^|;)\s*script-src\s+([^;]+)/.exec(csp!)?.[1] ??
      /(?:^|;)\s*default-src\s+([^;]+)/.exec(csp!)?.[1];
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|https?:/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    // The build's script is an external module, not inline.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>[^<]+<\/script>/);

    await withToken(SECRET);
    await inspector.gotoRun('hostileRun13');
    await expect(inspector.heading).toBeVisible({ timeout: 15_000 });
    const ran = await page.evaluate(async () => {
      const w = window as { __inline?: number; __handler?: number; __evaled?: number };
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const b = document.createElement('button');
      b.setAttribute('onclick', 'window.__handler = 1');
      document.body.append(b);
      b.click();
      // Code from a string, run outside this evaluate call (CDP lets eval through inside it).
      try {
        (setTimeout as (code: string, ms: number) => number)('window.__evaled = 1', 0);
      } catch {
        // blocked by CSP
      }
      await new Promise((r) => setTimeout(r, 200));
      return [w.__inline, w.__handler, w.__evaled];
    });
    expect(ran).toEqual([undefined, undefined, undefined]);
  });

  test('no dangerouslySetInnerHTML (or other HTML sinks) anywhere in src', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(20);
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|new Function\(|\beval\(/;
    const hits = files
      .filter((f) => sinks.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(ROOT.length));
    expect(hits).toEqual([]);
  });

  test('prototype-named keys never reach Object.prototype (hostile runs, search, a body full of them)', async ({
    page,
    inspector,
    withToken,
  }) => {
    await withToken(SECRET);
    await page.goto('/');
    const baseline = await page.evaluate(() =>
      Object.getOwnPropertyNames(Object.prototype).sort().join(','),
    );
    const check = async () => {
      const state = await page.evaluate(() => {
        const probe = {} as Record<string, unknown>;
        return {
          keys: Object.getOwnPropertyNames(Object.prototype).sort().join(','),
          polluted: [
            probe.polluted,
            probe.status,
            probe.type,
            probe.isAdmin,
            ([] as unknown as Record<string, unknown>).polluted,
          ],
        };
      });
      expect(state.keys).toBe(baseline);
      expect(state.polluted).toEqual([undefined, undefined, undefined, undefined, undefined]);
    };

    const body = {
      ...(JSON.parse(
        readFileSync(join(ROOT, 'e2e/data/hostile/29-prototype-named-keys.json'), 'utf8'),
      ) as Record<string, unknown>),
      id: 'proto-everywhere',
    };
    const text = JSON.stringify(body)
      .replace(
        '"steps":{',
        '"steps":{"__proto__x":{"type":"CODE","status":"SUCCEEDED","input":{"__proto__":{"isAdmin":true}},"output":{"prototype":{"polluted":1}},"errorMessage":"{\\"__proto__\\":{\\"polluted\\":\\"from error json\\"},\\"message\\":\\"m\\"}"},',
      )
      .replace('"tags":[', '"tags":["__proto__","prototype",');
    await page.route('**/demo-api/v1/workflow/executions/proto-everywhere', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: text.replace('{', '{"__proto__":{"polluted":"top"},'),
      }),
    );
    for (const id of ['hostileRun29', 'hostileRun13', 'hostileRun30', 'proto-everywhere']) {
      await inspector.gotoRun(id);
      await expect(inspector.heading).toBeVisible({ timeout: 15_000 });
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('main details')))
          (d as HTMLDetailsElement).open = true;
        for (const b of Array.from(
          document.querySelectorAll<HTMLElement>('main [aria-expanded="false"]'),
        ))
          b.click();
      });
      await check();
      for (const q of ['__proto__', 'constructor', 'prototype', 'polluted']) {
        await searchFor(page, q);
        await check();
      }
    }
  });
});
