import 'server-only';
/**
 * Open-data reads of courses and their runs (班期): published courses of published providers'
 * lists, published runs of published courses. Filters reuse the course list's own predicate
 * (the course search engine's declared filters, db/queries/courses) so the API finds what the page finds. Rows out; app/api/v1/_lib/courses.ts
 * shapes them.
 */
import { and, asc, eq, gt, inArray, min, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { courseRuns, courses, occupations, places, providers, type CostType } from '@/db/schema';
import { RUN_STATUSES, type RunStatus } from '@/db/domain/course-run';
import { beijingNow } from '@/db/domain/time';
import { dateInt } from '@/db/search/engine';
import { publicCourses } from '@/db/queries/courses';
import { courseSectionColumns, practicePlace, practiceStreet, providerContactColumns, runCertificatesAndGroups, runPageColumns, theoryStreet } from '@/db/queries/courses/columns';
import { idSet } from './id-set';
import { pageBounds, type Listed, type Paging } from './open-data';

export type CourseFilter = { q: string; occupation: number | null; level: number[]; street: number | null; cost: CostType[] };
export type RunFilter = CourseFilter & { course: number | null; status: RunStatus[]; start_from: string | null; start_to: string | null };

/**
 * The API's filters as the resident list's query, every run status unless some are asked for
 * (the API lists past runs too; the page's default hides runs that have begun).
 */
function courseQueryString(f: CourseFilter & { status?: RunStatus[] }): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.q) sp.set('q', f.q);
  if (f.occupation !== null) sp.set('occupation', String(f.occupation));
  for (const l of f.level) sp.append('level', String(l));
  if (f.street !== null) sp.set('street', String(f.street));
  for (const c of f.cost) sp.append('cost', c);
  for (const st of f.status && f.status.length > 0 ? f.status : RUN_STATUSES) sp.append('status', st);
  return sp;
}

/** The slice of `items` a page holds (all of them for the CSV downloads). */
function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  const bounds = pageBounds(paging);
  return bounds ? items.slice(bounds.offset, bounds.offset + bounds.limit) : [...items];
}

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
  if (!filtered) {
    const where = eq(courses.publication, 'published');
    const total = await db.$count(courses, where);
    const q = courseQuery(where, today);
    const bounds = pageBounds(paging);
    return { items: (bounds ? q.limit(bounds.limit).offset(bounds.offset) : q).all(), total };
  }
  // The engine's index finds the matching courses (in id order); one read by id for the page.
  const { matched } = await publicCourses.match(db, courseQueryString(f), { kind: 'public' }, { today });
  const page = pageOf(matched.map((m) => m.group), paging);
  const items = page.length > 0 ? courseQuery(inArray(courses.id, idSet(page)), today).all() : [];
  return { items, total: matched.length };
}

export type PlaceRow = { name: string; address: string; street: string | null; lat: number; lng: number };

const runColumns = { ...runPageColumns, courseId: courseRuns.courseId, courseTitle: courses.title };

function runQuery(where: SQL | undefined) {
  return getDb()
    .select(runColumns)
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(places, eq(places.id, courseRuns.theoryPlaceId))
    .leftJoin(theoryStreet, eq(theoryStreet.id, places.streetId))
    .leftJoin(practicePlace, eq(practicePlace.id, courseRuns.practicePlaceId))
    .leftJoin(practiceStreet, eq(practiceStreet.id, practicePlace.streetId))
    .where(where)
    .orderBy(asc(courseRuns.startDate), asc(courseRuns.id))
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
  const { certs, groups } = runCertificatesAndGroups(rows.map((x) => x.id));
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
  const { matched } = await publicCourses.match(getDb(), courseQueryString(f), { kind: 'public' }, { today });
  const from = f.start_from === null ? 0 : dateInt(f.start_from);
  const to = f.start_to === null ? Number.MAX_SAFE_INTEGER : dateInt(f.start_to);
  const runs: { run: number; start: number }[] = [];
  for (const m of matched) {
    if (f.course !== null && m.group !== f.course) continue;
    for (const x of m.rows) if (x.start >= from && x.start <= to) runs.push({ run: x.run, start: x.start });
  }
  runs.sort((a, b) => a.start - b.start || a.run - b.run);
  const page = pageOf(runs, paging).map((x) => x.run);
  const items = page.length > 0 ? await withExtras(runQuery(inArray(courseRuns.id, idSet(page))).all()) : [];
  return { items, total: runs.length };
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
      provider: providerContactColumns,
      sections: courseSectionColumns,
    })
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.id, id))
    .get();
  if (!more) return null;
  const runs = await withExtras(runQuery(and(eq(courseRuns.courseId, id), eq(courseRuns.publication, 'published'), eq(courses.publication, 'published'))).all());
  return { course, ...more, runs };
}
