import 'server-only';
/**
 * Reads behind the open-data API, the CSV downloads, JSON-LD and the sitemap. Published rows
 * only, always: every query below states `publication = 'published'` itself or goes through the
 * public course builder / a fair scope fixed to published. Filters reuse the list pages' SQL
 * (courseFilterSql, fairConditions, the search index) so the API finds what the pages find.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { fairs, places, streets, type FairStatus, type FairType, type HoursScope, type PayUnit, type Recurrence, type ServiceMode, type Session } from '@/db/schema';
import { matchingIdsSql } from '@/db/search';
import { RUN_STATUSES } from '@/db/domain/course-run';
import { beijingLocal } from '@/db/domain/fair-dates';
import {
  makeCalendar,
  openState,
  upcomingChanges,
  weekTable,
  type CalendarEntry,
  type DistrictCalendar,
  type HoursException,
  type StationSchedule,
  type WeeklySession,
} from '@/db/domain/hours';
import {
  EXCEPTION_DAYS,
  courseToApi,
  fairToApi,
  positionToApi,
  runToApi,
  serviceToApi,
  stationDetailToApi,
  stationToApi,
  type ApiCourse,
  type ApiCourseDetail,
  type ApiFair,
  type ApiFairDetail,
  type ApiParams,
  type ApiRun,
  type ApiStation,
  type ApiStationDetail,
  type CourseRow,
  type FairRow,
  type PlaceOut,
  type RunRow,
  type StationRow,
} from '@/db/domain/open-data';
import { addDays, beijingNow } from '@/db/domain/time';
import { courseFilterSql, getCourseDetail } from '@/db/queries/courses';
import { NO_FAIRS, fairConditions, fairOrder } from '@/db/queries/fairs/sql';
import { fairListColumns } from '@/db/queries/fairs/cards';
import type { CourseSearchValues } from '@/db/validation/course-search';

export type Paging = { page: number; perPage: number } | 'all';
type Listed<T> = { items: T[]; total: number };

function slice(paging: Paging): SQL {
  return paging === 'all' ? sql`` : sql`LIMIT ${paging.perPage} OFFSET ${(paging.page - 1) * paging.perPage}`;
}

/** Whether a 街镇 id exists (an unknown one is a bad parameter, not an empty list). */
export function streetExists(id: number): boolean {
  return getDb().select({ id: streets.id }).from(streets).where(eq(streets.id, id)).get() !== undefined;
}

function idList(ids: readonly number[]): SQL {
  return sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

// ---------------------------------------------------------------------------
// Stations
// ---------------------------------------------------------------------------

const STATION_COLUMNS = sql`s.id, s.name, s.host_type, s.host_name, s.street_id, st.name AS street_name, s.address, s.phone, s.lat, s.lng,
  s.status, s.opening_date, s.status_reason, s.has_window, s.has_self_service, s.has_ai_avatar, s.is_accessible,
  s.last_verified_on, s.directions`;

function loadCalendar(today: string): DistrictCalendar {
  const rows = getDb().all<{ date: string; kind: 'holiday' | 'workday'; name: string; as_weekday: number | null }>(
    sql`SELECT date, kind, name, as_weekday FROM calendar_days WHERE date BETWEEN ${addDays(today, -7)} AND ${addDays(today, EXCEPTION_DAYS + 62)}`,
  );
  return makeCalendar(rows.map((r): CalendarEntry => ({ date: r.date, kind: r.kind, name: r.name, asWeekday: r.as_weekday })));
}

function parseSessions(json: string): Session[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v)
      ? v.filter((s): s is Session => typeof s === 'object' && s !== null && typeof s.opens === 'string' && typeof s.closes === 'string')
      : [];
  } catch {
    return [];
  }
}

