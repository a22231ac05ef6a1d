import 'server-only';
import type { SubsidyBadgeView } from '../domain/subsidy';
/**
 * Reads for residents: the course search and a course's detail. Public scope only (published
 * courses and published runs). Results are small plain objects that can cross to the browser.
 *
 * A course matches when ANY of its published runs matches every run filter at once (so
 * "免费 + 花乡街道" means one run that is both). Facet counts are classic faceted search: the
 * number of courses each option would give with all OTHER filters applied.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { matchingIdsSql } from '@/db/search';
import type { CertificateKind, CostType, CourseRun, PayUnit, Publication } from '@/db/schema';
import { COST_TYPES } from '@/db/schema';
import { stampedCache } from './list-cache';
import { pageWindow, type Chip, type FacetOption, type SearchPage } from './search-page';
import {
  courseSearchQuery,
  parseOrigin,
  type CourseSearchKey,
  type CourseSearchValues,
  type CourseSort,
} from '@/db/validation/course-search';
import {
  RUN_STATUSES,
  RUN_STATUS_LABELS,
  START_WINDOWS,
  START_WINDOW_LABELS,
  daysToDeadline,
  isDualCertificate,
  runStatus,
  sortRunsForDisplay,
  startWindowEnd,
  type RunStatus,
} from '@/db/domain/course-run';
import { COST_TYPE_LABELS, COURSE_FILTER_LABELS, LEVELS, levelLabel } from '@/db/domain/labels-courses';
import { distanceMetres, type LatLng } from '@/db/domain/geo';
import { beijingNow, beijingToday } from '@/db/domain/time';
import { common } from '@/components/ui/strings';

export const COURSE_PAGE_SIZE = 10;

// ---------------------------------------------------------------------------
// Result shapes
// ---------------------------------------------------------------------------

/** The run a course card shows: the soonest (or, sorted by distance, the nearest) match. */
export type CourseCardRun = {
  id: number;
  label: string;
  startDate: string;
  endDate: string;
  status: RunStatus;
  /** Days left to register (0 = today, negative = passed). */
  deadlineDays: number;
  deadline: string;
  seats: number;
  seatsLeft: number;
  costType: CostType;
  fee: number | null;
  subsidy: number | null;
  venue: string;
  street: string | null;
  /** The theory venue, WGS-84, for the list's map. */
  at: LatLng;
  dual: boolean;
  /** Straight-line metres from the chosen «我在哪里», when one is chosen. */
  distance: number | null;
};

export type CourseCardData = {
  id: number;
  title: string;
  occupation: string;
  level: number;
  levelLabel: string;
  provider: string;
  run: CourseCardRun;
  /** Matching runs besides the one shown. */
  otherRuns: number;
  /** The subsidy self-check badge for `run`, when the resident has answered (components/subsidy). */
  subsidy?: SubsidyBadgeView;
};

export type CourseSearchResult = SearchPage<CourseCardData> & {
  /** The filters as applied (unreadable or unknown ones back at their defaults): the form shows these. */
  values: CourseSearchValues;
  /** The sort actually applied ('near' needs a place). */
  sort: CourseSort;
  /** True when 离我最近 was asked for without a place. */
  needsOrigin: boolean;
  /** The chosen «我在哪里», named. */
  origin: { value: string; label: string } | null;
  /** Only when nothing matched: ways to widen the search, each with the courses it would give. */
  widen: WidenOption[];
};

/** 'drop': remove one active filter (label = its chip); 'ended': also show finished runs. */
export type WidenOption = { kind: 'drop' | 'ended'; label: string; query: string; count: number };

export type OriginOption = { value: string; label: string };

/** Places residents can pick as «我在哪里», for the select. */
export type CourseOrigins = { streets: OriginOption[]; landmarks: OriginOption[] };

// ---------------------------------------------------------------------------
// Lookups (small tables)
// ---------------------------------------------------------------------------

type Named = { id: number; name: string };

function lookups() {
  const db = getDb();
  const occupations = db.all<Named>(sql`SELECT id, name FROM occupations ORDER BY sort, id`);
  const streets = db.all<Named>(sql`SELECT id, name FROM streets ORDER BY sort, id`);
  const groups = db.all<{ code: string; name: string }>(sql`SELECT code, name FROM target_groups ORDER BY sort, code`);
  return { occupations, streets, groups };
}

/** The «我在哪里» choices: every 街镇 centre, then the landmarks. Public; any page may call. */
export function listCourseOrigins(): CourseOrigins {
  const db = getDb();
  const streets = db.all<Named>(sql`SELECT id, name FROM streets ORDER BY sort, id`);
  const landmarks = db.all<Named>(sql`SELECT id, name FROM places WHERE kind = 'landmark' ORDER BY name, id`);
  return {
    streets: streets.map((s) => ({ value: `street-${s.id}`, label: s.name })),
    landmarks: landmarks.map((p) => ({ value: `place-${p.id}`, label: p.name })),
  };
}

function resolveOrigin(value: string): { point: LatLng; label: string } | null {
  const o = parseOrigin(value);
  if (!o) return null;
  const db = getDb();
  const row =
    o.kind === 'street'
      ? db.get<{ name: string; lat: number; lng: number }>(sql`SELECT name, lat, lng FROM streets WHERE id = ${o.id}`)
      : db.get<{ name: string; lat: number; lng: number }>(
          sql`SELECT name, lat, lng FROM places WHERE id = ${o.id} AND kind = 'landmark'`,
        );
  return row ? { point: { lat: row.lat, lng: row.lng }, label: row.name } : null;
}

// ---------------------------------------------------------------------------
// The filter builder
// ---------------------------------------------------------------------------

