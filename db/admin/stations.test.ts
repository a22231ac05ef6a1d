/**
 * Admin station writes on the seeded sample data: ownership, validation, optimistic locking
 * across hours / exceptions / services, 今日临时闭站 and its undo, publish rules, audit rows,
 * and the admin list's scope (same filter builder as the public finder).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useSeededTestDb } from '@/db/test-helpers';
import type { Actor } from '@/db/auth/permissions';
import { Forbidden } from '@/db/auth/permissions';
import { Conflict, Invalid, StateError } from './errors';
import { beijingToday } from '@/db/domain/time';
import type * as Stations from './stations';
import type * as Queries from '@/db/queries/stations';

const db = useSeededTestDb();
let S: typeof Stations;
let Q: typeof Queries;

const editor: Actor = { id: 2, username: 'editor', displayName: '演示编辑', role: 'editor', providerId: null, stationId: null };
const admin: Actor = { id: 1, username: 'admin', displayName: '演示管理员', role: 'admin', providerId: null, stationId: null };
const youanmen: Actor = { id: 4, username: 'youanmen', displayName: '右安门驿站', role: 'station', providerId: null, stationId: 1 };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };

before(async () => {
  // Accounts the audit rows point at (the sample seed has none).
  for (const a of [admin, editor, kangxin, youanmen]) {
    db.$client
      .prepare('INSERT INTO users (id, username, display_name, password_hash, role, provider_id, station_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.id, a.username, a.displayName, 'not-a-hash', a.role, a.providerId, a.stationId);
  }
  S = await import('./stations');
  Q = await import('@/db/queries/stations');
});

function one<T>(q: string, ...p: unknown[]): T {
  return db.$client.prepare(q).get(...p) as T;
}
function versionOf(id: number): number {
  return one<{ version: number }>('SELECT version FROM stations WHERE id = ?', id).version;
}
function auditCount(id: number): number {
  return one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'station' AND entity_id = ?", id).n;
}
const week = (day: { opens: string; closes: string }[], weekend: { opens: string; closes: string }[] = []) => [day, day, day, day, day, weekend, weekend];
const LUNCH = [
  { opens: '09:00', closes: '12:00' },
  { opens: '13:30', closes: '17:00' },
];

describe('ownership', () => {
  it('a 驿站 account may edit its own hours but not another station, nor any details', () => {
    assert.throws(() => S.saveStationHours(db, youanmen, { id: 2, version: versionOf(2), station: week(LUNCH), counterSeparate: false, counter: week([]) }), Forbidden);
    assert.throws(() => S.updateStationDetails(db, youanmen, { id: 1, version: versionOf(1), name: 'x' }), Forbidden);
    assert.throws(() => S.createStation(db, youanmen, {}), Forbidden);
    assert.throws(() => S.transitionStation(db, youanmen, { id: 1, version: versionOf(1), move: 'withdraw' }), Forbidden);
    assert.throws(() => S.closeStationToday(db, kangxin, { id: 1, preset: '停电', note: '' }), Forbidden);
    const r = S.saveStationHours(db, youanmen, { id: 1, version: versionOf(1), station: week(LUNCH), counterSeparate: false, counter: week([]) });
    assert.equal(r.version, versionOf(1));
  });

  it('refuses before looking at the rest of the input (forbidden, not invalid)', () => {
    assert.throws(() => S.saveStationServices(db, youanmen, { id: 2, version: 'garbage', services: 'nope' }), Forbidden);
  });
});

describe('weekly hours', () => {
  it('refuses overlapping and reversed sessions with messages on the right fields, writing nothing', () => {
    const v = versionOf(3);
    const before = one<{ n: number }>('SELECT count(*) AS n FROM station_hours WHERE station_id = 3').n;
    try {
      S.saveStationHours(db, editor, {
        id: 3,
        version: v,
        station: [[{ opens: '09:00', closes: '12:00' }, { opens: '11:00', closes: '14:00' }], [{ opens: '17:00', closes: '09:00' }], [{ opens: '9点', closes: '12:00' }], [], [], [], []],
        counterSeparate: false,
        counter: week([]),
      });
      assert.fail('should refuse');
    } catch (e) {
      assert.ok(e instanceof Invalid);
      assert.match(e.fieldErrors['station.0.1.opens']!, /重叠/);
      assert.match(e.fieldErrors['station.1.0.closes']!, /晚于开门时间/);
      assert.match(e.fieldErrors['station.2.0.opens']!, /09:00/);
    }
    assert.equal(versionOf(3), v);
    assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM station_hours WHERE station_id = 3').n, before);
  });

  it('saves counter hours separately and bumps the station version with an audit row', () => {
    const v = versionOf(4);
    const audits = auditCount(4);
    const r = S.saveStationHours(db, editor, {
      id: 4,
      version: v,
      station: week(LUNCH, [{ opens: '09:00', closes: '12:00' }]),
      counterSeparate: true,
      counter: week([{ opens: '09:30', closes: '11:30' }]),
    });
    assert.equal(r.version, v + 1);
    // The week in force today (the seed's week stays as the hours of the days before).
    const inForce = "effective_from = (SELECT max(effective_from) FROM station_hours WHERE station_id = 4 AND effective_from <= ?)";
    assert.equal(one<{ n: number }>(`SELECT count(*) AS n FROM station_hours WHERE station_id = 4 AND scope = 'counter' AND ${inForce}`, beijingToday()).n, 5);
    assert.equal(one<{ n: number }>(`SELECT count(*) AS n FROM station_hours WHERE station_id = 4 AND scope = 'station' AND ${inForce}`, beijingToday()).n, 12);
    assert.equal(auditCount(4), audits + 1);
    const row = one<{ before: string; after: string; entity_version: number }>(
      "SELECT before, after, entity_version FROM audit_log WHERE entity = 'station' AND entity_id = 4 ORDER BY id DESC LIMIT 1",
    );
    assert.equal(row.entity_version, v + 1);
    assert.ok(JSON.parse(row.before).hours.length > 0);
    assert.ok(JSON.parse(row.after).hours.some((h: { scope: string }) => h.scope === 'counter'));
  });

  it('a published operating station cannot be left without hours', () => {
    assert.throws(
      () => S.saveStationHours(db, editor, { id: 5, version: versionOf(5), station: week([]), counterSeparate: false, counter: week([]) }),
      (e) => e instanceof Invalid && /每周开放时间/.test(e.fieldErrors.hours ?? ''),
    );
  });
});

describe('optimistic locking across the station', () => {
  it('a stale save is refused with who changed what, and writes nothing', () => {
    const v = versionOf(6);
    S.saveStationServices(db, editor, { id: 6, version: v, services: [{ serviceId: 1, mode: 'both' }, { serviceId: 2, mode: 'self' }] });
    const hoursBefore = JSON.stringify(db.$client.prepare('SELECT * FROM station_hours WHERE station_id = 6 ORDER BY id').all());
    try {
      S.saveStationHours(db, admin, { id: 6, version: v, station: week(LUNCH), counterSeparate: false, counter: week([]) });
      assert.fail('should conflict');
    } catch (e) {
      assert.ok(e instanceof Conflict);
      assert.equal(e.info.currentVersion, v + 1);
      assert.equal(e.info.changes[0]?.by, '演示编辑');
      // A code: the station forms word it (e2e/admin/stations-conflict: «修改了：每周开放时间»).
      assert.deepEqual(e.info.changes[0]?.fields, ['services']);
    }
    assert.equal(JSON.stringify(db.$client.prepare('SELECT * FROM station_hours WHERE station_id = 6 ORDER BY id').all()), hoursBefore);
    assert.equal(versionOf(6), v + 1);
  });
});

describe('今日临时闭站', () => {
  it('closes today with the reason, refuses a second tap, and undoes', () => {
    const today = beijingToday();
    const v = versionOf(1);
    const r = S.closeStationToday(db, youanmen, { id: 1, preset: '停电', note: '预计下午恢复' });
    assert.equal(r.version, v + 1);
    const exc = one<{ start_date: string; end_date: string; closed: number; reason: string }>('SELECT * FROM station_exceptions WHERE id = ?', r.exceptionId);
    assert.deepEqual([exc.start_date, exc.end_date, exc.closed, exc.reason], [today, today, 1, '停电，预计下午恢复']);
    assert.throws(() => S.closeStationToday(db, youanmen, { id: 1, preset: '系统维护', note: '' }), StateError);
    assert.equal(S.todayClosureOf(db, 1)?.id, r.exceptionId);
    assert.throws(() => S.reopenStationToday(db, youanmen, { id: 1, exceptionId: 1 }), StateError);
    S.reopenStationToday(db, youanmen, { id: 1, exceptionId: r.exceptionId });
    assert.equal(S.todayClosureOf(db, 1), null);
    const actions = db.$client
      .prepare("SELECT action FROM audit_log WHERE entity = 'station' AND entity_id = 1 ORDER BY id DESC LIMIT 2")
      .all()
      .map((x) => (x as { action: string }).action);
    assert.deepEqual(actions, ['reopenToday', 'closeToday']);
  });

  it('"其他原因" needs words', () => {
    assert.throws(() => S.closeStationToday(db, youanmen, { id: 1, preset: 'other', note: '  ' }), (e) => e instanceof Invalid && 'note' in e.fieldErrors);
  });
});

describe('dated exceptions', () => {
  it('adds, edits and deletes, each bumping the version; end before start is refused', () => {
    const today = beijingToday();
    assert.throws(
      () => S.saveStationException(db, editor, { stationId: 7, version: versionOf(7), exceptionId: '', startDate: '2099-01-05', endDate: '2099-01-04', kind: 'closed', sessions: [], reason: '装修' }),
      (e) => e instanceof Invalid && e.fieldErrors.endDate === '结束日期不能早于开始日期',
    );
    const a = S.saveStationException(db, editor, { stationId: 7, version: versionOf(7), exceptionId: '', startDate: today, endDate: '2099-01-04', kind: 'hours', sessions: [{ opens: '09:00', closes: '12:00' }], reason: '只上午' });
    const b = S.saveStationException(db, editor, { stationId: 7, version: a.version, exceptionId: a.exceptionId, startDate: today, endDate: '2099-01-04', kind: 'closed', sessions: [], reason: '装修' });
    assert.equal(b.exceptionId, a.exceptionId);
    assert.equal(one<{ closed: number }>('SELECT closed FROM station_exceptions WHERE id = ?', a.exceptionId).closed, 1);
    const c = S.deleteStationException(db, editor, { stationId: 7, version: b.version, exceptionId: a.exceptionId });
    assert.equal(c.version, b.version + 1);
    assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM station_exceptions WHERE id = ?', a.exceptionId).n, 0);
  });
});

describe('details and lifecycle', () => {
  const base = {
    name: '测试新建驿站',
    hostType: 'bank',
    hostName: '测试银行',
    streetId: '3',
    address: '测试路 1 号',
    lat: '39.86',
    lng: '116.37',
    phone: '010-63800001',
    hasWindow: true,
    hasSelfService: false,
    hasAiAvatar: false,
    isAccessible: false,
    status: 'operating',
    openingDate: '',
    statusReason: '',
    lastVerifiedOn: '2026-11-01',
    directions: '',
  };

  it('creates a draft, refuses to publish it until hours, services and coordinates are right, then publishes', () => {
    const { id, version } = S.createStation(db, editor, { ...base, id: '', version: '', lat: '31.23', lng: '121.47' });
    assert.equal(one<{ publication: string }>('SELECT publication FROM stations WHERE id = ?', id).publication, 'draft');
    const problems = S.checkPublishable(db, id);
    assert.ok(problems.lat && problems.hours && problems.services);
    assert.throws(() => S.transitionStation(db, editor, { id, version, move: 'publish' }), Invalid);
    let v = S.updateStationDetails(db, editor, { ...base, id, version }).version;
    v = S.saveStationHours(db, editor, { id, version: v, station: week(LUNCH), counterSeparate: false, counter: week([]) }).version;
    v = S.saveStationServices(db, editor, { id, version: v, services: [{ serviceId: 1, mode: 'counter' }] }).version;
    assert.deepEqual(S.checkPublishable(db, id), {});
    const r = S.transitionStation(db, editor, { id, version: v, move: 'publish' });
    assert.equal(r.publication, 'published');
  });

  it('planned needs an opening date and suspended a reason; unknown street is refused', () => {
    assert.throws(() => S.createStation(db, editor, { ...base, status: 'planned' }), (e) => e instanceof Invalid && 'openingDate' in e.fieldErrors);
    assert.throws(() => S.createStation(db, editor, { ...base, status: 'suspended' }), (e) => e instanceof Invalid && 'statusReason' in e.fieldErrors);
    assert.throws(() => S.createStation(db, editor, { ...base, streetId: '9999' }), (e) => e instanceof Invalid && 'streetId' in e.fieldErrors);
    assert.throws(() => S.createStation(db, editor, { ...base, lat: '北纬' }), (e) => e instanceof Invalid && /数字/.test(e.fieldErrors.lat ?? ''));
  });

  it('今天已核实 records today', () => {
    const r = S.markVerifiedToday(db, editor, { id: 8, version: versionOf(8) });
    assert.equal(r.lastVerifiedOn, beijingToday());
    assert.throws(() => S.markVerifiedToday(db, youanmen, { id: 1, version: versionOf(1) }), Forbidden);
  });
});

describe('admin list: one filter builder, two scopes', () => {
  it('sees drafts the public finder does not, and filters by publication and staleness', async () => {
    const drafts = await Q.listStationsForAdmin(editor, 'pub=draft');
    assert.ok(drafts.total >= 1);
    assert.ok(drafts.items.every((i) => i.publication === 'draft'));
    const publicIds = new Set((await Q.searchStations(new URLSearchParams({ q: drafts.items[0]!.name }))).items.map((i) => i.id));
    assert.ok(!publicIds.has(drafts.items[0]!.id));
    const stale = await Q.listStationsForAdmin(editor, 'stale=1');
    assert.ok(stale.total > 0);
    assert.ok(stale.items.every((i) => i.stale));
    const bank = await Q.listStationsForAdmin(editor, 'host=bank&status=planned');
    assert.ok(bank.items.length > 0 && bank.items.every((i) => i.hostType === 'bank' && i.stationStatus === 'planned'));
  });

  it('derives what it shows from the actor: a 驿站 account its own station, a provider account none', async () => {
    const own = await Q.listStationsForAdmin(youanmen, '');
    assert.deepEqual(own.items.map((i) => i.id), [1]);
    assert.equal(own.total, 1);
    const provider = await Q.listStationsForAdmin(kangxin, '');
    assert.equal(provider.total, 0);
    assert.deepEqual(provider.items, []);
    const all = await Q.listStationsForAdmin(admin, '');
    assert.equal(all.total, one<{ n: number }>('SELECT count(*) AS n FROM stations').n);
  });
});
