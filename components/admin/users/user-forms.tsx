'use client';
/**
 * Account forms: create, edit (name, role, scope), disable / enable, reset password. They share
 * one version of the account, so a save after another save on this page does not conflict
 * with itself, while a save on a copy someone else changed meanwhile does.
 */
import { useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRecordVersion } from '@/components/admin/record-version';
import { ROLES, type Role } from '@/db/enums';
import type { Refusal } from '@/db/admin/result';
import { USER_FIELD_LABELS, createUserSchema, resetPasswordSchema, updateUserSchema } from '@/db/validation/admin/user';
import {
  createUserAction,
  resetUserPasswordAction,
  setUserDisabledAction,
  updateUserAction,
} from '@/app/admin/(console)/users/actions';
import { Field, RefusalNotice, SavedNotice, ErrorSummary, inputClass, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/admin/combobox';
import type { PickOption } from '@/db/domain/pick-match';
import { usersText as t } from './strings';
import { admin } from '../strings';

type Option = PickOption;

/** Field problems as a linked summary (from the browser check or the server); any other refusal as it is. */
export function Problems({ refusal, errors, labels }: { refusal: Refusal | null; errors: Record<string, string>; labels: Record<string, string> }) {
  if (refusal?.code === 'invalid' && Object.keys(errors).length > 0) return <ErrorSummary errors={errors} labels={labels} />;
  return <RefusalNotice refusal={refusal} labels={labels} />;
}

function RoleAndScope({
  values,
  errors,
  bind,
  set,
  providers,
  stations,
  roleLocked,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  bind: (n: string) => { id: string; name: string; value: string; onChange: (e: { target: { value: string } }) => void };
  set: (n: string, v: string) => void;
  providers: Option[];
  stations: Option[];
  roleLocked?: boolean;
}) {
  return (
    <>
      <fieldset className="mb-4">
        <legend className="font-medium">
          {t.fields.role}
          <span className="text-base font-normal text-muted">（必填）</span>
        </legend>
        {errors.role && (
          <p id="field-role-error" className="font-medium text-bad">
            {errors.role}
          </p>
        )}
        <div className="mt-1 grid gap-2" id="field-role" tabIndex={-1}>
          {ROLES.map((r) => (
            <label key={r} className="flex min-h-12 items-center gap-3 rounded-lg border-2 border-line bg-white px-3 py-2">
              <input
                type="radio"
                name="role"
                value={r}
                checked={values.role === r}
                disabled={roleLocked && values.role !== r}
                onChange={() => set('role', r)}
                className="h-5 w-5 shrink-0"
              />
              <span>{t.roleHelp[r]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {values.role === 'provider' && (
        <Field name="providerId" label={t.fields.providerId} error={errors.providerId} required>
          <Combobox className={inputClass} {...bind('providerId')} options={providers} empty={t.choose} />
        </Field>
      )}
      {values.role === 'station' && (
        <Field name="stationId" label={t.fields.stationId} error={errors.stationId} required>
          <Combobox className={inputClass} {...bind('stationId')} options={stations} empty={t.choose} />
        </Field>
      )}
    </>
  );
}

export function CreateUserForm({ providers, stations }: { providers: Option[]; stations: Option[] }) {
  const router = useRouter();
  const form = useAdminForm({
    initial: { username: '', displayName: '', role: 'editor', providerId: '', stationId: '', password: '', passwordConfirm: '' } as Record<string, string>,
    schema: createUserSchema,
    action: createUserAction,
    refresh: false,
    onSuccess: (r) => router.push(`/admin/users/${r.id}?created=1`),
  });
  const { values, errors, bind, set } = form;
  return (
    <form
      noValidate
      className="max-w-2xl rounded-xl border border-line bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      <SavedNotice message={form.saved} />
      <Problems refusal={form.refusal} errors={errors} labels={USER_FIELD_LABELS} />
      <Field name="username" label={t.fields.username} hint={t.fields.usernameHint} error={errors.username} required>
        <input className={inputClass} autoComplete="off" autoCapitalize="none" spellCheck={false} {...bind('username')} />
      </Field>
      <Field name="displayName" label={t.fields.displayName} hint={t.fields.displayNameHint} error={errors.displayName} required>
        <input className={inputClass} {...bind('displayName')} />
      </Field>
      <RoleAndScope values={values} errors={errors} bind={bind} set={set} providers={providers} stations={stations} />
      <Field name="password" label={t.fields.password} hint={t.fields.passwordHint} error={errors.password} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...bind('password')} />
      </Field>
      <Field name="passwordConfirm" label={t.fields.passwordConfirm} error={errors.passwordConfirm} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...bind('passwordConfirm')} />
      </Field>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? '…' : t.create}
      </Button>
    </form>
  );
}

type EditableUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  providerId: number | null;
  stationId: number | null;
  disabled: boolean;
  version: number;
};

export function UserEditor({ user, self, providers, stations }: { user: EditableUser; self: boolean; providers: Option[]; stations: Option[] }) {
  const [version, setVersion] = useRecordVersion('user', user.id, user.version);
  return (
    <div className="grid gap-5 lg:grid-cols-2 lg:items-start">
      {self && (
        <p className="rounded-lg border-l-4 border-brand bg-brand-soft px-4 py-3 lg:col-span-2">{t.selfRole}</p>
      )}
      <DetailsForm user={user} version={version} setVersion={setVersion} self={self} providers={providers} stations={stations} />
      <div className="grid gap-5">
        {!self && <StatusSection user={user} version={version} setVersion={setVersion} />}
        {self ? (
          <p className="rounded-xl border border-line bg-white p-4">
            {t.selfPassword} <Link href="/admin/account">{t.selfPasswordLink}</Link>
          </p>
        ) : (
          <ResetPassword user={user} version={version} setVersion={setVersion} />
        )}
      </div>
    </div>
  );
}

type Versioned = { user: EditableUser; version: number; setVersion: (v: number) => void };

function DetailsForm({ user, version, setVersion, self, providers, stations }: Versioned & { self: boolean; providers: Option[]; stations: Option[] }) {
  const form = useAdminForm({
    initial: {
      id: String(user.id),
      displayName: user.displayName,
      role: user.role,
      providerId: user.providerId ? String(user.providerId) : '',
      stationId: user.stationId ? String(user.stationId) : '',
    } as Record<string, string>,
    schema: updateUserSchema,
    action: (v) => updateUserAction({ ...v, version }),
    onSuccess: (r) => setVersion(r.version),
  });
  const { values, errors, bind, set } = form;
  return (
    <section aria-labelledby="details-title" className="rounded-xl border border-line bg-white p-4">
      <h2 id="details-title" className="mb-3 text-xl">
        {t.detailsTitle}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          form.submit({ version: String(version) } as Record<string, string>);
        }}
      >
        <SavedNotice message={form.saved} />
        <Problems refusal={form.refusal} errors={errors} labels={USER_FIELD_LABELS} />
        <p className="mb-3">
          {t.fields.username}：<strong>{user.username}</strong>
        </p>
        <Field name="displayName" label={t.fields.displayName} hint={t.fields.displayNameHint} error={errors.displayName} required>
          <input className={inputClass} {...bind('displayName')} />
        </Field>
        <RoleAndScope values={values} errors={errors} bind={bind} set={set} providers={providers} stations={stations} roleLocked={self} />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? '…' : t.save}
        </Button>
      </form>
    </section>
  );
}

