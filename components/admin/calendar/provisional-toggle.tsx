'use client';
/**
 * 管理员's switch for one year's "暂定" flag: clear it once the State Council's notice has been
 * entered day by day (residents then stop seeing «尚未公布，按往年惯例预估»), or set it again.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { Refusal } from '@/db/admin/result';
import { setCalendarYearProvisionalAction } from '@/app/admin/(console)/calendar/actions';
import { RefusalNotice, SavedNotice } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { calendarText as t } from './strings';
import { admin } from '../strings';

export function ProvisionalToggle({ year, provisional }: { year: number; provisional: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="mt-3">
      <RefusalNotice refusal={refusal} />
      <SavedNotice message={saved} />
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setRefusal(null);
            try {
              const r = await setCalendarYearProvisionalAction({ year, provisional: !provisional });
              if (r.ok) {
                setSaved(r.message ?? null);
                router.refresh();
              } else setRefusal(r);
            } catch {
              setRefusal({ ok: false, code: 'error', message: admin.form.networkFailure });
            }
          })
        }
      >
        {provisional ? t.markOfficial(year) : t.markProvisional(year)}
      </Button>
    </div>
  );
}
