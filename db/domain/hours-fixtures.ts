/** Fixtures of the opening-hours tests: fixed Beijing instants, a few stations, the 2026 National Day calendar. */
import type { Session } from '../schema';
import { makeCalendar, type CalendarEntry, type StationSchedule, type WeeklySession } from './hours';

/** A Beijing wall-clock time as the instant it denotes ('2026-10-01T10:00' → 02:00Z). */
export function bj(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

export function week(scope: 'station' | 'counter', weekdays: number[], sessions: [string, string][]): WeeklySession[] {
  return weekdays.flatMap((weekday) => sessions.map(([opens, closes]) => ({ scope, weekday, opens, closes })));
}

export function station(over: Partial<StationSchedule> = {}): StationSchedule {
  return { status: 'operating', openingDate: null, statusReason: null, hours: [], exceptions: [], ...over };
}

export const MON_FRI = [1, 2, 3, 4, 5];

/** 国庆节 2026: 10/1–10/7 off, Sunday 9/20 and Saturday 10/10 worked. */
export const NATIONAL_DAY: CalendarEntry[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map(
    (d): CalendarEntry => ({ date: `2026-10-0${d}`, kind: 'holiday', name: '国庆节', asWeekday: null }),
  ),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休', asWeekday: null },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休', asWeekday: 1 },
];
export const calendar = makeCalendar(NATIONAL_DAY);
export const noCalendar = makeCalendar([]);

/** 街道社保所: Monday–Friday with a lunch break. */
export const streetCentre = station({
  hours: week('station', MON_FRI, [
    ['09:00', '12:00'],
    ['13:30', '17:00'],
  ]),
  exceptions: [
    { startDate: '2026-11-05', endDate: '2026-11-05', closed: true, sessions: [], reason: '系统升级' },
    { startDate: '2026-11-10', endDate: '2026-11-10', closed: false, sessions: [{ opens: '09:00', closes: '11:30' }], reason: '内部培训' },
  ],
});

/** 社区卫生服务中心: Monday–Saturday, written without leading zeros. */
export const communityHealth = station({ hours: week('station', [1, 2, 3, 4, 5, 6], [['8:30', '17:00']]) });

/** A bank branch: long station hours, a shorter insurance counter, open through 国庆节. */
export const bank = station({
  hours: [
    ...week('station', MON_FRI, [['09:00', '19:00']]),
    ...week('station', [6, 7], [['09:00', '17:00']]),
    ...week('counter', MON_FRI, [['09:00', '16:30']]),
  ],
  exceptions: [
    { startDate: '2026-10-01', endDate: '2026-10-07', closed: false, sessions: [{ opens: '09:00', closes: '16:00' }], reason: '国庆节期间营业' },
  ],
});

export const S = (opens: string, closes: string): Session => ({ opens, closes });
