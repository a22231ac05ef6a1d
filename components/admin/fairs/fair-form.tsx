'use client';
/**
 * The fair's own fields: create (saved as a draft, then on to its edit page) and edit (with the
 * "修改将立即对公众生效" confirmation once published). Checked in the browser with the same schema
 * the server action uses; whatever was typed stays after an error.
 */
import { useRecordVersion } from '@/components/admin/record-version';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, fieldId, inputClass, useAdminForm } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { FAIR_STATUSES, FAIR_TYPES } from '@/db/enums';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { WEEKDAY_NAMES } from '@/db/domain/calendar';
import { fairCreateSchema, fairUpdateSchema } from '@/db/validation/admin/fair';
import type { AdminAction } from '@/db/admin/result';
import { FAIR_FIELD_LABELS, fairAdmin } from './strings';

/** What an edit sends besides the form's values: which record, and the version the editor started from. */
type Ref = { id: number; version: number };
/** What the form sends: its values, and on an edit the record's id and version. */
type Sent = FairFormValues & Partial<Ref>;

const t = fairAdmin.form;

export type FairFormValues = {
  title: string;
  type: string;
  organiser: string;
  placeId: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  weekdays: string[];
  opens: string;
  closes: string;
  status: string;
  statusNote: string;
  description: string;
  howToAttend: string;
  contactPhone: string;
};

