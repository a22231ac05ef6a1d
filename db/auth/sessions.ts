/**
 * Server-side admin sessions. The signed cookie (next-auth's JWT) carries only a session id;
 * this table decides on every request whether that session is still alive:
 * - idle for more than IDLE_MS (30 min) → ended;
 * - older than ABSOLUTE_MS (12 h) → ended;
 * - the user's session version moved on (sign-out, password change, account disabled) → ended;
 * - the row was deleted (sign-out) → ended.
 * A copied cookie therefore stops working the moment its session ends.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { DB } from '../client';
import { adminSessions, users, type User } from '../schema';
import type { Actor } from './permissions';

export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is rewritten at most this often, to keep reads from turning into writes. */
const TOUCH_EVERY_MS = 30_000;

export type SessionCheck =
  /** mustChangePassword: the account signed in with a password a 管理员 set (guard.ts lets it only replace it). */
  | { ok: true; actor: Actor; sessionId: string; mustChangePassword: boolean }
  | { ok: false; reason: 'missing' | 'idle' | 'expired' | 'revoked' | 'disabled' };

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function createSession(db: DB, user: Pick<User, 'id' | 'sessionVersion'>, ip: string, now: number): string {
  const id = newSessionId();
  db.insert(adminSessions)
    .values({ id, userId: user.id, sessionVersion: user.sessionVersion, createdAt: new Date(now), lastSeenAt: new Date(now), ip })
    .run();
  // Old rows of this user that can no longer be valid are cleared now and then.
  db.delete(adminSessions)
    .where(
      and(
        eq(adminSessions.userId, user.id),
        or(lt(adminSessions.lastSeenAt, new Date(now - IDLE_MS)), lt(adminSessions.createdAt, new Date(now - ABSOLUTE_MS))),
      ),
    )
    .run();
  return id;
}

export function toActor(u: Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'providerId' | 'stationId'>): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    providerId: u.providerId,
    stationId: u.stationId,
  };
}

/** Decides whether session `id` is alive at `now`, and if so keeps it alive (idle clock). */
export async function checkSession(db: DB, id: string | null | undefined, now: number): Promise<SessionCheck> {
  if (!id || typeof id !== 'string') return { ok: false, reason: 'missing' };
  const row = db
    .select({ s: adminSessions, u: users })
    .from(adminSessions)
    .innerJoin(users, eq(users.id, adminSessions.userId))
    .where(eq(adminSessions.id, id))
    .get();
  if (!row) return { ok: false, reason: 'missing' };
  const { s, u } = row;
  const end = (reason: 'idle' | 'expired' | 'revoked' | 'disabled'): SessionCheck => {
    db.delete(adminSessions).where(eq(adminSessions.id, id)).run();
    return { ok: false, reason };
  };
  if (u.disabled) return end('disabled');
  if (s.sessionVersion !== u.sessionVersion) return end('revoked');
  if (now - s.createdAt.getTime() > ABSOLUTE_MS) return end('expired');
  if (now - s.lastSeenAt.getTime() > IDLE_MS) return end('idle');
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db.update(adminSessions).set({ lastSeenAt: new Date(now) }).where(eq(adminSessions.id, id)).run();
  }
  return { ok: true, actor: toActor(u), sessionId: id, mustChangePassword: u.mustChangePassword };
}

/**
 * Ends every session the user has, everywhere: bumps the session version (so any cookie that
 * names an older version is dead even if a row survived) and deletes the rows.
 */
export function endAllSessions(db: DB, userId: number): void {
  db.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
  db.delete(adminSessions).where(eq(adminSessions.userId, userId)).run();
}

/**
 * Ends every other session of the user and keeps `sessionId` alive: the session version moves on
 * (so any copied cookie of an older session is dead) and this one row moves with it. For a user who
 * has just replaced a one-time password in this browser.
 */
export function keepOnlySession(db: DB, userId: number, sessionId: string): void {
  const u = db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion })
    .get();
  db.delete(adminSessions).where(and(eq(adminSessions.userId, userId), ne(adminSessions.id, sessionId))).run();
  if (u) db.update(adminSessions).set({ sessionVersion: u.sessionVersion }).where(eq(adminSessions.id, sessionId)).run();
}
