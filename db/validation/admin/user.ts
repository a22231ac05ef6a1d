/**
 * Account forms (users page and "my account"), shared by the browser and the server actions.
 * Password rules come from db/auth/password-rules.ts, the same words the server checks with.
 */
import { z } from 'zod';
import { ROLES } from '../../enums';
import { passwordProblem, MAX_PASSWORD_LENGTH } from '../../auth/password-rules';
import { oneOf, optionalId, recordId, version, name } from './fields';

/** 3–32 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit. */
export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const USERNAME_MESSAGE = '登录名用 3–32 个小写字母、数字、点、横线或下划线，以字母或数字开头';

export const USER_FIELD_LABELS: Record<string, string> = {
  username: '登录名',
  displayName: '姓名或单位',
  role: '角色',
  providerId: '所属培训机构',
  stationId: '所属驿站',
  password: '初始密码',
  passwordConfirm: '再输一遍密码',
  newPassword: '新密码',
  newPasswordConfirm: '再输一遍新密码',
  currentPassword: '当前密码',
  disabled: '停用',
  lastSignInAt: '最近登录',
};

const password = z.string().max(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`);

const scopeFields = {
  displayName: name('姓名或单位名称', 60),
  role: oneOf(ROLES, '角色'),
  providerId: optionalId('所属培训机构'),
  stationId: optionalId('所属驿站'),
};

type Scoped = { role: (typeof ROLES)[number]; providerId: number | null; stationId: number | null };

function checkScope(u: Scoped, ctx: z.RefinementCtx) {
  if (u.role === 'provider' && u.providerId === null)
    ctx.addIssue({ code: 'custom', path: ['providerId'], message: '培训机构账号请选择所属的培训机构' });
  if (u.role === 'station' && u.stationId === null) ctx.addIssue({ code: 'custom', path: ['stationId'], message: '驿站账号请选择所属的驿站' });
}

/** A scoped role keeps only its own scope; other roles carry none. */
function dropOtherScope<T extends Scoped>(u: T): T {
  return { ...u, providerId: u.role === 'provider' ? u.providerId : null, stationId: u.role === 'station' ? u.stationId : null };
}

function checkNewPassword(pw: string, confirm: string, username: string | undefined, ctx: z.RefinementCtx, keys: [string, string]) {
  const problem = passwordProblem(pw, username);
  if (problem) ctx.addIssue({ code: 'custom', path: [keys[0]], message: problem });
  else if (pw !== confirm) ctx.addIssue({ code: 'custom', path: [keys[1]], message: '两次输入的密码不一样，请再输一遍' });
}

export const createUserSchema = z
  .object({
    username: z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.string().min(1, '请填写登录名').regex(USERNAME_RE, USERNAME_MESSAGE)),
    ...scopeFields,
    password,
    passwordConfirm: z.string(),
  })
  .superRefine((u, ctx) => {
    checkScope(u, ctx);
    checkNewPassword(u.password, u.passwordConfirm, u.username, ctx, ['password', 'passwordConfirm']);
  })
  .transform(dropOtherScope);
export type CreateUserValues = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ id: recordId, version, ...scopeFields })
  .superRefine(checkScope)
  .transform(dropOtherScope);
export type UpdateUserValues = z.output<typeof updateUserSchema>;

export const setDisabledSchema = z.object({ id: recordId, version, disabled: z.boolean({ error: '缺少要设置的状态' }) });

/** Resetting someone's password (管理员): the username is checked on the server. */
export const resetPasswordSchema = z
  .object({ id: recordId, version, newPassword: password, newPasswordConfirm: z.string() })
  .superRefine((u, ctx) => checkNewPassword(u.newPassword, u.newPasswordConfirm, undefined, ctx, ['newPassword', 'newPasswordConfirm']));

/** Changing one's own password: the current one is required. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, '请填写当前密码').max(MAX_PASSWORD_LENGTH),
    newPassword: password,
    newPasswordConfirm: z.string(),
    /** The caller's own login name, so the browser can apply the "not the login name" rule too. */
    username: z.string().max(100).optional(),
  })
  .superRefine((u, ctx) => {
    checkNewPassword(u.newPassword, u.newPasswordConfirm, u.username, ctx, ['newPassword', 'newPasswordConfirm']);
    if (u.newPassword && u.newPassword === u.currentPassword)
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '新密码不能和当前密码相同' });
  });

/**
 * Replacing a one-time password (one a 管理员 set) with one's own: no current password is asked
 * (the user has just signed in with it); the server refuses the one-time one itself.
 */
export const setOwnPasswordSchema = z
  .object({
    newPassword: password,
    newPasswordConfirm: z.string(),
    /** The caller's own login name, so the browser can apply the "not the login name" rule too. */
    username: z.string().max(100).optional(),
  })
  .superRefine((u, ctx) => checkNewPassword(u.newPassword, u.newPasswordConfirm, u.username, ctx, ['newPassword', 'newPasswordConfirm']));
