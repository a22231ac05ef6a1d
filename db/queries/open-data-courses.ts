import 'server-only';
/**
 * Open-data reads of courses and their runs (班期): published courses of published providers'
 * lists, published runs of published courses. Filters reuse the course list's own predicate
 * (courseFilterSql) so the API finds what the page finds. Rows out; app/api/v1/_lib/courses.ts
 * shapes them.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lte, min, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db';
import { courseRuns, courses, occupations, places, providers, runCertificates, runTargetGroups, streets, targetGroups, type CostType } from '@/db/schema';
import { RUN_STATUSES, type RunStatus } from '@/db/domain/course-run';
import { beijingNow } from '@/db/domain/time';
import { courseFilterSql } from '@/db/queries/courses';
import type { CourseSearchValues } from '@/db/validation/course-search';
import { idSet } from './id-set';
import { pageBounds, type Listed, type Paging } from './open-data';

export type CourseFilter = { q: string; occupation: number | null; level: number[]; street: number | null; cost: CostType[] };
export type RunFilter = CourseFilter & { course: number | null; status: RunStatus[]; start_from: string | null; start_to: string | null };

/** The course list's filter values for its public predicate; every run status unless some are asked for. */
function courseValues(f: CourseFilter & { status?: RunStatus[] }): CourseSearchValues {
  return {
    q: f.q,
    occupation: f.occupation,
    level: f.level,
    street: f.street,
    cost: f.cost,
    dual: false,
    group: null,
    start: 'any',
    // All statuses: the API lists past runs too (the page's default hides runs that have begun).
    status: f.status && f.status.length > 0 ? f.status : [...RUN_STATUSES],
    sort: 'start',
    from: null,
    page: 1,
  };
}

// The course list's predicate names its tables r, c and tp; these aliases give it them.
const r = alias(courseRuns, 'r');
const c = alias(courses, 'c');
const tp = alias(places, 'tp');
const ts = alias(streets, 'ts');
const pp = alias(places, 'pp');
const ps = alias(streets, 'ps');

function courseColumns(today: string) {
  const db = getDb();
  const publishedRuns = and(eq(courseRuns.courseId, courses.id), eq(courseRuns.publication, 'published'));
  return {
    id: courses.id,
    title: courses.title,
    occupationId: courses.occupationId,
    occupationName: occupations.name,
    level: courses.level,
    providerId: courses.providerId,
    providerName: providers.name,
    summary: courses.summary,
    durationDays: courses.durationDays,
    publishedAt: courses.publishedAt,
    runsCount: db.$count(courseRuns, publishedRuns),
    nextStartDate: sql<string | null>`(${db
      .select({ d: min(courseRuns.startDate) })
      .from(courseRuns)
      .where(and(publishedRuns, gt(courseRuns.startDate, today)))})`,
  };
}

function courseQuery(where: SQL | undefined, today: string) {
  return getDb()
    .select(courseColumns(today))
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(where)
    .orderBy(asc(courses.id))
    .$dynamic();
}

export type OpenCourse = ReturnType<ReturnType<typeof courseQuery>['all']>[number];

/** Published courses with a published run matching `f` (or all of them when unfiltered), by id. Public. */
export async function listOpenCourses(f: CourseFilter, paging: Paging, now: Date = new Date()): Promise<Listed<OpenCourse>> {
  const today = beijingNow(now).date;
  const filtered = f.q !== '' || f.occupation !== null || f.level.length > 0 || f.street !== null || f.cost.length > 0;
  const db = getDb();
  const where = filtered
    ? // The filtered id list drives (rowid look-ups); + keeps the publication index out of the way.
      and(
        sql`+${courses.publication} = 'published'`,
        inArray(
          courses.id,
          db
            .select({ id: r.courseId })
            .from(r)
            .innerJoin(c, eq(c.id, r.courseId))
            .innerJoin(tp, eq(tp.id, r.theoryPlaceId))
            .where(courseFilterSql(courseValues(f), today, { kind: 'public' })),
        ),
      )
    : eq(courses.publication, 'published');
  const total = db.select({ n: count() }).from(courses).where(where).get()?.n ?? 0;
  const q = courseQuery(where, today);
  const bounds = pageBounds(paging);
  const items = (bounds ? q.limit(bounds.limit).offset(bounds.offset) : q).all();
  return { items, total };
}

export type PlaceRow = { name: string; address: string; street: string | null; lat: number; lng: number };

const runColumns = {
  id: r.id,
  courseId: r.courseId,
  courseTitle: c.title,
  label: r.label,
  startDate: r.startDate,
  endDate: r.endDate,
  classDays: r.classDays,
  dailyStart: r.dailyStart,
  dailyEnd: r.dailyEnd,
  seats: r.seats,
  seatsLeft: r.seatsLeft,
  deadline: r.deadline,
  costType: r.costType,
  fee: r.fee,
  subsidy: r.subsidy,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  note: r.note,
  theory: { name: tp.name, address: tp.address, street: ts.name, lat: tp.lat, lng: tp.lng },
  practice: { name: pp.name, address: pp.address, street: ps.name, lat: pp.lat, lng: pp.lng },
};