/** Run and course tables as every search query joins them. */
const FROM = sql`FROM course_runs r JOIN courses c ON c.id = r.course_id JOIN places tp ON tp.id = r.theory_place_id`;

/** The status of run r on `today`, the SQL twin of runStatus() (kept in step by the unit tests). */
function statusSql(today: string): SQL {
  return sql`CASE WHEN r.end_date < ${today} THEN 'ended'
    WHEN r.start_date <= ${today} THEN 'running'
    WHEN r.seats_left <= 0 THEN 'full'
    WHEN r.deadline < ${today} THEN 'closed'
    ELSE 'open' END`;
}

/**
 * One status as a condition. Each carries a start_date bound so SQLite can range over the
 * (publication, start_date) index instead of reading every run.
 */
function statusCondition(s: RunStatus, today: string): SQL {
  switch (s) {
    case 'ended':
      return sql`(r.start_date < ${today} AND r.end_date < ${today})`;
    case 'running':
      return sql`(r.start_date <= ${today} AND r.end_date >= ${today})`;
    case 'full':
      return sql`(r.start_date > ${today} AND r.seats_left <= 0)`;
    case 'closed':
      return sql`(r.start_date > ${today} AND r.seats_left > 0 AND r.deadline < ${today})`;
    case 'open':
      return sql`(r.start_date > ${today} AND r.seats_left > 0 AND r.deadline >= ${today})`;
  }
}

type FacetKey = 'occupation' | 'level' | 'street' | 'cost' | 'dual' | 'group' | 'start' | 'status';

/**
 * Who is looking, which decides the rows a course filter may ever reach:
 * - public: published courses through their published runs (residents);
 * - admin: courses in any of the listed states (all states when empty), optionally of one
 *   provider only. The caller derives it from the signed-in actor (db/admin/courses.ts), so a
 *   培训机构 account's provider is part of the SQL, not of the page.
 */
export type CourseScope =
  | { kind: 'public' }
  | { kind: 'admin'; providerId: number | null; publication: readonly Publication[] };

const PUBLIC_SCOPE: CourseScope = { kind: 'public' };

/** The filters that are about the course itself (table alias c). */
function courseConditions(v: CourseSearchValues, scope: CourseScope, omit?: FacetKey): SQL[] {
  const conds: SQL[] = [];
  const keyword = matchingIdsSql('course', v.q);
  // With a keyword its id list drives (one rowid look-up per match): the unary + keeps SQLite
  // from walking every published course through the publication index instead.
  if (scope.kind === 'public') conds.push(keyword ? sql`+c.publication = 'published'` : sql`c.publication = 'published'`);
  else {
    if (scope.providerId !== null) conds.push(sql`c.provider_id = ${scope.providerId}`);
    if (scope.publication.length > 0)
      conds.push(sql`c.publication IN (${sql.join(scope.publication.map((p) => sql`${p}`), sql`, `)})`);
  }
  // The matching courses come first (rowid look-ups), then their runs through runs_course_start_idx.
  if (keyword) conds.push(sql`c.id IN (${keyword})`);
  if (omit !== 'occupation' && v.occupation !== null) conds.push(sql`c.occupation_id = ${v.occupation}`);
  if (omit !== 'level' && v.level.length > 0) conds.push(sql`c.level IN (${sql.join(v.level.map((l) => sql`${l}`), sql`, `)})`);
  return conds;
}

/**
 * The filters that are about one run (aliases r, tp). Public: published runs, and by default
 * only courses that still have a run to come. Admin: runs in any state, no date default.
 */
function runConditions(v: CourseSearchValues, today: string, scope: CourseScope, omit?: FacetKey, fromCourses = false): SQL[] {
  const run = (column: 'publication' | 'start_date') => sql.raw(`${fromCourses ? '+' : ''}r.${column}`);
  const conds: SQL[] = [];
  if (scope.kind === 'public') conds.push(sql`${run('publication')} = 'published'`);
  if (omit !== 'street' && v.street !== null) conds.push(sql`tp.street_id = ${v.street}`);
  if (omit !== 'cost' && v.cost.length > 0)
    conds.push(sql`r.cost_type IN (${sql.join(v.cost.map((c) => sql`${c}`), sql`, `)})`);
  if (omit !== 'dual' && v.dual) conds.push(dualSql);
  if (omit !== 'group' && v.group !== null)
    conds.push(sql`EXISTS (SELECT 1 FROM run_target_groups g WHERE g.run_id = r.id AND g.group_code = ${v.group})`);
  if (omit !== 'start') {
    const end = startWindowEnd(v.start, today);
    if (end) conds.push(sql`${run('start_date')} >= ${today} AND ${run('start_date')} <= ${end}`);
  }
  if (omit !== 'status') {
    // Default for residents: courses that still have a run to come (报名中, 已满 or 已截止 but not started).
    if (v.status.length > 0) conds.push(sql`(${sql.join(v.status.map((s) => statusCondition(s, today)), sql` OR `)})`);
    else if (scope.kind === 'public') conds.push(sql`${run('start_date')} > ${today}`);
  }
  return conds;
}

/**
 * THE course filter: one builder, two scopes.
 *
 * - public: a condition over `FROM` (runs joined to their course and theory place): a course
 *   matches when ANY of its published runs matches every run filter at once.
 * - admin: a condition over `courses c` alone (a new draft has no runs yet); the run filters,
 *   when any is set, become "has a run (in any state) matching all of them".
 */
