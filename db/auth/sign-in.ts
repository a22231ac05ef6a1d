/**
 * One sign-in attempt, start to finish: throttle check, password check (same work for unknown
 * names), the attempt row, the audit row and — on success — a new server-side session.
 * Independent of next-auth so it can be tested against a real database file.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../client';
import { users } from '../schema';
import { recordAudit } from '../admin/audit';
import { writeTransaction } from '../admin/tx';
import { verifyPassword } from './password';
import { createSession, toActor } from './sessions';
import { normaliseUsername, recordAttempt, throttleState, type ThrottleScope } from './throttle';
import type { Actor } from './permissions';

export type SignInResult =
  | { ok: true; actor: Actor; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; waitMs: number; scope: ThrottleScope };

export async function attemptSignIn(
  db: DB,
  input: { username: string; password: string; ip: string },
  clock: () => number = Date.now,
): Promise<SignInResult> {
  const username = normaliseUsername(input.username);
  const ip = input.ip;
  const started = clock();
  const { waitMs: wait, scope } = await throttleState(db, username, ip, started);
  if (wait > 0 && scope) {
    writeTransaction(db, () => {
      recordAttempt(db, { username, ip, outcome: 'throttled', at: started });
      recordAudit(db, {
        actor: null,
        actorName: username || '（空）',
        action: 'signin.throttled',
        entity: 'session',
        summary: `登录尝试过于频繁，已暂缓（约 ${Math.ceil(wait / 1000)} 秒）`,
        ip,
        at: started,
      });
    });
    return { ok: false, reason: 'throttled', waitMs: wait, scope };
  }

  const user = username ? db.select().from(users).where(eq(users.username, username)).get() : undefined;
  // Verify even for unknown or disabled accounts, so the time taken tells nothing.
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  const now = clock();
  const ok = Boolean(user && !user.disabled && passwordOk);

  return writeTransaction(db, () => {
    recordAttempt(db, { username, ip, outcome: ok ? 'success' : 'failure', at: now });
    if (!ok || !user) {
      recordAudit(db, {
        actor: user ? { id: user.id, username: user.username } : null,
        actorName: username || '（空）',
        action: 'signin.failed',
        entity: 'session',
        entityId: user?.id ?? null,
        summary: user?.disabled ? '登录失败：账号已停用' : user ? '登录失败：密码不正确' : '登录失败：没有这个账号',
        ip,
        at: now,
      });
      return { ok: false, reason: 'invalid' } as const;
    }
    const sessionId = createSession(db, user, ip, now);
    db.update(users).set({ lastSignInAt: new Date(now) }).where(eq(users.id, user.id)).run();
    recordAudit(db, {
      actor: user,
      action: 'signin',
      entity: 'session',
      entityId: user.id,
      summary: '登录成功',
      ip,
      at: now,
    });
    return { ok: true, actor: toActor(user), sessionId } as const;
  });
}
