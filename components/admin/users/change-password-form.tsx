'use client';
import { changePasswordAction } from '@/app/admin/(console)/account/actions';
import { changePasswordSchema, USER_FIELD_LABELS } from '@/db/validation/admin/user';
import { Field, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { Problems } from './user-forms';
import { Button } from '@/components/ui/button';
import { usersText } from './strings';

const t = usersText.account;

/** Changing one's own password; on success every session ends and the browser goes to sign in. */
export function ChangePasswordForm({ username }: { username: string }) {
  const form = useAdminForm({
    initial: { currentPassword: '', newPassword: '', newPasswordConfirm: '', username } as Record<string, string>,
    schema: changePasswordSchema,
    action: changePasswordAction,
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
      <Field name="currentPassword" label={t.currentPassword} error={errors.currentPassword} required>
        <input type="password" autoComplete="current-password" className={inputClass} {...bind('currentPassword')} />
      </Field>
      <Field name="newPassword" label={t.newPassword} hint={t.newPasswordHint} error={errors.newPassword} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...bind('newPassword')} />
      </Field>
      <Field name="newPasswordConfirm" label={t.newPasswordConfirm} error={errors.newPasswordConfirm} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...bind('newPasswordConfirm')} />
      </Field>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? '…' : t.submit}
      </Button>
    </form>
  );
}
