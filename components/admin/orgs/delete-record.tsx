'use client';
/**
 * Deleting a provider or a place: a red button, then a confirmation naming the record. The
 * server refuses (and says what still uses it) when something does; then nothing changes.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, Refusal } from '@/db/admin/result';
import { Button } from '@/components/ui/button';
import { RefusalNotice } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { orgText } from './strings';

export function DeleteRecord({
  id,
  version,
  help,
  button,
  confirm,
  after,
  action,
}: {
  id: number;
  version: number;
  help: string;
  button: string;
  confirm: string;
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
      <p className="mb-3 text-base text-muted">{help}</p>
      {asking ? (
        <div role="alertdialog" aria-labelledby={`delete-${id}`} className="rounded-lg border-2 border-bad bg-bad-soft p-4">
          <p id={`delete-${id}`} className="font-bold">
            {confirm}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button
              type="button"
              variant="danger"
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
              {orgText.delete.yes}
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
          {button}
        </Button>
      )}
    </div>
  );
}
