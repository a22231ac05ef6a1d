/** The calendar and account schemas the forms and actions share. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDaySchema, calendarDeleteSchema, calendarEditSchema, calendarEntityId } from './calendar';
import { USERNAME_RE, changePasswordSchema, createUserSchema, resetPasswordSchema, setDisabledSchema, updateUserSchema } from './user';
import { USERNAME_RE as STORE_USERNAME_RE } from '../../admin/user-store';
import { zodFieldErrors } from '../../admin/zod-errors';

function errors(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown): Record<string, string> {
  const r = schema.safeParse(input) as { success: boolean; error?: Parameters<typeof zodFieldErrors>[0] };
  return r.success ? {} : zodFieldErrors(r.error!);
}

describe('calendarDaySchema', () => {
  it('accepts a holiday and drops any weekday it was sent', () => {
    const r = calendarDaySchema.parse({ date: '2026-10-01', kind: 'holiday', name: ' 国庆节 ', asWeekday: '3' });
    assert.deepEqual(r, { date: '2026-10-01', kind: 'holiday', name: '国庆节', asWeekday: null });
  });

  it('accepts a 调休 Sunday that borrows Monday hours', () => {
    const r = calendarDaySchema.parse({ date: '2026-09-20', kind: 'workday', name: '国庆节调休上班', asWeekday: '1' });
    assert.equal(r.asWeekday, 1);
  });

  it('refuses a date that does not exist, or is not a date', () => {
    assert.match(errors(calendarDaySchema, { date: '2026-02-30', kind: 'holiday', name: '春节' }).date!, /真实存在的日期/);
    assert.match(errors(calendarDaySchema, { date: '十月一日', kind: 'holiday', name: '国庆节' }).date!, /2026-12-01 的格式/);
    assert.match(errors(calendarDaySchema, { date: '', kind: 'holiday', name: '国庆节' }).date!, /请填写日期/);
  });

  it('requires a name and a kind', () => {
    const e = errors(calendarDaySchema, { date: '2026-10-01', kind: 'festival', name: '   ' });
    assert.match(e.name!, /请填写名称/);
    assert.match(e.kind!, /请选择/);
  });

  it('refuses a 调休 workday on a weekday, and one without the weekday it borrows', () => {
    const weekday = errors(calendarDaySchema, { date: '2026-09-21', kind: 'workday', name: '调休', asWeekday: '1' });
    assert.match(weekday.date!, /周一.*本来就上班/);
    const none = errors(calendarDaySchema, { date: '2026-09-20', kind: 'workday', name: '调休', asWeekday: '' });
    assert.match(none.asWeekday!, /按哪天的时间开门/);
    const weekend = errors(calendarDaySchema, { date: '2026-09-20', kind: 'workday', name: '调休', asWeekday: '6' });
    assert.match(weekend.asWeekday!, /周一至周五/);
  });

  it('keeps to sensible years', () => {
    assert.match(errors(calendarDaySchema, { date: '1999-10-01', kind: 'holiday', name: '国庆节' }).date!, /2020–2035/);
  });

  it('edit and delete carry what the editor saw', () => {
    const seen = { kind: 'holiday', name: '国庆节', asWeekday: null };
    assert.equal(calendarEditSchema.safeParse({ date: '2026-10-02', kind: 'holiday', name: '国庆节', originalDate: '2026-10-01', seen }).success, true);
    assert.equal(calendarEditSchema.safeParse({ date: '2026-10-02', kind: 'holiday', name: '国庆节', originalDate: '2026-10-01' }).success, false);
    assert.equal(calendarDeleteSchema.safeParse({ date: '2026-10-01', seen }).success, true);
    assert.equal(calendarDeleteSchema.safeParse({ date: 'x', seen }).success, false);
  });

  it('names a day in the audit log by its digits', () => {
    assert.equal(calendarEntityId('2026-10-01'), 20261001);
  });
});

describe('account schemas', () => {
  const base = { username: 'Zhang.San', displayName: '张三', role: 'editor', providerId: '', stationId: '', password: 'a-good-password', passwordConfirm: 'a-good-password' };

  it('the browser and the account store agree on login names', () => {
    assert.equal(USERNAME_RE.source, STORE_USERNAME_RE.source);
  });

  it('creates an editor, lower-casing the login name and dropping any scope', () => {
    const r = createUserSchema.parse({ ...base, providerId: '4', stationId: '1' });
    assert.equal(r.username, 'zhang.san');
    assert.equal(r.providerId, null);
    assert.equal(r.stationId, null);
  });

  it('a provider account needs its provider, a station account its station', () => {
    assert.match(errors(createUserSchema, { ...base, role: 'provider' }).providerId!, /培训机构/);
    assert.match(errors(createUserSchema, { ...base, role: 'station' }).stationId!, /驿站/);
    const ok = createUserSchema.parse({ ...base, role: 'station', stationId: '3', providerId: '4' });
    assert.equal(ok.stationId, 3);
    assert.equal(ok.providerId, null);
  });

  it('checks the login name and the password rules, in plain words', () => {
    assert.match(errors(createUserSchema, { ...base, username: 'a b' }).username!, /小写字母/);
    assert.match(errors(createUserSchema, { ...base, password: 'short', passwordConfirm: 'short' }).password!, /至少需要 10 个字符/);
    assert.match(errors(createUserSchema, { ...base, password: 'zhang.san-2026', passwordConfirm: 'zhang.san-2026' }).password!, /不能包含登录名/);
    assert.match(errors(createUserSchema, { ...base, password: 'aaaaaaaaaaaa', passwordConfirm: 'aaaaaaaaaaaa' }).password!, /同一个字符/);
    assert.match(errors(createUserSchema, { ...base, passwordConfirm: 'something-else' }).passwordConfirm!, /两次输入的密码不一样/);
  });

  it('update needs an id and a version; a bad role is refused', () => {
    assert.equal(updateUserSchema.safeParse({ id: '3', version: '2', displayName: '张三', role: 'editor' }).success, true);
    assert.match(errors(updateUserSchema, { id: '3', displayName: '张三', role: 'editor' }).version!, /版本号/);
    assert.match(errors(updateUserSchema, { id: '3', version: 1, displayName: '张三', role: 'root' }).role!, /请选择角色/);
  });

  it('disable takes a real boolean', () => {
    assert.equal(setDisabledSchema.safeParse({ id: 3, version: 1, disabled: true }).success, true);
    assert.equal(setDisabledSchema.safeParse({ id: 3, version: 1, disabled: 'yes' }).success, false);
  });

  it('reset and change password apply the same rules; a new password must differ from the current one', () => {
    assert.match(errors(resetPasswordSchema, { id: 3, version: 1, newPassword: 'short', newPasswordConfirm: 'short' }).newPassword!, /10 个字符/);
    const same = errors(changePasswordSchema, { currentPassword: 'old-password-1', newPassword: 'old-password-1', newPasswordConfirm: 'old-password-1' });
    assert.match(same.newPassword!, /不能和当前密码相同/);
    assert.match(errors(changePasswordSchema, { currentPassword: '', newPassword: 'new-password-1', newPasswordConfirm: 'new-password-1' }).currentPassword!, /当前密码/);
    assert.equal(changePasswordSchema.safeParse({ currentPassword: 'old-password-1', newPassword: 'new-password-1', newPasswordConfirm: 'new-password-1' }).success, true);
  });
});
