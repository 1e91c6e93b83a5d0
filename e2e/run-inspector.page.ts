import type { Locator, Page } from '@playwright/test';

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

  statusBadge(text: string): Locator {
    return this.page.getByText(text, { exact: true }).first();
  }
}