export type VenueChoice = { id: number; name: string; street: string | null };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6 rounded-xl border border-line bg-white p-4 sm:p-5">
      <legend className="px-1 text-xl font-bold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function FairForm(
  props:
    | { mode: 'create'; initial: FairFormValues; venues: VenueChoice[]; action: AdminAction<{ id: number; version: number }, Sent> }
    | {
        mode: 'edit';
        id: number;
        version: number;
        published: boolean;
        initial: FairFormValues;
        venues: VenueChoice[];
        action: AdminAction<{ version: number }, Sent>;
      },
) {
  const router = useRouter();
  // The version this form saves against moves on with each save, before the refreshed page arrives.
  const [version, sawVersion] = useRecordVersion('fair', props.mode === 'edit' ? props.id : 0, props.mode === 'edit' ? props.version : 0);
  const form = useAdminForm<{ id?: number; version: number }, FairFormValues & Record<string, unknown>, Ref>({
    initial: props.initial,
    schema: props.mode === 'create' ? fairCreateSchema : fairUpdateSchema,
    action: props.action,
    refresh: props.mode === 'edit',
    onSuccess: (r) => {
      if (typeof r.version === 'number') sawVersion(r.version);
      if (props.mode === 'create' && r.id) router.push(`/admin/fairs/${r.id}`);
    },
  });
  const { values, set, bind, errors, refusal, saved, pending } = form;
  const save = () => (props.mode === 'edit' ? form.submit({ id: props.id, version }) : form.submit());
  const err = (name: string) => errors[name];
  const isMarket = values.type === 'gig_market';

  function toggleDay(d: string, on: boolean) {
    const next = new Set(values.weekdays);
    if (on) next.add(d);
    else next.delete(d);
    set('weekdays', [...next].sort());
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Enter in a field saves a draft; a published fair goes through the confirmation button.
        if (props.mode === 'create' || !props.published) save();
      }}
    >
      {refusal && refusal.code !== 'invalid' ? (
        <RefusalNotice refusal={refusal} labels={FAIR_FIELD_LABELS} />
      ) : (
        <ErrorSummary errors={errors} labels={FAIR_FIELD_LABELS} />
      )}
      <SavedNotice message={saved} />

      <Section title={t.basics}>
        <Field name="title" label={t.title} hint={t.titleHint} error={err('title')} required>
          <input {...bind('title')} className={inputClass} maxLength={100} autoComplete="off" />
        </Field>
        <Field name="type" label={t.type} error={err('type')} required>
          <select {...bind('type')} className={inputClass}>
            {FAIR_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {FAIR_TYPE_LABELS[ty]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="organiser" label={t.organiser} hint={t.organiserHint} error={err('organiser')}>
          <input {...bind('organiser')} className={inputClass} maxLength={100} />
        </Field>
      </Section>

      <Section title={t.whenWhere}>
        <p className="mb-3 text-base text-muted">{t.timesHint}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="startsAt" label={t.startsAt} error={err('startsAt')} required>
            <input {...bind('startsAt')} type="datetime-local" className={inputClass} />
          </Field>
          <Field name="endsAt" label={t.endsAt} error={err('endsAt')} required>
            <input {...bind('endsAt')} type="datetime-local" className={inputClass} />
          </Field>
        </div>
        {isMarket && (
          <fieldset className="mb-4 rounded-lg border border-line p-3" aria-describedby="recurrence-hint">
            <legend className="px-1 font-bold">{t.recurrence}</legend>
            <p id="recurrence-hint" className="text-base text-muted">
              {t.recurrenceHint}
            </p>
            {err('weekdays') && (
              <p id={`${fieldId('weekdays')}-error`} className="font-medium text-bad">
                {err('weekdays')}
              </p>
            )}
            <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={t.weekdays}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label
                  key={d}
                  className="flex min-h-12 min-w-20 cursor-pointer items-center gap-2 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft"
                >
                  <input
                    type="checkbox"
                    id={d === 1 ? fieldId('weekdays') : undefined}
                    className="size-5 accent-brand"
                    checked={values.weekdays.includes(String(d))}
                    onChange={(e) => toggleDay(String(d), e.target.checked)}
                    aria-invalid={err('weekdays') ? true : undefined}
                    aria-describedby={err('weekdays') ? `${fieldId('weekdays')}-error` : undefined}
                  />
                  {WEEKDAY_NAMES[d]}
                </label>
              ))}
            </div>
            <div className="mt-3 grid gap-x-4 sm:grid-cols-2">
              <Field name="opens" label={t.opens} hint={t.timeHint} error={err('opens')}>
                <input {...bind('opens')} type="time" className={inputClass} />
              </Field>
              <Field name="closes" label={t.closes} hint={t.timeHint} error={err('closes')}>
                <input {...bind('closes')} type="time" className={inputClass} />
              </Field>
            </div>
          </fieldset>
        )}
        <Field name="placeId" label={t.placeId} hint={t.placeHint} error={err('placeId')}>
          <select {...bind('placeId')} className={inputClass}>
            <option value="">{t.noPlace}</option>
            {props.venues.map((v) => (
              <option key={v.id} value={String(v.id)}>
                {v.street ? `${v.name}（${v.street}）` : v.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="onlineUrl" label={t.onlineUrl} hint={t.onlineUrlHint} error={err('onlineUrl')}>
          <input {...bind('onlineUrl')} type="url" inputMode="url" className={inputClass} placeholder="https://" />
        </Field>
      </Section>

      <Section title={t.statusSection}>
        <Field name="status" label={t.status} error={err('status')} required>
          <select {...bind('status')} className={inputClass}>
            {FAIR_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FAIR_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="statusNote" label={t.statusNote} hint={t.statusNoteHint} error={err('statusNote')} required={values.status !== 'scheduled'}>
          <textarea {...bind('statusNote')} className={inputClass} rows={2} maxLength={300} />
        </Field>
      </Section>

      <Section title={t.details}>
        <Field name="description" label={t.description} error={err('description')}>
          <textarea {...bind('description')} className={inputClass} rows={4} maxLength={3000} />
        </Field>
        <Field name="howToAttend" label={t.howToAttend} hint={t.howToAttendHint} error={err('howToAttend')}>
          <textarea {...bind('howToAttend')} className={inputClass} rows={3} maxLength={2000} />
        </Field>
        <Field name="contactPhone" label={t.contactPhone} hint={t.contactPhoneHint} error={err('contactPhone')}>
          <input {...bind('contactPhone')} type="tel" inputMode="tel" className={inputClass} maxLength={30} />
        </Field>
      </Section>

      <SaveBar
        published={props.mode === 'edit' && props.published}
        pending={pending}
        onSave={save}
        label={props.mode === 'create' ? t.createSubmit : admin.form.save}
      />
    </form>
  );
}
