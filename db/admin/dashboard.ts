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
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../client';
import { calendarDays, courseRuns, courses, fairs, providers, stationExceptions, stations } from '../schema';
import type { Publication, Role, StationStatus } from '../enums';
import { authorize, type Actor } from '../auth/permissions';
import { addDays, beijingNow, daysBetween, formatInstant } from '../domain/time';
import { dayHours, formatSessions, openState } from '../domain/hours';
import { loadCalendar, loadSchedules } from '../queries/station-schedules';

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
  /** The editor's note with a returned record, or why it was taken down ('' when none). */
  note: string;
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

function tally(rows: readonly { p: Publication; n: number }[]): Counts {
  const out = EMPTY_COUNTS();
  for (const r of rows) out[r.p] = r.n;
  return out;
}

function counts(db: DB, s: Scope): CountRow[] {
  const rows: { table: TableKey; counts: Counts }[] = [];
  const byPublication = <T extends typeof courses | typeof courseRuns | typeof stations | typeof fairs>(t: T) =>
    tally(db.select({ p: t.publication, n: count() }).from(t).groupBy(t.publication).all());
  if (s.all) {
    rows.push({ table: 'course', counts: byPublication(courses) });
    rows.push({ table: 'run', counts: byPublication(courseRuns) });
    rows.push({ table: 'station', counts: byPublication(stations) });
    rows.push({ table: 'fair', counts: byPublication(fairs) });
  } else if (s.providerId !== null) {
    const own = eq(courses.providerId, s.providerId);
    rows.push({ table: 'course', counts: tally(db.select({ p: courses.publication, n: count() }).from(courses).where(own).groupBy(courses.publication).all()) });
    rows.push({
      table: 'run',
      counts: tally(
        db
          .select({ p: courseRuns.publication, n: count() })
          .from(courseRuns)
          .innerJoin(courses, eq(courses.id, courseRuns.courseId))
          .where(own)
          .groupBy(courseRuns.publication)
          .all(),
      ),
    });
  }
  return rows.map((r) => ({ ...r, total: Object.values(r.counts).reduce((a, b) => a + b, 0) }));
}

/** 待审核 first, then the most recently changed. */
const reviewFirst = (publication: typeof courses.publication | typeof courseRuns.publication) => sql<number>`CASE ${publication} WHEN 'review' THEN 0 ELSE 1 END`;

/**
 * 管理员/编辑: everything waiting in 待审核. 培训机构: its own courses and runs that are not
 * (or no longer) published, so it sees where each submission stands.
 */
