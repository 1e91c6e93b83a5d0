import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { TOKEN, expect, test } from './fixtures';

/** Triage and sharing: links to a step, a ticket summary, masking, export/import, search, keys. */

const FIXTURES = fileURLToPath(new URL('../src/test/fixtures/', import.meta.url));
const HOSTILE = fileURLToPath(new URL('./data/hostile/', import.meta.url));

const LOOP_RUN = '2FlC5aydGaXPAQUobq5GX'; // 03: fails in loop_rows[3].update_contact
const HAPPY_RUN = 'bsCwzYxMT3gWDcEwIVioD'; // 01: a webhook signature header (a secret)
const NESTED_RUN = 'nBEyyD72YEc9XIZSStffN'; // 17: loops inside loops
const HTTP_FAIL_RUN = 'mOfUQtCChP3RSsS2vXKCF'; // 02
const SIGNATURE = '2de963a8cc7d2cd0e63b0bb0841d5824cbf5f950221be3e456e4249ac21be168';

test.describe('links to a step', () => {
  test('a link into a nested iteration opens that card, in view, with both iterations selected, also after a reload', async ({ inspector, page, withToken }) => {
    await withToken();
    const path = 'loop_warehouses[2].loop_skus[3].check_level';
    await inspector.gotoRun(NESTED_RUN, path);
    for (let round = 0; round < 2; round++) {
      const card = inspector.stepCard(/check_level/);
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(path);
      await expect(card).toBeInViewport();
      await expect(inspector.iterationChip('loop_warehouses', 2)).toHaveAttribute('aria-pressed', 'true');
      await expect(inspector.iterationChip('loop_skus', 3)).toHaveAttribute('aria-pressed', 'true');
      await page.reload();
    }
  });

  test('a link to loop_rows[3].update_contact opens iteration 3 and scrolls the card into view', async ({ inspector, withToken }) => {
    await withToken();
    await inspector.gotoRun(LOOP_RUN, 'loop_rows[3].update_contact');
    await expect(inspector.iterationChip('loop_rows', 3)).toHaveAttribute('aria-pressed', 'true');
    const card = inspector.stepCard(/update_contact/);
    await expect(card).toContainText('loop_rows[3].update_contact');
    await expect(card).toBeInViewport();
  });

  test('a link to a step the run doesn’t have shows a dismissible warning', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun(LOOP_RUN, 'loop_rows[99].nope');
    const warning = page.getByText('This link points to a step this run doesn’t have');
    await expect(warning).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(warning).toBeHidden();
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');
  });

  test('a token in a pasted link is stripped from the address bar and ignored', async ({ inspector, page }) => {
    await page.goto(`/runs/${LOOP_RUN}?token=abc&step=${encodeURIComponent('loop_rows[3].update_contact')}`);
    await expect(page.getByRole('heading', { name: 'Enter an API token to open this run' })).toBeVisible();
    expect(page.url()).not.toContain('token=');
    expect(page.url()).not.toContain('abc');
    expect(page.url()).toContain('step=loop_rows%5B3%5D.update_contact');
    await expect(page.getByText(/The link carried a credential \(token\)/)).toBeVisible();
    expect(await page.evaluate(() => [sessionStorage.getItem('diga-inspector:token'), localStorage.getItem('diga-inspector:token')])).toEqual([null, null]);
    // The token prompt still leads to the step.
    await inspector.enterToken(TOKEN, 'Open run');
    await expect(inspector.stepCard(/update_contact/)).toBeInViewport();
  });
});

