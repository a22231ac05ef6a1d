/**
 * Accounts, as the 账号 page (管理员 only) and "我的账号" read and write them. Every change is
 * audited with before/after snapshots (snapshot() drops the password hash) and bumps the
 * account's version, so two admins editing one account cannot overwrite each other.
 * Disabling an account or resetting its password ends all its sessions at once.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { DB } from '../client';
import { providers, stations, users, type Role, type User } from '../schema';
import { authorize, Forbidden, ROLE_LABELS, type Actor } from '../auth/permissions';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-rules';
import { endAllSessions, keepOnlySession } from '../auth/sessions';
import { normaliseUsername } from '../auth/throttle';
import { formatInstant } from '../domain/time';
import { namedPick, providerLabel, providerPick, type PickOption } from '../domain/pick-options';
import {
  USER_FIELD_LABELS,
  changePasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
  updateUserSchema,
  type CreateUserValues,
  type UpdateUserValues,
} from '../validation/admin/user';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { Invalid, NotFound } from './errors';
import { writeTransaction } from './tx';
import { asyncWriter, unownedWriter, type Reconcile } from './write';
import { newUserProblems } from './user-store';
import { log } from '../log';

export type UserListItem = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  scope: string | null;
  disabled: boolean;
  lastSignIn: string | null;
};

export type UserDetail = UserListItem & {
  providerId: number | null;
  stationId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};


function scopeName(u: { role: Role; providerName: string | null; providerShortName: string | null; stationName: string | null }): string | null {
  if (u.role === 'provider') return u.providerName === null ? null : providerLabel({ name: u.providerName, shortName: u.providerShortName ?? '' });
  if (u.role === 'station') return u.stationName;
  return null;
}

function baseQuery(db: DB) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      providerId: users.providerId,
      stationId: users.stationId,
      disabled: users.disabled,
      lastSignInAt: users.lastSignInAt,
      version: users.version,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      providerName: providers.name,
      providerShortName: providers.shortName,
      stationName: stations.name,
    })
    .from(users)
    .leftJoin(providers, eq(providers.id, users.providerId))
    .leftJoin(stations, eq(stations.id, users.stationId));
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['all']>>[number];

function toItem(r: BaseRow): UserListItem {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role],
    scope: scopeName(r),
    disabled: r.disabled,
    lastSignIn: r.lastSignInAt ? formatInstant(r.lastSignInAt) : null,
  };
}

/** All accounts: active first, then by role and name. Reading needs 管理员. */
export async function listUsers(db: DB, actor: Actor): Promise<UserListItem[]> {
  authorize(actor, 'view', { kind: 'user' });
  const order = sql`CASE ${users.role} WHEN 'admin' THEN 1 WHEN 'editor' THEN 2 WHEN 'provider' THEN 3 ELSE 4 END`;
  return baseQuery(db).orderBy(asc(users.disabled), order, asc(users.username)).all().map(toItem);
}

/** One account for its edit page, or null. Reading needs 管理员. */
export async function getUser(db: DB, actor: Actor, id: number): Promise<UserDetail | null> {
  authorize(actor, 'view', { kind: 'user' });
  const r = baseQuery(db).where(eq(users.id, id)).get();
  if (!r) return null;
  return {
    ...toItem(r),
    providerId: r.providerId,
    stationId: r.stationId,
    version: r.version,
    createdAt: formatInstant(r.createdAt),
    updatedAt: formatInstant(r.updatedAt),
  };
}

/** Providers and stations an account can be tied to (every one, whatever its publication), as searchable choices. */
export async function scopeOptions(db: DB): Promise<{ providers: PickOption[]; stations: PickOption[] }> {
  return {
    providers: db
      .select({ id: providers.id, name: providers.name, shortName: providers.shortName })
      .from(providers)
      .orderBy(asc(providers.id))
      .all()
      .map(providerPick),
    stations: db.select({ id: stations.id, name: stations.name }).from(stations).orderBy(asc(stations.id)).all().map(namedPick),
  };
}

function who(u: Pick<User, 'username' | 'displayName'>): string {
  return `账号 ${u.username}（${u.displayName}）`;
}

function checkScopeExists(db: DB, v: { role: Role; providerId: number | null; stationId: number | null }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.role === 'provider' && v.providerId !== null && !db.select({ id: providers.id }).from(providers).where(eq(providers.id, v.providerId)).get())
    errors.providerId = '找不到这个培训机构，请从列表里选择';
  if (v.role === 'station' && v.stationId !== null && !db.select({ id: stations.id }).from(stations).where(eq(stations.id, v.stationId)).get())
    errors.stationId = '找不到这个驿站，请从列表里选择';
  return errors;
}

function loadUser(db: DB, id: number): User {
  const u = db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new NotFound('找不到这个账号，可能已被删除。');
  return u;
}

const FIELD_LABELS = USER_FIELD_LABELS;

