/**
 * Server-side sessions on a real temp database and a fixed clock: 30 minutes idle, 12 hours in
 * all, revoked when the user's session version moves on, refused when the account is disabled.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { adminSessions, users } from '../schema';
import { insertUser } from '../admin/user-store';
import { ABSOLUTE_MS, IDLE_MS, checkSession, createSession, endAllSessions } from './sessions';

const db = useSeededTestDb();
const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);
let userId = 0;

function user() {
  return db.select().from(users).where(eq(users.id, userId)).get()!;
}

before(async () => {
  userId = await insertUser(db, { username: 'session.tester', displayName: '会话测试', password: 'a-long-password-1', role: 'editor' });
});

describe('checkSession', () => {
  it('accepts a fresh session and names its actor', async () => {
    const sid = createSession(db, user(), '10.0.0.1', T0);
    const r = await checkSession(db, sid, T0 + 1000);
    assert.equal(r.ok, true);
    assert.equal(r.ok && r.actor.username, 'session.tester');
    assert.equal(r.ok && r.actor.role, 'editor');
  });

  it('refuses a missing or unknown id', async () => {
    assert.deepEqual(await checkSession(db, undefined, T0), { ok: false, reason: 'missing' });
    assert.deepEqual(await checkSession(db, 'no-such-session', T0), { ok: false, reason: 'missing' });
  });

  it('ends after 30 minutes without a request, and the row goes', async () => {
    const sid = createSession(db, user(), '', T0);
    assert.equal((await checkSession(db, sid, T0 + IDLE_MS)).ok, true, 'exactly 30 min is still alive');
    const sid2 = createSession(db, user(), '', T0);
    assert.deepEqual(await checkSession(db, sid2, T0 + IDLE_MS + 1), { ok: false, reason: 'idle' });
    assert.equal(db.select().from(adminSessions).where(eq(adminSessions.id, sid2)).get(), undefined);
    assert.deepEqual(await checkSession(db, sid2, T0 + IDLE_MS + 2), { ok: false, reason: 'missing' });
  });

  it('stays alive while used, up to 12 hours in all', async () => {
    const sid = createSession(db, user(), '', T0);
    let t = T0;
    // A request every 20 minutes keeps it going…
    while (t + 20 * 60_000 <= T0 + ABSOLUTE_MS) {
      t += 20 * 60_000;
      assert.equal((await checkSession(db, sid, t)).ok, true, `alive at +${(t - T0) / 60_000} min`);
    }
    // …but not past 12 hours.
    assert.deepEqual(await checkSession(db, sid, T0 + ABSOLUTE_MS + 1), { ok: false, reason: 'expired' });
  });

  it('is revoked everywhere when the user ends all sessions (sign-out, password change)', async () => {
    const a = createSession(db, user(), '', T0);
    const b = createSession(db, user(), '', T0);
    endAllSessions(db, userId);
    assert.equal((await checkSession(db, a, T0 + 1000)).ok, false);
    assert.equal((await checkSession(db, b, T0 + 1000)).ok, false);
  });

  it('refuses a surviving row whose session version is old', async () => {
    const sid = createSession(db, user(), '', T0);
    db.update(users).set({ sessionVersion: user().sessionVersion + 1 }).where(eq(users.id, userId)).run();
    assert.deepEqual(await checkSession(db, sid, T0 + 1000), { ok: false, reason: 'revoked' });
  });

  it('refuses a disabled account at once', async () => {
    const sid = createSession(db, user(), '', T0);
    db.update(users).set({ disabled: true }).where(eq(users.id, userId)).run();
    assert.deepEqual(await checkSession(db, sid, T0 + 1000), { ok: false, reason: 'disabled' });
    db.update(users).set({ disabled: false }).where(eq(users.id, userId)).run();
  });

  it('reads role and scope fresh, so a demotion applies on the next request', async () => {
    const sid = createSession(db, user(), '', T0);
    db.update(users).set({ role: 'station', stationId: 1 }).where(eq(users.id, userId)).run();
    const r = await checkSession(db, sid, T0 + 1000);
    assert.equal(r.ok && r.actor.role, 'station');
    assert.equal(r.ok && r.actor.stationId, 1);
    db.update(users).set({ role: 'editor', stationId: null }).where(eq(users.id, userId)).run();
  });
});
