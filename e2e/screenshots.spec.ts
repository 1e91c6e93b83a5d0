/**
 * Screenshots of the real screens, kept in the HTML report (and under test-results/screens/) for
 * people to look at: the timeline of every fixture, and a failed run at phone and desktop widths in
 * light and dark. Each one also checks what a screenshot can't show by itself: no horizontal
 * scroll, no broken numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect, expectSanePage, test } from './fixtures';

const FIXTURE_DIR = fileURLToPath(new URL('../src/test/fixtures', import.meta.url));
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f.replace(/\.json$/, ''), id: (JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as { id: string }).id }));

test.describe('timeline screenshots', () => {
  for (const { file, id } of fixtures) {
    test(file, async ({ page, withToken }, info) => {
      await withToken();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/runs/${id}`);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline).toBeVisible();
      const shot = await timeline.screenshot({ path: info.outputPath(`timeline-${file}.png`), animations: 'disabled' });
      await info.attach(`timeline-${file}`, { body: shot, contentType: 'image/png' });
      await expectSanePage(page);
    });
  }
});

test.describe('failed run at phone and desktop widths, light and dark', () => {
  for (const width of [375, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${width} px ${scheme}`, async ({ page, withToken }, info) => {
        await withToken();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/runs/2FlC5aydGaXPAQUobq5GX');
        await expect(page.getByRole('region', { name: 'Failure' })).toBeVisible();
        const shot = await page.screenshot({ fullPage: true, path: info.outputPath(`failed-${width}-${scheme}.png`), animations: 'disabled' });
        await info.attach(`failed-${width}-${scheme}`, { body: shot, contentType: 'image/png' });
        await expectSanePage(page);
      });
    }
  }
});

test('printing a failed run gives the summary, the failure and the timeline, without controls', async ({ page, withToken }, info) => {
  await withToken();
  await page.goto('/runs/2FlC5aydGaXPAQUobq5GX');
  await expect(page.getByRole('region', { name: 'Failure' })).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Failure' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Steps' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Go to the failed step' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Forget token' })).toBeHidden();
  // Dark mode never prints: dark text on white paper.
  const color = await page.getByRole('heading', { level: 1 }).evaluate((el) => getComputedStyle(el).color);
  expect(color).not.toBe('rgb(241, 245, 249)');
  const pdf = await page.pdf({ format: 'A4', path: info.outputPath('failed-run.pdf') });
  await info.attach('failed-run.pdf', { body: pdf, contentType: 'application/pdf' });
});
