/**
 * Which provisional years (calendar_years.provisional: holidays still a guess) a view of a
 * station's hours leans on, so the page, the card and the API can say so. Pure.
 */
import type { DistrictCalendar, OpenState } from './hours-types';
import { addDays } from './time';

/** The years, ascending, of those `dates` that are provisional holiday or 调休 days. */
export function provisionalYears(calendar: DistrictCalendar, dates: Iterable<string>): number[] {
  const years = new Set<number>();
  for (const d of dates) if (calendar.get(d)?.provisional) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/** The days from `from` to `to` inclusive (at most `max`). */
export function daysFrom(from: string, to: string, max = 62): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The provisional years a status line depends on: today's entry, and every day up to the next
 * opening it names (a station shut over a guessed 春节 says it reopens on a guessed day).
 */
export function provisionalYearsOfState(calendar: DistrictCalendar, today: string, state: Pick<OpenState, 'next'>): number[] {
  const last = state.next && state.next.date > today ? state.next.date : today;
  return provisionalYears(calendar, daysFrom(today, last));
}
