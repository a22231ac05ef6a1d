/**
 * The district calendar: statutory holidays and 调休 make-up working days. Unlike the rest of
 * the sample data this is absolute, because holidays are fixed dates.
 *
 * 2026 follows the notice of 国务院办公厅. For 2027 no notice exists in our sources yet; the
 * dates below sit on the real 2027 festival days but the exact ranges and make-up days are a
 * guess (see CALENDAR_2027_NOTE). Replace them when the official notice is published.
 */
import { addDays, daysBetween } from '../domain/time';

export type CalendarDaySeed = {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  asWeekday: number | null;
};

export const CALENDAR_2027_NOTE =
  '2027年的放假和调休安排是按节日的实际日期推测的示例，不是国务院办公厅的正式通知；正式通知发布后请在后台更新。';

type Period = { name: string; from: string; to: string; workdays?: readonly string[] };

const PERIODS_2026: readonly Period[] = [
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
];

/** Provisional: 春节 is 2027-02-06 (除夕 02-05), 清明 04-05, 端午 06-09, 中秋 09-15. */
const PERIODS_2027: readonly Period[] = [
  { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
  { name: '春节', from: '2027-02-05', to: '2027-02-13', workdays: ['2027-01-31', '2027-02-20'] },
  { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
  { name: '劳动节', from: '2027-05-01', to: '2027-05-05', workdays: ['2027-04-25', '2027-05-08'] },
  { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
  { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
  { name: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-09-26', '2027-10-09'] },
];

function expand(periods: readonly Period[]): CalendarDaySeed[] {
  const days: CalendarDaySeed[] = [];
  for (const p of periods) {
    const n = daysBetween(p.from, p.to);
    for (let i = 0; i <= n; i++) days.push({ date: addDays(p.from, i), kind: 'holiday', name: p.name, asWeekday: null });
    // Make-up days keep Monday's hours unless a notice says otherwise.
    for (const w of p.workdays ?? []) days.push({ date: w, kind: 'workday', name: `${p.name}调休上班`, asWeekday: 1 });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

export const CALENDAR_DAYS: readonly CalendarDaySeed[] = [...expand(PERIODS_2026), ...expand(PERIODS_2027)];

/**
 * Whether each seeded year is still a guess: 2026 follows the notice, 2027 does not (residents
 * are told so where its days show; an admin clears the flag once the notice is entered).
 */
export const CALENDAR_YEARS: readonly { year: number; provisional: boolean }[] = [
  { year: 2026, provisional: false },
  { year: 2027, provisional: true },
];

export const HOLIDAY_DATES: ReadonlySet<string> = new Set(
  CALENDAR_DAYS.filter((d) => d.kind === 'holiday').map((d) => d.date),
);
