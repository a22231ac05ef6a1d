import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

export type PublicKind = 'courses' | 'stations' | 'fairs';

/** Whether a record residents may see exists: one primary-key lookup. Public. */
export function isPublished(kind: PublicKind, id: number): boolean {
  const table = sql.raw(kind); // one of three fixed names, never user text
  return getDb().get(sql`SELECT 1 AS ok FROM ${table} WHERE id = ${id} AND publication = 'published'`) !== undefined;
}

/** Whether a published run of a published course exists under that course. Public. */
export function isPublishedRun(courseId: number, runId: number): boolean {
  return (
    getDb().get(
      sql`SELECT 1 AS ok FROM course_runs r JOIN courses c ON c.id = r.course_id
          WHERE r.id = ${runId} AND r.course_id = ${courseId} AND r.publication = 'published' AND c.publication = 'published'`,
    ) !== undefined
  );
}
