/**
 * The calendar file (.ics) for one course run: one event on the first class day, repeated on
 * the class days until the last day, times written as UTC instants converted from Beijing
 * wall-clock time; a reminder the morning before registration closes while it is still open.
 */
import { createEvent, type EventAttributes } from 'ics';
import type { CourseDetail, RunDetail } from '@/db/queries/courses';
import { classDaysText, costText, dailyTimeText, dateRangeText } from '@/db/domain/course-run';
import { beijingInstant, icsUtc, utcByDay } from '@/db/domain/fair-dates';
import { addDays, fullDate, weekdayOf } from '@/db/domain/calendar';
import { foldByOctets } from '@/app/(public)/fairs/[id]/calendar/fair-ics';
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

/** The morning (9:00 Beijing) before the deadline day, as an offset before the event's start. */
export function deadlineReminder(start: number, deadline: string): { hours: number; minutes: number; before: true } | null {
  const at = beijingInstant(addDays(deadline, -1), '09:00');
  const minutes = Math.round((start - at) / 60_000);
  if (minutes <= 0) return null;
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, before: true };
}

/** The .ics text for one run, or null if the library refuses the event. */
export function runIcs(c: CourseDetail, r: RunDetail, pageUrl: string): string | null {
  const first = firstClassDay(r);
  const start = beijingInstant(first, r.dailyStart);
  const end = beijingInstant(first, r.dailyEnd);
  const repeats = first < r.endDate;
  const where = `${r.theory.name}，${r.theory.address}`;
  const lines = [
    `${t.dates}：${dateRangeText(r.startDate, r.endDate)}`,
    `${t.classTime}：${classDaysText(r.classDays)} ${dailyTimeText(r.dailyStart, r.dailyEnd)}${t.icsTime}`,
    `${t.deadline}：${fullDate(r.deadline)}`,
    `${t.cost}：${costText(r)}`,
    `${t.theory}：${where}`,
    r.practice ? `${t.practice}：${r.practice.name}，${r.practice.address}` : null,
    `${t.provider}：${c.provider.name}`,
    `${t.phone}：${r.contactPhone || c.provider.phone}${r.contactName ? `（${r.contactName}）` : ''}`,
    pageUrl,
  ].filter((l): l is string => Boolean(l));
  const title = r.label ? `${c.title}（${r.label}）` : c.title;
  const reminder = r.status === 'open' ? deadlineReminder(start, r.deadline) : null;
  const event: EventAttributes = {
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
    ...(reminder ? { alarms: [{ action: 'display' as const, description: t.icsDeadlineReminder(c.title, fullDate(r.deadline)), trigger: reminder }] } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value) return null;
  return foldByOctets(value);
}
