/**
 * The resident course search, declared for the list-search engine (db/search/engine). Public:
 * any page or read action may call it. A course matches when ANY of its published runs matches
 * every run filter at once (so "免费 + 花乡街道" means one run that is both); facet counts are
 * the courses each option would give with all OTHER filters applied.
 */
import 'server-only';
import { getDb } from '@/db';
import { courseListShape } from '@/db/validation/course-search';
import { defineList, type SearchResult, type ValuesOf } from '@/db/search/engine';
import { courseCards, type CourseCardData } from './cards';
import { publicCourseFilters } from './filters';
import { publicCourseOrders } from './orders';
import { PUBLISHED, courseSource } from './rows';
import { RUN_STATUSES } from '@/db/domain/course-run';

export const COURSE_PAGE_SIZE = 10;

export type CourseListValues = ValuesOf<typeof courseListShape>;

export const publicCourses = defineList({
  name: 'courses',
  shape: courseListShape,
  source: courseSource,
  filters: publicCourseFilters<CourseListValues>(),
  orders: publicCourseOrders,
  orderParam: 'sort',
  pageSize: COURSE_PAGE_SIZE,
  // Residents see published courses through their published runs, never anything else.
  scope: () => (r) => r.coursePub === PUBLISHED && r.runPub === PUBLISHED,
  items: (db, page, q) => courseCards(db, page, q, q.order === 'near'),
  // Also show runs under way or finished (when the default "still to come" hid everything).
  widenMore: (v) => (v.status.length === 0 ? [{ kind: 'ended', values: { ...v, status: [...RUN_STATUSES] } }] : []),
});

export type CourseSearchResult = SearchResult<CourseCardData, CourseListValues>;

/**
 * The resident course search. Public: any page or read action may call it. `input` is the URL's
 * query (a string, URLSearchParams or Next's searchParams); unknown ids are dropped with the
 * 'invalid-params' notice.
 */
export async function searchCourses(input: Parameters<typeof publicCourses.search>[1], opts: { today?: string; facets?: boolean } = {}): Promise<CourseSearchResult> {
  return publicCourses.search(getDb(), input, { kind: 'public' }, opts);
}
