'use client';
/**
 * The weekly hours editor: per weekday, any number of sessions (a lunch break is two), for the
 * station and — when it keeps its own — the staffed counter, in force from a chosen day (today
 * unless changed; the days before keep their hours). Saved as a whole with the station's
 * version, so two people editing at once cannot silently overwrite each other.
 */
import { Fragment, useState } from 'react';
import { Field, SaveBar, SavedNotice, fieldId, inputClass, useAdminForm, type Values } from '@/components/admin/form';
import { monthDay } from '@/db/domain/calendar';
import { Button } from '@/components/ui/button';
import { WEEKDAY_NAMES } from '@/db/domain/calendar';
import type { ActionResult } from '@/db/admin/result';
import { hoursSchema, type SessionInput, type WeekInput } from '@/db/validation/admin/station';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { useRecordVersion } from '../record-version';
import { FormProblems } from './problems';

export type HoursValues = Values & { id: number; version: number; station: WeekInput; counterSeparate: boolean; counter: WeekInput; effectiveFrom: string };

/** A week already decided for a later day: its first day, the form's values and what it changes. */
export type ScheduledWeek = { from: string; station: WeekInput; counterSeparate: boolean; counter: WeekInput; text: string };
type Scope = 'station' | 'counter';

/** 'station.0.1.opens' → '周一第 2 段开门' (for the error summary). */
function labelsFor(values: HoursValues): Record<string, string> {
  const out: Record<string, string> = { ...STATION_FIELD_LABELS, counterSeparate: t.hours.counter, effectiveFrom: t.hours.effectiveFrom };
  for (const scope of ['station', 'counter'] as const) {
    values[scope].forEach((day, d) =>
      day.forEach((_, i) => {
        const prefix = `${scope === 'counter' ? t.hours.counter : ''}${WEEKDAY_NAMES[d + 1]}`;
        out[`${scope}.${d}.${i}.opens`] = t.hours.sessionLabel(prefix, i + 1, t.hours.opens);
        out[`${scope}.${d}.${i}.closes`] = t.hours.sessionLabel(prefix, i + 1, t.hours.closes);
      }),
    );
  }
  return out;
}

