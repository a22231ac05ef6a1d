/**
 * The gate every admin page, action and route handler goes through. It reads the cookie with
 * next-auth, then asks the sessions table whether that session is still alive and who it
 * belongs to now (role and scope are read fresh, so a demotion takes effect at once). An account
 * still on a one-time password is refused here too, so no page or action has to remember it.
 */
import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { getDb } from '../index';
import { auth } from './next-auth';
import { checkSession, type SessionCheck } from './sessions';
import type { Actor } from './permissions';
import { actorFrom, SET_PASSWORD_PATH, Unauthenticated } from './session-gate';
import { clientIp } from './client-ip';
import { log } from '../log';

export { Forbidden, authorize, can } from './permissions';
export { PasswordChangeRequired, SET_PASSWORD_PATH, Unauthenticated } from './session-gate';

/** The current session, checked against the database once per request. */
export const currentSession = cache(async (): Promise<SessionCheck> => {
  let sid: string | undefined;
  try {
    const session = await auth();
    sid = session?.sid;
  } catch {
    sid = undefined; // A cookie signed with another key, or garbage: nobody.
  }
  const check = await checkSession(getDb(), sid, Date.now());
  // A cookie was presented but its session is over (signed out, disabled, timed out, or copied after one of those).
  if (!check.ok && sid) log.info('auth.session.refused', { reason: check.reason, ip: clientIp(await headers().catch(() => new Headers())) });
  return check;
});

/** The signed-in actor, or throws Unauthenticated (or PasswordChangeRequired). For server actions and route handlers. */
export async function requireActor(): Promise<Actor> {
  return actorFrom(await currentSession());
}

/**
 * For the one page and action an account on a one-time password may use (设置新密码): the live
 * session whatever its flag, or throws Unauthenticated. The caller checks the flag.
 */
export async function requireSession(): Promise<Extract<SessionCheck, { ok: true }>> {
  const s = await currentSession();
  if (!s.ok) throw new Unauthenticated(s.reason);
  return s;
}

/** For admin pages: the signed-in actor, or a redirect to the sign-in page saying why. */
export async function requirePageActor(next?: string): Promise<Actor> {
  const s = await currentSession();
  if (s.ok && s.mustChangePassword) redirect(SET_PASSWORD_PATH);
  if (s.ok) return s.actor;
  const params = new URLSearchParams();
  if (s.reason !== 'missing') params.set('reason', s.reason);
  if (next && next.startsWith('/admin') && !next.startsWith('//')) params.set('next', next);
  const qs = params.toString();
  redirect(`/admin/login${qs ? `?${qs}` : ''}`);
}
