/**
 * The calendar file (.ics) for one course run, times written as UTC instants converted from
 * Beijing wall-clock time. Two events:
 * - the classes: one event on the first class day, repeated on the class days until the last
 *   day, with a reminder before each class; class days that fall on a statutory holiday of the
 *   district calendar are left out (EXDATE, the same UTC instant as the class would start);
 * - while registration is open, the deadline: an all-day event on the deadline day with one
 *   reminder the morning before. (It used to be an alarm on the class series, which fired
 *   before every class, long after the deadline.)
 */
import { createEvents, type EventAttributes } from 'ics';
import type { CourseDetail, RunDetail } from '@/db/queries/courses';
import type { CalendarEntry } from '@/db/domain/hours';
import { classDaysText, costText, dailyTimeText, dateRangeText } from '@/db/domain/course-run';
import { beijingInstant, icsUtc, utcByDay } from '@/db/domain/fair-dates';
import { addDays, fullDate, monthDay, weekdayOf } from '@/db/domain/calendar';
import { foldByOctets } from '@/app/(public)/fairs/[id]/calendar/fair-ics';
import { holidayText } from '@/components/calendar/strings';
import { cardText as t } from './strings';

/** The run's class days as ISO weekdays (1 = Monday); all seven when the field is unreadable. */
export function runWeekdays(classDays: string): number[] {
  const days = [...new Set(classDays.split(',').map((d) => Number(d.trim())))].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  return days.length ? days.sort((a, b) => a - b) : [1, 2, 3, 4, 5, 6, 7];
}

/** The first class day on or after the start date (the start date itself if none falls in the run). */
export function firstClassDay(r: Pick<RunDetail, 'startDate' | 'endDate' | 'classDays'>): string {
  const days = runWeekdays(r.classDays);
  for (let d = r.startDate, i = 0; d <= r.endDate && i < 7; d = addDays(d, 1), i++) {
    if (days.includes(weekdayOf(d))) return d;
  }
  return r.startDate;
}

/** Before each class: an hour ahead, time to get there. Serialised as TRIGGER:-PT1H. */
export const CLASS_ALARM = { hours: 1, before: true } as const;

/**
 * The deadline event is all-day, so its reminder counts back from the deadline day's midnight:
 * 15 hours before is 9:00 the morning before. Serialised as TRIGGER:-PT15H.
 */
export const DEADLINE_ALARM = { hours: 15, before: true } as const;

/** A statutory holiday that falls on a class day of the run. */
export type SkippedClass = { date: string; name: string; provisional: boolean };

/**
 * The class days of the run (from its first class day to its last day) that are statutory
 * holidays in the district calendar: the sessions the file leaves out. Bounded to a year.
 */
export function holidayClassDays(
  r: Pick<RunDetail, 'startDate' | 'endDate' | 'classDays'>,
  calendar: ReadonlyMap<string, CalendarEntry>,
): SkippedClass[] {
  const weekdays = runWeekdays(r.classDays);
  const out: SkippedClass[] = [];
  for (let d = firstClassDay(r), i = 0; d <= r.endDate && i < 366; d = addDays(d, 1), i++) {
    const e = calendar.get(d);
    if (e?.kind === 'holiday' && weekdays.includes(weekdayOf(d))) out.push({ date: d, name: e.name, provisional: e.provisional === true });
  }
  return out;
}

function deadlineEvent(c: CourseDetail, r: RunDetail, title: string, pageUrl: string, phone: string): EventAttributes {
  const [y, m, d] = r.deadline.split('-').map(Number) as [number, number, number];
  const [ny, nm, nd] = addDays(r.deadline, 1).split('-').map(Number) as [number, number, number];
  return {
    uid: `course-run-${r.id}-deadline@fengtai-portal`,
    productId: 'fengtai-portal/courses',
    start: [y, m, d],
    end: [ny, nm, nd],
    title: t.icsDeadlineTitle(title),
    description: [`${t.deadline}：${fullDate(r.deadline)}`, `${t.phone}：${phone}`, pageUrl].join('\n'),
    url: pageUrl,
    status: 'CONFIRMED',
    transp: 'TRANSPARENT',
    alarms: [{ action: 'display', description: t.icsDeadlineReminder(c.title, fullDate(r.deadline)), trigger: DEADLINE_ALARM }],
  };
}

/**
 * The .ics text for one run, or null if the library refuses an event. `calendar` is the
 * district calendar over the run's days (holidays are left out of the class series).
 */
export function runIcs(c: CourseDetail, r: RunDetail, pageUrl: string, calendar: ReadonlyMap<string, CalendarEntry> = new Map()): string | null {
  const first = firstClassDay(r);
  const start = beijingInstant(first, r.dailyStart);
  const end = beijingInstant(first, r.dailyEnd);
  const repeats = first < r.endDate;
  const skipped = repeats ? holidayClassDays(r, calendar) : [];
  const where = `${r.theory.name}，${r.theory.address}`;
  const phone = `${r.contactPhone || c.provider.phone}${r.contactName ? `（${r.contactName}）` : ''}`;
  const lines = [
    `${t.dates}：${dateRangeText(r.startDate, r.endDate)}`,
    `${t.classTime}：${classDaysText(r.classDays)} ${dailyTimeText(r.dailyStart, r.dailyEnd)}${t.icsTime}`,
    skipped.length ? t.icsHolidaysSkipped(skipped.map((s) => `${monthDay(s.date)}（${s.name}）`).join('、')) : null,
    skipped.some((s) => s.provisional) ? `（${holidayText.provisional(skipped.filter((s) => s.provisional).map((s) => Number(s.date.slice(0, 4))))}）` : null,
    `${t.deadline}：${fullDate(r.deadline)}`,
    `${t.cost}：${costText(r)}`,
    `${t.theory}：${where}`,
    r.practice ? `${t.practice}：${r.practice.name}，${r.practice.address}` : null,
    `${t.provider}：${c.provider.name}`,
    `${t.phone}：${phone}`,
    pageUrl,
  ].filter((l): l is string => Boolean(l));
  const title = r.label ? `${c.title}（${r.label}）` : c.title;
  const classes: EventAttributes = {
    uid: `course-run-${r.id}@fengtai-portal`,
    productId: 'fengtai-portal/courses',
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title,
    description: lines.join('\n'),
    location: where,
    url: pageUrl,
    status: 'CONFIRMED',
    geo: { lat: r.theory.lat, lon: r.theory.lng },
    ...(repeats
      ? { recurrenceRule: `FREQ=WEEKLY;BYDAY=${utcByDay(runWeekdays(r.classDays), r.dailyStart)};UNTIL=${icsUtc(beijingInstant(r.endDate, r.dailyEnd))}` }
      : {}),
    ...(skipped.length ? { exclusionDates: skipped.map((s) => beijingInstant(s.date, r.dailyStart)) } : {}),
    alarms: [{ action: 'display', description: t.icsClassReminder(title, dailyTimeText(r.dailyStart, r.dailyEnd)), trigger: CLASS_ALARM }],
  };
  const events = r.status === 'open' ? [classes, deadlineEvent(c, r, title, pageUrl, phone)] : [classes];
  const { error, value } = createEvents(events);
  if (error || !value) return null;
  return foldByOctets(value);
}
