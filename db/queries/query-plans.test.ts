/**
 * No public read scans a table that grows with the data.
 *
 * How: every statement the connection prepares while the public entry points run (each list
 * with every filter alone and combined, keywords of 1, 2 and 3+ characters and pinyin, near-me,
 * open now, a deep page, the detail pages, the home page's reads, the site search, feeds,
 * coverage, the open-data API) is recorded with the parameters it was first run with, then
 * `EXPLAIN QUERY PLAN` is asked of each distinct one.
 *
 * The rule, per plan line:
 * - `SEARCH <t> USING … INDEX` / `USING INTEGER PRIMARY KEY`: fine (an index seek; the work is
 *   proportional to the rows that match, which is the answer itself).
 * - `SCAN <t>` of a GROWING table (below), with no index: forbidden. That reads every row of
 *   the table whatever the filters say.
 * - `SCAN <t> USING [COVERING] INDEX i`: a walk of a whole index, forbidden too, except where
 *   the statement is bounded by a LIMIT and the index supplies the ORDER BY (the walk stops
 *   after LIMIT rows). It is listed in BOUNDED_INDEX_WALKS with its reason.
 * - The FTS5 table `search_fts` may only be read through MATCH (its plan says `INDEX 0:M…` or
 *   similar with an `M` constraint); a bare `VIRTUAL TABLE INDEX 0:` is a full scan.
 * - Two seeks that are scans in all but name are forbidden as well:
 *   `search_docs` entered by `(kind=?)` alone (a third of the index per query; the words must
 *   drive, through a gram, a MATCH or a rowid), and, in a statement that carries a keyword, any
 *   growing table entered by `(publication=?)` alone (every published row tested against the
 *   keyword's id list, where the id list should drive through rowid look-ups).
 * - A seek on `(publication=?)` without a keyword is allowed: the unfiltered lists and their
 *   counts are about every published row by definition, and they are cached per database
 *   change (the engine's result caches), so they are paid once, not per request.
 * - Small fixed reference tables (streets, occupations, services, target_groups,
 *   calendar_days, street_boundaries, site_meta, subsidy_rules, schema tables), table-valued
 *   functions (json_each), VALUES lists, subquery results and constant rows may be scanned.
 *
 * Plans name a table by its alias (`SCAN s`), so each statement's FROM/JOIN clauses are read
 * to map aliases to tables; an alias used for two tables in one statement counts as both.
 *
 * The list-search indexes (db/search/engine) are built before recording starts, as the server
 * builds them at start; what a request then runs is recorded: the change-log poll and, after a
 * write, the targeted reload of the changed course (one call below writes first).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { parseApiParams, type ApiListKind, type ApiParams } from '@/app/api/v1/_lib/params';

const db = useSeededTestDb();
const NOW = new Date(`${TEST_TODAY}T10:00:00+08:00`);
const EVENING = new Date(`${TEST_TODAY}T20:30:00+08:00`);
const BASE = 'http://test.local';

/** Tables whose rows grow with the district's data: never scanned whole. */
const GROWING = new Set([
  'courses',
  'course_runs',
  'run_certificates',
  'run_target_groups',
  'places',
  'providers',
  'stations',
  'station_hours',
  'station_exceptions',
  'station_services',
  'fairs',
  'fair_employers',
  'fair_positions',
  'search_docs',
  'search_grams',
  'search_fts',
  'search_misses',
]);

/** Whole-index walks that are bounded (statement text fragment → why it is fine). */
const BOUNDED_INDEX_WALKS: { match: RegExp; why: string }[] = [];

type Recorded = { sql: string; params: unknown[]; from: string };
const recorded = new Map<string, Recorded>();
let currentCall = '';

