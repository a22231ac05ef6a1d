/**
 * The site's public address, the only source of absolute links: feeds, sitemap.xml, robots.txt,
 * calendar files, the QR codes and links on 办事卡, JSON-LD and the open-data API's urls.
 *
 * It comes from SITE_URL and never from the request. Host and X-Forwarded-Host are chosen by
 * whoever sends the request: a feed (public, max-age=300), the sitemap or a page kept in the
 * page cache built from them would hand a forged origin to every later reader behind a shared
 * cache. In production the server refuses to start without a valid SITE_URL
 * (instrumentation.ts, from db/config.ts); in development http://localhost:3000 stands in.
 */
import { serverConfig } from '@/db/config';

// Parsing and the start-up check live with every other variable in db/config.ts.
export { DEV_SITE_URL, parseSiteUrl, SITE_URL_EXAMPLE, type SiteUrlCheck } from '@/db/config';

/**
 * The configured site address. A running production server always has a valid SITE_URL (it
 * would not have started otherwise); `next dev`, `next build` and unit tests get DEV_SITE_URL.
 */
export function siteUrl(): string {
  return serverConfig().siteUrl;
}
