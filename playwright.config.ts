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

/**
 * E2E_NOW (an instant with its offset, e.g. 2026-12-06T19:30:00+08:00) pins the seed and the
 * server to that instant: Debian's faketime freezes their wall clock there (LD_PRELOAD, so no
 * request can move it) while timers keep running. They then also run in a server zone far from
 * Beijing, so the pinned runs show that "today" does not follow the machine's zone.
 * e2e/setup/clock-runs.sh uses this for the date-sensitive specs (@clock).
 */
const E2E_NOW = process.env.E2E_NOW;
const PINNED_ZONE = 'America/New_York';

/** The frozen wall-clock time as faketime reads it: local time in PINNED_ZONE. */
function fakeTimeIn(zone: string, instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime()) || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(instant)) {
    throw new Error(`E2E_NOW must be an instant with an offset, e.g. 2026-12-06T19:30:00+08:00 (got ${instant})`);
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const serverCommand = `npm run --silent db:reset && npx next start -H 127.0.0.1 -p ${PORT}`;

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

/** A phone: 390 px wide, touch (the phone and 长辈版 projects). */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, launchOptions };

export default defineConfig({
  testDir: 'e2e',
  // Browser specs only: e2e/bench and e2e/soak keep node:test unit tests (*.test.ts) that
  // npm run test:unit runs; Playwright's default pattern would load them too.
  testMatch: '**/*.spec.ts',
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
      use: PHONE,
    },
    {
      name: 'no-js',
      grep: /@nojs/,
      testIgnore: QUIET,
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions },
    },
    {
      // 长辈版 on a phone: the resident journeys tagged @elder again, with the mode's cookie set
      // (larger text and targets, the same facts), as a 68-year-old would meet them.
      name: 'elder',
      grep: /@elder/,
      testIgnore: QUIET,
      use: {
        ...PHONE,
        storageState: { cookies: [{ name: 'ft_mode', value: 'elder', domain: '127.0.0.1', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' }], origins: [] },
      },
    },
    {
      // Spreadsheet imports prove "nothing written" by a digest of the whole database, so they
      // run one at a time once the parallel projects are done.
      name: 'quiet',
      testMatch: /admin\/spreadsheets\.spec\.ts/,
      dependencies: ['desktop', 'phone', 'no-js', 'elder'],
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions },
    },
    {
      // Raw POSTs to every admin action, proving the database unchanged: alone, after the rest.
      name: 'direct-calls',
      testMatch: /direct-calls\/.*\.spec\.ts/,
      dependencies: ['quiet'],
      fullyParallel: false,
      // Its files (every action, one-time passwords, preview routes) compare database digests: one at a time.
      workers: 1,
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
    command: E2E_NOW ? `faketime -f '${fakeTimeIn(PINNED_ZONE, E2E_NOW)}' bash -c '${serverCommand}'` : serverCommand,
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
      // limits would refuse the suite itself.
      RATE_LIMIT_EXEMPT: '127.0.0.1,::1',
      // 127.0.0.1 is where a deployment's nginx would be (e2e/security/client-address.spec.ts
      // starts one there), so it is a trusted proxy: the suite's browsers there may name the
      // client they speak for in X-Forwarded-For, which keeps each test's sign-in throttle and
      // budgets apart. Any other loopback address (127.0.0.2 …, bound with localAddress) is an
      // outsider reaching the server directly, whose X-Forwarded-For counts for nothing.
      TRUSTED_PROXIES: '127.0.0.1',
      ...(E2E_NOW ? { TZ: PINNED_ZONE, FAKETIME_DONT_FAKE_MONOTONIC: '1' } : {}),
    },
  },
});
