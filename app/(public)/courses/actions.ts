'use server';

import { searchCourses, type CourseSearchResult } from '@/db/queries/courses';
import { parseCourseSearch } from '@/db/validation/course-search';
import { actionQuery } from '@/db/validation/search-params';
import { withSubsidyBadges } from '@/components/subsidy/read-answers';
import { noteSearchMiss } from '../search-miss';
import { searchAllowance } from '@/db/http/rate-limit-action';
import type { RateLimited } from '@/db/http/rate-limited';

/**
 * Live results for the course list. A public read: server actions are open POST endpoints,
 * so the input is checked here like any URL.
 */
export async function searchCoursesAction(qs: unknown): Promise<CourseSearchResult | RateLimited> {
  const limited = await searchAllowance();
  if (limited) return limited;
  const result = searchCourses(parseCourseSearch(actionQuery(qs)));
  await noteSearchMiss('courses', result);
  return withSubsidyBadges(result);
}
