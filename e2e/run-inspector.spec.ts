import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN, expect, expectSanePage, requestCount, test } from './fixtures';

const FIXTURE_DIR = fileURLToPath(new URL('../src/test/fixtures', import.meta.url));
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, body: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as { id: string; flowDisplayName?: string | null; flowId: string } }));

test.describe('opening a run', () => {
  test('from the lookup screen: a pasted link with spaces opens the run, the token stays out of the URL', async ({ inspector, page, pageErrors }) => {
    await inspector.gotoLookup();
    await inspector.openRun('  https://cloud.diga.io/projects/p1/runs/2FlC5aydGaXPAQUobq5GX \n', TOKEN);
    await expect(page).toHaveURL(/\/runs\/2FlC5aydGaXPAQUobq5GX$/);
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');
    await expect(page.getByText('Failed', { exact: true }).first()).toBeVisible();
    expect(page.url()).not.toContain(TOKEN);
    const history = await page.evaluate(() => window.history.length);
    expect(history).toBeGreaterThan(1);
    expect(pageErrors).toEqual([]);
  });

  test('a pasted share link keeps its step; a ticket sentence naming the flow first still opens the run', async ({ inspector, page }) => {
    await inspector.gotoLookup();
    await inspector.openRun('https://inspector.example.test/runs/2FlC5aydGaXPAQUobq5GX?step=loop_rows%5B3%5D.update_contact', TOKEN);
    await expect(page).toHaveURL(/\/runs\/2FlC5aydGaXPAQUobq5GX\?step=loop_rows%5B3%5D\.update_contact$/);
    await expect(inspector.stepCard(/update_contact/).first()).toBeInViewport();

    await inspector.gotoLookup();
    await inspector.openRun('Flow Ynh2cq7iP8VIx0qdhQHjy, run 2FlC5aydGaXPAQUobq5GX failed');
    await expect(page).toHaveURL(/\/runs\/2FlC5aydGaXPAQUobq5GX$/);
  });

  test('the lookup form asks for a token before opening, and a typed token also serves the demo list', async ({ inspector, page }) => {
    await inspector.gotoLookup();
    await inspector.openRun('2FlC5aydGaXPAQUobq5GX');
    await expect(page.getByRole('alert')).toHaveText(/Enter an API token/);
    await expect(page).toHaveURL(/\/$/);
    await inspector.tokenField.fill(TOKEN);
    await page.getByRole('region', { name: 'Demo runs' }).getByRole('link', { name: /Invoice sync to ledger/ }).click();
    await expect(inspector.heading).toHaveText('Invoice sync to ledger');
  });

  test('a share link with no token asks for one in place and keeps the link target', async ({ inspector, page }) => {
    await inspector.gotoRun('2FlC5aydGaXPAQUobq5GX', 'loop_rows[3].update_contact');
    await expect(page.getByRole('heading', { name: 'Enter an API token to open this run' })).toBeVisible();
    await expect(page.getByText('loop_rows[3].update_contact').first()).toBeVisible();
    await inspector.enterToken(TOKEN, 'Open run');
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');
    await expect(page).toHaveURL(/\/runs\/2FlC5aydGaXPAQUobq5GX\?step=loop_rows%5B3%5D\.update_contact$/);
    await expect(inspector.stepCard(/update_contact/).first()).toBeInViewport();
    expect(page.url()).not.toContain(TOKEN);
  });

  test('reloading a run link keeps the run (SPA fallback)', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun('bsCwzYxMT3gWDcEwIVioD');
    await expect(inspector.heading).toBeVisible();
    const title = await inspector.heading.innerText();
    await page.reload();
    await expect(inspector.heading).toHaveText(title);
  });

  test('the token is remembered only when asked, and "Forget token" removes it everywhere', async ({ inspector, page }) => {
    await inspector.gotoLookup();
    await inspector.openRun('2FlC5aydGaXPAQUobq5GX', TOKEN);
    await expect(inspector.heading).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('diga-inspector:token'))).toBeNull();
    expect(await page.evaluate(() => sessionStorage.getItem('diga-inspector:token'))).toBe(TOKEN);

    await inspector.gotoLookup();
    await inspector.openRun('2FlC5aydGaXPAQUobq5GX', TOKEN, { remember: true });
    await expect(inspector.heading).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('diga-inspector:token'))).toBe(TOKEN);

    await page.getByRole('button', { name: 'Forget token' }).click();
    expect(await page.evaluate(() => [localStorage.getItem('diga-inspector:token'), sessionStorage.getItem('diga-inspector:token')])).toEqual([null, null]);
    // The run it read leaves the screen with it.
    await expect(page.getByRole('heading', { name: 'The token was forgotten: enter one to see this run again' })).toBeVisible();
    await expect(inspector.heading).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Enter an API token to open this run' })).toBeVisible();
  });
});

test.describe('every fixture opens cleanly', () => {
  for (const { file, body } of fixtures) {
    test(file, async ({ inspector, page, withToken, pageErrors }) => {
      await withToken();
      await inspector.gotoRun(body.id);
      await expect(inspector.heading).toHaveText(body.flowDisplayName ?? body.flowId);
      await expect(inspector.steps).toBeVisible();
      await expect(inspector.timeline).toBeVisible();
      await expectSanePage(page);
      expect(pageErrors).toEqual([]);
    });
  }
});

