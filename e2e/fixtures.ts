import { test as base, expect, type Page } from '@playwright/test';
import { InspectorPage } from './run-inspector.page';

export const TOKEN = 'e2e-token-Zq8vX2';

/** Request counter of the demo API, per run ID. */
export async function requestCount(page: Page, runId: string): Promise<number> {
  const res = await page.request.get(`/demo-api/__requests?id=${encodeURIComponent(runId)}`);
  return ((await res.json()) as { count: number }).count;
}

/** Text a correct page never shows. */
export const FORBIDDEN_TEXT = /\bNaN\b|Infinity|Invalid Date|\[object Object\]/;

interface Fixtures {
  inspector: InspectorPage;
  /** Starts the page with a token already in sessionStorage (as after the lookup form). */
  withToken: (token?: string) => Promise<void>;
  /** Console errors and uncaught exceptions seen during the test. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      await use(errors);
    },
    { auto: true },
  ],
  inspector: async ({ page }, use) => {
    await use(new InspectorPage(page));
  },
  withToken: async ({ page }, use) => {
    await use(async (token = TOKEN) => {
      await page.addInitScript((t) => {
        if (!sessionStorage.getItem('diga-inspector:token')) sessionStorage.setItem('diga-inspector:token', t);
      }, token);
    });
  },
});

export { expect };

/** Page-wide sanity checks every run view must pass. */
export async function expectSanePage(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(FORBIDDEN_TEXT);
  const bad = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[style]'))) {
      const s = el.getAttribute('style') ?? '';
      if (/NaN|Infinity/.test(s) || /(?:^|[;\s])(?:width|left|right)\s*:\s*-/.test(s)) found.push(s);
    }
    return found;
  });
  expect(bad).toEqual([]);
  const [scrollW, clientW] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollW).toBeLessThanOrEqual(clientW);
}
