/**
 * The sample data: the minimum the issue asks for, run states and fair dates relative to
 * today, determinism, search documents, and reset. Run from the project root:
 *   node --conditions=react-server --import tsx --test db/seed/seed.test.ts
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type DB } from '../client';
import { FAIR_TYPES } from '../schema';
import { addDays } from '../domain/time';
import { matchingIds } from '../search';
import { clearAllData, seedReferenceData, seedSampleData } from './index';

const TODAY = '2026-11-23';
const opened: { db: DB; file: string }[] = [];

function freshDb(): DB {
  const file = path.join(os.tmpdir(), `portal-seed-test-${crypto.randomUUID()}.sqlite`);
  const db = openDatabase(file);
  opened.push({ db, file });
  return db;
}

after(() => {
  for (const { db, file } of opened) {
    db.$client.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
});

function seeded(today = TODAY): { db: DB; counts: Record<string, number> } {
  const db = freshDb();
  return { db, counts: seedSampleData(db, { today }) };
}

const one = <T>(db: DB, q: ReturnType<typeof sql>): T => db.get<T>(q);
const n = (db: DB, q: ReturnType<typeof sql>): number => one<{ n: number }>(db, q).n;

const main = seeded();

test('counts meet the minimum', () => {
  const { db, counts } = main;
  assert.equal(counts.streets, 26);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM streets WHERE kind = '镇'`), 2);
  assert.ok(counts.occupations! >= 12);
  assert.equal(counts.target_groups, 8);
  assert.ok(counts.services! >= 40);
  assert.ok(counts.course_runs! >= 60);
  assert.ok(counts.fairs! >= 14);
  assert.ok(counts.fair_positions! >= 80);
  assert.ok(n(db, sql`SELECT count(*) AS n FROM courses WHERE publication = 'published'`) >= 20);
  assert.ok(n(db, sql`SELECT count(*) AS n FROM courses WHERE publication = 'draft'`) >= 1);
  // A training provider's submission waits for an editor.
  assert.equal(n(db, sql`SELECT count(*) AS n FROM courses WHERE publication = 'review'`), 1);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM courses WHERE publication = 'withdrawn'`), 1);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM places WHERE kind = 'landmark'`) >= 8, true);
  const codes = db.all<{ code: string }>(sql`SELECT code FROM target_groups ORDER BY code`).map((r) => r.code);
  assert.deepEqual(codes, ['disabled', 'employed', 'graduate', 'hardship', 'new_forms', 'rural', 'unemployed', 'veteran']);
});

test('occupation levels', () => {
  const { db } = main;
  const levels = (name: string) =>
    db
      .all<{ level: number }>(
        sql`SELECT l.level FROM occupation_levels l JOIN occupations o ON o.id = l.occupation_id WHERE o.name = ${name} ORDER BY l.level`,
      )
      .map((r) => r.level);
  assert.deepEqual(levels('园林绿化工'), [1, 2, 3, 4, 5]);
  assert.deepEqual(levels('插花花艺师'), [3, 4, 5]);
});

test('stations: 47 operating and 5 planned, published', () => {
  const { db } = main;
  assert.equal(n(db, sql`SELECT count(*) AS n FROM stations WHERE status = 'operating' AND publication = 'published'`), 47);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM stations WHERE status = 'planned' AND publication = 'published'`), 5);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM stations WHERE status = 'suspended'`), 0);
  const byHost = Object.fromEntries(
    db
      .all<{ host_type: string; n: number }>(
        sql`SELECT host_type, count(*) AS n FROM stations WHERE status = 'operating' AND publication = 'published' GROUP BY host_type`,
      )
      .map((r) => [r.host_type, r.n]),
  );
  assert.equal(byHost.bank, 12);
  assert.equal(byHost.street_centre, 26);
  assert.equal(byHost.park, 2);
  // Every 街镇 has at least one operating station.
  assert.equal(n(db, sql`SELECT count(DISTINCT street_id) AS n FROM stations WHERE status = 'operating'`), 26);
  assert.equal(
    n(db, sql`SELECT count(*) AS n FROM stations WHERE status = 'planned' AND (opening_date IS NULL OR opening_date <= ${TODAY})`),
    0,
  );
  assert.ok(n(db, sql`SELECT count(*) AS n FROM stations WHERE host_name LIKE '%华夏银行%' AND status = 'planned'`) === 1);
  assert.ok(n(db, sql`SELECT count(*) AS n FROM stations WHERE last_verified_on < ${addDays(TODAY, -90)}`) > 0);
  // Bank counters keep shorter hours than the branch.
  assert.ok(n(db, sql`SELECT count(*) AS n FROM station_hours h JOIN stations s ON s.id = h.station_id WHERE s.host_type = 'bank' AND h.scope = 'counter'`) > 0);
  const closure = one<{ start_date: string; end_date: string }>(db, sql`SELECT start_date, end_date FROM station_exceptions WHERE closed = 1 AND end_date >= ${TODAY}`);
  assert.deepEqual(closure, { start_date: addDays(TODAY, 1), end_date: addDays(TODAY, 2) });
  // No station without self-service offers a self-service mode.
  assert.equal(
    n(db, sql`SELECT count(*) AS n FROM station_services ss JOIN stations s ON s.id = ss.station_id WHERE s.has_self_service = 0 AND ss.mode <> 'counter'`),
    0,
  );
  for (const name of ['打印就医记录', '核对个人账户明细', '医保信息查询', '异地就医备案', '定点医疗机构变更', '政策解读', '帮办代办']) {
    assert.equal(n(db, sql`SELECT count(*) AS n FROM services WHERE name = ${name}`), 1, name);
  }
});

test('calendar: 2026 holidays and make-up days', () => {
  const { db } = main;
  const day = (d: string) => one<{ kind: string; name: string; as_weekday: number | null } | undefined>(db, sql`SELECT kind, name, as_weekday FROM calendar_days WHERE date = ${d}`);
  assert.equal(day('2026-02-15')?.name, '春节');
  assert.equal(day('2026-02-23')?.kind, 'holiday');
  assert.deepEqual(day('2026-02-14'), { kind: 'workday', name: '春节调休上班', as_weekday: 1 });
  assert.equal(day('2026-01-04')?.kind, 'workday');
  assert.equal(day('2026-05-09')?.kind, 'workday');
  assert.equal(day('2026-09-20')?.kind, 'workday');
  assert.equal(day('2026-10-10')?.kind, 'workday');
  assert.equal(day('2026-10-07')?.name, '国庆节');
  assert.equal(day('2026-06-19')?.name, '端午节');
  assert.equal(day('2026-10-08'), undefined);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM calendar_days WHERE date LIKE '2026-%' AND kind = 'holiday'`), 3 + 9 + 3 + 5 + 3 + 3 + 7);
  assert.equal(day('2027-02-06')?.name, '春节');
});

/** Every run state the pages distinguish exists among what residents can see. */
function assertRunStates(db: DB, today: string) {
  const visible = sql`FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.publication = 'published' AND c.publication = 'published'`;
  const count = (cond: ReturnType<typeof sql>) => n(db, sql`SELECT count(*) AS n ${visible} AND ${cond}`);
  assert.ok(count(sql`r.end_date < ${today}`) >= 3, `${today}: ended`);
  assert.ok(count(sql`r.start_date <= ${today} AND r.end_date >= ${today}`) >= 2, `${today}: in progress`);
  assert.ok(count(sql`r.start_date > ${today} AND r.deadline >= ${today} AND r.seats_left > 0`) >= 5, `${today}: open`);
  assert.ok(count(sql`r.start_date > ${today} AND r.deadline >= ${today} AND r.seats_left = 0`) >= 2, `${today}: full`);
  assert.ok(count(sql`r.start_date > ${today} AND r.deadline < ${today}`) >= 1, `${today}: closed, not started`);
  assert.ok(count(sql`r.deadline = ${today} AND r.seats_left > 0`) >= 1, `${today}: deadline today`);
  assert.ok(count(sql`r.start_date > ${addDays(today, 30)}`) >= 3, `${today}: upcoming`);
  for (const cost of ['free', 'subsidy', 'self']) assert.ok(count(sql`r.cost_type = ${cost}`) > 0, cost);
}

