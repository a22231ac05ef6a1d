'use server';

import { searchCourses, type CourseSearchResult } from '@/db/queries/courses';
import { parseCourseSearch } from '@/db/validation/course-search';
import { MAX_QUERY_STRING } from '@/db/validation/search-params';

/**
 * Live results for the course list. A public read: server actions are open POST endpoints,
 * so the input is checked here like any URL.
 */
export async function searchCoursesAction(qs: string): Promise<CourseSearchResult> {
  const input = typeof qs === 'string' ? qs.slice(0, MAX_QUERY_STRING) : '';
  return searchCourses(parseCourseSearch(input));
}
