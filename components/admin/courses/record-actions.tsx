'use client';
/** Deleting a never-published draft (asked twice) and cloning a run to new dates. */
import { useRouter } from 'next/navigation';
import { useRecordVersion } from '@/components/admin/record-version';
import type { ActionResult } from '@/db/admin/result';
import { Button } from '@/components/ui/button';
import { ConfirmDelete } from '@/components/admin/confirm-delete';
import { ErrorSummary, Field, fieldId, inputClass, RefusalNotice, SavedNotice, useAdminForm } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { runCloneSchema } from '@/db/validation/admin/run';
import { CLONE_WORDS, ct } from './strings';

export function DeleteDraft({
  entity,
  id,
  version: fromServer,
  label,
  help,
  after,
  action,
}: {
  entity: 'course' | 'run';
  id: number;
  version: number;
  label: string;
  help: string;
  /** Where to go once deleted. */
  after: string;
  action: (input: { id: number; version: number }) => Promise<ActionResult<object>>;
}) {
  const router = useRouter();
  const [version] = useRecordVersion(entity, id, fromServer);
  return <ConfirmDelete label={label} question={ct.deleteConfirm} help={help} run={() => action({ id, version })} onDone={() => router.push(after)} />;
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
    words: CLONE_WORDS,
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
