/**
 * Stations in API v1: a published station row with its open state → ApiStation, and its week,
 * dated changes and services → ApiStationDetail. The reads are db/queries/open-data-stations.ts.
 */
import type { HostType, ServiceMode, StationStatus } from '@/db/enums';
import { hoursOn, upcomingHoursChanges, type HoursChange, type HoursException, type OpenState, type WeekRow, type WeeklySession } from '@/db/domain/hours';
import { HOST_TYPE_LABELS, SERVICE_MODE_LABELS, STATION_STATUS_LABELS } from '@/db/domain/labels-stations';
import { WEEKDAY_NAMES } from '@/db/domain/calendar';
import { getOpenStation, listOpenStations, type OpenStationRow, type OpenStationService } from '@/db/queries/open-data-stations';
import type { Listed, Paging } from '@/db/queries/open-data';
import { hhmm, sessionsOut } from './format';
import { holidayText } from '@/components/calendar/strings';
import type { ApiParams } from './params';

export type ApiStation = {
  id: number;
  name: string;
  url: string;
  host_type: HostType;
  host_type_label: string;
  host_name: string;
  street: { id: number; name: string };
  address: string;
  phone: string;
  location: { lat: number; lng: number; crs: 'WGS-84' };
  status: StationStatus;
  status_label: string;
  opening_date: string | null;
  status_reason: string | null;
  open_now: boolean;
  open_state: { label: string; text: string };
  /**
   * Set when what this answer says rests on a year whose holidays are still a guess (the State
   * Council has not published them): «2027年节假日安排尚未公布，按往年惯例预估，以官方通知为准».
   */
  holiday_notice: string | null;
  facilities: { window: boolean; self_service: boolean; ai_avatar: boolean; accessible: boolean };
  last_verified_on: string;
};

export type ApiWeekday = { weekday: number; weekday_name: string; sessions: { opens: string; closes: string }[] };

/** One dated day of a station's hours; `text` is the cell residents read ('9:00–12:00、13:30–17:00', '休息（元旦）'). */
export type ApiDay = {
  date: string;
  weekday: number;
  weekday_name: string;
  is_today: boolean;
  closed: boolean;
  sessions: { opens: string; closes: string }[];
  note: string | null;
  text: string;
  /** A holiday or 调休 day of a year whose arrangement is still a guess. */
  provisional: boolean;
};

export type ApiService = {
  id: number;
  name: string;
  category: string;
  mode: ServiceMode;
  mode_label: string;
  online: boolean;
  /** Where on the phone ('' when not said). */
  online_note: string;
  /** What to bring (办理需带), in packing order. */
  materials: string[];
};

export type ApiStationDetail = ApiStation & {
  directions: string;
  weekly_hours: ApiWeekday[];
  /**
   * The day weekly_hours start to apply: the opening date while the station is not open yet
   * (status 'planned'), null once it is (or when a planned station has no date yet).
   */
  hours_valid_from: string | null;
  /** The staffed counter's own hours, when it keeps them; null when it follows the station's. */
  counter_hours: ApiWeekday[] | null;
  /**
   * Weekly hours already decided for a later day: from `from` (inclusive) on, `weekly_hours` and
   * `counter_hours` become these; earliest first, empty when none. `text` says what changes
   * ('自12月14日起，周六 9:00–12:00').
   */
  weekly_hours_changes: { from: string; weekly_hours: ApiWeekday[]; counter_hours: ApiWeekday[] | null; text: string }[];
  /** The station's own dated exceptions overlapping the next 60 days. */
  exceptions: { start_date: string; end_date: string; closed: boolean; sessions: { opens: string; closes: string }[]; reason: string }[];
  /** The seven days from today (Beijing), as the station page's table shows them: calendar and exceptions applied. */
  next_days: ApiDay[];
  /** Days in the next 60 whose hours differ from the regular week (exceptions, holidays, 调休), merged into ranges. */
  special_days: { start_date: string; end_date: string; kind: string; closed: boolean; sessions: { opens: string; closes: string }[]; text: string; provisional: boolean }[];
  services: ApiService[];
};

export function dayToApi(d: WeekRow & { provisional?: boolean }): ApiDay {
  return {
    date: d.date,
    weekday: d.weekday,
    weekday_name: d.weekdayName,
    is_today: d.isToday,
    closed: d.sessions.length === 0,
    sessions: sessionsOut(d.sessions),
    note: d.note,
    text: d.display,
    provisional: d.provisional === true,
  };
}

export function stationUrl(base: string, id: number): string {
  return `${base}/stations/${id}`;
}

/** The notice for the provisional years an answer leans on, or null. */
function holidayNotice(years: readonly number[]): string | null {
  return years.length ? holidayText.provisional(years) : null;
}