export async function createUser(db: DB, actor: Actor, v: CreateUserValues, ip?: string): Promise<{ id: number }> {
  authorize(actor, 'create', { kind: 'user' });
  const early = { ...newUserProblems(db, { ...v }), ...checkScopeExists(db, v) };
  if (Object.keys(early).length) throw new Invalid(early);
  const passwordHash = await hashPassword(v.password);
  return writeTransaction(db, () => {
    // Checked again inside the transaction: someone may have taken the name meanwhile.
    const problems = { ...newUserProblems(db, { ...v }), ...checkScopeExists(db, v) };
    if (Object.keys(problems).length) throw new Invalid(problems);
    const row = db
      .insert(users)
      .values({
        username: normaliseUsername(v.username),
        displayName: v.displayName,
        passwordHash,
        role: v.role,
        providerId: v.providerId,
        stationId: v.stationId,
        // A password someone else chose is one-time: the user sets their own at first sign-in.
        mustChangePassword: true,
      })
      .returning()
      .get();
    recordAudit(db, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: row.id,
      entityVersion: row.version,
      summary: `新建${who(row)}，角色：${ROLE_LABELS[row.role]}`,
      before: null,
      after: snapshot(row),
      ip,
    });
    return { id: row.id };
  });
}

export function updateUser(db: DB, actor: Actor, v: UpdateUserValues, ip?: string, reconcile?: Reconcile): { version: number } {
  authorize(actor, 'edit', { kind: 'user' });
  return writeTransaction(db, () => {
    const row = loadUser(db, v.id);
    // Through the action, a save from an older version merges with the changes made since (../conflict.ts).
    if (reconcile) v = reconcile({ entity: 'user', id: row.id, currentVersion: row.version, current: row, labels: FIELD_LABELS }, v);
    expectVersion(db, 'user', row.id, row.version, v.version, FIELD_LABELS);
    if (row.id === actor.id && v.role !== row.role) throw new Invalid({ role: '不能修改自己的角色；请另一位管理员来改' });
    const scopeErrors = checkScopeExists(db, v);
    if (Object.keys(scopeErrors).length) throw new Invalid(scopeErrors);
    const set = { displayName: v.displayName, role: v.role, providerId: v.providerId, stationId: v.stationId };
    const unchanged =
      row.displayName === set.displayName && row.role === set.role && row.providerId === set.providerId && row.stationId === set.stationId;
    if (unchanged) return { version: row.version };
    const version = row.version + 1;
    const after = db
      .update(users)
      .set({ ...set, version, updatedAt: new Date() })
      .where(eq(users.id, row.id))
      .returning()
      .get();
    recordAudit(db, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: row.id,
      entityVersion: version,
      summary: row.role !== after.role ? `修改${who(after)}：角色 ${ROLE_LABELS[row.role]} → ${ROLE_LABELS[after.role]}` : `修改${who(after)}`,
      before: snapshot(row),
      after: snapshot(after),
      ip,
    });
    return { version };
  });
}

export function setUserDisabled(db: DB, actor: Actor, v: { id: number; version: number; disabled: boolean }, ip?: string): { version: number } {
  authorize(actor, 'edit', { kind: 'user' });
  return writeTransaction(db, () => {
    const row = loadUser(db, v.id);
    expectVersion(db, 'user', row.id, row.version, v.version, FIELD_LABELS);
    if (row.id === actor.id && v.disabled) throw new Invalid({ disabled: '不能停用自己正在使用的账号' });
    if (row.disabled === v.disabled) return { version: row.version };
    const version = row.version + 1;
    const after = db.update(users).set({ disabled: v.disabled, version, updatedAt: new Date() }).where(eq(users.id, row.id)).returning().get();
    // A disabled account's open sessions end now, not at their next timeout.
    if (v.disabled) endAllSessions(db, row.id);
    recordAudit(db, {
      actor,
      action: v.disabled ? 'disable' : 'enable',
      entity: 'user',
      entityId: row.id,
      entityVersion: version,
      summary: v.disabled ? `停用${who(row)}（已退出它的所有登录）` : `重新启用${who(row)}`,
      before: snapshot(row),
      after: snapshot(after),
      ip,
    });
    log.info(v.disabled ? 'auth.user.disabled' : 'auth.user.enabled', { username: row.username, by: actor.username, ip });
    return { version };
  });
}

/**
 * Stores an account's new password hash, inside the caller's transaction: a new version, one-time
 * or the user's own, sessions ended (every one, or all but `keepSession`, the browser that
 * carries on), audited and logged. The three ways a password changes (reset, change, set) differ
 * only in who may do it and what is checked first.
 */
