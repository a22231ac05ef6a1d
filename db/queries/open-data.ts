import 'server-only';
/**
 * Reads behind the open-data API, the CSV downloads, JSON-LD and the sitemap: what every
 * open-data read shares. Published rows only, always. The API's shapes (snake_case fields,
 * labels, URLs) are made beside the route handlers in app/api/v1/_lib; these return rows.
 * Stations: open-data-stations.ts; courses and runs: open-data-courses.ts; fairs: open-data-fairs.ts.
 */
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { courses, fairs, stations, streets } from '@/db/schema';

/** One page of a list, or every row (the CSV downloads). */
export type Paging = { page: number; perPage: number } | 'all';
export type Listed<T> = { items: T[]; total: number };

/** The LIMIT and OFFSET of a page, or none for 'all'. */
export function pageBounds(paging: Paging): { limit: number; offset: number } | null {
  return paging === 'all' ? null : { limit: paging.perPage, offset: (paging.page - 1) * paging.perPage };
}

/** Whether a 街镇 id exists (an unknown one is a bad parameter, not an empty list). Public. */
export async function streetExists(id: number): Promise<boolean> {
  return getDb().select({ id: streets.id }).from(streets).where(eq(streets.id, id)).get() !== undefined;
}

export type DetailKind = 'courses' | 'stations' | 'fairs';

/** Ids and last changes of every published detail page (the sitemap). Public. */
export async function publishedDetailIds(): Promise<{ kind: DetailKind; id: number; updatedAt: number }[]> {
  const db = getDb();
  const tables = { stations, courses, fairs } as const;
  const of = (kind: DetailKind) => {
    const t = tables[kind];
    return db
      .select({ id: t.id, updatedAt: t.updatedAt })
      .from(t)
      .where(eq(t.publication, 'published'))
      .orderBy(asc(t.id))
      .all()
      .map((r) => ({ kind, id: r.id, updatedAt: r.updatedAt.getTime() }));
  };
  return [...of('stations'), ...of('courses'), ...of('fairs')];
}
