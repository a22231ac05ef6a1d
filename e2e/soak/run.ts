/**
 * Soak: a bounded mixed load on 127.0.0.1 — readers on public pages and the API while admin
 * clients save every second through the real admin server actions — then proof that nothing
 * was lost: final versions, texts, audit rows and counts equal what was sent and acknowledged,
 * 0 non-2xx/3xx answers, 0 SQLITE_BUSY in the server's output, integrity_check ok.
 *
 *   npm run soak                          60 s on its own `next start` of the current build
 *   npm run soak -- --seconds 600         the long run
 *   npm run soak -- --backup              also db:backup mid-load, then db:restore and compare
 *   npm run soak -- --url http://127.0.0.1:3000 --db db/data/portal.sqlite   an already running server
 *
 * Other flags: --readers N (8), --port P (SOAK_PORT or 3180). Exits 1 on any failure.
 * Its own server uses a throwaway copy of the sample data (e2e/.tmp/soak.sqlite), never yours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { inspectDatabase } from '../../db/backup';
import { actionId, actionIds, callAction, flag, freshDatabase, percentile, serverTrouble, signIn, sleep, startServer, stationForm, type Server } from './lib';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

const SECONDS = Number(flag('seconds') ?? 60);
const READERS = Number(flag('readers') ?? 8);
const PORT = Number(flag('port') ?? process.env.SOAK_PORT ?? 3180);
const URL_ARG = flag('url');
const WITH_BACKUP = process.argv.includes('--backup');
const TMP = path.join(ROOT, 'e2e/.tmp');
const DB_FILE = path.resolve(flag('db') ?? path.join(TMP, `soak-${PORT}.sqlite`));

const STATIONS = 'app/admin/(console)/stations/actions.ts';
const COURSES = 'app/admin/(console)/courses/actions.ts';
const FAIRS = 'app/admin/(console)/fairs/actions.ts';
const FAIR_PREFIX = '压力测试招聘会';

type Failure = string;
const failures: Failure[] = [];

function readersPaths(db: Database.Database): string[] {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number | string;
  const course = one(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`);
  const station = one(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`);
  const fair = one(`SELECT id FROM fairs WHERE publication = 'published' ORDER BY id LIMIT 1`);
  const occupation = one(`SELECT occupation_id FROM courses WHERE publication = 'published' GROUP BY occupation_id ORDER BY count(*) DESC LIMIT 1`);
  const street = one(`SELECT street_id FROM stations WHERE publication = 'published' GROUP BY street_id ORDER BY count(*) DESC LIMIT 1`);
  return [
    '/',
    '/courses',
    `/courses?occupation=${occupation}&cost=free`,
    '/courses?q=%E7%94%B5%E5%B7%A5',
    '/stations',
    `/stations?street=${street}`,
    '/fairs',
    '/fairs?page=2',
    `/courses/${course}`,
    `/stations/${station}`,
    `/fairs/${fair}`,
    '/api/v1/courses',
    `/api/v1/stations/${station}`,
    '/api/v1/fairs',
    '/search?q=%E5%8C%BB%E4%BF%9D',
  ];
}

type ReaderStats = { requests: number; latencies: number[]; bad: Map<string, number> };

/** One reader: no X-Forwarded-For, so it is 127.0.0.1 like `npm run bench` (load from loopback is ours, not abuse). */
async function reader(base: string, paths: string[], until: number, stats: ReaderStats) {
  let i = Math.floor(Math.random() * paths.length);
  while (Date.now() < until) {
    const p = paths[i++ % paths.length]!;
    const t0 = performance.now();
    try {
      const res = await fetch(base + p, { redirect: 'manual', headers: { accept: 'text/html,application/json;q=0.9,*/*;q=0.8' }, signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      stats.latencies.push(performance.now() - t0);
      stats.requests += 1;
      if (res.status >= 400) stats.bad.set(`${p} → HTTP ${res.status}`, (stats.bad.get(`${p} → HTTP ${res.status}`) ?? 0) + 1);
    } catch (e) {
      stats.requests += 1;
      const key = `${p} → ${(e as Error).name}`;
      stats.bad.set(key, (stats.bad.get(key) ?? 0) + 1);
    }
  }
}

type Writer = { name: string; sent: number; acked: number; refused: Map<string, number>; latencies: number[] };

function newWriter(name: string): Writer {
  return { name, sent: 0, acked: 0, refused: new Map(), latencies: [] };
}

/** One admin client saving once a second until `until`; `save` returns whether it was acknowledged. */
async function everySecond(w: Writer, until: number, save: () => Promise<{ ok: boolean; why?: string }>) {
  while (Date.now() < until) {
    const t0 = Date.now();
    w.sent += 1;
    try {
      const r = await save();
      w.latencies.push(Date.now() - t0);
      if (r.ok) w.acked += 1;
      else w.refused.set(r.why ?? '?', (w.refused.get(r.why ?? '?') ?? 0) + 1);
    } catch (e) {
      w.refused.set((e as Error).name, (w.refused.get((e as Error).name) ?? 0) + 1);
    }
    await sleep(Math.max(0, 1000 - (Date.now() - t0)));
  }
}

function courseFields(db: Database.Database, id: number) {
  const c = db
    .prepare(
      `SELECT id, version, title, occupation_id AS occupationId, level, provider_id AS providerId, duration_days AS durationDays,
              summary, suitable_for AS suitableFor, requirements, content, method, materials, assessment, outcomes
       FROM courses WHERE id = ?`,
    )
    .get(id) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) out[k] = k === 'id' || k === 'version' ? v : v === null ? '' : String(v);
  return out as Record<string, unknown> & { version: number };
}

async function backupUnderLoad(dbFile: string): Promise<{ file: string; counts: Record<string, number>; integrity: string; ms: number }> {
  const out = path.join(TMP, `soak-backup-${PORT}.sqlite`);
  fs.rmSync(out, { force: true });
  const t0 = Date.now();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'db/cli/backup.ts', 'backup', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbFile },
  });
  const line = stdout.split('\n').find((l) => l.startsWith('BACKUP_REPORT '));
  if (!line) throw new Error(`db:backup printed no report:\n${stdout}`);
  return { ...(JSON.parse(line.slice('BACKUP_REPORT '.length)) as { file: string; counts: Record<string, number>; integrity: string }), ms: Date.now() - t0 };
}

