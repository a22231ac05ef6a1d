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
 */
import type { HoursScope, Session, StationStatus } from '../schema';
import { WEEKDAY_NAMES, addDays, beijingNow, clock, daysBetween, monthDay, toMinutes, weekdayOf } from './time';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** One regular weekly session, as stored in station_hours. */
export type WeeklySession = { scope: HoursScope; weekday: number; opens: string; closes: string };

/** A dated exception for one station (station_exceptions); start and end days are inclusive. */
export type HoursException = { startDate: string; endDate: string; closed: boolean; sessions: Session[]; reason: string };

/** One day of the district calendar (calendar_days). */
export type CalendarEntry = { date: string; kind: 'holiday' | 'workday'; name: string; asWeekday: number | null };

/** Everything the engine needs to know about one station. */
export type StationSchedule = {
  status: StationStatus;
  openingDate: string | null;
  statusReason: string | null;
  hours: WeeklySession[];
  exceptions: HoursException[];
};

/** The district calendar keyed by 'YYYY-MM-DD'; build it once with makeCalendar and share it. */
export type DistrictCalendar = ReadonlyMap<string, CalendarEntry>;

/** Why a day has the hours it has. */
export type DayKind = 'regular' | 'exception' | 'holiday' | 'workday' | 'planned' | 'suspended';

/** The hours of one station on one day. */
export type DayHours = {
  date: string;
  /** ISO weekday of the date itself (1 = Monday), not the weekday a 调休 day borrows. */
  weekday: number;
  /** Sorted, merged; empty when closed all day. */
  sessions: Session[];
  /**
   * Set when closed all day for a nameable reason: a SHORT label (holiday name, the first
   * clause of an exception reason, see shortReason) that fits a table cell or a status line.
   */
  closedReason: string | null;
  kind: DayKind;
  /** Why the day differs from the regular week, open or closed (null on regular days); short, as closedReason. */
  note: string | null;
  /** The full reason as entered, when longer than the short label (exception and suspended days only). */
  fullReason: string | null;
};

/** A row of the "this week" table on a station page. */
export type WeekRow = DayHours & { isToday: boolean; weekdayName: string; display: string };

/** The short badge shown beside a station's name. */
export type OpenLabel = '营业中' | '休息中' | '今日休息' | '即将开放' | '暂停服务';

/** Whether a station is open at an instant, and the sentence to show. */
export type OpenState = {
  open: boolean;
  label: OpenLabel;
  text: string;
  /** 'H:MM' the current open stretch ends (only when open and it ends within a week). */
  closesAt?: string;
  /** The next time it opens: Beijing day and 'H:MM'. */
  next?: { date: string; time: string };
};

/** Days of dated hours that differ from the regular week, merged into a range. */
export type HoursChange = {
  startDate: string;
  endDate: string;
  reason: string;
  kind: 'exception' | 'holiday' | 'workday';
  closed: boolean;
  /** The sessions on every day of the range (empty when closed). */
  sessions: Session[];
  /** e.g. '10月1日–10月7日 国庆节休息' */
  text: string;
  days: DayHours[];
};

/** Longest short label (in characters) taken from a reason before falling back to a generic word. */
export const SHORT_REASON_MAX = 12;

/**
 * A short label for a free-text reason, for table cells and status lines: its first clause
 * (up to the first '，', '。', '；' or similar), when that is at most SHORT_REASON_MAX
 * characters; otherwise `fallback`. '医保信息系统升级，暂停服务两天。…' → '医保信息系统升级'.
 */
export function shortReason(reason: string, fallback: string): string {
  const text = reason.trim();
  const first = (text.split(/[，。；！？,;!?\n]/)[0] ?? '').trim();
  if (first && [...first].length <= SHORT_REASON_MAX) return first;
  return fallback;
}

/** The full reason when it says more than its short label, else null. */
function fullIfLonger(reason: string, short: string): string | null {
  const text = reason.trim();
  return text && text !== short ? text : null;
}