function loadSchedules(rows: readonly StationRow[], fromDate: string): Map<number, StationSchedule> {
  const out = new Map<number, StationSchedule>();
  if (rows.length === 0) return out;
  for (const r of rows) out.set(r.id, { status: r.status, openingDate: r.opening_date, statusReason: r.status_reason, hours: [], exceptions: [] });
  const ids = idList(rows.map((r) => r.id));
  const db = getDb();
  for (const h of db.all<{ station_id: number; scope: HoursScope; weekday: number; opens: string; closes: string }>(
    sql`SELECT station_id, scope, weekday, opens, closes FROM station_hours WHERE station_id IN ${ids} ORDER BY station_id, scope, weekday, opens`,
  )) {
    out.get(h.station_id)?.hours.push({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes } satisfies WeeklySession);
  }
  for (const e of db.all<{ station_id: number; start_date: string; end_date: string; closed: number; sessions: string; reason: string }>(
    sql`SELECT station_id, start_date, end_date, closed, sessions, reason FROM station_exceptions
        WHERE station_id IN ${ids} AND end_date >= ${fromDate} ORDER BY start_date, id`,
  )) {
    out.get(e.station_id)?.exceptions.push({
      startDate: e.start_date,
      endDate: e.end_date,
      closed: e.closed === 1,
      sessions: parseSessions(e.sessions),
      reason: e.reason,
    } satisfies HoursException);
  }
  return out;
}

export function listApiStations(v: ApiParams<'stations'>, paging: Paging, base: string, now: Date = new Date()): Listed<ApiStation> {
  const keyword = matchingIdsSql('station', v.q);
  // With a keyword its id list drives; the unary + keeps the publication index out of the way.
  const conds: SQL[] = [keyword ? sql`+s.publication = 'published'` : sql`s.publication = 'published'`];
  if (keyword) conds.push(sql`s.id IN (${keyword})`);
  if (v.street !== null) conds.push(sql`s.street_id = ${v.street}`);
  if (v.host_type !== null) conds.push(sql`s.host_type = ${v.host_type}`);
  if (v.service !== null) conds.push(sql`s.id IN (SELECT station_id FROM station_services WHERE service_id = ${v.service})`);
  const rows = getDb().all<StationRow>(
    sql`SELECT ${STATION_COLUMNS} FROM stations s JOIN streets st ON st.id = s.street_id WHERE ${sql.join(conds, sql` AND `)} ORDER BY st.sort, st.id, s.id`,
  );
  // Open-now is the hours engine's answer (exceptions, holidays, 调休) for every match.
  const today = beijingNow(now).date;
  const calendar = loadCalendar(today);
  const schedules = loadSchedules(rows, today);
  let items = rows.map((r) => stationToApi(r, openState(schedules.get(r.id)!, calendar, now, 'station'), base));
  if (v.open_now !== null) items = items.filter((s) => s.open_now === v.open_now);
  const total = items.length;
  if (paging !== 'all') items = items.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage);
  return { items, total };
}

export function getApiStation(id: number, base: string, now: Date = new Date()): { detail: ApiStationDetail; today: string } | null {
  const db = getDb();
  const r = db.get<StationRow>(
    sql`SELECT ${STATION_COLUMNS} FROM stations s JOIN streets st ON st.id = s.street_id WHERE s.id = ${id} AND s.publication = 'published'`,
  );
  if (!r) return null;
  const today = beijingNow(now).date;
  const calendar = loadCalendar(today);
  const schedule = loadSchedules([r], today).get(r.id)!;
  const services = db
    .all<{ id: number; name: string; category: string; mode: ServiceMode; online: number }>(
      sql`SELECT sv.id, sv.name, sv.category, ss.mode, sv.online FROM station_services ss JOIN services sv ON sv.id = ss.service_id
          WHERE ss.station_id = ${r.id} ORDER BY sv.sort, sv.id`,
    )
    .map(serviceToApi);
  const detail = stationDetailToApi(stationToApi(r, openState(schedule, calendar, now, 'station'), base), {
    directions: r.directions,
    hours: schedule.hours,
    exceptions: schedule.exceptions,
    changes: upcomingChanges(schedule, calendar, today, EXCEPTION_DAYS),
    days: weekTable(schedule, calendar, today, 'station'),
    services,
    today,
    until: addDays(today, EXCEPTION_DAYS - 1),
  });
  return { detail, today };
}

// ---------------------------------------------------------------------------
// Courses and runs
// ---------------------------------------------------------------------------

