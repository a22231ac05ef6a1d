import 'server-only';
/**
 * The station lists' index rows (see db/search/engine): one per station, with everything a
 * filter, facet or order needs that depends only on content, worked out once when the station
 * changes (its services and how each is offered, its weekly sessions, its place in the order).
 */
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { HOST_TYPES, PUBLICATION, SERVICE_MODES, STATION_STATUSES } from '@/db/enums';
import { hoursOn, opensEvenings, opensWeekends, regularSessions, setStarts, type StationSchedule } from '@/db/domain/hours';
import { dateInt, minutesOf } from '@/db/search/engine';
import { places, services, streets } from '@/db/schema';
import { cleanSessions } from '../station-schedules';
import { readStations } from './row-reads';

/** Per ISO weekday (index 1–7), the regular sessions as [from, to) minute pairs, flattened. */
type WeekSpans = readonly (readonly number[])[];

/** What the lists' hours tests read of one week of weekly hours (station scope unless named). */
export type WeekFacts = {
  /** Regular weekday sessions ending after 18:00 / any weekend session (station scope). */
  evening: boolean;
  weekend: boolean;
  /** Sessions per weekday for the station and for its counter (the station's when it keeps none). */
  spans: WeekSpans;
  counterSpans: WeekSpans;
};

type StationHead = {
  id: number;
  street: number;
  streetSort: number;
  /** Index in HOST_TYPES / PUBLICATION / STATION_STATUSES. */
  host: number;
  publication: number;
  status: number;
  /** yyyymmdd; 0 when none. */
  openingDate: number;
  lastVerified: number;
  lat: number;
  lng: number;
  /** The services it offers (ascending ids) and how each is offered (index in SERVICE_MODES). */
  svcs: readonly number[];
  modes: readonly number[];
  /**
   * Its list-order key (街镇 order, then its name as SQLite orders text; ties by id): the orders
   * rank every station by it once and carry the ranking over a save (engine ranks.ts).
   */
  orderKey: readonly number[];
  schedule: StationSchedule;
  /**
   * The latest week's facts are the row's own WeekFacts, in force from `hoursFrom` (yyyymmdd; 0
   * when there are no hours). Days before it read `earlierWeeks` (ascending by `from`; usually
   * none): weekly hours have an effective date (db/domain/hours-sets).
   */
  hoursFrom: number;
  earlierWeeks: readonly (WeekFacts & { from: number })[];
  /** Inclusive yyyymmdd ranges of its exceptions, flattened: a day inside one goes to the hours engine. */
  exceptionDays: readonly number[];
};

export type StationFacts = StationHead & WeekFacts;

export type StationRow = { group: number; st: StationFacts };

export type StationRefs = {
  streets: { id: number; name: string; lat: number; lng: number }[];
  landmarks: { id: number; name: string }[];
  /** The catalogue in order (category order follows each category's first service). */
  services: { id: number; name: string; category: string; online: boolean; materials: string[] }[];
};

export const PUBLISHED = PUBLICATION.indexOf('published');
export const PLANNED = STATION_STATUSES.indexOf('planned');
export const SUSPENDED = STATION_STATUSES.indexOf('suspended');
export const COUNTER = SERVICE_MODES.indexOf('counter');

/** Code points + 1 (0 = past the end), two to a number (base 0x110001: exact below 2^53). */
function nameKey(name: string): number[] {
  const cps = [...name].map((ch) => ch.codePointAt(0)! + 1);
  const out: number[] = [];
  const B = 0x110001;
  for (let i = 0; i < cps.length || i === 0; i += 2) out.push((cps[i] ?? 0) * B + (cps[i + 1] ?? 0));
  out.push(-1);
  return out;
}

function weekSpans(schedule: StationSchedule, scope: 'station' | 'counter', date: string | undefined): number[][] {
  const out: number[][] = [[]];
  for (let wd = 1; wd <= 7; wd++) out.push(regularSessions(schedule, wd, scope, date).flatMap((s) => [minutesOf(s.opens), minutesOf(s.closes)]));
  return out;
}

