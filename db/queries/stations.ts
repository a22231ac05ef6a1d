import 'server-only';
/**
 * Reads for the 医保服务驿站 finder and station pages. Public scope only: residents see
 * published stations, with today's status computed in Beijing time from the station's
 * weekly hours, its dated exceptions and the district calendar (holidays and 调休).
 *
 * Filters are SQL over indexed columns; the only JavaScript pass is the hours engine for the
 * few stations that have an exception today (the rest of "open now" is exact in SQL) and
 * for the rows on the page being shown.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  makeCalendar,
  openState,
  regularWeek,
  upcomingChanges,
  weekTable,
  hasCounterHours,
  isOpenAt,
  type CalendarEntry,
  type DistrictCalendar,
  type HoursException,
  type OpenLabel,
  type StationSchedule,
  type WeeklySession,
} from '@/db/domain/hours';
import { addDays, beijingNow, daysBetween, formatClock, fullDate, monthDayWeekday } from '@/db/domain/time';
import {
  FIFTEEN_MINUTE_METRES,
  WALK_METRES_PER_MINUTE,
  amapNavigationUrl,
  distanceMetres,
  formatDistance,
  toGcj02,
  walkingMinutes,
  type LatLng,
} from '@/db/domain/geo';
import {
  FACILITY_LABELS,
  HOST_TYPE_LABELS,
  SERVICE_MODE_LABELS,
  SERVICE_MODE_MARKS,
  type FacilityKey,
} from '@/db/domain/labels-stations';
import { matchingIdsSql } from '@/db/search';
import { common } from '@/components/ui/strings';
import { pageWindow, type Chip, type FacetOption, type SearchPage } from '@/db/queries/search-page';
import { stampedCache } from '@/db/queries/list-cache';
import {
  originOf,
  stationSearchLabels as L,
  stationSearchQuery,
  type StationSearchInput,
  type StationSearchKey,
  type StationSearchValues,
} from '@/db/validation/station-search';
import { HOST_TYPES, type HostType, type HoursScope, type Publication, type ServiceMode, type Session, type StationStatus } from '@/db/schema';

/** Results per page: enough to compare, short enough to scroll on a phone. */
export const STATION_PAGE_SIZE = 10;

/** Details checked longer ago than this may be out of date (the admin side nudges hosts monthly). */
export const STALE_AFTER_DAYS = 90;


// ---------------------------------------------------------------------------
// Result shapes
// ---------------------------------------------------------------------------

export type StationStatusView = {
  open: boolean;
  label: OpenLabel;
  text: string;
  /** 'counter' when the status is the staffed window's (the filtered service is counter-only). */
  scope: HoursScope;
};

export type StationDistance = { metres: number; minutes: number; text: string; within15: boolean };

export type StationListItem = {
  id: number;
  name: string;
  hostTypeLabel: string;
  hostName: string;
  address: string;
  streetName: string;
  phone: string;
  planned: boolean;
  status: StationStatusView;
  distance: StationDistance | null;
  /** How the filtered service is offered here (only when a service is filtered). */
  service: { name: string; mode: ServiceMode; modeLabel: string } | null;
  facilities: string[];
  /** WGS-84, for the list's map. */
  at: LatLng;
};

export type ServiceGroup = { category: string; options: FacetOption[] };
export type OriginOption = { value: string; label: string };

export type StationSearchResult = SearchPage<StationListItem> & {
  /** The filters as applied (unreadable or unknown ones back at their defaults): the form shows these. */
  values: StationSearchValues;
  /** The service catalogue for the select, grouped by category, with counts. */
  serviceGroups: ServiceGroup[];
  /** Choices for "我在哪里": 街镇 centres and landmarks. */
  origins: { streets: OriginOption[]; places: OriginOption[] };
  /** The location results are sorted by, if any. */
  origin: { kind: 'device' | 'near'; label: string } | null;
  /** With a location: how many of all matches lie within about 15 minutes' walk. */
  within15: number | null;
  /** Only when nothing matched: each filter whose removal finds something, with how many. */
  widen: (Chip & { count: number })[];
  /** Beijing date and time "open now" was judged at, e.g. '11月23日（周一）10:00'. */
  clock: string;
};

// ---------------------------------------------------------------------------
// SQL helpers
// ---------------------------------------------------------------------------

/**
 * A stored time as 'HH:MM' text, so text order is time order. The schema stores 'HH:MM'; an
 * 'H:MM' slipped in by hand gets its leading zero, as the engine would read it.
 */
function hhmmSql(column: SQL): SQL {
  return sql`(CASE WHEN length(${column}) = 4 THEN '0' || ${column} ELSE ${column} END)`;
}

