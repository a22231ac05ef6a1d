/**
 * The admin course list: the same index and the same shared filters as the resident list, in the
 * admin scope. The scope comes from the signed-in actor: a 培训机构 account only ever reaches its
 * own provider's courses; roles that may not see courses reach none.
 */
import 'server-only';
import { and, asc, count, eq, gte, inArray, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import type { Actor } from '@/db/auth/permissions';
import { courseRuns, courses, occupations, providers, type Publication } from '@/db/schema';
import { adminCourseListShape } from '@/db/validation/admin/course-list';
import { defineList, type MatchedGroup, type QueryContext, type Scope, type SearchResult, type ValuesOf } from '@/db/search/engine';
import { courseNameColumns } from './columns';
import { adminCourseFilters } from './filters';
import { adminCourseOrders } from './orders';
import { courseSource, type CourseIndexRow } from './rows';

export const ADMIN_COURSE_PAGE_SIZE = 20;

export type AdminCourseRow = {
  id: number;
  title: string;
  publication: Publication;
  occupation: string;
  level: number;
  provider: string;
  /** The soonest run still to start (any state), with its state. */
  nextRun: { id: number; label: string; startDate: string; publication: Publication } | null;
  runCount: number;
  updatedAt: number;
};

export type AdminCourseValues = ValuesOf<typeof adminCourseListShape>;

/** What an admin scope may reach: all courses (管理员, 编辑), its own provider's (培训机构), or none. */
function adminScope(scope: Scope) {
  if (scope.kind !== 'admin') return () => false;
  const { role, providerId } = scope.actor;
  if (role === 'admin' || role === 'editor') return null;
  if (role === 'provider' && providerId !== null) return (r: CourseIndexRow) => r.provider === providerId;
  return () => false;
}

async function adminRows(db: DB, page: readonly MatchedGroup<CourseIndexRow>[], q: QueryContext): Promise<AdminCourseRow[]> {
  const ids = page.map((m) => m.group);
  const rows = db
    .select({ ...courseNameColumns, publication: courses.publication, updatedAt: courses.updatedAt })
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(inArray(courses.id, ids))
    .all();
  const counts = new Map(
    db
      .select({ courseId: courseRuns.courseId, n: count() })
      .from(courseRuns)
      .where(inArray(courseRuns.courseId, ids))
      .groupBy(courseRuns.courseId)
      .all()
      .map((r) => [r.courseId, r.n]),
  );
  const next = new Map<number, AdminCourseRow['nextRun']>();
  for (const r of db
    .select({ id: courseRuns.id, courseId: courseRuns.courseId, label: courseRuns.label, startDate: courseRuns.startDate, publication: courseRuns.publication })
    .from(courseRuns)
    .where(and(inArray(courseRuns.courseId, ids), gte(courseRuns.startDate, q.todayText), ne(courseRuns.publication, 'archived')))
    .orderBy(asc(courseRuns.startDate), asc(courseRuns.id))
    .all()) {
    if (!next.has(r.courseId)) next.set(r.courseId, { id: r.id, label: r.label, startDate: r.startDate, publication: r.publication });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, updatedAt: r.updatedAt.getTime(), nextRun: next.get(id) ?? null, runCount: counts.get(id) ?? 0 }] : [];
  });
}

export const adminCourses = defineList({
  name: 'admin-courses',
  shape: adminCourseListShape,
  source: courseSource,
  filters: adminCourseFilters<AdminCourseValues>(),
  orders: adminCourseOrders,
  pageSize: ADMIN_COURSE_PAGE_SIZE,
  scope: adminScope,
  items: adminRows,
});

export type AdminCourseResult = SearchResult<AdminCourseRow, AdminCourseValues>;

/** Courses for the admin list, newest change first, as far as `actor` may see. Admin pages only. */
export async function listCoursesForAdmin(actor: Actor, input: Parameters<typeof adminCourses.search>[1], opts: { today?: string } = {}): Promise<AdminCourseResult> {
  return adminCourses.search(getDb(), input, { kind: 'admin', actor }, opts);
}
