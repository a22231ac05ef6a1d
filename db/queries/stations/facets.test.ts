/**
 * The station finder's facet counts come from the engine's one pass over the index rows; here
 * they are checked against a brute-force count written independently, straight from the tables
 * of the sample data, for several filter combinations (Monday 2026-11-23, 10:00 and 17:00).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isOpenAt, makeCalendar, type CalendarEntry, type StationSchedule } from '@/db/domain/hours';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import type * as StationQueries from './index';

const db = useSeededTestDb();
let q: typeof StationQueries;
before(async () => {
  q = await import('./index');
});

const bj = (local: string) => new Date(`${local}:00+08:00`);

type S = { id: number; street_id: number; host_type: string; status: string; opening_date: string | null; status_reason: string | null };
const rows = <T>(sql: string): T[] => db.$client.prepare(sql).all() as T[];

/** Every published station with what the filters ask about, computed here without the index. */
function facts(now: Date) {
  const calendar = makeCalendar(rows<{ date: string; kind: 'holiday' | 'workday'; name: string; as_weekday: number | null }>('SELECT * FROM calendar_days').map((r): CalendarEntry => ({ date: r.date, kind: r.kind, name: r.name, asWeekday: r.as_weekday })));
  const hours = rows<{ station_id: number; scope: 'station' | 'counter'; weekday: number; opens: string; closes: string }>('SELECT * FROM station_hours');
  const exc = rows<{ station_id: number; start_date: string; end_date: string; closed: number; sessions: string; reason: string }>('SELECT * FROM station_exceptions ORDER BY id');
  const offers = rows<{ station_id: number; service_id: number; mode: string }>('SELECT * FROM station_services');
  const planned = (s: S) => (s.opening_date ? TEST_TODAY < s.opening_date : s.status === 'planned');
  return rows<S>("SELECT * FROM stations WHERE publication = 'published'").map((s) => {
    const schedule: StationSchedule = {
      status: s.status as StationSchedule['status'],
      openingDate: s.opening_date,
      statusReason: s.status_reason,
      hours: hours.filter((h) => h.station_id === s.id).map((h) => ({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes })),
      exceptions: exc.filter((e) => e.station_id === s.id).map((e) => ({ startDate: e.start_date, endDate: e.end_date, closed: e.closed === 1, sessions: JSON.parse(e.sessions), reason: e.reason })),
    };
    const mine = schedule.hours.filter((h) => h.scope === 'station');
    return {
      ...s,
      services: new Map(offers.filter((o) => o.station_id === s.id).map((o) => [o.service_id, o.mode])),
      openStation: isOpenAt(schedule, calendar, now, 'station'),
      openCounter: isOpenAt(schedule, calendar, now, 'counter'),
      evening: !planned(s) && mine.some((h) => h.weekday <= 5 && h.closes > '18:00'),
      weekend: !planned(s) && mine.some((h) => h.weekday >= 6),
    };
  });
}

type Want = { street?: number; host?: string; service?: number; open?: boolean; evening?: boolean; weekend?: boolean };
type Fact = ReturnType<typeof facts>[number];

function passes(f: Fact, w: Want, omit?: keyof Want): boolean {
  if (omit !== 'street' && w.street !== undefined && f.street_id !== w.street) return false;
  if (omit !== 'host' && w.host !== undefined && f.host_type !== w.host) return false;
  if (omit !== 'service' && w.service !== undefined && !f.services.has(w.service)) return false;
  if (omit !== 'open' && w.open) {
    const counterOnly = omit !== 'service' && w.service !== undefined && f.services.get(w.service) === 'counter';
    if (!(counterOnly ? f.openCounter : f.openStation)) return false;
  }
  if (omit !== 'evening' && w.evening && !f.evening) return false;
  if (omit !== 'weekend' && w.weekend && !f.weekend) return false;
  return true;
}

function qs(w: Want): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(w)) if (v !== undefined && v !== false) sp.set(k, v === true ? '1' : String(v));
  return sp.toString();
}

describe('station facets equal a brute-force count', () => {
  const bankCounterOnly = () => rows<{ id: number }>("SELECT id FROM services WHERE name = '社保卡（医保卡）补换卡申请'")[0]!.id;
  const cases = (): [string, Want][] => [
    ['10:00', {}],
    ['10:00', { host: 'bank' }],
    ['10:00', { open: true, weekend: true }],
    ['17:00', { host: 'bank', open: true }],
    ['17:00', { open: true, service: bankCounterOnly() }],
    ['12:30', { street: 9, open: true, evening: true }],
    ['22:30', { host: 'community_health', service: 1 }],
  ];

  it('total, 街镇, host, service and the three hours toggles, for each combination', async () => {
    for (const [time, w] of cases()) {
      const now = bj(`${TEST_TODAY}T${time}`);
      const all = facts(now);
      const r = await q.searchStations(qs(w), now);
      const label = `${time} ${qs(w)}`;
      assert.equal(r.total, all.filter((f) => passes(f, w)).length, label);
      for (const o of r.facets.street!) assert.equal(o.count, all.filter((f) => passes(f, w, 'street') && f.street_id === Number(o.value)).length, `${label} street ${o.value}`);
      for (const o of r.facets.host!) assert.equal(o.count, all.filter((f) => passes(f, w, 'host') && f.host_type === o.value).length, `${label} host ${o.value}`);
      for (const o of r.facets.service!) {
        const id = Number(o.value);
        const want = all.filter((f) => passes(f, { ...w, service: id })).length;
        assert.equal(o.count, want, `${label} service ${o.value}`);
      }
      for (const key of ['open', 'evening', 'weekend'] as const) {
        assert.equal(r.facets[key]![0]!.count, all.filter((f) => passes(f, { ...w, [key]: true })).length, `${label} ${key}`);
      }
    }
  });

  it('has combinations that are not trivial (some counts between zero and everything)', async () => {
    const r = await q.searchStations('host=bank', bj(`${TEST_TODAY}T17:00`));
    const open = r.facets.open![0]!.count;
    assert.ok(open > 0 && open < r.total, `banks open at 17:00: ${open} of ${r.total}`);
  });
});
