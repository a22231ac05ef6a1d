/**
 * The course lists' index rows: one per run (any state), carrying its course's fields, plus one
 * placeholder row for a course without runs (so the admin list shows new drafts). Numbers only:
 * dates as yyyymmdd, enums as indexes, target groups as interned codes.
 */
import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { courseRuns, courses, occupations, places, providers, runCertificates, runTargetGroups, streets, targetGroups } from '@/db/schema';
import { COST_TYPES, PUBLICATION } from '@/db/enums';
import { dateInt, minutesOf, type SourceDef } from '@/db/search/engine';
import { idsParam, perConnection } from '../id-set';

export type CourseIndexRow = {
  /** The course. */
  readonly group: number;
  /** The run; 0 for a course's placeholder row. */
  readonly run: number;
  readonly coursePub: number;
  readonly provider: number;
  readonly occupation: number;
  readonly level: number;
  /** ms since epoch (exact, as the old SQL ordered); -1 when never published. */
  readonly publishedAt: number;
  readonly updatedAt: number;
  /** Index in PUBLICATION; -1 on a placeholder. */
  readonly runPub: number;
  /** The theory venue's 街镇; -1 when none. */
  readonly street: number;
  /** Index in COST_TYPES; -1 on a placeholder. */
  readonly cost: number;
  readonly start: number;
  readonly end: number;
  readonly deadline: number;
  readonly seatsLeft: number;
  readonly dual: boolean;
  readonly groups: readonly number[];
  /** Bit d set when the class meets on ISO weekday d (1 = Monday … 7 = Sunday). */
  readonly days: number;
  /** Minutes after midnight. */
  readonly dailyStart: number;
  readonly dailyEnd: number;
  /** The theory venue in micro-degrees (integers: no boxed doubles per row). */
  readonly latE6: number;
  readonly lngE6: number;
};

export type CourseRefs = {
  occupations: { id: number; name: string }[];
  streets: { id: number; name: string }[];
  groups: { id: number; code: string; name: string }[];
  providers: { id: number; name: string }[];
};

export const PUBLISHED = PUBLICATION.indexOf('published');

/**
 * Target group codes as small stable integers (assigned on first sight, never reused). One map
 * per process, not per module copy: the index is built in one of Next's bundles and filtered in
 * another (a page, a read action), and each bundle has its own copy of this module.
 */
const shared = globalThis as unknown as { __courseGroupKeys?: Map<string, number> };
const codes = (shared.__courseGroupKeys ??= new Map<string, number>());
export function groupKey(code: string): number {
  let k = codes.get(code);
  if (k === undefined) codes.set(code, (k = codes.size));
  return k;
}

/** Rows with the same target groups share one frozen list. */
const groupLists = new Map<string, readonly number[]>();
function sharedList(keys: number[]): readonly number[] {
  const id = keys.join(',');
  let list = groupLists.get(id);
  if (!list) groupLists.set(id, (list = Object.freeze(keys)));
  return list;
}

const e6 = (x: number) => Math.round(x * 1e6);

function daysMask(classDays: string): number {
  let m = 0;
  for (const d of classDays.split(',')) {
    const n = Number(d);
    if (n >= 1 && n <= 7) m |= 1 << n;
  }
  return m;
}

/**
 * The four reads of the index's rows for the courses whose ids the statement is given (a chunk of
 * the start-up build, or a reload after a save), prepared once per connection.
 */
const reads = perConnection((db: DB) => {
  const ofIds = idsParam('ids');
  const ofCourses = inArray(courseRuns.courseId, ofIds);
  return {
    courses: db
      .select({ id: courses.id, publication: courses.publication, providerId: courses.providerId, occupationId: courses.occupationId, level: courses.level, publishedAt: courses.publishedAt, updatedAt: courses.updatedAt })
      .from(courses)
      .where(inArray(courses.id, ofIds))
      .prepare(),
    runs: db
      .select({
      id: courseRuns.id,
      courseId: courseRuns.courseId,
      publication: courseRuns.publication,
      startDate: courseRuns.startDate,
      endDate: courseRuns.endDate,
      deadline: courseRuns.deadline,
      seatsLeft: courseRuns.seatsLeft,
      costType: courseRuns.costType,
      classDays: courseRuns.classDays,
      dailyStart: courseRuns.dailyStart,
      dailyEnd: courseRuns.dailyEnd,
      street: places.streetId,
      lat: places.lat,
      lng: places.lng,
    })
      .from(courseRuns)
      .innerJoin(places, eq(places.id, courseRuns.theoryPlaceId))
      .where(ofCourses)
      .orderBy(asc(courseRuns.courseId), asc(courseRuns.id))
      .prepare(),
    certificates: db
      .select({ runId: runCertificates.runId, kind: runCertificates.kind })
      .from(runCertificates)
      .innerJoin(courseRuns, eq(courseRuns.id, runCertificates.runId))
      .where(ofCourses)
      .prepare(),
    targetGroups: db
      .select({ runId: runTargetGroups.runId, code: runTargetGroups.groupCode })
      .from(runTargetGroups)
      .innerJoin(courseRuns, eq(courseRuns.id, runTargetGroups.runId))
      .where(ofCourses)
      .prepare(),
  };
});

