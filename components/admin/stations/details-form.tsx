'use client';
import { useRouter } from 'next/navigation';
import { Field, SaveBar, SavedNotice, fieldId, inputClass, useAdminForm, type Values } from '@/components/admin/form';
import { HOST_TYPES, STATION_STATUSES } from '@/db/enums';
import { HOST_TYPE_LABELS, STATION_STATUS_LABELS } from '@/db/domain/labels-stations';
import type { ActionResult } from '@/db/admin/result';
import { stationDetailsSchema } from '@/db/validation/admin/station';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { useRecordVersion } from '../record-version';
import { FormProblems } from './problems';

export type DetailsValues = Values & {
  id: number | '';
  version: number | '';
  name: string;
  hostType: string;
  hostName: string;
  streetId: string;
  address: string;
  lat: string;
  lng: string;
  phone: string;
  hasWindow: boolean;
  hasSelfService: boolean;
  hasAiAvatar: boolean;
  isAccessible: boolean;
  status: string;
  openingDate: string;
  statusReason: string;
  lastVerifiedOn: string;
  directions: string;
};

const FACILITIES = ['hasWindow', 'hasSelfService', 'hasAiAvatar', 'isAccessible'] as const;

export function StationDetailsForm({
  initial,
  streets,
  published,
  action,
}: {
  initial: DetailsValues;
  streets: { id: number; name: string }[];
  published: boolean;
  action: (input: DetailsValues) => Promise<ActionResult<{ version: number; id?: number }>>;
}) {
  const router = useRouter();
  const creating = initial.id === '';
  const [version, setVersion] = useRecordVersion('station', Number(initial.id) || 0, typeof initial.version === 'number' ? initial.version : 0);
  const f = useAdminForm<{ version: number; id?: number }, DetailsValues>({
    initial,
    schema: stationDetailsSchema,
    action,
    refresh: !creating,
    onSuccess: (r) => {
      if (creating && r.id) router.push(`/admin/stations/${r.id}/hours`);
      else setVersion(r.version);
    },
  });
  const err = f.errors;
  const save = () => f.submit(creating ? {} : ({ version } as Partial<DetailsValues>));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!published) save();
      }}
      aria-label={t.details.title}
    >
      <SavedNotice message={f.saved} />
      <FormProblems refusal={f.refusal} errors={f.errors} labels={STATION_FIELD_LABELS} />
      <Field name="name" label={t.details.name} error={err.name} required>
        <input {...f.bind('name')} className={inputClass} autoComplete="off" />
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="hostType" label={t.details.hostType} error={err.hostType} required>
          <select {...f.bind('hostType')} className={inputClass}>
            <option value="">{t.details.choose}</option>
            {HOST_TYPES.map((h) => (
              <option key={h} value={h}>
                {HOST_TYPE_LABELS[h]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="hostName" label={t.details.hostName} hint={t.details.hostNameHint} error={err.hostName} required>
          <input {...f.bind('hostName')} className={inputClass} />
        </Field>
      </div>
      <Field name="streetId" label={t.details.street} error={err.streetId} required>
        <select {...f.bind('streetId')} className={inputClass}>
          <option value="">{t.details.choose}</option>
          {streets.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="address" label={t.details.address} error={err.address} required>
        <input {...f.bind('address')} className={inputClass} />
      </Field>
      <p className="mb-2 text-base text-muted">{t.details.coordHint}</p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="lat" label={t.details.lat} error={err.lat} required>
          <input {...f.bind('lat')} inputMode="decimal" className={inputClass} />
        </Field>
        <Field name="lng" label={t.details.lng} error={err.lng} required>
          <input {...f.bind('lng')} inputMode="decimal" className={inputClass} />
        </Field>
      </div>
      <Field name="phone" label={t.details.phone} hint={t.details.phoneHint} error={err.phone} required>
        <input {...f.bind('phone')} type="tel" className={inputClass} />
      </Field>
      <fieldset className="mb-4">
        <legend className="font-medium">{t.details.facilities}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6">
          {FACILITIES.map((k) => (
            <label key={k} className="flex min-h-12 items-center gap-3">
              <input type="checkbox" id={fieldId(k)} checked={f.values[k] === true} onChange={(e) => f.set(k, e.target.checked)} className="h-6 w-6" />
              {t.details[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field name="status" label={t.details.status} error={err.status} required>
        <select {...f.bind('status')} className={inputClass}>
          {STATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      {f.values.status === 'planned' && (
        <Field name="openingDate" label={t.details.openingDate} hint={t.details.openingDateHint} error={err.openingDate} required>
          <input {...f.bind('openingDate')} type="date" className={inputClass} />
        </Field>
      )}
      {f.values.status === 'suspended' && (
        <Field name="statusReason" label={t.details.statusReason} hint={t.details.statusReasonHint} error={err.statusReason} required>
          <textarea {...f.bind('statusReason')} rows={3} className={inputClass} />
        </Field>
      )}
      <Field name="lastVerifiedOn" label={t.details.lastVerifiedOn} error={err.lastVerifiedOn} required>
        <input {...f.bind('lastVerifiedOn')} type="date" className={inputClass} />
      </Field>
      <Field name="directions" label={t.details.directions} hint={t.details.directionsHint} error={err.directions}>
        <textarea {...f.bind('directions')} rows={3} className={inputClass} />
      </Field>
      <SaveBar published={published} pending={f.pending} onSave={save} label={creating ? t.details.create : t.details.save} />
    </form>
  );
}