export function courseFilterSql(
  v: CourseSearchValues,
  today: string,
  scope: CourseScope,
  omit?: FacetKey,
  extra: SQL[] = [],
  opts: { fromCourses?: boolean } = {},
): SQL {
  const courseConds = courseConditions(v, scope, omit);
  if (scope.kind === 'admin') {
    const runConds = runConditions(v, today, scope, omit);
    if (runConds.length > 0)
      courseConds.push(
        sql`EXISTS (SELECT 1 FROM course_runs r JOIN places tp ON tp.id = r.theory_place_id WHERE r.course_id = c.id AND ${sql.join(runConds, sql` AND `)})`,
      );
    courseConds.push(...extra);
    return courseConds.length ? sql.join(courseConds, sql` AND `) : sql`1 = 1`;
  }
  // When few courses can match (a keyword, or one page of ids), SQLite should start from their
  // runs (runs_course_start_idx), not from every upcoming run: a unary + hides the run columns
  // that the all-runs index (runs_pub_start_idx) would otherwise tempt it to use.
  const fromCourses = opts.fromCourses === true || matchingIdsSql('course', v.q) !== null;
  const runConds = runConditions(v, today, scope, omit, fromCourses);
  return sql.join([...runConds, ...courseConds, ...extra], sql` AND `);
}

/** The public scope of the builder (every resident query below). */
function whereSql(v: CourseSearchValues, today: string, omit?: FacetKey, extra: SQL[] = [], opts: { fromCourses?: boolean } = {}): SQL {
  return courseFilterSql(v, today, PUBLIC_SCOPE, omit, extra, opts);
}

const dualSql = sql`EXISTS (SELECT 1 FROM run_certificates k WHERE k.run_id = r.id AND k.kind = 'skill')
  AND EXISTS (SELECT 1 FROM run_certificates k WHERE k.run_id = r.id AND k.kind = 'licence')`;

/**
 * Squared planar distance from the origin, in square metres: exact enough to order places
 * within a district, and plain arithmetic (SQLite has no trigonometry by default).
 */
function distanceSql(origin: LatLng): SQL {
  const ky = 111_320;
  const kx = 111_320 * Math.cos((origin.lat * Math.PI) / 180);
  return sql`(((tp.lat - ${origin.lat}) * ${ky}) * ((tp.lat - ${origin.lat}) * ${ky}) + ((tp.lng - ${origin.lng}) * ${kx}) * ((tp.lng - ${origin.lng}) * ${kx}))`;
}

// ---------------------------------------------------------------------------
// Facets
// ---------------------------------------------------------------------------

function groupCounts(v: CourseSearchValues, today: string, key: FacetKey, by: SQL, join: SQL = sql``): Map<string, number> {
  const rows = getDb().all<{ v: string | number | null; n: number }>(
    sql`SELECT ${by} AS v, COUNT(DISTINCT c.id) AS n ${FROM} ${join} WHERE ${whereSql(v, today, key)} GROUP BY 1`,
  );
  return new Map(rows.filter((r) => r.v !== null).map((r) => [String(r.v), r.n]));
}

function facetOptions(options: { value: string; label: string }[], counts: Map<string, number>): FacetOption[] {
  return options.map((o) => ({ ...o, count: counts.get(o.value) ?? 0 }));
}

/** One run matching every filter, with what the facets and the ordering need. */
type BaseRun = {
  courseId: number;
  occupationId: number;
  level: number;
  streetId: number | null;
  costType: string;
  startDate: string;
  dual: boolean;
  /** 报名中: seats left and registration still open. */
  open: boolean;
  publishedAt: number | null;
  d2: number;
};

/**
 * Every run matching all filters, in one indexed pass. The total, the page order and the
 * counts of each facet whose own filter is not in use all come from it, instead of a
 * GROUP BY query apiece (which at city scale costs tens of milliseconds each).
 */
function baseRuns(where: SQL, origin: LatLng | null, today: string): BaseRun[] {
  const d2 = origin ? distanceSql(origin) : sql`0`;
  const rows = getDb().values<[number, number, number, number | null, string, string, number, number, number | null, number]>(sql`
    SELECT r.course_id, c.occupation_id, c.level, tp.street_id, r.cost_type, r.start_date,
      (${dualSql}) AS dual, (${statusCondition('open', today)}) AS open, c.published_at, ${d2}
    ${FROM} WHERE ${where}`);
  return rows.map(([courseId, occupationId, level, streetId, costType, startDate, dual, open, publishedAt, dist]) => ({
    courseId,
    occupationId,
    level,
    streetId,
    costType,
    startDate,
    dual: dual === 1,
    open: open === 1,
    publishedAt,
    d2: dist,
  }));
}

/** Distinct courses per option, from the base runs. */
function countBy(runs: BaseRun[], key: (r: BaseRun) => string | null): Map<string, number> {
  const sets = new Map<string, Set<number>>();
  for (const r of runs) {
    const k = key(r);
    if (k === null) continue;
    let set = sets.get(k);
    if (!set) sets.set(k, (set = new Set()));
    set.add(r.courseId);
  }
  return new Map([...sets].map(([k, set]) => [k, set.size]));
}

