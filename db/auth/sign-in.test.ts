/**
 * attemptSignIn against a real temp database: one generic failure whatever went wrong, the
 * password still verified for unknown names, throttling per account and per address after 5
 * failures, every attempt logged and audited.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { auditLog, loginAttempts, users } from '../schema';
import { insertUser } from '../admin/user-store';
import { attemptSignIn } from './sign-in';
import { BASE_DELAY_MS } from './throttle';
import { checkSession } from './sessions';

const db = useSeededTestDb();
const PASSWORD = 'right-password-2026';
let clockNow = Date.UTC(2026, 10, 23, 2, 0, 0);
const clock = () => clockNow;

before(async () => {
  for (const name of ['alice', 'bob', 'carol', 'dave', 'erin']) {
    await insertUser(db, { username: name, displayName: name.toUpperCase(), password: PASSWORD, role: 'editor' });
  }
  await insertUser(db, { username: 'frozen', displayName: '停用的账号', password: PASSWORD, role: 'editor' });
  db.update(users).set({ disabled: true }).where(eq(users.username, 'frozen')).run();
});

const attempts = (username: string) => db.select().from(loginAttempts).where(eq(loginAttempts.username, username)).orderBy(asc(loginAttempts.id)).all();
const audits = (actor: string) => db.select().from(auditLog).where(and(eq(auditLog.actor, actor), eq(auditLog.entity, 'session'))).orderBy(asc(auditLog.id)).all();

describe('attemptSignIn', () => {
  it('signs in with the right password: a live session, an attempt row, an audit row, last sign-in set', async () => {
    const r = await attemptSignIn(db, { username: ' Alice ', password: PASSWORD, ip: '203.0.113.1' }, clock);
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.equal(r.actor.username, 'alice');
    assert.equal(checkSession(db, r.sessionId, clockNow + 1000).ok, true);
    assert.deepEqual(attempts('alice').map((a) => a.outcome), ['success']);
    const a = audits('alice');
    assert.equal(a.length, 1);
    assert.equal(a[0]!.action, 'signin');
    assert.equal(a[0]!.ip, '203.0.113.1');
    assert.ok(db.select().from(users).where(eq(users.username, 'alice')).get()!.lastSignInAt);
  });

  it('gives the same generic answer for a wrong password, an unknown user and a disabled account', async () => {
    const wrong = await attemptSignIn(db, { username: 'bob', password: 'nope-nope-nope', ip: '203.0.113.2' }, clock);
    const unknown = await attemptSignIn(db, { username: 'nobody-here', password: PASSWORD, ip: '203.0.113.3' }, clock);
    const disabled = await attemptSignIn(db, { username: 'frozen', password: PASSWORD, ip: '203.0.113.4' }, clock);
    assert.deepEqual(wrong, { ok: false, reason: 'invalid' });
    assert.deepEqual(unknown, { ok: false, reason: 'invalid' });
    assert.deepEqual(disabled, { ok: false, reason: 'invalid' });
    // Each is logged as a failure and audited (the audit keeps the detail the user is not told).
    assert.deepEqual(attempts('nobody-here').map((a) => a.outcome), ['failure']);
    assert.equal(audits('nobody-here')[0]!.action, 'signin.failed');
    assert.equal(audits('nobody-here')[0]!.userId, null);
    assert.match(audits('frozen')[0]!.summary, /停用/);
  });

  it('still verifies a password for an unknown user (similar work)', async () => {
    // Warm the dummy hash, then compare the CPU time (this process, all threads — not wall time,
    // which other processes on a busy machine would distort) of unknown vs known-wrong names.
    await attemptSignIn(db, { username: 'ghost-0', password: 'x', ip: '198.18.0.1' }, clock);
    const cpuMs = async (username: string, ip: string) => {
      const start = process.cpuUsage();
      await attemptSignIn(db, { username, password: 'definitely-wrong', ip }, clock);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const least = async (username: string, n: number) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) best = Math.min(best, await cpuMs(`${username}`, `198.18.${n}.${i + 1}`));
      return best;
    };
    const unknown = await least('ghost-1', 2);
    const known = await least('carol', 3);
    assert.deepEqual(attempts('carol').map((a) => a.outcome), ['failure', 'failure', 'failure'], 'real checks, not throttled ones');
    // An unknown name must cost about as much as a real check: an argon2 verification each.
    assert.ok(unknown > known * 0.5, `unknown ${unknown.toFixed(1)} ms CPU vs known ${known.toFixed(1)} ms CPU`);
  });

  it('throttles an account after 5 failures: the 6th attempt is refused even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      clockNow += 1000;
      // A different address each time: only the per-account count can catch this.
      const r = await attemptSignIn(db, { username: 'dave', password: `wrong-${i}`, ip: `192.0.2.${10 + i}` }, clock);
      assert.deepEqual(r, { ok: false, reason: 'invalid' });
    }
    clockNow += 1000;
    const sixth = await attemptSignIn(db, { username: 'dave', password: PASSWORD, ip: '192.0.2.99' }, clock);
    assert.equal(sixth.ok, false);
    assert.equal(!sixth.ok && sixth.reason, 'throttled');
    assert.ok(!sixth.ok && sixth.reason === 'throttled' && sixth.waitMs > 0 && sixth.waitMs <= BASE_DELAY_MS);
    assert.equal(attempts('dave').at(-1)!.outcome, 'throttled');
    assert.equal(audits('dave').at(-1)!.action, 'signin.throttled');
    // Once the delay has passed, the right password works again.
    clockNow += BASE_DELAY_MS + 1000;
    const later = await attemptSignIn(db, { username: 'dave', password: PASSWORD, ip: '192.0.2.99' }, clock);
    assert.equal(later.ok, true);
  });

  it('throttles an address after 5 failures, whatever names it tries', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < 5; i++) {
      clockNow += 1000;
      await attemptSignIn(db, { username: `guess-${i}`, password: 'wrong-wrong', ip }, clock);
    }
    clockNow += 1000;
    const r = await attemptSignIn(db, { username: 'erin', password: PASSWORD, ip }, clock);
    assert.equal(!r.ok && r.reason, 'throttled');
    // Erin from her own address is not affected.
    const own = await attemptSignIn(db, { username: 'erin', password: PASSWORD, ip: '198.51.100.78' }, clock);
    assert.equal(own.ok, true);
  });

  it('logs every attempt, with the address', () => {
    const all = db.select().from(loginAttempts).all();
    assert.ok(all.length >= 17);
    assert.ok(all.every((a) => a.ip.length > 0));
  });
});