test('course runs cover every state relative to today', () => {
  const { db } = main;
  assertRunStates(db, TODAY);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE c.publication = 'published' AND r.publication = 'draft'`), 1);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs WHERE seats_left < 0 OR seats_left > seats OR end_date < start_date`), 0);
  // 一培双证: a skill certificate and a licence on the same run.
  assert.ok(n(db, sql`SELECT count(DISTINCT run_id) AS n FROM run_certificates WHERE kind = 'licence'`) >= 10);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs r WHERE NOT EXISTS (SELECT 1 FROM run_certificates c WHERE c.run_id = r.id AND c.kind = 'skill')`), 0);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs r WHERE NOT EXISTS (SELECT 1 FROM run_target_groups g WHERE g.run_id = r.id)`), 0);
  // Subsidies and fees are where they belong.
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs WHERE cost_type = 'free' AND (fee IS NOT NULL OR subsidy IS NOT NULL)`), 0);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs WHERE cost_type = 'subsidy' AND (fee IS NULL OR subsidy IS NULL OR subsidy > fee)`), 0);
  // Fictitious phones only.
  assert.equal(n(db, sql`SELECT count(*) AS n FROM course_runs WHERE contact_phone NOT LIKE '010-5555-%'`), 0);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM stations WHERE phone NOT LIKE '010-5555-%'`), 0);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM fairs WHERE contact_phone NOT LIKE '010-5555-%'`), 0);
  // 园林绿化工 course: 5–8 days.
  const garden = one<{ d: number }>(db, sql`SELECT min(duration_days) AS d FROM courses c JOIN occupations o ON o.id = c.occupation_id WHERE o.name = '园林绿化工'`);
  assert.ok(garden.d >= 5 && garden.d <= 8);
  assert.ok(n(db, sql`SELECT count(DISTINCT date(published_at / 1000, 'unixepoch')) AS n FROM courses WHERE publication = 'published'`) >= 15);
});

