import 'server-only';
/**
 * The clock every station status on one response is judged at: Beijing now with the district
 * calendar around it. Hours and exceptions are read by ../station-schedules.ts (shared with the
 * API, the dashboard and coverage).
 */
import type { DistrictCalendar } from '@/db/domain/hours';
import { addDays, beijingNow } from '@/db/domain/time';
import { readCalendar } from '../station-schedules';

/** The calendar from a week before `today` (this week's table) to 62 days after (the engine's look-ahead). */
function calendarAround(today: string): DistrictCalendar {
  return readCalendar(addDays(today, -7), addDays(today, 62));
}

/** Beijing now with the calendar around it: what every status on one response is judged at. */
export type StationClock = {
  now: Date;
  today: string;
  /** 'HH:MM' Beijing time. */
  time: string;
  minutes: number;
  calendar: DistrictCalendar;
  /** ISO weekday whose regular hours apply today (a 调休 day borrows one). */
  hoursWeekday: number;
  holiday: boolean;
};

export function clockAt(now: Date): StationClock {
  const b = beijingNow(now);
  const calendar = calendarAround(b.date);
  const entry = calendar.get(b.date);
  return {
    now,
    today: b.date,
    time: b.time,
    minutes: b.minutes,
    calendar,
    hoursWeekday: entry?.kind === 'workday' ? (entry.asWeekday ?? 1) : b.weekday,
    holiday: entry?.kind === 'holiday',
  };
}
