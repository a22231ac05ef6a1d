'use client';
/**
 * The weekly hours editor: per weekday, any number of sessions (a lunch break is two), for the
 * station and — when it keeps its own — the staffed counter. Saved as a whole with the
 * station's version, so two people editing at once cannot silently overwrite each other.
 */
import { Fragment } from 'react';
import { SaveBar, SavedNotice, fieldId, inputClass, useAdminForm, type Values } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { WEEKDAY_NAMES } from '@/db/domain/calendar';
import type { ActionResult } from '@/db/admin/result';
import { hoursSchema, type SessionInput, type WeekInput } from '@/db/validation/admin/station';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { useStationVersion } from './use-version';
import { FormProblems } from './problems';

export type HoursValues = Values & { id: number; version: number; station: WeekInput; counterSeparate: boolean; counter: WeekInput };
type Scope = 'station' | 'counter';

/** 'station.0.1.opens' → '周一第 2 段开门' (for the error summary). */
function labelsFor(values: HoursValues): Record<string, string> {
  const out: Record<string, string> = { ...STATION_FIELD_LABELS, counterSeparate: t.hours.counter };
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
  published,
  action,
}: {
  initial: HoursValues;
  published: boolean;
  action: (input: HoursValues) => Promise<ActionResult<{ version: number }>>;
}) {
  const [version, setVersion] = useStationVersion(initial.version);
  const f = useAdminForm<{ version: number }, HoursValues>({
    initial,
    schema: hoursSchema,
    action,
    onSuccess: (r) => setVersion(r.version),
  });
  const v = f.values;

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
      <SavedNotice message={f.saved} />
      <FormProblems refusal={f.refusal} errors={f.errors} labels={labelsFor(v)} />
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
