/** Admin reads of one station for its pages (callers check `can(view)`), and the form's choices. */
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { services as servicesTable, stations, streets, type ServiceMode } from '../../schema';
import { availableTransitions, can, type Actor, type Transition } from '../../auth/permissions';
import { addDays, beijingToday } from '../../domain/time';
import { type StationRow, stationResource, type HoursSnap, allHoursOf, hoursOf, scheduledHoursOf, exceptionsOf, servicesOf, checkPublishable } from './shared';
import { todayClosureOf } from './schedule';
import { dayHours, type DayKind } from '../../domain/hours';
import { cleanSessions, readCalendar } from '../../queries/station-schedules';

// ---------------------------------------------------------------------------
// Reads for the admin pages
// ---------------------------------------------------------------------------

export type StationEditData = {
  station: StationRow;
  /** The weekly hours in force today. */
  hours: HoursSnap;
  /** Weeks decided for a later day, earliest first. */
  scheduledHours: { from: string; hours: HoursSnap }[];
  exceptions: ReturnType<typeof exceptionsOf>;
  services: { serviceId: number; mode: ServiceMode }[];
  todayClosure: { id: number; reason: string } | null;
  /** A longer exception covering today (not undone by 恢复今日营业). */
  todayException: { startDate: string; endDate: string; closed: boolean; reason: string } | null;
  /**
   * Set when the station does not open today anyway (a closed weekday, a holiday, an exception,
   * suspended or not open yet): 今日临时闭站 would change nothing. `kind` is the engine's; `label`
   * the holiday name or the exception's short reason.
   */
  closedAnyway: { kind: DayKind; label: string | null } | null;
  moves: Transition[];
  publishProblems: Record<string, string>;
  mayEditDetails: boolean;
  today: string;
};

/** Everything the station pages show, or null when there is no such station. Callers check `can(view)`. */
export function loadStationForAdmin(db: DB, actor: Actor, id: number): StationEditData | null {
  const station = db.select().from(stations).where(eq(stations.id, id)).get();
  if (!station) return null;
  const today = beijingToday();
  const exceptions = exceptionsOf(db, id);
  const todayClosure = todayClosureOf(db, id, today);
  const covering = exceptions.filter((e) => e.startDate <= today && e.endDate >= today && e.id !== todayClosure?.id);
  const res = stationResource(station);
  const schedule = {
    status: station.status,
    openingDate: station.openingDate,
    statusReason: station.statusReason,
    hours: allHoursOf(db, id),
    // Today's own one-day closure is what 今日临时闭站 made: the question is whether it opens without it.
    exceptions: exceptions.filter((e) => e.id !== todayClosure?.id).map((e) => ({ ...e, sessions: cleanSessions(e.sessions) })),
  };
  const day = dayHours(schedule, readCalendar(today, today, db), today);
  return {
    station,
    hours: hoursOf(db, id, today),
    scheduledHours: scheduledHoursOf(db, id, today),
    exceptions,
    services: servicesOf(db, id),
    todayClosure,
    todayException: covering[0] ? { startDate: covering[0].startDate, endDate: covering[0].endDate, closed: covering[0].closed, reason: covering[0].reason } : null,
    closedAnyway: day.sessions.length === 0 ? { kind: day.kind, label: day.closedReason } : null,
    moves: availableTransitions(actor, station.publication, res).filter((m) => m !== 'submit' && m !== 'return'),
    publishProblems: station.publication === 'published' || !can(actor, 'publish', res) ? {} : checkPublishable(db, id),
    mayEditDetails: can(actor, 'edit', res),
    today,
  };
}

export function listStreetsForForm(db: DB) {
  return db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
}

export function serviceCatalogue(db: DB) {
  return db
    .select({ id: servicesTable.id, name: servicesTable.name, category: servicesTable.category, online: servicesTable.online })
    .from(servicesTable)
    .orderBy(asc(servicesTable.sort), asc(servicesTable.id))
    .all();
}

/** Exceptions that ended in the last 30 days, and the current and future ones. */
export function splitExceptions<T extends { endDate: string }>(list: T[], today: string): { current: T[]; past: T[] } {
  const since = addDays(today, -30);
  return { current: list.filter((e) => e.endDate >= today), past: list.filter((e) => e.endDate < today && e.endDate >= since) };
}