test('run states hold for other todays too (holidays, weekends)', () => {
  for (const today of ['2026-10-03', '2027-02-07', '2026-06-20']) assertRunStates(seeded(today).db, today);
});

test('fairs: every type, today, tomorrow, postponed, cancelled, gig market', () => {
  const { db } = main;
  const types = db.all<{ type: string }>(sql`SELECT DISTINCT type FROM fairs WHERE publication = 'published'`).map((r) => r.type);
  for (const t of FAIR_TYPES) assert.ok(types.includes(t), t);
  const onDay = (d: string) =>
    n(db, sql`SELECT count(*) AS n FROM fairs WHERE publication = 'published' AND recurrence IS NULL AND substr(starts_at, 1, 10) <= ${d} AND substr(ends_at, 1, 10) >= ${d}`);
  assert.ok(onDay(TODAY) >= 1, 'a fair today');
  assert.ok(onDay(addDays(TODAY, 1)) >= 1, 'a fair tomorrow');
  assert.ok(n(db, sql`SELECT count(*) AS n FROM fairs WHERE starts_at > ${TODAY} AND starts_at < ${addDays(TODAY, 8)}`) >= 5);
  assert.ok(n(db, sql`SELECT count(*) AS n FROM fairs WHERE ends_at < ${TODAY}`) >= 3);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM fairs WHERE status = 'postponed' AND status_note IS NOT NULL`), 1);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM fairs WHERE status = 'cancelled' AND status_note IS NOT NULL`), 1);
  const gig = one<{ recurrence: string; starts_at: string; ends_at: string }>(db, sql`SELECT recurrence, starts_at, ends_at FROM fairs WHERE type = 'gig_market' ORDER BY id LIMIT 1`);
  assert.deepEqual(JSON.parse(gig.recurrence), { weekdays: [1, 2, 3, 4, 5, 6], opens: '07:00', closes: '11:00' });
  assert.ok(gig.starts_at < TODAY && gig.ends_at.startsWith(addDays(TODAY, 365)));
  assert.equal(n(db, sql`SELECT count(*) AS n FROM fairs WHERE type = 'online' AND (place_id IS NOT NULL OR online_url IS NULL)`), 0);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM fairs WHERE type <> 'online' AND place_id IS NULL`), 0);
  const perFair = db.all<{ n: number }>(sql`SELECT count(*) AS n FROM fair_employers e JOIN fairs f ON f.id = e.fair_id WHERE f.publication = 'published' GROUP BY e.fair_id`);
  assert.ok(perFair.every((r) => r.n >= 3 && r.n <= 6));
  // 短训快聘 positions point at courses; some at other fairs do too.
  assert.ok(n(db, sql`SELECT count(*) AS n FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id JOIN fairs f ON f.id = e.fair_id WHERE f.type = 'short_training' AND p.course_id IS NOT NULL`) >= 8);
  assert.ok(n(db, sql`SELECT count(*) AS n FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id JOIN fairs f ON f.id = e.fair_id WHERE f.type <> 'short_training' AND p.course_id IS NOT NULL`) >= 5);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM fair_positions p JOIN courses c ON c.id = p.course_id WHERE c.publication <> 'published'`), 0);
  // The story from the 春风行动 fair.
  assert.equal(
    n(db, sql`SELECT count(*) AS n FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id JOIN fairs f ON f.id = e.fair_id WHERE f.type = 'spring_breeze' AND f.ends_at < ${TODAY} AND p.title = '工厂电工' AND p.pay_min = 6200`),
    1,
  );
  assert.ok(n(db, sql`SELECT count(*) AS n FROM fair_positions WHERE pay_unit = 'day'`) >= 5);
});

