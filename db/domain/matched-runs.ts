/**
 * A course page opened from a filtered list: which runs to show first. Pure, no I/O.
 *
 * The runs the list's filters matched come first (报名中 before 已满 / 已截止, then in the page's
 * own order), then the course's other runs still to come. Finished runs stay in the page's
 * «已结束的班期» (marked there when matched).
 */
import type { RunStatus } from './course-run';

type RunLike = { id: number; status: RunStatus };

export type RunsForList<R> = {
  /** Runs the list's filters matched, in the order to show them. */
  matched: R[];
  /** The course's other runs still to come (or under way), in the page's order. */
  others: R[];
  /** Finished runs the filters matched: they stay with the page's «已结束的班期», marked there. */
  matchedEnded: R[];
};

/**
 * Splits a course's runs (in the page's order) into those a list matched and the rest. `matched`
 * null means the page was not opened from a filtered list: every run is "other".
 */
export function runsForList<R extends RunLike>(runs: readonly R[], matched: ReadonlySet<number> | null): RunsForList<R> {
  const upcoming = runs.filter((r) => r.status !== 'ended');
  if (matched === null) return { matched: [], others: upcoming, matchedEnded: [] };
  const hit = upcoming.filter((r) => matched.has(r.id));
  // Stable: open runs first, the page's order otherwise.
  const ordered = [...hit.filter((r) => r.status === 'open'), ...hit.filter((r) => r.status !== 'open')];
  return {
    matched: ordered,
    others: upcoming.filter((r) => !matched.has(r.id)),
    matchedEnded: runs.filter((r) => r.status === 'ended' && matched.has(r.id)),
  };
}

/** True when no run of the course still takes sign-ups (every one is full, closed, under way or over). */
export function noRunOpen(runs: readonly RunLike[]): boolean {
  return !runs.some((r) => r.status === 'open');
}
