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
