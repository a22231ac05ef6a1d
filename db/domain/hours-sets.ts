/**
 * Weekly hours with an effective date. A station's weekly sessions come in weeks (sets): every
 * row carries the first Beijing day its week is in force, and that week holds until the next
 * later one starts. So a change "from 12月14日" leaves the days before it with the hours they
 * had, in every view that asks for a day. Pure.
 */
import type { WeeklySession } from './hours-types';

/** The effective date of hours recorded before effective dates existed: in force since ever. */
export const SINCE_EVER = '0000-01-01';

export const startOf = (h: WeeklySession): string => h.effectiveFrom ?? SINCE_EVER;

/** The first day of the week in force on `date`, or null when no week had started by then. */
export function setStartOn(hours: readonly WeeklySession[], date: string): string | null {
  let best: string | null = null;
  for (const h of hours) {
    const from = startOf(h);
    if (from <= date && (best === null || from > best)) best = from;
  }
  return best;
}

/** The start of the latest week (the one in force from then on for good), or null when there are no hours. */
export function latestSetStart(hours: readonly WeeklySession[]): string | null {
  let best: string | null = null;
  for (const h of hours) {
    const from = startOf(h);
    if (best === null || from > best) best = from;
  }
  return best;
}

/** A station's weeks, ascending by first day: built once per hours array (the engine asks per day). */
type Weeks = { length: number; starts: string[]; weeks: (readonly WeeklySession[])[] };
const weeksOf = new WeakMap<readonly WeeklySession[], Weeks>();
const NONE: readonly WeeklySession[] = [];

function weeks(hours: readonly WeeklySession[]): Weeks {
  const known = weeksOf.get(hours);
  // The length guards against rows pushed after a first question (loaders fill arrays in place).
  if (known && known.length === hours.length) return known;
  const starts = setStarts(hours);
  // The common case (one week, e.g. every station before its first dated change) keeps the array itself.
  const w: Weeks = { length: hours.length, starts, weeks: starts.length === 1 ? [hours] : starts.map((s) => hours.filter((h) => startOf(h) === s)) };
  weeksOf.set(hours, w);
  return w;
}

/**
 * The weekly sessions in force on `date` (a Beijing day); without a date, the latest week.
 * Rows whose week starts later, or that an earlier-starting later week replaced, are left out.
 */
export function hoursOn(hours: readonly WeeklySession[], date?: string): readonly WeeklySession[] {
  if (hours.length === 0) return NONE;
  const w = weeks(hours);
  if (date === undefined) return w.weeks[w.weeks.length - 1]!;
  for (let i = w.starts.length - 1; i >= 0; i--) if (w.starts[i]! <= date) return w.weeks[i]!;
  return NONE;
}

/** Every distinct week start, ascending. */
export function setStarts(hours: readonly WeeklySession[]): string[] {
  return [...new Set(hours.map(startOf))].sort();
}

/**
 * The rows a reader from `date` on needs: the week in force on that day and every later one
 * (weeks replaced before `date` can no longer decide any day the reader asks about).
 */
export function hoursFrom(hours: readonly WeeklySession[], date: string): WeeklySession[] {
  const start = setStartOn(hours, date) ?? SINCE_EVER;
  return hours.filter((h) => startOf(h) >= start);
}
