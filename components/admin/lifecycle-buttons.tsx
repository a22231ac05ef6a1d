'use client';
/**
 * The lifecycle moves an actor may make on a record (提交审核, 发布, 退回修改, 撤回, 归档, 恢复),
 * each confirmed before it is sent. The server decides again; these are only the buttons.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, Refusal } from '@/db/admin/result';
import { TRANSITION_LABELS, type Transition } from '@/db/auth/permissions';
import { Button } from '@/components/ui/button';
import { RefusalNotice, SavedNotice } from './form';
import { admin } from './strings';

const HELP: Partial<Record<Transition, string>> = {
  publish: admin.lifecycle.publishHelp,
  withdraw: admin.lifecycle.withdrawHelp,
  archive: admin.lifecycle.archiveHelp,
};

export function LifecycleButtons({
  id,
  version,
  moves,
  action,
  labels,
}: {
  id: number;
  version: number;
  moves: Transition[];
  action: (input: { id: number; version: number; move: Transition }) => Promise<ActionResult<{ version: number }>>;
  labels?: Record<string, string>;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState<Transition | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (moves.length === 0 && !refusal && !done) return null;

  function run(move: Transition) {
    setAsking(null);
    start(async () => {
      const r = await action({ id, version, move }).catch(
        (): ActionResult<{ version: number }> => ({ ok: false, code: 'error', message: admin.form.networkFailure }),
      );
      if (r.ok) {
        setRefusal(null);
        setDone(admin.lifecycle.done(TRANSITION_LABELS[move]));
        router.refresh();
      } else {
        setDone(null);
        setRefusal(r);
      }
    });
  }

  return (
    <div>
      <SavedNotice message={done} />
      <RefusalNotice refusal={refusal} labels={labels} />
      {asking ? (
        <div role="alertdialog" aria-labelledby="lifecycle-confirm" className="rounded-lg border-2 border-brand bg-brand-soft p-4">
          <p id="lifecycle-confirm" className="font-bold">
            {admin.lifecycle.confirm(TRANSITION_LABELS[asking])}
          </p>
          {HELP[asking] && <p>{HELP[asking]}</p>}
          <div className="mt-3 flex flex-wrap gap-3">
            <Button type="button" onClick={() => run(asking)} disabled={pending}>
              {TRANSITION_LABELS[asking]}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(null)}>
              {admin.form.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          {moves.map((m) => (
            <Button key={m} type="button" variant={m === 'publish' ? 'primary' : 'secondary'} disabled={pending} onClick={() => setAsking(m)}>
              {TRANSITION_LABELS[m]}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