function buildFacets(
  v: CourseSearchValues,
  today: string,
  look: ReturnType<typeof lookups>,
  base: BaseRun[],
): Record<string, FacetOption[]> {
  const db = getDb();
  // A facet whose filter is unused has "all other filters" = all filters: the base runs.
  const occupation = facetOptions(
    look.occupations.map((o) => ({ value: String(o.id), label: o.name })),
    v.occupation === null ? countBy(base, (r) => String(r.occupationId)) : groupCounts(v, today, 'occupation', sql`c.occupation_id`),
  );
  const level = facetOptions(
    LEVELS.map((l) => ({ value: String(l), label: levelLabel(l) })),
    v.level.length === 0 ? countBy(base, (r) => String(r.level)) : groupCounts(v, today, 'level', sql`c.level`),
  );
  const street = facetOptions(
    look.streets.map((s) => ({ value: String(s.id), label: s.name })),
    v.street === null
      ? countBy(base, (r) => (r.streetId === null ? null : String(r.streetId)))
      : groupCounts(v, today, 'street', sql`tp.street_id`),
  );
  const cost = facetOptions(
    COST_TYPES.map((c) => ({ value: c, label: COST_TYPE_LABELS[c] })),
    v.cost.length === 0 ? countBy(base, (r) => r.costType) : groupCounts(v, today, 'cost', sql`r.cost_type`),
  );
  const dualCount = v.dual
    ? db.get<{ n: number }>(sql`SELECT COUNT(DISTINCT c.id) AS n ${FROM} WHERE ${whereSql(v, today, 'dual', [dualSql])}`)?.n ?? 0
    : (countBy(base, (r) => (r.dual ? '1' : null)).get('1') ?? 0);
  const group = facetOptions(
    look.groups.map((g) => ({ value: g.code, label: g.name })),
    groupCounts(v, today, 'group', sql`g.group_code`, sql`JOIN run_target_groups g ON g.run_id = r.id`),
  );
  const windows = START_WINDOWS.filter((w) => w !== 'any');
  let startCounts: Map<string, number>;
  if (v.start === 'any') {
    startCounts = new Map([['any', countBy(base, () => 'any').get('any') ?? 0]]);
    for (const w of windows) {
      const end = startWindowEnd(w, today)!;
      startCounts.set(w, countBy(base, (r) => (r.startDate >= today && r.startDate <= end ? w : null)).get(w) ?? 0);
    }
  } else {
    // One pass counts every window: each is "starts between today and its end".
    const windowCols = windows.map((w, i) => {
      const end = startWindowEnd(w, today)!;
      return sql`COUNT(DISTINCT CASE WHEN r.start_date >= ${today} AND r.start_date <= ${end} THEN c.id END) AS ${sql.raw(`w${i}`)}`;
    });
    const startRow = db.get<Record<string, number>>(
      sql`SELECT COUNT(DISTINCT c.id) AS anyTime, ${sql.join(windowCols, sql`, `)} ${FROM} WHERE ${whereSql(v, today, 'start')}`,
    );
    startCounts = new Map([['any', startRow?.anyTime ?? 0]]);
    windows.forEach((w, i) => startCounts.set(w, startRow?.[`w${i}`] ?? 0));
  }
  const start = facetOptions(
    START_WINDOWS.map((w) => ({ value: w, label: START_WINDOW_LABELS[w] })),
    startCounts,
  );
  // Status always needs its own pass: without a status filter the base holds upcoming runs only.
  const status = facetOptions(
    RUN_STATUSES.map((s) => ({ value: s, label: RUN_STATUS_LABELS[s] })),
    groupCounts(v, today, 'status', statusSql(today)),
  );
  return { occupation, level, street, cost, dual: [{ value: '1', label: COURSE_FILTER_LABELS.dual, count: dualCount }], group, start, status };
}

type CourseAgg = {
  id: number;
  runs: number;
  /** Soonest start of a run residents can still join (报名中). */
  nextOpenStart: string | null;
  nextStart: string | null;
  lastStart: string;
  d2: number;
  publishedAt: number | null;
};

