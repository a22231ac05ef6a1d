/**
 * Weekly hours with an effective date, through the writer and the readers: a change from a later
 * day leaves today's week, the audit records the day and both weeks, past days are refused, and
 * the resident list's open-now filter, the station page and the API read each day's own week.
 * The writer's "today" is Beijing today (relative dates below); the readers are asked at fixed
 * instants.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useSeededTestDb } from '@/db/test-helpers';
import type { Actor } from '@/db/auth/permissions';
import { addDays, beijingToday, weekdayOf } from '@/db/domain/time';
import { Invalid } from './errors';
import type * as Stations from './stations';
import type * as Shared from './stations/shared';
import type * as Queries from '@/db/queries/stations';
import type * as Api from '@/app/api/v1/_lib/stations';

const db = useSeededTestDb();
let S: typeof Stations;
let Sh: typeof Shared;
let Q: typeof Queries;
let A: typeof Api;

const youanmen: Actor = { id: 4, username: 'youanmen', displayName: '右安门驿站', role: 'station', providerId: null, stationId: 1 };

before(async () => {
  db.$client
    .prepare('INSERT INTO users (id, username, display_name, password_hash, role, provider_id, station_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(youanmen.id, youanmen.username, youanmen.displayName, 'not-a-hash', youanmen.role, youanmen.providerId, youanmen.stationId);
  S = await import('./stations');
  Sh = await import('./stations/shared');
  Q = await import('@/db/queries/stations');
  A = await import('@/app/api/v1/_lib/stations');
});

const one = <T>(q: string, ...p: unknown[]) => db.$client.prepare(q).get(...p) as T;
const versionOf = (id: number) => one<{ version: number }>('SELECT version FROM stations WHERE id = ?', id).version;
const DAY = [{ opens: '09:00', closes: '17:00' }];
const MORNING = [{ opens: '09:00', closes: '12:00' }];
/** Monday–Friday 9:00–17:00, Saturday as given, Sunday closed. */
const week = (saturday: { opens: string; closes: string }[]) => [DAY, DAY, DAY, DAY, DAY, saturday, []];
const today = beijingToday();
/** The Saturday at least a week after today: "from next week". */
const nextSaturday = addDays(today, 7 + ((6 - weekdayOf(today) + 7) % 7));

describe('saving weekly hours from a later day', () => {
  it('keeps today’s week, adds the new one from that day, and audits the day with both weeks', () => {
    S.saveStationHours(db, youanmen, { id: 1, version: versionOf(1), station: week(DAY), counterSeparate: false, counter: week([]) });
    const r = S.saveStationHours(db, youanmen, {
      id: 1,
      version: versionOf(1),
      station: week(MORNING),
      counterSeparate: false,
      counter: week([]),
      effectiveFrom: nextSaturday,
    });
    assert.equal(r.effectiveFrom, nextSaturday);
    const saturday = (date: string) => Sh.hoursOf(db, 1, date).filter((h) => h.weekday === 6).map((h) => `${h.opens}-${h.closes}`);
    assert.deepEqual(saturday(today), ['09:00-17:00']);
    assert.deepEqual(saturday(addDays(nextSaturday, -7)), ['09:00-17:00'], 'the Saturday before keeps its hours');
    assert.deepEqual(saturday(nextSaturday), ['09:00-12:00']);
    assert.deepEqual(Sh.scheduledHoursOf(db, 1, today).map((w) => w.from), [nextSaturday]);

    const audit = one<{ summary: string; before: string; after: string }>(
      "SELECT summary, before, after FROM audit_log WHERE entity = 'station' AND entity_id = 1 ORDER BY id DESC LIMIT 1",
    );
    const b = JSON.parse(audit.before) as { hours: Record<string, unknown>[]; effectiveFrom: string };
    const a = JSON.parse(audit.after) as { hours: Record<string, unknown>[]; effectiveFrom: string };
    assert.equal(a.effectiveFrom, nextSaturday);
    assert.equal(b.effectiveFrom, nextSaturday);
    assert.match(audit.summary, new RegExp(`自 ${nextSaturday} 起生效`));
    for (const h of [...a.hours, ...b.hours]) assert.deepEqual(Object.keys(h).sort(), ['closes', 'opens', 'scope', 'weekday']);
    assert.deepEqual(b.hours.filter((h) => h.weekday === 6), [{ scope: 'station', weekday: 6, opens: '09:00', closes: '17:00' }]);
    assert.deepEqual(a.hours.filter((h) => h.weekday === 6), [{ scope: 'station', weekday: 6, opens: '09:00', closes: '12:00' }]);
  });

  it('refuses a past day and a day more than a year ahead, on the date field, writing nothing', () => {
    const v = versionOf(1);
    for (const effectiveFrom of [addDays(today, -1), addDays(today, 400)]) {
      assert.throws(
        () => S.saveStationHours(db, youanmen, { id: 1, version: v, station: week(DAY), counterSeparate: false, counter: week([]), effectiveFrom }),
        (e) => e instanceof Invalid && /生效日期/.test(e.fieldErrors.effectiveFrom ?? ''),
      );
    }
    assert.equal(versionOf(1), v);
  });

  it('refuses an empty week from a later day (a station that stops is suspended instead)', () => {
    assert.throws(
      () => S.saveStationHours(db, youanmen, { id: 1, version: versionOf(1), station: week([]).map(() => []), counterSeparate: false, counter: week([]), effectiveFrom: nextSaturday }),
      (e) => e instanceof Invalid && /暂停服务/.test(e.fieldErrors.effectiveFrom ?? ''),
    );
  });

  it('a save from an earlier day replaces the week decided for a later one; saving the old week again cancels', () => {
    const later = addDays(nextSaturday, 7);
    S.saveStationHours(db, youanmen, { id: 1, version: versionOf(1), station: week(MORNING), counterSeparate: false, counter: week([]), effectiveFrom: later });
    assert.deepEqual(Sh.scheduledHoursOf(db, 1, today).map((w) => w.from), [nextSaturday], 'the same week a week later adds nothing');
    S.saveStationHours(db, youanmen, { id: 1, version: versionOf(1), station: week(DAY), counterSeparate: false, counter: week([]), effectiveFrom: nextSaturday });
    assert.deepEqual(Sh.scheduledHoursOf(db, 1, today), [], 'today’s week from that day = no change decided');
    assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM station_hours WHERE station_id = 1 AND effective_from > ?', today).n, 0);
  });

  it('saving the hours as they stand writes nothing: same version, no audit entry', () => {
    const audits = () => one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'station' AND entity_id = 1").n;
    const [v, n] = [versionOf(1), audits()];
    const r = S.saveStationHours(db, youanmen, { id: 1, version: v, station: week(DAY), counterSeparate: false, counter: week([]), effectiveFrom: nextSaturday });
    assert.deepEqual([r.version, versionOf(1), audits()], [v, v, n]);
  });
});

