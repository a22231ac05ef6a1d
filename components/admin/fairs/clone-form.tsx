'use client';
/** "复制为新招聘会": a new draft at new dates, employers and positions copied; then opens it. */
import { useRouter } from 'next/navigation';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { fairCloneSchema } from '@/db/validation/admin/fair';
import type { AdminAction } from '@/db/admin/result';
import { fairAdmin } from './strings';

const t = fairAdmin.cloneForm;
const LABELS = { title: t.newTitle, startsAt: t.startsAt, endsAt: t.endsAt };

type Values = { id: string; title: string; startsAt: string; endsAt: string };

export function CloneForm({ initial, action }: { initial: Values; action: AdminAction<{ id: number }, Values> }) {
  const router = useRouter();
  const f = useAdminForm<{ id: number }, Values & Record<string, unknown>>({
    initial,
    schema: fairCloneSchema,
    action,
    refresh: false,
    onSuccess: (r) => router.push(`/admin/fairs/${r.id}`),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        f.submit();
      }}
    >
      {f.refusal && f.refusal.code !== 'invalid' ? <RefusalNotice refusal={f.refusal} /> : <ErrorSummary errors={f.errors} labels={LABELS} />}
      <SavedNotice message={f.saved} />
      <Field name="title" label={t.newTitle} error={f.errors.title} required>
        <input {...f.bind('title')} className={inputClass} maxLength={100} />
      </Field>
      <p className="mb-2 text-base text-muted">{t.hint}</p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="startsAt" label={t.startsAt} error={f.errors.startsAt} required>
          <input {...f.bind('startsAt')} type="datetime-local" className={inputClass} />
        </Field>
        <Field name="endsAt" label={t.endsAt} error={f.errors.endsAt} required>
          <input {...f.bind('endsAt')} type="datetime-local" className={inputClass} />
        </Field>
      </div>
      <SaveBar published={false} pending={f.pending} onSave={() => f.submit()} label={t.submit} />
    </form>
  );
}
