/**
 * A course page opened from the resident list: the list's filters ride along in the address
 * (/courses/12?street=3&cost=free&status=open&near=s3), so the page can show the runs those
 * filters matched first, keep the distance from the chosen «我在哪里», and lead back to the same
 * list. Public: any page may call it.
 */
import 'server-only';
import { getDb } from '@/db';
import { parseQuery } from '@/db/search/engine/params';
import { courseListShape } from '@/db/validation/course-search';
import { beijingToday } from '@/db/domain/time';
import { publicCourses, searchCourses } from './list';
import type { CourseCardData } from './cards';

type Input = Parameters<typeof publicCourses.search>[1];

export type CourseListContext = {
  /** The list's canonical query (no page): for the link back and for links onward. '' when none. */
  listQuery: string;
  /** True when the query narrows the list (a filter other than the order and origin). */
  filtered: boolean;
  /** This course's runs the filters matched; null when the query does not narrow. */
  matchedRunIds: number[] | null;
  /** The chosen «我在哪里», when there is one: the page says each run's distance from it. */
  origin: { name: string | null; lat: number; lng: number } | null;
};

/** What the list's query (from the course page's address) says about this course. Public. */
export async function courseListContext(courseId: number, input: Input, opts: { today?: string; now?: Date } = {}): Promise<CourseListContext> {
  const parsed = parseQuery(input, courseListShape);
  const values = { ...parsed.values, page: 1 };
  const filterQuery = publicCourses.query({ ...values, sort: 'start' }, null);
  const filtered = filterQuery !== '';
  if (!filtered && parsed.origin === null) return { listQuery: publicCourses.query(values, null), filtered, matchedRunIds: null, origin: null };
  const { matched, q } = await publicCourses.match(getDb(), input, { kind: 'public' }, opts);
  const mine = matched.find((m) => m.group === courseId);
  return {
    listQuery: publicCourses.query(values, q.origin),
    filtered,
    matchedRunIds: filtered ? (mine?.rows.map((r) => r.run).filter((id) => id > 0) ?? []) : null,
    origin: q.origin ? { name: q.origin.name, lat: q.origin.lat, lng: q.origin.lng } : null,
  };
}

/**
 * When no run of a course takes sign-ups: courses of the same 工种 (any level) with a run still
 * open, this one left out, soonest first. Public.
 */
export async function openCoursesOfOccupation(occupationId: number, exceptCourseId: number, opts: { today?: string; now?: Date } = {}): Promise<CourseCardData[]> {
  const today = opts.today ?? beijingToday(opts.now ?? new Date());
  const found = await searchCourses(`occupation=${occupationId}&status=open`, { today, facets: false });
  return found.items.filter((c) => c.id !== exceptCourseId);
}