/** The matching courses in list order (the twin of the card's pickRun rule). */
function orderCourses(base: BaseRun[], today: string, sort: CourseSort): CourseAgg[] {
  const byId = new Map<number, CourseAgg>();
  for (const r of base) {
    let a = byId.get(r.courseId);
    if (!a) {
      a = { id: r.courseId, runs: 0, nextOpenStart: null, nextStart: null, lastStart: r.startDate, d2: r.d2, publishedAt: r.publishedAt };
      byId.set(r.courseId, a);
    }
    a.runs++;
    if (r.startDate > today && (a.nextStart === null || r.startDate < a.nextStart)) a.nextStart = r.startDate;
    if (r.open && (a.nextOpenStart === null || r.startDate < a.nextOpenStart)) a.nextOpenStart = r.startDate;
    if (r.startDate > a.lastStart) a.lastStart = r.startDate;
    if (r.d2 < a.d2) a.d2 = r.d2;
  }
  const bySoonest = (a: CourseAgg, b: CourseAgg) => {
    // Courses residents can join first, by their soonest joinable run (the run the card
    // headlines); then those with a run still to start (full or closed), soonest first; then
    // the most recently started.
    if ((a.nextOpenStart === null) !== (b.nextOpenStart === null)) return a.nextOpenStart === null ? 1 : -1;
    if (a.nextOpenStart !== null && b.nextOpenStart !== null && a.nextOpenStart !== b.nextOpenStart)
      return a.nextOpenStart < b.nextOpenStart ? -1 : 1;
    if ((a.nextStart === null) !== (b.nextStart === null)) return a.nextStart === null ? 1 : -1;
    if (a.nextStart !== null && b.nextStart !== null && a.nextStart !== b.nextStart) return a.nextStart < b.nextStart ? -1 : 1;
    if (a.lastStart !== b.lastStart) return a.lastStart > b.lastStart ? -1 : 1;
    return a.id - b.id;
  };
  const list = [...byId.values()];
  if (sort === 'near') list.sort((a, b) => a.d2 - b.d2 || bySoonest(a, b));
  else if (sort === 'new')
    list.sort((a, b) => {
      if ((a.publishedAt === null) !== (b.publishedAt === null)) return a.publishedAt === null ? 1 : -1;
      return (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || b.id - a.id;
    });
  else list.sort(bySoonest);
  return list;
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

type RunRow = {
  id: number;
  courseId: number;
  label: string;
  startDate: string;
  endDate: string;
  seats: number;
  seatsLeft: number;
  deadline: string;
  costType: CostType;
  fee: number | null;
  subsidy: number | null;
  venue: string;
  lat: number;
  lng: number;
  street: string | null;
};

type CourseRow = { id: number; title: string; level: number; occupation: string; provider: string };

/**
 * The resident course search. Public: any page or read action may call it. Unknown ids in the
 * URL are dropped and reported like unreadable parameters.
 */
export function searchCourses(
  params: { values: CourseSearchValues; invalid: CourseSearchKey[] },
  today: string = beijingToday(),
): CourseSearchResult {
  const db = getDb();
  const look = lookups();
  const v: CourseSearchValues = { ...params.values, level: [...params.values.level], cost: [...params.values.cost], status: [...params.values.status] };
  const invalid = new Set<string>(params.invalid);

  // Ids that parse but name nothing are treated as unreadable (street=999999).
  if (v.occupation !== null && !look.occupations.some((o) => o.id === v.occupation)) {
    v.occupation = null;
    invalid.add('occupation');
  }
  if (v.street !== null && !look.streets.some((s) => s.id === v.street)) {
    v.street = null;
    invalid.add('street');
  }
  if (v.group !== null && !look.groups.some((g) => g.code === v.group)) {
    v.group = null;
    invalid.add('group');
  }
  let origin: { point: LatLng; label: string } | null = null;
  if (v.from !== null) {
    origin = resolveOrigin(v.from);
    if (!origin) {
      v.from = null;
      invalid.add('from');
    }
  }
  const sort: CourseSort = v.sort === 'near' && !origin ? 'start' : v.sort;
  const needsOrigin = v.sort === 'near' && !origin;

  const where = whereSql(v, today);
  // Everything but the page itself depends only on the filters, the sort and the day: paging
  // and repeated searches reuse it until the database changes.
  const cacheKey = `${today}|${sort}|${courseSearchQuery({ ...v, page: 1 })}`;
  let listed = listCache.get(cacheKey);
  if (!listed) {
    const base = baseRuns(where, origin?.point ?? null, today);
    listed = { ordered: orderCourses(base, today, sort), facets: buildFacets(v, today, look, base) };
    listCache.set(cacheKey, listed);
  }
  const { ordered, facets } = listed;
  const total = ordered.length;
  const win = pageWindow(total, v.page, COURSE_PAGE_SIZE);
  v.page = total === 0 ? 1 : win.page;
  const pageRows = ordered.slice(win.offset, win.offset + COURSE_PAGE_SIZE);

  const items = pageRows.length
    ? buildCards(pageRows, whereSql(v, today, undefined, [], { fromCourses: true }), today, sort, origin?.point ?? null)
    : [];
  const chips = buildChips(v, look, origin?.label ?? null);
  const widen = total === 0 ? buildWiden(v, chips, today) : [];
  return {
    items,
    total,
    page: win.page,
    pageCount: win.pageCount,
    pageSize: COURSE_PAGE_SIZE,
    facets,
    chips,
    notice: invalid.size > 0 ? common.invalidParams : null,
    query: courseSearchQuery(v),
    values: v,
    sort,
    needsOrigin,
    origin: v.from && origin ? { value: v.from, label: origin.label } : null,
    widen,
  };
}

// ---------------------------------------------------------------------------
// A small cache of list orders and facet counts (emptied whenever the database changes)
// ---------------------------------------------------------------------------

type Listed = { ordered: CourseAgg[]; facets: Record<string, FacetOption[]> };

const listCache = stampedCache<Listed>(100);

function countCourses(v: CourseSearchValues, today: string): number {
  return getDb().get<{ n: number }>(sql`SELECT COUNT(DISTINCT c.id) AS n ${FROM} WHERE ${whereSql(v, today)}`)?.n ?? 0;
}

/** For an empty result: what each active filter's removal would give (DfE-style quick links). */
function buildWiden(v: CourseSearchValues, chips: Chip[], today: string): WidenOption[] {
  const out: WidenOption[] = [];
  for (const chip of chips) {
    if (chip.key === 'from') continue; // a place never narrows the list, it only orders it
    const next: CourseSearchValues = { ...v, page: 1 };
    const key = chip.key as CourseSearchKey;
    if (key === 'level') next.level = v.level.filter((l) => String(l) !== chip.value);
    else if (key === 'cost') next.cost = v.cost.filter((c) => c !== chip.value);
    else if (key === 'status') next.status = v.status.filter((s) => s !== chip.value);
    else if (key === 'q') next.q = '';
    else if (key === 'occupation') next.occupation = null;
    else if (key === 'street') next.street = null;
    else if (key === 'dual') next.dual = false;
    else if (key === 'group') next.group = null;
    else if (key === 'start') next.start = 'any';
    out.push({ kind: 'drop', label: chip.label, query: courseSearchQuery(next), count: countCourses(next, today) });
  }
  if (v.status.length === 0) {
    const next: CourseSearchValues = { ...v, page: 1, status: [...RUN_STATUSES] };
    out.push({ kind: 'ended', label: '', query: courseSearchQuery(next), count: countCourses(next, today) });
  }
  return out;
}

function buildCards(pageRows: { id: number; runs: number }[], where: SQL, today: string, sort: CourseSort, origin: LatLng | null): CourseCardData[] {
  const db = getDb();
  const ids = sql.join(pageRows.map((p) => sql`${p.id}`), sql`, `);
  const courses = db.all<CourseRow>(sql`
    SELECT c.id, c.title, c.level, o.name AS occupation, p.short_name AS provider
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    WHERE c.id IN (${ids})`);
  const runs = db.all<RunRow>(sql`
    SELECT r.id, r.course_id AS courseId, r.label, r.start_date AS startDate, r.end_date AS endDate,
      r.seats, r.seats_left AS seatsLeft, r.deadline, r.cost_type AS costType, r.fee, r.subsidy,
      tp.name AS venue, tp.lat, tp.lng, s.name AS street
    ${FROM} LEFT JOIN streets s ON s.id = tp.street_id
    WHERE ${where} AND r.course_id IN (${ids})`);

  const byCourse = new Map<number, RunRow[]>();
  for (const r of runs) {
    const list = byCourse.get(r.courseId) ?? [];
    list.push(r);
    byCourse.set(r.courseId, list);
  }
  const picked = new Map<number, RunRow>();
  for (const [courseId, list] of byCourse) {
    const best = pickRun(list, today, sort, origin);
    if (best) picked.set(courseId, best);
  }
  const runIds = [...picked.values()].map((r) => sql`${r.id}`);
  const kinds = new Map<number, string[]>();
  if (runIds.length) {
    for (const k of db.all<{ runId: number; kind: CertificateKind }>(
      sql`SELECT run_id AS runId, kind FROM run_certificates WHERE run_id IN (${sql.join(runIds, sql`, `)})`,
    )) {
      kinds.set(k.runId, [...(kinds.get(k.runId) ?? []), k.kind]);
    }
  }
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const cards: CourseCardData[] = [];
  for (const p of pageRows) {
    const c = courseById.get(p.id);
    const r = picked.get(p.id);
    if (!c || !r) continue;
    cards.push({
      id: c.id,
      title: c.title,
      occupation: c.occupation,
      level: c.level,
      levelLabel: levelLabel(c.level),
      provider: c.provider,
      otherRuns: Math.max(0, p.runs - 1),
      run: {
        id: r.id,
        label: r.label,
        startDate: r.startDate,
        endDate: r.endDate,
        status: runStatus(r, today),
        deadline: r.deadline,
        deadlineDays: daysToDeadline(r.deadline, today),
        seats: r.seats,
        seatsLeft: r.seatsLeft,
        costType: r.costType,
        fee: r.fee,
        subsidy: r.subsidy,
        venue: r.venue,
        street: r.street,
        at: { lat: r.lat, lng: r.lng },
        dual: isDualCertificate(kinds.get(r.id) ?? []),
        distance: origin ? Math.round(distanceMetres(origin, r)) : null,
      },
    });
  }
  return cards;
}

/**
 * The run a card shows. By distance: the nearest. Otherwise the soonest still to start, or,
 * when every match has started, the most recent: the same key the list is sorted by.
 */
function pickRun(list: RunRow[], today: string, sort: CourseSort, origin: LatLng | null): RunRow | undefined {
  const byStart = (a: RunRow, b: RunRow) => {
    const aFuture = a.startDate > today;
    const bFuture = b.startDate > today;
    if (aFuture !== bFuture) return aFuture ? -1 : 1;
    if (a.startDate !== b.startDate) return aFuture ? (a.startDate < b.startDate ? -1 : 1) : a.startDate < b.startDate ? 1 : -1;
    return a.id - b.id;
  };
  // A run residents can still join comes first: a card should not headline 已截止 or 已满
  // when another run of the same course is 报名中.
  const open = (r: RunRow) => runStatus(r, today) === 'open';
  const sorted = [...list].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    if (sort === 'near' && origin) {
      const d = distanceMetres(origin, a) - distanceMetres(origin, b);
      if (Math.abs(d) > 1) return d;
    }
    return byStart(a, b);
  });
  return sorted[0];
}

