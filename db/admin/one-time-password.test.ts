/**
 * One-time passwords against a real temp database: what a 管理员 sets (new account, reset) is
 * flagged, what the command line and the sample data create is not; the session guard refuses a
 * flagged account everything; setting one's own password follows the rules, refuses the one-time
 * one, clears the flag, keeps this browser's session and ends the others, and is audited.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { auditLog, users } from '../schema';
import type { Actor } from '../auth/permissions';
import { Forbidden } from '../auth/permissions';
import { checkSession, createSession } from '../auth/sessions';
import { actorFrom, PasswordChangeRequired, Unauthenticated } from '../auth/session-gate';
import { verifyPassword } from '../auth/password';
import { attemptSignIn } from '../auth/sign-in';
import { insertUser } from './user-store';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo-accounts';
import { changeOwnPassword, createUser, resetUserPassword } from './users';
import { setOwnPassword, setOwnPasswordWrite } from './one-time-password';
import { Invalid, StateError } from './errors';

const db = useSeededTestDb();
let admin: Actor;
const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const actorOf = (id: number): Actor => {
  const u = row(id);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, providerId: u.providerId, stationId: u.stationId };
};
let ipSeq = 0;
const ip = () => `192.0.2.${++ipSeq}`;

before(async () => {
  const a = await insertUser(db, { username: 'otp.boss', displayName: '局管理员', password: 'boss-password-1', role: 'admin' });
  admin = actorOf(a);
});

describe('which passwords are one-time', () => {
  it('an account created on the command line or by the sample data is not', () => {
    assert.equal(row(admin.id).mustChangePassword, false);
  });

  it('the demo accounts are not (the browser tests sign in with them)', async () => {
    await seedDemoAccounts(db);
    const demo = db.select().from(users).where(eq(users.username, 'kangxin')).get()!;
    assert.equal(demo.mustChangePassword, false);
    const signIn = await attemptSignIn(db, { username: 'kangxin', password: DEMO_PASSWORD, ip: ip() });
    const check = await checkSession(db, signIn.ok ? signIn.sessionId : '', Date.now());
    assert.equal(actorFrom(check).username, 'kangxin');
  });

  it('an account a 管理员 creates is, and signing in with it gives a session the guard refuses', async () => {
    const { id } = await createUser(db, admin, { username: 'otp.new', displayName: '新同事', role: 'editor', providerId: null, stationId: null, password: 'given-by-boss-1', passwordConfirm: 'given-by-boss-1' });
    assert.equal(row(id).mustChangePassword, true);
    const signIn = await attemptSignIn(db, { username: 'otp.new', password: 'given-by-boss-1', ip: ip() });
    assert.equal(signIn.ok, true);
    const check = await checkSession(db, signIn.ok ? signIn.sessionId : '', Date.now());
    assert.equal(check.ok && check.mustChangePassword, true);
    assert.throws(() => actorFrom(check), PasswordChangeRequired);
    // It is a refusal (Forbidden), so every action wrapper answers it without a 500.
    assert.throws(() => actorFrom(check), Forbidden);
    assert.throws(() => actorFrom({ ok: false, reason: 'missing' }), Unauthenticated);
  });

  it('a reset by a 管理员 makes the password one-time again', async () => {
    const id = await insertUser(db, { username: 'otp.reset', displayName: '重设测试', password: 'own-password-12', role: 'editor' });
    assert.equal(row(id).mustChangePassword, false);
    await resetUserPassword(db, admin, { id, version: row(id).version, newPassword: 'reset-by-boss-1' });
    assert.equal(row(id).mustChangePassword, true);
  });
});

describe('setting one’s own password', () => {
  let id = 0;
  let me: Actor;
  let sid = '';
  let other = '';
  before(async () => {
    ({ id } = await createUser(db, admin, { username: 'otp.user', displayName: '一次性', role: 'editor', providerId: null, stationId: null, password: 'one-time-pass-1', passwordConfirm: 'one-time-pass-1' }));
    me = actorOf(id);
    sid = createSession(db, row(id), '', Date.now());
    other = createSession(db, row(id), '', Date.now());
  });

  it('refuses the one-time password itself, and a password the rules refuse; nothing changes', async () => {
    const hash = row(id).passwordHash;
    await assert.rejects(setOwnPassword(db, me, sid, { newPassword: 'one-time-pass-1' }), (e: unknown) =>
      e instanceof Invalid && /一次性密码相同/.test(e.fieldErrors.newPassword ?? ''),
    );
    await assert.rejects(setOwnPassword(db, me, sid, { newPassword: 'short' }), (e: unknown) => e instanceof Invalid && /至少需要 10 个字符/.test(e.fieldErrors.newPassword ?? ''));
    await assert.rejects(setOwnPassword(db, me, sid, { newPassword: 'my-otp.user-pass' }), (e: unknown) => e instanceof Invalid && /不能包含登录名/.test(e.fieldErrors.newPassword ?? ''));
    assert.equal(row(id).passwordHash, hash);
    assert.equal(row(id).mustChangePassword, true);
  });

  it('the gated write reads the form with the schema: a mismatched confirmation is refused', async () => {
    await assert.rejects(setOwnPasswordWrite(sid)(db, me, { newPassword: 'chosen-by-me-42', newPasswordConfirm: 'chosen-by-me-43' }), (e: unknown) =>
      e instanceof Invalid && /两次输入的密码不一样/.test(e.fieldErrors.newPasswordConfirm ?? ''),
    );
    assert.equal(row(id).mustChangePassword, true);
  });

  it('sets it: the flag clears, this session lives on, the others end, and it is audited', async () => {
    await setOwnPasswordWrite(sid)(db, me, { newPassword: 'chosen-by-me-42', newPasswordConfirm: 'chosen-by-me-42' }, '10.1.1.1');
    const u = row(id);
    assert.equal(u.mustChangePassword, false);
    assert.ok(await verifyPassword(u.passwordHash, 'chosen-by-me-42'));
    const mine = await checkSession(db, sid, Date.now());
    assert.equal(mine.ok, true);
    assert.equal(mine.ok && mine.mustChangePassword, false);
    assert.equal(actorFrom(mine).id, id);
    assert.equal((await checkSession(db, other, Date.now())).ok, false);
    const a = db.select().from(auditLog).where(and(eq(auditLog.action, 'password.set'), eq(auditLog.entityId, id))).all();
    assert.equal(a.length, 1);
    assert.equal(a[0]!.ip, '10.1.1.1');
    assert.ok(!JSON.stringify(a[0]!.after).includes('argon2'));
  });

  it('is refused once the password is one’s own (that is 我的账号’s job)', async () => {
    await assert.rejects(setOwnPassword(db, me, sid, { newPassword: 'another-one-77' }), StateError);
  });

  it('changing one’s own password on 我的账号 leaves it not one-time', async () => {
    await changeOwnPassword(db, me, { currentPassword: 'chosen-by-me-42', newPassword: 'changed-again-88' });
    assert.equal(row(id).mustChangePassword, false);
  });
});