export function storePassword(
  db: DB,
  row: User,
  p: { actor: Actor; passwordHash: string; oneTime: boolean; keepSession?: string; action: 'password.reset' | 'password.change' | 'password.set'; summary: string; ip?: string },
): number {
  const version = row.version + 1;
  const after = db
    .update(users)
    .set({ passwordHash: p.passwordHash, mustChangePassword: p.oneTime, version, updatedAt: new Date() })
    .where(eq(users.id, row.id))
    .returning()
    .get();
  if (p.keepSession) keepOnlySession(db, row.id, p.keepSession);
  else endAllSessions(db, row.id);
  recordAudit(db, { actor: p.actor, action: p.action, entity: 'user', entityId: row.id, entityVersion: version, summary: p.summary, before: snapshot(row), after: snapshot(after), ip: p.ip });
  log.info(`auth.${p.action}`, { username: row.username, ...(p.actor.id !== row.id ? { by: p.actor.username } : {}), ip: p.ip });
  return version;
}

/** 管理员 sets a new (one-time) password for an account; every session of that account ends. */
export async function resetUserPassword(
  db: DB,
  actor: Actor,
  v: { id: number; version: number; newPassword: string },
  ip?: string,
): Promise<{ version: number }> {
  authorize(actor, 'edit', { kind: 'user' });
  const first = loadUser(db, v.id);
  // One's own password is changed on 我的账号, where the current password is asked for.
  if (first.id === actor.id) throw new Invalid({ newPassword: '修改自己的密码请到「我的账号」，需要输入当前密码' });
  const problem = passwordProblem(v.newPassword, first.username);
  if (problem) throw new Invalid({ newPassword: problem });
  const passwordHash = await hashPassword(v.newPassword);
  return writeTransaction(db, () => {
    const row = loadUser(db, v.id);
    expectVersion(db, 'user', row.id, row.version, v.version, FIELD_LABELS);
    const version = storePassword(db, row, { actor, passwordHash, oneTime: true, action: 'password.reset', summary: `重设${who(row)}的密码（已退出它的所有登录）`, ip });
    return { version };
  });
}

/**
 * Anyone signed in changes their own password: the current one must be right. Every session of
 * the account ends, this one included (the caller signs in again with the new password).
 */
export async function changeOwnPassword(
  db: DB,
  actor: Actor,
  v: { currentPassword: string; newPassword: string },
  ip?: string,
): Promise<{ ok: true }> {
  const row = loadUser(db, actor.id);
  if (row.disabled) throw new Forbidden();
  const problem = passwordProblem(v.newPassword, row.username);
  if (problem) throw new Invalid({ newPassword: problem });
  if (!(await verifyPassword(row.passwordHash, v.currentPassword))) {
    throw new Invalid({ currentPassword: '当前密码不正确，请重新输入' }, '密码没有修改：当前密码不正确。');
  }
  if (v.newPassword === v.currentPassword) throw new Invalid({ newPassword: '新密码不能和当前密码相同' });
  const passwordHash = await hashPassword(v.newPassword);
  return writeTransaction(db, () => {
    const fresh = loadUser(db, actor.id);
    storePassword(db, fresh, { actor, passwordHash, oneTime: false, action: 'password.change', summary: '修改了自己的密码（已退出所有登录）', ip });
    return { ok: true as const };
  });
}

/** The signed-in account's own details, for 我的账号 (anyone may read their own). */
export async function ownAccount(db: DB, actor: Actor): Promise<{ scope: string | null; lastSignIn: string | null }> {
  const r = baseQuery(db).where(eq(users.id, actor.id)).get();
  return { scope: r ? scopeName(r) : null, lastSignIn: r?.lastSignInAt ? formatInstant(r.lastSignInAt) : null };
}

// ---------------------------------------------------------------------------
// Gated writes (what the server actions run; the functions above stay callable with typed data)
// ---------------------------------------------------------------------------

const USER = { kind: 'user' } as const;
/** Account management is 管理员 only: the role is asked before the input is read. */
const userWrite = unownedWriter(USER);
const userWriteAsync = (name: string, permission: 'create' | 'edit') => ({ name, permission, on: () => USER });

export const userWrites = {
  create: asyncWriter({ ...userWriteAsync('users.create', 'create'), schema: createUserSchema, run: (db, c) => createUser(db, c.actor, c.data, c.ip) }),
  update: userWrite('users.update', 'edit', updateUserSchema, (db, c, d) => updateUser(db, c.actor, d, c.ip, c.reconcile)),
  setDisabled: userWrite('users.setDisabled', 'edit', setDisabledSchema, (db, c, d) => ({ ...setUserDisabled(db, c.actor, d, c.ip), disabled: d.disabled })),
  resetPassword: asyncWriter({ ...userWriteAsync('users.resetPassword', 'edit'), schema: resetPasswordSchema, run: (db, c) => resetUserPassword(db, c.actor, c.data, c.ip) }),
  /** Acts on the signed-in account only, never on an id sent in; the login name is the signed-in one, whatever the form sent. */
  changeOwnPassword: asyncWriter({
    name: 'account.changePassword',
    permission: 'edit',
    on: () => ({ kind: 'account' }),
    input: (raw, actor) => ({ ...(typeof raw === 'object' && raw ? raw : {}), username: actor.username }),
    schema: changePasswordSchema,
    run: (db, c) => changeOwnPassword(db, c.actor, c.data, c.ip),
  }),
};
