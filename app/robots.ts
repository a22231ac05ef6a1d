import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { siteBase } from '@/components/open-data/site-url';

export const dynamic = 'force-dynamic';

/** robots.txt: everything public may be crawled; the admin console and sign-in may not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = siteBase(await headers());
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: '/admin' }],
    sitemap: `${base}/sitemap.xml`,
  };
}