/** Wraps the connection's prepare so every statement (and its first parameters) is kept. */
function record(client: Database.Database): void {
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    const stmt = prepare(source);
    const text = source.trim();
    if (!/^(select|with)\b/i.test(text)) return stmt;
    const keep = (params: unknown[]) => {
      if (!recorded.has(text)) recorded.set(text, { sql: text, params, from: currentCall });
    };
    for (const m of ['all', 'get', 'iterate', 'run'] as const) {
      const orig = (stmt[m] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...params: unknown[]) => {
        keep(params);
        return orig(...params);
      };
    }
    return stmt;
  }) as typeof client.prepare;
}

/** alias → table names, from FROM / JOIN clauses (quoted or not). */
function aliasesOf(text: string, tables: Set<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (alias: string, table: string) => {
    const set = out.get(alias) ?? new Set<string>();
    set.add(table);
    out.set(alias, set);
  };
  const re = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/gi;
  const keywords = new Set(['where', 'on', 'join', 'left', 'inner', 'cross', 'group', 'order', 'limit', 'using', 'natural', 'union', 'as']);
  for (const m of text.matchAll(re)) {
    const table = m[1]!.toLowerCase();
    if (!tables.has(table)) continue;
    add(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !keywords.has(alias)) add(alias, table);
  }
  return out;
}

type PlanRow = { id: number; parent: number; detail: string };

/** The plan lines of `r` that break the rule, as readable strings. */
function offences(client: Database.Database, r: Recorded, tables: Set<string>): string[] {
  const plan = client.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...(r.params as never[])) as PlanRow[];
  const aliases = aliasesOf(r.sql, tables);
  const bad: string[] = [];
  // `CO-ROUTINE d` / `MATERIALIZE d`: a subquery or VALUES list named d, read by a sibling `SCAN d`.
  const subqueries = new Set(
    plan.flatMap((p) => {
      const m = /^(?:CO-ROUTINE|MATERIALIZE) (\S+)$/.exec(p.detail);
      return m ? [`${p.parent}:${m[1]!.toLowerCase()}`] : [];
    }),
  );
  for (const { detail, parent } of plan) {
    // The search index is entered by the keyword (a gram, a MATCH, a rowid), never by kind alone.
    const byKind = /^SEARCH (\S+) USING (?:COVERING )?INDEX \S+ \(kind=\?\)$/.exec(detail);
    if (byKind && [...(aliases.get(byKind[1]!.toLowerCase()) ?? [])].includes('search_docs')) {
      bad.push(`${detail}  [search_docs by kind alone]`);
      continue;
    }
    // With a keyword, its id list is the selective path: walking every published row instead
    // and testing it against that list is a scan in all but name.
    const loose = /^SEARCH (\S+) USING (?:COVERING )?INDEX \S+ \(publication=\?\)$/.exec(detail);
    if (loose && /search_grams|search_fts/.test(r.sql)) {
      bad.push(`${detail}  [all published rows, with a keyword]`);
      continue;
    }
    const m = /^SCAN (\S+)(.*)$/.exec(detail);
    if (!m) continue;
    if (subqueries.has(`${parent}:${m[1]!.toLowerCase()}`)) continue;
    const name = m[1]!.toLowerCase();
    const rest = m[2]!;
    const named = aliases.get(name) ?? (tables.has(name) ? new Set([name]) : new Set<string>());
    const growing = [...named].filter((t) => GROWING.has(t));
    if (growing.length === 0) continue;
    if (/VIRTUAL TABLE INDEX \d+:\S*M/.test(rest)) continue; // FTS5 through MATCH
    if (/USING (COVERING )?INDEX/.test(rest) && /\blimit\b/i.test(r.sql) && BOUNDED_INDEX_WALKS.some((b) => b.match.test(r.sql))) continue;
    bad.push(`${detail}  [${growing.join(", ")}]`);
  }
  if (bad.length && process.env.PLAN_DEBUG) bad.push(...plan.map((p) => `    . ${p.id}<${p.parent} ${p.detail}`));
  return bad;
}

function params<K extends ApiListKind>(kind: K, qs = ''): ApiParams<K> {
  const r = parseApiParams(kind, new URLSearchParams(qs));
  assert.ok(r.ok, qs);
  return r.values;
}

