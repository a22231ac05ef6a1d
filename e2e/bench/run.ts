/**
 * `npm run bench`: the whole benchmark of issue 5 in one command, printing one table.
 *
 *   1 data layer   e2e/bench/latency.ts in its own process (p50/p95/p99 per public query)
 *   2 http         autocannon on 127.0.0.1 against `next start` (bench build, bench database)
 *   3 floor        the same paths against a bare node:http + better-sqlite3 server; ratio
 *   4 JS           first-load JS (gzip) per public route, minus Next's own floor
 *   5 memory       peak RSS (VmHWM) of the server process after the load
 *   6 lighthouse   mobile performance + accessibility on home, a list and a detail
 *
 * Flags: --reuse (keep an existing dataset file), --skip-build (keep an existing .next-bench
 * build), --sample (the small sample data instead of the city-scale dataset), --seconds N and
 * --connections N (autocannon per page; default 5 and 10), --no-lighthouse, --only lighthouse,
 * --no-write (print only; results files untouched), --db <file> (benchmark an existing database
 * file as it is: no dataset step).
 *
 * Results: bench/results.json and bench/results.md, compared with the committed results.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pickPaths, warmUp, load, type BenchPath } from './http';
import { measureJs } from './js-size';
import { runLighthouse } from './lighthouse';
import { renderMarkdown, renderTable, rowsOf, TARGETS, type LatencyQuery, type Results } from './report';
import { memoryOf, pidOnPort, portBusy, startServer, stop, stopAll, waitReady } from './servers';

const ROOT = path.resolve(__dirname, '../..');
process.chdir(ROOT);

const NEXT_PORT = Number(process.env.BENCH_PORT ?? 3330);
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? 3331);
const DIST = '.next-bench';
const DATA = 'bench/.data';
const RESULTS = 'bench/results.json';
// Run as child processes so the data layer's one shared connection opens on the bench database.
const DATASET_SCRIPT = 'e2e/bench/dataset.ts';
const LATENCY_SCRIPT = 'e2e/bench/latency.ts';

const argv = process.argv.slice(2);
const has = (flag: string) => argv.includes(flag);
const num = (flag: string, fallback: number) => {
  const i = argv.indexOf(flag);
  const n = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const dbArg = argv.includes('--db') ? argv[argv.indexOf('--db') + 1] : undefined;
const opts = {
  reuse: has('--reuse') || only === 'lighthouse',
  skipBuild: has('--skip-build') || only === 'lighthouse',
  sample: has('--sample') || !fs.existsSync(DATASET_SCRIPT),
  seconds: num('--seconds', 5),
  connections: num('--connections', 10),
  lighthouse: !has('--no-lighthouse'),
  write: !has('--no-write') && only === null,
};

// Usage without side effects: no port check, no dataset, no build — safe on a busy machine.
if (has('--help') || has('-h')) {
  console.log(`用法：npm run bench -- [选项]
  --reuse              沿用已有的数据集文件（${DATA}/）
  --skip-build         沿用已有的 ${DIST} 构建
  --sample             用小的示例数据，不生成城市规模数据集（${DATASET_SCRIPT}）
  --seconds N          每个页面的 autocannon 秒数（默认 5）
  --connections N      autocannon 并发连接数（默认 10）
  --no-lighthouse      不跑 Lighthouse
  --only lighthouse    只跑 Lighthouse（即 npm run bench:lighthouse）
  --no-write           只打印，不改 ${RESULTS}
  --db <文件>          直接测已有的数据库文件，不生成数据集
端口：BENCH_PORT（默认 3330）、BENCH_FLOOR_PORT（默认 3331）`);
  process.exit(0);
}

const started = Date.now();
const step = (text: string) => console.log(`\n── ${text} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

function run(command: string, args: string[], env: Record<string, string> = {}, logFile?: string): void {
  const res = spawnSync(command, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (logFile) fs.writeFileSync(logFile, `${res.stdout ?? ''}${res.stderr ?? ''}`);
  if (res.status !== 0) {
    if (logFile) console.error(fs.readFileSync(logFile, 'utf8').slice(-4000));
    throw new Error(`${command} ${args.join(' ')} failed (exit ${res.status})`);
  }
}

/** Step 1: the database the whole benchmark reads. */
function dataset(): { file: string; kind: Results['dataset']['kind'] } {
  fs.mkdirSync(DATA, { recursive: true });
  if (dbArg) {
    const file = path.resolve(dbArg);
    if (!fs.existsSync(file)) throw new Error(`--db ${dbArg}: no such file`);
    return { file, kind: 'file' };
  }
  const kind = opts.sample ? 'sample' : 'city';
  const file = path.resolve(DATA, `${kind}.sqlite`);
  if (opts.reuse && fs.existsSync(file)) {
    console.log(`reusing ${path.relative(ROOT, file)}`);
    return { file, kind };
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  if (kind === 'city') run(process.execPath, ['--import', 'tsx', DATASET_SCRIPT, file]);
  else run(process.execPath, ['--import', 'tsx', 'db/cli/run.ts', 'reset'], { DATABASE_PATH: file }, `${DATA}/dataset.log`);
  return { file, kind };
}

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const n = (table: string, where = '') => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
    return { courses: n('courses'), runs: n('course_runs'), stations: n('stations'), fairs: n('fairs'), positions: n('fair_positions') };
  } finally {
    db.close();
  }
}