async function main() {
  let server: Server | null = null;
  let base = URL_ARG ?? '';
  if (!URL_ARG) {
    freshDatabase(DB_FILE);
    server = await startServer(DB_FILE, PORT);
    base = server.base;
  } else if (!flag('db')) {
    throw new Error('--url needs --db <the server’s DATABASE_PATH> so the end state can be checked');
  }
  const ids = actionIds();
  const db = new Database(DB_FILE, { readonly: true });
  db.pragma('busy_timeout = 5000');
  const paths = readersPaths(db);
  const stationId = db.prepare(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id DESC LIMIT 1`).pluck().get() as number;
  const courseId = db.prepare(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id DESC LIMIT 1`).pluck().get() as number;
  const station = stationForm(db, stationId);
  const course = courseFields(db, courseId);
  const fairsBefore = db.prepare(`SELECT count(*) FROM fairs WHERE title LIKE ?`).pluck().get(`${FAIR_PREFIX}%`) as number;
  const startedAt = Date.now();

  const cookies = await Promise.all([signIn(base, 'admin', '192.0.2.11'), signIn(base, 'editor', '192.0.2.12'), signIn(base, 'admin', '192.0.2.13')]);
  console.log(`soak: ${SECONDS} s, ${READERS} readers over ${paths.length} public paths, 3 admin clients saving once a second, server ${base}`);

  const until = Date.now() + SECONDS * 1000;
  const rstats: ReaderStats = { requests: 0, latencies: [], bad: new Map() };
  const readers = Array.from({ length: READERS }, () => reader(base, paths, until, rstats));

  // 1: a station's directions, with the version the form sends.
  const sw = newWriter(`station ${stationId} update`);
  let stationVersion = station.version;
  let stationText = String(station.directions);
  const stationSave = actionId(ids, `${STATIONS}#updateStationDetailsAction`);
  // 2: a course's summary, the same way.
  const cw = newWriter(`course ${courseId} update`);
  let courseVersion = course.version;
  let courseText = String(course.summary);
  const courseSave = actionId(ids, `${COURSES}#updateCourseAction`);
  // 3: new fairs.
  const fw = newWriter('fair create');
  const fairIds: number[] = [];
  const fairCreate = actionId(ids, `${FAIRS}#createFairAction`);

  const writers = [
    everySecond(sw, until, async () => {
      const text = `压力测试：第 ${sw.sent} 次保存 ${Date.now()}`;
      const a = await callAction(base, cookies[0]!, stationSave, [{ ...station, version: stationVersion, directions: text }], '192.0.2.11');
      if (a.result?.ok === true) {
        stationVersion = a.result.version as number;
        stationText = text;
        return { ok: true };
      }
      return { ok: false, why: String(a.result?.code ?? `HTTP ${a.status}`) };
    }),
    everySecond(cw, until, async () => {
      const text = `压力测试：课程简介第 ${cw.sent} 次保存 ${Date.now()}`;
      const a = await callAction(base, cookies[1]!, courseSave, [{ ...course, version: courseVersion, summary: text }], '192.0.2.12');
      if (a.result?.ok === true) {
        courseVersion = a.result.version as number;
        courseText = text;
        return { ok: true };
      }
      return { ok: false, why: String(a.result?.code ?? `HTTP ${a.status}`) };
    }),
    everySecond(fw, until, async () => {
      const day = 10 + (fw.sent % 18);
      const a = await callAction(
        base,
        cookies[2]!,
        fairCreate,
        [
          {
            title: `${FAIR_PREFIX} #${fw.sent}`,
            type: 'general',
            organiser: '丰台区人力资源和社会保障局',
            placeId: '',
            onlineUrl: 'https://example.org/live',
            startsAt: `2030-01-${day}T09:00`,
            endsAt: `2030-01-${day}T12:00`,
            weekdays: [],
            opens: '',
            closes: '',
            status: 'scheduled',
            statusNote: '',
            description: '',
            howToAttend: '带身份证',
            contactPhone: '010-63800000',
          },
        ],
        '192.0.2.13',
      );
      if (a.result?.ok === true) {
        fairIds.push(a.result.id as number);
        return { ok: true };
      }
      return { ok: false, why: String(a.result?.code ?? `HTTP ${a.status}`) };
    }),
  ];

  let backup: Awaited<ReturnType<typeof backupUnderLoad>> | null = null;
  const backupDone = WITH_BACKUP
    ? sleep(SECONDS * 400).then(async () => {
        backup = await backupUnderLoad(DB_FILE);
      })
    : Promise.resolve();

  await Promise.all([...readers, ...writers, backupDone]);
  const elapsed = (Date.now() - startedAt) / 1000;
  await sleep(300);

  // ── the end state against what was sent and acknowledged
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  const finalStation = db.prepare('SELECT version, directions FROM stations WHERE id = ?').get(stationId) as { version: number; directions: string };
  check(finalStation.version === station.version + sw.acked, `station version ${finalStation.version} ≠ ${station.version} + ${sw.acked} acked saves`);
  check(finalStation.directions === stationText, 'station text is not the last acknowledged save');
  const finalCourse = db.prepare('SELECT version, summary FROM courses WHERE id = ?').get(courseId) as { version: number; summary: string };
  check(finalCourse.version === course.version + cw.acked, `course version ${finalCourse.version} ≠ ${course.version} + ${cw.acked} acked saves`);
  check(finalCourse.summary === courseText, 'course text is not the last acknowledged save');
  const audits = (entity: string, id: number) =>
    db.prepare(`SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ? AND at >= ?`).pluck().get(entity, id, startedAt) as number;
  check(audits('station', stationId) === sw.acked, `station audit rows ${audits('station', stationId)} ≠ ${sw.acked} acked`);
  check(audits('course', courseId) === cw.acked, `course audit rows ${audits('course', courseId)} ≠ ${cw.acked} acked`);
  const fairsAfter = db.prepare(`SELECT count(*) FROM fairs WHERE title LIKE ?`).pluck().get(`${FAIR_PREFIX}%`) as number;
  check(fairsAfter - fairsBefore === fw.acked, `fairs created ${fairsAfter - fairsBefore} ≠ ${fw.acked} acked`);
  const present = fairIds.filter((id) => db.prepare('SELECT 1 FROM fairs WHERE id = ?').get(id)).length;
  check(present === fairIds.length, `${fairIds.length - present} acknowledged fairs missing`);
  const integrity = db.pragma('integrity_check', { simple: true });
  check(integrity === 'ok', `integrity_check: ${integrity}`);
  db.close();

  for (const w of [sw, cw, fw]) {
    check(w.acked === w.sent, `${w.name}: ${w.sent - w.acked} of ${w.sent} saves not acknowledged (${[...w.refused].map(([k, n]) => `${k} ×${n}`).join(', ')})`);
    // Not a speed target (a loaded machine slows every save): proof that the writers really wrote.
    check(w.acked >= Math.max(3, Math.floor(SECONDS * 0.2)), `${w.name}: only ${w.acked} saves in ${SECONDS} s`);
  }
  const badReads = [...rstats.bad.values()].reduce((a, b) => a + b, 0);
  check(badReads === 0, `reader errors: ${[...rstats.bad].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  let trouble = { busy: 0, errors: [] as string[] };
  if (server) {
    trouble = serverTrouble(server.output());
    check(trouble.busy === 0, `SQLITE_BUSY / database is locked in server output: ${trouble.busy}`);
    check(trouble.errors.length === 0, `server errors:\n  ${trouble.errors.slice(0, 10).join('\n  ')}`);
    await server.stop();
  }

  // ── the backup taken under load: restore it into a fresh file with db:restore and compare
  let restoreLine = '';
  if (WITH_BACKUP) {
    const b = backup as Awaited<ReturnType<typeof backupUnderLoad>> | null;
    if (!b) failures.push('no backup was taken');
    else {
      check(b.integrity === 'ok', `backup integrity ${b.integrity}`);
      const target = path.join(TMP, `soak-restored-${PORT}.sqlite`);
      for (const f of [target, `${target}-wal`, `${target}-shm`, `${target}.before-restore`]) fs.rmSync(f, { force: true });
      await run(process.execPath, ['--import', 'tsx', 'db/cli/backup.ts', 'restore', b.file], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: target } });
      const restored = inspectDatabase(target);
      check(restored.ok, `restored file: ${restored.problems.join('; ')}`);
      const diff = Object.keys({ ...b.counts, ...restored.counts }).filter((t) => b.counts[t] !== restored.counts[t]);
      check(diff.length === 0, `restored row counts differ from the backup's report: ${diff.join(', ')}`);
      // The backup is one moment: the station's version and its audit rows agree inside it.
      const r = new Database(target, { readonly: true });
      const v = r.prepare('SELECT version FROM stations WHERE id = ?').pluck().get(stationId) as number;
      const n = r.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'station' AND entity_id = ? AND at >= ?`).pluck().get(stationId, startedAt) as number;
      r.close();
      check(v === station.version + n, `in the backup, station version ${v} ≠ ${station.version} + ${n} audit rows`);
      const rows = Object.values(restored.counts).reduce((a, c) => a + c, 0);
      restoreLine = `backup under load: ${b.ms} ms, integrity ${b.integrity}; restored ${Object.keys(restored.counts).length} tables / ${rows} rows, counts equal: ${diff.length === 0 ? 'yes' : 'NO'}`;
    }
  }

  const lat = rstats.latencies.sort((a, b) => a - b);
  const wl = [sw, cw, fw].flatMap((w) => w.latencies).sort((a, b) => a - b);
  const rows: [string, string][] = [
    ['duration', `${elapsed.toFixed(1)} s`],
    ['readers', `${READERS}`],
    ['read requests', `${rstats.requests}`],
    ['read req/s', (rstats.requests / elapsed).toFixed(1)],
    ['read p50 / p99', `${percentile(lat, 50).toFixed(0)} / ${percentile(lat, 99).toFixed(0)} ms`],
    ['read errors (non-2xx/3xx)', `${badReads}`],
    ['saves sent / acked', `${sw.sent + cw.sent + fw.sent} / ${sw.acked + cw.acked + fw.acked}`],
    ['save p50 / p99', `${percentile(wl, 50)} / ${percentile(wl, 99)} ms`],
    ['SQLITE_BUSY in server log', server ? `${trouble.busy}` : 'n/a (external server)'],
    ['lost updates', `${failures.filter((f) => /version|text|audit|fairs|missing/.test(f)).length}`],
  ];
  console.log('\n| figure | value |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  if (restoreLine) console.log(`\n${restoreLine}`);
  fs.mkdirSync(TMP, { recursive: true });
  fs.writeFileSync(path.join(TMP, `soak-result-${PORT}.json`), JSON.stringify({ rows: Object.fromEntries(rows), restoreLine, failures }, null, 2));
  if (failures.length) {
    console.error(`\nSOAK FAILED:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else console.log('\nsoak: PASS');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
  process.exit(1);
});
