/**
 * A planned station (尚未启用) is not open: at fixed instants before and after its opening
 * date, the station page, the API (list and detail) and the page's JSON-LD say the same thing.
 * Seeded sample data: the planned stations open 20–40 days after TEST_TODAY.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { addDays } from '@/db/domain/calendar';
import { parseApiParams } from './params';
import { JSON_LD_SPECIAL_DAYS, stationJsonLd } from './json-ld';

const db = useSeededTestDb();
const BASE = 'http://test.local';

let api: typeof import('./stations');
let page: typeof import('@/db/queries/stations');

before(async () => {
  api = await import('./stations');
  page = await import('@/db/queries/stations');
});

type Spec = Record<string, unknown>;

function placeOf(ld: Record<string, unknown>): Spec {
  return (ld.availableChannel as Record<string, Spec>).serviceLocation!;
}

async function seen(id: number, now: Date) {
  const detail = (await page.getStationDetail(id, now))!;
  const one = (await api.getApiStation(id, BASE, now))!;
  const listed = parseApiParams('stations', new URLSearchParams('per_page=100'));
  assert.ok(listed.ok);
  const list = await api.listApiStations(listed.values, 'all', BASE, now);
  const item = list.items.find((s) => s.id === id)!;
  const ld = stationJsonLd(one.detail, one.today, addDays(one.today, JSON_LD_SPECIAL_DAYS - 1));
  return { detail, api: one.detail, item, place: placeOf(ld) };
}

describe('a planned station', () => {
  it('before its opening date: 尚未启用 everywhere, and its JSON-LD hours start on the opening date', async () => {
    const rows = db.all<{ id: number; opening: string }>(
      sql`SELECT id, opening_date AS opening FROM stations WHERE status = 'planned' AND publication = 'published' AND opening_date IS NOT NULL ORDER BY id`,
    );
    assert.ok(rows.length > 0, 'the sample data has planned stations with an opening date');
    for (const { id, opening } of rows) {
      // The evening before it opens, and a weekday morning a week before.
      for (const now of [new Date(`${addDays(opening, -1)}T19:00:00+08:00`), new Date(`${addDays(opening, -7)}T10:00:00+08:00`)]) {
        const s = await seen(id, now);
        assert.equal(s.detail.planned, true, `${id} page`);
        assert.equal(s.detail.status.open, false);
        assert.equal(s.detail.status.label, '尚未启用');
        for (const a of [s.api, s.item]) {
          assert.equal(a.status, 'planned', `${id} api`);
          assert.equal(a.status_label, '尚未启用');
          assert.equal(a.open_now, false);
          assert.equal(a.open_state.label, '尚未启用');
          assert.equal(a.opening_date, opening);
        }
        assert.equal(s.api.hours_valid_from, opening);
        const hours = (s.place.openingHoursSpecification ?? []) as Spec[];
        assert.ok(hours.length > 0, `${id}: the hours it will keep are published`);
        for (const h of hours) assert.equal(h.validFrom, opening, `${id}: ${JSON.stringify(h)}`);
        for (const h of (s.place.specialOpeningHoursSpecification ?? []) as Spec[]) assert.ok(String(h.validFrom) >= opening, JSON.stringify(h));
      }
    }
  });

  it('from its opening date: open by its hours everywhere, weekly hours without validFrom', async () => {
    const { id, opening } = db.get<{ id: number; opening: string }>(
      sql`SELECT id, opening_date AS opening FROM stations WHERE status = 'planned' AND publication = 'published' AND opening_date IS NOT NULL ORDER BY id LIMIT 1`,
    )!;
    let openSeen = 0;
    for (let i = 0; i < 10; i++) {
      const now = new Date(`${addDays(opening, i)}T10:30:00+08:00`);
      const s = await seen(id, now);
      assert.equal(s.detail.planned, false, `${id} on ${addDays(opening, i)}`);
      assert.notEqual(s.detail.status.label, '尚未启用');
      for (const a of [s.api, s.item]) {
        assert.equal(a.status, 'operating');
        assert.equal(a.open_now, s.detail.status.open, 'page and API agree');
        assert.equal(a.open_state.label, s.detail.status.label);
      }
      assert.equal(s.api.hours_valid_from, null);
      const hours = s.place.openingHoursSpecification as Spec[];
      assert.ok(hours.length > 0);
      for (const h of hours) assert.equal(h.validFrom, undefined);
      if (s.api.open_now) openSeen++;
    }
    assert.ok(openSeen > 0, 'open on some weekday morning of its first ten days');
  });

  it('with no opening date announced, publishes no hours at all', async () => {
    const { id } = db.get<{ id: number }>(sql`SELECT id FROM stations WHERE status = 'planned' AND publication = 'published' ORDER BY id LIMIT 1`)!;
    const one = (await api.getApiStation(id, BASE, new Date('2026-11-23T10:00:00+08:00')))!;
    const detail = { ...one.detail, opening_date: null, hours_valid_from: null };
    const place = placeOf(stationJsonLd(detail, one.today, addDays(one.today, 29)));
    assert.equal(place.openingHoursSpecification, undefined);
    assert.equal(place.specialOpeningHoursSpecification, undefined);
    // An operating station keeps its plain weekly hours.
    const open = placeOf(stationJsonLd({ ...detail, status: 'operating' }, one.today, addDays(one.today, 29)));
    assert.ok((open.openingHoursSpecification as Spec[]).length > 0);
  });
});
