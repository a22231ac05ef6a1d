/**
 * Beijing time, whatever zone the server's clock is in. Pure functions; pass `now` in tests.
 *
 * Calendar days are 'YYYY-MM-DD' strings and times of day 'HH:MM' strings, both read in
 * Asia/Shanghai. Arithmetic on days goes through TZDate so the server's own zone (and its
 * daylight-saving jumps) never leaks in.
 */
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysFns, differenceInCalendarDays, format } from 'date-fns';

export const BEIJING = 'Asia/Shanghai';

export type BeijingNow = {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
  /** Minutes since Beijing midnight. */
  minutes: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
};

/** The calendar day, time and weekday in Beijing at the given instant. */
export function beijingNow(now: Date = new Date()): BeijingNow {
  const t = new TZDate(now.getTime(), BEIJING);
  const date = format(t, 'yyyy-MM-dd');
  const time = format(t, 'HH:mm');
  return { date, time, minutes: t.getHours() * 60 + t.getMinutes(), weekday: isoWeekday(t.getDay()) };
}

/** Today's date in Beijing. */
export function beijingToday(now: Date = new Date()): string {
  return beijingNow(now).date;
}

function isoWeekday(jsDay: number): number {
  return jsDay === 0 ? 7 : jsDay;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = toTz(s);
  return format(d, 'yyyy-MM-dd') === s;
}

function toTz(date: string): TZDate {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0, BEIJING);
}

/** The day `n` days after `date` (negative n goes back). */
export function addDays(date: string, n: number): string {
  return format(addDaysFns(toTz(date), n), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toTz(to), toTz(from));
}

/** ISO weekday (1 = Monday) of a calendar day. */
export function weekdayOf(date: string): number {
  return isoWeekday(toTz(date).getDay());
}

/** Monday of the week containing `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** Last day of the month containing `date`. */
export function endOfMonth(date: string): string {
  const d = toTz(date);
  const last = new TZDate(d.getFullYear(), d.getMonth() + 1, 0, 12, 0, 0, BEIJING);
  return format(last, 'yyyy-MM-dd');
}

/** 'HH:MM' → minutes since midnight ('24:00' → 1440). */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Minutes since midnight → 'H:MM' as residents read it (8:30, 17:00). */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, '0')}`;
}

/** 'HH:MM' → 'H:MM' (drops a leading zero: 08:30 → 8:30). */
export function clock(hhmm: string): string {
  return formatClock(toMinutes(hhmm));
}

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** '2026-10-01' → '10月1日' */
export function monthDay(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) return date;
  return `${Number(m[2])}月${Number(m[3])}日`;
}

/** '2026-10-01' → '2026年10月1日' */
export function fullDate(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2026-10-01' → '10月1日（周四）' */
export function monthDayWeekday(date: string): string {
  return `${monthDay(date)}（${WEEKDAY_NAMES[weekdayOf(date)]}）`;
}

/**
 * Weekdays as residents say them: runs of three or more days join with 至 (周一至周五), others
 * are listed (周六、周日); all seven days is 每天; none is ''.
 */
export function weekdayList(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
  if (days.length === 0) return '';
  if (days.length === 7) return '每天';
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${WEEKDAY_NAMES[days[i]!]}至${WEEKDAY_NAMES[days[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAY_NAMES[days[k]!]!);
    i = j + 1;
  }
  return parts.join('、');
}

/** An instant as Beijing wall time, 'YYYY-MM-DD HH:MM' (for logs and admin lists). */
export function formatInstant(at: Date | number): string {
  const n = beijingNow(at instanceof Date ? at : new Date(at));
  return `${n.date} ${n.time}`;
}