test.describe('summary for a ticket', () => {
  test.beforeEach(async ({ context, withToken }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await withToken();
  });

  test('Markdown and plain text, read back from the clipboard: status, flow, link, times with zones, failing step and error', async ({ inspector, page }) => {
    await inspector.gotoRun(LOOP_RUN);
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');
    await inspector.copySummary('Markdown');
    await expect(page.getByText('Summary copied as Markdown')).toBeVisible();
    const md = await inspector.readClipboard();
    expect(md).toContain('### Run failed: Weekly contact cleanup');
    expect(md).toContain('- **Run ID:** `2FlC5aydGaXPAQUobq5GX`');
    expect(md).toContain('Ynh2cq7iP8VIx0qdhQHjy');
    expect(md).toContain(`<${new URL(page.url()).origin}/runs/${LOOP_RUN}>`);
    // Local time (the browser runs in Europe/Berlin), the zone named, and UTC.
    expect(md).toContain('2025-08-11 08:00:00.214 GMT+2 (2025-08-11 06:00:00.214 UTC)');
    expect(md).toContain('Europe/Berlin');
    expect(md).toContain('**Failed step: Update CRM contact (`update_contact`)**');
    expect(md).toContain('`loop_rows[3].update_contact`');
    expect(md).toContain('iteration 3 of 10 of loop_rows');
    expect(md).toContain('HTTP 422 · validation_failed: Contact could not be updated');
    expect(md).not.toContain(TOKEN);

    await inspector.copySummary('Plain text');
    const text = await inspector.readClipboard();
    expect(text).toContain('Path: loop_rows[3].update_contact');
    expect(text).not.toMatch(/\*\*|`/);

    // The UTC switch applies to the summary too.
    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    await inspector.copySummary('Markdown');
    await expect.poll(() => inspector.readClipboard()).toContain('- **Created:** 2025-08-11 06:00:00.214 UTC\n');
  });
});

test.describe('masking', () => {
  test('the view, search and the download mask the webhook signature; Reveal shows it; the count is shown', async ({ inspector, withToken }) => {
    await withToken();
    await inspector.gotoRun(HAPPY_RUN);
    await expect(inspector.secrets).toContainText('1 value masked');

    // In the view: jump to the header through search and read it.
    await inspector.search('storehooks-signature');
    await expect(inspector.searchStatus).toHaveText(/1 match in 1 step/);
    await inspector.searchBox.press('Enter');
    await expect(inspector.revealedValue()).toContainText('masked');
    await expect(inspector.steps).not.toContainText(SIGNATURE);
    // A search for the secret itself finds nothing while masked.
    await inspector.search(SIGNATURE.slice(0, 16));
    await expect(inspector.searchStatus).toHaveText('No matches');

    // The download.
    const download = await inspector.downloadRun();
    expect(download.suggestedFilename()).toBe(`run-${HAPPY_RUN}.json`);
    const masked = readFileSync(await download.path(), 'utf8');
    expect(masked).not.toContain(SIGNATURE);
    expect(JSON.parse(masked).steps.trigger.output.headers['x-storehooks-signature']).toContain('masked');
    expect(JSON.parse(masked).id).toBe(HAPPY_RUN);

    // Reveal: the value shows, search finds it; the unmasked download asks first.
    await inspector.revealButton.click();
    await expect(inspector.secrets).toContainText('1 value revealed');
    await expect(inspector.searchStatus).toHaveText(/1 match in 1 step/);
    await inspector.searchBox.press('Enter');
    await expect(inspector.revealedValue()).toContainText(SIGNATURE);
    const unmasked = await inspector.downloadRun({ unmasked: true });
    expect(readFileSync(await unmasked.path(), 'utf8')).toContain(SIGNATURE);
    await inspector.maskButton.click();
    await expect(inspector.steps).not.toContainText(SIGNATURE);
  });

  test('copies are masked: the error copy and the summary, unless revealed', async ({ context, inspector, page, withToken }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await withToken();
    // The demo API has no run whose error quotes a credential: serve fixture 02 with one.
    const secret = 'sk_live_51HqAbCdEfGhIjKlMnOpQr';
    const body = JSON.parse(readFileSync(`${FIXTURES}02-failed-http-step.json`, 'utf8')) as { steps: Record<string, Record<string, unknown>> };
    body.steps.post_ledger_entry!.errorMessage = `Request failed with 401\nAuthorization: Bearer ${secret}`;
    await page.route(`**/demo-api/v1/workflow/executions/${HTTP_FAIL_RUN}`, (route) => route.fulfill({ json: body }));
    await inspector.gotoRun(HTTP_FAIL_RUN);
    await expect(inspector.failure).toContainText('Request failed with 401');
    await expect(page.locator('main')).not.toContainText(secret);
    // The fixture's own secret and the one in the error.
    await expect(inspector.secrets).toContainText('2 values masked');

    await inspector.failure.getByRole('button', { name: 'Copy the full error' }).click();
    await expect.poll(() => inspector.readClipboard()).toContain('Authorization: Bearer ••••••');
    expect(await inspector.readClipboard()).not.toContain(secret);
    await inspector.copySummary('Plain text');
    await expect.poll(() => inspector.readClipboard()).toContain('Run failed: Invoice sync to ledger');
    expect(await inspector.readClipboard()).not.toContain(secret);

    await inspector.revealButton.click();
    await inspector.copySummary('Plain text');
    await expect.poll(() => inspector.readClipboard()).toContain(secret);
  });
});

test.describe('export and import', () => {
  test('a downloaded run opens again from the file, with no token and no request to the API', async ({ inspector, page }) => {
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/demo-api/v1')) requests.push(r.url());
    });
    await inspector.gotoLookup();
    await inspector.importFile(`${FIXTURES}03-loop-failure.json`);
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');
    await expect(page).toHaveURL(/\/imported$/);
    await expect(page.getByText('Opened from 03-loop-failure.json')).toBeVisible();
    await expect(inspector.failure).toContainText('iteration 3 of 10 of loop_rows');
    // The same screen: links, selection and search work.
    await inspector.failure.getByRole('button', { name: 'Go to the failed step' }).click();
    await expect(page).toHaveURL(/\/imported\?step=loop_rows%5B3%5D\.update_contact$/);
    await expect(inspector.stepCard(/update_contact/)).toBeInViewport();
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('diga-inspector:token'))).toBeNull();

    // Kept in memory only: a reload says so.
    await page.reload();
    await expect(page.getByText('The imported file isn’t kept')).toBeVisible();
    await page.getByRole('button', { name: 'Open a file again' }).click();
    await expect(page.getByRole('heading', { name: 'Open a run from a file' })).toBeVisible();
    expect(requests).toEqual([]);
  });

  test('dropping a file on the drop zone, or pasting JSON, opens the run too', async ({ inspector, page }) => {
    await inspector.gotoLookup();
    const text = readFileSync(`${FIXTURES}01-happy-path.json`, 'utf8');
    const dataTransfer = await page.evaluateHandle((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'dropped-run.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect(inspector.heading).toHaveText('New order to CRM, Sheets and Slack');
    await expect(page.getByText('Opened from dropped-run.json')).toBeVisible();

    await inspector.gotoLookup();
    await inspector.importPasted(readFileSync(`${FIXTURES}17-nested-loops.json`, 'utf8'));
    await expect(inspector.heading).toHaveText('Warehouse stock rebalancing');
    await expect(page.getByText('Opened from pasted JSON')).toBeVisible();
  });

  test('a file that is not a run gets the same messages as an API answer', async ({ inspector, page }) => {
    await inspector.gotoLookup();
    await inspector.importFile(`${HOSTILE}23-non-json-body.txt`);
    await expect(inspector.importFailure).toContainText('The run data is not valid JSON.');
    await inspector.importPasted('{"id": 7, "flowId": "f", "created": "2025-01-01T00:00:00Z", "updated": "2025-01-01T00:00:00Z"}');
    await expect(inspector.importFailure).toContainText('does not match the API contract');
    await expect(inspector.importFailure).toContainText('id: expected a string, got number');
    await expect(inspector.importFailure).toContainText('status: missing');
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe('search and filters', () => {
  test('search jumps into iteration 3 and reveals the value there', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun(LOOP_RUN);
    // Look at iteration 1 first: the match is elsewhere.
    await inspector.iterationChip('loop_rows', 1).click();
    await expect(inspector.iterationChip('loop_rows', 1)).toHaveAttribute('aria-pressed', 'true');
    await inspector.search('+1-555-0151');
    await expect(inspector.searchStatus).toHaveText(/^3 matches in 2 steps/);
    await inspector.searchBox.press('Enter');
    await expect(inspector.iterationChip('loop_rows', 3)).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.normalize_contact/);
    await expect(inspector.revealedValue()).toContainText('+1-555-0151');
    await expect(inspector.revealedValue()).toBeInViewport();
    await expect(inspector.searchStatus).toContainText('1 of 3');
    // Next goes to the same value in the next step's input; the box keeps the focus.
    await inspector.searchBox.press('Enter');
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact/);
    await expect(inspector.searchBox).toBeFocused();
    await expect(inspector.stepCard(/update_contact/).locator('[data-revealed]')).toContainText('+1-555-0151');
    // A result in the list jumps too.
    await inspector.searchResults.getByRole('button').first().click();
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.normalize_contact/);
  });

  test('"Failed only" shows the failed steps and the loops holding them', async ({ inspector, withToken }) => {
    await withToken();
    await inspector.gotoRun(LOOP_RUN);
    await inspector.failedOnlyBox.check();
    await expect(inspector.steps.getByRole('article')).toHaveCount(2);
    await expect(inspector.stepCard(/^loop_rows/)).toBeVisible();
    await expect(inspector.stepCard(/update_contact/)).toBeVisible();
    await expect(inspector.stepCard(/^trigger/)).toHaveCount(0);
    await inspector.failedOnlyBox.uncheck();
    await expect(inspector.stepCard(/^trigger/)).toBeVisible();
  });
});

test.describe('keyboard', () => {
  test('j/k move through the steps, f goes to the failure, / searches, ? explains, c copies', async ({ context, inspector, page, withToken }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await withToken();
    await inspector.gotoRun(LOOP_RUN);
    await expect(inspector.heading).toBeVisible();

    await page.keyboard.press('j');
    await expect(page).toHaveURL(/step=trigger$/);
    await expect(inspector.stepCard(/^trigger/)).toBeFocused();
    await page.keyboard.press('j');
    await expect(page).toHaveURL(/step=read_rows$/);
    await page.keyboard.press('k');
    await expect(page).toHaveURL(/step=trigger$/);
    await page.keyboard.press('f');
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact$/);
    await expect(inspector.stepCard(/update_contact/)).toBeInViewport();
    // Only one failure: f stays on it.
    await page.keyboard.press('f');
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact$/);
    // With a modifier, nothing happens.
    await page.keyboard.press('Alt+j');
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact$/);

    // / focuses search; typing there is not a shortcut.
    await page.keyboard.press('/');
    await expect(inspector.searchBox).toBeFocused();
    await page.keyboard.type('jk');
    await expect(inspector.searchBox).toHaveValue('jk');
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact$/);

    // ? opens the help dialog; Escape closes it and focus comes back.
    await inspector.stepCard(/^trigger/).focus();
    await page.keyboard.press('?');
    await expect(inspector.shortcutsDialog).toBeVisible();
    await expect(inspector.shortcutsDialog).toContainText('Next failed step');
    await page.keyboard.press('j'); // ignored while the dialog is open
    await page.keyboard.press('Escape');
    await expect(inspector.shortcutsDialog).toBeHidden();
    await expect(inspector.stepCard(/^trigger/)).toBeFocused();
    await expect(page).toHaveURL(/step=loop_rows%5B3%5D\.update_contact$/);

    // c copies the Markdown summary.
    await page.keyboard.press('c');
    await expect(page.getByText('Summary copied as Markdown')).toBeVisible();
    expect(await inspector.readClipboard()).toContain('### Run failed: Weekly contact cleanup');
  });
});

test.describe('recent runs', () => {
  test('the lookup screen lists opened runs with flow and status, never the token, and can clear them', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun(LOOP_RUN);
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');
    await inspector.gotoRun(HAPPY_RUN);
    await expect(inspector.heading).toHaveText('New order to CRM, Sheets and Slack');
    await inspector.gotoLookup();

    const items = inspector.recentRuns.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('New order to CRM, Sheets and Slack');
    await expect(items.nth(0)).toContainText('Succeeded');
    await expect(items.nth(1)).toContainText('Weekly contact cleanup');
    await expect(items.nth(1)).toContainText(LOOP_RUN);
    await expect(items.nth(1)).toContainText('Failed');
    await expect(items.nth(1)).toContainText(/GMT\+1|GMT\+2/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(TOKEN);

    await items.nth(1).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/runs/${LOOP_RUN}$`));
    await expect(inspector.heading).toHaveText('Weekly contact cleanup');

    await inspector.gotoLookup();
    await inspector.recentRuns.getByRole('button', { name: /Clear/ }).click();
    await expect(inspector.recentRuns).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('diga-inspector:recent-runs'))).toBeNull();
  });
});

