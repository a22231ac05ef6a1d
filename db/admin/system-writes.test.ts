/**
 * Calendar and account writes against a real temp database: each audited in the same
 * transaction with before/after, refused (with nothing written) when the role, the version or
 * the data is wrong; disabling or resetting ends the account's sessions; the audit query
 * filters and pages.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { auditLog, calendarDays, users } from '../schema';
import type { Actor } from '../auth/permissions';
import { Forbidden } from '../auth/permissions';
import { checkSession, createSession } from '../auth/sessions';
import { verifyPassword } from '../auth/password';
import { insertUser } from './user-store';
import { addCalendarDay, deleteCalendarDay, updateCalendarDay } from './calendar';
import { changeOwnPassword, createUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from './users';
import { parseAuditFilters, queryAudit } from './audit-query';
import { Conflict, Invalid } from './errors';

const db = useSeededTestDb();
let admin: Actor;
let editor: Actor;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

before(async () => {
  const a = await insertUser(db, { username: 'boss', displayName: '局管理员', password: 'boss-password-1', role: 'admin' });
  const e = await insertUser(db, { username: 'writer', displayName: '编辑甲', password: 'writer-password-1', role: 'editor' });
  admin = { id: a, username: 'boss', displayName: '局管理员', role: 'admin', providerId: null, stationId: null };
  editor = { id: e, username: 'writer', displayName: '编辑甲', role: 'editor', providerId: null, stationId: null };
});

describe('calendar writes', () => {
  it('adds a day with an audit row; a second row for the same day is refused', async () => {
    addCalendarDay(db, admin, { date: '2030-10-01', kind: 'holiday', name: '国庆节', asWeekday: null });
    const a = db.select().from(auditLog).where(and(eq(auditLog.entity, 'calendar'), eq(auditLog.entityId, 20301001))).all();
    assert.equal(a.length, 1);
    assert.deepEqual(a[0]!.after, { date: '2030-10-01', kind: 'holiday', name: '国庆节', asWeekday: null });
    const before = auditCount();
    assert.throws(() => addCalendarDay(db, admin, { date: '2030-10-01', kind: 'holiday', name: '又一个', asWeekday: null }), (e: unknown) => {
      assert.ok(e instanceof Invalid);
      assert.match(e.fieldErrors.date!, /已经登记/);
      return true;
    });
    assert.equal(auditCount(), before);
  });

  it('refuses an 编辑', async () => {
    assert.throws(() => addCalendarDay(db, editor, { date: '2030-10-02', kind: 'holiday', name: '国庆节', asWeekday: null }), Forbidden);
    assert.equal(db.select().from(calendarDays).where(eq(calendarDays.date, '2030-10-02')).get(), undefined);
  });

  it('edits a day, and refuses an edit of a row changed since it was read', async () => {
    const seen = { kind: 'holiday' as const, name: '国庆节', asWeekday: null };
    updateCalendarDay(db, admin, { originalDate: '2030-10-01', seen, date: '2030-10-01', kind: 'holiday', name: '国庆节假期', asWeekday: null });
    assert.equal(db.select().from(calendarDays).where(eq(calendarDays.date, '2030-10-01')).get()!.name, '国庆节假期');
    assert.throws(
      () => updateCalendarDay(db, admin, { originalDate: '2030-10-01', seen, date: '2030-10-01', kind: 'holiday', name: '旧名', asWeekday: null }),
      (e: unknown) => {
        assert.ok(e instanceof Conflict);
        // Named as colleagues know the person (display name), not by login name.
        assert.equal(e.info.changes[0]!.by, admin.displayName);
        return true;
      },
    );
    assert.equal(db.select().from(calendarDays).where(eq(calendarDays.date, '2030-10-01')).get()!.name, '国庆节假期');
  });

  it('moves a day to another date, and deletes it', async () => {
    const seen = { kind: 'holiday' as const, name: '国庆节假期', asWeekday: null };
    updateCalendarDay(db, admin, { originalDate: '2030-10-01', seen, date: '2030-10-03', kind: 'holiday', name: '国庆节假期', asWeekday: null });
    assert.equal(db.select().from(calendarDays).where(eq(calendarDays.date, '2030-10-01')).get(), undefined);
    deleteCalendarDay(db, admin, { date: '2030-10-03', seen });
    assert.equal(db.select().from(calendarDays).where(eq(calendarDays.date, '2030-10-03')).get(), undefined);
    const last = db.select().from(auditLog).where(eq(auditLog.entityId, 20301003)).all().at(-1)!;
    assert.equal(last.action, 'delete');
    assert.equal(last.after, null);
  });
});

describe('account writes', () => {
  let staffId = 0;

  it('creates a station account tied to its station; the audit keeps no password hash', async () => {
    const r = await createUser(db, admin, { username: 'fengtai.zhan', displayName: '丰台站', role: 'station', providerId: null, stationId: 2, password: 'station-password-1', passwordConfirm: 'station-password-1' });
    staffId = r.id;
    const u = db.select().from(users).where(eq(users.id, staffId)).get()!;
    assert.equal(u.stationId, 2);
    assert.ok(await verifyPassword(u.passwordHash, 'station-password-1'));
    const a = db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, staffId))).get()!;
    assert.equal(a.action, 'create');
    assert.equal(JSON.stringify(a.after).includes('argon2'), false);
    assert.equal('passwordHash' in (a.after ?? {}), false);
  });

  it('refuses a taken login name and an unknown station', async () => {
    await assert.rejects(
      createUser(db, admin, { username: 'fengtai.zhan', displayName: 'x', role: 'editor', providerId: null, stationId: null, password: 'another-pass-1', passwordConfirm: 'another-pass-1' }),
      (e: unknown) => e instanceof Invalid && /已被使用/.test(e.fieldErrors.username ?? ''),
    );
    await assert.rejects(
      createUser(db, admin, { username: 'nowhere', displayName: 'x', role: 'station', providerId: null, stationId: 99999, password: 'another-pass-1', passwordConfirm: 'another-pass-1' }),
      (e: unknown) => e instanceof Invalid && Boolean(e.fieldErrors.stationId),
    );
  });

  it('only 管理员 may list or change accounts', async () => {
    await assert.rejects(listUsers(db, editor), Forbidden);
    await assert.rejects(
      createUser(db, editor, { username: 'sneaky', displayName: 'x', role: 'admin', providerId: null, stationId: null, password: 'sneaky-pass-1', passwordConfirm: 'sneaky-pass-1' }),
      Forbidden,
    );
  });

  it('edits with a version; a stale version is a conflict naming who changed what', async () => {
    const v1 = db.select().from(users).where(eq(users.id, staffId)).get()!.version;
    const r = updateUser(db, admin, { id: staffId, version: v1, displayName: '丰台站（新）', role: 'station', providerId: null, stationId: 2 });
    assert.equal(r.version, v1 + 1);
    assert.throws(
      () => updateUser(db, admin, { id: staffId, version: v1, displayName: '旧副本', role: 'station', providerId: null, stationId: 2 }),
      (e: unknown) => {
        assert.ok(e instanceof Conflict);
        assert.deepEqual(e.info.changes[0]!.fields, ['姓名或单位']);
        return true;
      },
    );
    assert.equal(db.select().from(users).where(eq(users.id, staffId)).get()!.displayName, '丰台站（新）');
  });

  it('an admin cannot demote or disable themselves', async () => {
    const v = db.select().from(users).where(eq(users.id, admin.id)).get()!.version;
    assert.throws(() => updateUser(db, admin, { id: admin.id, version: v, displayName: '局管理员', role: 'editor', providerId: null, stationId: null }), Invalid);
    assert.throws(() => setUserDisabled(db, admin, { id: admin.id, version: v, disabled: true }), Invalid);
    assert.equal(db.select().from(users).where(eq(users.id, admin.id)).get()!.role, 'admin');
  });

  it('disabling ends the account’s sessions at once; enabling lets it sign in again', async () => {
    const u = db.select().from(users).where(eq(users.id, staffId)).get()!;
    const sid = createSession(db, u, '', Date.now());
    assert.equal((await checkSession(db, sid, Date.now())).ok, true);
    const r = setUserDisabled(db, admin, { id: staffId, version: u.version, disabled: true });
    assert.equal((await checkSession(db, sid, Date.now())).ok, false);
    setUserDisabled(db, admin, { id: staffId, version: r.version, disabled: false });
    assert.equal(db.select().from(users).where(eq(users.id, staffId)).get()!.disabled, false);
  });

  it('resetting a password ends the account’s sessions and sets the new password', async () => {
    const u = db.select().from(users).where(eq(users.id, staffId)).get()!;
    const sid = createSession(db, u, '', Date.now());
    await resetUserPassword(db, admin, { id: staffId, version: u.version, newPassword: 'brand-new-pass-1' });
    assert.equal((await checkSession(db, sid, Date.now())).ok, false);
    assert.ok(await verifyPassword(db.select().from(users).where(eq(users.id, staffId)).get()!.passwordHash, 'brand-new-pass-1'));
  });

  it('an admin cannot reset their own password here (the current one is asked for on 我的账号)', async () => {
    const v = db.select().from(users).where(eq(users.id, admin.id)).get()!.version;
    await assert.rejects(resetUserPassword(db, admin, { id: admin.id, version: v, newPassword: 'self-reset-pass-1' }), Invalid);
  });

  it('changing one’s own password needs the current one and ends every session', async () => {
    const me = db.select().from(users).where(eq(users.id, editor.id)).get()!;
    const sid = createSession(db, me, '', Date.now());
    await assert.rejects(changeOwnPassword(db, editor, { currentPassword: 'wrong-one-123', newPassword: 'changed-secret-22' }), (e: unknown) =>
      e instanceof Invalid && /当前密码不正确/.test(e.fieldErrors.currentPassword ?? ''),
    );
    assert.equal((await checkSession(db, sid, Date.now())).ok, true, 'a refused change ends nothing');
    await changeOwnPassword(db, editor, { currentPassword: 'writer-password-1', newPassword: 'changed-secret-22' });
    assert.equal((await checkSession(db, sid, Date.now())).ok, false);
    const a = db.select().from(auditLog).where(and(eq(auditLog.action, 'password.change'), eq(auditLog.entityId, editor.id))).all();
    assert.equal(a.length, 1);
  });
});

describe('audit query', () => {
  it('filters by entity, action, actor and entity id, newest first', async () => {
    const { filters } = parseAuditFilters({ entity: 'user', actor: 'boss' });
    const page = await queryAudit(db, admin, filters);
    assert.ok(page.total > 0);
    assert.ok(page.entries.every((e) => e.entity === 'user' && e.actor === 'boss'));
    const ids = page.entries.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const updated = (await queryAudit(db, admin, parseAuditFilters({ entity: 'user', action: 'update' }).filters)).entries[0]!;
    assert.equal(updated.kind, 'change');
    assert.deepEqual(updated.changes.map((c) => c.field), ['displayName']);
    assert.deepEqual([updated.changes[0]!.before, updated.changes[0]!.after], ['丰台站', '丰台站（新）']);
  });

  it('filters by Beijing date range', async () => {
    const today = await queryAudit(db, admin, parseAuditFilters({ from: '2000-01-01', to: '2000-01-02' }).filters);
    assert.equal(today.total, 0);
    assert.ok((await queryAudit(db, admin, parseAuditFilters({ from: '2020-01-01' }).filters)).total > 0);
  });

  it('ignores filters it cannot read, and says which', async () => {
    const r = parseAuditFilters({ entity: 'planet', from: '2026-13-01', id: 'abc', page: '-3' });
    assert.deepEqual(r.ignored.sort(), ['entity', 'from', 'id']);
    assert.equal(r.filters.page, 1);
    const swapped = parseAuditFilters({ from: '2026-12-01', to: '2026-11-01' });
    assert.deepEqual(swapped.ignored, ['to']);
  });

  it('is for 管理员 and 编辑 only', async () => {
    const provider: Actor = { id: 99, username: 'p', displayName: 'p', role: 'provider', providerId: 4, stationId: null };
    await assert.rejects(queryAudit(db, provider, parseAuditFilters({}).filters), Forbidden);
    assert.ok((await queryAudit(db, editor, parseAuditFilters({}).filters)).total > 0);
  });

  it('pages 30 at a time and clamps a page past the end', async () => {
    const all = await queryAudit(db, admin, parseAuditFilters({}).filters);
    const last = await queryAudit(db, admin, parseAuditFilters({ page: '9999' }).filters);
    assert.equal(last.page, all.pages);
    assert.ok(all.entries.length <= 30);
  });
});



describe('audit query with events', () => {
  it('lists sign-in events, which have no before or after', async () => {
    db.insert(auditLog).values({ at: new Date(), userId: null, actor: 'someone', action: 'signin.failed', entity: 'session', summary: '登录失败：没有这个账号' }).run();
    const page = await queryAudit(db, admin, parseAuditFilters({ entity: 'session' }).filters);
    assert.equal(page.entries[0]!.kind, 'event');
    assert.deepEqual(page.entries[0]!.changes, []);
  });
});