function buildChips(v: CourseSearchValues, look: ReturnType<typeof lookups>, originLabel: string | null): Chip[] {
  const L = COURSE_FILTER_LABELS;
  const chips: Chip[] = [];
  if (v.q) chips.push({ key: 'q', label: `${L.q}：${v.q}` });
  if (v.occupation !== null) {
    const name = look.occupations.find((o) => o.id === v.occupation)?.name ?? String(v.occupation);
    chips.push({ key: 'occupation', label: `${L.occupation}：${name}` });
  }
  for (const l of v.level) chips.push({ key: 'level', value: String(l), label: `${L.level}：${levelLabel(l)}` });
  if (v.street !== null)
    chips.push({ key: 'street', label: `${L.street}：${look.streets.find((s) => s.id === v.street)?.name ?? v.street}` });
  for (const c of v.cost) chips.push({ key: 'cost', value: c, label: `${L.cost}：${COST_TYPE_LABELS[c]}` });
  if (v.dual) chips.push({ key: 'dual', label: L.dual });
  if (v.group !== null)
    chips.push({ key: 'group', label: `${L.group}：${look.groups.find((g) => g.code === v.group)?.name ?? v.group}` });
  if (v.start !== 'any') chips.push({ key: 'start', label: START_WINDOW_LABELS[v.start] });
  for (const s of v.status) chips.push({ key: 'status', value: s, label: `${L.status}：${RUN_STATUS_LABELS[s]}` });
  if (v.from !== null && originLabel) chips.push({ key: 'from', label: `${L.from}：${originLabel}` });
  return chips;
}

// ---------------------------------------------------------------------------
// Detail
// ---------------------------------------------------------------------------

export type PlaceInfo = { name: string; address: string; street: string | null; lat: number; lng: number };

/** The run columns a course page shows, typed by the schema. */
type RunColumns = Pick<
  CourseRun,
  | 'id'
  | 'label'
  | 'startDate'
  | 'endDate'
  | 'classDays'
  | 'dailyStart'
  | 'dailyEnd'
  | 'seats'
  | 'seatsLeft'
  | 'deadline'
  | 'costType'
  | 'fee'
  | 'subsidy'
  | 'contactName'
  | 'contactPhone'
  | 'note'