test('every course, station and fair has a search document', () => {
  const { db } = main;
  for (const [kind, table] of [
    ['course', sql`courses`],
    ['station', sql`stations`],
    ['fair', sql`fairs`],
    ['position', sql`fair_positions`],
  ] as const) {
    assert.equal(
      n(db, sql`SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.kind = ${kind} AND d.ref_id = t.id)`),
      0,
      kind,
    );
  }
});

test('search finds short words, long words and pinyin', async () => {
  const { db } = main;
  const find = async (kind: 'course' | 'station' | 'fair', q: string) => {
    const ids = await matchingIds(db, kind, q);
    assert.ok(ids, q);
    return ids.ids();
  };
  const electrician = db.all<{ id: number }>(sql`SELECT c.id FROM courses c JOIN occupations o ON o.id = c.occupation_id WHERE o.name = '电工'`).map((r) => r.id);
  assert.ok(electrician.length >= 3);
  // Every 电工 course, plus courses of 丰泰电工学校 (its name contains 电工).
  const found = await find('course', '电工');
  for (const id of electrician) assert.ok(found.includes(id), `course ${id}`);
  assert.ok((await find('course', '花艺')).length >= 2);
  assert.ok((await find('course', '园林绿化工')).length >= 3);
  assert.ok((await find('course', '中级工')).length >= 5);
  assert.ok((await find('course', 'dg')).length >= 3, 'pinyin initials of 电工');
  assert.ok((await find('station', '异地就医备案')).length >= 20);
  assert.ok((await find('station', '方庄')).length >= 2);
  assert.ok((await find('fair', '叉车司机')).length >= 2);
});

test('same today gives identical rows', () => {
  const a = main.db;
  const b = seeded().db;
  for (const table of ['streets', 'places', 'providers', 'courses', 'course_runs', 'run_certificates', 'stations', 'station_hours', 'station_services', 'station_exceptions', 'fairs', 'fair_employers', 'fair_positions', 'search_docs']) {
    const dump = (db: DB) => JSON.stringify(db.all(sql`SELECT * FROM ${sql.identifier(table)} ORDER BY rowid`));
    assert.equal(dump(b), dump(a), table);
  }
});

test('refuses a non-empty database; clearAllData allows a reseed', async () => {
  const { db, counts } = seeded();
  assert.throws(() => seedSampleData(db, { today: TODAY }), /already has data/);
  clearAllData(db);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM search_docs`), 0);
  assert.equal(n(db, sql`SELECT count(*) AS n FROM search_fts`), 0);
  assert.deepEqual(seedSampleData(db, { today: TODAY }), counts);
  assert.ok(((await matchingIds(db, 'course', '电工'))?.size ?? 0) > 0);
});

test('rejects a malformed today', () => {
  assert.throws(() => seedSampleData(freshDb(), { today: '2026-13-01' }), /YYYY-MM-DD/);
});

test('reference data alone: the facts every deployment needs, and nothing fictitious', () => {
  const db = freshDb();
  const counts = seedReferenceData(db);
  assert.equal(counts.streets, 26);
  assert.equal(counts.services, main.counts.services, 'the same catalogue as sample mode');
  assert.ok(counts.occupations! > 0 && counts.occupation_levels! >= counts.occupations!);
  assert.ok(counts.target_groups! > 0);
  assert.ok(counts.calendar_days! > 0);
  // Not marked as sample data, so the public footer carries no demo label; sample mode is.
  assert.equal(n(main.db, sql`SELECT count(*) AS n FROM site_meta WHERE key = 'sample_data'`), 1);
  for (const t of ['providers', 'places', 'courses', 'course_runs', 'stations', 'fairs', 'users', 'site_meta']) {
    assert.equal(n(db, sql.raw(`SELECT count(*) AS n FROM ${t}`)), 0, t);
  }
  // The same ids as in sample mode, so a sample export imports into a real database.
  assert.equal(one<{ name: string }>(db, sql`SELECT name FROM streets WHERE id = 1`).name, one<{ name: string }>(main.db, sql`SELECT name FROM streets WHERE id = 1`).name);
  assert.throws(() => seedReferenceData(db), /already has data/);
});