export function HoursEditor({
  initial,
  today,
  scheduled,
  published,
  action,
}: {
  initial: HoursValues;
  /** Beijing today, from the server: the earliest day a change may take effect. */
  today: string;
  scheduled: ScheduledWeek[];
  published: boolean;
  action: (input: HoursValues) => Promise<ActionResult<{ version: number; effectiveFrom: string }>>;
}) {
  const [version, setVersion] = useRecordVersion('station', initial.id, initial.version);
  const [saved, setSaved] = useState<{ from: string | null; unchanged: boolean }>({ from: null, unchanged: false });
  const f = useAdminForm<{ version: number; effectiveFrom: string; unchanged?: true }, HoursValues>({
    initial,
    schema: hoursSchema,
    action,
    onSuccess: (r) => {
      setVersion(r.version);
      setSaved({ from: r.effectiveFrom > today ? r.effectiveFrom : null, unchanged: r.unchanged === true });
    },
  });
  const v = f.values;
  const from = v.effectiveFrom || today;
  const editing = scheduled.find((w) => w.from === from) ?? null;
  const replaced = scheduled.filter((w) => w.from >= from && w.from !== editing?.from);
  function editScheduled(w: ScheduledWeek) {
    f.setValues((old) => ({ ...old, station: w.station, counter: w.counter, counterSeparate: w.counterSeparate, effectiveFrom: w.from }));
  }

  function update(scope: Scope, fn: (week: WeekInput) => WeekInput) {
    f.setValues((old) => ({ ...old, [scope]: fn(old[scope].map((day) => day.map((s) => ({ ...s })))) }));
  }
  const setTime = (scope: Scope, d: number, i: number, key: keyof SessionInput, value: string) =>
    update(scope, (w) => {
      w[d]![i]![key] = value;
      return w;
    });
  const addSession = (scope: Scope, d: number) =>
    update(scope, (w) => {
      const last = w[d]!.at(-1);
      w[d]!.push(last ? { opens: last.closes, closes: '' } : { opens: '09:00', closes: '17:00' });
      return w;
    });
  const removeSession = (scope: Scope, d: number, i: number) =>
    update(scope, (w) => {
      w[d]!.splice(i, 1);
      return w;
    });
  const copyMonday = (scope: Scope) =>
    update(scope, (w) => w.map((day, d) => (d >= 1 && d <= 4 ? w[0]!.map((s) => ({ ...s })) : day)));

  function Week({ scope }: { scope: Scope }) {
    return (
      <div className="grid gap-3 lg:grid-cols-2">
        {v[scope].map((day, d) => (
          <fieldset key={d} className="rounded-lg border border-line p-3" data-testid={`${scope}-day-${d + 1}`}>
            <legend className="px-1 font-bold">
              {scope === 'counter' ? `${t.hours.counter} · ` : ''}
              {WEEKDAY_NAMES[d + 1]}
            </legend>
            {day.length === 0 && <p className="text-muted">{t.hours.closedDay}</p>}
            {day.map((s, i) => {
              const base = `${scope}.${d}.${i}`;
              const prefix = `${scope === 'counter' ? t.hours.counter : ''}${WEEKDAY_NAMES[d + 1]}第 ${i + 1} 段`;
              return (
                <div key={i} className="mb-2 flex flex-wrap items-end gap-2">
                  {(['opens', 'closes'] as const).map((k) => {
                    const name = `${base}.${k}`;
                    const err = f.errors[name];
                    return (
                      <Fragment key={k}>
                        <div className="w-32">
                          <label htmlFor={fieldId(name)} className="block text-base">
                            <span className="sr-only">{prefix}</span>
                            {k === 'opens' ? t.hours.opens : t.hours.closes}
                          </label>
                          <input
                            id={fieldId(name)}
                            value={s[k]}
                            onChange={(e) => setTime(scope, d, i, k, e.target.value)}
                            inputMode="numeric"
                            placeholder={k === 'opens' ? '09:00' : '17:00'}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={err ? `${fieldId(name)}-error` : undefined}
                            className={inputClass}
                          />
                        </div>
                        {k === 'opens' && (
                          <span aria-hidden="true" className="pb-3">
                            –
                          </span>
                        )}
                      </Fragment>
                    );
                  })}
                  <Button type="button" variant="quiet" onClick={() => removeSession(scope, d, i)}>
                    {t.hours.removeSession}
                    <span className="sr-only">（{prefix}）</span>
                  </Button>
                  {(['opens', 'closes'] as const).map((k) =>
                    f.errors[`${base}.${k}`] ? (
                      <p key={k} id={`${fieldId(`${base}.${k}`)}-error`} className="w-full font-medium text-bad">
                        {f.errors[`${base}.${k}`]}
                      </p>
                    ) : null,
                  )}
                </div>
              );
            })}
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={() => addSession(scope, d)}>
                {t.hours.addSession}
                <span className="sr-only">（{WEEKDAY_NAMES[d + 1]}）</span>
              </Button>
              {d === 0 && (
                <Button type="button" variant="secondary" onClick={() => copyMonday(scope)}>
                  {t.hours.copyMonday}
                </Button>
              )}
            </div>
          </fieldset>
        ))}
      </div>
    );
  }

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t.hours.title}>
      <SavedNotice message={f.saved && (saved.unchanged ? t.hours.unchanged : saved.from ? t.hours.savedFrom(monthDay(saved.from)) : f.saved)} />
      <FormProblems refusal={f.refusal} errors={f.errors} labels={labelsFor(v)} />
      {scheduled.length > 0 && (
        <section aria-labelledby="hours-scheduled" className="mb-5 rounded-lg border-l-4 border-warn bg-warn-soft px-4 py-3" data-testid="scheduled-hours">
          <h2 id="hours-scheduled" className="text-lg font-bold">
            {t.hours.scheduledTitle}
          </h2>
          <ul className="mt-1 space-y-2">
            {scheduled.map((w) => (
              <li key={w.from} className="flex flex-wrap items-center gap-2">
                <span className="[overflow-wrap:anywhere]">{t.hours.scheduledItem(monthDay(w.from), w.text || t.hours.scheduledNoChange)}</span>
                <Button type="button" variant="secondary" onClick={() => editScheduled(w)}>
                  {t.hours.editScheduled(monthDay(w.from))}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Field name="effectiveFrom" label={t.hours.effectiveFrom} hint={t.hours.effectiveFromHint} error={f.errors.effectiveFrom}>
        <input
          type="date"
          id={fieldId('effectiveFrom')}
          name="effectiveFrom"
          value={v.effectiveFrom}
          min={today}
          onChange={(e) => f.set('effectiveFrom', e.target.value)}
          aria-invalid={f.errors.effectiveFrom ? true : undefined}
          aria-describedby={f.errors.effectiveFrom ? `${fieldId('effectiveFrom')}-error` : undefined}
          className={`${inputClass} max-w-xs`}
        />
      </Field>
      {editing && <p className="mb-3 font-medium">{t.hours.editingScheduled(monthDay(editing.from))}</p>}
      {replaced.length > 0 && (
        <p className="mb-3 font-medium text-warn" data-testid="replaces-scheduled">
          {t.hours.replacesScheduled(replaced.map((w) => monthDay(w.from)).join('、'))}
        </p>
      )}
      <h2 className="mb-2 text-xl">{t.hours.station}</h2>
      {Week({ scope: 'station' })}
      <div className="my-5">
        <label className="flex min-h-12 items-center gap-3 font-medium">
          <input
            type="checkbox"
            id={fieldId('counterSeparate')}
            checked={v.counterSeparate}
            onChange={(e) => f.set('counterSeparate', e.target.checked)}
            className="h-6 w-6"
            aria-describedby={f.errors.counterSeparate ? `${fieldId('counterSeparate')}-error` : undefined}
          />
          {t.hours.counterSeparate}
        </label>
        {f.errors.counterSeparate && (
          <p id={`${fieldId('counterSeparate')}-error`} className="font-medium text-bad">
            {f.errors.counterSeparate}
          </p>
        )}
      </div>
      {v.counterSeparate && (
        <>
          <h2 className="mb-2 text-xl">{t.hours.counter}</h2>
          {Week({ scope: 'counter' })}
        </>
      )}
      <div className="mt-5">
        <SaveBar published={published} pending={f.pending} onSave={() => f.submit({ version })} label={t.hours.save} />
      </div>
    </form>
  );
}
