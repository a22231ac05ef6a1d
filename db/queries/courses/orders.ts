/**
 * The course lists' orders, as sort keys over a course's matched runs (compared element by
 * element, ascending; ties by course id).
 */
import 'server-only';
import { distance2, type MatchedGroup, type OrderDef, type QueryContext } from '@/db/search/engine';
import { OPEN, statusIndex } from './filters';
import type { CourseIndexRow as Row } from './rows';

const NONE = Number.MAX_SAFE_INTEGER;

/**
 * Courses residents can join first, by their soonest joinable run (the run the card headlines);
 * then those with a run still to start (full or closed), soonest first; then the most recently
 * started.
 */
function soonest(m: MatchedGroup<Row>, q: QueryContext): number[] {
  let nextOpen = NONE;
  let next = NONE;
  let last = 0;
  for (const r of m.rows) {
    if (r.start > q.today && r.start < next) next = r.start;
    if (r.start < nextOpen && statusIndex(r, q.today) === OPEN) nextOpen = r.start;
    if (r.start > last) last = r.start;
  }
  return [nextOpen, next, -last];
}

function nearest(m: MatchedGroup<Row>, q: QueryContext): number {
  let best = Infinity;
  if (q.origin) for (const r of m.rows) best = Math.min(best, distance2(q.origin, r.latE6 / 1e6, r.lngE6 / 1e6));
  return best;
}

export const publicCourseOrders: Record<'start' | 'near' | 'new', OrderDef<Row>> = {
  start: { key: soonest },
  near: { needsOrigin: true, key: (m, q) => [nearest(m, q), ...soonest(m, q)] },
  new: { key: (m) => [m.rows[0]!.publishedAt < 0 ? 1 : 0, -m.rows[0]!.publishedAt, -m.group] },
};

/** The admin list: newest change first. */
export const adminCourseOrders: Record<'updated', OrderDef<Row>> = {
  updated: { key: (m) => [-m.rows[0]!.updatedAt, -m.group] },
};
