import type { Download, Locator, Page } from '@playwright/test';

/** The inspector, as a user sees it: role and label locators, intent methods. */
export class InspectorPage {
  readonly runIdField: Locator;
  readonly tokenField: Locator;
  readonly rememberBox: Locator;
  readonly openRunButton: Locator;
  readonly heading: Locator;
  readonly failure: Locator;
  readonly timeline: Locator;
  readonly steps: Locator;
  readonly alert: Locator;
  // Triage and sharing (e2e/triage.spec.ts)
  readonly searchBox: Locator;
  readonly searchStatus: Locator;
  readonly searchResults: Locator;
  readonly failedOnlyBox: Locator;
  readonly copySummaryButton: Locator;
  readonly downloadButton: Locator;
  readonly secrets: Locator;
  readonly revealButton: Locator;
  readonly maskButton: Locator;
  readonly shortcutsDialog: Locator;
  readonly recentRuns: Locator;
  readonly importFileInput: Locator;
  readonly importPasteField: Locator;
  readonly importFailure: Locator;

  constructor(readonly page: Page) {
    this.runIdField = page.getByLabel('Run ID', { exact: true });
    this.tokenField = page.getByLabel('API token', { exact: true });
    this.rememberBox = page.getByLabel('Remember token on this device');
    this.openRunButton = page.getByRole('button', { name: 'Open run' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.failure = page.getByRole('region', { name: 'Failure' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.steps = page.getByRole('region', { name: 'Steps' });
    this.alert = page.getByRole('alert');
    const search = page.getByRole('region', { name: 'Search' });
    this.searchBox = page.getByLabel('Search steps');
    this.searchStatus = search.getByRole('status');
    this.searchResults = search.getByRole('list', { name: 'Search results' });
    this.failedOnlyBox = page.getByRole('checkbox', { name: /Failed only/ });
    this.copySummaryButton = page.getByRole('button', { name: 'Copy summary' });
    this.downloadButton = page.getByRole('button', { name: 'Download JSON' });
    this.secrets = page.getByRole('group', { name: 'Secrets' });
    this.revealButton = this.secrets.getByRole('button', { name: 'Reveal' });
    this.maskButton = this.secrets.getByRole('button', { name: 'Mask' });
    this.shortcutsDialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.recentRuns = page.getByRole('region', { name: 'Recent runs' });
    this.importFileInput = page.getByLabel('Choose a JSON file…');
    this.importPasteField = page.getByLabel('Run JSON');
    this.importFailure = page.getByRole('alert').filter({ hasText: 'can’t be opened as a run' });
  }

  async gotoLookup() {
    await this.page.goto('/');
  }

  async gotoRun(runId: string, step?: string) {
    await this.page.goto(`/runs/${encodeURIComponent(runId)}${step ? `?step=${encodeURIComponent(step)}` : ''}`);
  }

  /** Fill the lookup form and open the run. */
  async openRun(runText: string, token?: string, opts: { remember?: boolean } = {}) {
    await this.runIdField.fill(runText);
    if (token !== undefined) await this.tokenField.fill(token);
    if (opts.remember) await this.rememberBox.check();
    await this.openRunButton.click();
  }

  /** Answer an in-place token prompt. */
  async enterToken(token: string, submit: string | RegExp = /open run|try again|resume/i) {
    await this.tokenField.fill(token);
    await this.page.getByRole('button', { name: submit }).click();
  }

  stepCard(name: string | RegExp): Locator {
    return this.steps.getByRole('article', { name });
  }

  /** The iteration chip of a loop (the first match: an outer loop's chips come before nested ones). */
  iterationChip(loopName: string, n: number): Locator {
    return this.page.getByRole('region', { name: `Iterations of ${loopName}` }).getByRole('button', { name: new RegExp(`^Iteration ${n}:`) }).first();
  }

  /** The JSON value a search jump highlighted. */
  revealedValue(): Locator {
    return this.page.locator('[data-revealed]');
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  /** Copies the summary for a ticket through the menu. */
  async copySummary(format: 'Markdown' | 'Plain text' = 'Markdown') {
    await this.copySummaryButton.click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${format}`) }).click();
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Downloads the run as JSON; unmasked goes through the confirmation. */
  async downloadRun(opts: { unmasked?: boolean } = {}): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.downloadButton.click();
    if (opts.unmasked) {
      await this.page.getByRole('menuitem', { name: /unmasked/ }).click();
      await this.page.getByRole('alertdialog').getByRole('button', { name: 'Download unmasked' }).click();
    } else {
      await this.page.getByRole('menuitem', { name: /secrets masked/ }).click();
    }
    return download;
  }

  async importFile(path: string) {
    await this.importFileInput.setInputFiles(path);
  }

  async importPasted(text: string) {
    await this.page.getByText('Paste JSON instead').click();
    await this.importPasteField.fill(text);
    await this.page.getByRole('button', { name: 'Open pasted JSON' }).click();
  }

  statusBadge(text: string): Locator {
    return this.page.getByText(text, { exact: true }).first();
  }
}
