'use client';
/** Deleting a never-published draft (asked twice) and cloning a run to new dates. */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, Refusal } from '@/db/admin/result';
import { Button } from '@/components/ui/button';
import { ErrorSummary, Field, fieldId, inputClass, RefusalNotice, SavedNotice, useAdminForm } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { runCloneSchema } from '@/db/validation/admin/run';
import { ct } from './strings';

export function DeleteDraft({
  id,
  version,
  label,
  help,
  after,
  action,
}: {
  id: number;
  version: number;
  label: string;
  help: string;
  /** Where to go once deleted. */
  after: string;
  action: (input: { id: number; version: number }) => Promise<ActionResult<object>>;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  return (
    <div>
      <RefusalNotice refusal={refusal} />
      <p className="mb-2 text-base text-muted">{help}</p>
      {asking ? (
        <div role="alertdialog" aria-labelledby={`delete-${id}`} className="rounded-lg border-2 border-bad bg-bad-soft p-4">
          <p id={`delete-${id}`} className="font-bold">
            {ct.deleteConfirm}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button
              type="button"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await action({ id, version }).catch((): ActionResult<object> => ({ ok: false, code: 'error', message: admin.form.networkFailure }));
                  if (r.ok) router.push(after);
                  else {
                    setAsking(false);
                    setRefusal(r);
                  }
                })
              }
            >
              {ct.deleteYes}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              {admin.form.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="danger" onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
    </div>
  );
}

type CloneValues = { id: number; startDate: string; label: string };

export function CloneRun({
  id,
  courseId,
  initial,
  action,
}: {
  id: number;
  courseId: number;
  initial: { startDate: string; label: string };
  action: (input: CloneValues) => Promise<ActionResult<{ id: number }>>;
}) {
  const router = useRouter();
  const form = useAdminForm<{ id: number }, CloneValues>({
    initial: { id, ...initial },
    schema: runCloneSchema,
    action,
    refresh: false,
    onSuccess: (r) => router.push(`/admin/courses/${courseId}/runs/${r.id}?created=1`),
  });
  // Field ids carry a clone- prefix: the run form on the same page has its own startDate and label.
  const labels = { 'clone-startDate': ct.cloneStart, 'clone-label': ct.cloneLabel };
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`clone-${k}`, v]));
  const control = (name: 'startDate' | 'label') => ({
    ...form.bind(name),
    id: fieldId(`clone-${name}`),
    'aria-describedby': form.errors[name] ? `${fieldId(`clone-${name}`)}-error` : undefined,
  });
  return (
    <form
      noValidate
      aria-label={ct.clone}
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      {form.refusal?.code === 'invalid' && Object.keys(errors).length > 0 ? (
        <ErrorSummary errors={errors} labels={labels} title={form.refusal.message} />
      ) : (
        <RefusalNotice refusal={form.refusal} labels={labels} />
      )}
      <SavedNotice message={form.saved ? ct.cloneDone : null} />
      <p className="mb-3 text-base text-muted">{ct.cloneHelp}</p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="clone-startDate" label={ct.cloneStart} error={form.errors.startDate} required>
          <input {...control('startDate')} type="date" className={inputClass} />
        </Field>
        <Field name="clone-label" label={ct.cloneLabel} error={form.errors.label} required>
          <input {...control('label')} className={inputClass} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {form.pending ? admin.form.saving : ct.clone}
      </Button>
    </form>
  );
}