>;

export type RunDetail = RunColumns & {
  deadlineDays: number;
  status: RunStatus;
  theory: PlaceInfo;
  practice: PlaceInfo | null;
  certificates: { kind: CertificateKind; name: string; issuer: string }[];
  dual: boolean;
  groups: string[];
};

export type LinkedJob = {
  positionId: number;
  fairId: number;
  fairTitle: string;
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  employer: string;
  position: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
};

export type CourseDetail = {
  id: number;
  title: string;
  summary: string;
  occupation: string;
  occupationDescription: string;
  level: number;
  levelLabel: string;
  durationDays: number | null;
  provider: { name: string; phone: string; address: string; intro: string };
  sections: {
    suitableFor: string;
    requirements: string;
    content: string;
    method: string;
    materials: string;
    assessment: string;
    outcomes: string;
  };
  /** Published runs: to come or under way first (soonest first), then finished ones. */
  runs: RunDetail[];
  /** True when any published run is 一培双证. */
  dual: boolean;
  /** Positions at upcoming published fairs that this course qualifies for. */
  jobs: LinkedJob[];
};

/**
 * One published course for its public page, or null (unknown, draft or withdrawn). Public:
 * any page may call it. `includeUnpublished` is for the admin preview only: the course in any
 * state with all its runs but archived ones (the caller has checked the actor may see it).
 */
export function getCourseDetail(id: number, now: Date = new Date(), opts: { includeUnpublished?: boolean } = {}): CourseDetail | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  // Admin preview only (the preview page checks the actor): drafts and their unarchived runs too.
  const unpublished = opts.includeUnpublished === true;
  const db = getDb();
  const { date: today, time } = beijingNow(now);
  const c = db.get<{
    id: number;
    title: string;
    summary: string;
    occupation: string;
    occupationDescription: string;
    level: number;
    durationDays: number | null;
    providerName: string;
    providerPhone: string;
    providerAddress: string;
    providerIntro: string;
    suitableFor: string;
    requirements: string;
    content: string;
    method: string;
    materials: string;
    assessment: string;
    outcomes: string;
  }>(sql`
    SELECT c.id, c.title, c.summary, o.name AS occupation, o.description AS occupationDescription, c.level,
      c.duration_days AS durationDays, p.name AS providerName, p.phone AS providerPhone,
      p.address AS providerAddress, p.intro AS providerIntro, c.suitable_for AS suitableFor,
      c.requirements, c.content, c.method, c.materials, c.assessment, c.outcomes
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    WHERE c.id = ${id} AND (${unpublished ? sql`1 = 1` : sql`c.publication = 'published'`})`);
  if (!c) return null;

  const runRows = db.all<
    RunColumns & {
      tName: string;
      tAddress: string;
      tStreet: string | null;
      tLat: number;
      tLng: number;
      pName: string | null;
      pAddress: string | null;
      pStreet: string | null;
      pLat: number | null;
      pLng: number | null;
    }
  >(sql`
    SELECT r.id, r.label, r.start_date AS startDate, r.end_date AS endDate, r.class_days AS classDays,
      r.daily_start AS dailyStart, r.daily_end AS dailyEnd, r.seats, r.seats_left AS seatsLeft, r.deadline,
      r.cost_type AS costType, r.fee, r.subsidy, r.contact_name AS contactName, r.contact_phone AS contactPhone,
      r.note,
      tp.name AS tName, tp.address AS tAddress, ts.name AS tStreet, tp.lat AS tLat, tp.lng AS tLng,
      pp.name AS pName, pp.address AS pAddress, ps.name AS pStreet, pp.lat AS pLat, pp.lng AS pLng
    FROM course_runs r
    JOIN places tp ON tp.id = r.theory_place_id
    LEFT JOIN streets ts ON ts.id = tp.street_id
    LEFT JOIN places pp ON pp.id = r.practice_place_id
    LEFT JOIN streets ps ON ps.id = pp.street_id
    WHERE r.course_id = ${id} AND (${unpublished ? sql`r.publication NOT IN ('archived')` : sql`r.publication = 'published'`})`);

  const runIds = runRows.map((r) => sql`${r.id}`);
  const certs = new Map<number, RunDetail['certificates']>();
  const groups = new Map<number, string[]>();
  if (runIds.length) {
    const list = sql.join(runIds, sql`, `);
    for (const k of db.all<{ runId: number; kind: CertificateKind; name: string; issuer: string }>(
      sql`SELECT run_id AS runId, kind, name, issuer FROM run_certificates WHERE run_id IN (${list}) ORDER BY run_id, kind DESC, id`,
    )) {
      certs.set(k.runId, [...(certs.get(k.runId) ?? []), { kind: k.kind, name: k.name, issuer: k.issuer }]);
    }
    for (const g of db.all<{ runId: number; name: string }>(
      sql`SELECT rg.run_id AS runId, t.name FROM run_target_groups rg JOIN target_groups t ON t.code = rg.group_code
          WHERE rg.run_id IN (${list}) ORDER BY t.sort, t.code`,
    )) {
      groups.set(g.runId, [...(groups.get(g.runId) ?? []), g.name]);
    }
  }

  const runs: RunDetail[] = sortRunsForDisplay(
    runRows.map((r) => {
      const certificates = certs.get(r.id) ?? [];
      return {
        id: r.id,
        label: r.label,
        startDate: r.startDate,
        endDate: r.endDate,
        classDays: r.classDays,
        dailyStart: r.dailyStart,
        dailyEnd: r.dailyEnd,
        seats: r.seats,
        seatsLeft: r.seatsLeft,
        deadline: r.deadline,
        deadlineDays: daysToDeadline(r.deadline, today),
        status: runStatus(r, today),
        costType: r.costType,
        fee: r.fee,
        subsidy: r.subsidy,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
        note: r.note,
        theory: { name: r.tName, address: r.tAddress, street: r.tStreet, lat: r.tLat, lng: r.tLng },
        practice:
          r.pName !== null && r.pAddress !== null && r.pLat !== null && r.pLng !== null
            ? { name: r.pName, address: r.pAddress, street: r.pStreet, lat: r.pLat, lng: r.pLng }
            : null,
        certificates,
        dual: isDualCertificate(certificates.map((k) => k.kind)),
        groups: groups.get(r.id) ?? [],
      };
    }),
    today,
  );

  // Fairs still to come or under way; their times are Beijing local 'YYYY-MM-DDTHH:MM' text.
  const nowLocal = `${today}T${time}`;
  const jobs = db.all<LinkedJob & { recurring: number | boolean }>(sql`
    SELECT fp.id AS positionId, f.id AS fairId, f.title AS fairTitle, f.starts_at AS startsAt, f.ends_at AS endsAt,
      (f.recurrence IS NOT NULL) AS recurring, e.name AS employer, fp.title AS position, fp.headcount,
      fp.pay_min AS payMin, fp.pay_max AS payMax, fp.pay_unit AS payUnit
    FROM fair_positions fp
    JOIN fair_employers e ON e.id = fp.employer_id
    JOIN fairs f ON f.id = e.fair_id
    WHERE fp.course_id = ${id} AND f.publication = 'published' AND f.status <> 'cancelled' AND f.ends_at >= ${nowLocal}
    ORDER BY f.starts_at, f.id, e.id, fp.id
    LIMIT 30`).map((j) => ({ ...j, recurring: Boolean(j.recurring) }));

  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    occupation: c.occupation,
    occupationDescription: c.occupationDescription,
    level: c.level,
    levelLabel: levelLabel(c.level),
    durationDays: c.durationDays,
    provider: { name: c.providerName, phone: c.providerPhone, address: c.providerAddress, intro: c.providerIntro },
    sections: {
      suitableFor: c.suitableFor,
      requirements: c.requirements,
      content: c.content,
      method: c.method,
      materials: c.materials,
      assessment: c.assessment,
      outcomes: c.outcomes,
    },
    runs,
    dual: runs.some((r) => r.dual),
    jobs,
  };
}

