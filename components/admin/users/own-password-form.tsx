'use client';
/**
 * A person's own new password, in the two places it is asked for: 修改密码 on 我的账号 (with the
 * current password; on success every session ends and the browser goes to sign in), and 设置新密码
 * after signing in with a one-time password (on success this browser goes on to the console,
 * still signed in). The action says where to go next.
 */
import { changePasswordAction } from '@/app/admin/(console)/account/actions';
import { setOwnPasswordAction } from '@/app/admin/set-password/actions';
import { changePasswordSchema, setOwnPasswordSchema, USER_FIELD_LABELS } from '@/db/validation/admin/user';
import { Field, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { Problems } from './user-forms';
import { usersText } from './strings';

const MODES = {
  change: { action: changePasswordAction, schema: changePasswordSchema, words: usersText.account },
  set: { action: setOwnPasswordAction, schema: setOwnPasswordSchema, words: usersText.setPassword },
};

export function OwnPasswordForm({ username, mode }: { username: string; mode: keyof typeof MODES }) {
  const { action, schema, words: t } = MODES[mode];
  const change = mode === 'change';
  const form = useAdminForm({
    initial: { ...(change ? { currentPassword: '' } : {}), newPassword: '', newPasswordConfirm: '', username } as Record<string, string>,
    schema,
    action: (input: Record<string, string>) => action(input),
    refresh: false,
    onSuccess: (r) => window.location.assign(r.next),
  });
  const { errors, bind } = form;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      <SavedNotice message={form.saved} />
      <Problems refusal={form.refusal} errors={errors} labels={USER_FIELD_LABELS} />
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {change && (
        <Field name="currentPassword" label={usersText.account.currentPassword} error={errors.currentPassword} required>
          <input type="password" autoComplete="current-password" className={inputClass} {...bind('currentPassword')} />
        </Field>
      )}
      <Field name="newPassword" label={t.newPassword} hint={t.hint} error={errors.newPassword} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...bind('newPassword')} />
      </Field>
      <Field name="newPasswordConfirm" label={t.confirm} error={errors.newPasswordConfirm} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...bind('newPasswordConfirm')} />
      </Field>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? '…' : t.submit}
      </Button>
    </form>
  );
}
