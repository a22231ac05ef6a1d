/**
 * Addresses between the course list and a course page. The list's filters ride along as the
 * list's own query parameters, so the course page can show the runs they matched first and
 * lead back to the same list; the page number and the list/map view stay behind.
 */

/** Parameters that say how the list is shown, not what it matched. */
const LIST_ONLY = ['page', 'view'];
/** Parameters that order the list or place the resident but narrow nothing. */
const NOT_NARROWING = [...LIST_ONLY, 'sort', 'near', 'from'];

function carried(listQuery: string, drop: readonly string[]): URLSearchParams {
  const sp = new URLSearchParams(listQuery);
  for (const k of drop) sp.delete(k);
  return sp;
}

/** True when the list's query narrows it (a filter besides the order and «我在哪里»). */
export function listNarrows(listQuery: string): boolean {
  return carried(listQuery, NOT_NARROWING).size > 0;
}

/** A course page, carrying the list's filters (and origin) when there are any. */
export function courseHref(id: number, listQuery = '', anchor?: string): string {
  const qs = carried(listQuery, LIST_ONLY).toString();
  return `/courses/${id}${qs ? `?${qs}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/** The anchor on a course page where the runs a list matched begin. */
export const MATCHED_RUNS_ANCHOR = 'matched-runs';

/** «另有 N 个班期符合条件»: the course page at the runs the list matched (at all its runs when nothing narrowed). */
export function matchedRunsHref(id: number, listQuery = ''): string {
  return courseHref(id, listQuery, listNarrows(listQuery) ? MATCHED_RUNS_ANCHOR : 'runs');
}

/** The list again, as it was left (first page). */
export function courseListHref(listQuery = ''): string {
  const qs = carried(listQuery, LIST_ONLY).toString();
  return `/courses${qs ? `?${qs}` : ''}`;
}

/**
 * Where the links on a course page lead. Residents get the public site; the admin preview of a
 * draft passes addresses inside admin (components/admin/preview/links.ts), since the public ones
 * are 404 until it is published. `target` '_top' lets the phone-width frame open them in the window.
 */
export type CoursePageLinks = {
  list: (listQuery: string) => string;
  allRuns: (courseId: number, listQuery: string) => string;
  runCalendar: (courseId: number, runId: number) => string;
  runCard: (courseId: number, runId: number) => string;
  /** null: no link to the fair list (an account that may not open fairs). */
  fairs: string | null;
  /** null: the fair's name is shown without a link (an account that may not open fairs). */
  fair: ((fairId: number) => string) | null;
  target?: '_top';
};

export const PUBLIC_COURSE_LINKS: CoursePageLinks = {
  list: courseListHref,
  allRuns: (id, listQuery) => `/courses/${id}?${listQuery ? `${listQuery}&` : ''}runs=all#runs`,
  runCalendar: (courseId, runId) => `/courses/${courseId}/runs/${runId}/calendar`,
  runCard: (courseId, runId) => `/courses/${courseId}/runs/${runId}/card`,
  fairs: '/fairs',
  fair: (fairId) => `/fairs/${fairId}`,
};
