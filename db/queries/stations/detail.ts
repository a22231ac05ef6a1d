import 'server-only';
/**
 * The station page: one published station, its status now, this week's hours (station and
 * counter), upcoming changes, its services by category and how to get there. Codes and data;
 * components/stations/strings.ts says the words.
 */
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { daysFrom, hasCounterHours, openState, provisionalYears, provisionalYearsOfState, regularWeek, upcomingChanges, upcomingHoursChanges, weekTable } from '@/db/domain/hours';
import { amapNavigationUrl, toGcj02, type LatLng } from '@/db/domain/geo';
import type { FacilityKey } from '@/db/domain/labels-stations';
import { addDays, daysBetween, fullDate } from '@/db/domain/time';
import { stations, streets, type HostType, type HoursScope, type ServiceMode } from '@/db/schema';
import { STALE_AFTER_DAYS } from './admin-list';
import { stationPageColumns, stationServiceRows } from './columns';
import { facilitiesOf } from './list';
import { clockAt } from './schedules';
import { loadSchedules } from '../station-schedules';
import type { StationStatusView } from './types';

/** One service as the page and the card show it: how it is offered, what to bring, whether a phone will do. */
export type StationServiceView = {
  id: number;
  name: string;
  mode: ServiceMode;
  online: boolean;
  /** Where on the phone ('国家医保服务平台App'); '' when not said. */
  onlineNote: string;
  /** 办理需带, in packing order; empty when the catalogue does not say. */
  materials: string[];
};

/** `provisional`: the day is a holiday or 调休 day of a year whose arrangement is still a guess. */
export type WeekRowView = { date: string; weekdayName: string; display: string; isToday: boolean; note: string | null; provisional: boolean };

/** A row of the regular week (no dates): what a planned station will keep once it opens. */
export type RegularRowView = { weekday: number; weekdayName: string; display: string };

export type StationDetail = {
  id: number;
  name: string;
  hostType: HostType;
  hostName: string;
  streetName: string;
  address: string;
  phone: string;
  directions: string;
  planned: boolean;
  openingDate: string | null;
  suspendedReason: string | null;
  status: StationStatusView;
  /** The staffed window's status, when it keeps its own hours. */
  counterStatus: StationStatusView | null;
  week: WeekRowView[];
  /** Only when the counter's hours differ from the station's this week. */
  counterWeek: WeekRowView[] | null;
  /**
   * Full reasons behind this week's short labels ('医保信息系统升级，暂停服务两天。…'), each once, when the
   * list of changes below does not already say them (e.g. a closure earlier this week).
   */
  weekNotes: string[];
  /** The regular week, Monday first (for a planned station: the hours once it opens). */
  regularWeek: RegularRowView[];
  /** The counter's regular week, when it keeps its own hours that differ from the station's. */
  counterRegularWeek: RegularRowView[] | null;
  /**
   * Weekly hours that change from a later day ('自12月14日起，周六 9:00–12:00'), earliest first:
   * the week table shows only seven days, and a resident planning a visit needs to know.
   */
  hoursChanges: { date: string; text: string }[];
  /** `provisional`: a holiday or 调休 change of a year whose arrangement is still a guess. */
  changes: { text: string; startDate: string; endDate: string; closed: boolean; provisional: boolean }[];
  /** Years whose guessed holidays this week's table or the changes show (one notice on the page says so). */
  provisionalYears: number[];
  services: { category: string; items: StationServiceView[] }[];
  onlineServices: string[];
  facilities: FacilityKey[];
  navigationUrl: string;
  /** WGS-84 and GCJ-02 coordinates, for residents who type them into a map app. */
  coordinates: { wgs84: LatLng; gcj02: LatLng };
  lastVerifiedOn: string;
  lastVerifiedText: string;
  /** Not checked for over 90 days: residents are asked to phone first. */
  verifiedLongAgo: boolean;
  today: string;
};

function readStation(id: number) {
  return getDb()
    .select(stationPageColumns)
    .from(stations)
    .innerJoin(streets, eq(streets.id, stations.streetId))
    .where(and(eq(stations.id, id), eq(stations.publication, 'published')))
    .get();
}