const RUNS_FROM = sql`FROM course_runs r JOIN courses c ON c.id = r.course_id JOIN places tp ON tp.id = r.theory_place_id`;

/** The course list's filter values for the public builder; every run status unless some are asked for. */
function courseValues(v: {
  q: string;
  occupation: number | null;
  level: number[];
  street: number | null;
  cost: CourseSearchValues['cost'];
  status?: CourseSearchValues['status'];
}): CourseSearchValues {
  return {
    q: v.q,
    occupation: v.occupation,
    level: v.level,
    street: v.street,
    cost: v.cost,
    dual: false,
    group: null,
    start: 'any',
    // All statuses: the API lists past runs too (the page's default hides runs that have begun).
    status: v.status && v.status.length > 0 ? v.status : [...RUN_STATUSES],
    sort: 'start',
    from: null,
    page: 1,
  };
}

export function listApiCourses(v: ApiParams<'courses'>, paging: Paging, base: string, now: Date = new Date()): Listed<ApiCourse> {
  const today = beijingNow(now).date;
  const filtered = v.q !== '' || v.occupation !== null || v.level.length > 0 || v.street !== null || v.cost.length > 0;
  const where = filtered
    ? // The filtered id list drives (rowid look-ups); + keeps the publication index out of the way.
      sql`+c.publication = 'published' AND c.id IN (SELECT r.course_id ${RUNS_FROM} WHERE ${courseFilterSql(courseValues(v), today, { kind: 'public' })})`
    : sql`c.publication = 'published'`;
  const db = getDb();
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM courses c WHERE ${where}`)?.n ?? 0;
  const rows = db.all<CourseRow>(sql`
    SELECT c.id, c.title, c.occupation_id, o.name AS occupation_name, c.level, c.provider_id, p.name AS provider_name,
      c.summary, c.duration_days, c.published_at,
      (SELECT COUNT(*) FROM course_runs r WHERE r.course_id = c.id AND r.publication = 'published') AS runs_count,
      (SELECT MIN(r.start_date) FROM course_runs r WHERE r.course_id = c.id AND r.publication = 'published' AND r.start_date > ${today}) AS next_start_date
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    WHERE ${where} ORDER BY c.id ${slice(paging)}`);
  return { items: rows.map((r) => courseToApi(r, base)), total };
}

type RunSqlRow = Omit<RunRow, 'theory' | 'practice'> & {
  t_name: string;
  t_address: string;
  t_street: string | null;
  t_lat: number;
  t_lng: number;
  p_name: string | null;
  p_address: string | null;
  p_street: string | null;
  p_lat: number | null;
  p_lng: number | null;
};

const RUN_COLUMNS = sql`r.id, r.course_id, c.title AS course_title, r.label, r.start_date, r.end_date, r.class_days, r.daily_start, r.daily_end,
  r.seats, r.seats_left, r.deadline, r.cost_type, r.fee, r.subsidy, r.contact_name, r.contact_phone, r.note,
  tp.name AS t_name, tp.address AS t_address, ts.name AS t_street, tp.lat AS t_lat, tp.lng AS t_lng,
  pp.name AS p_name, pp.address AS p_address, ps.name AS p_street, pp.lat AS p_lat, pp.lng AS p_lng`;
const RUN_JOINS = sql`LEFT JOIN streets ts ON ts.id = tp.street_id LEFT JOIN places pp ON pp.id = r.practice_place_id LEFT JOIN streets ps ON ps.id = pp.street_id`;

function runRowOf(r: RunSqlRow, certs: Map<number, RunRow['certificates']>, groups: Map<number, string[]>): RunRow {
  const { t_name, t_address, t_street, t_lat, t_lng, p_name, p_address, p_street, p_lat, p_lng, ...rest } = r;
  const practice: PlaceOut | null =
    p_name !== null && p_lat !== null && p_lng !== null ? { name: p_name, address: p_address ?? '', street: p_street, lat: p_lat, lng: p_lng } : null;
  return {
    ...rest,
    theory: { name: t_name, address: t_address, street: t_street, lat: t_lat, lng: t_lng },
    practice,
    certificates: certs.get(r.id) ?? [],
    target_groups: groups.get(r.id) ?? [],
  };
}

function runExtras(ids: number[]) {
  const certs = new Map<number, RunRow['certificates']>();
  const groups = new Map<number, string[]>();
  if (ids.length === 0) return { certs, groups };
  const db = getDb();
  for (const k of db.all<{ run_id: number; kind: string; name: string; issuer: string }>(
    sql`SELECT run_id, kind, name, issuer FROM run_certificates WHERE run_id IN ${idList(ids)} ORDER BY run_id, kind DESC, id`,
  )) {
    certs.set(k.run_id, [...(certs.get(k.run_id) ?? []), { kind: k.kind, name: k.name, issuer: k.issuer }]);
  }
  for (const g of db.all<{ run_id: number; name: string }>(
    sql`SELECT rg.run_id, t.name FROM run_target_groups rg JOIN target_groups t ON t.code = rg.group_code WHERE rg.run_id IN ${idList(ids)} ORDER BY t.sort, t.code`,
  )) {
    groups.set(g.run_id, [...(groups.get(g.run_id) ?? []), g.name]);
  }
  return { certs, groups };
}

export function listApiRuns(v: ApiParams<'runs'>, paging: Paging, base: string, now: Date = new Date()): Listed<ApiRun> {
  const today = beijingNow(now).date;
  const extra: SQL[] = [];
  if (v.course !== null) extra.push(sql`r.course_id = ${v.course}`);
  if (v.start_from !== null) extra.push(sql`r.start_date >= ${v.start_from}`);
  if (v.start_to !== null) extra.push(sql`r.start_date <= ${v.start_to}`);
  const where = courseFilterSql(courseValues(v), today, { kind: 'public' }, undefined, extra);
  const db = getDb();
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n ${RUNS_FROM} WHERE ${where}`)?.n ?? 0;
  const rows = db.all<RunSqlRow>(sql`SELECT ${RUN_COLUMNS} ${RUNS_FROM} ${RUN_JOINS} WHERE ${where} ORDER BY r.start_date, r.id ${slice(paging)}`);
  const { certs, groups } = runExtras(rows.map((r) => r.id));
  return { items: rows.map((r) => runToApi(runRowOf(r, certs, groups), today, base)), total };
}

