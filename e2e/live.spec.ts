import type { Page } from '@playwright/test';
import { expect, requestCount, test } from './fixtures';

const liveId = () => `demoLive-${Math.random().toString(36).slice(2, 10)}`;

/** The status badge in the run's header. */
const headerStatus = (page: Page, text: string) =>
  page.locator('main header').getByText(text, { exact: true });

async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test.describe('a run that is still going', () => {
  test.beforeEach(async ({ withToken }) => {
    await withToken();
  });

  test('is followed from QUEUED through RUNNING to SUCCEEDED, then polling stops', async ({ inspector, page }) => {
    const id = liveId();
    await inspector.gotoRun(id);
    await expect(headerStatus(page, 'Queued')).toBeVisible();
    // The tab tells the status, so a watched run is visible from another tab.
    await expect(page).toHaveTitle(/^QUEUED · /);
    await expect(page.getByTestId('live-state')).toContainText('Live · updated');
    await expect(inspector.steps).toContainText('No steps yet');

    await expect(headerStatus(page, 'Running')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('so far')).toBeVisible();

    await expect(headerStatus(page, 'Succeeded')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('live-state')).toContainText('Finished');
    await expect(page).toHaveTitle(/^SUCCEEDED · /);
    expect(await page.locator('link#favicon').getAttribute('href')).toMatch(/^data:image\/svg\+xml,.*%23059669/);
    await expect(page.getByText('Run status changed to Succeeded.')).toBeAttached();
    await expect(inspector.steps.getByRole('article').first()).toBeVisible();

    const settled = await requestCount(page, id);
    await page.waitForTimeout(4_500); // two poll intervals: nothing more may be asked
    expect(await requestCount(page, id)).toBe(settled);
  });

  test('does not poll while the tab is hidden, and refetches when it comes back', async ({ inspector, page }) => {
    const id = liveId();
    await inspector.gotoRun(id);
    await expect(headerStatus(page, 'Queued')).toBeVisible();
    await setTabHidden(page, true);
    const hiddenAt = await requestCount(page, id);
    await page.waitForTimeout(4_500);
    expect(await requestCount(page, id)).toBe(hiddenAt);
    await setTabHidden(page, false);
    await expect.poll(() => requestCount(page, id), { timeout: 3_000 }).toBeGreaterThan(hiddenAt);
  });

  test('pause stops the updates, resume restarts them', async ({ inspector, page }) => {
    const id = liveId();
    await inspector.gotoRun(id);
    await expect(headerStatus(page, 'Queued')).toBeVisible();
    await page.getByRole('button', { name: 'Pause updates' }).click();
    await expect(page.getByTestId('live-state')).toContainText('Paused');
    const pausedAt = await requestCount(page, id);
    await page.waitForTimeout(4_500);
    expect(await requestCount(page, id)).toBe(pausedAt);
    await page.getByRole('button', { name: 'Resume updates' }).click();
    await expect.poll(() => requestCount(page, id), { timeout: 5_000 }).toBeGreaterThan(pausedAt);
  });

  test('a failed refresh keeps the data and says so, then recovers', async ({ inspector, page }) => {
    const id = `demoSeq-flaky-${Math.random().toString(36).slice(2, 10)}`;
    await inspector.gotoRun(id);
    await expect(inspector.heading).toBeVisible();
    const title = await inspector.heading.innerText();
    await expect(page.getByText(/Couldn’t refresh: HTTP 503/)).toBeVisible({ timeout: 10_000 });
    await expect(inspector.heading).toHaveText(title);
    await expect(page.getByText(/Couldn’t refresh/)).toBeHidden({ timeout: 15_000 });
    await expect(inspector.heading).toHaveText(title);
  });

  test('a token that expires mid-poll: asked for in place, data kept, resumed with a new token', async ({ inspector, page }) => {
    const id = `demoSeq-expire-${Math.random().toString(36).slice(2, 10)}`;
    await inspector.gotoRun(id);
    await expect(inspector.heading).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The API rejected the token while refreshing' })).toBeVisible({ timeout: 10_000 });
    await expect(inspector.heading).toBeVisible();
    await expect(inspector.stepCard(/long_export/)).toBeVisible();
    const stoppedAt = await requestCount(page, id);
    await page.waitForTimeout(4_500);
    expect(await requestCount(page, id)).toBe(stoppedAt);
    await inspector.enterToken('a-fresh-token', 'Resume with this token');
    await expect.poll(() => requestCount(page, id), { timeout: 5_000 }).toBeGreaterThan(stoppedAt);
  });
});