/** The facts of the week starting on `date` (undefined: the latest week). */
function weekFacts(schedule: StationSchedule, date: string | undefined): WeekFacts {
  const week = hoursOn(schedule.hours, date);
  return { evening: opensEvenings(week), weekend: opensWeekends(week), spans: weekSpans(schedule, 'station', date), counterSpans: weekSpans(schedule, 'counter', date) };
}

async function load(db: DB, only: readonly number[] | null): Promise<StationRow[]> {
  const { heads, hours, exceptions, services: offers } = readStations(db, only);
  const schedules = new Map<number, StationSchedule>();
  for (const h of heads) schedules.set(h.id, { status: h.status, openingDate: h.openingDate, statusReason: h.statusReason, hours: [], exceptions: [] });
  for (const h of hours) {
    schedules.get(h.stationId)?.hours.push({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes, effectiveFrom: h.effectiveFrom });
  }
  for (const e of exceptions) {
    schedules.get(e.stationId)?.exceptions.push({ startDate: e.startDate, endDate: e.endDate, closed: e.closed, sessions: cleanSessions(e.sessions), reason: e.reason });
  }
  const offered = new Map<number, { svc: number; mode: number }[]>();
  // Ascending service ids per station (binary search in the filter).
  for (const s of offers) {
    const list = offered.get(s.stationId) ?? [];
    list.push({ svc: s.serviceId, mode: SERVICE_MODES.indexOf(s.mode) });
    offered.set(s.stationId, list);
  }
  const rows: StationRow[] = [];
  for (const h of heads) {
    const schedule = schedules.get(h.id)!;
    const offers = (offered.get(h.id) ?? []).sort((a, b) => a.svc - b.svc);
    const starts = setStarts(schedule.hours);
    const st: StationFacts = {
      id: h.id,
      street: h.streetId,
      streetSort: h.streetSort,
      host: HOST_TYPES.indexOf(h.hostType),
      publication: PUBLICATION.indexOf(h.publication),
      status: STATION_STATUSES.indexOf(h.status),
      openingDate: dateInt(h.openingDate),
      lastVerified: dateInt(h.lastVerifiedOn),
      lat: h.lat,
      lng: h.lng,
      svcs: offers.map((o) => o.svc),
      modes: offers.map((o) => o.mode),
      orderKey: [h.streetSort, ...nameKey(h.name)],
      schedule,
      ...weekFacts(schedule, undefined),
      hoursFrom: dateInt(starts.at(-1)),
      earlierWeeks: starts.slice(0, -1).map((from) => ({ from: dateInt(from), ...weekFacts(schedule, from) })),
      exceptionDays: schedule.exceptions.flatMap((e) => [dateInt(e.startDate), dateInt(e.endDate)]),
    };
    rows.push({ group: h.id, st });
  }
  return rows;
}

async function loadRefs(db: DB): Promise<StationRefs> {
  return {
    streets: db.select({ id: streets.id, name: streets.name, lat: streets.lat, lng: streets.lng }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all(),
    landmarks: db.select({ id: places.id, name: places.name }).from(places).where(eq(places.kind, 'landmark')).orderBy(asc(places.id)).all(),
    services: db
      .select({ id: services.id, name: services.name, category: services.category, online: services.online, materials: services.materials })
      .from(services)
      .orderBy(asc(services.sort), asc(services.id))
      .all(),
  };
}

/** Where the station lists' rows come from, and which change-log entities concern them (migration 0007). */
export const stationSource = {
  name: 'stations',
  loadAll: (db: DB) => load(db, null),
  loadGroups: (db: DB, ids: readonly number[]) => load(db, ids),
  loadRefs,
  // Streets carry the list order (their sort), so a change there rebuilds; names and choices are refs.
  changes: { station: 'group', streets: 'rebuild', services: 'refs', place: 'refs', calendar_days: 'refs', calendar_years: 'refs' },
} as const;