/** Public: one published station for its page; null when unknown or not published. */
export async function getStationDetail(id: number, now: Date = new Date()): Promise<StationDetail | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const r = readStation(id);
  if (!r) return null;

  const clock = clockAt(now);
  const schedule = (await loadSchedules([r], addDays(clock.today, -7), 'id')).get(r.id)!;
  const state = openState(schedule, clock.calendar, now, 'station');
  // The regular week as of today, or, for a station not open yet, as of its opening day.
  const asOf = r.openingDate && r.openingDate > clock.today ? r.openingDate : clock.today;
  const counter = hasCounterHours(schedule, clock.today);
  const counterState = counter ? openState(schedule, clock.calendar, now, 'counter') : null;

  const stationDays = weekTable(schedule, clock.calendar, clock.today, 'station');
  const toRows = (scope: HoursScope): WeekRowView[] =>
    (scope === 'station' ? stationDays : weekTable(schedule, clock.calendar, clock.today, scope)).map((d) => ({
      date: d.date,
      weekdayName: d.weekdayName,
      display: d.display,
      isToday: d.isToday,
      note: d.note,
      provisional: clock.calendar.get(d.date)?.provisional === true,
    }));
  const week = toRows('station');
  const counterRows = counter ? toRows('counter') : null;
  const counterWeek = counterRows && counterRows.some((row, i) => row.display !== week[i]?.display) ? counterRows : null;

  const changes = upcomingChanges(schedule, clock.calendar, clock.today, 30).map((c) => ({
    text: c.text,
    startDate: c.startDate,
    endDate: c.endDate,
    closed: c.closed,
    provisional: c.kind !== 'exception' && provisionalYears(clock.calendar, daysFrom(c.startDate, c.endDate)).length > 0,
  }));
  const weekNotes: string[] = [];
  for (const d of stationDays) {
    if (!d.fullReason || changes.some((c) => c.text.includes(d.fullReason!))) continue;
    if (!weekNotes.includes(d.fullReason)) weekNotes.push(d.fullReason);
  }
  const toRegular = (scope: HoursScope): RegularRowView[] =>
    regularWeek(schedule, scope, asOf).map((d) => ({ weekday: d.weekday, weekdayName: d.weekdayName, display: d.display }));
  const regular = toRegular('station');
  const counterRegular = hasCounterHours(schedule, asOf) ? toRegular('counter') : null;

  const serviceRows = stationServiceRows(r.id);
  const groups: StationDetail['services'] = [];
  for (const s of serviceRows) {
    let g = groups.find((x) => x.category === s.category);
    if (!g) groups.push((g = { category: s.category, items: [] }));
    g.items.push({ id: s.id, name: s.name, mode: s.mode, online: s.online, onlineNote: s.onlineNote, materials: s.materials });
  }

  const at = { lat: r.lat, lng: r.lng };
  const gcj = toGcj02(at);
  return {
    id: r.id,
    name: r.name,
    hostType: r.hostType,
    hostName: r.hostName,
    streetName: r.streetName,
    address: r.address,
    phone: r.phone,
    directions: r.directions,
    planned: state.label === '尚未启用',
    openingDate: r.openingDate,
    suspendedReason: r.status === 'suspended' ? (r.statusReason ?? '') : null,
    status: { open: state.open, label: state.label, text: state.text, scope: 'station', provisionalYears: provisionalYearsOfState(clock.calendar, clock.today, state, schedule) },
    counterStatus: counterState
      ? { open: counterState.open, label: counterState.label, text: counterState.text, scope: 'counter', provisionalYears: provisionalYearsOfState(clock.calendar, clock.today, counterState, schedule, 'counter') }
      : null,
    week,
    counterWeek,
    weekNotes,
    regularWeek: regular,
    counterRegularWeek: counterRegular && counterRegular.some((row, i) => row.display !== regular[i]?.display) ? counterRegular : null,
    hoursChanges: upcomingHoursChanges(schedule.hours, clock.today).map((c) => ({ date: c.date, text: c.text })),
    changes,
    provisionalYears: provisionalYears(clock.calendar, [
      ...week.filter((d) => d.provisional).map((d) => d.date),
      ...changes.filter((c) => c.provisional).flatMap((c) => daysFrom(c.startDate, c.endDate)),
    ]),
    services: groups,
    onlineServices: serviceRows.filter((s) => s.online).map((s) => s.name),
    facilities: facilitiesOf(r),
    navigationUrl: amapNavigationUrl(at, r.name),
    coordinates: { wgs84: at, gcj02: { lat: Number(gcj.lat.toFixed(6)), lng: Number(gcj.lng.toFixed(6)) } },
    lastVerifiedOn: r.lastVerifiedOn,
    lastVerifiedText: fullDate(r.lastVerifiedOn),
    verifiedLongAgo: daysBetween(r.lastVerifiedOn, clock.today) > STALE_AFTER_DAYS,
    today: clock.today,
  };
}
