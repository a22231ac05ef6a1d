/**
 * attemptSignIn against a real temp database: one generic failure whatever went wrong, the
 * password still verified for unknown names, throttling per (account, address) after 5 failures,
 * per address after 20 and per account (not at its known addresses) after 50, every attempt logged and audited.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { auditLog, loginAttempts, users } from '../schema';
import { insertUser } from '../admin/user-store';
import { attemptSignIn } from './sign-in';
import { BASE_DELAY_MS, FREE_FAILURES, RULES, WINDOW_MS, recordAttempt } from './throttle';
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
    assert.equal((await checkSession(db, r.sessionId, clockNow + 1000)).ok, true);
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

  it('locks the pair (account, address) after 5 failures: the 6th try from there is refused even with the right password, the owner elsewhere is not', async () => {
    const guesser = '192.0.2.10';
    for (let i = 0; i < FREE_FAILURES; i++) {
      clockNow += 1000;
      const r = await attemptSignIn(db, { username: 'dave', password: `wrong-${i}`, ip: guesser }, clock);
      assert.deepEqual(r, { ok: false, reason: 'invalid' });
    }
    clockNow += 1000;
    const sixth = await attemptSignIn(db, { username: 'dave', password: PASSWORD, ip: guesser }, clock);
    assert.equal(sixth.ok, false);
    assert.ok(!sixth.ok && sixth.reason === 'throttled' && sixth.scope === 'pair' && sixth.waitMs > 0 && sixth.waitMs <= BASE_DELAY_MS);
    assert.equal(attempts('dave').at(-1)!.outcome, 'throttled');
    assert.equal(audits('dave').at(-1)!.action, 'signin.throttled');
    // Dave at his own desk is not locked out by someone else's guesses.
    const own = await attemptSignIn(db, { username: 'dave', password: PASSWORD, ip: '192.0.2.200' }, clock);
    assert.equal(own.ok, true);
    // Once the delay has passed, the right password works from the guesser's address too.
    clockNow += BASE_DELAY_MS + 1000;
    const later = await attemptSignIn(db, { username: 'dave', password: PASSWORD, ip: guesser }, clock);
    assert.equal(later.ok, true);
  });

  it('slows one address trying many accounts after 20 failures, whatever names it tries', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < RULES.address.free; i++) {
      clockNow += 1000;
      const r = await attemptSignIn(db, { username: `guess-${i % 4}`, password: 'wrong-wrong', ip }, clock);
      // Four names, five tries each: the pair rule would only catch each name after its fifth.
      assert.equal(r.ok, false);
    }
    clockNow += 1000;
    const r = await attemptSignIn(db, { username: 'erin', password: PASSWORD, ip }, clock);
    assert.ok(!r.ok && r.reason === 'throttled' && r.scope === 'address');
    // Erin from her own address is not affected.
    const own = await attemptSignIn(db, { username: 'erin', password: PASSWORD, ip: '198.51.100.78' }, clock);
    assert.equal(own.ok, true);
  });

  it('password spraying from many addresses slows the account only after 50 failures — and never at an address it signed in from', async () => {
    // Bob signed in from his office last week.
    const office = '203.0.113.50';
    clockNow += 1000;
    assert.equal((await attemptSignIn(db, { username: 'bob', password: PASSWORD, ip: office }, clock)).ok, true);
    // 49 failures from 49 addresses (the two earlier tests' failures for bob are long gone from the window).
    clockNow += WINDOW_MS;
    for (let i = 0; i < RULES.account.free - 1; i++) {
      clockNow += 100;
      assert.deepEqual(await attemptSignIn(db, { username: 'bob', password: 'spray-2026', ip: `100.64.${i >> 8}.${i & 255}` }, clock), { ok: false, reason: 'invalid' });
    }
    // The 50th failure is still an honest check; a new address's right password still works before it.
    clockNow += 100;
    assert.equal((await attemptSignIn(db, { username: 'bob', password: PASSWORD, ip: '100.64.9.9' }, clock)).ok, true);
    clockNow += 100;
    assert.deepEqual(await attemptSignIn(db, { username: 'bob', password: 'spray-2026', ip: '100.64.1.200' }, clock), { ok: false, reason: 'invalid' });
    // Now any address that never signed in as bob waits …
    clockNow += 100;
    const stranger = await attemptSignIn(db, { username: 'bob', password: PASSWORD, ip: '100.64.2.1' }, clock);
    assert.ok(!stranger.ok && stranger.reason === 'throttled' && stranger.scope === 'account');
    // … but Bob at his office, and at the address he just used, signs in.
    assert.equal((await attemptSignIn(db, { username: 'bob', password: PASSWORD, ip: office }, clock)).ok, true);
    assert.equal((await attemptSignIn(db, { username: 'bob', password: PASSWORD, ip: '100.64.9.9' }, clock)).ok, true);
  });

  it('a flood of throttled attempts does not push the counted failures out of view', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < FREE_FAILURES; i++) {
      clockNow += 10;
      await attemptSignIn(db, { username: 'carol', password: 'wrong', ip }, clock);
    }
    for (let i = 0; i < 600; i++) recordAttempt(db, { username: 'carol', ip, outcome: 'throttled', at: clockNow + 1 });
    clockNow += 2;
    const r = await attemptSignIn(db, { username: 'carol', password: PASSWORD, ip }, clock);
    assert.ok(!r.ok && r.reason === 'throttled' && r.scope === 'pair');
  });

  it('logs every attempt, with the address', async () => {
    const all = db.select().from(loginAttempts).all();
    assert.ok(all.length >= 17);
    assert.ok(all.every((a) => a.ip.length > 0));
  });
});
