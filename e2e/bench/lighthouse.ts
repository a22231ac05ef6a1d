/**
 * Lighthouse (its default mobile configuration and simulated throttling) through its Node API,
 * on Debian's Chromium, headless and offline. One fresh Chromium per page, so no cache or
 * cookie carries over from one page to the next.
 */

export type LighthouseScore = { name: string; path: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number };

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

export async function runLighthouse(base: string, pages: { name: string; path: string }[]): Promise<LighthouseScore[]> {
  // Both are ES modules only; this file runs as CommonJS under tsx, so load them dynamically.
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const out: LighthouseScore[] = [];
  for (const p of pages) {
    // Lighthouse sometimes loses the trace of a load (NO_NAVSTART, NO_FCP) on a busy machine:
    // that says nothing about the page, so such a run is tried again, once.
    let score: LighthouseScore | null = null;
    for (let attempt = 1; score === null; attempt++) {
      try {
        score = await scorePage(lighthouse, chromeLauncher, base, p);
      } catch (e) {
        const flaky = e instanceof LighthouseRunError && /NO_NAVSTART|NO_FCP|NO_LCP|PROTOCOL_TIMEOUT/.test(e.code);
        if (!flaky || attempt >= 2) throw e;
        console.log(`Lighthouse on ${p.path}: ${e.code}, trying again`);
      }
    }
    out.push(score);
  }
  return out;
}

class LighthouseRunError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type LighthouseFn = (typeof import('lighthouse'))['default'];
type Launcher = typeof import('chrome-launcher');

async function scorePage(lighthouse: LighthouseFn, chromeLauncher: Launcher, base: string, p: { name: string; path: string }): Promise<LighthouseScore> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(base + p.path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${p.path}`);
    if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse on ${p.path}: ${lhr.runtimeError.message}`, lhr.runtimeError.code);
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    return {
      name: p.name,
      path: p.path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    };
  } finally {
    chrome.kill();
  }
}
