/**
 * Beijing time, whatever zone the server's clock is in. Pure functions; pass `now` in tests.
 *
 * An instant becomes a Beijing calendar day and wall-clock time through TZDate, so the server's
 * own zone (and its daylight-saving jumps) never leaks in. Calendar days and times of day
 * themselves, and the words for them, are in calendar.ts (re-exported here).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export * from './calendar';

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

/** The last instant beijingNow worked out (copies are handed out, so callers cannot change it). */
let last: { ms: number; value: BeijingNow } = { ms: Number.NaN, value: { date: '', time: '', minutes: 0, weekday: 1 } };

/** The calendar day, time and weekday in Beijing at the given instant. */
export function beijingNow(now: Date = new Date()): BeijingNow {
  // One instant is often asked about many times in a row (each card of a list): remember the last.
  const ms = now.getTime();
  if (ms === last.ms) return { ...last.value };
  const t = new TZDate(ms, BEIJING);
  const date = format(t, 'yyyy-MM-dd');
  const time = format(t, 'HH:mm');
  const value = { date, time, minutes: t.getHours() * 60 + t.getMinutes(), weekday: isoWeekday(t.getDay()) };
  last = { ms, value };
  return { ...value };
}

/** Today's date in Beijing. */
export function beijingToday(now: Date = new Date()): string {
  return beijingNow(now).date;
}

function isoWeekday(jsDay: number): number {
  return jsDay === 0 ? 7 : jsDay;
}

/** An instant as Beijing wall time, 'YYYY-MM-DD HH:MM' (for logs and admin lists). */
export function formatInstant(at: Date | number): string {
  const n = beijingNow(at instanceof Date ? at : new Date(at));
  return `${n.date} ${n.time}`;
}
