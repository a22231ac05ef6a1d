import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

export type PublicKind = 'courses' | 'stations' | 'fairs';

/** Whether a record residents may see exists: one primary-key lookup. Public. */
export function isPublished(kind: PublicKind, id: number): boolean {
  const table = sql.raw(kind); // one of three fixed names, never user text
  return getDb().get(sql`SELECT 1 AS ok FROM ${table} WHERE id = ${id} AND publication = 'published'`) !== undefined;
}
