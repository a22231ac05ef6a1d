'use client';
/**
 * One service's 办理需带 (one item a line) and 手机可办 with its note. Checked in the browser with
 * the schema the server action uses; what was typed stays after a refusal; saving reaches every
 * station page at once, so the save asks to confirm.
 */
import { useRecordVersion } from '@/components/admin/record-version';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { Section } from '@/components/admin/orgs/provider-form';
import type { AdminAction } from '@/db/admin/result';
import { MATERIALS_MAX, materialLines, serviceUpdateSchema } from '@/db/validation/admin/service';
import { SERVICE_WORDS, serviceAdmin as t } from './strings';

export type ServiceFormValues = { materials: string; online: boolean; onlineNote: string };

type Ref = { id: number; version: number };
type Sent = ServiceFormValues & Partial<Ref>;

const box = 'size-6 shrink-0 accent-[var(--color-brand)]';

export function ServiceForm({ id, version: fromServer, initial, action }: Ref & { initial: ServiceFormValues; action: AdminAction<{ version: number }, Sent> }) {
  const [version, sawVersion] = useRecordVersion('service', id, fromServer);
  const form = useAdminForm<{ version: number }, ServiceFormValues & Record<string, unknown>, Ref>({
    initial,
    onSuccess: (r) => sawVersion(r.version),
    schema: serviceUpdateSchema,
    words: SERVICE_WORDS,
    action,
    // The materials are one per line in the form, a list in the data.
    toFormValue: (field, value) => (field === 'materials' && Array.isArray(value) ? value.join('\n') : undefined),
  });
  const { bind, errors, refusal, saved, pending, values, set } = form;
  const items = materialLines(values.materials);
  const preview = Array.isArray(items) ? (items as string[]) : [];

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      {refusal && refusal.code !== 'invalid' ? <RefusalNotice refusal={refusal} labels={t.fieldLabels} /> : <ErrorSummary errors={errors} labels={t.fieldLabels} />}
      <SavedNotice message={saved} />

      <Section title={t.materialsHeading}>
        <Field name="materials" label={t.materials} hint={t.materialsHint} error={errors.materials}>
          <textarea {...bind('materials')} className={inputClass} rows={Math.min(MATERIALS_MAX, Math.max(4, preview.length + 1))} />
        </Field>
        {preview.length > 0 && (
          <div className="text-base" data-testid="materials-preview">
            <p className="text-muted">{t.preview}</p>
            <p>
              <span className="font-bold">{t.materialsHeading}：</span>
              {preview.join('、')}
            </p>
          </div>
        )}
      </Section>

      <Section title={t.onlineHeading}>
        <label className="flex min-h-12 cursor-pointer items-center gap-3">
          <input type="checkbox" name="online" checked={values.online} onChange={(e) => set('online', e.target.checked)} className={box} />
          {t.online}
        </label>
        {values.online && (
          <Field name="onlineNote" label={t.onlineNote} hint={t.onlineNoteHint} error={errors.onlineNote}>
            <input {...bind('onlineNote')} className={inputClass} maxLength={60} autoComplete="off" />
          </Field>
        )}
      </Section>

      <SaveBar published pending={pending} onSave={() => form.submit({ id, version })} />
    </form>
  );
}
