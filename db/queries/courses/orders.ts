/**
 * The course lists' orders, as sort keys over a course's matched runs (compared element by
 * element, ascending; ties by course id).
 */
import 'server-only';
import { distance2, type MatchedGroup, type OrderDef, type QueryContext } from '@/db/search/engine';
import { OPEN, statusIndex } from './filters';
import type { CourseIndexRow as Row } from './rows';

const NONE = Number.MAX_SAFE_INTEGER;
// Local bindings for what the per-row loops call: an imported binding is a property read on each
// use wherever modules are compiled to CommonJS (the unit tests, the benchmark).
const statusOf = statusIndex;
const OPEN_STATUS = OPEN;
const dist2 = distance2;

/**
 * Courses residents can join first, by their soonest joinable run (the run the card headlines);
 * then those with a run still to start (full or closed), soonest first; then the most recently
 * started.
 */
function soonest(m: MatchedGroup<Row>, q: QueryContext): number[] {
  let nextOpen = NONE;
  let next = NONE;
  let last = 0;
  const today = q.today;
  const rows = m.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const start = r.start;
    if (start > today && start < next) next = start;
    if (start < nextOpen && statusOf(r, today) === OPEN_STATUS) nextOpen = start;
    if (start > last) last = start;
  }
  return [nextOpen, next, -last];
}

function nearest(m: MatchedGroup<Row>, q: QueryContext): number {
  let best = Infinity;
  const o = q.origin;
  if (o) for (const r of m.rows) best = Math.min(best, dist2(o, r.latE6 / 1e6, r.lngE6 / 1e6));
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
