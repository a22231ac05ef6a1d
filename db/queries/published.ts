import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { courseRuns, courses, fairs, stations } from '@/db/schema';

export type PublicKind = 'courses' | 'stations' | 'fairs';

const TABLES = { courses, stations, fairs } as const;

/** Whether a record residents may see exists: one primary-key lookup. Public. */
export async function isPublished(kind: PublicKind, id: number): Promise<boolean> {
  const t = TABLES[kind];
  return getDb().select({ id: t.id }).from(t).where(and(eq(t.id, id), eq(t.publication, 'published'))).get() !== undefined;
}

/** Whether a published run of a published course exists under that course. Public. */
export async function isPublishedRun(courseId: number, runId: number): Promise<boolean> {
  return (
    getDb()
      .select({ id: courseRuns.id })
      .from(courseRuns)
      .innerJoin(courses, eq(courses.id, courseRuns.courseId))
      .where(and(eq(courseRuns.id, runId), eq(courseRuns.courseId, courseId), eq(courseRuns.publication, 'published'), eq(courses.publication, 'published')))
      .get() !== undefined
  );
}
