import 'server-only';
/**
 * The opening-hours inputs of stations, as the hours engine (db/domain/hours) reads them: the
 * district calendar around a day, and each station's weekly hours and dated exceptions.
 * Synchronous building blocks (the coverage view computes with them in one pass); the list,
 * admin list and station page call them inside their own async reads.
 */
import { and, asc, between, gte, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { makeCalendar, type DistrictCalendar, type HoursException, type StationSchedule } from '@/db/domain/hours';
import { addDays, beijingNow } from '@/db/domain/time';
import { calendarDays, stationExceptions, stationHours, type Session, type StationStatus } from '@/db/schema';

/** The calendar from a week before `today` (this week's table) to 62 days after (the engine's look-ahead). */
export function loadCalendar(today: string): DistrictCalendar {
  const rows = getDb()
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, asWeekday: calendarDays.asWeekday })
    .from(calendarDays)
    .where(between(calendarDays.date, addDays(today, -7), addDays(today, 62)))
    .all();
  return makeCalendar(rows);
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
  const calendar = loadCalendar(b.date);
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

/** What a schedule is built from besides hours: the station's own status fields. */
export type ScheduleHead = { id: number; status: StationStatus; openingDate: string | null; statusReason: string | null };

/** Exception sessions as stored; anything malformed reads as no session. */
export function cleanSessions(v: unknown): Session[] {
  if (!Array.isArray(v)) return [];
  return v.filter((s): s is Session => typeof s === 'object' && s !== null && typeof s.opens === 'string' && typeof s.closes === 'string');
}

/** Weekly hours and exceptions (ending on or after `fromDate`) of the given stations: one query per table. */
export function loadSchedules(stations: readonly ScheduleHead[], fromDate: string): Map<number, StationSchedule> {
  const out = new Map<number, StationSchedule>();
  if (stations.length === 0) return out;
  for (const s of stations) out.set(s.id, { status: s.status, openingDate: s.openingDate, statusReason: s.statusReason, hours: [], exceptions: [] });
  const db = getDb();
  const ids = stations.map((s) => s.id);
  const hours = db
    .select({ stationId: stationHours.stationId, scope: stationHours.scope, weekday: stationHours.weekday, opens: stationHours.opens, closes: stationHours.closes })
    .from(stationHours)
    .where(inArray(stationHours.stationId, ids))
    .all();
  for (const h of hours) out.get(h.stationId)?.hours.push({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes });
  const exceptions = db
    .select()
    .from(stationExceptions)
    .where(and(inArray(stationExceptions.stationId, ids), gte(stationExceptions.endDate, fromDate)))
    .orderBy(asc(stationExceptions.id))
    .all();
  for (const e of exceptions) {
    const x: HoursException = { startDate: e.startDate, endDate: e.endDate, closed: e.closed, sessions: cleanSessions(e.sessions), reason: e.reason };
    out.get(e.stationId)?.exceptions.push(x);
  }
  return out;
}