test.describe('accessibility of the triage tools', () => {
  test.describe.configure({ timeout: 90_000 });
  async function expectNoSeriousViolations(page: Page, label: string) {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${label}: ${v.id} ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }

  test('lookup with recent runs and an import error; run with search results, a menu and the help dialog; light and dark', async ({ inspector, page, withToken }) => {
    await withToken();
    await inspector.gotoRun(LOOP_RUN);
    await expect(inspector.heading).toBeVisible();
    await inspector.search('contact');
    await expect(inspector.searchResults).toBeVisible();
    await inspector.searchBox.press('Enter');
    await expectNoSeriousViolations(page, 'run with search');
    await inspector.copySummaryButton.click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoSeriousViolations(page, 'menu');
    await page.keyboard.press('Escape');
    await expect(inspector.copySummaryButton).toBeFocused();
    await page.keyboard.press('?');
    await expect(inspector.shortcutsDialog).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'help dialog dark');
    await page.keyboard.press('Escape');

    await page.emulateMedia({ colorScheme: 'light' });
    await inspector.gotoLookup();
    await inspector.importFile(`${HOSTILE}23-non-json-body.txt`);
    await expect(inspector.importFailure).toBeVisible();
    await expect(inspector.recentRuns).toBeVisible();
    await expectNoSeriousViolations(page, 'lookup light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'lookup dark');
  });
});
