'use client';
/**
 * Create or edit a run (班期): dates and class days, daily times, theory and practice places,
 * seats, deadline, cost, contact, certificates (一培双证) and target groups. The same zod
 * schema runs here and in the action; a published run asks before saving.
 */
import { useRouter } from 'next/navigation';
import { useRecordVersion } from '@/components/admin/record-version';
import type { ActionResult } from '@/db/admin/result';
import { ErrorSummary, Field, fieldId, inputClass, RefusalNotice, SaveBar, SavedNotice, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { COST_TYPE_LABELS, CERTIFICATE_KIND_LABELS } from '@/db/domain/labels-courses';
import { CERTIFICATE_KINDS, COST_TYPES } from '@/db/enums';
import { runCreateSchema, runUpdateSchema, type RunFormValues } from '@/db/validation/admin/run';
import { admin } from '@/components/admin/strings';
import { RUN_FIELD_LABELS as L, RUN_WORDS, ct } from './strings';

export type RunFormOptions = {
  places: { id: number; name: string; kind: string; address: string }[];
  groups: { code: string; name: string }[];
};

type Props = {
  initial: RunFormValues;
  options: RunFormOptions;
  published: boolean;
  courseId: number;
  action: (input: RunFormValues) => Promise<ActionResult<{ id?: number; version?: number }>>;
};

const LABELS: Record<string, string> = { ...L };

function describeRunValue(options: RunFormOptions, field: string, value: unknown): string | undefined {
  const list = Array.isArray(value) ? value.map(String) : [];
  if (field === 'theoryPlaceId' || field === 'practicePlaceId') return options.places.find((p) => String(p.id) === String(value ?? ''))?.name;
  if (field === 'groups') return list.length ? list.map((g) => options.groups.find((x) => x.code === g)?.name ?? g).join('、') : undefined;
  if (field === 'classDays') return list.length ? list.map((d) => ct.weekdays[Number(d) - 1] ?? d).join('、') : undefined;
  if (field === 'costType') return COST_TYPE_LABELS[String(value) as keyof typeof COST_TYPE_LABELS];
  return undefined;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="mb-6 rounded-xl border border-line bg-white p-4">
      <legend className="px-1 text-xl font-bold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function RunForm({ initial, options, published, courseId, action }: Props) {
  const router = useRouter();
  const isNew = initial.id === undefined;
  // The saved version becomes the one the next save (and the page's 发布 …) starts from.
  const [version, keepVersion] = useRecordVersion('run', initial.id ?? 0, initial.version ?? 0);
  const form = useAdminForm<{ id?: number; version?: number }, RunFormValues, { version: number }>({
    initial,
    schema: isNew ? runCreateSchema : runUpdateSchema,
    words: RUN_WORDS,
    // In a conflict, the choices name places, groups, days and the cost type rather than their codes.
    describe: (field, value) => describeRunValue(options, field, value),
    action,
    onSuccess: (r) => {
      if (isNew && r.id) router.push(`/admin/courses/${courseId}/runs/${r.id}?created=1`);
      else if (r.version) keepVersion(r.version);
    },
  });
  const save = () => form.submit(isNew ? undefined : { version });
  const { values, errors, bind, set } = form;

  const describe = (name: string) => (errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(name)}-error` } : {});

  function toggle(list: string[], value: string) {
    return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
  }

  function setCert(i: number, key: 'kind' | 'name' | 'issuer', value: string) {
    set(
      'certificates',
      values.certificates.map((c, j) => (j === i ? { ...c, [key]: value } : c)),
    );
  }

  const placeLabel = (p: RunFormOptions['places'][number]) => `${p.name}（${ct.placeKinds[p.kind] ?? p.kind}）`;
  const needsFee = values.costType === 'self' || values.costType === 'subsidy';

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!published) save();
      }}
      aria-label={isNew ? ct.addRun : ct.editRun}
    >
      {form.refusal?.code === 'invalid' && Object.keys(errors).length > 0 ? (
        <ErrorSummary errors={errors} labels={LABELS} title={form.refusal.message} />
      ) : (
        <RefusalNotice refusal={form.refusal} labels={LABELS} />
      )}
      <SavedNotice message={form.saved} />

      <Section title={ct.runSections.when}>
        <Field name="label" label={L.label} hint={ct.labelHint} error={errors.label} required>
          <input {...bind('label')} className={inputClass} autoComplete="off" />
        </Field>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="startDate" label={L.startDate} error={errors.startDate} required>
            <input {...bind('startDate')} type="date" className={inputClass} />
          </Field>
          <Field name="endDate" label={L.endDate} error={errors.endDate} required>
            <input {...bind('endDate')} type="date" className={inputClass} />
          </Field>
        </div>
        <fieldset className="mb-4" aria-describedby={errors.classDays ? `${fieldId('classDays')}-error` : undefined}>
          <legend className="font-medium">
            {L.classDays}
            <span className="text-base font-normal text-muted">{admin.form.required}</span>
          </legend>
          <p className="text-base text-muted">{ct.classDaysHint}</p>
          {errors.classDays && (
            <p id={`${fieldId('classDays')}-error`} className="font-medium text-bad">
              {errors.classDays}
            </p>
          )}
          <div className="mt-1 flex flex-wrap gap-2" id={fieldId('classDays')} tabIndex={-1}>
            {ct.weekdays.map((name, i) => {
              const d = String(i + 1);
              return (
                <label key={d} className="flex min-h-12 items-center gap-2 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
                  <input
                    type="checkbox"
                    className="size-5 accent-brand"
                    checked={values.classDays.includes(d)}
                    onChange={() => set('classDays', toggle(values.classDays, d).sort())}
                  />
                  {name}
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="dailyStart" label={L.dailyStart} error={errors.dailyStart} required>
            <input {...bind('dailyStart')} type="time" className={inputClass} />
          </Field>
          <Field name="dailyEnd" label={L.dailyEnd} error={errors.dailyEnd} required>
            <input {...bind('dailyEnd')} type="time" className={inputClass} />
          </Field>
        </div>
      </Section>

      <Section title={ct.runSections.where}>
        <Field name="theoryPlaceId" label={L.theoryPlaceId} error={errors.theoryPlaceId} required>
          <select {...bind('theoryPlaceId')} className={inputClass}>
            <option value="">{ct.choose}</option>
            {options.places.map((p) => (
              <option key={p.id} value={p.id}>
                {placeLabel(p)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="practicePlaceId" label={L.practicePlaceId} error={errors.practicePlaceId}>
          <select {...bind('practicePlaceId')} className={inputClass}>
            <option value="">{ct.noPractice}</option>
            {options.places.map((p) => (
              <option key={p.id} value={p.id}>
                {placeLabel(p)}
              </option>
            ))}
          </select>
        </Field>
      </Section>

      <Section title={ct.runSections.seats}>
        <div className="grid gap-x-4 sm:grid-cols-3">
          <Field name="seats" label={L.seats} hint={ct.seatsHint} error={errors.seats} required>
            <input {...bind('seats')} inputMode="numeric" className={inputClass} />
          </Field>
          <Field name="seatsLeft" label={L.seatsLeft} hint={ct.seatsLeftHint} error={errors.seatsLeft} required>
            <input {...bind('seatsLeft')} inputMode="numeric" className={inputClass} />
          </Field>
          <Field name="deadline" label={L.deadline} hint={ct.deadlineHint} error={errors.deadline} required>
            <input {...bind('deadline')} type="date" className={inputClass} />
          </Field>
        </div>
      </Section>

      <Section title={ct.runSections.cost}>
        <Field name="costType" label={L.costType} error={errors.costType} required>
          <select {...bind('costType')} className={inputClass}>
            {COST_TYPES.map((c) => (
              <option key={c} value={c}>
                {COST_TYPE_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        {needsFee && (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="fee" label={L.fee} hint={ct.feeHint} error={errors.fee}>
              <input {...bind('fee')} inputMode="numeric" className={inputClass} />
            </Field>
            {values.costType === 'subsidy' && (
              <Field name="subsidy" label={L.subsidy} hint={ct.subsidyHint} error={errors.subsidy}>
                <input {...bind('subsidy')} inputMode="numeric" className={inputClass} />
              </Field>
            )}
          </div>
        )}
      </Section>

      <Section title={ct.runSections.contact}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="contactName" label={L.contactName} hint="发布前必填" error={errors.contactName}>
            <input {...bind('contactName')} className={inputClass} autoComplete="off" />
          </Field>
          <Field name="contactPhone" label={L.contactPhone} hint={`发布前必填，${ct.contactPhoneHint}`} error={errors.contactPhone}>
            <input {...bind('contactPhone')} type="tel" className={inputClass} autoComplete="off" />
          </Field>
        </div>
        <Field name="note" label={L.note} error={errors.note} hint={admin.form.optional}>
          <textarea {...bind('note')} rows={2} className={inputClass} />
        </Field>
      </Section>

      <Section title={ct.runSections.certs}>
        {errors.certificates && <p className="font-medium text-bad">{errors.certificates}</p>}
        {values.certificates.map((c, i) => (
          <fieldset key={i} className="mb-4 rounded-lg border border-line p-3">
            <legend className="px-1 font-bold">{ct.certLegend(i + 1)}</legend>
            <div className="grid gap-x-4 sm:grid-cols-3">
              <Field name={`certificates.${i}.kind`} label={ct.certKind} error={errors[`certificates.${i}.kind`]}>
                <select id={fieldId(`certificates.${i}.kind`)} value={c.kind} onChange={(e) => setCert(i, 'kind', e.target.value)} className={inputClass} {...describe(`certificates.${i}.kind`)}>
                  {CERTIFICATE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {CERTIFICATE_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name={`certificates.${i}.name`} label={ct.certName} error={errors[`certificates.${i}.name`]}>
                <input id={fieldId(`certificates.${i}.name`)} value={c.name} onChange={(e) => setCert(i, 'name', e.target.value)} className={inputClass} {...describe(`certificates.${i}.name`)} />
              </Field>
              <Field name={`certificates.${i}.issuer`} label={ct.certIssuer} error={errors[`certificates.${i}.issuer`]}>
                <input id={fieldId(`certificates.${i}.issuer`)} value={c.issuer} onChange={(e) => setCert(i, 'issuer', e.target.value)} className={inputClass} {...describe(`certificates.${i}.issuer`)} />
              </Field>
            </div>
            <Button type="button" variant="quiet" onClick={() => set('certificates', values.certificates.filter((_, j) => j !== i))}>
              {ct.removeCert(i + 1)}
            </Button>
          </fieldset>
        ))}
        {values.certificates.length < 6 && (
          <Button type="button" variant="secondary" onClick={() => set('certificates', [...values.certificates, { kind: values.certificates.some((k) => k.kind === 'skill') ? 'licence' : 'skill', name: '', issuer: '' }])}>
            {ct.addCert}
          </Button>
        )}
      </Section>

      <Section title={ct.runSections.groups}>
        {errors.groups && (
          <p id={`${fieldId('groups')}-error`} className="font-medium text-bad">
            {errors.groups}
          </p>
        )}
        <div className="flex flex-wrap gap-2" id={fieldId('groups')} tabIndex={-1}>
          {options.groups.map((g) => (
            <label key={g.code} className="flex min-h-12 items-center gap-2 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
              <input type="checkbox" className="size-5 accent-brand" checked={values.groups.includes(g.code)} onChange={() => set('groups', toggle(values.groups, g.code))} />
              {g.name}
            </label>
          ))}
        </div>
      </Section>

      <SaveBar published={published} pending={form.pending} onSave={save} label={isNew ? ct.createSave : admin.form.save} />
    </form>
  );
}