describe('readers ask each day for its own week', () => {
  // Fixed dates: Saturday hours end at 12:00 from Sunday 2026-12-13 on (the seed's calendar has nothing those days).
  const SWITCH = '2026-12-13';
  const SAT_BEFORE = new Date('2026-12-12T15:00:00+08:00');
  const SAT_AFTER = new Date('2026-12-19T15:00:00+08:00');
  let id = 0;
  let name = '';

  before(() => {
    const row = one<{ id: number; name: string }>(
      `SELECT id, name FROM stations WHERE publication = 'published' AND status = 'operating' AND opening_date IS NULL
         AND id NOT IN (SELECT station_id FROM station_exceptions WHERE end_date >= '2026-12-01') ORDER BY id LIMIT 1`,
    );
    id = row.id;
    name = row.name;
    db.$client.prepare('DELETE FROM station_hours WHERE station_id = ?').run(id);
    const add = db.$client.prepare("INSERT INTO station_hours (station_id, scope, weekday, opens, closes, effective_from) VALUES (?, 'station', ?, ?, ?, ?)");
    for (let wd = 1; wd <= 6; wd++) add.run(id, wd, '09:00', '17:00', '0000-01-01');
    for (let wd = 1; wd <= 5; wd++) add.run(id, wd, '09:00', '17:00', SWITCH);
    add.run(id, 6, '09:00', '12:00', SWITCH);
  });

  it('the open-now filter finds it open last Saturday afternoon and not the Saturday after the change', async () => {
    const openIds = async (now: Date) => {
      const ids: number[] = [];
      for (let page = 1; page < 20; page++) {
        const r = await Q.searchStations(`open=1&q=${encodeURIComponent(name)}&page=${page}`, now);
        ids.push(...r.items.map((s) => s.id));
        if (r.items.length === 0 || ids.length >= r.total) break;
      }
      return ids;
    };
    assert.ok((await openIds(SAT_BEFORE)).includes(id));
    assert.ok(!(await openIds(SAT_AFTER)).includes(id));
  });

  it('the station page tells residents ahead and shows each day’s hours', async () => {
    const before = (await Q.getStationDetail(id, new Date('2026-12-10T10:00:00+08:00')))!;
    assert.deepEqual(before.hoursChanges.map((c) => c.text), ['自12月13日起，周六 9:00–12:00']);
    assert.equal(before.week.find((d) => d.date === '2026-12-12')!.display, '9:00–17:00');
    assert.equal(before.regularWeek[5]!.display, '9:00–17:00', 'the regular week is today’s');
    const after = (await Q.getStationDetail(id, SAT_AFTER))!;
    assert.deepEqual(after.hoursChanges, []);
    assert.equal(after.week[0]!.display, '9:00–12:00');
    assert.equal(after.status.text, '已下班，周一 9:00 开门');
  });

  it('the API gives today’s week and the week decided for later', async () => {
    const r = (await A.getApiStation(id, 'https://example.test', new Date('2026-12-10T10:00:00+08:00')))!;
    const sat = (w: { weekday: number; sessions: { opens: string; closes: string }[] }[]) => w.find((d) => d.weekday === 6)!.sessions;
    assert.deepEqual(sat(r.detail.weekly_hours), [{ opens: '09:00', closes: '17:00' }]);
    assert.equal(r.detail.weekly_hours_changes.length, 1);
    assert.equal(r.detail.weekly_hours_changes[0]!.from, SWITCH);
    assert.deepEqual(sat(r.detail.weekly_hours_changes[0]!.weekly_hours), [{ opens: '09:00', closes: '12:00' }]);
    const later = (await A.getApiStation(id, 'https://example.test', SAT_AFTER))!;
    assert.deepEqual(sat(later.detail.weekly_hours), [{ opens: '09:00', closes: '12:00' }]);
    assert.deepEqual(later.detail.weekly_hours_changes, []);
  });
});
