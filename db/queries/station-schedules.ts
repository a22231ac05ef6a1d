import 'server-only';
/**
 * What the hours engine (db/domain/hours) needs from the database: the district calendar over
 * a span of days, and the weekly hours and dated exceptions of a set of stations. Shared by
 * the open-data API, the admin dashboard, coverage and the station lists and page, so all read
 * hours the same way.
 */
import { and, asc, between, eq, gte, inArray } from 'drizzle-orm';
import { getDb, type DB } from '@/db';
import { calendarDays, calendarYears, stationExceptions, stationHours, type Session, type Station } from '@/db/schema';
import { hoursFrom, makeCalendar, type DistrictCalendar, type StationSchedule } from '@/db/domain/hours';
import { idSet } from './id-set';

/** What a dated exception says: its days, closed or other hours, and why (the engine, the admin form, the download). */
export const stationExceptionColumns = {
  startDate: stationExceptions.startDate,
  endDate: stationExceptions.endDate,
  closed: stationExceptions.closed,
  sessions: stationExceptions.sessions,
  reason: stationExceptions.reason,
};

/** One weekly session with the first day of the week it belongs to (the engine's WeeklySession). */
export const weeklyHourColumns = {
  scope: stationHours.scope,
  weekday: stationHours.weekday,
  opens: stationHours.opens,
  closes: stationHours.closes,
  effectiveFrom: stationHours.effectiveFrom,
};

/** The district calendar from `from` to `to` (inclusive). Any caller. */
export async function loadCalendar(from: string, to: string, db: DB = getDb()): Promise<DistrictCalendar> {
  return readCalendar(from, to, db);
}

/**
 * The same, synchronously: for the station lists' clock, which a filter builds while it is
 * compiled (one per query and minute). Everyone else awaits loadCalendar.
 */
export function readCalendar(from: string, to: string, db: DB = getDb()): DistrictCalendar {
  const rows = db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, asWeekday: calendarDays.asWeekday })
    .from(calendarDays)
    .where(between(calendarDays.date, from, to))
    .all();
  // A handful of rows: which years of the span are still a guess (calendar_years.provisional).
  const guessed = new Set(
    db
      .select({ year: calendarYears.year })
      .from(calendarYears)
      .where(and(eq(calendarYears.provisional, true), between(calendarYears.year, Number(from.slice(0, 4)), Number(to.slice(0, 4)))))
      .all()
      .map((r) => r.year),
  );
  return makeCalendar(rows.map((r) => ({ ...r, provisional: guessed.has(Number(r.date.slice(0, 4))) })));
}

/** Only well-formed sessions: a hand-edited row must not break the engine. */
export function cleanSessions(v: unknown): Session[] {
  return Array.isArray(v)
    ? v.filter((s): s is Session => typeof s === 'object' && s !== null && typeof s.opens === 'string' && typeof s.closes === 'string')
    : [];
}

type ScheduleHead = Pick<Station, 'id' | 'status' | 'openingDate' | 'statusReason'>;

/**
 * Each station's schedule: its weekly hours in force on `fromDate` and every later week (each
 * row with its effective date, see db/domain/hours-sets), and its exceptions that end on or after `fromDate`,
 * exceptions in the order given (`start`: by first day, `id`: as entered). Any caller; the
 * stations passed are already the ones the caller may see.
 */
export async function loadSchedules(
  heads: readonly ScheduleHead[],
  fromDate: string,
  order: 'start' | 'id' = 'start',
  db: DB = getDb(),
): Promise<Map<number, StationSchedule>> {
  const out = new Map<number, StationSchedule>();
  if (heads.length === 0) return out;
  for (const s of heads) out.set(s.id, { status: s.status, openingDate: s.openingDate, statusReason: s.statusReason, hours: [], exceptions: [] });
  const ids = idSet(heads.map((s) => s.id));
  const hours = db
    .select({ stationId: stationHours.stationId, ...weeklyHourColumns })
    .from(stationHours)
    .where(inArray(stationHours.stationId, ids))
    .orderBy(asc(stationHours.stationId), asc(stationHours.effectiveFrom), asc(stationHours.scope), asc(stationHours.weekday), asc(stationHours.opens))
    .all();
  for (const { stationId, ...h } of hours) out.get(stationId)?.hours.push(h);
  // Weeks replaced before fromDate decide none of the days asked about.
  for (const s of out.values()) s.hours = hoursFrom(s.hours, fromDate);
  const exceptions = db
    .select({ stationId: stationExceptions.stationId, ...stationExceptionColumns })
    .from(stationExceptions)
    .where(and(inArray(stationExceptions.stationId, ids), gte(stationExceptions.endDate, fromDate)))
    .orderBy(...(order === 'start' ? [asc(stationExceptions.startDate), asc(stationExceptions.id)] : [asc(stationExceptions.id)]))
    .all();
  for (const { stationId, sessions, ...e } of exceptions) out.get(stationId)?.exceptions.push({ ...e, sessions: cleanSessions(sessions) });
  return out;
}