export function getApiCourse(id: number, base: string, now: Date = new Date()): ApiCourseDetail | null {
  const detail = getCourseDetail(id, now);
  if (!detail) return null;
  const row = listApiCourses({ q: '', occupation: null, level: [], street: null, cost: [], page: 1, per_page: 1 }, 'all', base, now).items.find(
    (c) => c.id === id,
  );
  if (!row) return null;
  const today = beijingNow(now).date;
  const db = getDb();
  const rows = db.all<RunSqlRow>(
    sql`SELECT ${RUN_COLUMNS} ${RUNS_FROM} ${RUN_JOINS} WHERE r.course_id = ${id} AND r.publication = 'published' AND c.publication = 'published' ORDER BY r.start_date, r.id`,
  );
  const { certs, groups } = runExtras(rows.map((r) => r.id));
  return {
    ...row,
    occupation_description: detail.occupationDescription,
    provider_detail: { ...detail.provider },
    sections: {
      suitable_for: detail.sections.suitableFor,
      requirements: detail.sections.requirements,
      content: detail.sections.content,
      method: detail.sections.method,
      materials: detail.sections.materials,
      assessment: detail.sections.assessment,
      outcomes: detail.sections.outcomes,
    },
    runs: rows.map((r) => runToApi(runRowOf(r, certs, groups), today, base)),
  };
}

// ---------------------------------------------------------------------------
// Fairs
// ---------------------------------------------------------------------------

/** The fair lists' filter, with its scope fixed to published fairs (and 'all' times allowed). */
const PUBLISHED_FAIRS = { kind: 'admin', publication: 'published', status: null } as const;

const fairColumns = {
  ...fairListColumns,
  contactPhone: fairs.contactPhone,
  description: fairs.description,
  howToAttend: fairs.howToAttend,
  placeAddress: places.address,
};

