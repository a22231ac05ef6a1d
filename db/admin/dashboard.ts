/**
 * The admin dashboard (工作台): what needs attention, scoped to who is looking.
 * - 管理员 / 编辑: counts of every table, submissions awaiting review, runs starting soon with
 *   few seats or past their deadline, stations not verified for 90 days, fairs in the next
 *   14 days, today's closures (station exceptions and the district calendar).
 * - 培训机构: its own courses and runs (counts, what is in draft / review / withdrawn, its
 *   runs that need attention).
 * - 驿站: its own station's status, today's hours and today's closure, with the way to the
 *   station page (今日临时闭站).
 * Every "today" is Beijing time. Plain objects out, never rows.
 */
import { sql } from 'drizzle-orm';
import type { DB } from '../client';
import type { HoursScope, Publication, Role, Session, StationStatus } from '../enums';
import { authorize, type Actor } from '../auth/permissions';
import { addDays, beijingNow, daysBetween, formatInstant } from '../domain/time';
import {
  dayHours,
  formatSessions,
  makeCalendar,
  openState,
  type CalendarEntry,
  type HoursException,
  type StationSchedule,
} from '../domain/hours';

export const SOON_DAYS = 14;
export const FEW_SEATS_RATIO = 0.2;
export const STALE_DAYS = 90;

export type TableKey = 'course' | 'run' | 'station' | 'fair';

export type Counts = Record<Publication, number>;
export type CountRow = { table: TableKey; counts: Counts; total: number };

export type ReviewItem = {
  kind: 'course' | 'run';
  id: number;
  courseId: number;
  title: string;
  provider: string;
  publication: Publication;
  updatedAt: string;
  href: string;
};

export type RunAlert = {
  runId: number;
  courseId: number;
  courseTitle: string;
  label: string;
  startDate: string;
  deadline: string;
  seats: number;
  seatsLeft: number;
  reason: 'few_seats' | 'past_deadline';
  publication: Publication;
  href: string;
};

export type StaleStation = { id: number; name: string; lastVerifiedOn: string; days: number; publication: Publication; href: string };

export type UpcomingFair = {
  id: number;
  title: string;
  startsAt: string;
  status: 'scheduled' | 'postponed' | 'cancelled';
  publication: Publication;
  href: string;
};

export type ClosureItem = { stationId: number; name: string; closed: boolean; reason: string; hours: string; until: string; href: string };

export type OwnStation = {
  id: number;
  name: string;
  publication: Publication;
  status: StationStatus;
  openText: string;
  todayHours: string;
  todayNote: string | null;
  lastVerifiedOn: string;
  verifiedDaysAgo: number;
  href: string;
};

export type Dashboard = {
  role: Role;
  today: string;
  counts: CountRow[];
  review: ReviewItem[];
  runAlerts: RunAlert[];
  staleStations: StaleStation[];
  fairs: UpcomingFair[];
  /** The district calendar's entry for today (holiday or 调休 workday), if any. */
  calendarToday: { kind: 'holiday' | 'workday'; name: string } | null;
  closures: ClosureItem[];
  station: OwnStation | null;
};

const EMPTY_COUNTS = (): Counts => ({ draft: 0, review: 0, published: 0, withdrawn: 0, archived: 0 });

export const courseHref = (id: number) => `/admin/courses/${id}`;
export const runHref = (courseId: number, runId: number) => `/admin/courses/${courseId}#run-${runId}`;
export const stationHref = (id: number) => `/admin/stations/${id}`;
export const fairHref = (id: number) => `/admin/fairs/${id}`;

type Scope = { providerId: number | null; stationId: number | null; all: boolean };

function scopeOf(actor: Actor): Scope {
  const all = actor.role === 'admin' || actor.role === 'editor';
  return { all, providerId: actor.role === 'provider' ? actor.providerId : null, stationId: actor.role === 'station' ? actor.stationId : null };
}

