/**
 * Creating accounts, shared by the `admin:create` command, the sample-data demo accounts and
 * the users page. Passwords are hashed here and nowhere else.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../client';
import { users, type Role } from '../schema';
import { hashPassword, passwordProblem } from '../auth/password';
import { normaliseUsername } from '../auth/throttle';

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  providerId?: number | null;
  stationId?: number | null;
};

/** Plain-words problems with a new account (field → message); empty when it can be created. */
export function newUserProblems(db: DB, u: NewUser): Record<string, string> {
  const errors: Record<string, string> = {};
  const username = normaliseUsername(u.username);
  if (!USERNAME_RE.test(username)) errors.username = '登录名用 3–32 个小写字母、数字、点、横线或下划线，以字母或数字开头';
  else if (db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) errors.username = '这个登录名已被使用，请换一个';
  if (!u.displayName.trim()) errors.displayName = '请填写姓名或单位名称';
  const pw = passwordProblem(u.password, username);
  if (pw) errors.password = pw;
  if (u.role === 'provider' && !u.providerId) errors.providerId = '培训机构账号需要选择所属机构';
  if (u.role === 'station' && !u.stationId) errors.stationId = '驿站账号需要选择所属驿站';
  return errors;
}

/**
 * Inserts the account (the caller has checked newUserProblems) and returns its id. `alongside`
 * runs in the same transaction as the insert (the audit row), after the slow hashing.
 */
export async function insertUser(db: DB, u: NewUser, alongside?: (id: number, username: string) => void): Promise<number> {
  const passwordHash = await hashPassword(u.password);
  return db.transaction(() => {
    const id = insertRow(db, u, passwordHash);
    alongside?.(id, normaliseUsername(u.username));
    return id;
  });
}

function insertRow(db: DB, u: NewUser, passwordHash: string): number {
  const row = db
    .insert(users)
    .values({
      username: normaliseUsername(u.username),
      displayName: u.displayName.trim(),
      passwordHash,
      role: u.role,
      providerId: u.role === 'provider' ? (u.providerId ?? null) : null,
      stationId: u.role === 'station' ? (u.stationId ?? null) : null,
    })
    .returning({ id: users.id })
    .get();
  return row.id;
}
