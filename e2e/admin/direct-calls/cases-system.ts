import type { Cases } from './types';

/**
 * Direct-call cases for the system slice: calendar, users, my account (see types.ts). Calendar
 * and account management are 管理员-only, so a scoped account is refused whatever record it
 * names; the arguments still aim at real rows (a real holiday, the admin's own account) so a
 * missing check would show as a changed database.
 */
const holiday = (db: Parameters<Cases[string]['args']>[0]) =>
  db.prepare(`SELECT date, kind, name, as_weekday AS asWeekday FROM calendar_days WHERE kind = 'holiday' ORDER BY date LIMIT 1`).get() as {
    date: string;
    kind: 'holiday' | 'workday';
    name: string;
    asWeekday: number | null;
  };

const adminUser = (db: Parameters<Cases[string]['args']>[0]) =>
  db.prepare(`SELECT id, version FROM users WHERE username = 'admin'`).get() as { id: number; version: number };

export const systemCases: Cases = {
  'app/admin/(console)/calendar/actions.ts#saveCalendarRangeAction': {
    // A whole arrangement over real days, agreeing to replace what is there: a missing check would rewrite them.
    args: (db) => {
      const h = holiday(db);
      return [{ name: '被替换的假期', kind: 'holiday', from: h.date, to: '', asWeekday: '', makeup: [], replace: [h] }];
    },
    scoped: 'youanmen',
  },
  'app/admin/(console)/calendar/actions.ts#deleteCalendarRangeAction': {
    args: (db) => {
      const h = holiday(db);
      return [{ name: h.name, days: [h] }];
    },
    scoped: 'kangxin',
  },
  'app/admin/(console)/calendar/actions.ts#updateCalendarDayAction': {
    args: (db) => {
      const h = holiday(db);
      return [{ originalDate: h.date, seen: { kind: h.kind, name: h.name, asWeekday: h.asWeekday }, date: h.date, kind: 'holiday', name: '被改掉的名称', asWeekday: '' }];
    },
    scoped: 'youanmen',
  },
  'app/admin/(console)/calendar/actions.ts#deleteCalendarDayAction': {
    args: (db) => {
      const h = holiday(db);
      return [{ date: h.date, seen: { kind: h.kind, name: h.name, asWeekday: h.asWeekday } }];
    },
    scoped: 'kangxin',
  },
  'app/admin/(console)/calendar/actions.ts#setCalendarYearProvisionalAction': {
    // Clearing 2027's "暂定" flag would tell residents a guess is the official notice.
    args: () => [{ year: 2027, provisional: false }],
    scoped: 'youanmen',
  },
  'app/admin/(console)/users/actions.ts#createUserAction': {
    args: () => [
      { username: 'intruder', displayName: '冒充的管理员', role: 'admin', providerId: '', stationId: '', password: 'long-enough-password', passwordConfirm: 'long-enough-password' },
    ],
    scoped: 'kangxin',
  },
  'app/admin/(console)/users/actions.ts#updateUserAction': {
    args: (db) => {
      const u = adminUser(db);
      return [{ id: u.id, version: u.version, displayName: '被改掉的名字', role: 'editor', providerId: '', stationId: '' }];
    },
    scoped: 'youanmen',
  },
  'app/admin/(console)/users/actions.ts#setUserDisabledAction': {
    args: (db) => {
      const u = adminUser(db);
      return [{ id: u.id, version: u.version, disabled: true }];
    },
    scoped: 'kangxin',
  },
  'app/admin/(console)/users/actions.ts#resetUserPasswordAction': {
    args: (db) => {
      const u = adminUser(db);
      return [{ id: u.id, version: u.version, newPassword: 'taken-over-2026', newPasswordConfirm: 'taken-over-2026' }];
    },
    scoped: 'youanmen',
  },
  // Acts on the caller's own account only (no id is taken), so there is no one else's record to aim at.
  'app/admin/(console)/account/actions.ts#changePasswordAction': {
    args: () => [{ currentPassword: 'fengtai-demo-2026', newPassword: 'another-password-1', newPasswordConfirm: 'another-password-1' }],
    scoped: null,
  },
};