/** Step 2: the data-layer latencies, measured in their own process before any server runs. */
function latency(file: string): Results['latency'] {
  if (!fs.existsSync(LATENCY_SCRIPT)) return { note: `not measured: ${LATENCY_SCRIPT} is not in this checkout yet`, queries: [] };
  const out = path.resolve(DATA, 'latency.json');
  run(process.execPath, ['--conditions=react-server', '--import', 'tsx', LATENCY_SCRIPT, '--db', file, '--out', out]);
  // The brief names the list `queries`; accept `rows` too.
  const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { queries?: LatencyQuery[]; rows?: LatencyQuery[] };
  return { note: null, queries: json.queries ?? json.rows ?? [] };
}

/** Step 3: a production build of its own (Next rewrites tsconfig.json for a new distDir: put it back). */
function build(): void {
  if (opts.skipBuild && fs.existsSync(path.join(DIST, 'BUILD_ID'))) {
    console.log(`reusing the build in ${DIST}`);
    return;
  }
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
  try {
    run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { NEXT_DIST_DIR: DIST }, `${DATA}/build.log`);
  } finally {
    if (fs.readFileSync('tsconfig.json', 'utf8') !== tsconfig) fs.writeFileSync('tsconfig.json', tsconfig);
  }
}

/** The server exactly as `npm start` runs it (package.json: its heap settings included). */
function startNext(file: string) {
  return startServer('next start', 'npm', ['start', '--silent', '--', '-H', '127.0.0.1', '-p', String(NEXT_PORT)], {
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_PATH: file,
    // The bench loads searches from one address far past any resident's budget (app/_server/rate-limit.ts).
    RATE_LIMIT: 'off',
    // A fixed key for this throwaway server (nobody signs in during the benchmark).
    AUTH_SECRET: 'bench-only-secret-not-for-any-real-deployment-0000',
    // A production start needs the site's address (instrumentation.ts); the benchmark's own.
    SITE_URL: `http://127.0.0.1:${NEXT_PORT}`,
  });
}

function startFloor(file: string) {
  return startServer('floor server', process.execPath, ['--import', 'tsx', 'e2e/bench/floor-server.ts', '--db', file, '--port', String(FLOOR_PORT)], {});
}

