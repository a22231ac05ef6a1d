import 'server-only';
/**
 * Open-data reads of stations: published stations with their state right now from the hours
 * engine (exceptions, holidays, 调休), a station's week and services, and every published
 * station's weekly hours for the CSV. Rows out; app/api/v1/_lib/stations.ts shapes them.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { stationHours, stationServices, stations, streets, type HostType } from '@/db/schema';
import { matchingIds } from '@/db/search';
import { idSet } from './id-set';
import {
  daysFrom,
  hoursOn,
  openState,
  provisionalYears,
  provisionalYearsOfState,
  stationStatusOn,
  upcomingChanges,
  weekTable,
  type DistrictCalendar,
  type HoursChange,
  type OpenState,
  type StationSchedule,
  type WeekRow,
  type WeeklySession,
} from '@/db/domain/hours';
import { addDays, beijingNow } from '@/db/domain/time';
import { loadCalendar, loadSchedules, weeklyHourColumns } from './station-schedules';
import { stationPageColumns, stationServiceRows } from './stations/columns';
import type { Listed, Paging } from './open-data';

/** Days ahead the station detail lists exceptions and special days for. */
export const EXCEPTION_DAYS = 60;

const stationColumns = { ...stationPageColumns, streetId: stations.streetId };

/** A published station's columns, typed by the schema. */
export type OpenStationRow = ReturnType<ReturnType<typeof stationQuery>['all']>[number];
/** A published station with what the hours engine says of it right now (`status` as of today: see stationStatusOn). */
export type OpenStation = OpenStationRow & {
  state: Pick<OpenState, 'open' | 'label' | 'text'> & {
    /** Years whose guessed holidays (calendar_years.provisional) the state leans on. */
    provisionalYears: number[];
  };
};

export type StationFilter = { q: string; street: number | null; host_type: HostType | null; service: number | null; open_now: boolean | null };

function stationQuery(where: SQL | undefined) {
  return getDb().select(stationColumns).from(stations).innerJoin(streets, eq(streets.id, stations.streetId)).where(where);
}

/** The district calendar the API's stations are read against: a week back, the exception span and two months more. */
function calendarFor(today: string) {
  return loadCalendar(addDays(today, -7), addDays(today, EXCEPTION_DAYS + 62));
}

function stateOf(schedule: StationSchedule, calendar: DistrictCalendar, now: Date, today: string): OpenStation['state'] {
  const state = openState(schedule, calendar, now, 'station');
  return { open: state.open, label: state.label, text: state.text, provisionalYears: provisionalYearsOfState(calendar, today, state, schedule) };
}

/** Published stations matching `f`, ordered by 街镇 then id, each with its state at `now`. Public. */
export async function listOpenStations(f: StationFilter, paging: Paging, now: Date = new Date()): Promise<Listed<OpenStation>> {
  const keyword = await matchingIds(getDb(), 'station', f.q);
  // With a keyword its id list drives; the unary + keeps the publication index out of the way.
  const conds: (SQL | undefined)[] = [keyword ? sql`+${stations.publication} = 'published'` : eq(stations.publication, 'published')];
  if (keyword) conds.push(inArray(stations.id, idSet(keyword.ids())));
  if (f.street !== null) conds.push(eq(stations.streetId, f.street));
  if (f.host_type !== null) conds.push(eq(stations.hostType, f.host_type));
  if (f.service !== null) {
    conds.push(
      inArray(stations.id, getDb().select({ id: stationServices.stationId }).from(stationServices).where(eq(stationServices.serviceId, f.service))),
    );
  }
  const rows = stationQuery(and(...conds)).orderBy(asc(streets.sort), asc(streets.id), asc(stations.id)).all();
  // Open-now is the hours engine's answer for every match, so it filters before paging.
  const today = beijingNow(now).date;
  const [calendar, schedules] = await Promise.all([calendarFor(today), loadSchedules(rows, today)]);
  let items = rows.map((r): OpenStation => {
    const schedule = schedules.get(r.id)!;
    return { ...r, status: stationStatusOn(schedule, today), state: stateOf(schedule, calendar, now, today) };
  });
  if (f.open_now !== null) items = items.filter((s) => s.state.open === f.open_now);
  const total = items.length;
  if (paging !== 'all') items = items.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage);
  return { items, total };
}

export type OpenStationService = {
  id: number;
  name: string;
  category: string;
  mode: (typeof stationServices.$inferSelect)['mode'];
  online: boolean;
  /** Where on the phone, when it can be done there ('' when not said). */
  onlineNote: string;
  /** What to bring (办理需带). */
  materials: string[];
};

/** A published station's week, dated changes and services, as its page shows them on `today`. */
export type OpenStationDetail = {
  station: OpenStation;
  schedule: StationSchedule;
  /** `provisionalYears`: for a holiday or 调休 change, the years of its days whose arrangement is still a guess. */
  changes: (HoursChange & { provisionalYears: number[] })[];
  days: (WeekRow & { provisional: boolean })[];
  services: OpenStationService[];
  today: string;
  until: string;
};

/** One published station with its hours and services, or null. Public. */
export async function getOpenStation(id: number, now: Date = new Date()): Promise<OpenStationDetail | null> {
  const r = stationQuery(and(eq(stations.id, id), eq(stations.publication, 'published'))).get();
  if (!r) return null;
  const today = beijingNow(now).date;
  const [calendar, schedules] = await Promise.all([calendarFor(today), loadSchedules([r], today)]);
  const schedule = schedules.get(r.id)!;
  const offered = stationServiceRows(r.id);
  return {
    station: { ...r, status: stationStatusOn(schedule, today), state: stateOf(schedule, calendar, now, today) },
    schedule,
    changes: upcomingChanges(schedule, calendar, today, EXCEPTION_DAYS).map((c) => ({
      ...c,
      provisionalYears: c.kind === 'exception' ? [] : provisionalYears(calendar, daysFrom(c.startDate, c.endDate)),
    })),
    days: weekTable(schedule, calendar, today, 'station').map((d) => ({ ...d, provisional: calendar.get(d.date)?.provisional === true })),
    services: offered,
    today,
    until: addDays(today, EXCEPTION_DAYS - 1),
  };
}

/** The weekly hours in force on `today` of every published station, by station id (the CSV's weekday columns). Public. */
export async function publishedStationHours(today: string): Promise<Map<number, WeeklySession[]>> {
  const rows = getDb()
    .select({ stationId: stationHours.stationId, ...weeklyHourColumns })
    .from(stationHours)
    .innerJoin(stations, eq(stations.id, stationHours.stationId))
    .where(eq(stations.publication, 'published'))
    .orderBy(asc(stationHours.stationId), asc(stationHours.scope), asc(stationHours.weekday), asc(stationHours.opens))
    .all();
  const out = new Map<number, WeeklySession[]>();
  for (const { stationId, ...h } of rows) out.set(stationId, [...(out.get(stationId) ?? []), h]);
  for (const [id, hours] of out) out.set(id, [...hoursOn(hours, today)]);
  return out;
}
