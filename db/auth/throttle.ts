/**
 * Sign-in throttling, counted per account name and per IP address separately.
 *
 * After FREE_FAILURES failures inside WINDOW_MS, each further attempt must wait a delay that
 * doubles with every extra failure (BASE_DELAY_MS, 2×, 4× …) up to MAX_DELAY_MS, measured from
 * the latest failure. The rule is a pure function of the recent attempts so it can be tested on
 * a fixed clock.
 */
import { and, desc, eq, gte, or } from 'drizzle-orm';
import type { DB } from '../client';
import { loginAttempts } from '../schema';

export const WINDOW_MS = 15 * 60_000;
export const FREE_FAILURES = 5;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export type Attempt = { at: number; outcome: 'success' | 'failure' | 'throttled' };

/**
 * How long (ms) the next attempt must still wait, given one key's attempts (newest first or
 * any order). Throttled attempts do not count as failures: waiting out the delay is enough.
 */
export function waitFor(attempts: readonly Attempt[], now: number): number {
  const failures = attempts
    .filter((a) => a.outcome === 'failure' && a.at > now - WINDOW_MS && a.at <= now)
    .map((a) => a.at)
    .sort((a, b) => b - a);
  if (failures.length < FREE_FAILURES) return 0;
  const extra = failures.length - FREE_FAILURES;
  const delay = Math.min(BASE_DELAY_MS * 2 ** extra, MAX_DELAY_MS);
  return Math.max(0, failures[0]! + delay - now);
}

export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 100);
}

/** The wait (ms) before `username` may try again from `ip`: the longer of the two counts. */
export function throttleWait(db: DB, username: string, ip: string, now: number): number {
  const since = new Date(now - WINDOW_MS);
  const rows = db
    .select({ at: loginAttempts.at, outcome: loginAttempts.outcome, username: loginAttempts.username, ip: loginAttempts.ip })
    .from(loginAttempts)
    .where(and(gte(loginAttempts.at, since), or(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip))))
    .orderBy(desc(loginAttempts.at))
    .limit(500)
    .all();
  const toAttempt = (r: (typeof rows)[number]): Attempt => ({ at: r.at.getTime(), outcome: r.outcome });
  return Math.max(
    waitFor(rows.filter((r) => r.username === username).map(toAttempt), now),
    waitFor(rows.filter((r) => r.ip === ip).map(toAttempt), now),
  );
}

export function recordAttempt(db: DB, a: { username: string; ip: string; outcome: Attempt['outcome']; at: number }): void {
  db.insert(loginAttempts).values({ username: a.username, ip: a.ip, outcome: a.outcome, at: new Date(a.at) }).run();
}
