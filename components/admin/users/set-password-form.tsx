'use client';
import { setOwnPasswordAction } from '@/app/admin/set-password/actions';
import { setOwnPasswordSchema, USER_FIELD_LABELS } from '@/db/validation/admin/user';
import { Field, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { Problems } from './user-forms';
import { usersText } from './strings';

const t = usersText.setPassword;

/** Replacing a one-time password; on success this browser goes on to the console, still signed in. */
export function SetPasswordForm({ username }: { username: string }) {
  const form = useAdminForm({
    initial: { newPassword: '', newPasswordConfirm: '', username } as Record<string, string>,
    schema: setOwnPasswordSchema,
    action: setOwnPasswordAction,
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