function countBy(db: DB, from: ReturnType<typeof sql>): Counts {
  const out = EMPTY_COUNTS();
  for (const r of db.all<{ p: Publication; n: number }>(sql`SELECT publication AS p, count(*) AS n FROM ${from} GROUP BY publication`)) out[r.p] = r.n;
  return out;
}

function counts(db: DB, s: Scope): CountRow[] {
  const rows: { table: TableKey; counts: Counts }[] = [];
  if (s.all) {
    rows.push({ table: 'course', counts: countBy(db, sql`courses`) });
    rows.push({ table: 'run', counts: countBy(db, sql`course_runs`) });
    rows.push({ table: 'station', counts: countBy(db, sql`stations`) });
    rows.push({ table: 'fair', counts: countBy(db, sql`fairs`) });
  } else if (s.providerId !== null) {
    rows.push({ table: 'course', counts: countBy(db, sql`(SELECT publication FROM courses WHERE provider_id = ${s.providerId})`) });
    rows.push({
      table: 'run',
      counts: countBy(db, sql`(SELECT r.publication FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE c.provider_id = ${s.providerId})`),
    });
  }
  return rows.map((r) => ({ ...r, total: Object.values(r.counts).reduce((a, b) => a + b, 0) }));
}

type ReviewRow = { kind: 'course' | 'run'; id: number; course_id: number; title: string; provider: string; publication: Publication; updated_at: number };

/**
 * 管理员/编辑: everything waiting in 待审核. 培训机构: its own courses and runs that are not
 * (or no longer) published, so it sees where each submission stands.
 */
function review(db: DB, s: Scope, limit = 30): ReviewItem[] {
  let where: ReturnType<typeof sql>;
  if (s.all) where = sql`x.publication = 'review'`;
  else if (s.providerId !== null) where = sql`x.provider_id = ${s.providerId} AND x.publication IN ('draft', 'review', 'withdrawn')`;
  else return [];
  const rows = db.all<ReviewRow>(sql`
    SELECT * FROM (
      SELECT 'course' AS kind, c.id, c.id AS course_id, c.title, p.name AS provider, c.provider_id, c.publication, c.updated_at
        FROM courses c JOIN providers p ON p.id = c.provider_id
      UNION ALL
      SELECT 'run' AS kind, r.id, c.id AS course_id, c.title || ' · ' || r.label AS title, p.name AS provider, c.provider_id, r.publication, r.updated_at
        FROM course_runs r JOIN courses c ON c.id = r.course_id JOIN providers p ON p.id = c.provider_id
    ) x
    WHERE ${where}
    ORDER BY CASE x.publication WHEN 'review' THEN 0 ELSE 1 END, x.updated_at DESC
    LIMIT ${limit}`);
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    courseId: r.course_id,
    title: r.title,
    provider: r.provider,
    publication: r.publication,
    updatedAt: formatInstant(r.updated_at),
    href: r.kind === 'course' ? courseHref(r.id) : runHref(r.course_id, r.id),
  }));
}

type RunRow = {
  id: number;
  course_id: number;
  title: string;
  label: string;
  start_date: string;
  deadline: string;
  seats: number;
  seats_left: number;
  publication: Publication;
};

/**
 * Published runs not yet started (a run starting today is 进行中 for residents) that need a
 * look: starting within SOON_DAYS with at most 20 % of seats left, or seats left but the
 * registration deadline already past (residents see
 * 已截止 though places remain: extend the deadline or leave it).
 */
