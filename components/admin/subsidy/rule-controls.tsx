'use client';
/**
 * The list's small buttons for one rule: move up / down and activate / deactivate. Each sends
 * the version shown; a refusal (changed meanwhile, not allowed) is shown under the buttons.
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult, Refusal } from '@/db/admin/result';
import { Button } from '@/components/ui/button';
import { RefusalNotice } from '@/components/admin/form';
import { admin } from '@/components/admin/strings';
import { subsidyText } from '@/components/subsidy/strings';

const t = subsidyText.admin;

export function RuleControls({
  id,
  version,
  title,
  active,
  first,
  last,
  move,
  setActive,
}: {
  id: number;
  version: number;
  title: string;
  active: boolean;
  first: boolean;
  last: boolean;
  move: (input: { id: number; version: number; direction: 'up' | 'down' }) => Promise<ActionResult<object>>;
  setActive: (input: { id: number; version: number; active: boolean }) => Promise<ActionResult<object>>;
}) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  const run = (f: () => Promise<ActionResult<object>>) =>
    start(async () => {
      const r = await f().catch((): ActionResult<object> => ({ ok: false, code: 'error', message: admin.form.networkFailure }));
      if (r.ok) {
        setRefusal(null);
        router.refresh();
      } else setRefusal(r);
    });
  const named = <span className="sr-only">{t.ruleName(title)}</span>;
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={pending || first} onClick={() => run(() => move({ id, version, direction: 'up' }))}>
          ↑ {t.moveUp}
          {named}
        </Button>
        <Button type="button" variant="secondary" disabled={pending || last} onClick={() => run(() => move({ id, version, direction: 'down' }))}>
          ↓ {t.moveDown}
          {named}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => setActive({ id, version, active: !active }))}>
          {active ? t.deactivate : t.activate}
          {named}
        </Button>
      </div>
      {refusal && (
        <div className="mt-2">
          <RefusalNotice refusal={refusal} onReload={() => router.refresh()} />
        </div>
      )}
    </div>
  );
}
