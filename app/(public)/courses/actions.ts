'use server';

import { searchCourses, type CourseSearchResult } from '@/db/queries/courses';
import { actionQuery } from '@/db/validation/search-params';
import { withSubsidyBadges } from '@/components/subsidy/read-answers';
import { renderCourseResults } from '@/components/courses/course-results';
import { actionMapTiles } from '@/components/maps/page-tiles';
import type { Rendered } from '@/components/search/rendered';
import { noteSearchMiss } from '../search-miss';

/**
 * Live results for the course list. A public read: server actions are open POST endpoints,
 * so the input is checked here like any URL. Its address's budget is counted by the proxy
 * (app/_server/rate-limit-http.ts), which refuses the call before it gets here.
 */
export async function searchCoursesAction(qs: unknown): Promise<Rendered<CourseSearchResult>> {
  const q = actionQuery(qs);
  const result = await searchCourses(q);
  await noteSearchMiss('courses', result);
  return renderCourseResults(await withSubsidyBadges(result), actionMapTiles(q));
}