function runQuery(where: SQL | undefined) {
  return getDb()
    .select(runColumns)
    .from(r)
    .innerJoin(c, eq(c.id, r.courseId))
    .innerJoin(tp, eq(tp.id, r.theoryPlaceId))
    .leftJoin(ts, eq(ts.id, tp.streetId))
    .leftJoin(pp, eq(pp.id, r.practicePlaceId))
    .leftJoin(ps, eq(ps.id, pp.streetId))
    .where(where)
    .orderBy(asc(r.startDate), asc(r.id))
    .$dynamic();
}

type RunSelect = ReturnType<ReturnType<typeof runQuery>['all']>[number];

/** A published run with its places, certificates and target groups (by name). */
export type OpenRun = Omit<RunSelect, 'practice'> & {
  practice: PlaceRow | null;
  certificates: { kind: string; name: string; issuer: string }[];
  targetGroups: string[];
};

/** Certificates and target-group names of the runs, in one query each. */
async function withExtras(rows: readonly RunSelect[]): Promise<OpenRun[]> {
  const certs = new Map<number, OpenRun['certificates']>();
  const groups = new Map<number, string[]>();
  if (rows.length > 0) {
    const ids = idSet(rows.map((x) => x.id));
    const db = getDb();
    for (const k of db
      .select({ runId: runCertificates.runId, kind: runCertificates.kind, name: runCertificates.name, issuer: runCertificates.issuer })
      .from(runCertificates)
      .where(inArray(runCertificates.runId, ids))
      .orderBy(asc(runCertificates.runId), desc(runCertificates.kind), asc(runCertificates.id))
      .all()) {
      certs.set(k.runId, [...(certs.get(k.runId) ?? []), { kind: k.kind, name: k.name, issuer: k.issuer }]);
    }
    for (const g of db
      .select({ runId: runTargetGroups.runId, name: targetGroups.name })
      .from(runTargetGroups)
      .innerJoin(targetGroups, eq(targetGroups.code, runTargetGroups.groupCode))
      .where(inArray(runTargetGroups.runId, ids))
      .orderBy(asc(targetGroups.sort), asc(targetGroups.code))
      .all()) {
      groups.set(g.runId, [...(groups.get(g.runId) ?? []), g.name]);
    }
  }
  return rows.map(({ practice, ...x }) => ({
    ...x,
    // A left join without a practice place gives every field null.
    practice:
      practice.name !== null && practice.lat !== null && practice.lng !== null
        ? { name: practice.name, address: practice.address ?? '', street: practice.street, lat: practice.lat, lng: practice.lng }
        : null,
    certificates: certs.get(x.id) ?? [],
    targetGroups: groups.get(x.id) ?? [],
  }));
}

/** Published runs of published courses matching `f`, soonest first. Public. */
export async function listOpenRuns(f: RunFilter, paging: Paging, now: Date = new Date()): Promise<Listed<OpenRun>> {
  const today = beijingNow(now).date;
  const extra: SQL[] = [];
  if (f.course !== null) extra.push(eq(r.courseId, f.course));
  if (f.start_from !== null) extra.push(gte(r.startDate, f.start_from));
  if (f.start_to !== null) extra.push(lte(r.startDate, f.start_to));
  const where = courseFilterSql(courseValues(f), today, { kind: 'public' }, undefined, extra);
  const total =
    getDb()
      .select({ n: count() })
      .from(r)
      .innerJoin(c, eq(c.id, r.courseId))
      .innerJoin(tp, eq(tp.id, r.theoryPlaceId))
      .where(where)
      .get()?.n ?? 0;
  const q = runQuery(where);
  const bounds = pageBounds(paging);
  return { items: await withExtras((bounds ? q.limit(bounds.limit).offset(bounds.offset) : q).all()), total };
}

/** A published course with its description, provider, sections and every published run. */
export type OpenCourseDetail = {
  course: OpenCourse;
  occupationDescription: string;
  provider: { name: string; phone: string; address: string; intro: string };
  sections: { suitableFor: string; requirements: string; content: string; method: string; materials: string; assessment: string; outcomes: string };
  runs: OpenRun[];
};

/** One published course, or null (unknown, draft or withdrawn). Public. */
export async function getOpenCourse(id: number, now: Date = new Date()): Promise<OpenCourseDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const today = beijingNow(now).date;
  const course = courseQuery(and(eq(courses.id, id), eq(courses.publication, 'published')), today).get();
  if (!course) return null;
  const more = getDb()
    .select({
      occupationDescription: occupations.description,
      provider: { name: providers.name, phone: providers.phone, address: providers.address, intro: providers.intro },
      sections: {
        suitableFor: courses.suitableFor,
        requirements: courses.requirements,
        content: courses.content,
        method: courses.method,
        materials: courses.materials,
        assessment: courses.assessment,
        outcomes: courses.outcomes,
      },
    })
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.id, id))
    .get();
  if (!more) return null;
  const runs = await withExtras(runQuery(and(eq(r.courseId, id), eq(r.publication, 'published'), eq(c.publication, 'published'))).all());
  return { course, ...more, runs };
}
