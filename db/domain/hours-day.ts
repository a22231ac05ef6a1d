/** One day at one station: which rule decides it (planned, suspended, exception, holiday, 调休, the regular week). Pure. */
import type { HoursScope, Session } from '../schema';
import { beijingNow, daysBetween, weekdayOf } from './time';
import {
  fullIfLonger,
  shortReason,
  type DayHours,
  type DayKind,
  type DistrictCalendar,
  type HoursException,
  type StationSchedule,
} from './hours-types';
import { effectiveScope, intersect, normalizeSessions, regularSessions, spansOf } from './hours-sessions';
/**
 * The exception in force on a day. When several cover it, the one with the shortest range
 * wins (a one-day change inside a month-long arrangement is the more specific statement);
 * on a tie, the later one in the list.
 */
export function exceptionOn(exceptions: readonly HoursException[], date: string): HoursException | null {
  let best: HoursException | null = null;
  let bestLength = Infinity;
  for (const e of exceptions) {
    if (e.startDate > date || e.endDate < date) continue;
    const length = daysBetween(e.startDate, e.endDate);
    if (length <= bestLength) {
      best = e;
      bestLength = length;
    }
  }
  return best;
}

export function isPlannedOn(schedule: Pick<StationSchedule, 'status' | 'openingDate'>, date: string): boolean {
  // An 'operating' row with a future opening date is treated as not open yet: promising
  // service before the announced day is the worse mistake.
  if (schedule.openingDate) return date < schedule.openingDate;
  return schedule.status === 'planned';
}

/**
 * The status a station has on `date`, as residents and the API are told it: planned until its
 * opening date (even if the row already says operating), operating from that day on (even if
 * the row still says planned: nobody has to flip it on the morning it opens), else as stored.
 */
export function stationStatusOn(schedule: Pick<StationSchedule, 'status' | 'openingDate'>, date: string): StationSchedule['status'] {
  if (isPlannedOn(schedule, date)) return 'planned';
  return schedule.status === 'planned' ? 'operating' : schedule.status;
}

/**
 * The hours of a station on a Beijing calendar day.
 *
 * Counter scope: a station without counter rows uses its station hours. On an exception day
 * with sessions, the counter keeps the intersection of the exception's sessions with its
 * regular hours for that weekday (the borrowed weekday on a 调休 day): an exception says
 * when the building is open, not that the counter stays later than usual.
 */
export function dayHours(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  date: string,
  scope: HoursScope = 'station',
): DayHours {
  const weekday = weekdayOf(date);
  const day = (
    kind: DayKind,
    sessions: Session[],
    closedReason: string | null,
    note: string | null,
    fullReason: string | null = null,
  ): DayHours => ({
    date,
    weekday,
    sessions,
    closedReason: sessions.length > 0 ? null : closedReason,
    kind,
    note,
    fullReason,
  });

  if (isPlannedOn(schedule, date)) return day('planned', [], '尚未启用', '尚未启用');
  if (schedule.status === 'suspended') {
    const full = schedule.statusReason?.trim() || '暂停服务';
    const reason = shortReason(full, '暂停服务');
    return day('suspended', [], reason, reason, fullIfLonger(full, reason));
  }

  const entry = calendar.get(date);
  const hoursWeekday = entry?.kind === 'workday' ? (entry.asWeekday ?? 1) : weekday;
  // The week in force on the day itself (a 调休 day borrows a weekday of that week, not of another).
  const scopeUsed = effectiveScope(schedule, scope, date);

  const exception = exceptionOn(schedule.exceptions, date);
  if (exception) {
    let sessions = exception.closed ? [] : normalizeSessions(exception.sessions);
    if (scopeUsed === 'counter' && sessions.length > 0) {
      sessions = intersect(sessions, regularSessions(schedule, hoursWeekday, 'counter', date));
    }
    const reason = shortReason(exception.reason, sessions.length > 0 ? '临时调整' : '临时闭站');
    return day('exception', sessions, reason, reason, fullIfLonger(exception.reason, reason));
  }

  if (entry?.kind === 'holiday') return day('holiday', [], entry.name, entry.name);
  if (entry?.kind === 'workday') {
    return day('workday', regularSessions(schedule, hoursWeekday, scopeUsed, date), null, entry.name);
  }
  return day('regular', regularSessions(schedule, weekday, scopeUsed, date), null, null);
}

/** True if the station has any session on that Beijing day. */
export function isOpenOn(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  date: string,
  scope: HoursScope = 'station',
): boolean {
  return dayHours(schedule, calendar, date, scope).sessions.length > 0;
}

/** True if the station is open at the instant (read in Beijing time). */
export function isOpenAt(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  at: Date,
  scope: HoursScope = 'station',
): boolean {
  const b = beijingNow(at);
  return spansOf(dayHours(schedule, calendar, b.date, scope).sessions).some((s) => s.from <= b.minutes && b.minutes < s.to);
}
