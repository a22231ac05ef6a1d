/**
 * Calendar days ('YYYY-MM-DD') and times of day ('HH:MM') as residents read them.
 *
 * A calendar day has no time zone: which weekday 2026-10-01 is, or how many days lie between
 * two dates, is the same in Beijing and anywhere else. So the arithmetic here runs on the UTC
 * day line, where no daylight-saving jump exists, and the server's own zone never leaks in.
 * Instants (what day and hour it is now in Beijing) are time.ts's job, with @date-fns/tz.
 *
 * No dependencies: the result cards run these in the browser too.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  return dayString(dayMs(s)) === s;
}

/** Midnight UTC of a calendar day, in ms: a day's number on a zone-free line. */
function dayMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `date` (negative n goes back). */
export function addDays(date: string, n: number): string {
  return dayString(dayMs(date) + n * DAY_MS);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** ISO weekday (1 = Monday) of a calendar day. */
export function weekdayOf(date: string): number {
  const jsDay = new Date(dayMs(date)).getUTCDay();
  return jsDay === 0 ? 7 : jsDay;
}

/** Monday of the week containing `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** Last day of the month containing `date`. */
export function endOfMonth(date: string): string {
  const d = new Date(dayMs(date));
  return dayString(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
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