function StatusSection({ user, version, setVersion }: Versioned) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = (disabled: boolean) =>
    start(async () => {
      setDone(null);
      try {
        const r = await setUserDisabledAction({ id: user.id, version, disabled });
        if (r.ok) {
          setRefusal(null);
          setVersion(r.version);
          setDone(r.message ?? null);
          setConfirming(false);
          router.refresh();
        } else setRefusal(r);
      } catch {
        setRefusal({ ok: false, code: 'error', message: admin.form.networkFailure });
      }
    });
  return (
    <section aria-labelledby="status-title" className="rounded-xl border border-line bg-white p-4">
      <h2 id="status-title" className="text-xl">
        {t.statusTitle}
      </h2>
      <SavedNotice message={done} />
      <RefusalNotice refusal={refusal} />
      <p className="mb-3">{user.disabled ? t.statusDisabled : t.statusActive}</p>
      {user.disabled ? (
        <Button type="button" disabled={pending} onClick={() => send(false)}>
          {t.enable}
        </Button>
      ) : confirming ? (
        <div role="alertdialog" aria-labelledby="disable-confirm" className="rounded-lg border-2 border-warn bg-warn-soft p-3">
          <p id="disable-confirm" className="font-bold">
            {t.disableConfirm}
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button type="button" disabled={pending} onClick={() => send(true)}>
              {t.disableYes}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p className="mb-2 text-base text-muted">{t.disableHelp}</p>
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            {t.disable}
          </Button>
        </>
      )}
    </section>
  );
}

function ResetPassword({ user, version, setVersion }: Versioned) {
  const form = useAdminForm({
    initial: { id: String(user.id), newPassword: '', newPasswordConfirm: '' } as Record<string, string>,
    schema: resetPasswordSchema,
    action: (v) => resetUserPasswordAction({ ...v, version }),
    onSuccess: (r) => {
      setVersion(r.version);
      form.setValues((v) => ({ ...v, newPassword: '', newPasswordConfirm: '' }));
    },
  });
  const { errors, bind } = form;
  return (
    <section aria-labelledby="reset-title" className="rounded-xl border border-line bg-white p-4">
      <h2 id="reset-title" className="text-xl">
        {t.resetTitle}
      </h2>
      <p className="mb-3 text-base text-muted">{t.resetHelp}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          form.submit({ version: String(version) } as Record<string, string>);
        }}
      >
        <SavedNotice message={form.saved} />
        <Problems refusal={form.refusal} errors={errors} labels={{ newPassword: t.newPassword, newPasswordConfirm: t.newPasswordConfirm }} />
        <Field name="newPassword" label={t.newPassword} hint={t.fields.passwordHint} error={errors.newPassword} required>
          <input type="password" autoComplete="new-password" className={inputClass} {...bind('newPassword')} />
        </Field>
        <Field name="newPasswordConfirm" label={t.newPasswordConfirm} error={errors.newPasswordConfirm} required>
          <input type="password" autoComplete="new-password" className={inputClass} {...bind('newPasswordConfirm')} />
        </Field>
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {form.pending ? '…' : t.reset}
        </Button>
      </form>
    </section>
  );
}

