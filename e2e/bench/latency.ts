/**
 * Data-layer latency of every public query, over a database file (normally the city-scale one
 * from e2e/bench/dataset.ts):
 *
 *   node --conditions=react-server --import tsx e2e/bench/latency.ts --db <file> [--out <json>] [--iterations N]
 *
 * Calls the same exported functions the pages call. Each row is timed COLD and WARM:
 * - cold = the first request after a content change: before each call a save to the row's own
 *   list (courses and details: one published run's seats; stations: a station; fairs: a fair; the
 *   home page and site search: all three), the same writes an admin save makes, so the change-log
 *   triggers fire and the list's index applies it on the call; and every result cache is emptied
 *   (the engine's; the page cache is not in this path); the index itself stays, as in the server;
 * - warm = caches kept, each call rotating over two values, filled first, so a warm call is a
 *   cache hit on more than one key.
 * Before the rows, the course index is built once (as instrumentation.ts does at server start)
 * and its build time printed, with the time the index took to apply each change. Without
 * --iterations each row runs cold for about half a second (at least 3, at most 60 calls) and
 * warm as many times, so the whole run stays near 90 s at city scale on a small machine.
 *
 * JSON written to --out: { db, today, startedAt, seconds, rows: LatencyRow[] } where
 * LatencyRow = { group, name, target, cold: {p50,p95,p99}, warm: {p50,p95,p99}, n } (ms).
 */
import fs from 'node:fs';
import path from 'node:path';

export type Percentiles = { p50: number; p95: number; p99: number };
export type LatencyRow = { group: string; name: string; target: number; cold: Percentiles; warm: Percentiles; n: number };
export type LatencyReport = { db: string; today: string; startedAt: string; seconds: number; rows: LatencyRow[] };

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)) };
}

type Args = { db: string; out: string | null; iterations: number | null };

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { db: '', out: null, iterations: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--db' && value) (args.db = value), i++;
    else if (flag === '--out' && value) (args.out = value), i++;
    else if (flag === '--iterations' && value && /^[1-9]\d{0,5}$/.test(value)) (args.iterations = Number(value)), i++;
    else throw new Error(`latency: unknown or incomplete argument ${JSON.stringify(flag)}\nusage: latency.ts --db <file> [--out <json>] [--iterations N]`);
  }
  if (!args.db) throw new Error('latency: --db <file> is required');
  return args;
}

/** Issue 15's targets: cold p95 (a filter set never seen, after a content change) and warm p95. */
const COLD_TARGET_MS = 20;
const WARM_TARGET_MS = 2;

/** One benchmark row: `run(i)` performs the i-th call (values rotate with i); returns a result count for the table. */
type Case = { group: string; name: string; target?: number; run: (i: number) => number | Promise<number> };

