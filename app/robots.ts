import type { MetadataRoute } from 'next';
import { siteUrl } from '@/db/site-url';

// Read at run time: SITE_URL belongs to the running server, not to the build.
export const dynamic = 'force-dynamic';

/** robots.txt: everything public may be crawled; the admin console and sign-in may not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = siteUrl();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: '/admin' }],
    sitemap: `${base}/sitemap.xml`,
  };
}
