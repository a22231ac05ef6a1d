/**
 * Sign-in throttling with three counts, so that guessing is slow but nobody can lock a colleague
 * out from afar:
 *
 * - pair    (account, address): 5 free failures — the one that stops a guesser at one address;
 * - address (any account):     20 free failures — one address trying many accounts;
 * - account (any address):     50 free failures — password spraying from many addresses. It is
 *   not applied to an address this account signed in from successfully within KNOWN_ADDRESS_MS,
 *   so a stranger's failures never keep the owner out at their usual desk.
 *
 * Past its free failures inside WINDOW_MS, each further attempt under that count must wait a
 * delay that doubles with every extra failure (BASE_DELAY_MS, 2×, 4× …) up to MAX_DELAY_MS,
 * measured from the latest failure. Only failures count: throttled attempts do not, so waiting
 * out the delay is enough. The rules are pure functions of the recent failures, tested on a
 * fixed clock. The address is the client address (db/auth/client-ip.ts), which a header cannot
 * choose.
 */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { DB } from '../client';
import { loginAttempts } from '../schema';

export const WINDOW_MS = 15 * 60_000;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** The pair's free failures (the first rule a guesser meets). */
export const FREE_FAILURES = 5;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export type ThrottleScope = 'pair' | 'address' | 'account';
export type ThrottleRule = { free: number };
export const RULES: Record<ThrottleScope, ThrottleRule> = {
  pair: { free: FREE_FAILURES },
  address: { free: 20 },
  account: { free: 50 },
};

export type Attempt = { at: number; outcome: 'success' | 'failure' | 'throttled' };

/** Enough failures to reach the longest delay; older ones change nothing. */
const needed = (rule: ThrottleRule) => rule.free + Math.ceil(Math.log2(MAX_DELAY_MS / BASE_DELAY_MS)) + 1;

/**
 * How long (ms) the next attempt must still wait, given one count's attempts (any order).
 * Throttled attempts and successes do not count as failures.
 */
export function waitFor(attempts: readonly Attempt[], now: number, rule: ThrottleRule = RULES.pair): number {
  const failures = attempts
    .filter((a) => a.outcome === 'failure' && a.at > now - WINDOW_MS && a.at <= now)
    .map((a) => a.at)
    .sort((a, b) => b - a);
  if (failures.length < rule.free) return 0;
  const extra = failures.length - rule.free;
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.min(extra, 30), MAX_DELAY_MS);
  return Math.max(0, failures[0]! + delay - now);
}

export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 100);
}

export type ThrottleState = { waitMs: number; scope: ThrottleScope | null };

/** The wait (ms) before `username` may try again from `ip`, and which count imposes it (the longest). */
export async function throttleState(db: DB, username: string, ip: string, now: number): Promise<ThrottleState> {
  const since = new Date(now - WINDOW_MS);
  // Failures only, newest first, as many as the rule can use: a flood of throttled attempts
  // cannot push the failures that matter out of the window.
  const failures = (where: ReturnType<typeof and>, rule: ThrottleRule): Attempt[] =>
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.outcome, 'failure'), gte(loginAttempts.at, since)))
      .orderBy(desc(loginAttempts.at))
      .limit(needed(rule))
      .all()
      .map((r) => ({ at: r.at.getTime(), outcome: 'failure' as const }));

  const waits: [ThrottleScope, number][] = [
    ['pair', waitFor(failures(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip)), RULES.pair), now, RULES.pair)],
    ['address', waitFor(failures(and(eq(loginAttempts.ip, ip)), RULES.address), now, RULES.address)],
  ];
  const known = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip), eq(loginAttempts.outcome, 'success'), gte(loginAttempts.at, new Date(now - KNOWN_ADDRESS_MS))))
    .limit(1)
    .get();
  if (!known) waits.push(['account', waitFor(failures(and(eq(loginAttempts.username, username)), RULES.account), now, RULES.account)]);

  let state: ThrottleState = { waitMs: 0, scope: null };
  for (const [scope, waitMs] of waits) if (waitMs > state.waitMs) state = { waitMs, scope };
  return state;
}

/** The wait (ms) before `username` may try again from `ip` (0: may try now). */
export async function throttleWait(db: DB, username: string, ip: string, now: number): Promise<number> {
  return (await throttleState(db, username, ip, now)).waitMs;
}

export function recordAttempt(db: DB, a: { username: string; ip: string; outcome: Attempt['outcome']; at: number }): void {
  db.insert(loginAttempts).values({ username: a.username, ip: a.ip, outcome: a.outcome, at: new Date(a.at) }).run();
}
