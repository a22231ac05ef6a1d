'use client';
/** The 确认导入 / 放弃 buttons of a preview, and the result once the import is written. */
import { useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { Refusal } from '@/db/admin/result';
import { Button } from '@/components/ui/button';
import { RefusalNotice } from '@/components/admin/form';
import { confirmImport, discardImport } from '@/app/admin/(console)/spreadsheets/import/actions';
import { sheets } from './strings';

export function ConfirmImport({ token, help, live }: { token: string; help: string; live: string | null }) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const [pending, start] = useTransition();

  function run(which: 'confirm' | 'discard') {
    setRefusal(null);
    start(async () => {
      try {
        const r = which === 'confirm' ? await confirmImport({ token }) : await discardImport({ token });
        if (!r.ok) return setRefusal(r);
        if (which === 'discard') setDiscarded(true);
        router.refresh();
      } catch {
        setRefusal({ ok: false, code: 'error', message: sheets.import.networkError });
      }
    });
  }

  if (discarded) {
    return (
      <div role="status" className="rounded-lg border-l-4 border-brand bg-brand-soft px-4 py-3">
        <p className="font-bold">{sheets.preview.discarded}</p>
        <p className="mt-2">
          <Link href="/admin/spreadsheets/import">{sheets.result.another}</Link>
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="confirm-heading" className="rounded-xl border-2 border-brand bg-white p-4">
      <h2 id="confirm-heading" className="text-xl">
        {sheets.preview.confirmHeading}
      </h2>
      <p className="mt-1">{help}</p>
      {live && <p className="mt-1 font-medium text-warn">{live}</p>}
      <div className="mt-3">
        <RefusalNotice refusal={refusal} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => run('confirm')}>
          {pending ? sheets.preview.confirming : sheets.preview.confirm}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run('discard')}>
          {sheets.preview.discard}
        </Button>
      </div>
    </section>
  );
}
