import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against a production build (`next build` first, then `next start`) on a
 * throwaway database that is wiped and reseeded at every run. Debian's Chromium is used; no
 * browser is downloaded.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// Each run wipes and reseeds this file; E2E_DB lets parallel runs use their own.
const DATABASE_PATH = process.env.E2E_DB ?? 'e2e/.tmp/e2e.sqlite';

/** Specs that need the database to themselves; the parallel projects leave them out. */
const QUIET = [/direct-calls/, /admin\/spreadsheets\.spec\.ts/, /security\/hostile-admin\.spec\.ts/];

const launchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'e2e/.artifacts',
  fullyParallel: true,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      grepInvert: /@nojs/,
      testIgnore: QUIET,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions },
    },
    {
      name: 'phone',
      grep: /@phone/,
      testIgnore: QUIET,
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
    },
    {
      name: 'no-js',
      grep: /@nojs/,
      testIgnore: QUIET,
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions },
    },
    {
      // Spreadsheet imports prove "nothing written" by a digest of the whole database, so they
      // run one at a time once the parallel projects are done.
      name: 'quiet',
      testMatch: /admin\/spreadsheets\.spec\.ts/,
      dependencies: ['desktop', 'phone', 'no-js'],
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions },
    },
    {
      // Raw POSTs to every admin action, proving the database unchanged: alone, after the rest.
      name: 'direct-calls',
      testMatch: /direct-calls\/.*\.spec\.ts/,
      dependencies: ['quiet'],
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // Hostile admin bodies, proving the database unchanged: alone, after direct-calls.
      name: 'hostile-admin',
      testMatch: /security\/hostile-admin\.spec\.ts/,
      dependencies: ['direct-calls'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: `npm run --silent db:reset && npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_PATH,
      NEXT_TELEMETRY_DISABLED: '1',
      // A fixed key for the throwaway server (a real deployment sets its own AUTH_SECRET).
      AUTH_SECRET: 'e2e-only-secret-not-for-any-real-deployment-000000',
      // A production start needs the site's address (instrumentation.ts); links point where the tests browse.
      SITE_URL: baseURL,
      // Every test browser comes from 127.0.0.1, hundreds of searches a minute: the per-address
      // limits would refuse the suite itself. Tests of the limits send their own X-Forwarded-For.
      RATE_LIMIT_EXEMPT: '127.0.0.1,::1',
    },
  },
});
