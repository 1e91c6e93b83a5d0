import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { TOKEN, expect, test } from './fixtures';

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
}

/** Presses Tab until `target` has focus (at most `max` times), then asserts it. */
async function tabUntilFocused(page: Page, target: Locator, max: number) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const SCREENS: Array<{ name: string; path: string; ready: (page: Page) => Promise<void> }> = [
  { name: 'succeeded run', path: '/runs/bsCwzYxMT3gWDcEwIVioD', ready: (p) => expect(p.getByRole('region', { name: 'Steps' })).toBeVisible() },
  { name: 'failed run (loop)', path: '/runs/2FlC5aydGaXPAQUobq5GX', ready: (p) => expect(p.getByRole('region', { name: 'Failure' })).toBeVisible() },
  { name: 'running run', path: '/runs/lu3NgRgM8TUSAgvBfJ1sm', ready: (p) => expect(p.getByRole('region', { name: 'Timeline' })).toBeVisible() },
  { name: 'queued run (empty state)', path: '/runs/NSfIk8SmymFuMOVnFqYeo', ready: (p) => expect(p.getByText('No steps yet')).toBeVisible() },
  { name: 'purged run (empty state)', path: '/runs/hostileRun01', ready: (p) => expect(p.getByText(/purged/).first()).toBeVisible() },
  { name: 'not found', path: '/runs/no-such-run-a11y', ready: (p) => expect(p.getByRole('heading', { name: 'Run not found' })).toBeVisible() },
  { name: 'token rejected', path: '/runs/demoErr-401-a11y', ready: (p) => expect(p.getByRole('heading', { name: /rejected the token/ })).toBeVisible() },
  { name: 'validation error', path: '/runs/demoErr-422-a11y', ready: (p) => expect(p.getByRole('heading', { name: /HTTP 422/ })).toBeVisible() },
  { name: 'unexpected response', path: '/runs/demoErr-html200-a11y', ready: (p) => expect(p.getByRole('heading', { name: /Unexpected response/ })).toBeVisible() },
];

test.describe('accessibility (axe: no serious or critical violations)', () => {
  // axe walks the whole DOM twice per screen (light, dark): slow on a 2-core CI machine.
  test.describe.configure({ timeout: 90_000 });

  test('lookup screen, light and dark', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Demo runs' })).toBeVisible();
    await expectNoSeriousViolations(page, 'lookup light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'lookup dark');
  });

  test('share link without a token', async ({ page }) => {
    await page.goto('/runs/2FlC5aydGaXPAQUobq5GX');
    await expect(page.getByLabel('API token', { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'token prompt');
  });

  for (const screen of SCREENS) {
    test(screen.name, async ({ page, withToken }) => {
      await withToken();
      await page.goto(screen.path);
      await screen.ready(page);
      await expectNoSeriousViolations(page, `${screen.name} light`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousViolations(page, `${screen.name} dark`);
    });
  }
});

test('keyboard only: from the lookup screen to the failing step to "Copy link"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const runId = page.getByLabel('Run ID', { exact: true });
  await expect(runId).toBeFocused();
  await page.keyboard.type('2FlC5aydGaXPAQUobq5GX');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('API token', { exact: true })).toBeFocused();
  await page.keyboard.type(TOKEN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weekly contact cleanup');

  // Tab to the failure panel's jump button and press it.
  const jump = page.getByRole('button', { name: 'Go to the failed step' });
  await tabUntilFocused(page, jump, 80);
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Steps' }).getByRole('article', { name: /update_contact/ });
  await expect(card).toBeFocused();

  // From the focused card, Tab reaches its "Copy link" and Enter copies the step link.
  const copy = card.getByRole('button', { name: /Copy link/ }).first();
  await tabUntilFocused(page, copy, 15);
  await page.keyboard.press('Enter');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/runs\/2FlC5aydGaXPAQUobq5GX\?step=loop_rows%5B3%5D\.update_contact$/);
  expect(copied).not.toContain(TOKEN);
});

test('focus is always visible, and reduced motion stops animations', async ({ page, withToken }) => {
  await withToken();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/runs/lu3NgRgM8TUSAgvBfJ1sm');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  const animated = await page.evaluate(() =>
    Array.from(document.querySelectorAll('*')).filter((el) => {
      const s = getComputedStyle(el);
      return s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01;
    }).length,
  );
  expect(animated).toBe(0);
  // Tab through the first controls: each focused element has a visible outline or ring.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const visible = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return true;
      const s = getComputedStyle(el);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    });
    expect(visible).toBe(true);
  }
});
