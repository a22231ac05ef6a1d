/**
 * The 事项目录 writer against the seeded sample data: 管理员 and 编辑 correct a service's
 * 办理需带 and 手机可办; scoped accounts are refused before the input is read; versions are
 * compared; the station page reads the change at once.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { auditLog, services, stationServices, users } from '@/db/schema';
import { Forbidden, type Actor } from '@/db/auth/permissions';
import { serviceUpdateSchema } from '@/db/validation/admin/service';
import { Conflict, Invalid, NotFound } from './errors';

const db = useSeededTestDb();
const MON_10 = new Date(`${TEST_TODAY}T10:00:00+08:00`);
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
const youanmen: Actor = { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 };
let m: typeof import('./services');
let stations: typeof import('@/db/queries/stations');
before(async () => {
  for (const a of [admin, editor, kangxin, youanmen]) {
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'not-a-hash', role: a.role, providerId: a.providerId, stationId: a.stationId }).run();
  }
  m = await import('./services');
  stations = await import('@/db/queries/stations');
});

const row = (id: number) => db.select().from(services).where(eq(services.id, id)).get()!;
const snapshotDb = () => JSON.stringify(db.all(sql`SELECT * FROM services ORDER BY id`));
/** A service station 1 offers, so its page shows the change. */
const offeredAt1 = () => db.select({ id: stationServices.serviceId }).from(stationServices).where(eq(stationServices.stationId, 1)).get()!.id;

describe('service catalogue: schema', () => {
  it('reads one item a line, trimmed, blank lines and repeats dropped, and no phone note without 手机可办', () => {
    const r = serviceUpdateSchema.parse({ id: '3', version: '1', materials: ' 本人身份证 \r\n\n医保电子凭证\n本人身份证\n', online: false, onlineNote: '国家医保服务平台App' });
    assert.deepEqual(r.materials, ['本人身份证', '医保电子凭证']);
    assert.equal(r.onlineNote, '');
    assert.equal(serviceUpdateSchema.parse({ id: 3, version: 1, materials: '', online: 'on', onlineNote: ' App ' }).onlineNote, 'App');
  });

  it('refuses too many items and an item too long, on the one field the form has', () => {
    const many = serviceUpdateSchema.safeParse({ id: 1, version: 1, materials: Array.from({ length: 11 }, (_, i) => `材料${i}`).join('\n'), online: false, onlineNote: '' });
    assert.equal(many.success, false);
    assert.deepEqual(many.error!.issues.map((i) => [i.path.join('.'), i.message]), [['materials', 'materialsTooMany']]);
    const long = serviceUpdateSchema.safeParse({ id: 1, version: 1, materials: '长'.repeat(41), online: false, onlineNote: '' });
    assert.deepEqual(long.error!.issues.map((i) => [i.path.join('.'), i.message]), [['materials', 'materialTooLong']]);
  });
});

describe('service catalogue: updateService', () => {
  it('lets 编辑 correct what to bring and 手机可办; the station page shows it at once, with an audit row', async () => {
    const id = offeredAt1();
    const before = row(id);
    const r = m.updateService(db, editor, { id, version: before.version, materials: '户口簿\n本人身份证', online: 'on', onlineNote: '北京医保公共服务平台' }, '10.0.0.1');
    assert.deepEqual(r, { version: before.version + 1 });
    const after = row(id);
    assert.deepEqual(after.materials, ['户口簿', '本人身份证']);
    assert.equal(after.online, true);
    assert.equal(after.onlineNote, '北京医保公共服务平台');
    const d = (await stations.getStationDetail(1, MON_10))!;
    const item = d.services.flatMap((g) => g.items).find((i) => i.id === id)!;
    assert.deepEqual(item.materials, ['户口簿', '本人身份证']);
    assert.equal(item.onlineNote, '北京医保公共服务平台');
    const audit = db.select().from(auditLog).where(and(eq(auditLog.entity, 'service'), eq(auditLog.entityId, id))).all();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.entityVersion, after.version);
    assert.match(audit[0]!.summary, new RegExp(after.name));
  });

  it('lets 管理员 too, and refuses a stale version with a conflict, writing nothing', () => {
    const id = offeredAt1();
    const v = row(id).version;
    m.updateService(db, admin, { id, version: v, materials: '本人身份证', online: false, onlineNote: '' });
    const before = snapshotDb();
    assert.throws(() => m.updateService(db, editor, { id, version: v, materials: '别的', online: false, onlineNote: '' }), Conflict);
    assert.equal(snapshotDb(), before);
  });

  it('refuses 驿站 and 培训机构 accounts before reading the input, and says when the service is unknown', () => {
    const before = snapshotDb();
    for (const who of [youanmen, kangxin]) {
      assert.throws(() => m.updateService(db, who, { id: 1, version: row(1).version, materials: '篡改', online: false, onlineNote: '' }), Forbidden);
      // Even nonsense input is Forbidden, never Invalid: the permission comes first.
      assert.throws(() => m.updateService(db, who, { nonsense: true }), Forbidden);
    }
    assert.equal(snapshotDb(), before);
    assert.throws(() => m.updateService(db, editor, { id: 999999, version: 1, materials: '', online: false, onlineNote: '' }), NotFound);
    assert.throws(() => m.updateService(db, editor, { id: 1, version: row(1).version, materials: '长'.repeat(41), online: false, onlineNote: '' }), Invalid);
    assert.equal(snapshotDb(), before);
  });

  it('lists the catalogue in order with how many stations offer each', async () => {
    const list = await m.listServicesForAdmin(db);
    assert.equal(list.length, db.select({ n: sql<number>`count(*)` }).from(services).get()!.n);
    const id = offeredAt1();
    const n = db.select({ n: sql<number>`count(*)` }).from(stationServices).where(eq(stationServices.serviceId, id)).get()!.n;
    assert.equal(list.find((s) => s.id === id)!.stations, n);
    assert.ok(list.every((s) => Array.isArray(s.materials)));
  });
});
