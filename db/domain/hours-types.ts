/**
 * The hours engine's vocabulary: a station's weekly sessions, dated exceptions and the district
 * calendar in; a day's hours, the open state and the dated changes out. Also the short labels
 * taken from free-text reasons. Pure.
 */
import type { HoursScope, Session, StationStatus } from '../schema';
import { nextOpening } from './hours-status';
/**
 * One regular weekly session, as stored in station_hours. `effectiveFrom`: the first Beijing day
 * of the week it belongs to (absent: in force since ever; see hours-sets).
 */
export type WeeklySession = { scope: HoursScope; weekday: number; opens: string; closes: string; effectiveFrom?: string };

/** A dated exception for one station (station_exceptions); start and end days are inclusive. */
export type HoursException = { startDate: string; endDate: string; closed: boolean; sessions: Session[]; reason: string };

/**
 * One day of the district calendar (calendar_days); `provisional` when its year's arrangement
 * is still a guess awaiting the State Council's notice (calendar_years).
 */
export type CalendarEntry = { date: string; kind: 'holiday' | 'workday'; name: string; asWeekday: number | null; provisional?: boolean };

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
export type OpenLabel = '营业中' | '休息中' | '今日休息' | '尚未启用' | '暂停服务';

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
export function fullIfLonger(reason: string, short: string): string | null {
  const text = reason.trim();
  return text && text !== short ? text : null;
}

/** How far ahead nextOpening looks before giving up. */
export const SEARCH_DAYS = 60;

/** Build the district calendar from calendar_days rows (a later row for the same day wins). */
export function makeCalendar(entries: Iterable<CalendarEntry>): DistrictCalendar {
  const map = new Map<string, CalendarEntry>();
  for (const e of entries) map.set(e.date, e);
  return map;
}
