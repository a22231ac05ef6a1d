/**
 * The audit log read in words: who by display name, which record by name and address, an hours
 * change with its effective date, sign-in events kept apart from changes and from the people list.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { fairs, places, stations, users } from '../schema';
import type { Actor } from '../auth/permissions';
import { insertUser } from './user-store';
import { recordAudit } from './audit';
import { parseAuditFilters, queryAudit } from './audit-query';

const db = useSeededTestDb();
let admin: Actor;
let station: { id: number; name: string; address: string };

const week = (days: number[]) => days.map((weekday) => ({ scope: 'station', weekday, opens: '09:00', closes: '12:00' }));

before(async () => {
  const a = await insertUser(db, { username: 'chief', displayName: '王科长', password: 'chief-password-1', role: 'admin' });
  admin = { id: a, username: 'chief', displayName: '王科长', role: 'admin', providerId: null, stationId: null };
  station = db.select({ id: stations.id, name: stations.name, address: stations.address }).from(stations).limit(1).get()!;
  recordAudit(db, {
    actor: admin,
    action: 'update',
    entity: 'station',
    entityId: station.id,
    entityVersion: 2,
    summary: '修改每周开放时间',
    before: { hours: week([1, 2, 3, 4, 5]) },
    after: { hours: week([1, 2, 3, 4, 5, 6]), effectiveFrom: '2026-12-14' },
    at: Date.now() - 6 * 86_400_000,
  });
  for (const name of ['root', 'test']) recordAudit(db, { actor: null, actorName: name, action: 'signin.failed', entity: 'session', summary: '登录失败：没有这个账号' });
  recordAudit(db, { actor: admin, action: 'signin', entity: 'session', entityId: admin.id, summary: '登录成功' });
});

describe('audit entries in words', () => {
  it('an hours change names the person, the station and its address, and its effective date', async () => {
    const page = await queryAudit(db, admin, parseAuditFilters({ entity: 'station', id: String(station.id) }).filters);
    const e = page.entries.find((x) => x.summary === '修改每周开放时间')!;
    assert.equal(e.actor, 'chief');
    assert.equal(e.actorName, '王科长');
    assert.deepEqual(e.record, { name: station.name, address: station.address, gone: false });
    assert.equal(e.effectiveFrom, '2026-12-14');
    // The hours are one change, the effective date is not a changed field of its own.
    assert.deepEqual(e.changes.map((c) => c.field), ['hours']);
    assert.deepEqual(page.subject, { name: station.name, address: station.address });
  });

  it('a fair says where it is held; a deleted record keeps the name its snapshot had', async () => {
    const fair = db.select({ id: fairs.id, title: fairs.title, placeId: fairs.placeId }).from(fairs).where(eq(fairs.publication, 'published')).limit(1).get()!;
    const place = fair.placeId ? db.select().from(places).where(eq(places.id, fair.placeId)).get() : undefined;
    recordAudit(db, { actor: admin, action: 'update', entity: 'fair', entityId: fair.id, summary: '改了', before: { contactPhone: '1' }, after: { contactPhone: '2' } });
    recordAudit(db, { actor: admin, action: 'delete', entity: 'place', entityId: 999_999, summary: '删了', before: { name: '旧教室', address: '丰台区某路 1 号' }, after: null });
    const fairs1 = await queryAudit(db, admin, parseAuditFilters({ entity: 'fair', id: String(fair.id) }).filters);
    assert.equal(fairs1.entries[0]!.record!.name, fair.title);
    if (place) assert.equal(fairs1.entries[0]!.record!.address, `${place.name}（${place.address}）`);
    else assert.equal(fairs1.entries[0]!.record!.online, true);
    const gone = await queryAudit(db, admin, parseAuditFilters({ entity: 'place', id: '999999' }).filters);
    assert.deepEqual(gone.entries[0]!.record, { name: '旧教室', address: '丰台区某路 1 号', gone: true });
  });
});

describe('sign-in events apart from changes', () => {
  it('the changes view leaves sign-ins out and lists real accounts only', async () => {
    const page = await queryAudit(db, admin, parseAuditFilters({}).filters);
    assert.ok(page.entries.length > 0);
    assert.ok(page.entries.every((e) => e.entity !== 'session'));
    const usernames = page.accounts.map((a) => a.username);
    assert.ok(usernames.includes('chief'));
    assert.ok(!usernames.includes('root') && !usernames.includes('test'));
    assert.deepEqual(usernames.sort(), db.select({ u: users.username }).from(users).all().map((r) => r.u).sort());
    assert.ok(page.actions.includes('closeToday') && !page.actions.includes('signin.failed'));
  });

  it('the 登录记录 view has the sign-ins, typed names with no person behind them', async () => {
    const page = await queryAudit(db, admin, parseAuditFilters({ entity: 'session' }).filters);
    assert.ok(page.entries.every((e) => e.entity === 'session'));
    const root = page.entries.find((e) => e.actor === 'root')!;
    assert.equal(root.actorName, null);
    assert.equal(page.entries.find((e) => e.action === 'signin' && e.actor === 'chief')!.actorName, '王科长');
    assert.deepEqual(page.accounts, []);
    assert.ok(page.actions.includes('signin.failed') && !page.actions.includes('update'));
    const typed = await queryAudit(db, admin, parseAuditFilters({ entity: 'session', actor: 'root' }).filters);
    assert.deepEqual(typed.entries.map((e) => e.actor), ['root']);
  });

  it('a person filter follows the account by id, even after it is renamed', async () => {
    db.update(users).set({ username: 'chief2' }).where(eq(users.id, admin.id)).run();
    const page = await queryAudit(db, admin, parseAuditFilters({ actor: 'chief2' }).filters);
    assert.ok(page.entries.some((e) => e.summary === '修改每周开放时间' && e.actor === 'chief'));
    db.update(users).set({ username: 'chief' }).where(eq(users.id, admin.id)).run();
  });
});