function one<T>(sqlText: string): T {
  return db.$client.prepare(sqlText).get() as T;
}

describe('query plans of the public reads', () => {
  const calls: { name: string; run: () => unknown }[] = [];
  let clearResultCaches: () => void = () => {};

  before(async () => {
    const courses = await import('./courses');
    const stations = await import('./stations');
    const fairs = {
      ...(await import('./fairs/list')),
      ...(await import('./fairs/detail')),
      ...(await import('./fairs/calendar')),
      ...(await import('./fairs/for-course')),
      ...(await import('./fairs/upcoming')),
    };
    const openData = {
      ...(await import('./open-data')),
      ...(await import('@/app/api/v1/_lib/stations')),
      ...(await import('@/app/api/v1/_lib/courses')),
      ...(await import('@/app/api/v1/_lib/fairs')),
      ...(await import('@/app/api/v1/_lib/jobs')),
    };
    const jobs = await import('./jobs/list');
    const feeds = await import('./feeds');
    const coverage = await import('./coverage');
    const published = await import('./published');
    ({ clearResultCaches } = await import('@/db/search/engine'));
    // The list engines' indexes are built once at server start and then kept current from the
    // change log: a build reads its tables whole by design. The per-request reads recorded below
    // are what must not.
    await courses.publicCourses.warm(db);
    const { stationFinder } = await import('./stations/list');
    await stationFinder.warm(db);
    await fairs.fairList.warm(db);
    await jobs.jobList.warm(db);
    // So is the keyword search's document map (db/search/keywords.ts).
    await (await import('@/db/search')).warmKeywordIndex(db);

    const street = one<{ id: number }>('SELECT id FROM streets ORDER BY sort LIMIT 1').id;
    const occupation = one<{ id: number }>('SELECT occupation_id AS id FROM courses WHERE publication = \'published\' LIMIT 1').id;
    const group = one<{ code: string }>('SELECT code FROM target_groups LIMIT 1').code;
    const service = one<{ id: number }>('SELECT service_id AS id FROM station_services LIMIT 1').id;
    const landmark = one<{ id: number } | undefined>("SELECT id FROM places WHERE kind = 'landmark' LIMIT 1")?.id;
    const course = one<{ id: number }>("SELECT id FROM courses WHERE publication = 'published' LIMIT 1").id;
    const run = one<{ id: number; course_id: number }>("SELECT id, course_id FROM course_runs WHERE publication = 'published' LIMIT 1");
    const station = one<{ id: number }>("SELECT id FROM stations WHERE publication = 'published' LIMIT 1").id;
    const fair = one<{ id: number }>("SELECT id FROM fairs WHERE publication = 'published' LIMIT 1").id;
    const linkedCourse = one<{ id: number } | undefined>('SELECT course_id AS id FROM fair_positions WHERE course_id IS NOT NULL LIMIT 1')?.id ?? course;

    const keywords = ['电', '电工', '育婴员', 'dg', 'diangong', '医保', '异地就医', 'ydjy', '招聘会', '丰台 招聘'];
    const courseQs = [
      '',
      ...keywords.map((q) => `q=${encodeURIComponent(q)}`),
      `occupation=${occupation}`,
      'level=3',
      'level=4&level=5',
      `street=${street}`,
      'cost=free',
      'cost=subsidy&cost=self',
      'dual=1',
      `group=${group}`,
      'start=2w',
      'start=3m',
      'status=open',
      'status=full&status=ended',
      'sort=new',
      `sort=near&near=s${street}`,
      ...(landmark ? [`sort=near&from=place-${landmark}`] : []),
      'when=weekend&when=evening',
      'seats=1',
      `q=${encodeURIComponent('电工')}&street=${street}&cost=free&status=open&level=4&dual=1&start=1m`,
      'page=500',
      'page=3',
    ];
    for (const qs of courseQs) {
      calls.push({ name: `searchCourses ${qs}`, run: () => (clearResultCaches(), courses.searchCourses(qs, { today: TEST_TODAY })) });
    }
    // A save, then a search: the index reloads that one course (its statements are recorded too).
    {
      const seats = one<{ id: number; seats_left: number }>("SELECT id, seats_left FROM course_runs WHERE publication = 'published' AND seats_left > 0 LIMIT 1");
      calls.push({
        name: 'searchCourses after a run is saved',
        run: async () => {
          db.$client.prepare('UPDATE course_runs SET seats_left = ? WHERE id = ?').run(seats.seats_left - 1, seats.id);
          await courses.searchCourses('', { today: TEST_TODAY });
          db.$client.prepare('UPDATE course_runs SET seats_left = ? WHERE id = ?').run(seats.seats_left, seats.id);
        },
      });
    }
    const stationQs = [
      '',
      ...keywords.map((q) => `q=${encodeURIComponent(q)}`),
      `street=${street}`,
      'host=bank',
      `service=${service}`,
      'open=1',
      'evening=1',
      'weekend=1',
      `near=s${street}`,
      ...(landmark ? [`near=p${landmark}`] : []),
      'lat=39.86&lng=116.29',
      `q=${encodeURIComponent('医保')}&street=${street}&host=bank&service=${service}&open=1&evening=1&weekend=1&near=s${street}`,
      `service=${service}&open=1`,
      'q=zzzzzz&open=1',
      'page=500',
      'page=3',
    ];
    for (const qs of stationQs) {
      calls.push({ name: `searchStations ${qs}`, run: () => (clearResultCaches(), stations.searchStations(qs, NOW)) });
      calls.push({ name: `searchStations(evening) ${qs}`, run: () => (clearResultCaches(), stations.searchStations(qs, EVENING)) });
    }
    const fairQs = [
      '',
      ...keywords.map((q) => `q=${encodeURIComponent(q)}`),
      'type=general',
      `street=${street}`,
      'date=today',
      'date=tomorrow',
      'date=week',
      'date=month',
      'when=past',
      'when=past&date=week',
      `q=${encodeURIComponent('招聘')}&type=general&street=${street}&date=month`,
      'page=500',
      'page=3',
    ];
    for (const qs of fairQs) {
      calls.push({ name: `searchFairs ${qs}`, run: () => (clearResultCaches(), fairs.searchFairs(qs, NOW)) });
    }

    const jobQs = [
      '',
      ...keywords.map((q) => `q=${encodeURIComponent(q)}`),
      'pay=negotiable',
      'pay=m8000',
      `street=${street}`,
      'date=week',
      `near=s${street}`,
      `near=s${street}&dist=5`,
      `fair=${fair}`,
      `q=${encodeURIComponent('员')}&pay=m5000&street=${street}&date=month&near=s${street}&dist=10`,
      'page=500',
    ];
    for (const qs of jobQs) {
      calls.push({ name: `searchJobs ${qs}`, run: () => (clearResultCaches(), jobs.searchJobs(qs, NOW)) });
    }

    calls.push(
      { name: 'getCourseDetail', run: () => courses.getCourseDetail(course, NOW) },
      { name: 'getCourseTitle', run: () => courses.getCourseTitle(course) },
      { name: 'listCourseOrigins', run: () => courses.listCourseOrigins() },
      { name: 'getStationDetail', run: () => stations.getStationDetail(station, NOW) },
      { name: 'getFairDetail', run: () => fairs.getFairDetail(fair, NOW) },
      { name: 'getFairCalendarInfo', run: () => fairs.getFairCalendarInfo(fair) },
      { name: 'listFairsForCourse', run: () => fairs.listFairsForCourse(linkedCourse, TEST_TODAY) },
      { name: 'listUpcomingFairs', run: () => fairs.listUpcomingFairs(3, NOW) },
      { name: 'isPublished', run: () => Promise.all(['courses', 'stations', 'fairs'].map((k) => published.isPublished(k as 'courses', 1))) },
      { name: 'isPublishedRun', run: async () => await published.isPublishedRun(run.course_id, run.id) },
      { name: 'listFeedCourses', run: async () => [await feeds.listFeedCourses(null), await feeds.listFeedCourses(occupation)] },
      { name: 'listFeedFairs', run: async () => [await feeds.listFeedFairs(null, NOW), await feeds.listFeedFairs('general', NOW)] },
      { name: 'getOccupationName', run: async () => await feeds.getOccupationName(occupation) },
      { name: 'coverage', run: async () => [await coverage.computeCoverageAt(NOW), await coverage.getCoverageSummary(NOW)] },
    );

    const api = (kind: ApiListKind, qs: string[]) => qs.map((q) => ({ kind, q }));
    const apiCalls = [
      ...api('stations', ['', 'q=%E5%8C%BB%E4%BF%9D', `street=${street}`, 'host_type=bank', `service=${service}`, 'open_now=1', 'page=3&per_page=5']),
      ...api('courses', ['', 'q=%E7%94%B5%E5%B7%A5', `occupation=${occupation}`, 'level=4', `street=${street}`, 'cost=free', 'page=3&per_page=5']),
      ...api('runs', ['', 'q=dg', `course=${course}`, 'status=open', 'start_from=2026-12-01&start_to=2027-01-31', `street=${street}&cost=subsidy`, 'page=3&per_page=5']),
      ...api('fairs', ['', 'q=%E6%8B%9B%E8%81%98%E4%BC%9A', 'type=general', `street=${street}`, 'date=week', 'when=past', 'when=all', 'page=3&per_page=5']),
      ...api('jobs', ['', 'q=%E7%94%B5%E5%B7%A5', 'pay=m5000', `street=${street}`, `near=s${street}&dist=5`, `fair=${fair}`, 'page=2&per_page=5']),
    ];
    for (const { kind, q } of apiCalls) {
      const paging = { page: 1, perPage: 20 };
      calls.push({
        name: `api ${kind} ${q}`,
        run: () => {
          const v = params(kind, q);
          if (kind === 'stations') return openData.listApiStations(v as ApiParams<'stations'>, paging, BASE, NOW);
          if (kind === 'courses') return openData.listApiCourses(v as ApiParams<'courses'>, paging, BASE, NOW);
          if (kind === 'runs') return openData.listApiRuns(v as ApiParams<'runs'>, paging, BASE, NOW);
          if (kind === 'jobs') return openData.listApiJobs(v as ApiParams<'jobs'>, paging, BASE, NOW);
          return openData.listApiFairs(v as ApiParams<'fairs'>, paging, BASE, NOW);
        },
      });
    }
    calls.push(
      { name: 'getApiStation', run: () => openData.getApiStation(station, BASE, NOW) },
      { name: 'getApiCourse', run: () => openData.getApiCourse(course, BASE, NOW) },
      { name: 'getApiFair', run: () => openData.getApiFair(fair, BASE) },
      { name: 'streetExists', run: () => openData.streetExists(street) },
      { name: 'publishedDetailIds', run: () => openData.publishedDetailIds() },
    );
  });

  it('runs every public entry point with a spread of inputs', async () => {
    record(db.$client);
    for (const c of calls) {
      currentCall = c.name;
      // One at a time, so each statement is recorded against the call that ran it.
      await assert.doesNotReject(async () => c.run(), c.name);
    }
    assert.ok(recorded.size > 50, `only ${recorded.size} statements recorded`);
  });

  it('scans no growing table whole', async () => {
    const tables = new Set(
      (db.$client.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).map((t) => t.toLowerCase()),
    );
    for (const t of GROWING) assert.ok(tables.has(t), `schema has ${t}`);
    const problems: string[] = [];
    for (const r of recorded.values()) {
      const bad = offences(db.$client, r, tables);
      if (bad.length) problems.push(`${r.from}\n  ${r.sql.replace(/\s+/g, ' ').slice(0, 400)}\n  ${bad.join('\n  ')}`);
    }
    assert.deepEqual(problems, [], `\n${problems.join('\n\n')}`);
  });
});