test.describe('failure panel', () => {
  test('names the failed step of an HTTP failure and jumps to its card', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun('mOfUQtCChP3RSsS2vXKCF');
    const failure = inspector.failure;
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Post ledger entry');
    await expect(failure).toContainText('post_ledger_entry');
    await expect(failure).toContainText('HTTP 401 · invalid_token: The access token expired');
    // The failure region comes before the timeline and the steps.
    const order = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section[aria-label]')).map((s) => s.getAttribute('aria-label')),
    );
    expect(order.indexOf('Failure')).toBeLessThan(order.indexOf('Timeline'));
    await failure.getByRole('button', { name: 'Go to the failed step' }).click();
    await expect(page).toHaveURL(/step=post_ledger_entry/);
    await expect(inspector.stepCard(/post_ledger_entry/)).toBeInViewport();
    await expect(inspector.stepCard(/post_ledger_entry/)).toBeFocused();
  });

  test('a failure in the 3rd iteration of a loop opens on that iteration', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun('2FlC5aydGaXPAQUobq5GX');
    await expect(inspector.failure).toContainText('iteration 3 of 10');
    await expect(inspector.failure).toContainText('loop_rows[3].update_contact');
    const loop = inspector.stepCard(/^loop_rows/);
    await expect(loop.getByRole('button', { name: 'Iteration 3: Failed' })).toHaveAttribute('aria-pressed', 'true');
    await expect(loop.getByRole('article', { name: /update_contact/ })).toContainText('loop_rows[3].update_contact');
    await inspector.failure.getByRole('button', { name: 'Go to the failed step' }).click();
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact/);
  });
});

test.describe('each error has its own message and next action', () => {
  test.beforeEach(async ({ withToken }) => {
    await withToken();
  });

  /** A fresh ID per test, so the demo API's request counters start at 0 (retries included). */
  const fresh = (kind: string) => `demoErr-${kind}-${Math.random().toString(36).slice(2, 10)}`;

  test('401: the token is rejected and asked for again in place', async ({ inspector, page }) => {
    const id = fresh('401');
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: /The API rejected the token \(HTTP 401\)/ })).toBeVisible();
    await expect(inspector.tokenField).toBeVisible();
    await expect(page.locator('main')).not.toContainText(TOKEN);
  });

  test('403 is a rejected token too', async ({ inspector, page }) => {
    const id = fresh('403');
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: /rejected the token \(HTTP 403\)/ })).toBeVisible();
  });

  test('404: run not found, with the ID, after one request', async ({ inspector, page }) => {
    const id = `no-such-run-${Math.random().toString(36).slice(2, 10)}`;
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
    await expect(inspector.alert).toContainText(id);
    expect(await requestCount(page, id)).toBe(1);
  });

  test('422: the validation details from the body', async ({ inspector, page }) => {
    const id = fresh('422');
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: /HTTP 422/ })).toBeVisible();
    await expect(inspector.alert).toContainText('String should have at most 64 characters');
    await expect(inspector.alert).toContainText('path.run_id');
  });

  test('429: retried, then explained with a Retry button', async ({ inspector, page }) => {
    const id = fresh('429');
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: /Too many requests \(HTTP 429\)/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(await requestCount(page, id)).toBeGreaterThan(1);
  });

  test('5xx: retried with backoff, then a server error with Retry', async ({ inspector, page }) => {
    const id = fresh('500');
    await inspector.gotoRun(id);
    await expect(page.getByRole('status').filter({ hasText: /retrying after HTTP 500/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /The Diga API failed \(HTTP 500\)/ })).toBeVisible({ timeout: 30_000 });
    const count = await requestCount(page, id);
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(4);
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => requestCount(page, id)).toBeGreaterThan(count);
  });

  test('network or CORS failure: the API could not be reached, with the proxy pointer', async ({ inspector, page }) => {
    await page.route('**/demo-api/v1/**', (route) => route.abort('failed'));
    await inspector.gotoRun('2FlC5aydGaXPAQUobq5GX');
    await expect(page.getByRole('heading', { name: 'The API could not be reached from this browser' })).toBeVisible({ timeout: 30_000 });
    await expect(inspector.alert).toContainText('API proxy and CORS');
  });

  test('a non-JSON body: "unexpected response" with status, content type and the raw body as text', async ({ inspector, page }) => {
    const id = fresh('html200');
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: 'Unexpected response from the API' })).toBeVisible();
    await expect(inspector.alert).toContainText('HTTP 200, text/html');
    await inspector.alert.getByText(/Show the raw response body/).click();
    await expect(inspector.alert.locator('pre')).toContainText('<html');
    await expect(page.locator('main iframe, main img, main script')).toHaveCount(0);
    expect(await requestCount(page, id)).toBe(1);
  });

  test('an empty 200 and a 204 are unexpected responses too', async ({ inspector, page }) => {
    await inspector.gotoRun(fresh('empty200'));
    await expect(page.getByRole('heading', { name: 'Unexpected response from the API' })).toBeVisible();
    await inspector.gotoRun(fresh('204'));
    await expect(page.getByRole('heading', { name: 'Unexpected response from the API' })).toBeVisible();
    await expect(inspector.alert).toContainText('HTTP 204');
  });

  test('a body that breaks the contract says what is wrong', async ({ inspector, page }) => {
    const id = fresh('contract');
    await inspector.gotoRun(id);
    await expect(page.getByRole('heading', { name: 'Unexpected response from the API' })).toBeVisible();
    await expect(inspector.alert).toContainText('flowId');
    await expect(inspector.alert).toContainText('status');
  });
});