export function stationToApi(r: OpenStationRow, state: Pick<OpenState, 'open' | 'label' | 'text'> & { provisionalYears?: number[] }, base: string): ApiStation {
  return {
    id: r.id,
    name: r.name,
    url: stationUrl(base, r.id),
    host_type: r.hostType,
    host_type_label: HOST_TYPE_LABELS[r.hostType],
    host_name: r.hostName,
    street: { id: r.streetId, name: r.streetName },
    address: r.address,
    phone: r.phone,
    location: { lat: r.lat, lng: r.lng, crs: 'WGS-84' },
    status: r.status,
    status_label: STATION_STATUS_LABELS[r.status],
    opening_date: r.openingDate,
    status_reason: r.status === 'suspended' ? (r.statusReason ?? '') : null,
    open_now: state.open,
    open_state: { label: state.label, text: state.text },
    holiday_notice: holidayNotice(state.provisionalYears ?? []),
    facilities: { window: r.hasWindow, self_service: r.hasSelfService, ai_avatar: r.hasAiAvatar, accessible: r.isAccessible },
    last_verified_on: r.lastVerifiedOn,
  };
}

/** Regular weekly sessions of one scope, Monday to Sunday (every day present; closed = no sessions). */
export function weekOf(hours: readonly WeeklySession[], scope: 'station' | 'counter'): ApiWeekday[] {
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    weekday: d,
    weekday_name: WEEKDAY_NAMES[d] ?? '',
    sessions: sessionsOut(
      hours
        .filter((h) => h.scope === scope && h.weekday === d)
        .map((h) => ({ opens: hhmm(h.opens), closes: hhmm(h.closes) }))
        .sort((a, b) => a.opens.localeCompare(b.opens)),
    ),
  }));
}

export function stationDetailToApi(
  base: ApiStation,
  extra: {
    directions: string;
    hours: readonly WeeklySession[];
    exceptions: readonly HoursException[];
    changes: readonly (HoursChange & { provisionalYears?: readonly number[] })[];
    days: readonly (WeekRow & { provisional?: boolean })[];
    /** Provisional years the station's status leans on (the list item's notice). */
    statusYears?: readonly number[];
    services: ApiService[];
    today: string;
    until: string;
  },
): ApiStationDetail {
  // weekly_hours: the week in force today; the weeks decided for later days follow in weekly_hours_changes.
  const now = hoursOn(extra.hours, extra.today);
  const counter = now.some((h) => h.scope === 'counter');
  const later = upcomingHoursChanges(extra.hours, extra.today).map((c) => {
    const week = hoursOn(extra.hours, c.date);
    return { from: c.date, weekly_hours: weekOf(week, 'station'), counter_hours: week.some((h) => h.scope === 'counter') ? weekOf(week, 'counter') : null, text: c.text };
  });
  const years = new Set<number>(extra.statusYears ?? []);
  for (const d of extra.days) if (d.provisional) years.add(Number(d.date.slice(0, 4)));
  for (const c of extra.changes) for (const y of c.provisionalYears ?? []) years.add(y);
  return {
    ...base,
    holiday_notice: holidayNotice([...years]),
    directions: extra.directions,
    weekly_hours: weekOf(now, 'station'),
    hours_valid_from: base.status === 'planned' ? base.opening_date : null,
    counter_hours: counter ? weekOf(now, 'counter') : null,
    weekly_hours_changes: later,
    exceptions: extra.exceptions
      .filter((e) => e.endDate >= extra.today && e.startDate <= extra.until)
      .map((e) => ({ start_date: e.startDate, end_date: e.endDate, closed: e.closed, sessions: sessionsOut(e.closed ? [] : e.sessions), reason: e.reason })),
    next_days: extra.days.map(dayToApi),
    special_days: extra.changes.map((c) => ({
      start_date: c.startDate,
      end_date: c.endDate,
      kind: c.kind,
      closed: c.closed,
      sessions: sessionsOut(c.sessions),
      text: c.text,
      provisional: (c.provisionalYears ?? []).length > 0,
    })),
    services: extra.services,
  };
}

export function serviceToApi(s: OpenStationService): ApiService {
  return {
    id: s.id,
    name: s.name,
    category: s.category,
    mode: s.mode,
    mode_label: SERVICE_MODE_LABELS[s.mode],
    online: s.online,
    online_note: s.onlineNote,
    materials: s.materials,
  };
}

/** GET /api/v1/stations: published stations, open-now from the hours engine. */
export async function listApiStations(v: ApiParams<'stations'>, paging: Paging, base: string, now: Date = new Date()): Promise<Listed<ApiStation>> {
  const { items, total } = await listOpenStations(v, paging, now);
  return { items: items.map((s) => stationToApi(s, s.state, base)), total };
}

/** GET /api/v1/stations/{id} and the station page's JSON-LD: the detail and the day it was read for. */
export async function getApiStation(id: number, base: string, now: Date = new Date()): Promise<{ detail: ApiStationDetail; today: string } | null> {
  const d = await getOpenStation(id, now);
  if (!d) return null;
  const detail = stationDetailToApi(stationToApi(d.station, d.station.state, base), {
    directions: d.station.directions,
    hours: d.schedule.hours,
    exceptions: d.schedule.exceptions,
    changes: d.changes,
    days: d.days,
    statusYears: d.station.state.provisionalYears,
    services: d.services.map(serviceToApi),
    today: d.today,
    until: d.until,
  });
  return { detail, today: d.today };
}
