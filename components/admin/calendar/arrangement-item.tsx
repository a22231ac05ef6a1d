'use client';
/**
 * One arrangement in the calendar list (春节: its days off and its make-up days), with 删除整段
 * for 管理员: every day of it goes in one step, one transaction and one audit entry, and only
 * if each day is still what this page showed.
 */
import { useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { Refusal } from '@/db/admin/result';
import type { Arrangement, CalendarDayRow } from '@/db/domain/calendar-range';
import { dateRuns } from '@/db/domain/calendar-range';
import { deleteCalendarRangeAction } from '@/app/admin/(console)/calendar/actions';
import { RefusalNotice } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { admin } from '../strings';
import { rangeText as t } from './strings';

export function ArrangementItem({
  group,
  canEdit,
  onDeleted,
  children,
}: {
  group: Arrangement<CalendarDayRow>;
  canEdit: boolean;
  /** Told the message once the days are gone (this item goes with them). */
  onDeleted: (message: string) => void;
  children: ReactNode;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const days = [...group.holidays, ...group.workdays];
  const headingId = `arr-${group.first}`;
  const runs = dateRuns(group.holidays.map((d) => d.date)).map(([a, b]) => (a === b ? a : `${a} 至 ${b}`));
  return (
    <li className="rounded-lg border border-line p-3" data-testid={`arrangement-${group.first}`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h3 id={headingId} className="flex-1 text-lg">
          {group.name}
          <span className="ml-2 text-base font-normal text-muted">
            {runs.join('、')}
            {runs.length > 0 ? ' · ' : ''}
            {t.groupSummary(group.holidays.length, group.workdays.length)}
          </span>
        </h3>
        {canEdit && days.length > 1 && !confirming && (
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {t.groupDelete(group.name)}
          </Button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby={`${headingId}-del`} className="mt-3 rounded-lg border-2 border-warn bg-warn-soft p-3">
          <RefusalNotice refusal={refusal} />
          <p id={`${headingId}-del`} className="font-bold">
            {t.groupDeleteConfirm(group.name, days.length)}
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button
              type="button"
              variant="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  setRefusal(null);
                  try {
                    const r = await deleteCalendarRangeAction({
                      name: group.name,
                      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday })),
                    });
                    if (r.ok) {
                      onDeleted(r.message ?? '');
                      setConfirming(false);
                      router.refresh();
                    } else setRefusal(r);
                  } catch {
                    setRefusal({ ok: false, code: 'error', message: admin.form.networkFailure });
                  }
                })
              }
            >
              {t.groupDeleteYes(days.length)}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t.cancelDelete}
            </Button>
          </div>
        </div>
      )}
      <div className="mt-2">{children}</div>
    </li>
  );
}
