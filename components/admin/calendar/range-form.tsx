'use client';
/**
 * 登记放假或调休 in one step: a name, a range of days off (or of make-up days), and the range's
 * 调休上班 days. Before it is sent the form lists what it will write and which of those days are
 * already in the calendar; those are replaced only when the admin ticks that they should be.
 *
 * Every value is held in this form's state and nothing re-keys it: a save that answers while the
 * admin is already typing the next range clears only what was saved, never what was typed since
 * (that was how choosing 调休上班 right after typing a date blanked the date).
 */
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import type { CalendarDayRow } from '@/db/domain/calendar-range';
import { expandRange, overlapsOf, rangeProblems } from '@/db/domain/calendar-range';
import { isDateString, WEEKDAY_NAMES, weekdayOf } from '@/db/domain/calendar';
import { CALENDAR_KIND_LABELS, calendarRangeSchema } from '@/db/validation/admin/calendar';
import { saveCalendarRangeAction } from '@/app/admin/(console)/calendar/actions';
import { ErrorSummary, Field, RefusalNotice, SavedNotice, fieldId, inputClass, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { CALENDAR_RANGE_WORDS, calendarText, rangeText as t } from './strings';

type Makeup = { date: string; asWeekday: string };
type RangeValues = { name: string; kind: 'holiday' | 'workday'; from: string; to: string; asWeekday: string; makeup: Makeup[]; replaceOk: boolean };

const EMPTY: RangeValues = { name: '', kind: 'holiday', from: '', to: '', asWeekday: '1', makeup: [], replaceOk: false };

/** The rows the values would write, when they are complete enough to say (else null). */
function preview(v: RangeValues): CalendarDayRow[] | null {
  const to = v.to === '' ? v.from : v.to;
  if (v.name.trim() === '' || !isDateString(v.from) || !isDateString(to)) return null;
  const makeup = v.kind === 'holiday' ? v.makeup.filter((m) => isDateString(m.date)).map((m) => ({ date: m.date, asWeekday: Number(m.asWeekday) || 1 })) : [];
  if (rangeProblems({ kind: v.kind, from: v.from, to, makeup }).length > 0) return null;
  return expandRange({ name: v.name.trim(), kind: v.kind, from: v.from, to, asWeekday: Number(v.asWeekday) || 1, makeup });
}

function WeekdaySelect({ id, value, onChange, invalid, describedBy }: { id: string; value: string; onChange: (v: string) => void; invalid: boolean; describedBy?: string }) {
  return (
    <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
      <option value="">{calendarText.choose}</option>
      {[1, 2, 3, 4, 5].map((d) => (
        <option key={d} value={String(d)}>
          {calendarText.weekdayOption(WEEKDAY_NAMES[d]!)}
        </option>
      ))}
    </select>
  );
}

export function RangeForm({ known }: { known: readonly CalendarDayRow[] }) {
  const router = useRouter();
  const form = useAdminForm<{ from: string }, RangeValues, { replace: CalendarDayRow[] }>({
    initial: EMPTY,
    schema: calendarRangeSchema,
    words: CALENDAR_RANGE_WORDS,
    action: (input) => saveCalendarRangeAction(input),
    // Clear what was saved, and only if it is still on screen: what was typed after pressing 登记 stays.
    onSuccess: (_r, sent) =>
      form.setValues((v) =>
        v.from === sent.from && v.to === sent.to && v.name === sent.name && JSON.stringify(v.makeup) === JSON.stringify(sent.makeup) ? { ...EMPTY, kind: v.kind } : { ...v, replaceOk: false },
      ),
  });
  const { values: v, errors, set, bind } = form;
  const planned = preview(v);
  const overlaps = planned ? overlapsOf(planned, known) : [];
  const err = (path: string) => (errors[path] ? `${fieldId(path)}-error` : undefined);
  // From the state as it is when the change lands, not as it was at the last render.
  const setMakeup = (i: number, patch: Partial<Makeup>) => form.setValues((p) => ({ ...p, makeup: p.makeup.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));

  function submit() {
    form.submit({ replace: v.replaceOk ? overlaps : [] });
  }
  // Refused for overlaps: fetch the calendar again, so days someone else entered meanwhile show too.
  const overlapRefused = form.refusal?.code === 'invalid' && errors.overlaps !== undefined;
  useEffect(() => {
    if (overlapRefused) router.refresh();
  }, [overlapRefused, router]);

  return (
    <section aria-labelledby="add-range" className="order-first rounded-xl border border-line bg-white p-4 lg:order-none">
      <h2 id="add-range" className="text-xl">
        {t.title}
      </h2>
      <p className="mb-3 text-base text-muted">{t.help}</p>
      <SavedNotice message={form.saved} />
      {form.refusal?.code === 'invalid' && Object.keys(errors).length > 0 ? (
        <ErrorSummary errors={errors} labels={{ ...CALENDAR_RANGE_WORDS.labels, overlaps: '' }} />
      ) : (
        <RefusalNotice refusal={form.refusal} />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field name="name" label={t.fields.name} hint={t.fields.nameHint} error={errors.name} required>
          <input className={inputClass} maxLength={40} {...bind('name')} />
        </Field>
        <fieldset className="mb-4" aria-describedby={err('kind')}>
          <legend className="font-medium">{t.fields.kind}</legend>
          <div className="mt-1 flex flex-wrap gap-3" id={fieldId('kind')} tabIndex={-1}>
            {(['holiday', 'workday'] as const).map((k) => (
              <label key={k} className="inline-flex min-h-12 items-center gap-2 rounded-lg border-2 border-line bg-white px-3">
                <input type="radio" name="kind" value={k} checked={v.kind === k} onChange={() => set('kind', k)} className="h-5 w-5" />
                {t.kinds[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-x-3 sm:grid-cols-2 lg:grid-cols-1">
          <Field name="from" label={t.fields.from} hint={t.fields.fromHint} error={errors.from} required>
            <input type="date" min="2020-01-01" max="2035-12-31" className={inputClass} {...bind('from')} />
          </Field>
          <Field name="to" label={t.fields.to} hint={t.fields.toHint} error={errors.to}>
            <input type="date" min="2020-01-01" max="2035-12-31" className={inputClass} {...bind('to')} />
          </Field>
        </div>
        {v.kind === 'workday' ? (
          <Field name="asWeekday" label={t.fields.asWeekday} hint={t.fields.asWeekdayHint} error={errors.asWeekday} required>
            <WeekdaySelect id={fieldId('asWeekday')} value={v.asWeekday} onChange={(x) => set('asWeekday', x)} invalid={!!errors.asWeekday} describedBy={err('asWeekday')} />
          </Field>
        ) : (
          <fieldset className="mb-4">
            <legend className="font-medium">{t.fields.makeup}</legend>
            <p className="text-base text-muted">{t.fields.makeupHint}</p>
            <ol className="mt-2 space-y-3">
              {v.makeup.map((m, i) => (
                <li key={i} className="rounded-lg border border-line p-3">
                  <Field name={`makeup.${i}.date`} label={t.fields.makeupDate(i + 1)} error={errors[`makeup.${i}.date`]} required>
                    <input
                      type="date"
                      min="2020-01-01"
                      max="2035-12-31"
                      id={fieldId(`makeup.${i}.date`)}
                      className={inputClass}
                      value={m.date}
                      onChange={(e) => setMakeup(i, { date: e.target.value })}
                      aria-invalid={errors[`makeup.${i}.date`] ? true : undefined}
                      aria-describedby={err(`makeup.${i}.date`)}
                    />
                  </Field>
                  <Field name={`makeup.${i}.asWeekday`} label={t.fields.makeupWeekday(i + 1)} error={errors[`makeup.${i}.asWeekday`]} required>
                    <WeekdaySelect
                      id={fieldId(`makeup.${i}.asWeekday`)}
                      value={m.asWeekday}
                      onChange={(x) => setMakeup(i, { asWeekday: x })}
                      invalid={!!errors[`makeup.${i}.asWeekday`]}
                      describedBy={err(`makeup.${i}.asWeekday`)}
                    />
                  </Field>
                  <Button type="button" variant="secondary" onClick={() => form.setValues((p) => ({ ...p, makeup: p.makeup.filter((_, j) => j !== i) }))}>
                    {t.removeMakeup(i + 1)}
                  </Button>
                </li>
              ))}
            </ol>
            {v.makeup.length < 6 && (
              <Button type="button" variant="secondary" className="mt-2" onClick={() => form.setValues((p) => ({ ...p, makeup: [...p.makeup, { date: '', asWeekday: '1' }] }))}>
                {t.addMakeup}
              </Button>
            )}
          </fieldset>
        )}
        {planned && <Plan rows={planned} />}
        {overlaps.length > 0 && (
          <div id={fieldId('overlaps')} tabIndex={-1} className="mb-4 rounded-lg border-2 border-warn bg-warn-soft p-3" data-testid="range-overlaps">
            <p className="font-bold">{t.overlapTitle(overlaps.length)}</p>
            <ul className="mt-1 list-disc pl-6">
              {overlaps.map((o) => (
                <li key={o.date}>{t.overlapItem(o.date, CALENDAR_KIND_LABELS[o.kind], o.name)}</li>
              ))}
            </ul>
            <label className="mt-2 flex min-h-12 items-center gap-2 font-medium">
              <input type="checkbox" className="h-5 w-5" checked={v.replaceOk} onChange={(e) => set('replaceOk', e.target.checked)} />
              {t.overlapReplace}
            </label>
            <p className="text-base">{t.overlapHelp}</p>
          </div>
        )}
        <Button type="submit" disabled={form.pending}>
          {form.pending ? '…' : t.submit}
        </Button>
      </form>
    </section>
  );
}

/** What the entry will write, in words, before it is sent. */
function Plan({ rows }: { rows: CalendarDayRow[] }) {
  const off = rows.filter((r) => r.kind === 'holiday');
  const work = rows.filter((r) => r.kind === 'workday');
  return (
    <div className="mb-4 rounded-lg bg-page p-3" data-testid="range-plan" aria-live="polite">
      <p className="font-medium">{t.willWrite}</p>
      <ul className="list-disc pl-6">
        {off.length > 0 && <li>{t.willWriteHoliday(off[0]!.date, off[off.length - 1]!.date, off.length)}</li>}
        {work.map((w) => (
          <li key={w.date}>{t.willWriteWorkday(w.date, WEEKDAY_NAMES[weekdayOf(w.date)]!, WEEKDAY_NAMES[w.asWeekday ?? 1]!)}</li>
        ))}
      </ul>
    </div>
  );
}
