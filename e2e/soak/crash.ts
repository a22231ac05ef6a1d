/**
 * Crash safety: `next start` of the current build on a throwaway database, two admin clients
 * writing through the real server actions (new course runs, each with certificates and target
 * groups in one transaction; a station's details with the form's version), and kill -9 of the
 * server at random moments mid-loop, several times. After each restart and at the end:
 *
 * - PRAGMA integrity_check = ok and foreign_key_check empty;
 * - every acknowledged write is there (runs by id, the station's last acknowledged text);
 * - nothing half-written: every run the loop made has all its certificates, all its groups and
 *   exactly one audit row, acknowledged or cut off by the kill (then all or nothing);
 * - the station's version and its audit rows agree, and the version is the last acknowledged
 *   one or, if a save was in flight at the kill, that save complete.
 *
 *   npx tsx e2e/soak/crash.ts [--kills 4] [--port 3181]     (about 40–60 s)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { actionId, actionIds, callAction, flag, freshDatabase, signIn, sleep, startServer, stationForm as readStationForm, type Server } from './lib';

const KILLS = Number(flag('kills') ?? 4);
const PORT = Number(flag('port') ?? process.env.CRASH_PORT ?? 3181);
const ROOT = path.resolve(__dirname, '../..');
const DB_FILE = path.join(ROOT, `e2e/.tmp/crash-${PORT}.sqlite`);
const COURSES = 'app/admin/(console)/courses/actions.ts';
const STATIONS = 'app/admin/(console)/stations/actions.ts';
const LABEL = '崩溃测试班';
const CERTS = [
  { kind: 'skill', name: '崩溃测试技能证书', issuer: '丰台区职业技能鉴定所' },
  { kind: 'licence', name: '崩溃测试操作证', issuer: '丰台区应急管理局' },
];

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

function runInput(courseId: number, placeId: number, n: number, groups: string[]) {
  return {
    courseId,
    label: `${LABEL} #${n}`,
    startDate: '2030-03-04',
    endDate: '2030-03-08',
    classDays: ['1', '2', '3', '4', '5'],
    dailyStart: '09:00',
    dailyEnd: '16:00',
    theoryPlaceId: String(placeId),
    practicePlaceId: '',
    seats: '30',
    seatsLeft: '30',
    deadline: '2030-02-25',
    costType: 'free',
    fee: '',
    subsidy: '',
    contactName: '王老师',
    contactPhone: '010-63800000',
    note: '',
    certificates: CERTS,
    groups,
  };
}

type Verdict = { runsChecked: number; rowsChecked: number };

/** Opens the database after a crash (the server is down) and checks every promise made so far. */
function verify(round: number, ackedRuns: Set<number>, station: { id: number; v0: number; acked: Map<number, string>; inflight: Map<number, string> }, groups: string[], since: number): Verdict {
  const db = new Database(DB_FILE);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    check(integrity === 'ok', `round ${round}: integrity_check ${integrity}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    check(fk.length === 0, `round ${round}: foreign_key_check ${fk.length} rows`);
    const runs = db.prepare(`SELECT id FROM course_runs WHERE label LIKE ?`).pluck().all(`${LABEL} #%`) as number[];
    const have = new Set(runs);
    for (const id of ackedRuns) check(have.has(id), `round ${round}: acknowledged run ${id} missing`);
    let rows = 0;
    for (const id of runs) {
      const certs = db.prepare('SELECT count(*) FROM run_certificates WHERE run_id = ?').pluck().get(id) as number;
      const grp = db.prepare('SELECT count(*) FROM run_target_groups WHERE run_id = ?').pluck().get(id) as number;
      const audit = db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'run' AND entity_id = ? AND action = 'create'`).pluck().get(id) as number;
      check(certs === CERTS.length && grp === groups.length && audit === 1, `round ${round}: run ${id} half-written (certificates ${certs}, groups ${grp}, audit ${audit})`);
      rows += 1 + certs + grp + audit;
    }
    const s = db.prepare('SELECT version, directions FROM stations WHERE id = ?').get(station.id) as { version: number; directions: string };
    const audits = db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'station' AND entity_id = ? AND at >= ?`).pluck().get(station.id, since) as number;
    check(s.version === station.v0 + audits, `round ${round}: station version ${s.version} and ${audits} audit rows disagree (start ${station.v0})`);
    const lastAcked = Math.max(station.v0, ...station.acked.keys());
    const expected = s.version === lastAcked ? station.acked.get(lastAcked) : station.inflight.get(s.version);
    check(s.version >= lastAcked, `round ${round}: station version ${s.version} below last acknowledged ${lastAcked} (lost update)`);
    if (s.version > station.v0) check(expected !== undefined && s.directions === expected, `round ${round}: station text at version ${s.version} is not the one sent for it`);
    rows += 1 + audits;
    return { runsChecked: runs.length, rowsChecked: rows };
  } finally {
    db.close();
  }
}

