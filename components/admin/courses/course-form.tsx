'use client';
/**
 * Create or edit a course: basics (title, occupation + a level it certifies, provider,
 * duration, summary) and the seven sections residents read. The same zod schema runs here and
 * in the action; a published course asks before saving ("修改将立即对公众生效").
 */
import { useRouter } from 'next/navigation';
import { useRecordVersion } from '@/components/admin/record-version';
import type { ActionResult } from '@/db/admin/result';
import { ErrorSummary, Field, inputClass, RefusalNotice, SaveBar, SavedNotice, useAdminForm } from '@/components/admin/form';
import {
  COURSE_SECTIONS,
  courseCreateSchema,
  courseUpdateSchema,
  REQUIRED_AT_PUBLISH,
  type CourseFormValues,
} from '@/db/validation/admin/course';
import { admin } from '@/components/admin/strings';
import { Combobox } from '@/components/admin/combobox';
import type { PickOption } from '@/db/domain/pick-match';
import { COURSE_FIELD_LABELS as L, COURSE_WORDS, ct } from './strings';

export type CourseFormOptions = {
  occupations: { id: number; name: string; levels: { value: number; label: string }[] }[];
  providers: { id: number; name: string }[];
  providerPicks: readonly PickOption[];
};

type Props = {
  initial: CourseFormValues;
  options: CourseFormOptions;
  /** A 培训机构 account: the provider is fixed to its own. */
  providerFixed: boolean;
  published: boolean;
  action: (input: CourseFormValues) => Promise<ActionResult<{ id?: number; version: number }>>;
};

const SECTION_ROWS: Record<string, number> = { content: 6, method: 4 };

function describeChoice(options: CourseFormOptions, field: string, value: unknown): string | undefined {
  const v = String(value ?? '');
  if (field === 'occupationId') return options.occupations.find((o) => String(o.id) === v)?.name;
  if (field === 'providerId') return options.providers.find((p) => String(p.id) === v)?.name;
  if (field === 'level') return options.occupations.flatMap((o) => o.levels).find((l) => String(l.value) === v)?.label;
  return undefined;
}

export function CourseForm({ initial, options, providerFixed, published, action }: Props) {
  const router = useRouter();
  const isNew = initial.id === undefined;
  // The saved version becomes the one the next save (and the page's 提交审核, 发布 …) starts from.
  const [version, keepVersion] = useRecordVersion('course', initial.id ?? 0, initial.version ?? 0);
  const form = useAdminForm<{ id?: number; version: number }, CourseFormValues, { version: number }>({
    initial,
    schema: isNew ? courseCreateSchema : courseUpdateSchema,
    words: COURSE_WORDS,
    // In a conflict, the choices name the occupation, level and provider rather than their ids.
    describe: (field, value) => describeChoice(options, field, value),
    action,
    onSuccess: (r) => {
      if (isNew && r.id) router.push(`/admin/courses/${r.id}?created=1`);
      else keepVersion(r.version);
    },
  });
  const save = () => form.submit(isNew ? undefined : { version });
  const { values, errors, bind } = form;
  const occupation = options.occupations.find((o) => String(o.id) === values.occupationId);
  const levels = occupation?.levels ?? [];
  const required = new Set<string>(REQUIRED_AT_PUBLISH);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!published) save();
      }}
      aria-label={isNew ? ct.newTitle : ct.basics}
    >
      {form.refusal?.code === 'invalid' && Object.keys(errors).length > 0 ? (
        <ErrorSummary errors={errors} labels={L} title={form.refusal.message} />
      ) : (
        <RefusalNotice refusal={form.refusal} labels={L} />
      )}
      <SavedNotice message={form.saved} />

      <fieldset className="mb-6 rounded-xl border border-line bg-white p-4">
        <legend className="px-1 text-xl font-bold">{ct.basics}</legend>
        <Field name="title" label={L.title} error={errors.title} required>
          <input {...bind('title')} className={inputClass} autoComplete="off" />
        </Field>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="occupationId" label={L.occupationId} error={errors.occupationId} required>
            <select
              {...bind('occupationId')}
              className={inputClass}
              onChange={(e) => {
                const next = options.occupations.find((o) => String(o.id) === e.target.value);
                form.setValues((v) => ({
                  ...v,
                  occupationId: e.target.value,
                  // Keep the level only if the new occupation certifies it.
                  level: next?.levels.some((l) => String(l.value) === v.level) ? v.level : '',
                }));
              }}
            >
              <option value="">{ct.choose}</option>
              {options.occupations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="level" label={L.level} error={errors.level} hint={occupation ? undefined : ct.levelFirst} required>
            <select {...bind('level')} className={inputClass} disabled={!occupation}>
              <option value="">{ct.choose}</option>
              {levels.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="providerId" label={L.providerId} error={errors.providerId} hint={providerFixed ? ct.providerFixed : undefined} required>
            <Combobox {...bind('providerId')} className={inputClass} disabled={providerFixed && options.providers.length === 1} options={options.providerPicks} empty={providerFixed ? undefined : ct.choose} />
          </Field>
          <Field name="durationDays" label={L.durationDays} error={errors.durationDays} hint={ct.durationHint}>
            <input {...bind('durationDays')} inputMode="numeric" className={inputClass} />
          </Field>
        </div>
        <Field name="summary" label={L.summary} error={errors.summary} hint={ct.summaryHint}>
          <textarea {...bind('summary')} rows={2} className={inputClass} />
        </Field>
      </fieldset>

      <fieldset className="mb-6 rounded-xl border border-line bg-white p-4">
        <legend className="px-1 text-xl font-bold">{ct.sections}</legend>
        <p className="mb-3 text-base text-muted">{ct.sectionHint}</p>
        {COURSE_SECTIONS.map((k) => (
          <Field key={k} name={k} label={L[k]} error={errors[k]} hint={required.has(k) ? '发布前必填' : admin.form.optional}>
            <textarea {...bind(k)} rows={SECTION_ROWS[k] ?? 3} className={inputClass} />
          </Field>
        ))}
      </fieldset>

      <SaveBar published={published} pending={form.pending} onSave={save} label={isNew ? ct.createSave : admin.form.save} />
    </form>
  );
}
