/**
 * The coverage view on the seeded sample data (TEST_TODAY = Monday 2026-11-23). Instants carry
 * +08:00, so the answers do not depend on the zone the tests run in.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import type * as CoverageQueries from './coverage';

const db = useSeededTestDb();

let q: typeof CoverageQueries;
before(async () => {
  q = await import('./coverage');
});

function bj(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

describe('coverage on the sample data', () => {
  it('has all 26 街镇, approximate, with points and shares between 0 and 1', async () => {
    const started = performance.now();
    const r = await q.computeCoverageAt(bj(`${TEST_TODAY}T10:00`));
    const ms = performance.now() - started;
    console.log(`one computation: ${ms.toFixed(0)} ms, ${r.grid.rows}×${r.grid.cols} grid`);
    assert.equal(r.streets.length, 26);
    assert.equal(r.approximate, true);
    for (const s of r.streets) {
      assert.ok(s.points > 0, `${s.name} has points`);
      assert.ok(s.approximate);
      for (const v of Object.values(s.shares)) assert.ok(v !== null && v >= 0 && v <= 1, `${s.name} ${v}`);
      // Fewer stations open on a Sunday than at all: the share can only drop.
      assert.ok(s.shares.sunday! <= s.shares.all!);
      assert.ok(s.shares.now! <= s.shares.all!);
    }
    const operating = db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM stations WHERE publication = 'published' AND status = 'operating'`,
    )[0]!.n;
    assert.ok(r.stationIds.all.length > 0 && r.stationIds.all.length <= operating);
    assert.equal(
      r.streets.reduce((n, s) => n + s.stations, 0),
      r.stationIds.all.length,
      'every station counted in its street',
    );
    assert.ok(ms < 1500, `took ${ms} ms`);
  });

  it('at 3 a.m. on Monday no ordinary station is open, so "now" covers less than at all', async () => {
    const r = await q.computeCoverageAt(bj(`${TEST_TODAY}T03:00`));
    assert.ok(r.district.now! < r.district.all!);
  });

  it('a station taken out of service leaves the sets and lowers its street at once (new computation)', async () => {
    const before = await q.computeCoverageAt(bj(`${TEST_TODAY}T10:00`));
    const id = before.stationIds.all[0]!;
    db.run(sql`UPDATE stations SET status = 'suspended' WHERE id = ${id}`);
    try {
      const after = await q.computeCoverageAt(bj(`${TEST_TODAY}T10:00`));
      assert.ok(!after.stationIds.all.includes(id));
      assert.ok(after.district.all! <= before.district.all!);
    } finally {
      db.run(sql`UPDATE stations SET status = 'operating' WHERE id = ${id}`);
    }
  });

  it('an imported boundary makes its street exact', async () => {
    const street = db.all<{ id: number; lat: number; lng: number }>(sql`SELECT id, lat, lng FROM streets ORDER BY id LIMIT 1`)[0]!;
    const d = 0.01;
    const ring = [
      [street.lng - d, street.lat - d],
      [street.lng + d, street.lat - d],
      [street.lng + d, street.lat + d],
      [street.lng - d, street.lat + d],
      [street.lng - d, street.lat - d],
    ];
    db.run(sql`INSERT INTO street_boundaries (street_id, geojson, source) VALUES (${street.id}, ${JSON.stringify({ type: 'Polygon', coordinates: [ring] })}, 'test')`);
    try {
      const r = await q.computeCoverageAt(bj(`${TEST_TODAY}T10:01`));
      const s = r.streets.find((x) => x.id === street.id)!;
      assert.equal(s.approximate, false);
      // A 0.02° square at 40°N is about 2.2 km × 1.7 km: about 9 × 7 points of 250 m.
      assert.ok(s.points > 40 && s.points < 90, `${s.points} points`);
      assert.equal(r.approximate, true, 'the other 25 stay approximate');
    } finally {
      db.run(sql`DELETE FROM street_boundaries WHERE street_id = ${street.id}`);
    }
  });

  it('the cache answers the same minute from memory and recomputes the next minute', async () => {
    const a = await q.getCoverage(bj(`${TEST_TODAY}T11:00`));
    const b = await q.getCoverage(new Date(bj(`${TEST_TODAY}T11:00`).getTime() + 30_000));
    assert.equal(a, b);
    const c = await q.getCoverage(bj(`${TEST_TODAY}T11:01`));
    assert.notEqual(a, c);
  });

  it('the public summary names the district shares and the least-covered 街镇', async () => {
    const s = (await q.getCoverageSummary(bj(`${TEST_TODAY}T11:02`)))!;
    assert.ok(s.all >= s.sunday && s.all >= s.saturday);
    assert.equal(s.least.length, 2);
    assert.ok(s.least[0]!.percent <= s.least[1]!.percent);
  });
});
