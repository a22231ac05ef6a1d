'use client';
/** Dated exceptions of one station: closed, or other hours, over a date range, with a reason. */
import { useState } from 'react';
import { Field, RefusalNotice, SaveBar, SavedNotice, fieldId, inputClass, useAdminForm, type Values } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { fullDate } from '@/db/domain/calendar';
import type { ActionResult } from '@/db/admin/result';
import { exceptionSchema, type SessionInput } from '@/db/validation/admin/station';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { useRecordVersion } from '../record-version';
import { FormProblems } from './problems';

export type ExceptionRow = { id: number; startDate: string; endDate: string; closed: boolean; sessions: SessionInput[]; reason: string };

type FormValues = Values & {
  stationId: number;
  version: number;
  exceptionId: number | '';
  startDate: string;
  endDate: string;
  kind: 'closed' | 'hours';
  sessions: SessionInput[];
  reason: string;
};

function blank(stationId: number, version: number, today: string): FormValues {
  return { stationId, version, exceptionId: '', startDate: today, endDate: today, kind: 'closed', sessions: [], reason: '' };
}

function describeRow(e: ExceptionRow): string {
  return e.closed ? t.exceptions.closed : e.sessions.map((s) => `${s.opens}–${s.closes}`).join('、');
}

export function ExceptionsEditor({
  stationId,
  version: fromServer,
  today,
  current,
  past,
  published,
  saveAction,
  deleteAction,
}: {
  stationId: number;
  version: number;
  today: string;
  current: ExceptionRow[];
  past: ExceptionRow[];
  published: boolean;
  saveAction: (input: FormValues) => Promise<ActionResult<{ version: number; exceptionId: number }>>;
  deleteAction: (input: { stationId: number; version: number; exceptionId: number }) => Promise<ActionResult<{ version: number }>>;
}) {
  const [version, setVersion] = useRecordVersion('station', stationId, fromServer);
  const [asking, setAsking] = useState<number | null>(null);
  const f = useAdminForm<{ version: number; exceptionId: number }, FormValues>({
    initial: blank(stationId, fromServer, today),
    schema: exceptionSchema,
    action: saveAction,
    onSuccess: (r) => {
      setVersion(r.version);
      f.setValues(blank(stationId, r.version, today));
    },
  });
  const del = useAdminForm<{ version: number }, { stationId: number; version: number; exceptionId: number }>({
    initial: { stationId, version: fromServer, exceptionId: 0 },
    action: deleteAction,
    onSuccess: (r) => setVersion(r.version),
  });
  const v = f.values;
  const editing = v.exceptionId !== '';

  const setSession = (i: number, key: keyof SessionInput, value: string) =>
    f.set(
      'sessions',
      v.sessions.map((s, k) => (k === i ? { ...s, [key]: value } : s)),
    );

  function List({ rows, title }: { rows: ExceptionRow[]; title: string }) {
    return (
      <section className="mb-6">
        <h2 className="mb-2 text-xl">{title}</h2>
        {rows.length === 0 ? (
          <p className="text-muted">{t.exceptions.none}</p>
        ) : (
          <ul className="space-y-3">
            {rows.map((e) => (
              <li key={e.id} className="rounded-xl border border-line bg-white p-4" data-testid="exception-row">
                <p className="font-bold">
                  {t.exceptions.range(fullDate(e.startDate), fullDate(e.endDate))}{' '}
                  <Badge tone={e.closed ? 'bad' : 'warn'}>{describeRow(e)}</Badge>
                </p>
                <p className="mt-1">{e.reason}</p>
                {e.endDate >= today && (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() => {
                        f.setValues({
                          stationId,
                          version,
                          exceptionId: e.id,
                          startDate: e.startDate,
                          endDate: e.endDate,
                          kind: e.closed ? 'closed' : 'hours',
                          sessions: e.sessions.map((s) => ({ ...s })),
                          reason: e.reason,
                        });
                        f.setErrors({});
                        document.getElementById('exception-form')?.scrollIntoView();
                      }}
                    >
                      {t.exceptions.edit}
                      <span className="sr-only">（{e.startDate}）</span>
                    </Button>
                    {asking === e.id ? (
                      <span role="alertdialog" aria-label={t.exceptions.confirmDelete} className="flex flex-wrap items-center gap-2">
                        <span className="font-bold">{t.exceptions.confirmDelete}</span>
                        <Button
                          type="button"
                          disabled={del.pending}
                          onClick={() => {
                            setAsking(null);
                            del.submit({ version, exceptionId: e.id });
                          }}
                        >
                          {t.exceptions.confirmDeleteYes}
                          <span className="sr-only">（{e.startDate}）</span>
                        </Button>
                        <Button type="button" variant="secondary" onClick={() => setAsking(null)}>
                          {t.exceptions.confirmDeleteNo}
                        </Button>
                      </span>
                    ) : (
                      <Button type="button" variant="quiet" onClick={() => setAsking(e.id)}>
                        {t.exceptions.delete}
                        <span className="sr-only">（{e.startDate}）</span>
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  return (
    <>
      <SavedNotice message={del.saved} />
      <RefusalNotice refusal={del.refusal} labels={STATION_FIELD_LABELS} />
      {List({ rows: current, title: t.exceptions.current })}

      <section id="exception-form" aria-labelledby="exception-form-title" className="mb-6 rounded-xl border border-line bg-white p-4">
        <h2 id="exception-form-title" className="mb-3 text-xl">
          {editing ? t.exceptions.edit : t.exceptions.add}
        </h2>
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <SavedNotice message={f.saved} />
          <FormProblems refusal={f.refusal} errors={f.errors} labels={STATION_FIELD_LABELS} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="startDate" label={t.exceptions.startDate} error={f.errors.startDate} required>
              <input {...f.bind('startDate')} type="date" className={inputClass} />
            </Field>
            <Field name="endDate" label={t.exceptions.endDate} error={f.errors.endDate} required>
              <input {...f.bind('endDate')} type="date" className={inputClass} />
            </Field>
          </div>
          <fieldset className="mb-4">
            <legend className="font-medium">{t.exceptions.kind}</legend>
            <div className="mt-1 flex flex-wrap gap-x-6">
              {(['closed', 'hours'] as const).map((k) => (
                <label key={k} className="flex min-h-12 items-center gap-3">
                  <input
                    type="radio"
                    name="kind"
                    id={k === 'closed' ? fieldId('kind') : undefined}
                    checked={v.kind === k}
                    onChange={() => {
                      f.set('kind', k);
                      if (k === 'hours' && v.sessions.length === 0) f.set('sessions', [{ opens: '09:00', closes: '12:00' }]);
                    }}
                    className="h-6 w-6"
                  />
                  {k === 'closed' ? t.exceptions.kindClosed : t.exceptions.kindHours}
                </label>
              ))}
            </div>
          </fieldset>
          {v.kind === 'hours' && (
            <fieldset className="mb-4" id={fieldId('sessions')} tabIndex={-1}>
              <legend className="font-medium">{t.exceptions.sessions}</legend>
              {f.errors.sessions && <p className="font-medium text-bad">{f.errors.sessions}</p>}
              {v.sessions.map((s, i) => (
                <div key={i} className="mb-2 flex flex-wrap items-end gap-2">
                  {(['opens', 'closes'] as const).map((k) => {
                    const name = `sessions.${i}.${k}`;
                    const err = f.errors[name];
                    return (
                      <div key={k} className="w-32">
                        <label htmlFor={fieldId(name)} className="block text-base">
                          <span className="sr-only">第 {i + 1} 段</span>
                          {k === 'opens' ? t.hours.opens : t.hours.closes}
                        </label>
                        <input
                          id={fieldId(name)}
                          value={s[k]}
                          onChange={(e) => setSession(i, k, e.target.value)}
                          inputMode="numeric"
                          placeholder={k === 'opens' ? '09:00' : '12:00'}
                          aria-invalid={err ? true : undefined}
                          className={inputClass}
                        />
                        {err && <p className="font-medium text-bad">{err}</p>}
                      </div>
                    );
                  })}
                  <Button type="button" variant="quiet" onClick={() => f.set('sessions', v.sessions.filter((_, k) => k !== i))}>
                    {t.hours.removeSession}
                  </Button>
                </div>
              ))}
              <Button
                type="button"
                variant="secondary"
                onClick={() => f.set('sessions', [...v.sessions, { opens: v.sessions.at(-1)?.closes ?? '09:00', closes: '' }])}
              >
                {t.hours.addSession}
              </Button>
            </fieldset>
          )}
          <Field name="reason" label={t.exceptions.reason} hint={t.exceptions.reasonHint} error={f.errors.reason} required>
            <textarea {...f.bind('reason')} rows={3} className={inputClass} />
          </Field>
          <SaveBar published={published} pending={f.pending} onSave={() => f.submit({ version })} label={t.exceptions.save}>
            {editing && (
              <Button type="button" variant="secondary" onClick={() => f.setValues(blank(stationId, version, today))}>
                {t.exceptions.cancel}
              </Button>
            )}
          </SaveBar>
        </form>
      </section>

      {past.length > 0 && List({ rows: past, title: t.exceptions.past })}
    </>
  );
}