async function load(db: DB, only: readonly number[]): Promise<CourseIndexRow[]> {
  const r = reads(db);
  const args = { ids: JSON.stringify(only) };
  const courseRows = r.courses.all(args);
  const runRows = r.runs.all(args);
  const kinds = new Map<number, number>();
  for (const k of r.certificates.all(args)) {
    kinds.set(k.runId, (kinds.get(k.runId) ?? 0) | (k.kind === 'skill' ? 1 : k.kind === 'licence' ? 2 : 0));
  }
  const groups = new Map<number, number[]>();
  for (const g of r.targetGroups.all(args)) {
    const list = groups.get(g.runId);
    if (list) list.push(groupKey(g.code));
    else groups.set(g.runId, [groupKey(g.code)]);
  }
  const byId = new Map(courseRows.map((c) => [c.id, c]));
  const out: CourseIndexRow[] = [];
  const withRuns = new Set<number>();
  for (const r of runRows) {
    const c = byId.get(r.courseId);
    if (!c) continue;
    withRuns.add(c.id);
    out.push({
      group: c.id,
      run: r.id,
      coursePub: PUBLICATION.indexOf(c.publication),
      provider: c.providerId,
      occupation: c.occupationId,
      level: c.level,
      publishedAt: c.publishedAt ? c.publishedAt.getTime() : -1,
      updatedAt: c.updatedAt.getTime(),
      runPub: PUBLICATION.indexOf(r.publication),
      street: r.street ?? -1,
      cost: COST_TYPES.indexOf(r.costType),
      start: dateInt(r.startDate),
      end: dateInt(r.endDate),
      deadline: dateInt(r.deadline),
      seatsLeft: r.seatsLeft,
      dual: kinds.get(r.id) === 3,
      groups: sharedList(groups.get(r.id) ?? []),
      days: daysMask(r.classDays),
      dailyStart: minutesOf(r.dailyStart),
      dailyEnd: minutesOf(r.dailyEnd),
      latE6: e6(r.lat),
      lngE6: e6(r.lng),
    });
  }
  for (const c of courseRows) {
    if (withRuns.has(c.id)) continue;
    out.push({
      group: c.id,
      run: 0,
      coursePub: PUBLICATION.indexOf(c.publication),
      provider: c.providerId,
      occupation: c.occupationId,
      level: c.level,
      publishedAt: c.publishedAt ? c.publishedAt.getTime() : -1,
      updatedAt: c.updatedAt.getTime(),
      runPub: -1,
      street: -1,
      cost: -1,
      start: 0,
      end: 0,
      deadline: 0,
      seatsLeft: 0,
      dual: false,
      groups: sharedList([]),
      days: 0,
      dailyStart: 0,
      dailyEnd: 0,
      latE6: 0,
      lngE6: 0,
    });
  }
  return out;
}

/** Courses per read when the whole index is built. */
const CHUNK = 250;

/**
 * Every course's rows, read CHUNK courses at a time with the reload's statements: the start-up
 * build's peak memory is one chunk's result rows, not 100,000 runs' (and their certificates and
 * target groups) held at once beside the index being made.
 */
async function loadAllInChunks(db: DB): Promise<CourseIndexRow[]> {
  const ids = db.select({ id: courses.id }).from(courses).orderBy(asc(courses.id)).all().map((c) => c.id);
  const out: CourseIndexRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) for (const row of await load(db, ids.slice(i, i + CHUNK))) out.push(row);
  return out;
}

async function loadRefs(db: DB): Promise<CourseRefs> {
  return {
    occupations: db.select({ id: occupations.id, name: occupations.name }).from(occupations).orderBy(asc(occupations.sort), asc(occupations.id)).all(),
    streets: db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all(),
    groups: db
      .select({ code: targetGroups.code, name: targetGroups.name })
      .from(targetGroups)
      .orderBy(asc(targetGroups.sort), asc(targetGroups.code))
      .all()
      .map((g) => ({ id: groupKey(g.code), code: g.code, name: g.name })),
    providers: db.select({ id: providers.id, name: providers.shortName }).from(providers).orderBy(asc(providers.id)).all(),
  };
}

/** Where course rows come from, and what in the change log concerns them. */
export const courseSource: SourceDef<CourseIndexRow, CourseRefs> = {
  name: 'courses',
  loadAll: loadAllInChunks,
  loadGroups: (db, ids) => load(db, ids),
  loadRefs,
  changes: {
    course: 'group',
    // A venue moved or changed 街镇: every run there (rare; a rebuild is simplest).
    place: 'rebuild',
    streets: 'refs',
    occupations: 'refs',
    target_groups: 'refs',
    providers: 'refs',
  },
};

