/**
 * The gate every admin page, action and route handler goes through. It reads the cookie with
 * next-auth, then asks the sessions table whether that session is still alive and who it
 * belongs to now (role and scope are read fresh, so a demotion takes effect at once).
 */
import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { getDb } from '../index';
import { auth } from './next-auth';
import { checkSession, type SessionCheck } from './sessions';
import type { Actor } from './permissions';
import { clientIp } from './client-ip';
import { log } from '../log';

export { Forbidden, authorize, can } from './permissions';

/** Thrown when nobody (alive) is signed in; action wrappers turn it into a refusal. */
export class Unauthenticated extends Error {
  readonly code = 'unauthenticated';
  constructor(readonly reason: Exclude<SessionCheck, { ok: true }>['reason'] = 'missing') {
    super('请先登录');
  }
}

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

/** The signed-in actor, or throws Unauthenticated. For server actions and route handlers. */
export async function requireActor(): Promise<Actor> {
  const s = await currentSession();
  if (!s.ok) throw new Unauthenticated(s.reason);
  return s.actor;
}

/** For admin pages: the signed-in actor, or a redirect to the sign-in page saying why. */
export async function requirePageActor(next?: string): Promise<Actor> {
  const s = await currentSession();
  if (s.ok) return s.actor;
  const params = new URLSearchParams();
  if (s.reason !== 'missing') params.set('reason', s.reason);
  if (next && next.startsWith('/admin') && !next.startsWith('//')) params.set('next', next);
  const qs = params.toString();
  redirect(`/admin/login${qs ? `?${qs}` : ''}`);
}
