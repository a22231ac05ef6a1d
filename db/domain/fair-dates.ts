/**
 * When job fairs happen: the date shortcuts residents pick (今天 / 明天 / 7天内 / 30天内), the
 * sessions of a fair (one-off, several days, or a weekly 零工市场), whether one is on right
 * now, and the UTC instants a calendar file needs. Pure functions, no I/O; every "today" and
 * "now" is Beijing time (see ./time).
 *
 * Model: a fair's startsAt/endsAt are 'YYYY-MM-DDTHH:MM' Beijing local time. A one-off fair
 * that spans several days is read as running the same hours each day (9:00–16:00 on each of
 * its days). A recurring market (recurrence set) runs on its weekdays, opens–closes, from the
 * day of startsAt to the day of endsAt.
 */
import type { Recurrence } from '../schema';
import { addDays, beijingNow, daysBetween, toMinutes, weekdayOf } from './time';

/** The fields of a fair that decide when it happens. */
export type FairTiming = { startsAt: string; endsAt: string; recurrence: Recurrence | null };

/** One day's session of a fair, Beijing local. */
export type FairSession = { date: string; opens: string; closes: string };

export const DATE_WINDOWS = ['today', 'tomorrow', 'week', 'month'] as const;
export type DateWindow = (typeof DATE_WINDOWS)[number];

/** How many days (today included) the rolling shortcuts cover. */
export const WINDOW_DAYS = { week: 7, month: 30 } as const;

/** An inclusive range of Beijing calendar days; empty when from > to. */
export type DayRange = { from: string; to: string };

/** 'YYYY-MM-DDTHH:MM' → its day and time parts. */
export function splitLocal(local: string): { date: string; time: string } {
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The instant as Beijing local 'YYYY-MM-DDTHH:MM' (comparable with stored fair times). */
export function beijingLocal(now: Date = new Date()): string {
  const n = beijingNow(now);
  return `${n.date}T${n.time}`;
}

/**
 * The calendar days a date shortcut covers, counted from today so that no weekday or month end
 * shrinks them: 7天内 is the seven days from today (on a Sunday it reaches into the coming
 * week) and 30天内 the thirty. For past fairs the same counts run back from today, so the
 * window reaches both ways and clipWindow keeps the side a list needs.
 */
export function dateWindow(w: DateWindow, today: string): DayRange {
  switch (w) {
    case 'today':
      return { from: today, to: today };
    case 'tomorrow': {
      const t = addDays(today, 1);
      return { from: t, to: t };
    }
    case 'week':
      return { from: addDays(today, -(WINDOW_DAYS.week - 1)), to: addDays(today, WINDOW_DAYS.week - 1) };
    case 'month':
      return { from: addDays(today, -(WINDOW_DAYS.month - 1)), to: addDays(today, WINDOW_DAYS.month - 1) };
  }
}

/**
 * The part of a window that can still matter: for upcoming fairs the days from today on (so
 * 7天内 does not count last Monday's market), for past fairs the days up to today (a fair
 * that ended this morning is past, and 往期 + 今天 finds it). Today itself is narrowed further
 * by the clock: see matchesWindow.
 */
export function clipWindow(range: DayRange, today: string, when: 'upcoming' | 'past'): DayRange {
  if (when === 'upcoming') return { from: range.from < today ? today : range.from, to: range.to };
  return { from: range.from, to: range.to > today ? today : range.to };
}

/** Every day of a range with its ISO weekday (at most `max` days, to bound the work). */
export function daysOf(range: DayRange, max = 62): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  if (range.from > range.to) return out;
  let d = range.from;
  for (let i = 0; i < max && d <= range.to; i++) {
    out.push({ date: d, weekday: weekdayOf(d) });
    d = addDays(d, 1);
  }
  return out;
}


function dailyHours(f: FairTiming): { opens: string; closes: string } {
  if (f.recurrence) return { opens: f.recurrence.opens, closes: f.recurrence.closes };
  return { opens: splitLocal(f.startsAt).time, closes: splitLocal(f.endsAt).time };
}

function runsOn(f: FairTiming, date: string): boolean {
  const start = splitLocal(f.startsAt).date;
  const end = splitLocal(f.endsAt).date;
  if (date < start || date > end) return false;
  return f.recurrence ? f.recurrence.weekdays.includes(weekdayOf(date)) : true;
}

/** The sessions of a fair on the days of `range` (bounded to `max` days looked at). */
export function sessionsIn(f: FairTiming, range: DayRange, max = 62): FairSession[] {
  const start = splitLocal(f.startsAt).date;
  const end = splitLocal(f.endsAt).date;
  const clipped = { from: range.from > start ? range.from : start, to: range.to < end ? range.to : end };
  const { opens, closes } = dailyHours(f);
  return daysOf(clipped, max)
    .filter((d) => runsOn(f, d.date))
    .map((d) => ({ date: d.date, opens, closes }));
}

/** True when the fair has a session on some day of the range. */
export function hasSessionIn(f: FairTiming, range: DayRange): boolean {
  return sessionsIn(f, range).length > 0;
}

/** A session has not finished while its closing minute is at or after `time` (same day). */
function notFinished(s: FairSession, today: string, time: string): boolean {
  return s.date > today || (s.date === today && toMinutes(s.closes) >= toMinutes(time));
}

