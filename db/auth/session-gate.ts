/**
 * What the session guard (./guard.ts) decides from a session check, without the web around it so
 * it can be tested: the actor, or the error that refuses. Nobody alive → Unauthenticated; an
 * account still on a one-time password (one a 管理员 set) → PasswordChangeRequired, whatever it
 * asks for, until it sets its own on SET_PASSWORD_PATH.
 */
import { Forbidden, type Actor } from './permissions';
import type { SessionCheck } from './sessions';

/** Where an account with a one-time password is sent until it sets its own. */
export const SET_PASSWORD_PATH = '/admin/set-password';

/** Thrown when nobody (alive) is signed in; action wrappers turn it into a refusal. */
export class Unauthenticated extends Error {
  readonly code = 'unauthenticated';
  constructor(readonly reason: Exclude<SessionCheck, { ok: true }>['reason'] = 'missing') {
    super('请先登录');
  }
}

/** Thrown for an account on a one-time password: every action refuses, every page sends it to SET_PASSWORD_PATH. */
export class PasswordChangeRequired extends Forbidden {
  constructor() {
    super('请先设置您自己的新密码，然后才能使用管理后台。');
  }
}

/** The actor a live session may act as, or throws why not. */
export function actorFrom(check: SessionCheck): Actor {
  if (!check.ok) throw new Unauthenticated(check.reason);
  if (check.mustChangePassword) throw new PasswordChangeRequired();
  return check.actor;
}
