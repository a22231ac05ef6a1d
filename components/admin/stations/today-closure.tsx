'use client';
/**
 * 今日临时闭站 in one tap: pick a reason (or write one) and press. Undo with 恢复今日营业.
 * Works for the station's own account and for editors. On a day the station does not open
 * anyway (a closed weekday, a holiday, an exception) it says so instead of offering a closure
 * that would change nothing. The dashboard links here with #close-today: that id is on the
 * button (or on the sentence saying why there is none), so the link lands where the action is.
 */
import { useRecordVersion } from '../record-version';
import { Field, RefusalNotice, SavedNotice, fieldId, inputClass, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/db/admin/result';
import { CLOSE_TODAY_PRESETS, closeTodaySchema } from '@/db/validation/admin/station';
import type { StationEditData } from '@/db/admin/stations';
import { WEEKDAY_NAMES, weekdayOf } from '@/db/domain/calendar';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { FormProblems } from './problems';

type CloseValues = { id: number; preset: string; note: string };

/** The target of the dashboard's 今日临时闭站 link (scroll-mt keeps it clear of the sticky header). */
const ANCHOR = 'close-today';

function whyClosed(c: NonNullable<StationEditData['closedAnyway']>, today: string): string {
  const w = t.today.closedAnywayWhy;
  switch (c.kind) {
    case 'holiday':
      return w.holiday(c.label ?? '');
    case 'exception':
      return w.exception(c.label ?? '');
    case 'suspended':
      return w.suspended;
    case 'planned':
      return w.planned;
    case 'workday':
      return w.workday(c.label ?? '');
    default:
      return w.regular(WEEKDAY_NAMES[weekdayOf(today)] ?? '');
  }
}

export function TodayClosure({
  id,
  closure,
  closedAnyway,
  today,
  closeAction,
  reopenAction,
}: {
  id: number;
  closure: { id: number; reason: string } | null;
  closedAnyway: StationEditData['closedAnyway'];
  today: string;
  closeAction: (input: CloseValues) => Promise<ActionResult<{ version: number; exceptionId: number }>>;
  reopenAction: (input: { id: number; exceptionId: number }) => Promise<ActionResult<{ version: number }>>;
}) {
  // Closing needs no version (it must not wait on anyone), but it moves the station's on: the
  // page's other forms save against the new one.
  const [, saw] = useRecordVersion('station', id, 0);
  const close = useAdminForm<{ version: number; exceptionId: number }, CloseValues>({
    initial: { id, preset: CLOSE_TODAY_PRESETS[0], note: '' },
    schema: closeTodaySchema,
    action: closeAction,
    onSuccess: (r) => saw(r.version),
  });
  const reopen = useAdminForm<{ version: number }, { id: number; exceptionId: number }>({
    initial: { id, exceptionId: closure?.id ?? 0 },
    action: reopenAction,
    onSuccess: (r) => saw(r.version),
  });

  if (closure) {
    return (
      <section aria-labelledby="today-title" className="mb-6 rounded-xl border-2 border-bad bg-bad-soft p-4" data-testid="today-closure">
        <h2 id="today-title" className="text-xl">
          {t.today.closedNow(closure.reason)}
        </h2>
        <p className="mt-1">{t.today.closedHelp}</p>
        <SavedNotice message={close.saved} />
        <RefusalNotice refusal={reopen.refusal} labels={STATION_FIELD_LABELS} />
        <Button
          type="button"
          id={ANCHOR}
          className="mt-3 scroll-mt-24"
          disabled={reopen.pending}
          onClick={() => reopen.submit({ exceptionId: closure.id })}
        >
          {reopen.pending ? t.today.reopening : t.today.reopen}
        </Button>
      </section>
    );
  }

  if (closedAnyway) {
    return (
      <section aria-labelledby="today-title" className="mb-6 rounded-xl border border-line bg-white p-4" data-testid="today-closure">
        <h2 id="today-title" className="text-xl">
          {t.today.title}
        </h2>
        <p id={ANCHOR} tabIndex={-1} className="mt-1 scroll-mt-24 font-medium" data-testid="closed-anyway">
          {t.today.closedAnyway(whyClosed(closedAnyway, today))}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="today-title" className="mb-6 rounded-xl border border-line bg-white p-4" data-testid="today-closure">
      <h2 id="today-title" className="text-xl">
        {t.today.title}
      </h2>
      <p className="mt-1 text-muted">{t.today.lead}</p>
      <SavedNotice message={reopen.saved} />
      <FormProblems refusal={close.refusal} errors={close.errors} labels={STATION_FIELD_LABELS} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          close.submit();
        }}
      >
        <fieldset className="mt-3">
          <legend className="font-medium">{t.today.reasonLegend}</legend>
          <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
            {CLOSE_TODAY_PRESETS.map((p) => (
              <label key={p} className="flex min-h-12 items-center gap-3">
                <input
                  type="radio"
                  name="preset"
                  id={p === CLOSE_TODAY_PRESETS[0] ? fieldId('preset') : undefined}
                  value={p}
                  checked={close.values.preset === p}
                  onChange={() => close.set('preset', p)}
                  className="h-6 w-6"
                />
                {p === 'other' ? t.today.other : p}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-3">
          <Field name="note" label={t.today.note} hint={t.today.noteHint} error={close.errors.note}>
            <input {...close.bind('note')} className={inputClass} maxLength={100} />
          </Field>
        </div>
        <Button type="submit" id={ANCHOR} className="scroll-mt-24" disabled={close.pending}>
          {close.pending ? t.today.closing : t.today.close}
        </Button>
      </form>
    </section>
  );
}
