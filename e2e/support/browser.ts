/**
 * How every Playwright run (tests, screenshots, benchmark) launches Chromium: Debian's
 * /usr/bin/chromium when it is installed, else Playwright's own build (`npx playwright install
 * chromium`). Node-side only.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];

/** Launch options for `chromium.launch()` or Playwright's `use.launchOptions`. */
export function chromiumLaunchOptions(): LaunchOptions {
  const options: LaunchOptions = { args: [...CHROMIUM_ARGS] };
  if (existsSync(SYSTEM_CHROMIUM)) options.executablePath = SYSTEM_CHROMIUM;
  return options;
}