export function runAlerts(db: DB, today: string, providerId: number | null, all: boolean): RunAlert[] {
  if (!all && providerId === null) return [];
  const scope = all ? sql`1` : sql`c.provider_id = ${providerId}`;
  const rows = db.all<RunRow>(sql`
    SELECT r.id, r.course_id, c.title, r.label, r.start_date, r.deadline, r.seats, r.seats_left, r.publication
      FROM course_runs r JOIN courses c ON c.id = r.course_id
     WHERE r.publication = 'published' AND ${scope}
       AND r.start_date > ${today}
       AND ((r.start_date <= ${addDays(today, SOON_DAYS)} AND r.seats > 0 AND r.seats_left <= r.seats * ${FEW_SEATS_RATIO})
            OR (r.deadline < ${today} AND r.seats_left > 0))
     ORDER BY r.start_date, r.id`);
  return rows.map((r) => ({
    runId: r.id,
    courseId: r.course_id,
    courseTitle: r.title,
    label: r.label,
    startDate: r.start_date,
    deadline: r.deadline,
    seats: r.seats,
    seatsLeft: r.seats_left,
    reason: r.deadline < today && r.seats_left > 0 ? 'past_deadline' : 'few_seats',
    publication: r.publication,
    href: runHref(r.course_id, r.id),
  }));
}

