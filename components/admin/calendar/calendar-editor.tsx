'use client';
/**
 * The calendar of one year: the arrangements (春节, 国庆节 …) with their days, each arrangement
 * deleted in one step and each day edited or deleted on its own (管理员), and the one-step form
 * to enter an arrangement (./range-form.tsx). Every form checks with the same schema the server
 * action uses.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { CalendarRow } from '@/db/admin/calendar';
import type { Refusal } from '@/db/admin/result';
import { WEEKDAY_NAMES } from '@/db/domain/calendar';
import { CALENDAR_FIELD_LABELS, calendarEditSchema } from '@/db/validation/admin/calendar';
import { deleteCalendarDayAction, updateCalendarDayAction } from '@/app/admin/(console)/calendar/actions';
import type { CalendarDayRow } from '@/db/domain/calendar-range';
import { groupArrangements } from '@/db/domain/calendar-range';
import { ErrorSummary, Field, RefusalNotice, SavedNotice, fieldId, inputClass, useAdminForm } from '@/components/admin/form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { calendarText as t } from './strings';
import { ArrangementItem } from './arrangement-item';
import { RangeForm } from './range-form';
import { admin } from '../strings';

type DayValues = { date: string; kind: string; name: string; asWeekday: string };

function DayFields({
  form,
  prefix,
}: {
  form: ReturnType<typeof useAdminForm<{ date: string }, DayValues & Record<string, unknown>>>;
  prefix: string;
}) {
  const { values, errors, bind, set } = form;
  const name = (n: string) => `${prefix}${n}`;
  const b = (n: keyof DayValues) => ({ ...bind(n), id: fieldId(name(n)), 'aria-describedby': errors[n] ? `${fieldId(name(n))}-error` : undefined });
  return (
    <>
      <Field name={name('date')} label={t.fields.date} hint={t.fields.dateHint} error={errors.date} required>
        <input type="date" min="2020-01-01" max="2035-12-31" className={inputClass} {...b('date')} />
      </Field>
      <fieldset className="mb-4" aria-describedby={errors.kind ? `${fieldId(name('kind'))}-error` : undefined}>
        <legend className="font-medium">{t.fields.kind}</legend>
        {errors.kind && (
          <p id={`${fieldId(name('kind'))}-error`} className="font-medium text-bad">
            {errors.kind}
          </p>
        )}
        <div className="mt-1 flex flex-wrap gap-3" id={fieldId(name('kind'))} tabIndex={-1}>
          {(['holiday', 'workday'] as const).map((k) => (
            <label key={k} className="inline-flex min-h-12 items-center gap-2 rounded-lg border-2 border-line bg-white px-3">
              <input
                type="radio"
                name={name('kind')}
                value={k}
                checked={values.kind === k}
                onChange={() => set('kind', k)}
                className="h-5 w-5"
              />
              {t.kinds[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field name={name('name')} label={t.fields.name} hint={t.fields.nameHint} error={errors.name} required>
        <input className={inputClass} maxLength={40} {...b('name')} />
      </Field>
      {values.kind === 'workday' && (
        <Field name={name('asWeekday')} label={t.fields.asWeekday} hint={t.fields.asWeekdayHint} error={errors.asWeekday} required>
          <select className={inputClass} {...b('asWeekday')}>
            <option value="">{t.choose}</option>
            {[1, 2, 3, 4, 5].map((d) => (
              <option key={d} value={String(d)}>
                {t.weekdayOption(WEEKDAY_NAMES[d]!)}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}

/** Field errors link to the prefixed fields of this form; other refusals show as they are. */
function Summary({ refusal, errors, prefix, labels }: { refusal: Refusal | null; errors: Record<string, string>; prefix: string; labels: Record<string, string> }) {
  if (refusal?.code === 'invalid' && Object.keys(errors).length > 0) {
    const prefixed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
    return <ErrorSummary errors={prefixed} labels={labels} />;
  }
  return <RefusalNotice refusal={refusal} />;
}