async function main() {
  const t0 = Date.now();
  freshDatabase(DB_FILE);
  const ids = actionIds();
  const createRun = actionId(ids, `${COURSES}#createRunAction`);
  const saveStation = actionId(ids, `${STATIONS}#updateStationDetailsAction`);

  const setup = new Database(DB_FILE, { readonly: true });
  const course = setup.prepare(`SELECT id, provider_id AS providerId FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`).get() as { id: number; providerId: number };
  const placeId = setup.prepare(`SELECT id FROM places WHERE provider_id = ? AND kind = 'classroom' ORDER BY id LIMIT 1`).pluck().get(course.providerId) as number;
  const groups = setup.prepare('SELECT code FROM target_groups ORDER BY code LIMIT 3').pluck().all() as string[];
  const stationForm = readStationForm(setup);
  setup.close();
  const station = { id: stationForm.id, v0: stationForm.version, acked: new Map<number, string>(), inflight: new Map<number, string>() };
  const since = Date.now() - 1;

  const ackedRuns = new Set<number>();
  let sent = 0;
  let acked = 0;
  let cutOff = 0;
  let runN = 0;
  let verdict: Verdict = { runsChecked: 0, rowsChecked: 0 };
  let server: Server | null = null;

  for (let round = 1; round <= KILLS + 1; round++) {
    server = await startServer(DB_FILE, PORT);
    const base = server.base;
    const cookie = await signIn(base, 'admin', `192.0.2.${100 + round}`);
    // The form is loaded afresh after a restart: the version it carries is the database's.
    const current = new Database(DB_FILE, { readonly: true });
    let version = current.prepare('SELECT version FROM stations WHERE id = ?').pluck().get(station.id) as number;
    current.close();
    let alive = true;
    const last = round === KILLS + 1;
    const killAt = Date.now() + (last ? 3000 : 1500 + Math.random() * 3000);

    const loop = async (which: 'run' | 'station') => {
      while (alive && Date.now() < killAt + 5000) {
        if (last && Date.now() >= killAt) return;
        sent += 1;
        try {
          if (which === 'run') {
            runN += 1;
            const a = await callAction(base, cookie, createRun, [runInput(course.id, placeId, runN, groups)], '192.0.2.50', 10_000);
            if (a.result?.ok === true) (ackedRuns.add(a.result.id as number), (acked += 1));
            else if (alive) failures.push(`round ${round}: run save refused while the server was up: ${a.result?.code ?? a.status}`);
            else cutOff += 1;
          } else {
            const text = `崩溃测试：第 ${sent} 次保存`;
            station.inflight.set(version + 1, text);
            const a = await callAction(base, cookie, saveStation, [{ ...stationForm, version, directions: text }], '192.0.2.51', 10_000);
            if (a.result?.ok === true) {
              version = a.result.version as number;
              station.acked.set(version, text);
              acked += 1;
            } else if (alive) failures.push(`round ${round}: station save refused while the server was up: ${a.result?.code ?? a.status}`);
            else cutOff += 1;
          }
        } catch {
          if (alive) failures.push(`round ${round}: a save failed while the server was up`);
          else cutOff += 1;
          return;
        }
      }
    };
    const loops = [loop('run'), loop('station'), loop('run')];
    if (!last) {
      await sleep(Math.max(0, killAt - Date.now()));
      alive = false;
      await server.kill9();
    }
    await Promise.all(loops);
    if (last) await server.stop();
    verdict = verify(round, ackedRuns, station, groups, since);
  }

  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log('\n| figure | value |\n|---|---|');
  console.log(`| kill -9 injected | ${KILLS} |`);
  console.log(`| saves sent / acknowledged | ${sent} / ${acked} |`);
  console.log(`| saves cut off by a kill | ${cutOff} |`);
  console.log(`| runs checked (all or nothing) | ${verdict.runsChecked} (${verdict.runsChecked - ackedRuns.size} of them cut off by a kill yet committed whole) |`);
  console.log(`| rows checked at the end | ${verdict.rowsChecked} |`);
  console.log(`| integrity_check / foreign_key_check | checked after every restart (${KILLS + 1}×) |`);
  console.log(`| data lost | ${failures.length ? 'SEE FAILURES' : 0} |`);
  console.log(`| duration | ${seconds} s |`);
  fs.writeFileSync(path.join(ROOT, `e2e/.tmp/crash-result-${PORT}.json`), JSON.stringify({ kills: KILLS, sent, acked, cutOff, ...verdict, failures }, null, 2));
  if (failures.length) {
    console.error(`\nCRASH TEST FAILED:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  } else console.log('\ncrash safety: PASS');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
