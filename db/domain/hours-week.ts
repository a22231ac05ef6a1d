/** Tables and summaries: the seven days from today, the regular week, the dated changes ahead, evenings and weekends. Pure. */
import type { HoursScope, Session } from '../schema';
import { WEEKDAY_NAMES, addDays, monthDay, toMinutes, weekdayOf } from './time';
import type { DayHours, DistrictCalendar, HoursChange, StationSchedule, WeekRow, WeeklySession } from './hours-types';
import { formatSessions, regularSessions, toSpan } from './hours-sessions';
import { dayHours } from './hours-day';
import { hoursOn } from './hours-sets';
function displayOf(day: DayHours): string {
  if (day.kind === 'planned') return '尚未启用';
  if (day.kind === 'suspended') return '暂停服务';
  if (day.sessions.length > 0) return formatSessions(day.sessions);
  return day.closedReason ? `休息（${day.closedReason}）` : '休息';
}

/**
 * The seven days from `today` on, with calendar and exceptions applied. A resident reading it
 * wants the days still ahead: a Monday–Sunday week would show six days gone on a Sunday and
 * leave out tomorrow's closure.
 */
export function weekTable(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  today: string,
  scope: HoursScope = 'station',
): WeekRow[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = dayHours(schedule, calendar, addDays(today, i), scope);
    return { ...day, isToday: day.date === today, weekdayName: WEEKDAY_NAMES[day.weekday] ?? '', display: displayOf(day) };
  });
}

/**
 * The regular week (no calendar, no exceptions) in force on `date` (without one, the latest
 * week), Monday first: for "通常开放时间".
 */
export function regularWeek(
  schedule: StationSchedule,
  scope: HoursScope = 'station',
  date?: string,
): { weekday: number; weekdayName: string; sessions: Session[]; display: string }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const sessions = regularSessions(schedule, weekday, scope, date);
    return { weekday, weekdayName: WEEKDAY_NAMES[weekday] ?? '', sessions, display: sessions.length ? formatSessions(sessions) : '休息' };
  });
}

function sameSessions(a: readonly Session[], b: readonly Session[]): boolean {
  return formatSessions(a) === formatSessions(b);
}

function rangeWords(start: string, end: string): string {
  return start === end ? monthDay(start) : `${monthDay(start)}–${monthDay(end)}`;
}

function changeText(c: Omit<HoursChange, 'text'>): string {
  const range = rangeWords(c.startDate, c.endDate);
  if (c.kind === 'holiday') return `${range} ${c.reason}休息`;
  if (c.kind === 'workday') {
    const weekday = c.startDate === c.endDate ? `（${WEEKDAY_NAMES[weekdayOf(c.startDate)]}）` : '';
    return c.closed ? `${range}${weekday} 调休上班日，本站休息` : `${range}${weekday} 调休上班 ${formatSessions(c.sessions)}`;
  }
  return c.closed ? `${range} 休息（${c.reason}）` : `${range} ${formatSessions(c.sessions)}（${c.reason}）`;
}

/**
 * Dated changes in [today, today + days): exceptions, holidays and 调休 days, consecutive
 * days with the same reason and hours merged into one range. A range is kept when at least
 * one of its days differs from the regular week, so 国庆节 stays one range 10/1–10/7 even
 * though its weekend days would have been closed anyway, while a holiday that only falls on
 * a day the station is closed anyway is left out. Planned and suspended stations have no
 * dated changes (their status says it all).
 */
export function upcomingChanges(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  today: string,
  days = 30,
  scope: HoursScope = 'station',
): HoursChange[] {
  const ranges: { change: Omit<HoursChange, 'text'>; differs: boolean }[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    const day = dayHours(schedule, calendar, date, scope);
    if (day.kind !== 'exception' && day.kind !== 'holiday' && day.kind !== 'workday') continue;
    // The list shows each reason once, so it carries the full text.
    const reason = day.fullReason ?? day.note ?? '';
    const closed = day.sessions.length === 0;
    const differs = !sameSessions(day.sessions, regularSessions(schedule, day.weekday, scope, date));
    const last = ranges[ranges.length - 1];
    if (
      last &&
      addDays(last.change.endDate, 1) === date &&
      last.change.kind === day.kind &&
      last.change.reason === reason &&
      sameSessions(last.change.sessions, day.sessions)
    ) {
      last.change.endDate = date;
      last.change.days.push(day);
      last.differs ||= differs;
      continue;
    }
    ranges.push({
      change: { startDate: date, endDate: date, reason, kind: day.kind, closed, sessions: day.sessions, days: [day] },
      differs,
    });
  }
  return ranges.filter((r) => r.differs).map((r) => ({ ...r.change, text: changeText(r.change) }));
}

/** Only the latest week counts when `hours` holds several (see hours-sets). */
function validWeekly(hours: readonly WeeklySession[]): WeeklySession[] {
  return hoursOn(hours).filter((h) => h.scope === 'station' && toSpan(h) !== null);
}

/** True if any regular Monday–Friday station session ends after 18:00. */
export function opensEvenings(hours: readonly WeeklySession[]): boolean {
  return validWeekly(hours).some((h) => h.weekday >= 1 && h.weekday <= 5 && toMinutes(h.closes) > 18 * 60);
}

/** True if the station has any regular Saturday or Sunday session. */
export function opensWeekends(hours: readonly WeeklySession[]): boolean {
  return validWeekly(hours).some((h) => h.weekday === 6 || h.weekday === 7);
}