const rot = <T>(items: readonly T[], i: number): T => items[i % items.length]!;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dbFile = path.resolve(args.db);
  if (!fs.existsSync(dbFile)) throw new Error(`latency: no database at ${dbFile} (build one with: npx tsx e2e/bench/dataset.ts ${args.db})`);
  // Before any db code loads: the shared connection reads it once.
  process.env.DATABASE_PATH = dbFile;

  const { searchCourses, getCourseDetail } = await import('@/db/queries/courses');
  const { searchStations, getStationDetail } = await import('@/db/queries/stations');
  const { searchFairs } = await import('@/db/queries/fairs/list');
  const { searchJobs } = await import('@/db/queries/jobs/list');
  const { getFairDetail } = await import('@/db/queries/fairs/detail');
  const { listUpcomingFairs } = await import('@/db/queries/fairs/upcoming');
  const { clearResultCaches } = await import('@/db/search/engine');
  const { publicCourses } = await import('@/db/queries/courses');
  const { courseRuns, stations, fairs } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const { beijingToday } = await import('@/db/domain/time');
  const { getDb } = await import('@/db');

  const now = new Date();
  const today = beijingToday(now);
  const client = getDb().$client;
  const ids = (sql: string) => (client.prepare(sql).pluck().all() as number[]).slice(0, 200);
  const publishedCourses = ids(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id`);
  const publishedStations = ids(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id`);
  const publishedFairs = ids(`SELECT id FROM fairs WHERE publication = 'published' ORDER BY starts_at DESC`);
  const streetIds = ids('SELECT id FROM streets ORDER BY id');
  const occupationIds = ids('SELECT id FROM occupations ORDER BY id');
  const serviceIds = ids('SELECT id FROM services ORDER BY id');
  const landmarkIds = ids(`SELECT id FROM places WHERE kind = 'landmark' ORDER BY id`);
  const groups = client.prepare('SELECT code FROM target_groups ORDER BY sort').pluck().all() as string[];

  const course = async (qs: string) => (await searchCourses(qs, { today })).total;

  // The index is built once at start (instrumentation.ts), never by a request.
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  await publicCourses.warm(getDb());
  const buildMs = performance.now() - buildStart;
  global.gc?.();
  const indexMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  // The other lists' indexes are built at start too (db/queries/warm-indexes.ts), not by a row's first call.
  await (await import('@/db/queries/warm-indexes')).warmListIndexes();
  const applyMs: number[] = [];
  // A real content change before every cold call: one published run's seats go down or back up.
  const changing = client
    .prepare(`SELECT r.id, r.seats, r.seats_left FROM course_runs r JOIN courses c ON c.id = r.course_id
      WHERE r.publication = 'published' AND c.publication = 'published' AND r.start_date > ? AND r.seats_left > 0 ORDER BY r.id LIMIT 1`)
    .get(today) as { id: number; seats: number; seats_left: number } | undefined;
  let flip = false;
  const runChange = () => {
    if (!changing) return;
    flip = !flip;
    getDb().update(courseRuns).set({ seatsLeft: flip ? changing.seats_left - 1 : changing.seats_left, updatedAt: new Date() }).where(eq(courseRuns.id, changing.id)).run();
  };
  // A station's or a fair's save (the same rows an admin save writes: the change-log triggers fire).
  const stationChange = () => getDb().update(stations).set({ updatedAt: new Date() }).where(eq(stations.id, publishedStations[0]!)).run();
  const fairChange = () => getDb().update(fairs).set({ updatedAt: new Date() }).where(eq(fairs.id, publishedFairs[0]!)).run();
  // Each row is cold after a save to its own list (the job list's is a fair: positions are saved
  // with their fair); the home page and the site search read all three lists, so before each of
  // their calls all three change.
  const contentChange = (group: string) => {
    if (group === 'stations') stationChange();
    else if (group === 'fairs' || group === 'jobs') fairChange();
    else if (group === 'home' || group === 'search') (runChange(), stationChange(), fairChange());
    else runChange();
  };
  const station = async (qs: string) => (await searchStations(qs, now)).total;
  const fair = async (qs: string) => (await searchFairs(qs, now)).total;
  const job = async (qs: string) => (await searchJobs(qs, now)).total;
  const lastPage = (total: number) => Math.max(1, Math.min(500, Math.ceil(total / 10)));
  const coursePages = lastPage(await course(''));
  const stationPages = lastPage(await station(''));
  const fairPastPages = lastPage(await fair('when=past'));

  const KW = {
    course: { 1: ['工', '电', '花', '厨'], 2: ['护理', '电工', '花艺', '保安', '园林'], 3: ['育婴员', '养老护理', '园林绿化工', '叉车司机'], py: ['yyy', 'diangong', 'yllhg', 'baoanyuan'] },
    station: { 1: ['站', '银', '医', '东'], 2: ['银行', '社区', '备案', '医院', '东里'], 3: ['异地就医', '卫生服务站', '打印就医记录', '银行网点'] },
    fair: { 1: ['工', '会', '岗', '聘'], 2: ['招聘', '专场', '配送', '养老', '园林'], 3: ['招聘会', '春风行动', '养老护理员', '绿化养护工'] },
    job: { 1: ['工', '员', '师'], 2: ['电工', '保安', '花乡', '夜班'], 3: ['养老护理员', '退役军人', '叉车司机'] },
  } as const;
  const enc = encodeURIComponent;

  const cases: Case[] = [
    // --- Courses ------------------------------------------------------------------------------
    { group: 'courses', name: 'plain', run: () => course('') },
    { group: 'courses', name: 'keyword 1 char', run: (i) => course(`q=${enc(rot(KW.course[1], i))}`) },
    { group: 'courses', name: 'keyword 2 chars', run: (i) => course(`q=${enc(rot(KW.course[2], i))}`) },
    { group: 'courses', name: 'keyword 3+ chars', run: (i) => course(`q=${enc(rot(KW.course[3], i))}`) },
    { group: 'courses', name: 'keyword pinyin', run: (i) => course(`q=${rot(KW.course.py, i)}`) },
    { group: 'courses', name: 'occupation', run: (i) => course(`occupation=${rot(occupationIds, i)}`) },
    { group: 'courses', name: 'level', run: (i) => course(`level=${(i % 5) + 1}`) },
    { group: 'courses', name: 'street', run: (i) => course(`street=${rot(streetIds, i * 7)}`) },
    { group: 'courses', name: 'cost', run: (i) => course(`cost=${rot(['free', 'subsidy', 'self'], i)}`) },
    { group: 'courses', name: 'dual', run: () => course('dual=1') },
    { group: 'courses', name: 'group', run: (i) => course(`group=${rot(groups, i)}`) },
    { group: 'courses', name: 'start', run: (i) => course(`start=${rot(['2w', '1m', '3m'], i)}`) },
    { group: 'courses', name: 'status', run: (i) => course(`status=${rot(['open', 'full', 'closed', 'running', 'ended'], i)}`) },
    {
      group: 'courses',
      name: 'all filters combined',
      run: (i) => course(`q=${enc(rot(KW.course[2], i))}&occupation=${rot(occupationIds, i)}&level=5&level=4&street=${rot(streetIds, i * 3)}&cost=free&cost=subsidy&group=${rot(groups, i)}&start=3m&status=open`),
    },
    { group: 'courses', name: 'weekend or evening', run: (i) => course(`when=${rot(['weekend', 'evening'], i)}`) },
    { group: 'courses', name: 'seats left', run: (i) => course(`seats=1&street=${rot(streetIds, i * 7)}`) },
    { group: 'courses', name: 'near me (street)', run: (i) => course(`sort=near&near=s${rot(streetIds, i * 5)}`) },
    ...(landmarkIds.length > 0 ? [{ group: 'courses', name: 'near me (place)', run: (i: number) => course(`sort=near&near=p${rot(landmarkIds, i)}`) }] : []),
    { group: 'courses', name: `deep page (${coursePages})`, run: (i) => course(`page=${coursePages - (i % 3)}`) },

    // --- Stations -----------------------------------------------------------------------------
    { group: 'stations', name: 'plain', run: () => station('') },
    { group: 'stations', name: 'keyword 1 char', run: (i) => station(`q=${enc(rot(KW.station[1], i))}`) },
    { group: 'stations', name: 'keyword 2 chars', run: (i) => station(`q=${enc(rot(KW.station[2], i))}`) },
    { group: 'stations', name: 'keyword 3+ chars', run: (i) => station(`q=${enc(rot(KW.station[3], i))}`) },
    { group: 'stations', name: 'street', run: (i) => station(`street=${rot(streetIds, i * 7)}`) },
    { group: 'stations', name: 'host', run: (i) => station(`host=${rot(['street_centre', 'community_health', 'bank', 'hospital', 'park'], i)}`) },
    { group: 'stations', name: 'service', run: (i) => station(`service=${rot(serviceIds, i * 3)}`) },
    { group: 'stations', name: 'evening', run: () => station('evening=1') },
    { group: 'stations', name: 'weekend', run: () => station('weekend=1') },
    { group: 'stations', name: 'open now', run: () => station('open=1') },
    { group: 'stations', name: 'near me', run: (i) => station(`near=s${rot(streetIds, i * 5)}`) },
    { group: 'stations', name: `deep page (${stationPages})`, run: (i) => station(`page=${stationPages - (i % 3)}`) },

    // --- Fairs --------------------------------------------------------------------------------
    { group: 'fairs', name: 'plain', run: () => fair('') },
    { group: 'fairs', name: 'keyword 1 char', run: (i) => fair(`q=${enc(rot(KW.fair[1], i))}`) },
    { group: 'fairs', name: 'keyword 2 chars', run: (i) => fair(`q=${enc(rot(KW.fair[2], i))}`) },
    { group: 'fairs', name: 'keyword 3+ chars', run: (i) => fair(`q=${enc(rot(KW.fair[3], i))}`) },
    { group: 'fairs', name: 'type', run: (i) => fair(`type=${rot(['general', 'special', 'short_training', 'online', 'graduates', 'gig_market'], i)}`) },
    { group: 'fairs', name: 'street', run: (i) => fair(`street=${rot(streetIds, i * 7)}`) },
    { group: 'fairs', name: 'date', run: (i) => fair(`date=${rot(['today', 'tomorrow', 'week', 'month'], i)}`) },
    { group: 'fairs', name: 'past', run: () => fair('when=past') },
    { group: 'fairs', name: 'combined', run: (i) => fair(`q=${enc(rot(KW.fair[2], i))}&type=${rot(['general', 'special', 'short_training'], i)}&street=${rot(streetIds, i * 3)}&date=month`) },
    { group: 'fairs', name: `deep page (past, ${fairPastPages})`, run: (i) => fair(`when=past&page=${fairPastPages - (i % 3)}`) },

    // --- Jobs (positions at upcoming fairs); cold after a course save (a fair's save rebuilds the index) ---
    { group: 'jobs', name: 'plain', run: () => job('') },
    { group: 'jobs', name: 'keyword 1 char', run: (i) => job(`q=${enc(rot(KW.job[1], i))}`) },
    { group: 'jobs', name: 'keyword 2 chars', run: (i) => job(`q=${enc(rot(KW.job[2], i))}`) },
    { group: 'jobs', name: 'keyword 3+ chars', run: (i) => job(`q=${enc(rot(KW.job[3], i))}`) },
    { group: 'jobs', name: 'pay', run: (i) => job(`pay=${rot(['negotiable', 'm5000', 'm8000', 'gig'], i)}`) },
    { group: 'jobs', name: 'street', run: (i) => job(`street=${rot(streetIds, i * 7)}`) },
    { group: 'jobs', name: 'near me, 5 km', run: (i) => job(`near=s${rot(streetIds, i * 5)}&dist=5`) },
    { group: 'jobs', name: 'combined', run: (i) => job(`q=${enc(rot(KW.job[2], i))}&pay=m5000&date=month&near=s${rot(streetIds, i * 3)}`) },

    // --- Details, home, site search -----------------------------------------------------------
    { group: 'detail', name: 'course', run: async (i) => ((await getCourseDetail(rot(publishedCourses, i * 13), now)) ? 1 : 0) },
    { group: 'detail', name: 'station', run: async (i) => ((await getStationDetail(rot(publishedStations, i * 13), now)) ? 1 : 0) },
    { group: 'detail', name: 'fair', run: async (i) => ((await getFairDetail(rot(publishedFairs, i * 13), now)) ? 1 : 0) },
    {
      group: 'home',
      name: 'home page reads',
      // As app/(public)/page.tsx: three upcoming fairs, stations open now (else all), free open courses.
      run: async () => {
        const fairs = await listUpcomingFairs(3, now);
        const open = await searchStations('open=1', now, { facets: false });
        const stations = open.total > 0 ? open : await searchStations('', now, { facets: false });
        const courses = await searchCourses('cost=free&status=open', { today, facets: false });
        return fairs.length + stations.items.length + courses.items.length;
      },
    },
    {
      group: 'search',
      name: 'site search (2 chars)',
      // As app/(public)/search/page.tsx: the same words over all three lists, results and totals only.
      run: async (i) => {
        const q = `q=${enc(rot(['电工', '养老', '银行', '招聘', '护理'], i))}`;
        const lists = [await searchCourses(q, { today, facets: false }), await searchStations(q, now, { facets: false }), await searchFairs(q, now, { facets: false })];
        return lists.reduce((n, r) => n + r.total, 0);
      },
    },
  ];

  const started = performance.now();
  const rows: LatencyRow[] = [];
  const table: string[][] = [];
  // Defaults keep the run under ~90 s at city scale: about half a second of cold calls per row
  // (at least 3, at most 60), then as many warm calls over the first few values, cached first.
  const budgetMs = 500;
  const maxN = args.iterations ?? 60;
  const minN = args.iterations ?? 3;
  for (const c of cases) {
    const cold: number[] = [];
    let results = 0;
    const coldStart = performance.now();
    for (let i = 0; cold.length < maxN && (cold.length < minN || performance.now() - coldStart < budgetMs); i++) {
      contentChange(c.group);
      clearResultCaches();
      const t = performance.now();
      const applied = publicCourses.index.stats.applied;
      results = await c.run(i);
      cold.push(performance.now() - t);
      if (publicCourses.index.stats.applied > applied) applyMs.push(publicCourses.index.stats.lastApplyMs);
    }
    // Warm: the first `keys` values are requested once (filling the cache), then timed in turn, so
    // the warm figure is a cache hit over several keys, not one.
    const keys = Math.min(cold.length, 2);
    for (let i = 0; i < keys; i++) await c.run(i);
    const warm: number[] = [];
    for (let i = 0; i < cold.length; i++) {
      const t = performance.now();
      await c.run(i % keys);
      warm.push(performance.now() - t);
    }
    const row: LatencyRow = { group: c.group, name: c.name, target: c.target ?? COLD_TARGET_MS, cold: percentiles(cold), warm: percentiles(warm), n: cold.length };
    rows.push(row);
    const f = (x: number) => x.toFixed(2);
    const miss = row.cold.p95 > row.target ? ' ✗' : '';
    const warmMiss = c.group !== 'detail' && row.warm.p95 > WARM_TARGET_MS ? ' ✗' : '';
    table.push([row.group, row.name, String(row.target), f(row.cold.p50), f(row.cold.p95) + miss, f(row.cold.p99), f(row.warm.p50), f(row.warm.p95) + warmMiss, f(row.warm.p99), String(row.n), String(results)]);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const seconds = Math.round((performance.now() - started) / 100) / 10;

  const head = ['group', 'query', 'target', 'cold p50', 'cold p95', 'cold p99', 'warm p50', 'warm p95', 'warm p99', 'n', 'results'];
  const widths = head.map((h, k) => Math.max(h.length, ...table.map((r) => r[k]!.length)));
  const line = (r: string[]) => r.map((cell, k) => (k < 2 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ');
  console.log(`Data-layer latency (ms) over ${dbFile}, today ${today}; cold = after a content change, result caches emptied; ✗ = cold p95 over target, or warm p95 over ${WARM_TARGET_MS} ms (details have no result cache: no warm target)`);
  const st = publicCourses.index.stats;
  const ap = percentiles(applyMs);
  console.log(
    `course index: built in ${buildMs.toFixed(0)} ms at start (heap +${indexMb.toFixed(1)} MB); ${st.builds} build(s); ${st.applied} change(s) applied, apply p50 ${ap.p50} ms, p95 ${ap.p95} ms`,
  );
  console.log(line(head));
  for (const r of table) console.log(line(r));
  console.log(`${rows.length} queries in ${seconds} s`);

  if (args.out) {
    const report: LatencyReport = { db: dbFile, today, startedAt: now.toISOString(), seconds, rows };
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
    console.log(`wrote ${args.out}`);
  }
}

if (/e2e[\\/]bench[\\/]latency\.ts$/.test(process.argv[1] ?? '')) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
