/**
 * The site's absolute address for links in open data (API urls, JSON-LD, sitemap): SITE_URL
 * when set (production behind a proxy), else the Host the request came to (`next start`
 * reports its own localhost URL, so the Host header, or a proxy's forwarded one, is better).
 */
export function siteBase(headers: Headers, fallbackOrigin = 'http://localhost:3000'): string {
  const env = process.env.SITE_URL?.trim();
  if (env && /^https?:\/\/[^\s/]+/.test(env)) return env.replace(/\/+$/, '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  const proto = headers.get('x-forwarded-proto') === 'https' ? 'https' : fallbackOrigin.startsWith('https:') ? 'https' : 'http';
  return host && /^[\w.:[\]-]+$/.test(host) ? `${proto}://${host}` : fallbackOrigin.replace(/\/+$/, '');
}