function idList(ids: readonly number[]): SQL {
  return sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** Not yet open on `today`: same rule as the engine (an opening date in the future wins). */
function plannedSql(today: string): SQL {
  return sql`(CASE WHEN s.opening_date IS NOT NULL THEN s.opening_date > ${today} ELSE s.status = 'planned' END)`;
}

type Clock = {
  now: Date;
  today: string;
  /** 'HH:MM' Beijing time. */
  time: string;
  minutes: number;
  calendar: DistrictCalendar;
  /** Weekday whose regular hours apply today (a 调休 day borrows one). */
  hoursWeekday: number;
  holiday: boolean;
};

/** Stations whose day is decided by an exception, and which of them are open now (per scope). */
type ExceptionToday = { ids: number[]; openStation: number[]; openCounter: number[] };

export function loadCalendar(today: string): DistrictCalendar {
  const db = getDb();
  // A week back covers this week's table; 62 days ahead covers the engine's look-ahead.
  const rows = db.all<{ date: string; kind: 'holiday' | 'workday'; name: string; as_weekday: number | null }>(
    sql`SELECT date, kind, name, as_weekday FROM calendar_days WHERE date BETWEEN ${addDays(today, -7)} AND ${addDays(today, 62)}`,
  );
  return makeCalendar(rows.map((r): CalendarEntry => ({ date: r.date, kind: r.kind, name: r.name, asWeekday: r.as_weekday })));
}

function clockAt(now: Date): Clock {
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

type StationCore = {
  id: number;
  status: StationStatus;
  opening_date: string | null;
  status_reason: string | null;
};

/** Weekly hours and exceptions of the given stations: one query per table, grouped here. */
export function loadSchedules(stations: readonly StationCore[], fromDate: string): Map<number, StationSchedule> {
  const db = getDb();
  const out = new Map<number, StationSchedule>();
  if (stations.length === 0) return out;
  for (const s of stations) {
    out.set(s.id, { status: s.status, openingDate: s.opening_date, statusReason: s.status_reason, hours: [], exceptions: [] });
  }
  const ids = stations.map((s) => s.id);
  const hours = db.all<{ station_id: number; scope: HoursScope; weekday: number; opens: string; closes: string }>(
    sql`SELECT station_id, scope, weekday, opens, closes FROM station_hours WHERE station_id IN ${idList(ids)}`,
  );
  for (const h of hours) {
    const w: WeeklySession = { scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes };
    out.get(h.station_id)?.hours.push(w);
  }
  const exceptions = db.all<{ station_id: number; start_date: string; end_date: string; closed: number; sessions: string; reason: string }>(
    sql`SELECT station_id, start_date, end_date, closed, sessions, reason FROM station_exceptions
        WHERE station_id IN ${idList(ids)} AND end_date >= ${fromDate} ORDER BY id`,
  );
  for (const e of exceptions) {
    const x: HoursException = {
      startDate: e.start_date,
      endDate: e.end_date,
      closed: e.closed === 1,
      sessions: parseSessions(e.sessions),
      reason: e.reason,
    };
    out.get(e.station_id)?.exceptions.push(x);
  }
  return out;
}

function parseSessions(json: string): Session[] {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (s): s is Session => typeof s === 'object' && s !== null && typeof s.opens === 'string' && typeof s.closes === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * Stations with an exception covering today. Their status comes from the engine (several
 * exceptions may overlap; the engine picks the one in force); everyone else's from SQL.
 */
function exceptionsToday(clock: Clock, scope: StationScope): ExceptionToday {
  const db = getDb();
  const rows = db.all<StationCore>(
    sql`SELECT s.id, s.status, s.opening_date, s.status_reason FROM stations s
        WHERE ${scopeSql(scope)}
          AND s.id IN (SELECT station_id FROM station_exceptions WHERE start_date <= ${clock.today} AND end_date >= ${clock.today})`,
  );
  const schedules = loadSchedules(rows, clock.today);
  const openStation: number[] = [];
  const openCounter: number[] = [];
  for (const [id, schedule] of schedules) {
    if (isOpenAt(schedule, clock.calendar, clock.now, 'station')) openStation.push(id);
    if (isOpenAt(schedule, clock.calendar, clock.now, 'counter')) openCounter.push(id);
  }
  return { ids: rows.map((r) => r.id), openStation, openCounter };
}

/** "Open at this instant" for station `s`, exact: SQL for regular days, the engine's verdict for exception days. */
function openNowSql(clock: Clock, exc: ExceptionToday, scope: HoursScope): SQL {
  const scopeExpr =
    scope === 'counter'
      ? sql`(CASE WHEN EXISTS (SELECT 1 FROM station_hours c WHERE c.station_id = s.id AND c.scope = 'counter') THEN 'counter' ELSE 'station' END)`
      : sql`'station'`;
  const regular = clock.holiday
    ? sql`0`
    : sql`EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id AND h.scope = ${scopeExpr} AND h.weekday = ${clock.hoursWeekday}
           AND ${hhmmSql(sql`h.opens`)} <= ${clock.time} AND ${hhmmSql(sql`h.closes`)} > ${clock.time})`;
  const engineOpen = scope === 'counter' ? exc.openCounter : exc.openStation;
  return sql`(s.status <> 'suspended' AND NOT ${plannedSql(clock.today)} AND (
    s.id IN ${idList(engineOpen)} OR (s.id NOT IN ${idList(exc.ids)} AND ${regular})))`;
}

/** Any regular Monday–Friday session ending after 18:00 (same rule as opensEvenings). */
const EVENING_SQL = sql`EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id AND h.scope = 'station'
  AND h.weekday BETWEEN 1 AND 5 AND ${hhmmSql(sql`h.closes`)} > '18:00')`;

/** Any regular Saturday or Sunday session (same rule as opensWeekends). */
const WEEKEND_SQL = sql`EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id AND h.scope = 'station' AND h.weekday IN (6, 7))`;

type Dim = 'q' | 'street' | 'host' | 'service' | 'open' | 'evening' | 'weekend' | AdminDim;

/**
 * Who is looking: residents ('public') only ever see published stations; the admin list
 * ('admin') sees every publication state and may filter by it. Both go through the same
 * filter builder below, so a filter means the same thing on both sides.
 */
export type StationScope = 'public' | 'admin';

/** Filters only the admin list has (publication state, station status, stale details). */
export type AdminStationFilters = {
  publication: Publication | null;
  status: StationStatus | null;
  /** Details not verified for more than STALE_AFTER_DAYS days. */
  stale: boolean;
};
type AdminDim = 'pub' | 'status' | 'stale';

/**
 * `keyword`: a keyword's id list is the selective path, so the unary + keeps SQLite from walking
 * every published station through a publication index and testing each against the list.
 */
function scopeSql(scope: StationScope, keyword = false): SQL {
  if (scope !== 'public') return sql`1 = 1`;
  return keyword ? sql`+s.publication = 'published'` : sql`s.publication = 'published'`;
}

/** Computes on first use, then remembers (within one request). */
function once<T>(f: () => T): () => T {
  let cached: { value: T } | null = null;
  return () => (cached ??= { value: f() }).value;
}

/**
 * The per-request state of a search. The hours-based filters are worked out once as id sets
 * (each is one pass over the published stations) and then reused by the count, the page and
 * every facet count, instead of re-running correlated hours look-ups in each of them.
 */
type Filters = {
  scope: StationScope;
  values: StationSearchValues;
  /** Admin scope only. */
  admin: AdminStationFilters | null;
  today: string;
  keyword: SQL | null;
  openStation: () => number[];
  openCounter: () => number[];
  evening: () => number[];
  weekend: () => number[];
};

function makeFilters(values: StationSearchValues, clock: Clock, scope: StationScope = 'public', admin: AdminStationFilters | null = null): Filters {
  const db = getDb();
  const ids = (cond: SQL) =>
    db.all<{ id: number }>(sql`SELECT s.id FROM stations s WHERE ${scopeSql(scope)} AND ${cond}`).map((r) => r.id);
  const exc = once(() => exceptionsToday(clock, scope));
  return {
    scope,
    values,
    admin: scope === 'admin' ? admin : null,
    today: clock.today,
    keyword: matchingIdsSql('station', values.q),
    openStation: once(() => ids(openNowSql(clock, exc(), 'station'))),
    openCounter: once(() => ids(openNowSql(clock, exc(), 'counter'))),
    // Regular-hours filters: a station not open yet keeps no hours residents can use.
    evening: once(() => ids(sql`${EVENING_SQL} AND NOT ${plannedSql(clock.today)}`)),
    weekend: once(() => ids(sql`${WEEKEND_SQL} AND NOT ${plannedSql(clock.today)}`)),
  };
}

/**
 * Open now, for the service being looked for: a service done only at the counter needs the
 * counter open; self-service (or either) needs the station open.
 */
function openForServiceSql(f: Filters, modeColumn: SQL, stationColumn: SQL): SQL {
  return sql`(CASE WHEN ${modeColumn} = 'counter' THEN ${stationColumn} IN ${idList(f.openCounter())} ELSE ${stationColumn} IN ${idList(f.openStation())} END)`;
}

/** The WHERE clause with every active filter except `skip` (for facet counts). */
function whereSql(f: Filters, skip?: Dim): SQL {
  const v = f.values;
  const keyword = f.keyword && skip !== 'q' ? f.keyword : null;
  const parts: SQL[] = [scopeSql(f.scope, keyword !== null)];
  if (keyword) parts.push(sql`s.id IN (${keyword})`);
  if (v.street !== null && skip !== 'street') parts.push(sql`s.street_id = ${v.street}`);
  if (v.host && skip !== 'host') parts.push(sql`s.host_type = ${v.host}`);
  const service = skip === 'service' ? null : v.service;
  if (service !== null) {
    parts.push(sql`EXISTS (SELECT 1 FROM station_services ss WHERE ss.station_id = s.id AND ss.service_id = ${service})`);
  }
  if (v.open && skip !== 'open') {
    parts.push(
      service !== null
        ? sql`EXISTS (SELECT 1 FROM station_services so WHERE so.station_id = s.id AND so.service_id = ${service}
                AND ${openForServiceSql(f, sql`so.mode`, sql`so.station_id`)})`
        : sql`s.id IN ${idList(f.openStation())}`,
    );
  }
  if (v.evening && skip !== 'evening') parts.push(sql`s.id IN ${idList(f.evening())}`);
  if (v.weekend && skip !== 'weekend') parts.push(sql`s.id IN ${idList(f.weekend())}`);
  const a = f.admin;
  if (a) {
    if (a.publication && skip !== 'pub') parts.push(sql`s.publication = ${a.publication}`);
    if (a.status && skip !== 'status') parts.push(sql`s.status = ${a.status}`);
    if (a.stale && skip !== 'stale') parts.push(sql`s.last_verified_on < ${addDays(f.today, -STALE_AFTER_DAYS)}`);
  }
  return sql.join(parts, sql` AND `);
}

function count(where: SQL): number {
  return getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM stations s WHERE ${where}`)?.n ?? 0;
}

function countBy(column: SQL, where: SQL): Map<string, number> {
  const rows = getDb().all<{ k: string | number; n: number }>(
    sql`SELECT ${column} AS k, count(*) AS n FROM stations s WHERE ${where} GROUP BY ${column}`,
  );
  return new Map(rows.map((r) => [String(r.k), r.n]));
}

// ---------------------------------------------------------------------------
// Look-ups for validation and labels
// ---------------------------------------------------------------------------

type Named = { id: number; name: string };

function listStreets(): (Named & LatLng)[] {
  return getDb().all<Named & LatLng>(sql`SELECT id, name, lat, lng FROM streets ORDER BY sort, id`);
}

function listLandmarks(): (Named & LatLng)[] {
  return getDb().all<Named & LatLng>(sql`SELECT id, name, lat, lng FROM places WHERE kind = 'landmark' ORDER BY id`);
}

function listServices(): (Named & { category: string })[] {
  // Category order follows the first service of each category in catalogue order.
  return getDb().all<Named & { category: string }>(sql`SELECT id, name, category FROM services ORDER BY sort, id`);
}

type ResolvedOrigin = { kind: 'device' | 'near'; label: string; at: LatLng } | null;

function resolveOrigin(
  v: StationSearchValues,
  streets: (Named & LatLng)[],
  landmarks: (Named & LatLng)[],
): { origin: ResolvedOrigin; bad: boolean } {
  const choice = originOf(v);
  if (!choice) return { origin: null, bad: false };
  if (choice.kind === 'device') return { origin: { kind: 'device', label: L.myLocation, at: { lat: choice.lat, lng: choice.lng } }, bad: false };
  const id = Number(choice.key.slice(1));
  const found = choice.key.startsWith('s') ? streets.find((s) => s.id === id) : landmarks.find((p) => p.id === id);
  if (!found) return { origin: null, bad: true };
  return { origin: { kind: 'near', label: found.name, at: { lat: found.lat, lng: found.lng } }, bad: false };
}

// ---------------------------------------------------------------------------
// The finder
// ---------------------------------------------------------------------------

type ListRow = StationCore & {
  name: string;
  host_type: HostType;
  host_name: string;
  address: string;
  street_name: string;
  phone: string;
  lat: number;
  lng: number;
  has_window: number;
  has_self_service: number;
  has_ai_avatar: number;
  is_accessible: number;
};

function facilitiesOf(r: { has_window: number; has_self_service: number; has_ai_avatar: number; is_accessible: number }): string[] {
  const on: Record<FacilityKey, boolean> = {
    window: r.has_window === 1,
    self: r.has_self_service === 1,
    ai: r.has_ai_avatar === 1,
    accessible: r.is_accessible === 1,
  };
  return (Object.keys(on) as FacilityKey[]).filter((k) => on[k]).map((k) => FACILITY_LABELS[k]);
}

function distanceOf(from: LatLng, to: LatLng): StationDistance {
  const metres = distanceMetres(from, to);
  const minutes = walkingMinutes(metres);
  return { metres: Math.round(metres), minutes, text: formatDistance(metres), within15: minutes <= 15 };
}

/**
 * Squared distance in metres² from `at`, by the flat-earth approximation (exact enough inside
 * one district, and cheap enough to sort thousands of rows in SQL).
 */
function distanceSquaredSql(at: LatLng): SQL {
  const kLat = 111_320;
  const kLng = 111_320 * Math.cos((at.lat * Math.PI) / 180);
  return sql`(((s.lat - ${at.lat}) * ${kLat}) * ((s.lat - ${at.lat}) * ${kLat}) + ((s.lng - ${at.lng}) * ${kLng}) * ((s.lng - ${at.lng}) * ${kLng}))`;
}

type ResolvedPoint = NonNullable<ResolvedOrigin>;

/** What a search keeps between pages: everything but the page's own rows. */
type ListedStations = {
  /** Every match, in the list's order. */
  ids: number[];
  facets: Record<string, FacetOption[]>;
  serviceGroups: ServiceGroup[];
  widen: StationSearchResult['widen'];
  within15: number | null;
};

/** Ordered matches and facet counts per filters, origin and minute (see searchStations). */
const listCache = stampedCache<ListedStations>(200);

function stationChips(
  values: StationSearchValues,
  streets: (Named & LatLng)[],
  serviceName: string | null,
  origin: ResolvedOrigin,
): Chip[] {
  const chips: Chip[] = [];
  if (values.q.trim()) chips.push({ key: 'q', label: L.keyword(values.q.trim()) });
  if (values.street !== null) chips.push({ key: 'street', label: streets.find((s) => s.id === values.street)?.name ?? '' });
  if (values.host) chips.push({ key: 'host', label: HOST_TYPE_LABELS[values.host] });
  if (serviceName) chips.push({ key: 'service', label: L.service(serviceName) });
  if (values.open) chips.push({ key: 'open', label: L.open });
  if (values.evening) chips.push({ key: 'evening', label: L.evening });
  if (values.weekend) chips.push({ key: 'weekend', label: L.weekend });
  if (origin) chips.push({ key: origin.kind === 'near' ? 'near' : 'lat', label: L.origin(origin.label) });
  return chips;
}

/**
 * The matches in the list's order (operating before planned; by distance from the origin, else
 * by 街镇 and name), as ids only, with every facet count, the widen offers and the 15-minute count.
 */
function listStations(
  f: Filters,
  where: SQL,
  clock: Clock,
  origin: ResolvedPoint | null,
  services: (Named & { category: string })[],
  streets: (Named & LatLng)[],
  chips: Chip[],
): ListedStations {
  const db = getDb();
  const values = f.values;
  const planned = plannedSql(clock.today);
  const order = origin
    ? sql`${planned}, ${distanceSquaredSql(origin.at)}, s.id`
    : sql`${planned}, st.sort, s.name, s.id`;
  const ids = db
    .all<{ id: number }>(sql`SELECT s.id FROM stations s JOIN streets st ON st.id = s.street_id WHERE ${where} ORDER BY ${order}`)
    .map((r) => r.id);

  // Facets: each counted with every other filter applied.
  const streetCounts = countBy(sql`s.street_id`, whereSql(f, 'street'));
  const hostCounts = countBy(sql`s.host_type`, whereSql(f, 'host'));
  const serviceWhere = whereSql(f, 'service');
  const serviceRows = db.all<{ k: number; n: number }>(
    values.open
      ? sql`SELECT ss.service_id AS k, count(*) AS n FROM station_services ss JOIN stations s ON s.id = ss.station_id
            WHERE ${serviceWhere} AND ${openForServiceSql(f, sql`ss.mode`, sql`ss.station_id`)} GROUP BY ss.service_id`
      : sql`SELECT ss.service_id AS k, count(*) AS n FROM station_services ss JOIN stations s ON s.id = ss.station_id
            WHERE ${serviceWhere} GROUP BY ss.service_id`,
  );
  const serviceCounts = new Map(serviceRows.map((r) => [r.k, r.n]));
  const withToggle = (dim: 'open' | 'evening' | 'weekend'): number =>
    count(whereSql({ ...f, values: { ...values, [dim]: true } }, undefined));

  const serviceGroups: ServiceGroup[] = [];
  for (const s of services) {
    let group = serviceGroups.find((g) => g.category === s.category);
    if (!group) {
      group = { category: s.category, options: [] };
      serviceGroups.push(group);
    }
    group.options.push({ value: String(s.id), label: s.name, count: serviceCounts.get(s.id) ?? 0 });
  }

  const facets: Record<string, FacetOption[]> = {
    street: streets.map((s) => ({ value: String(s.id), label: s.name, count: streetCounts.get(String(s.id)) ?? 0 })),
    host: HOST_TYPES.map((h) => ({ value: h, label: HOST_TYPE_LABELS[h], count: hostCounts.get(h) ?? 0 })),
    service: serviceGroups.flatMap((g) => g.options),
    open: [{ value: '1', label: L.open, count: withToggle('open') }],
    evening: [{ value: '1', label: L.evening, count: withToggle('evening') }],
    weekend: [{ value: '1', label: L.weekend, count: withToggle('weekend') }],
  };

  // Dropping a location never finds more (it only sorts), so it is not offered.
  const widen: StationSearchResult['widen'] = [];
  if (ids.length === 0) {
    for (const c of chips) {
      if (c.key === 'near' || c.key === 'lat') continue;
      const n = count(whereSql(f, c.key as Dim));
      if (n > 0) widen.push({ ...c, count: n });
    }
  }

  let within15: number | null = null;
  if (origin) {
    // walkingMinutes rounds, so a row reads "约 15 分钟" up to half a minute's walk beyond 1.2 km.
    const reach = FIFTEEN_MINUTE_METRES + WALK_METRES_PER_MINUTE / 2;
    within15 = count(sql`${where} AND NOT ${planned} AND ${distanceSquaredSql(origin.at)} < ${reach * reach}`);
  }

  return { ids, facets, serviceGroups, widen, within15 };
}

/** Public: the resident station finder (page, read action). Published stations only. */
export function searchStations(input: StationSearchInput, now: Date = new Date()): StationSearchResult {
  const db = getDb();
  const invalid = new Set<StationSearchKey>(input.invalid);
  const values: StationSearchValues = { ...input.values };

  const streets = listStreets();
  const landmarks = listLandmarks();
  const services = listServices();

  if (values.street !== null && !streets.some((s) => s.id === values.street)) {
    invalid.add('street');
    values.street = null;
  }
  if (values.service !== null && !services.some((s) => s.id === values.service)) {
    invalid.add('service');
    values.service = null;
  }
  const { origin, bad } = resolveOrigin(values, streets, landmarks);
  if (bad) {
    invalid.add('near');
    values.near = null;
  }
  if (!origin || origin.kind !== 'device') {
    values.lat = null;
    values.lng = null;
  }

  const clock = clockAt(now);
  const f = makeFilters(values, clock);

  // Everything but the page itself (the ordered ids, facets, widen, the 15-minute count) depends
  // only on the filters, the origin and the minute: paging and repeated searches reuse it until
  // the minute turns or the database changes. Page 500 is then a slice plus ten look-ups by id.
  const originKey = origin ? `${origin.at.lat},${origin.at.lng}` : '';
  const cacheKey = `${clock.today}T${clock.time}|${originKey}|${stationSearchQuery({ ...values, page: 1 })}`;
  const serviceName = values.service !== null ? (services.find((s) => s.id === values.service)?.name ?? null) : null;
  const chips = stationChips(values, streets, serviceName, origin);
  let listed = listCache.get(cacheKey);
  if (!listed) {
    // Built only on a miss: "open now" and the hours filters run queries of their own.
    listed = listStations(f, whereSql(f), clock, origin, services, streets, chips);
    listCache.set(cacheKey, listed);
  }
  const { ids, facets, serviceGroups, widen, within15 } = listed;
  const total = ids.length;
  const { pageCount, page, offset } = pageWindow(total, values.page, STATION_PAGE_SIZE);
  values.page = page;

  const pageIds = ids.slice(offset, offset + STATION_PAGE_SIZE);
  const byId = new Map(
    (pageIds.length === 0
      ? []
      : db.all<ListRow>(
          sql`SELECT s.id, s.name, s.host_type, s.host_name, s.address, s.phone, s.lat, s.lng, s.status, s.opening_date,
                     s.status_reason, s.has_window, s.has_self_service, s.has_ai_avatar, s.is_accessible, st.name AS street_name
              FROM stations s JOIN streets st ON st.id = s.street_id
              WHERE s.id IN ${idList(pageIds)}`,
        )
    ).map((r) => [r.id, r]),
  );
  const rows = pageIds.map((id) => byId.get(id)).filter((r): r is ListRow => r !== undefined);

  const schedules = loadSchedules(rows, addDays(clock.today, -7));
  const modes = new Map<number, ServiceMode>();
  if (values.service !== null && rows.length > 0) {
    const modeRows = db.all<{ station_id: number; mode: ServiceMode }>(
      sql`SELECT station_id, mode FROM station_services WHERE service_id = ${values.service} AND station_id IN ${idList(rows.map((r) => r.id))}`,
    );
    for (const m of modeRows) modes.set(m.station_id, m.mode);
  }

  const items = rows.map((r): StationListItem => {
    const schedule = schedules.get(r.id)!;
    const mode = modes.get(r.id) ?? null;
    const scope: HoursScope = mode === 'counter' && hasCounterHours(schedule) ? 'counter' : 'station';
    const state = openState(schedule, clock.calendar, now, scope);
    return {
      id: r.id,
      name: r.name,
      hostTypeLabel: HOST_TYPE_LABELS[r.host_type],
      hostName: r.host_name,
      address: r.address,
      streetName: r.street_name,
      phone: r.phone,
      planned: state.label === '即将开放',
      status: { open: state.open, label: state.label, text: state.text, scope },
      distance: origin ? distanceOf(origin.at, { lat: r.lat, lng: r.lng }) : null,
      service: mode && serviceName ? { name: serviceName, mode, modeLabel: SERVICE_MODE_LABELS[mode] } : null,
      facilities: facilitiesOf(r),
      at: { lat: r.lat, lng: r.lng },
    };
  });

  return {
    items,
    total,
    page,
    pageCount,
    pageSize: STATION_PAGE_SIZE,
    facets,
    chips,
    notice: invalid.size > 0 ? common.invalidParams : null,
    query: stationSearchQuery(values),
    values: { ...values, page },
    serviceGroups,
    origins: {
      streets: streets.map((s) => ({ value: `s${s.id}`, label: s.name })),
      places: landmarks.map((p) => ({ value: `p${p.id}`, label: p.name })),
    },
    origin: origin ? { kind: origin.kind, label: origin.label } : null,
    within15,
    widen,
    clock: `${monthDayWeekday(clock.today)}${formatClock(clock.minutes)}`,
  };
}

// ---------------------------------------------------------------------------
// The admin list: the same filter builder in admin scope (any publication state)
// ---------------------------------------------------------------------------

export const ADMIN_STATION_PAGE_SIZE = 20;

export type AdminStationItem = {
  id: number;
  name: string;
  streetName: string;
  hostTypeLabel: string;
  publication: Publication;
  stationStatus: StationStatus;
  status: StationStatusView;
  lastVerifiedOn: string;
  stale: boolean;
  updatedAt: number;
};

export type AdminStationSearch = {
  items: AdminStationItem[];
  total: number;
  page: number;
  pageCount: number;
  streets: OriginOption[];
  serviceGroups: ServiceGroup[];
  /** How many stations are in each publication state with the other filters applied. */
  publicationCounts: Record<string, number>;
  staleCount: number;
  today: string;
};

/**
 * Admin: the station list with the finder's filters plus publication state, station status
 * and "not verified for 90 days". Callers check permissions; `onlyStationId` limits the list
 * to one station (a 驿站 account's own).
 */
export function searchAdminStations(
  values: StationSearchValues,
  admin: AdminStationFilters,
  opts: { onlyStationId?: number | null; now?: Date } = {},
): AdminStationSearch {
  const db = getDb();
  const now = opts.now ?? new Date();
  const clock = clockAt(now);
  const v: StationSearchValues = { ...values, near: null, lat: null, lng: null };
  const f = makeFilters(v, clock, 'admin', admin);
  const only = opts.onlyStationId != null ? sql` AND s.id = ${opts.onlyStationId}` : sql``;
  const where = sql`${whereSql(f)}${only}`;
  const total = count(where);
  const { pageCount, page, offset } = pageWindow(total, v.page, ADMIN_STATION_PAGE_SIZE);
  const rows = db.all<ListRow & { publication: Publication; last_verified_on: string; updated_at: number }>(
    sql`SELECT s.id, s.name, s.host_type, s.host_name, s.address, s.phone, s.lat, s.lng, s.status, s.opening_date,
               s.status_reason, s.has_window, s.has_self_service, s.has_ai_avatar, s.is_accessible, st.name AS street_name,
               s.publication, s.last_verified_on, s.updated_at
        FROM stations s JOIN streets st ON st.id = s.street_id
        WHERE ${where} ORDER BY st.sort, s.name, s.id LIMIT ${ADMIN_STATION_PAGE_SIZE} OFFSET ${offset}`,
  );
  const schedules = loadSchedules(rows, addDays(clock.today, -7));
  const items = rows.map((r): AdminStationItem => {
    const state = openState(schedules.get(r.id)!, clock.calendar, now, 'station');
    return {
      id: r.id,
      name: r.name,
      streetName: r.street_name,
      hostTypeLabel: HOST_TYPE_LABELS[r.host_type],
      publication: r.publication,
      stationStatus: r.status,
      status: { open: state.open, label: state.label, text: state.text, scope: 'station' },
      lastVerifiedOn: r.last_verified_on,
      stale: daysBetween(r.last_verified_on, clock.today) > STALE_AFTER_DAYS,
      updatedAt: r.updated_at,
    };
  });
  const pubRows = db.all<{ k: string; n: number }>(
    sql`SELECT s.publication AS k, count(*) AS n FROM stations s WHERE ${whereSql(f, 'pub')}${only} GROUP BY s.publication`,
  );
  const serviceGroups: ServiceGroup[] = [];
  for (const s of listServices()) {
    let group = serviceGroups.find((g) => g.category === s.category);
    if (!group) {
      group = { category: s.category, options: [] };
      serviceGroups.push(group);
    }
    group.options.push({ value: String(s.id), label: s.name, count: 0 });
  }
  return {
    items,
    total,
    page,
    pageCount,
    streets: listStreets().map((s) => ({ value: String(s.id), label: s.name })),
    serviceGroups,
    publicationCounts: Object.fromEntries(pubRows.map((r) => [r.k, r.n])),
    staleCount: count(sql`${whereSql({ ...f, admin: { ...admin, stale: true } })}${only}`),
    today: clock.today,
  };
}

// ---------------------------------------------------------------------------
// Station page
// ---------------------------------------------------------------------------

export type WeekRowView = { date: string; weekdayName: string; display: string; isToday: boolean; note: string | null };

/** A row of the regular week (no dates): what a planned station will keep once it opens. */
export type RegularRowView = { weekday: number; weekdayName: string; display: string };

export type StationDetail = {
  id: number;
  name: string;
  hostTypeLabel: string;
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
  changes: { text: string; startDate: string; endDate: string; closed: boolean }[];
  services: { category: string; items: { name: string; mode: ServiceMode; modeMark: string; modeLabel: string; online: boolean }[] }[];
  onlineServices: string[];
  facilities: string[];
  navigationUrl: string;
  /** WGS-84 and GCJ-02 coordinates, for residents who type them into a map app. */
  coordinates: { wgs84: LatLng; gcj02: LatLng };
  lastVerifiedOn: string;
  lastVerifiedText: string;
  /** Not checked for over 90 days: residents are asked to phone first. */
  verifiedLongAgo: boolean;
  today: string;
};

/** Public: one published station for its page; null when unknown or not published. */
export function getStationDetail(id: number, now: Date = new Date()): StationDetail | null {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = getDb();
  const r = db.get<
    ListRow & { directions: string; last_verified_on: string }
  >(
    sql`SELECT s.id, s.name, s.host_type, s.host_name, s.address, s.phone, s.lat, s.lng, s.status, s.opening_date,
               s.status_reason, s.has_window, s.has_self_service, s.has_ai_avatar, s.is_accessible, s.directions,
               s.last_verified_on, st.name AS street_name
        FROM stations s JOIN streets st ON st.id = s.street_id
        WHERE s.id = ${id} AND s.publication = 'published'`,
  );
  if (!r) return null;

  const clock = clockAt(now);
  const schedule = loadSchedules([r], addDays(clock.today, -7)).get(r.id)!;
  const state = openState(schedule, clock.calendar, now, 'station');
  const counter = hasCounterHours(schedule);
  const counterState = counter ? openState(schedule, clock.calendar, now, 'counter') : null;

  const stationDays = weekTable(schedule, clock.calendar, clock.today, 'station');
  const toRows = (scope: HoursScope): WeekRowView[] =>
    (scope === 'station' ? stationDays : weekTable(schedule, clock.calendar, clock.today, scope)).map((d) => ({
      date: d.date,
      weekdayName: d.weekdayName,
      display: d.display,
      isToday: d.isToday,
      note: d.note,
    }));
  const week = toRows('station');
  const counterRows = counter ? toRows('counter') : null;
  const counterWeek = counterRows && counterRows.some((row, i) => row.display !== week[i]?.display) ? counterRows : null;

  const changes = upcomingChanges(schedule, clock.calendar, clock.today, 30).map((c) => ({
    text: c.text,
    startDate: c.startDate,
    endDate: c.endDate,
    closed: c.closed,
  }));
  const weekNotes: string[] = [];
  for (const d of stationDays) {
    if (!d.fullReason || changes.some((c) => c.text.includes(d.fullReason!))) continue;
    if (!weekNotes.includes(d.fullReason)) weekNotes.push(d.fullReason);
  }
  const toRegular = (scope: HoursScope): RegularRowView[] =>
    regularWeek(schedule, scope).map((d) => ({ weekday: d.weekday, weekdayName: d.weekdayName, display: d.display }));
  const regular = toRegular('station');
  const counterRegular = counter ? toRegular('counter') : null;

  const serviceRows = db.all<{ name: string; category: string; online: number; mode: ServiceMode }>(
    sql`SELECT sv.name, sv.category, sv.online, ss.mode FROM station_services ss JOIN services sv ON sv.id = ss.service_id
        WHERE ss.station_id = ${r.id} ORDER BY sv.sort, sv.id`,
  );
  const groups: StationDetail['services'] = [];
  for (const s of serviceRows) {
    let g = groups.find((x) => x.category === s.category);
    if (!g) {
      g = { category: s.category, items: [] };
      groups.push(g);
    }
    g.items.push({ name: s.name, mode: s.mode, modeMark: SERVICE_MODE_MARKS[s.mode], modeLabel: SERVICE_MODE_LABELS[s.mode], online: s.online === 1 });
  }

  const at = { lat: r.lat, lng: r.lng };
  const gcj = toGcj02(at);
  return {
    id: r.id,
    name: r.name,
    hostTypeLabel: HOST_TYPE_LABELS[r.host_type],
    hostName: r.host_name,
    streetName: r.street_name,
    address: r.address,
    phone: r.phone,
    directions: r.directions,
    planned: state.label === '即将开放',
    openingDate: r.opening_date,
    suspendedReason: r.status === 'suspended' ? (r.status_reason ?? '') : null,
    status: { open: state.open, label: state.label, text: state.text, scope: 'station' },
    counterStatus: counterState
      ? { open: counterState.open, label: counterState.label, text: counterState.text, scope: 'counter' }
      : null,
    week,
    counterWeek,
    weekNotes,
    regularWeek: regular,
    counterRegularWeek:
      counterRegular && counterRegular.some((row, i) => row.display !== regular[i]?.display) ? counterRegular : null,
    changes,
    services: groups,
    onlineServices: serviceRows.filter((s) => s.online === 1).map((s) => s.name),
    facilities: facilitiesOf(r),
    navigationUrl: amapNavigationUrl(at, r.name),
    coordinates: { wgs84: at, gcj02: { lat: Number(gcj.lat.toFixed(6)), lng: Number(gcj.lng.toFixed(6)) } },
    lastVerifiedOn: r.last_verified_on,
    lastVerifiedText: fullDate(r.last_verified_on),
    verifiedLongAgo: daysBetween(r.last_verified_on, clock.today) > STALE_AFTER_DAYS,
    today: clock.today,
  };
}
