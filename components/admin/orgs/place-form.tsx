'use client';
/**
 * A place: create (then on to its page) and edit. Coordinates may be left empty — the server
 * then uses the street's centre and says so. A 培训机构 account's places always belong to it.
 */
import { useRecordVersion } from '@/components/admin/record-version';
import { useRouter } from 'next/navigation';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { PLACE_KINDS } from '@/db/enums';
import { placeCreateSchema, placeUpdateSchema } from '@/db/validation/admin/org';
import type { AdminAction } from '@/db/admin/result';
import { Section } from './provider-form';
import { Combobox } from '@/components/admin/combobox';
import type { PickOption } from '@/db/domain/pick-match';
import { PLACE_FIELD_LABELS, PLACE_KIND_HINTS, PLACE_KIND_LABELS, PLACE_WORDS, orgText } from './strings';

/** What an edit sends besides the form's values: which record, and the version the editor started from. */
type Ref = { id: number; version: number };
/** What the form sends: its values, and on an edit the record's id and version. */
type Sent = PlaceFormValues & Partial<Ref>;

const t = orgText.placeForm;

export type PlaceFormValues = {
  name: string;
  kind: string;
  providerId: string;
  streetId: string;
  address: string;
  lat: string;
  lng: string;
  note: string;
};

type Option = { id: number; name: string };

export function PlaceForm(
  props: {
    initial: PlaceFormValues;
    providers: (Option & PickOption)[];
    streets: Option[];
    /** The provider is fixed (a 培训机构 account): shown as text, not a choice. */
    providerFixed: boolean;
  } & (
    | { mode: 'create'; action: AdminAction<{ id: number; version: number }, Sent> }
    | { mode: 'edit'; id: number; version: number; live: boolean; action: AdminAction<{ version: number }, Sent> }
  ),
) {
  const router = useRouter();
  // The version this form saves against moves on with each save, before the refreshed page arrives.
  const [version, sawVersion] = useRecordVersion('place', props.mode === 'edit' ? props.id : 0, props.mode === 'edit' ? props.version : 0);
  const form = useAdminForm<{ id?: number; version: number }, PlaceFormValues & Record<string, unknown>, Ref>({
    initial: props.initial,
    schema: props.mode === 'create' ? placeCreateSchema : placeUpdateSchema,
    words: PLACE_WORDS,
    action: props.action,
    refresh: props.mode === 'edit',
    onSuccess: (r) => {
      if (typeof r.version === 'number') sawVersion(r.version);
      if (props.mode === 'create' && r.id) router.push(`/admin/orgs/places/${r.id}?created=1`);
    },
  });
  const { values, bind, errors, refusal, saved, pending } = form;
  const save = () => (props.mode === 'edit' ? form.submit({ id: props.id, version }) : form.submit());
  const live = props.mode === 'edit' && props.live;
  const fixedProvider = props.providers.find((p) => String(p.id) === values.providerId);
  const kindHint = PLACE_KIND_HINTS[values.kind as keyof typeof PLACE_KIND_HINTS];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!live) save();
      }}
    >
      {refusal && refusal.code !== 'invalid' ? (
        <RefusalNotice refusal={refusal} labels={PLACE_FIELD_LABELS} />
      ) : (
        <ErrorSummary errors={errors} labels={PLACE_FIELD_LABELS} />
      )}
      <SavedNotice message={saved} />

      <Section title={t.basics}>
        <Field name="name" label={t.name} hint={t.nameHint} error={errors.name} required>
          <input {...bind('name')} className={inputClass} maxLength={100} autoComplete="off" />
        </Field>
        <Field name="kind" label={t.kind} hint={kindHint} error={errors.kind} required>
          <select {...bind('kind')} className={inputClass}>
            {PLACE_KINDS.map((k) => (
              <option key={k} value={k}>
                {PLACE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {props.providerFixed ? (
          <div className="mb-4">
            <p className="font-medium">{t.providerId}</p>
            <p>{fixedProvider?.name}</p>
            <p className="text-base text-muted">{t.providerFixed}</p>
          </div>
        ) : (
          <Field name="providerId" label={t.providerId} hint={t.providerHint} error={errors.providerId}>
            <Combobox {...bind('providerId')} className={inputClass} options={props.providers} empty={t.noProvider} />
          </Field>
        )}
        <Field name="note" label={t.note} hint={t.noteHint} error={errors.note}>
          <textarea {...bind('note')} className={inputClass} rows={2} maxLength={500} />
        </Field>
      </Section>

      <Section title={t.location}>
        <Field name="streetId" label={t.streetId} hint={t.streetHint} error={errors.streetId}>
          <select {...bind('streetId')} className={inputClass}>
            <option value="">{t.noStreet}</option>
            {props.streets.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="address" label={t.address} hint={t.addressHint} error={errors.address} required>
          <input {...bind('address')} className={inputClass} maxLength={200} />
        </Field>
        <fieldset className="rounded-lg border border-line p-3" aria-describedby="coords-hint">
          <legend className="px-1 font-bold">{t.coordinates}</legend>
          <p id="coords-hint" className="mb-2 text-base text-muted">
            {t.coordinatesHint}
          </p>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="lat" label={t.lat} hint={t.latHint} error={errors.lat}>
              <input {...bind('lat')} inputMode="decimal" className={inputClass} autoComplete="off" />
            </Field>
            <Field name="lng" label={t.lng} hint={t.lngHint} error={errors.lng}>
              <input {...bind('lng')} inputMode="decimal" className={inputClass} autoComplete="off" />
            </Field>
          </div>
        </fieldset>
      </Section>

      {live && <p className="mb-2 text-base">{t.liveNote}</p>}
      <SaveBar published={live} pending={pending} onSave={save} label={props.mode === 'create' ? t.createSubmit : admin.form.save} />
    </form>
  );
}
