/**
 * Replacing a one-time password. A password a 管理员 set (a new account, a reset) is known to
 * someone else, so users.must_change_password is set with it; until the user chooses their own,
 * the session guard (db/auth/guard.ts) refuses every other page and action. Here the user sets it:
 * the rules of db/auth/password-rules.ts, never the one-time one again, audited; every other
 * session of the account ends and this browser's carries on.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DB } from '../client';
import { users, type User } from '../schema';
import { Forbidden, type Actor } from '../auth/permissions';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-rules';
import { setOwnPasswordSchema } from '../validation/admin/user';
import { Invalid, StateError } from './errors';
import { writeTransaction } from './tx';
import { asyncWriter, type Writer } from './write';
import { storePassword } from './users';
import { log } from '../log';

/** Refusal words of this write (the user reads them on 设置新密码). */
export const ONE_TIME_MESSAGES = {
  notOneTime: '您的密码是自己设置的，不需要在这里设置。要修改密码，请到「我的账号」。',
  sameAsOneTime: '新密码不能和管理员给您的一次性密码相同',
} as const;

function mustChange(db: DB, id: number): User {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row || row.disabled) throw new Forbidden();
  if (!row.mustChangePassword) throw new StateError(ONE_TIME_MESSAGES.notOneTime);
  return row;
}

/**
 * The signed-in user on a one-time password sets their own. Only their own account (the actor),
 * only while the flag is set; `sessionId` is the session that stays signed in.
 */
export async function setOwnPassword(
  db: DB,
  actor: Actor,
  sessionId: string,
  v: { newPassword: string },
  ip?: string,
): Promise<{ ok: true }> {
  const row = mustChange(db, actor.id);
  const problem = passwordProblem(v.newPassword, row.username);
  if (problem) throw new Invalid({ newPassword: problem });
  if (await verifyPassword(row.passwordHash, v.newPassword)) throw new Invalid({ newPassword: ONE_TIME_MESSAGES.sameAsOneTime });
  const passwordHash = await hashPassword(v.newPassword);
  return writeTransaction(db, () => {
    // Read again under the lock: a 管理员 may have reset or disabled the account meanwhile.
    const fresh = mustChange(db, actor.id);
    if (fresh.passwordHash !== row.passwordHash) throw new StateError(ONE_TIME_MESSAGES.notOneTime);
    storePassword(db, fresh, {
      actor,
      passwordHash,
      oneTime: false,
      keepSession: sessionId,
      action: 'password.set',
      summary: '设置了自己的密码，替换管理员给的一次性密码（其他设备上的登录已退出）',
      ip,
    });
    return { ok: true as const };
  });
}

/**
 * The gated write for the 设置新密码 action: acts on the signed-in account only; the login name is
 * the signed-in one, whatever the form sent. The session id comes from the server's session check.
 */
export function setOwnPasswordWrite(sessionId: string): Writer<Promise<{ ok: true }>> {
  return asyncWriter({
    name: 'account.setPassword',
    permission: 'edit',
    on: () => ({ kind: 'account' }),
    input: (raw, actor) => ({ ...(typeof raw === 'object' && raw ? raw : {}), username: actor.username }),
    schema: setOwnPasswordSchema,
    run: (db, c) => setOwnPassword(db, c.actor, sessionId, c.data, c.ip),
  });
}
