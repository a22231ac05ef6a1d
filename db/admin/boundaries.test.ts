/** Importing 街镇 boundaries: all or nothing, with a Chinese message for every problem. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { importBoundaries } from './boundaries';

const db = useSeededTestDb();
const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/boundaries-two-streets.geojson'), 'utf8');

function stored() {
  return db.all<{ name: string; geojson: string; source: string }>(
    sql`SELECT s.name, b.geojson, b.source FROM street_boundaries b JOIN streets s ON s.id = b.street_id ORDER BY s.name`,
  );
}

/** The fixture with one feature changed. */
function withFeature(i: number, change: (f: Record<string, unknown>) => void): string {
  const json = JSON.parse(fixture) as { features: Record<string, unknown>[] };
  change(json.features[i]!);
  return JSON.stringify(json);
}

describe('boundaries import', () => {
  it('refuses a file with an unknown name, a bad geometry or swapped coordinates, and writes nothing', () => {
    const unknown = withFeature(1, (f) => (f.properties = { name: '北宫' }));
    const r1 = importBoundaries(db, unknown, 'test');
    assert.equal(r1.ok, false);
    assert.match(!r1.ok ? r1.errors.join('\n') : '', /第 2 个要素（北宫）：没有叫“北宫”的街镇/);

    const point = withFeature(0, (f) => (f.geometry = { type: 'Point', coordinates: [116.36, 39.86] }));
    const r2 = importBoundaries(db, point, 'test');
    assert.match(!r2.ok ? r2.errors.join('\n') : '', /第 1 个要素（右安门街道）：边界应是 Polygon 或 MultiPolygon/);

    const swapped = withFeature(0, (f) => {
      f.geometry = { type: 'Polygon', coordinates: [[[39.857, 116.35], [39.857, 116.376], [39.877, 116.376], [39.857, 116.35]]] };
    });
    const r3 = importBoundaries(db, swapped, 'test');
    assert.match(!r3.ok ? r3.errors.join('\n') : '', /不在北京范围内.*经度在前/);

    const open = withFeature(0, (f) => {
      f.geometry = { type: 'Polygon', coordinates: [[[116.35, 39.857], [116.376, 39.857], [116.376, 39.877], [116.35, 39.877]]] };
    });
    const r4 = importBoundaries(db, open, 'test');
    assert.match(!r4.ok ? r4.errors.join('\n') : '', /没有闭合/);

    const twice = JSON.stringify({ ...JSON.parse(fixture), features: [...JSON.parse(fixture).features, JSON.parse(fixture).features[0]] });
    const r5 = importBoundaries(db, twice, 'test');
    assert.match(!r5.ok ? r5.errors.join('\n') : '', /第 3 个要素（右安门街道）：这个街镇在文件里出现了不止一次/);

    assert.match((importBoundaries(db, '{not json', 'test') as { errors: string[] }).errors[0]!, /不是有效的 JSON/);
    assert.match((importBoundaries(db, '{"type":"Feature"}', 'test') as { errors: string[] }).errors[0]!, /FeatureCollection/);

    assert.deepEqual(stored(), [], 'nothing written after any refusal');
  });

  it('writes every boundary of a good file in one go, and a second import replaces them', () => {
    const r = importBoundaries(db, fixture, 'fixture 2026-11-23');
    assert.deepEqual(r, { ok: true, written: ['右安门街道', '北宫镇'] });
    const rows = stored();
    assert.equal(rows.length, 2);
    assert.equal(JSON.parse(rows.find((x) => x.name === '北宫镇')!.geojson).type, 'MultiPolygon');

    const moved = withFeature(0, (f) => {
      f.geometry = { type: 'Polygon', coordinates: [[[116.35, 39.86], [116.37, 39.86], [116.37, 39.87], [116.35, 39.86]]] };
    });
    assert.equal(importBoundaries(db, moved, 'second').ok, true);
    const after = stored();
    assert.equal(after.length, 2);
    assert.ok(after.every((x) => x.source === 'second'));
  });
});