function DayRow({ row, canEdit }: { row: CalendarRow; canEdit: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [deleting, startDelete] = useTransition();
  const [deleteRefusal, setDeleteRefusal] = useState<Refusal | null>(null);
  const seen = { kind: row.kind, name: row.name, asWeekday: row.asWeekday };
  const form = useAdminForm<{ date: string }, DayValues & Record<string, unknown>>({
    initial: { date: row.date, kind: row.kind, name: row.name, asWeekday: row.asWeekday ? String(row.asWeekday) : '1', originalDate: row.date, seen },
    schema: calendarEditSchema,
    action: (v) => updateCalendarDayAction({ ...v, originalDate: row.date, seen }),
    onSuccess: () => setMode('view'),
  });
  const prefix = `edit-${row.date}-`;
  const labels = Object.fromEntries(Object.entries(CALENDAR_FIELD_LABELS).map(([k, v]) => [`${prefix}${k}`, v]));

  return (
    <li className="border-b border-line py-3 last:border-b-0" data-testid={`calendar-row-${row.date}`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="min-w-40 font-bold">
          {row.date}（{row.weekday}）
        </p>
        <Badge tone={row.kind === 'holiday' ? 'warn' : 'info'}>{row.kindLabel}</Badge>
        <p className="flex-1">
          {row.name}
          {row.kind === 'workday' && row.asWeekday ? <span className="text-muted">，{t.asWeekdayText(WEEKDAY_NAMES[row.asWeekday]!)}</span> : null}
        </p>
        {canEdit && mode === 'view' && (
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={() => setMode('edit')} aria-label={`${t.edit} ${row.date}`}>
              {t.edit}
            </Button>
            <Button type="button" variant="danger" onClick={() => setMode('delete')} aria-label={`${t.del} ${row.date}`}>
              {t.del}
            </Button>
          </div>
        )}
      </div>
      {mode === 'edit' && (
        <form
          noValidate
          className="mt-3 rounded-lg border-2 border-brand/40 bg-page p-3"
          aria-label={t.editTitle(row.date)}
          onSubmit={(e) => {
            e.preventDefault();
            form.submit();
          }}
        >
          <Summary refusal={form.refusal} errors={form.errors} prefix={prefix} labels={labels} />
          <DayFields form={form} prefix={prefix} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={form.pending}>
              {t.saveEdit}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode('view')}>
              {t.cancel}
            </Button>
          </div>
        </form>
      )}
      {mode === 'delete' && (
        <div role="alertdialog" aria-labelledby={`del-${row.date}`} className="mt-3 rounded-lg border-2 border-warn bg-warn-soft p-3">
          <RefusalNotice refusal={deleteRefusal} />
          <p id={`del-${row.date}`} className="font-bold">
            {t.delConfirm(row.date, row.name)}
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button
              type="button"
              disabled={deleting}
              onClick={() =>
                startDelete(async () => {
                  try {
                    const r = await deleteCalendarDayAction({ date: row.date, seen });
                    if (r.ok) router.refresh();
                    else setDeleteRefusal(r);
                  } catch {
                    setDeleteRefusal({ ok: false, code: 'error', message: admin.form.networkFailure });
                  }
                })
              }
            >
              {t.delYes}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode('view')}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

export function CalendarEditor({
  year,
  rows,
  known,
  canEdit,
  summary,
}: {
  year: number;
  rows: CalendarRow[];
  /** Every day of the calendar, so the form can show overlaps before it is sent (管理员 only). */
  known: readonly CalendarDayRow[];
  canEdit: boolean;
  summary: string;
}) {
  const groups = groupArrangements(rows);
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <div className="grid gap-5 lg:grid-cols-[1fr_24rem] lg:items-start">
      <section aria-labelledby="calendar-list" className="rounded-xl border border-line bg-white p-4">
        <h2 id="calendar-list" className="text-xl">
          {t.listTitle(year)}
        </h2>
        <p className="text-base text-muted">{summary}</p>
        <SavedNotice message={deleted} />
        {rows.length === 0 ? (
          <div className="mt-3">
            <p className="font-medium">{t.empty(year)}</p>
            <p className="text-base text-muted">{t.emptyHelp}</p>
          </div>
        ) : (
          <ul className="mt-2 space-y-4">
            {groups.map((g) => (
              <ArrangementItem key={`${g.first}-${g.name}`} group={g} canEdit={canEdit} onDeleted={setDeleted}>
                <ul>
                  {[...g.holidays, ...g.workdays]
                    .sort((a, b) => a.date.localeCompare(b.date))
                    .map((r) => (
                      <DayRow key={`${r.date}-${r.kind}-${r.name}-${r.asWeekday}`} row={r} canEdit={canEdit} />
                    ))}
                </ul>
              </ArrangementItem>
            ))}
          </ul>
        )}
      </section>
      {canEdit && <RangeForm known={known} />}
    </div>
  );
}
