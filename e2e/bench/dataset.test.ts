/**
 * The city-scale generator at 1 % scale: the same code path as the full benchmark dataset,
 * checked for integrity (foreign keys, the schema's checks, the app's run invariants),
 * proportions, determinism, and that the real search finds what it wrote.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type DB } from '@/db/client';
import { buildCityDataset, CITY_SIZES, type CityResult } from './dataset';

const TODAY = '2026-11-23';
const SCALE = 0.01;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-test-'));
const file = path.join(dir, 'city.sqlite');
let result: CityResult;
let db: DB;

before(() => {
  result = buildCityDataset(file, { scale: SCALE, today: TODAY });
  process.env.DATABASE_PATH = file;
  db = openDatabase(file);
  (globalThis as unknown as { __portalDb?: DB }).__portalDb = db;
});

after(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).pluck().get(...args) as number;

describe('buildCityDataset (1 % scale)', () => {
  it('leaves no foreign key dangling and the database back in WAL mode', async () => {
    assert.deepEqual(db.$client.prepare('PRAGMA foreign_key_check').all(), []);
    assert.equal(db.$client.pragma('journal_mode', { simple: true }), 'wal');
  });

  it('ends with exactly the schema the migrations create (the dropped search index is back)', async () => {
    const empty = openDatabase(path.join(dir, 'empty.sqlite'));
    const schema = (d: DB) => d.$client.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name`).all();
    try {
      assert.deepEqual(schema(db), schema(empty));
      assert.equal(db.$client.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'`).pluck().get(), 0, 'no ANALYZE statistics');
    } finally {
      empty.$client.close();
    }
  });

  it('writes rows in proportion to the full-scale targets', async () => {
    const { counts } = result;
    assert.equal(counts.providers, Math.round(CITY_SIZES.providers * SCALE));
    assert.equal(counts.places, CITY_SIZES.places * SCALE);
    assert.equal(counts.courses, CITY_SIZES.courses * SCALE);
    assert.equal(counts.course_runs, CITY_SIZES.runs * SCALE);
    assert.equal(counts.stations, CITY_SIZES.stations * SCALE);
    assert.equal(counts.fairs, CITY_SIZES.fairs * SCALE);
    const positions = counts.fair_positions!;
    assert.ok(Math.abs(positions - CITY_SIZES.positions * SCALE) < CITY_SIZES.positions * SCALE * 0.2, `positions ${positions}`);
    // The reference data is the sample seed's, in full.
    assert.equal(counts.streets, 26);
    assert.ok(counts.calendar_days! > 0 && counts.services! > 0 && counts.occupations! > 0);
    // One search document per course, station, fair and position (the job list's keyword).
    assert.equal(counts.search_docs, counts.courses! + counts.stations! + counts.fairs! + counts.fair_positions!);
  });

  it('keeps the invariants the app relies on for runs, stations and fairs', async () => {
    assert.equal(one('SELECT COUNT(*) FROM course_runs WHERE seats_left > seats OR seats_left < 0 OR end_date < start_date OR deadline >= start_date'), 0);
    assert.equal(one(`SELECT COUNT(*) FROM course_runs WHERE cost_type = 'free' AND (fee IS NOT NULL OR subsidy IS NOT NULL)`), 0);
    assert.equal(one(`SELECT COUNT(*) FROM course_runs WHERE cost_type = 'subsidy' AND (subsidy IS NULL OR subsidy > fee)`), 0);
    assert.equal(one('SELECT COUNT(*) FROM course_runs r WHERE NOT EXISTS (SELECT 1 FROM run_certificates k WHERE k.run_id = r.id)'), 0);
    assert.equal(one('SELECT COUNT(*) FROM course_runs r WHERE NOT EXISTS (SELECT 1 FROM run_target_groups g WHERE g.run_id = r.id)'), 0);
    assert.equal(one(`SELECT COUNT(*) FROM stations WHERE status = 'planned' AND opening_date IS NULL`), 0);
    assert.equal(one('SELECT COUNT(*) FROM stations s WHERE NOT EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id)'), 0);
    assert.equal(one(`SELECT COUNT(*) FROM fairs WHERE (type = 'online') <> (place_id IS NULL)`), 0);
    assert.equal(one(`SELECT COUNT(*) FROM fairs WHERE status <> 'scheduled' AND status_note IS NULL`), 0);
    // Past, present and future are all there.
    assert.ok(one('SELECT COUNT(*) FROM course_runs WHERE end_date < ?', TODAY) > 0);
    assert.ok(one('SELECT COUNT(*) FROM course_runs WHERE start_date > ?', TODAY) > 0);
    assert.ok(one('SELECT COUNT(*) FROM fairs WHERE starts_at > ?', TODAY) > 0);
    assert.ok(one('SELECT COUNT(*) FROM fairs WHERE ends_at < ?', TODAY) > 0);
  });

  it('puts every place and station inside Fengtai (roughly) and on a street', async () => {
    const outside = `lat NOT BETWEEN 39.70 AND 39.95 OR lng NOT BETWEEN 116.05 AND 116.50`;
    assert.equal(one(`SELECT COUNT(*) FROM places WHERE street_id IS NULL OR ${outside}`), 0);
    assert.equal(one(`SELECT COUNT(*) FROM stations WHERE ${outside}`), 0);
  });

  it('is deterministic: the same day and scale give the same rows', async () => {
    const again = path.join(dir, 'again.sqlite');
    buildCityDataset(again, { scale: SCALE, today: TODAY });
    const other = openDatabase(again);
    const digest = (d: DB) =>
      ['courses', 'course_runs', 'stations', 'fairs', 'fair_positions', 'search_docs'].map(
        (t) => JSON.stringify(d.$client.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()),
      );
    try {
      assert.deepEqual(digest(other), digest(db));
    } finally {
      other.$client.close();
    }
  });

  it('is found by the real course search, by a generated title', async () => {
    const { searchCourses } = await import('@/db/queries/courses');
    const row = db.$client
      .prepare(`SELECT c.id, c.title FROM courses c JOIN course_runs r ON r.course_id = c.id
        WHERE c.publication = 'published' AND r.publication = 'published' AND r.start_date > ? ORDER BY c.id LIMIT 1`)
      .get(TODAY) as { id: number; title: string };
    assert.ok(row, 'a published course with a run to come');
    const found = (await searchCourses(`q=${encodeURIComponent(row.title)}`, { today: TODAY }));
    assert.ok(found.total >= 1);
    const ids = new Set<number>();
    for (let page = 1; page <= found.pageCount; page++)
      for (const c of (await searchCourses(`q=${encodeURIComponent(row.title)}&page=${page}`, { today: TODAY })).items) ids.add(c.id);
    assert.ok(ids.has(row.id), `course ${row.id} 《${row.title}》 among ${[...ids].join(', ')}`);
  });
});
