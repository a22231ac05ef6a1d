/**
 * Which provisional years (calendar_years.provisional: holidays still a guess) a view of a
 * station's hours leans on, so the page, the card and the API can say so. Pure.
 */
import type { HoursScope } from '../schema';
import type { DistrictCalendar, OpenState, StationSchedule } from './hours-types';
import { dayHours } from './hours-day';
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
 * The provisional years a status line depends on: the days from today up to the next opening it
 * names whose hours the district calendar decided (a station shut over a guessed 春节 says it
 * reopens on a guessed day). Days decided by something else do not count: a planned station's
 * days before its opening date, or a 临时调整 over a holiday.
 */
export function provisionalYearsOfState(
  calendar: DistrictCalendar,
  today: string,
  state: Pick<OpenState, 'next'>,
  schedule: StationSchedule,
  scope: HoursScope = 'station',
): number[] {
  const last = state.next && state.next.date > today ? state.next.date : today;
  const decided = daysFrom(today, last).filter((d) => {
    const kind = dayHours(schedule, calendar, d, scope).kind;
    return kind === 'holiday' || kind === 'workday';
  });
  return provisionalYears(calendar, decided);
}
