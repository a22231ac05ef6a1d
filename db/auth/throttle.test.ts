/** Sign-in throttling as a pure function of recent attempts, on a fixed clock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_DELAY_MS, FREE_FAILURES, MAX_DELAY_MS, RULES, WINDOW_MS, normaliseUsername, waitFor, type Attempt } from './throttle';

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);
const fail = (secondsAgo: number): Attempt => ({ at: NOW - secondsAgo * 1000, outcome: 'failure' });

describe('waitFor', () => {
  it('lets the first five failures through without delay', () => {
    assert.equal(waitFor([], NOW), 0);
    assert.equal(waitFor([fail(50), fail(40), fail(30), fail(20)], NOW), 0, 'the fifth try goes through');
    assert.ok(waitFor([fail(50), fail(40), fail(30), fail(20), fail(10)], NOW) > 0, 'the sixth waits');
    assert.equal(waitFor(Array.from({ length: FREE_FAILURES - 1 }, (_, i) => fail(i + 1)), NOW), 0);
  });

  it('after 5 failures the next attempt waits 30 s from the latest failure', () => {
    const five = [fail(50), fail(40), fail(30), fail(20), fail(10)];
    assert.equal(waitFor(five, NOW), BASE_DELAY_MS - 10_000);
    assert.equal(waitFor(five, NOW + 20_000), 0, 'the delay has passed');
  });

  it('doubles with each further failure', () => {
    const six = [fail(60), fail(50), fail(40), fail(30), fail(20), fail(0)];
    assert.equal(waitFor(six, NOW), 2 * BASE_DELAY_MS);
    const seven = [...six, fail(0)];
    assert.equal(waitFor(seven, NOW), 4 * BASE_DELAY_MS);
  });

  it('is capped at 15 minutes', () => {
    const many = Array.from({ length: 40 }, (_, i) => fail(i));
    assert.equal(waitFor(many, NOW), 15 * 60_000);
    assert.equal(waitFor([...many, fail(0), fail(0)], NOW), MAX_DELAY_MS, 'more failures wait no longer');
  });

  it('forgets failures older than 15 minutes', () => {
    const old = Array.from({ length: 10 }, (_, i) => fail(WINDOW_MS / 1000 + 1 + i));
    assert.equal(waitFor(old, NOW), 0);
  });

  it('does not count successes or throttled attempts as failures', () => {
    const mixed: Attempt[] = [
      fail(50),
      fail(40),
      fail(30),
      fail(20),
      { at: NOW - 10_000, outcome: 'success' },
      { at: NOW - 5_000, outcome: 'throttled' },
      { at: NOW - 4_000, outcome: 'throttled' },
    ];
    assert.equal(waitFor(mixed, NOW), 0);
  });

  it('ignores attempts dated in the future (clock skew)', () => {
    const future = Array.from({ length: 6 }, (_, i) => ({ at: NOW + 1000 * (i + 1), outcome: 'failure' as const }));
    assert.equal(waitFor(future, NOW), 0);
  });
});

describe('the three counts', () => {
  it('the account alone is slowed only at a much higher count than the pair', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => fail(i));
    assert.ok(waitFor(twenty, NOW, RULES.pair) > 0);
    assert.equal(waitFor(twenty.slice(0, 19), NOW, RULES.address), 0);
    assert.equal(waitFor(twenty, NOW, RULES.address), BASE_DELAY_MS);
    assert.equal(waitFor(twenty, NOW, RULES.account), 0);
    const fifty = Array.from({ length: 50 }, (_, i) => fail(i));
    assert.equal(waitFor(fifty, NOW, RULES.account), BASE_DELAY_MS);
    assert.ok(RULES.account.free >= 10 * RULES.pair.free);
  });
});

describe('normaliseUsername', () => {
  it('trims, lower-cases and caps the length', () => {
    assert.equal(normaliseUsername('  Admin '), 'admin');
    assert.equal(normaliseUsername('x'.repeat(300)).length, 100);
  });
});