/**
 * How date shortcuts match. For the upcoming list only sessions not yet finished count, so in
 * the evening 今天 no longer matches a morning market (its next session is another day). For
 * the past list any session in the (clipped) window counts: the fair is over anyway.
 */
export function matchesWindow(f: FairTiming, range: DayRange, now: Date, when: 'upcoming' | 'past' = 'upcoming'): boolean {
  const sessions = sessionsIn(f, range);
  if (when === 'past') return sessions.length > 0;
  const { date: today, time } = beijingNow(now);
  return sessions.some((s) => notFinished(s, today, time));
}

/**
 * The next `n` sessions that have not finished at `now` (the one under way counts, up to and
 * including its closing minute). A weekly market with no weekday left before its end date
 * gives fewer.
 */
export function nextSessions(f: FairTiming, now: Date, n: number): FairSession[] {
  const { date: today, time } = beijingNow(now);
  const start = splitLocal(f.startsAt).date;
  const end = splitLocal(f.endsAt).date;
  const out: FairSession[] = [];
  let from = today < start ? start : today;
  // Weeks at a time, so a long-running market does not walk its whole life.
  for (let guard = 0; out.length < n && from <= end && guard < 60; guard++) {
    const to = addDays(from, 13);
    for (const s of sessionsIn(f, { from, to }, 14)) {
      if (!notFinished(s, today, time)) continue;
      out.push(s);
      if (out.length >= n) break;
    }
    from = addDays(to, 1);
  }
  return out;
}

/** The session under way or next to come; null once the fair is over. */
export function nextSession(f: FairTiming, now: Date): FairSession | null {
  return nextSessions(f, now, 1)[0] ?? null;
}

/**
 * Upcoming or past, the one rule the list, its counts and the cards share. A one-off fair is
 * upcoming while its end (endsAt, Beijing, to the minute) is at or after now; a weekly market
 * while it has a session now or later. Past once that is no longer so, even earlier today.
 */
export function isPast(f: FairTiming, now: Date): boolean {
  if (f.recurrence) return nextSession(f, now) === null;
  return f.endsAt < beijingLocal(now);
}

/** True while a session is under way at `now`. */
export function isHappeningNow(f: FairTiming, now: Date): boolean {
  const { date, time } = beijingNow(now);
  if (!runsOn(f, date)) return false;
  const { opens, closes } = dailyHours(f);
  const m = toMinutes(time);
  return m >= toMinutes(opens) && m < toMinutes(closes);
}

/** How many days a one-off fair runs (1 for a single day). */
export function dayCount(f: Pick<FairTiming, 'startsAt' | 'endsAt'>): number {
  return daysBetween(splitLocal(f.startsAt).date, splitLocal(f.endsAt).date) + 1;
}

// ---------------------------------------------------------------------------
// Calendar (.ics) timing
// ---------------------------------------------------------------------------

/** China keeps UTC+8 all year (no daylight saving since 1991). */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** Beijing local day + 'HH:MM' → the real instant, in ms since the epoch. */
export function beijingInstant(date: string, time: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, 0, toMinutes(time) - BEIJING_OFFSET_MINUTES);
}

/** An instant as an iCalendar UTC date-time: 20261123T010000Z. */
export function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const ICS_DAYS = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * The weekdays of a Beijing schedule as RRULE BYDAY codes for a DTSTART written in UTC. RRULE
 * weekdays are read in DTSTART's zone, so a session opening before 8:00 Beijing time falls on
 * the previous UTC day (Monday 7:00 → Sunday 23:00Z) and its code moves back one day.
 */
export function utcByDay(weekdays: readonly number[], opens: string): string {
  const shift = toMinutes(opens) < BEIJING_OFFSET_MINUTES ? -1 : 0;
  return [...new Set(weekdays)]
    .sort((a, b) => a - b)
    .map((w) => ICS_DAYS[((w - 1 + shift + 7) % 7) + 1])
    .join(',');
}

/** The first event of a calendar entry and how it repeats, all in UTC. */
export type IcsTiming = { start: number; end: number; rrule: string | null };

/**
 * Calendar timing for a fair. A one-off fair is one event (or a daily series for a fair over
 * several days); a weekly market is a weekly series from its next session (so the calendar is
 * not filled with past ones) until its last day.
 */
export function icsTiming(f: FairTiming, now: Date): IcsTiming {
  const { opens, closes } = dailyHours(f);
  if (f.recurrence) {
    const first = nextSession(f, now) ?? sessionsIn(f, { from: splitLocal(f.startsAt).date, to: splitLocal(f.endsAt).date })[0];
    const day = first?.date ?? splitLocal(f.startsAt).date;
    const until = beijingInstant(splitLocal(f.endsAt).date, closes);
    return {
      start: beijingInstant(day, opens),
      end: beijingInstant(day, closes),
      rrule: `FREQ=WEEKLY;BYDAY=${utcByDay(f.recurrence.weekdays, opens)};UNTIL=${icsUtc(until)}`,
    };
  }
  const days = dayCount(f);
  const startDay = splitLocal(f.startsAt).date;
  if (days > 1 && toMinutes(closes) > toMinutes(opens)) {
    return {
      start: beijingInstant(startDay, opens),
      end: beijingInstant(startDay, closes),
      rrule: `FREQ=DAILY;COUNT=${days}`,
    };
  }
  return {
    start: beijingInstant(startDay, opens),
    end: beijingInstant(splitLocal(f.endsAt).date, closes),
    rrule: null,
  };
}
