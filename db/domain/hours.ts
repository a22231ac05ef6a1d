/**
 * Opening hours of 医保服务驿站: what a given day looks like, whether a station is open at an
 * instant, and the words residents read ('营业中，17:00 结束'). Pure functions, no I/O.
 *
 * Every "day" and "now" is Beijing time (see ./time), so the answer does not depend on the
 * zone the server runs in.
 *
 * Data rules the engine relies on
 * - Times are 'HH:MM'; '24:00' may close a session. A session must close after it opens:
 *   one that runs past midnight is stored as two (Mon 20:00–24:00 and Tue 0:00–2:00), and a
 *   row with closes <= opens is ignored rather than guessed at.
 * - Sessions of one day that overlap or touch (12:00 close, 12:00 open) are merged, so a
 *   day's list never shows a break that does not exist.
 * - Precedence for a day: planned → suspended → station exception → district holiday →
 *   调休 workday → the regular week.
 *
 * - Weekly hours have an effective date: a station's rows form weeks, each in force from its
 *   first day until the next one starts (hours-sets), so every day is read with the week it had.
 *
 * The engine in parts: hours-types (vocabulary), hours-sets (which week is in force on a day),
 * hours-sessions (session arithmetic), hours-day (one day), hours-status (open now, next
 * opening), hours-week (tables and changes), hours-set-changes (dated weekly changes ahead).
 */
export {
  type WeeklySession,
  type HoursException,
  type CalendarEntry,
  type StationSchedule,
  type DistrictCalendar,
  type DayKind,
  type DayHours,
  type WeekRow,
  type OpenLabel,
  type OpenState,
  type HoursChange,
  SHORT_REASON_MAX,
  shortReason,
  SEARCH_DAYS,
  makeCalendar,
} from './hours-types';
export {
  normalizeSessions,
  formatSessions,
  hasCounterHours,
  regularSessions,
} from './hours-sessions';
export {
  exceptionOn,
  dayHours,
  isOpenOn,
  isOpenAt,
  isPlannedOn,
  stationStatusOn,
} from './hours-day';
export {
  relativeDay,
  nextOpening,
  openState,
} from './hours-status';
export {
  weekTable,
  regularWeek,
  upcomingChanges,
  opensEvenings,
  opensWeekends,
} from './hours-week';
export { SINCE_EVER, hoursOn, hoursFrom, setStartOn, setStarts, latestSetStart } from './hours-sets';
export { upcomingHoursChanges, type HoursSetChange, type WeekdayChange } from './hours-set-changes';
export { provisionalYears, provisionalYearsOfState, daysFrom } from './hours-provisional';
