'use client';
/**
 * A training provider's details: create (then on to its page) and edit. A 培训机构 account sees
 * its name and short name as text — renaming is the bureau's (the server refuses it too).
 * Checked in the browser with the same schema the server action uses; input stays after an error.
 */
import { useRecordVersion } from '@/components/admin/record-version';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { providerCreateSchema, providerUpdateSchema } from '@/db/validation/admin/org';
import type { AdminAction } from '@/db/admin/result';
import { PROVIDER_FIELD_LABELS, PROVIDER_WORDS, orgText } from './strings';

/** What an edit sends besides the form's values: which record, and the version the editor started from. */
type Ref = { id: number; version: number };
/** What the form sends: its values, and on an edit the record's id and version. */
type Sent = ProviderFormValues & Partial<Ref>;

const t = orgText.providerForm;

export type ProviderFormValues = { name: string; shortName: string; intro: string; phone: string; address: string };

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6 rounded-xl border border-line bg-white p-4 sm:p-5">
      <legend className="px-1 text-xl font-bold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function ProviderForm(
  props:
    | { mode: 'create'; initial: ProviderFormValues; action: AdminAction<{ id: number; version: number }, Sent> }
    | {
        mode: 'edit';
        id: number;
        version: number;
        /** It has published courses: a save reaches residents at once, so ask first. */
        live: boolean;
        /** The name and short name are shown, not edited (a 培训机构 account). */
        nameLocked: boolean;
        initial: ProviderFormValues;
        action: AdminAction<{ version: number }, Sent>;
      },
) {
  const router = useRouter();
  // The version this form saves against moves on with each save, before the refreshed page arrives.
  const [version, sawVersion] = useRecordVersion('provider', props.mode === 'edit' ? props.id : 0, props.mode === 'edit' ? props.version : 0);
  const form = useAdminForm<{ id?: number; version: number }, ProviderFormValues & Record<string, unknown>, Ref>({
    initial: props.initial,
    schema: props.mode === 'create' ? providerCreateSchema : providerUpdateSchema,
    words: PROVIDER_WORDS,
    action: props.action,
    refresh: props.mode === 'edit',
    onSuccess: (r) => {
      if (typeof r.version === 'number') sawVersion(r.version);
      if (props.mode === 'create' && r.id) router.push(`/admin/orgs/providers/${r.id}?created=1`);
    },
  });
  const { bind, errors, refusal, saved, pending } = form;
  const save = () => (props.mode === 'edit' ? form.submit({ id: props.id, version }) : form.submit());
  const locked = props.mode === 'edit' && props.nameLocked;
  const live = props.mode === 'edit' && props.live;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!live) save();
      }}
    >
      {refusal && refusal.code !== 'invalid' ? (
        <RefusalNotice refusal={refusal} labels={PROVIDER_FIELD_LABELS} />
      ) : (
        <ErrorSummary errors={errors} labels={PROVIDER_FIELD_LABELS} />
      )}
      <SavedNotice message={saved} />

      <Section title={t.basics}>
        {locked ? (
          <>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[7rem_1fr]">
              <dt className="text-muted">{t.name}</dt>
              <dd className="font-medium" data-testid="provider-name">
                {props.initial.name}
              </dd>
              <dt className="text-muted">{t.shortName}</dt>
              <dd className="font-medium">{props.initial.shortName}</dd>
            </dl>
            <p className="mt-2 text-base text-muted">{t.nameLocked}</p>
          </>
        ) : (
          <>
            <Field name="name" label={t.name} hint={t.nameHint} error={errors.name} required>
              <input {...bind('name')} className={inputClass} maxLength={100} autoComplete="off" />
            </Field>
            <Field name="shortName" label={t.shortName} hint={t.shortNameHint} error={errors.shortName} required>
              <input {...bind('shortName')} className={inputClass} maxLength={30} autoComplete="off" />
            </Field>
          </>
        )}
      </Section>

      <Section title={t.contact}>
        <Field name="phone" label={t.phone} hint={t.phoneHint} error={errors.phone} required>
          <input {...bind('phone')} type="tel" inputMode="tel" className={inputClass} maxLength={30} />
        </Field>
        <Field name="address" label={t.address} hint={t.addressHint} error={errors.address} required>
          <input {...bind('address')} className={inputClass} maxLength={200} />
        </Field>
        <Field name="intro" label={t.intro} hint={t.introHint} error={errors.intro}>
          <textarea {...bind('intro')} className={inputClass} rows={5} maxLength={2000} />
        </Field>
      </Section>

      {live && <p className="mb-2 text-base">{t.liveNote}</p>}
      <SaveBar published={live} pending={pending} onSave={save} label={props.mode === 'create' ? t.createSubmit : admin.form.save} />
    </form>
  );
}
