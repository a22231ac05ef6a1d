/**
 * The site's public address, the only source of absolute links: feeds, sitemap.xml, robots.txt,
 * calendar files, the QR codes and links on 办事卡, JSON-LD and the open-data API's urls.
 *
 * It comes from SITE_URL and never from the request. Host and X-Forwarded-Host are chosen by
 * whoever sends the request: a feed (public, max-age=300), the sitemap or a page kept in the
 * page cache built from them would hand a forged origin to every later reader behind a shared
 * cache. In production the server refuses to start without a valid SITE_URL
 * (instrumentation.ts); in development http://localhost:3000 stands in.
 *
 * No imports: instrumentation.ts, route handlers, pages and unit tests use it. Problems are codes;
 * components/site/strings.ts says them in words.
 */

/** What `next dev` and the unit tests use when SITE_URL is not set. */
export const DEV_SITE_URL = 'http://localhost:3000';
/** The example the start-up message shows. */
export const SITE_URL_EXAMPLE = 'https://jiuye.fengtai.gov.cn';

export type SiteUrlCheck = { ok: true; url: string } | { ok: false; reason: 'missing' | 'invalid' };

/**
 * SITE_URL as an origin (with a path prefix when the site lives under one), without a trailing
 * slash; or why it cannot be one. Credentials, a query or a fragment would end up inside every
 * link, so they make it invalid rather than being dropped quietly.
 */
export function parseSiteUrl(raw: string | undefined): SiteUrlCheck {
  const value = raw?.trim() ?? '';
  if (value === '') return { ok: false, reason: 'missing' };
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password || u.search || u.hash) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

export type SiteUrlProblem = { reason: 'missing' } | { reason: 'invalid'; given: string };

/**
 * For start-up: why this environment cannot serve, or null. Production (`next start`) needs
 * SITE_URL; elsewhere a missing one falls back to DEV_SITE_URL, but a malformed one is still an
 * error (it was meant to be used).
 */
export function siteUrlStartupProblem(env: { NODE_ENV?: string; SITE_URL?: string }): SiteUrlProblem | null {
  const check = parseSiteUrl(env.SITE_URL);
  if (check.ok) return null;
  if (check.reason === 'invalid') return { reason: 'invalid', given: String(env.SITE_URL).trim().slice(0, 200) };
  return env.NODE_ENV === 'production' ? { reason: 'missing' } : null;
}

let memo: { raw: string | undefined; url: string } | undefined;

/**
 * The configured site address. A running production server always has a valid SITE_URL (it
 * would not have started otherwise); `next dev`, `next build` and unit tests get DEV_SITE_URL.
 */
export function siteUrl(): string {
  const raw = process.env.SITE_URL;
  if (memo === undefined || memo.raw !== raw) {
    const check = parseSiteUrl(raw);
    memo = { raw, url: check.ok ? check.url : DEV_SITE_URL };
  }
  return memo.url;
}