type FairSelect = {
  id: number;
  title: string;
  type: FairType;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  onlineUrl: string | null;
  contactPhone: string;
  description: string;
  howToAttend: string;
  placeName: string | null;
  placeAddress: string | null;
  placeLat: number | null;
  placeLng: number | null;
  streetName: string | null;
};

function fairRowOf(r: FairSelect): FairRow {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    status_note: r.statusNote,
    organiser: r.organiser,
    starts_at: r.startsAt,
    ends_at: r.endsAt,
    recurrence: r.recurrence,
    online_url: r.onlineUrl,
    contact_phone: r.contactPhone,
    venue:
      r.placeName !== null && r.placeLat !== null && r.placeLng !== null
        ? { name: r.placeName, address: r.placeAddress ?? '', street: r.streetName, lat: r.placeLat, lng: r.placeLng }
        : null,
  };
}

function fairQuery(where: SQL) {
  return getDb()
    .select(fairColumns)
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(where);
}

export function listApiFairs(v: ApiParams<'fairs'>, paging: Paging, base: string, now: Date = new Date()): Listed<ApiFair> {
  const local = beijingLocal(now);
  const where = fairConditions({ type: v.type, street: v.street, date: v.date, when: v.when, matching: matchingIdsSql('fair', v.q) }, local, PUBLISHED_FAIRS);
  if (where === NO_FAIRS) return { items: [], total: 0 };
  const total = getDb().get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM fairs WHERE ${where}`)?.n ?? 0;
  const q = fairQuery(where).orderBy(...fairOrder(v.when, local));
  const rows = (paging === 'all' ? q.all() : q.limit(paging.perPage).offset((paging.page - 1) * paging.perPage).all()) as FairSelect[];
  return { items: rows.map((r) => fairToApi(fairRowOf(r), base)), total };
}

export function getApiFair(id: number, base: string): ApiFairDetail | null {
  const r = fairQuery(sql`${fairs.id} = ${id} AND ${fairs.publication} = 'published'`).get() as FairSelect | undefined;
  if (!r) return null;
  const db = getDb();
  const employers = db.all<{ id: number; name: string; industry: string; intro: string; booth: string | null }>(
    sql`SELECT id, name, industry, intro, booth FROM fair_employers WHERE fair_id = ${id} ORDER BY id`,
  );
  const positions = db.all<{
    id: number;
    employer_id: number;
    title: string;
    headcount: number;
    pay_min: number | null;
    pay_max: number | null;
    pay_unit: PayUnit;
    requirements: string;
    course_id: number | null;
  }>(sql`SELECT fp.id, fp.employer_id, fp.title, fp.headcount, fp.pay_min, fp.pay_max, fp.pay_unit, fp.requirements,
           (SELECT c.id FROM courses c WHERE c.id = fp.course_id AND c.publication = 'published') AS course_id
         FROM fair_positions fp JOIN fair_employers fe ON fe.id = fp.employer_id WHERE fe.fair_id = ${id} ORDER BY fp.id`);
  return {
    ...fairToApi(fairRowOf(r), base),
    description: r.description,
    how_to_attend: r.howToAttend,
    employers: employers.map((e) => ({
      ...e,
      positions: positions.filter((p) => p.employer_id === e.id).map(({ employer_id: _e, ...p }) => positionToApi(p)),
    })),
  };
}

// ---------------------------------------------------------------------------
// Sitemap
// ---------------------------------------------------------------------------

/** Ids and last changes of every published detail page. */
export function publishedDetailIds(): { kind: 'courses' | 'stations' | 'fairs'; id: number; updatedAt: number }[] {
  const db = getDb();
  const of = (kind: 'courses' | 'stations' | 'fairs') =>
    db
      .all<{ id: number; updated_at: number }>(sql`SELECT id, updated_at FROM ${sql.raw(kind)} WHERE publication = 'published' ORDER BY id`)
      .map((r) => ({ kind, id: r.id, updatedAt: r.updated_at }));
  return [...of('stations'), ...of('courses'), ...of('fairs')];
}