function review(db: DB, s: Scope, limit = 30): ReviewItem[] {
  const wanted = (publication: typeof courses.publication | typeof courseRuns.publication): SQL | undefined =>
    s.all ? eq(publication, 'review') : and(eq(courses.providerId, s.providerId!), inArray(publication, ['draft', 'review', 'withdrawn']));
  if (!s.all && s.providerId === null) return [];
  // Two ordered, limited reads merged: the first `limit` of their union.
  const ownCourses = db
    .select({ id: courses.id, title: courses.title, provider: providers.name, publication: courses.publication, updatedAt: courses.updatedAt, note: courses.stateNote })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(wanted(courses.publication))
    .orderBy(reviewFirst(courses.publication), desc(courses.updatedAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, kind: 'course' as const, courseId: r.id }));
  const ownRuns = db
    .select({
      id: courseRuns.id,
      courseId: courses.id,
      courseTitle: courses.title,
      label: courseRuns.label,
      provider: providers.name,
      publication: courseRuns.publication,
      updatedAt: courseRuns.updatedAt,
      note: courseRuns.stateNote,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(wanted(courseRuns.publication))
    .orderBy(reviewFirst(courseRuns.publication), desc(courseRuns.updatedAt))
    .limit(limit)
    .all()
    .map(({ courseTitle, label, ...r }) => ({ ...r, title: `${courseTitle} · ${label}`, kind: 'run' as const }));
  const rank = (p: Publication) => (p === 'review' ? 0 : 1);
  const listed = [...ownCourses, ...ownRuns]
    .sort((a, b) => rank(a.publication) - rank(b.publication) || b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, limit);
  // A note given to a course and its runs together is said once, on the course, when it is listed.
  const courseNotes = new Map(listed.filter((r) => r.kind === 'course').map((r) => [r.id, r.note]));
  return listed.map((r) => ({
      kind: r.kind,
      id: r.id,
      courseId: r.courseId,
      title: r.title,
      provider: r.provider,
      publication: r.publication,
      updatedAt: formatInstant(r.updatedAt),
      href: r.kind === 'course' ? courseHref(r.id) : runHref(r.courseId, r.id),
      note: r.kind === 'run' && r.note !== '' && courseNotes.get(r.courseId) === r.note ? '' : r.note,
    }));
}

/**
 * Published runs not yet started (a run starting today is 进行中 for residents) that need a
 * look: starting within SOON_DAYS with at most 20 % of seats left, or seats left but the
 * registration deadline already past (residents see
 * 已截止 though places remain: extend the deadline or leave it).
 */
export async function runAlerts(db: DB, today: string, providerId: number | null, all: boolean): Promise<RunAlert[]> {
  if (!all && providerId === null) return [];
  const rows = db
    .select({
      id: courseRuns.id,
      courseId: courseRuns.courseId,
      title: courses.title,
      label: courseRuns.label,
      startDate: courseRuns.startDate,
      deadline: courseRuns.deadline,
      seats: courseRuns.seats,
      seatsLeft: courseRuns.seatsLeft,
      publication: courseRuns.publication,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(
      and(
        eq(courseRuns.publication, 'published'),
        all ? undefined : eq(courses.providerId, providerId!),
        gt(courseRuns.startDate, today),
        or(
          and(lte(courseRuns.startDate, addDays(today, SOON_DAYS)), gt(courseRuns.seats, 0), lte(courseRuns.seatsLeft, sql`${courseRuns.seats} * ${FEW_SEATS_RATIO}`)),
          and(lt(courseRuns.deadline, today), gt(courseRuns.seatsLeft, 0)),
        ),
      ),
    )
    .orderBy(asc(courseRuns.startDate), asc(courseRuns.id))
    .all();
  return rows.map((r) => ({
    runId: r.id,
    courseId: r.courseId,
    courseTitle: r.title,
    label: r.label,
    startDate: r.startDate,
    deadline: r.deadline,
    seats: r.seats,
    seatsLeft: r.seatsLeft,
    reason: r.deadline < today && r.seatsLeft > 0 ? 'past_deadline' : 'few_seats',
    publication: r.publication,
    href: runHref(r.courseId, r.id),
  }));
}

/** Stations (not archived) whose details were last checked STALE_DAYS or more days ago, oldest first. */
export async function staleStations(db: DB, today: string, stationId: number | null, all: boolean): Promise<StaleStation[]> {
  if (!all && stationId === null) return [];
  const rows = db
    .select({ id: stations.id, name: stations.name, lastVerifiedOn: stations.lastVerifiedOn, publication: stations.publication })
    .from(stations)
    .where(
      and(
        ne(stations.publication, 'archived'),
        all ? undefined : eq(stations.id, stationId!),
        lte(stations.lastVerifiedOn, addDays(today, -STALE_DAYS)),
      ),
    )
    .orderBy(asc(stations.lastVerifiedOn), asc(stations.id))
    .all();
  return rows.map((r) => ({ ...r, days: daysBetween(r.lastVerifiedOn, today), href: stationHref(r.id) }));
}

/**
 * Fairs (not archived) on during the SOON_DAYS days from today: those starting in that span
 * and those already under way (a fair of several days, a standing 零工市场), so a fair that
 * began yesterday is not missing from the list while it still runs.
 */
export async function upcomingFairs(db: DB, today: string): Promise<UpcomingFair[]> {
  const rows = db
    .select({ id: fairs.id, title: fairs.title, startsAt: fairs.startsAt, status: fairs.status, publication: fairs.publication })
    .from(fairs)
    .where(and(ne(fairs.publication, 'archived'), lt(fairs.startsAt, addDays(today, SOON_DAYS)), gte(fairs.endsAt, today)))
    .orderBy(asc(fairs.startsAt), asc(fairs.id))
    .all();
  return rows.map((r) => ({ ...r, href: fairHref(r.id) }));
}

/** The district calendar the dashboard reads today's hours against. */
const calendarAround = (db: DB, today: string) => loadCalendar(addDays(today, -1), addDays(today, 62), db);

/**
 * Stations (not archived) with a dated exception covering today: closed all day, or other
 * hours. The hours shown are what the engine says residents see today.
 */
export async function closuresToday(db: DB, today: string, stationId: number | null, all: boolean): Promise<ClosureItem[]> {
  if (!all && stationId === null) return [];
  const rows = db
    .select({
      id: stations.id,
      name: stations.name,
      status: stations.status,
      openingDate: stations.openingDate,
      statusReason: stations.statusReason,
      until: max(stationExceptions.endDate),
    })
    .from(stations)
    .innerJoin(stationExceptions, eq(stationExceptions.stationId, stations.id))
    .where(
      and(
        ne(stations.publication, 'archived'),
        all ? undefined : eq(stations.id, stationId!),
        lte(stationExceptions.startDate, today),
        gte(stationExceptions.endDate, today),
      ),
    )
    .groupBy(stations.id)
    .orderBy(asc(stations.id))
    .all();
  const [calendar, schedules] = await Promise.all([calendarAround(db, today), loadSchedules(rows, today, 'id', db)]);
  return rows.map((r) => {
    const day = dayHours(schedules.get(r.id)!, calendar, today);
    const exception = schedules.get(r.id)!.exceptions.find((e) => e.startDate <= today && e.endDate >= today);
    return {
      stationId: r.id,
      name: r.name,
      closed: day.sessions.length === 0,
      reason: exception?.reason ?? day.note ?? '',
      hours: formatSessions(day.sessions),
      // Every row joined at least one exception, so the latest end is never null.
      until: r.until ?? today,
      href: stationHref(r.id),
    };
  });
}

async function ownStation(db: DB, stationId: number, now: Date, today: string): Promise<OwnStation | null> {
  const row = db
    .select({
      id: stations.id,
      name: stations.name,
      status: stations.status,
      openingDate: stations.openingDate,
      statusReason: stations.statusReason,
      publication: stations.publication,
      lastVerifiedOn: stations.lastVerifiedOn,
    })
    .from(stations)
    .where(eq(stations.id, stationId))
    .get();
  if (!row) return null;
  const [calendar, schedules] = await Promise.all([calendarAround(db, today), loadSchedules([row], today, 'id', db)]);
  const schedule = schedules.get(row.id)!;
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
    lastVerifiedOn: row.lastVerifiedOn,
    verifiedDaysAgo: daysBetween(row.lastVerifiedOn, today),
    href: stationHref(row.id),
  };
}

/** Everything the dashboard shows for `actor` at `now`. Any signed-in actor who may view the dashboard. */
export async function dashboardFor(db: DB, actor: Actor, now: Date = new Date()): Promise<Dashboard> {
  authorize(actor, 'view', { kind: 'dashboard' });
  const today = beijingNow(now).date;
  const s = scopeOf(actor);
  const entry = db.select({ kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays).where(eq(calendarDays.date, today)).get();
  const [alerts, stale, upcoming, closures, station] = await Promise.all([
    runAlerts(db, today, s.providerId, s.all),
    staleStations(db, today, s.stationId, s.all),
    s.all ? upcomingFairs(db, today) : Promise.resolve([]),
    closuresToday(db, today, s.stationId, s.all),
    s.stationId !== null ? ownStation(db, s.stationId, now, today) : Promise.resolve(null),
  ]);
  return {
    role: actor.role,
    today,
    counts: counts(db, s),
    review: review(db, s),
    runAlerts: alerts,
    staleStations: stale,
    fairs: upcoming,
    calendarToday: entry ? { kind: entry.kind, name: entry.name } : null,
    closures,
    station,
  };
}