/** Stations (not archived) whose details were last checked STALE_DAYS or more days ago, oldest first. */
export function staleStations(db: DB, today: string, stationId: number | null, all: boolean): StaleStation[] {
  if (!all && stationId === null) return [];
  const scope = all ? sql`1` : sql`id = ${stationId}`;
  const rows = db.all<{ id: number; name: string; last_verified_on: string; publication: Publication }>(sql`
    SELECT id, name, last_verified_on, publication FROM stations
     WHERE publication <> 'archived' AND ${scope} AND last_verified_on <= ${addDays(today, -STALE_DAYS)}
     ORDER BY last_verified_on, id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    lastVerifiedOn: r.last_verified_on,
    days: daysBetween(r.last_verified_on, today),
    publication: r.publication,
    href: stationHref(r.id),
  }));
}

/**
 * Fairs (not archived) on during the SOON_DAYS days from today: those starting in that span
 * and those already under way (a fair of several days, a standing 零工市场), so a fair that
 * began yesterday is not missing from the list while it still runs.
 */
export function upcomingFairs(db: DB, today: string): UpcomingFair[] {
  const rows = db.all<{ id: number; title: string; starts_at: string; status: UpcomingFair['status']; publication: Publication }>(sql`
    SELECT id, title, starts_at, status, publication FROM fairs
     WHERE publication <> 'archived' AND starts_at < ${addDays(today, SOON_DAYS)} AND ends_at >= ${today}
     ORDER BY starts_at, id`);
  return rows.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, status: r.status, publication: r.publication, href: fairHref(r.id) }));
}

function calendarAround(db: DB, today: string) {
  const rows = db.all<{ date: string; kind: 'holiday' | 'workday'; name: string; as_weekday: number | null }>(
    sql`SELECT date, kind, name, as_weekday FROM calendar_days WHERE date BETWEEN ${addDays(today, -1)} AND ${addDays(today, 62)}`,
  );
  return makeCalendar(rows.map((r): CalendarEntry => ({ date: r.date, kind: r.kind, name: r.name, asWeekday: r.as_weekday })));
}

type ScheduleRow = { id: number; name: string; status: StationStatus; opening_date: string | null; status_reason: string | null };

function schedulesOf(db: DB, stations: readonly ScheduleRow[], today: string): Map<number, StationSchedule> {
  const out = new Map<number, StationSchedule>();
  if (stations.length === 0) return out;
  for (const s of stations) out.set(s.id, { status: s.status, openingDate: s.opening_date, statusReason: s.status_reason, hours: [], exceptions: [] });
  const ids = JSON.stringify(stations.map((s) => s.id));
  for (const h of db.all<{ station_id: number; scope: HoursScope; weekday: number; opens: string; closes: string }>(
    sql`SELECT station_id, scope, weekday, opens, closes FROM station_hours WHERE station_id IN (SELECT value FROM json_each(${ids}))`,
  ))
    out.get(h.station_id)?.hours.push({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes });
  for (const e of db.all<{ station_id: number; start_date: string; end_date: string; closed: number; sessions: string; reason: string }>(
    sql`SELECT station_id, start_date, end_date, closed, sessions, reason FROM station_exceptions
         WHERE station_id IN (SELECT value FROM json_each(${ids})) AND end_date >= ${today} ORDER BY id`,
  )) {
    let sessions: Session[] = [];
    try {
      const v: unknown = JSON.parse(e.sessions);
      if (Array.isArray(v)) sessions = v.filter((x): x is Session => typeof x?.opens === 'string' && typeof x?.closes === 'string');
    } catch {
      sessions = [];
    }
    const x: HoursException = { startDate: e.start_date, endDate: e.end_date, closed: e.closed === 1, sessions, reason: e.reason };
    out.get(e.station_id)?.exceptions.push(x);
  }
  return out;
}

/**
 * Stations (not archived) with a dated exception covering today: closed all day, or other
 * hours. The hours shown are what the engine says residents see today.
 */
export function closuresToday(db: DB, today: string, stationId: number | null, all: boolean): ClosureItem[] {
  if (!all && stationId === null) return [];
  const scope = all ? sql`1` : sql`s.id = ${stationId}`;
  const rows = db.all<ScheduleRow & { until: string }>(sql`
    SELECT s.id, s.name, s.status, s.opening_date, s.status_reason, max(e.end_date) AS until
      FROM stations s JOIN station_exceptions e ON e.station_id = s.id
     WHERE s.publication <> 'archived' AND ${scope} AND e.start_date <= ${today} AND e.end_date >= ${today}
     GROUP BY s.id ORDER BY s.id`);
  const calendar = calendarAround(db, today);
  const schedules = schedulesOf(db, rows, today);
  return rows.map((r) => {
    const day = dayHours(schedules.get(r.id)!, calendar, today);
    const exception = schedules.get(r.id)!.exceptions.find((e) => e.startDate <= today && e.endDate >= today);
    return {
      stationId: r.id,
      name: r.name,
      closed: day.sessions.length === 0,
      reason: exception?.reason ?? day.note ?? '',
      hours: formatSessions(day.sessions),
      until: r.until,
      href: stationHref(r.id),
    };
  });
}

function ownStation(db: DB, stationId: number, now: Date, today: string): OwnStation | null {
  const row = db.all<ScheduleRow & { publication: Publication; last_verified_on: string }>(
    sql`SELECT id, name, status, opening_date, status_reason, publication, last_verified_on FROM stations WHERE id = ${stationId}`,
  )[0];
  if (!row) return null;
  const calendar = calendarAround(db, today);
  const schedule = schedulesOf(db, [row], today).get(row.id)!;
  const day = dayHours(schedule, calendar, today);
  const state = openState(schedule, calendar, now);
  return {
    id: row.id,
    name: row.name,
    publication: row.publication,
    status: row.status,
    openText: state.text,
    todayHours: day.sessions.length ? formatSessions(day.sessions) : '',
    todayNote: day.fullReason ?? day.note,
    lastVerifiedOn: row.last_verified_on,
    verifiedDaysAgo: daysBetween(row.last_verified_on, today),
    href: stationHref(row.id),
  };
}

/** Everything the dashboard shows for `actor` at `now`. */
export function dashboardFor(db: DB, actor: Actor, now: Date = new Date()): Dashboard {
  authorize(actor, 'view', { kind: 'dashboard' });
  const today = beijingNow(now).date;
  const s = scopeOf(actor);
  const entry = db.all<{ kind: 'holiday' | 'workday'; name: string }>(sql`SELECT kind, name FROM calendar_days WHERE date = ${today}`)[0];
  return {
    role: actor.role,
    today,
    counts: counts(db, s),
    review: review(db, s),
    runAlerts: runAlerts(db, today, s.providerId, s.all),
    staleStations: staleStations(db, today, s.stationId, s.all),
    fairs: s.all ? upcomingFairs(db, today) : [],
    calendarToday: entry ? { kind: entry.kind, name: entry.name } : null,
    closures: closuresToday(db, today, s.stationId, s.all),
    station: s.stationId !== null ? ownStation(db, s.stationId, now, today) : null,
  };
}