/** The committed results (HEAD); failing that, an uncommitted results file from an earlier run. */
function previousResults(): { results: Results; from: string } | null {
  let text: string | null = null;
  let from = `${RESULTS} (committed)`;
  try {
    text = execFileSync('git', ['show', `HEAD:${RESULTS}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    text = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : null;
    from = `${RESULTS} (not committed)`;
  }
  try {
    const parsed = text ? (JSON.parse(text) as Results) : null;
    return parsed?.version === 1 ? { results: parsed, from } : null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  for (const port of [NEXT_PORT, FLOOR_PORT]) {
    if (portBusy(port)) throw new Error(`Port ${port} is in use: stop that server first (ss -ltnp 'sport = :${port}').`);
  }
  const previous = previousResults();
  const loadAtStart = os.loadavg()[0]!;

  step(`dataset (${dbArg ? dbArg : opts.sample ? 'sample data' : 'city scale'})`);
  const ds = dataset();
  const rows = rowCounts(ds.file);
  console.log(Object.entries(rows).map(([k, v]) => `${k} ${v}`).join(', '));

  let lat: Results['latency'] = { note: 'skipped (--only lighthouse)', queries: [] };
  if (only === null) {
    step('data-layer latency');
    lat = latency(ds.file);
  }

  step(`next build → ${DIST}`);
  build();

  step(`servers: next start :${NEXT_PORT} (per-address rate limits off: RATE_LIMIT=off), floor :${FLOOR_PORT}`);
  const next = startNext(ds.file);
  const floor = startFloor(ds.file);
  const nextBase = `http://127.0.0.1:${NEXT_PORT}`;
  const floorBase = `http://127.0.0.1:${FLOOR_PORT}`;
  await Promise.all([waitReady(`${nextBase}/`), waitReady(`${floorBase}/`)]);

  const paths = pickPaths(ds.file);
  const http: Results['http'] = { seconds: opts.seconds, connections: opts.connections, pages: [] };
  let js: Results['js'] = null;
  let memory: Results['memory'] = null;

  if (only === null) {
    step('warm-up');
    for (const p of paths) {
      await warmUp(nextBase, p.path);
      await warmUp(floorBase, p.path);
    }
    const serverPid = pidOnPort(NEXT_PORT);
    const idle = serverPid !== null ? memoryOf(serverPid) : null;

    step(`http: ${paths.length} pages × 2 servers × ${opts.seconds} s`);
    for (const p of paths) {
      // Requests still in flight when a run stops would slow the next one: drain them first.
      const page = await load(nextBase, p.path, opts);
      await warmUp(nextBase, p.path, 1);
      const fl = await load(floorBase, p.path, opts);
      await warmUp(floorBase, p.path, 1);
      http.pages.push({ ...p, page, floor: fl, ratio: page.rps / fl.rps });
      console.log(`${p.name.padEnd(18)} ${page.rps.toFixed(0).padStart(6)} req/s   floor ${fl.rps.toFixed(0).padStart(6)} req/s   ${((page.rps / fl.rps) * 100).toFixed(0)}%`);
    }
    // The ceiling of anything served through `next start`: a static file, which bypasses the
    // proxy and rendering. Cached pages cannot beat it, whatever the floor does.
    await warmUp(nextBase, '/icon.svg', 2);
    http.nextStatic = { path: '/icon.svg', result: await load(nextBase, '/icon.svg', opts) };
    console.log(`${"next static file".padEnd(18)} ${http.nextStatic.result.rps.toFixed(0).padStart(6)} req/s`);
    const peak = serverPid !== null ? memoryOf(serverPid) : null;
    if (serverPid !== null && peak) memory = { pid: serverPid, idleMb: idle?.rssMb ?? NaN, peakMb: peak.peakMb, limitMb: TARGETS.memoryMb };

    step('first-load JS');
    const jsPages: { name: string; path: string }[] = [
      ...paths.filter((p: BenchPath) => p.kind !== 'filtered'),
      { name: 'search', path: '/search?q=%E5%85%BB%E8%80%81' },
      { name: 'subsidy check', path: '/courses/subsidy-check' },
      { name: 'open data', path: '/open-data' },
    ];
    js = { ...(await measureJs(nextBase, DIST, jsPages)), budgetKb: TARGETS.jsOverFloorKb };
  }
  stop(floor);

  let lighthouse: Results['lighthouse'] = { note: 'skipped (--no-lighthouse)', pages: [] };
  if (opts.lighthouse) {
    step('lighthouse (mobile)');
    const detail = paths.find((p) => p.name === 'course detail')!;
    lighthouse = { note: null, pages: await runLighthouse(nextBase, [paths[0]!, paths[1]!, detail]) };
  }
  stop(next);

  const results: Results = {
    version: 1,
    finishedAt: new Date().toISOString(),
    wallSeconds: (Date.now() - started) / 1000,
    machine: { cpus: os.cpus().length, node: process.version, loadAtStart, loadAtEnd: os.loadavg()[0]! },
    dataset: { file: path.relative(ROOT, ds.file), kind: ds.kind, rows },
    latency: lat,
    http,
    js,
    memory,
    lighthouse,
  };

  if (only === 'lighthouse') {
    for (const l of lighthouse.pages) console.log(`${l.name.padEnd(16)} performance ${l.performance}  accessibility ${l.accessibility}  LCP ${l.lcpMs} ms  TBT ${l.tbtMs} ms`);
    return lighthouse.pages.every((l) => l.performance >= TARGETS.performance && l.accessibility >= TARGETS.accessibility) ? 0 : 1;
  }

  console.log(`\n${renderTable(results, previous?.results ?? null, previous?.from)}`);
  if (opts.write) {
    fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync('bench/results.md', renderMarkdown(results, previous?.results ?? null, previous?.from));
    console.log(`\nwritten: ${RESULTS}, bench/results.md`);
  }
  // Broken pages are a failed run, not a slow one.
  const broken = http.pages.filter((p) => p.page.non2xx + p.page.errors + p.floor.non2xx + p.floor.errors > 0);
  if (broken.length > 0) {
    console.error(`\nFAILED: non-2xx answers or errors on ${broken.map((p) => p.path).join(', ')}`);
    return 2;
  }
  const misses = rowsOf(results).filter((r) => r.pass === false).length;
  if (misses > 0) console.log(`${misses} target(s) missed (see MISS rows).`);
  return 0;
}

main()
  .then((code) => {
    stopAll();
    process.exit(code);
  })
  .catch((err: unknown) => {
    stopAll();
    console.error(`\nbench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
