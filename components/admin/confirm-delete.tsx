'use client';
/**
 * The one way the console deletes something: a red button, then a confirmation that names what
 * goes, then the action. A refusal (still in use, changed meanwhile, not allowed) is shown and
 * nothing changes; a network failure says so too.
 */
import { useId, useState, useTransition, type ReactNode } from 'react';
import type { ActionResult, Refusal } from '@/db/admin/result';
import { Button } from '@/components/ui/button';
import { RefusalNotice } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';

export function ConfirmDelete({
  label,
  question,
  help,
  run,
  onDone,
}: {
  /** The red button; may carry an sr-only part naming the record. */
  label: ReactNode;
  /** The confirmation, naming what will be deleted. */
  question: string;
  help?: string;
  run: () => Promise<ActionResult<object>>;
  onDone: () => void;
}) {
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const r = await run().catch((): ActionResult<object> => ({ ok: false, code: 'error', message: admin.form.networkFailure }));
      setAsking(false);
      if (r.ok) {
        setRefusal(null);
        onDone();
      } else setRefusal(r);
    });
  return (
    <div>
      <RefusalNotice refusal={refusal} />
      {help && <p className="mb-3 text-base text-muted">{help}</p>}
      {asking ? (
        <div role="alertdialog" aria-labelledby={headingId} className="w-full rounded-lg border-2 border-bad bg-bad-soft p-4">
          <p id={headingId} className="font-bold">
            {question}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button type="button" variant="danger" disabled={pending} onClick={confirm}>
              {admin.form.confirmDelete}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              {admin.form.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          variant="danger"
          onClick={() => {
            setRefusal(null);
            setAsking(true);
          }}
        >
          {label}
        </Button>
      )}
    </div>
  );
}
