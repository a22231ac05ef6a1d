/**
 * The district holiday / 调休 calendar form, shared by the browser form and the server actions.
 * One row is one day: a statutory holiday (stations close) or a 调休 make-up working day (a
 * Saturday or Sunday on which stations open with the hours of `asWeekday`).
 */
import { z } from 'zod';
import { isDateString, weekdayOf, WEEKDAY_NAMES } from '../../domain/time';
import { MAX_RANGE_DAYS, rangeProblems, type CalendarDayRow, type CalendarRangeInput } from '../../domain/calendar-range';
import { date, oneOf, optionalInt, name } from './fields';

const trimmed = z.string().transform((s) => s.trim());

export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
  holiday: '放假',
  workday: '调休上班',
};

export const CALENDAR_FIELD_LABELS: Record<string, string> = {
  date: '日期',
  kind: '类型',
  name: '名称',
  asWeekday: '按哪天的时间开门',
};

/** Years the calendar may hold: far enough back for the record, not absurdly ahead. */
export const CALENDAR_MIN_YEAR = 2020;
export const CALENDAR_MAX_YEAR = 2035;

const dayFields = z.object({
  date: date('日期'),
  kind: oneOf(CALENDAR_KINDS, '类型（放假或调休上班）'),
  name: name('名称', 30),
  asWeekday: optionalInt('按哪天的时间开门', { min: 1, max: 7 }),
});

function checkDay(d: z.output<typeof dayFields>, ctx: z.RefinementCtx) {
  const year = Number(d.date.slice(0, 4));
  if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: `日期请填写 ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR} 年之间的日子` });
    return;
  }
  if (d.kind === 'workday') {
    const wd = weekdayOf(d.date);
    if (wd <= 5) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `${d.date} 是${WEEKDAY_NAMES[wd]}，本来就上班，不用登记为调休上班日；调休上班日应是周六或周日`,
      });
    }
    if (d.asWeekday === null) {
      ctx.addIssue({ code: 'custom', path: ['asWeekday'], message: '请选择调休上班日按哪天的时间开门（一般按通知写的，如“周一”）' });
    } else if (d.asWeekday > 5) {
      ctx.addIssue({ code: 'custom', path: ['asWeekday'], message: '调休上班日请按周一至周五中某一天的时间开门' });
    }
  }
}

/** Normalises: a holiday borrows no weekday. */
function normalise<T extends z.output<typeof dayFields>>(d: T): T {
  return d.kind === 'holiday' ? { ...d, asWeekday: null } : d;
}

export const calendarDaySchema = dayFields.superRefine(checkDay).transform(normalise);
export type CalendarDayInput = z.input<typeof calendarDaySchema>;
export type CalendarDayValues = z.output<typeof calendarDaySchema>;

/** What the editor last saw of a row, so an edit of a row changed meanwhile is refused. */
const seenRow = z.object({
  kind: oneOf(CALENDAR_KINDS, '类型'),
  name: z.string().max(100),
  asWeekday: z.number().int().min(1).max(7).nullable(),
});

/** Editing one existing day (its date may change too). */
export const calendarEditSchema = dayFields
  .extend({ originalDate: date('原日期'), seen: seenRow })
  .superRefine(checkDay)
  .transform(normalise);

/** Deleting one day. */
export const calendarDeleteSchema = z.object({ date: date('日期'), seen: seenRow });

/** Marking a year's arrangement as a guess (provisional) or as the official notice. */
export const calendarYearSchema = z.object({
  year: z.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR),
  provisional: z.boolean(),
});
export type CalendarYearValues = z.output<typeof calendarYearSchema>;

/** A year of the calendar as the audit log's entity id: 2027 → 2027 (a day is 8 digits, so they never meet). */
export function calendarYearEntityId(year: number): number {
  return year;
}

/** The calendar's day as the audit log's entity id: 2026-10-01 → 20261001. */
export function calendarEntityId(day: string): number {
  return Number(day.replaceAll('-', ''));
}

/**
 * One arrangement in one step (春节: 放假 from..to plus its make-up days), or a run of make-up
 * days alone. Coded: problems are codes the form's words turn into sentences
 * (components/admin/calendar/strings.ts, CALENDAR_RANGE_WORDS).
 */
const seenDay = z.object({
  date: date(null),
  kind: oneOf(CALENDAR_KINDS, null),
  name: z.string().max(100),
  asWeekday: z.number().int().min(1).max(7).nullable(),
});

const rangeFields = z.object({
  name: name(null, 30),
  kind: oneOf(CALENDAR_KINDS, null),
  from: date(null),
  // Empty: a single day.
  to: trimmed,
  asWeekday: optionalInt(null, { min: 1, max: 5 }),
  makeup: z
    .array(z.object({ date: date(null), asWeekday: optionalInt(null, { min: 1, max: 5 }) }))
    .max(6, 'makeup_too_many')
    .default([]),
  /** The existing rows the admin saw listed as overlapping and agreed to replace. */
  replace: z.array(seenDay).max(MAX_RANGE_DAYS + 6).default([]),
});

function inYears(d: string): boolean {
  const year = Number(d.slice(0, 4));
  return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
}

export const calendarRangeSchema = rangeFields
  .superRefine((r, ctx) => {
    const to = r.to === '' ? r.from : r.to;
    if (!isDateString(to)) return ctx.addIssue({ code: 'custom', path: ['to'], message: 'date' });
    if (!inYears(r.from)) return ctx.addIssue({ code: 'custom', path: ['from'], message: 'year_range' });
    if (!inYears(to)) return ctx.addIssue({ code: 'custom', path: ['to'], message: 'year_range' });
    if (r.kind === 'workday' && r.asWeekday === null) ctx.addIssue({ code: 'custom', path: ['asWeekday'], message: 'choose' });
    r.makeup.forEach((m, i) => {
      if (!inYears(m.date)) ctx.addIssue({ code: 'custom', path: ['makeup', i, 'date'], message: 'year_range' });
      if (m.asWeekday === null) ctx.addIssue({ code: 'custom', path: ['makeup', i, 'asWeekday'], message: 'choose' });
    });
    for (const p of rangeProblems({ kind: r.kind, from: r.from, to, makeup: r.makeup.map((m) => ({ date: m.date, asWeekday: m.asWeekday ?? 1 })) })) {
      ctx.addIssue({ code: 'custom', path: p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: `range_${p.code.replaceAll('-', '_')}` });
    }
  })
  .transform((r): CalendarRangeInput & { replace: CalendarDayRow[] } => ({
    name: r.name,
    kind: r.kind,
    from: r.from,
    to: r.to === '' ? r.from : r.to,
    asWeekday: r.kind === 'workday' ? r.asWeekday : null,
    makeup: r.kind === 'holiday' ? r.makeup.map((m) => ({ date: m.date, asWeekday: m.asWeekday ?? 1 })) : [],
    replace: r.replace,
  }));
export type CalendarRangeValues = z.output<typeof calendarRangeSchema>;

/** Deleting one arrangement: every day of it, each as the admin saw it. */
export const calendarRangeDeleteSchema = z.object({
  name: z.string().max(100),
  days: z.array(seenDay).min(1).max(MAX_RANGE_DAYS + 6),
});
export type CalendarRangeDeleteValues = z.output<typeof calendarRangeDeleteSchema>;
