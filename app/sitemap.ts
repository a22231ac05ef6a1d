import type { MetadataRoute } from 'next';
import { siteUrl } from '@/db/site-url';
import { publishedDetailIds } from '@/db/queries/open-data';

// Lists every published detail page as it is now.
export const dynamic = 'force-dynamic';

/** sitemap.xml: home, the lists (the job list too), the open-data page and every published station, course and fair. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const lists: MetadataRoute.Sitemap = ['', '/stations', '/courses', '/fairs', '/jobs', '/open-data'].map((path) => ({
    url: `${base}${path || '/'}`,
    changeFrequency: 'daily',
    priority: path === '' ? 1 : 0.8,
  }));
  const details: MetadataRoute.Sitemap = (await publishedDetailIds()).map((d) => ({
    url: `${base}/${d.kind}/${d.id}`,
    lastModified: new Date(d.updatedAt),
    changeFrequency: d.kind === 'stations' ? 'weekly' : 'daily',
    priority: 0.6,
  }));
  return [...lists, ...details];
}