/** A course's title for page metadata, or null when it is not public. Public. */
export function getCourseTitle(id: number): string | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return (
    getDb().get<{ title: string }>(sql`SELECT title FROM courses WHERE id = ${id} AND publication = 'published'`)?.title ?? null
  );
}

// ---------------------------------------------------------------------------
// The admin list: the same filter builder in the admin scope
// ---------------------------------------------------------------------------

export const ADMIN_COURSE_PAGE_SIZE = 20;

export type AdminCourseRow = {
  id: number;
  title: string;
  publication: Publication;
  occupation: string;
  levelLabel: string;
  provider: string;
  /** The soonest run still to start (any state), with its state. */
  nextRun: { id: number; label: string; startDate: string; publication: Publication } | null;
  runCount: number;
  updatedAt: number;
};

/**
 * Courses for the admin list, newest change first. The scope MUST come from the signed-in
 * actor (db/admin/courses.ts `adminCourseScope`): this function trusts it.
 */
export function searchAdminCourses(v: CourseSearchValues, scope: Extract<CourseScope, { kind: 'admin' }>, today: string = beijingToday()) {
  const db = getDb();
  const where = courseFilterSql(v, today, scope);
  const total = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM courses c WHERE ${where}`)?.n ?? 0;
  const win = pageWindow(total, v.page, ADMIN_COURSE_PAGE_SIZE);
  const rows = db.all<{
    id: number;
    title: string;
    publication: Publication;
    occupation: string;
    level: number;
    provider: string;
    runCount: number;
    updatedAt: number;
  }>(sql`
    SELECT c.id, c.title, c.publication, o.name AS occupation, c.level, p.short_name AS provider,
      (SELECT COUNT(*) FROM course_runs r WHERE r.course_id = c.id) AS runCount, c.updated_at AS updatedAt
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    WHERE ${where}
    ORDER BY c.updated_at DESC, c.id DESC
    LIMIT ${ADMIN_COURSE_PAGE_SIZE} OFFSET ${win.offset}`);
  const next = new Map<number, AdminCourseRow['nextRun']>();
  if (rows.length) {
    const ids = sql.join(rows.map((r) => sql`${r.id}`), sql`, `);
    for (const r of db.all<{ id: number; courseId: number; label: string; startDate: string; publication: Publication }>(sql`
      SELECT r.id, r.course_id AS courseId, r.label, r.start_date AS startDate, r.publication
      FROM course_runs r WHERE r.course_id IN (${ids}) AND r.start_date >= ${today} AND r.publication <> 'archived'
      ORDER BY r.start_date, r.id`)) {
      if (!next.has(r.courseId)) next.set(r.courseId, { id: r.id, label: r.label, startDate: r.startDate, publication: r.publication });
    }
  }
  const items: AdminCourseRow[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    publication: r.publication,
    occupation: r.occupation,
    levelLabel: levelLabel(r.level),
    provider: r.provider,
    nextRun: next.get(r.id) ?? null,
    runCount: r.runCount,
    updatedAt: r.updatedAt,
  }));
  return { items, total, page: win.page, pageCount: win.pageCount, pageSize: ADMIN_COURSE_PAGE_SIZE };
}
