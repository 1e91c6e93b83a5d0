import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser';
import { findNginx } from './e2e/support/nginx';

const isCI = !!process.env.CI;
const PREVIEW_URL = 'http://127.0.0.1:4173';
const NGINX_PORT = Number(process.env.NGINX_PORT ?? 8088);
const NGINX_URL = `http://127.0.0.1:${NGINX_PORT}`;
// The config is loaded by the runner and by every worker: speak up only once.
const isRunnerProcess = process.env.TEST_WORKER_INDEX === undefined;

// The "nginx" project runs deploy/nginx.conf for real (scripts/nginx-serve.mjs). Locally it is
// skipped when nginx isn't installed; on CI it is required.
const nginx = findNginx();
if (!nginx && isCI) {
  throw new Error(
    'nginx is required on CI: the deploy/nginx.conf smoke suite runs through it. Install it (apt-get install nginx) or set NGINX_BIN.',
  );
}
if (!nginx && isRunnerProcess) {
  console.warn(
    '[playwright] nginx not found (set NGINX_BIN or install it): skipping the "nginx" smoke project.',
  );
}

const launchOptions = chromiumLaunchOptions();

const webServer: NonNullable<PlaywrightTestConfig['webServer']> = [
  {
    name: 'preview',
    // The production build (npm test builds it first; build here only when dist/ is missing),
    // served by `vite preview` with the demo API. --bypass-lock: Vite 8 otherwise refuses to start
    // while another `vite preview` of this project runs on some other port.
    command:
      '[ -f dist/index.html ] || npx vite build --bypass-lock; exec npx vite preview --bypass-lock --host 127.0.0.1 --port 4173 --strictPort',
    url: PREVIEW_URL,
    reuseExistingServer: !isCI,
    timeout: 180_000,
    // The live demo run takes ~4 s instead of ~12 s.
    env: { DEMO_LIVE_SCALE: '0.33' },
  },
];
if (nginx) {
  webServer.push({
    name: 'nginx',
    // deploy/nginx.conf rendered with root = a copy of dist/ and /v1/ proxied to the preview's demo API.
    command: `node scripts/nginx-serve.mjs --port ${NGINX_PORT} --upstream ${PREVIEW_URL}/demo-api`,
    url: `${NGINX_URL}/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    env: { NGINX_BIN: nginx },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  });
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  globalTimeout: isCI ? 40 * 60_000 : undefined,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: PREVIEW_URL,
    browserName: 'chromium',
    launchOptions,
    timezoneId: 'Europe/Berlin',
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /nginx-smoke\.spec\.ts$/,
    },
    ...(nginx
      ? [
          {
            name: 'nginx',
            testMatch: /nginx-smoke\.spec\.ts$/,
            use: { baseURL: NGINX_URL },
          },
        ]
      : []),
  ],
  webServer,
});