/** How far ahead nextOpening looks before giving up. */
export const SEARCH_DAYS = 60;

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

/** Build the district calendar from calendar_days rows (a later row for the same day wins). */
export function makeCalendar(entries: Iterable<CalendarEntry>): DistrictCalendar {
  const map = new Map<string, CalendarEntry>();
  for (const e of entries) map.set(e.date, e);
  return map;
}

// ---------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------

type Span = { from: number; to: number };

function toSpan(s: Session): Span | null {
  const from = toMinutes(s.opens);
  const to = toMinutes(s.closes);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return null;
  if (from < 0 || to > 24 * 60 || to <= from) return null;
  return { from, to };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function spansOf(sessions: readonly Session[]): Span[] {
  const spans = sessions.map(toSpan).filter((s): s is Span => s !== null);
  spans.sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** Sort and merge sessions, dropping invalid ones (closes <= opens, bad text); output 'HH:MM'. */
export function normalizeSessions(sessions: readonly Session[]): Session[] {
  return spansOf(sessions).map((s) => ({ opens: hhmm(s.from), closes: hhmm(s.to) }));
}

function intersect(a: readonly Session[], b: readonly Session[]): Session[] {
  const out: Span[] = [];
  for (const x of spansOf(a)) {
    for (const y of spansOf(b)) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (to > from) out.push({ from, to });
    }
  }
  return normalizeSessions(out.map((s) => ({ opens: hhmm(s.from), closes: hhmm(s.to) })));
}

/** '9:00–12:00、13:30–17:00' (empty string for no sessions). */
export function formatSessions(sessions: readonly Session[]): string {
  return spansOf(sessions)
    .map((s) => `${clock(hhmm(s.from))}–${clock(hhmm(s.to))}`)
    .join('、');
}

/** True when the station keeps separate hours for its staffed counter. */
export function hasCounterHours(schedule: Pick<StationSchedule, 'hours'>): boolean {
  return schedule.hours.some((h) => h.scope === 'counter');
}

function effectiveScope(schedule: StationSchedule, scope: HoursScope): HoursScope {
  return scope === 'counter' && hasCounterHours(schedule) ? 'counter' : 'station';
}

/** The regular sessions of one ISO weekday, ignoring calendar and exceptions. */
export function regularSessions(schedule: StationSchedule, weekday: number, scope: HoursScope = 'station'): Session[] {
  const s = effectiveScope(schedule, scope);
  return normalizeSessions(schedule.hours.filter((h) => h.scope === s && h.weekday === weekday));
}

// ---------------------------------------------------------------------------
// One day
// ---------------------------------------------------------------------------

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

function isPlannedOn(schedule: StationSchedule, date: string): boolean {
  // An 'operating' row with a future opening date is treated as not open yet: promising
  // service before the announced day is the worse mistake.
  if (schedule.openingDate) return date < schedule.openingDate;
  return schedule.status === 'planned';
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

  if (isPlannedOn(schedule, date)) return day('planned', [], '即将开放', '即将开放');
  if (schedule.status === 'suspended') {
    const full = schedule.statusReason?.trim() || '暂停服务';
    const reason = shortReason(full, '暂停服务');
    return day('suspended', [], reason, reason, fullIfLonger(full, reason));
  }

  const entry = calendar.get(date);
  const hoursWeekday = entry?.kind === 'workday' ? (entry.asWeekday ?? 1) : weekday;
  const scopeUsed = effectiveScope(schedule, scope);

  const exception = exceptionOn(schedule.exceptions, date);
  if (exception) {
    let sessions = exception.closed ? [] : normalizeSessions(exception.sessions);
    if (scopeUsed === 'counter' && sessions.length > 0) {
      sessions = intersect(sessions, regularSessions(schedule, hoursWeekday, 'counter'));
    }
    const reason = shortReason(exception.reason, sessions.length > 0 ? '临时调整' : '临时闭站');
    return day('exception', sessions, reason, reason, fullIfLonger(exception.reason, reason));
  }

  if (entry?.kind === 'holiday') return day('holiday', [], entry.name, entry.name);
  if (entry?.kind === 'workday') {
    return day('workday', regularSessions(schedule, hoursWeekday, scopeUsed), null, entry.name);
  }
  return day('regular', regularSessions(schedule, weekday, scopeUsed), null, null);
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

// ---------------------------------------------------------------------------
// Now and next
// ---------------------------------------------------------------------------

/**
 * How a resident names a day relative to Beijing today: '今天', '明天', '周一'…'周日' within
 * the next 6 days, else '10月8日'.
 */
export function relativeDay(date: string, today: string): string {
  const d = daysBetween(today, date);
  if (d === 0) return '今天';
  if (d === 1) return '明天';
  if (d > 1 && d <= 6) return WEEKDAY_NAMES[weekdayOf(date)] ?? monthDay(date);
  return monthDay(date);
}

function endsAtMidnight(day: DayHours): boolean {
  const spans = spansOf(day.sessions);
  return spans[spans.length - 1]?.to === 24 * 60;
}

/**
 * The next moment the station goes from closed to open, strictly after `now`, looking
 * SEARCH_DAYS days ahead. A 0:00 session continuing a previous day's 24:00 is not an opening.
 */
export function nextOpening(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  now: Date,
  scope: HoursScope = 'station',
): { date: string; time: string } | null {
  const b = beijingNow(now);
  let previous = dayHours(schedule, calendar, addDays(b.date, -1), scope);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const date = addDays(b.date, i);
    const day = dayHours(schedule, calendar, date, scope);
    for (const s of spansOf(day.sessions)) {
      if (i === 0 && s.from <= b.minutes) continue;
      if (s.from === 0 && endsAtMidnight(previous)) continue;
      return { date, time: clock(hhmm(s.from)) };
    }
    previous = day;
  }
  return null;
}

/** Where an open stretch ending at `end` on `date` really ends, following 24:00 → 0:00 joins; null if not within a week. */
function stretchEnd(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  date: string,
  end: number,
  scope: HoursScope,
): { date: string; minutes: number } | null {
  let d = date;
  let to = end;
  for (let i = 0; i < 7; i++) {
    if (to < 24 * 60) return { date: d, minutes: to };
    const nextDay = addDays(d, 1);
    const first = spansOf(dayHours(schedule, calendar, nextDay, scope).sessions)[0];
    if (!first || first.from !== 0) return { date: d, minutes: to };
    d = nextDay;
    to = first.to;
  }
  return null;
}

const NO_HOURS = '暂无开放时间，请致电咨询';

/** A gap that starts around midday reads as a lunch break; later gaps are just a break. */
function isLunchGap(breakStart: number): boolean {
  return breakStart >= 11 * 60 && breakStart <= 14 * 60 + 30;
}

/**
 * Open or closed at `now`, with the sentence to show ('营业中，12:00 午休，13:30 再开门' when
 * a later session follows today). Station exceptions, holidays and 调休
 * all apply; "today" is the Beijing day of `now`. A gap between sessions starting 11:00–14:30
 * reads '午休中', any other gap '休息中'. When nothing opens within SEARCH_DAYS the
 * text says '暂无开放时间，请致电咨询' (kept after '今日休息（reason），' when today's
 * closure has a reason, since the reason is the useful part).
 */
export function openState(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  now: Date,
  scope: HoursScope = 'station',
): OpenState {
  const b = beijingNow(now);
  const today = dayHours(schedule, calendar, b.date, scope);
  const next = () => nextOpening(schedule, calendar, now, scope);
  const nextWords = (n: { date: string; time: string }) => `${relativeDay(n.date, b.date)} ${n.time} 开门`;

  if (today.kind === 'planned') {
    const n = next();
    const text = schedule.openingDate ? `即将开放，${monthDay(schedule.openingDate)}启用` : '即将开放';
    return { open: false, label: '即将开放', text, ...(n ? { next: n } : {}) };
  }
  if (today.kind === 'suspended') {
    const reason = today.closedReason && today.closedReason !== '暂停服务' ? today.closedReason : null;
    return { open: false, label: '暂停服务', text: reason ? `暂停服务（${reason}）` : '暂停服务' };
  }

  const spans = spansOf(today.sessions);
  const current = spans.find((s) => s.from <= b.minutes && b.minutes < s.to);
  if (current) {
    const end = stretchEnd(schedule, calendar, b.date, current.to, scope);
    const n = next();
    const base = { open: true, label: '营业中' as const, ...(n ? { next: n } : {}) };
    if (!end) return { ...base, text: '营业中，24小时开放' };
    const closesAt = clock(hhmm(end.minutes));
    // A later session today: say the break and when it reopens, not just "结束". (The tail
    // of last night, from 0:00, simply ends: "this morning" opening is another day's start.)
    if (end.date === b.date && current.from > 0) {
      const after = spans.find((s) => s.from > end.minutes);
      if (after) {
        const pause = isLunchGap(end.minutes) ? '午休' : '休息';
        return { ...base, closesAt, text: `营业中，${closesAt} ${pause}，${clock(hhmm(after.from))} 再开门` };
      }
    }
    const when = end.date === b.date ? '' : `${relativeDay(end.date, b.date)} `;
    return { ...base, closesAt, text: `营业中，${when}${closesAt} 结束` };
  }

  const n = next();
  const withNext = n ? { next: n } : {};
  if (spans.length === 0) {
    const head = today.closedReason ? `今日休息（${today.closedReason}）` : '今日休息';
    const text = n ? `${head}，${nextWords(n)}` : today.closedReason ? `${head}，${NO_HOURS}` : NO_HOURS;
    return { open: false, label: '今日休息', text, ...withNext };
  }

  const later = spans.find((s) => s.from > b.minutes);
  if (later) {
    const time = clock(hhmm(later.from));
    // A session from 0:00 is the tail of last night, not this morning's opening.
    const ended = spans.filter((s) => s.to <= b.minutes && s.from > 0);
    const lastEnded = ended[ended.length - 1];
    const text = !lastEnded
      ? `今天 ${time} 开门`
      : isLunchGap(lastEnded.to)
        ? `午休中，${time} 开门`
        : `休息中，${time} 开门`;
    return { open: false, label: '休息中', text, ...withNext };
  }

  return { open: false, label: '休息中', text: n ? `已下班，${nextWords(n)}` : NO_HOURS, ...withNext };
}

// ---------------------------------------------------------------------------
// Tables and summaries
// ---------------------------------------------------------------------------

function displayOf(day: DayHours): string {
  if (day.kind === 'planned') return '即将开放';
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

/** The regular week (no calendar, no exceptions), Monday first: for "通常开放时间". */
export function regularWeek(
  schedule: StationSchedule,
  scope: HoursScope = 'station',
): { weekday: number; weekdayName: string; sessions: Session[]; display: string }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const sessions = regularSessions(schedule, weekday, scope);
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
    const differs = !sameSessions(day.sessions, regularSessions(schedule, day.weekday, scope));
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

function validWeekly(hours: readonly WeeklySession[]): WeeklySession[] {
  return hours.filter((h) => h.scope === 'station' && toSpan(h) !== null);
}

/** True if any regular Monday–Friday station session ends after 18:00. */
export function opensEvenings(hours: readonly WeeklySession[]): boolean {
  return validWeekly(hours).some((h) => h.weekday >= 1 && h.weekday <= 5 && toMinutes(h.closes) > 18 * 60);
}

/** True if the station has any regular Saturday or Sunday session. */
export function opensWeekends(hours: readonly WeeklySession[]): boolean {
  return validWeekly(hours).some((h) => h.weekday === 6 || h.weekday === 7);
}
