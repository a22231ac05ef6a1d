/**
 * When a fair happens, on index rows and integers: upcoming or past (to the minute), whether it
 * has a session in a date window (今天 / 明天 / 7天内 / 30天内), and the key the upcoming list
 * sorts by. The same rules as db/domain/fair-dates.ts (which works on one fair's text fields);
 * fairs.test.ts checks the lists against those functions. Pure: `now` is Beijing minutes since
 * 1970-01-01 00:00 (QueryContext.minute).
 */
import { DATE_WINDOWS, WINDOW_DAYS, type DateWindow } from '../../domain/fair-dates';
import type { FairRow } from './rows';

/** An inclusive range of epoch days; empty when from > to. */
export type Days = { from: number; to: number };

const dayOf = (now: number) => Math.floor(now / 1440);
/** ISO weekday of an epoch day (1970-01-01 was a Thursday). Local: this runs per row and day. */
const epochWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const timeOf = (now: number) => now - dayOf(now) * 1440;

/** Runs on epoch day `d` (within its run, and on one of its weekdays for a market). */
function runsOn(r: FairRow, d: number): boolean {
  return d >= r.startDay && d <= r.endDay && (r.weekdays === 0 || (r.weekdays & (1 << epochWeekday(d))) !== 0);
}

/** Has a session on some day from `from` to `to`. */
function onDaysOf(r: FairRow, from: number, to: number): boolean {
  if (from < r.startDay) from = r.startDay;
  if (to > r.endDay) to = r.endDay;
  if (from > to) return false;
  if (r.weekdays === 0) return true;
  for (let d = from; d <= to && d < from + 7; d++) if ((r.weekdays & (1 << epochWeekday(d))) !== 0) return true;
  return false;
}

/** Has a session on some day of `range`. */
export function onDays(r: FairRow, range: Days): boolean {
  return onDaysOf(r, range.from, range.to);
}

/**
 * Upcoming (as isPast in fair-dates): a one-off fair while its end is at or after now; a weekly
 * market while it has a session now or later (today's counts until its closing minute).
 */
export function isUpcoming(r: FairRow, now: number): boolean {
  if (r.weekdays === 0) return r.ends >= now;
  const today = dayOf(now);
  if (r.endDay < today) return false;
  const time = timeOf(now);
  const first = today > r.startDay ? today : r.startDay;
  for (let d = first; d < first + 7 && d <= r.endDay; d++) {
    if (runsOn(r, d) && (d > today || r.closes >= time)) return true;
  }
  return false;
}

/** The days a shortcut covers, counted from today (7天内 and 30天内 reach both ways; see clip). */
export function windowDays(w: DateWindow, today: number): Days {
  switch (w) {
    case 'today':
      return { from: today, to: today };
    case 'tomorrow':
      return { from: today + 1, to: today + 1 };
    case 'week':
      return { from: today - (WINDOW_DAYS.week - 1), to: today + WINDOW_DAYS.week - 1 };
    case 'month':
      return { from: today - (WINDOW_DAYS.month - 1), to: today + WINDOW_DAYS.month - 1 };
  }
}

/** The part of a window an upcoming or a past list looks at (clipWindow in fair-dates). */
export function clip(range: Days, today: number, upcoming: boolean): Days {
  return upcoming ? { from: range.from < today ? today : range.from, to: range.to } : { from: range.from, to: range.to > today ? today : range.to };
}

/** How many days back and ahead of today each shortcut reaches (DATE_WINDOWS order). */
const REACH: readonly (readonly [number, number])[] = DATE_WINDOWS.map((w) => {
  const d = windowDays(w, 0);
  return [d.from, d.to] as const;
});

/**
 * Whether a fair counts under a date shortcut, judged on its own side of now: an upcoming fair by
 * its sessions not yet finished from today on (an evening 今天 does not match a morning market),
 * a past fair by any session in the window up to today. So a list of upcoming fairs, a list of
 * past ones, and the counts of each, all read one predicate.
 */
export function inWindow(r: FairRow, w: DateWindow, now: number, upcoming: boolean): boolean {
  return inWindowAt(r, DATE_WINDOWS.indexOf(w), now, upcoming);
}

function inWindowAt(r: FairRow, i: number, now: number, upcoming: boolean): boolean {
  const today = dayOf(now);
  let from = today + REACH[i]![0];
  let to = today + REACH[i]![1];
  if (upcoming) from = from < today ? today : from;
  else to = to > today ? today : to;
  if (from > to) return false;
  if (!upcoming || from !== today) return onDaysOf(r, from, to);
  if (onDaysOf(r, today, today) && r.closes >= timeOf(now)) return true;
  return to > today && onDaysOf(r, today + 1, to);
}

/** fairState bits: upcoming, then one per date shortcut (DATE_WINDOWS order) on the fair's own side. */
export const UPCOMING = 1;
export const windowBit = (i: number) => 2 << i;

/**
 * A fair's upcoming flag and shortcut bits at `now`, worked out once per row and minute (every
 * filter, facet and order of a query reads them).
 */
export function fairState(r: FairRow, now: number): number {
  if (r.stateAt === now) return r.state;
  const up = isUpcoming(r, now);
  let s = up ? UPCOMING : 0;
  for (let i = 0; i < DATE_WINDOWS.length; i++) if (inWindowAt(r, i, now, up)) s |= windowBit(i);
  r.stateAt = now;
  r.state = s;
  return s;
}

/** Under a shortcut with upcoming and past together (the admin list's 'all'): any session in the whole window. */
export function inWholeWindow(r: FairRow, w: DateWindow, now: number): boolean {
  return onDays(r, windowDays(w, dayOf(now)));
}

/**
 * When one can next go, as a sort key (twice minutes, so "today" sorts before any time today): a
 * market's next session this week (today's only if not yet closed), else its start; a one-off
 * fair already under way counts from today.
 */
export function nextGoKey(r: FairRow, now: number): number {
  const today = dayOf(now);
  if (r.weekdays !== 0) {
    const time = timeOf(now);
    for (let d = today; d <= today + 6; d++) {
      if (runsOn(r, d) && (d > today || r.closes >= time)) return 2 * (d * 1440 + r.opens);
    }
    return 2 * r.starts;
  }
  return r.startDay < today ? 2 * today * 1440 - 1 : 2 * r.starts;
}
