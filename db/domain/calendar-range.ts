/**
 * A holiday arrangement as people think of it — 春节: 放假 2月15日至23日, plus its 调休上班
 * make-up days — turned into the one-row-per-day calendar the stations read, and back again
 * for the admin list (which shows and deletes an arrangement as one thing).
 *
 * Pure: no I/O, no clock. Runs in the browser too (the form shows what it will write).
 */
import { addDays, daysBetween, weekdayOf } from './calendar';

export type DayKind = 'holiday' | 'workday';

/** One day of the district calendar, as calendar_days stores it. */
export type CalendarDayRow = { date: string; kind: DayKind; name: string; asWeekday: number | null };

/** What an admin enters in one step. `to` may equal `from` (one day). */
export type CalendarRangeInput = {
  name: string;
  /** 'holiday': from..to are days off, `makeup` the make-up days. 'workday': from..to are make-up days themselves. */
  kind: DayKind;
  from: string;
  to: string;
  /** For kind 'workday': whose hours the stations keep on those days (1 = Monday). */
  asWeekday: number | null;
  makeup: readonly { date: string; asWeekday: number }[];
};

/** The longest arrangement one entry may cover (国庆 with its weekend is 7–9 days; a typo of a year is not). */
export const MAX_RANGE_DAYS = 31;

/** The name a make-up day gets in the list: 「春节调休上班」 (the seed names them the same way). */
export function makeupName(name: string): string {
  return `${name}调休上班`;
}

/** The days from..to, both included (empty when `to` is before `from`). */
export function daysOf(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

/** The rows one arrangement writes, in date order. Assumes the input was checked (see rangeProblems). */
export function expandRange(r: CalendarRangeInput): CalendarDayRow[] {
  const span = daysOf(r.from, r.to);
  const rows: CalendarDayRow[] =
    r.kind === 'holiday'
      ? [
          ...span.map((date) => ({ date, kind: 'holiday' as const, name: r.name, asWeekday: null })),
          ...r.makeup.map((m) => ({ date: m.date, kind: 'workday' as const, name: makeupName(r.name), asWeekday: m.asWeekday })),
        ]
      : span.map((date) => ({ date, kind: 'workday' as const, name: r.name, asWeekday: r.asWeekday }));
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** What is wrong with an arrangement, as codes by field path; the form's words say them (components/admin/calendar/strings.ts). */
export type RangeProblem =
  | { path: 'to'; code: 'before-from' | 'too-long' }
  | { path: string; code: 'not-weekend'; date: string; weekday: number }
  | { path: string; code: 'inside-range' | 'repeated'; date: string };

/** Checks that need the whole arrangement (the single fields are checked by the schema). */
export function rangeProblems(r: Pick<CalendarRangeInput, 'kind' | 'from' | 'to' | 'makeup'>): RangeProblem[] {
  const problems: RangeProblem[] = [];
  const n = daysBetween(r.from, r.to);
  if (n < 0) return [{ path: 'to', code: 'before-from' }];
  if (n + 1 > MAX_RANGE_DAYS) return [{ path: 'to', code: 'too-long' }];
  if (r.kind === 'workday') {
    for (const date of daysOf(r.from, r.to)) {
      const wd = weekdayOf(date);
      if (wd <= 5) {
        problems.push({ path: r.from === date ? 'from' : 'to', code: 'not-weekend', date, weekday: wd });
        break;
      }
    }
    return problems;
  }
  const seen = new Set<string>();
  r.makeup.forEach((m, i) => {
    const path = `makeup.${i}.date`;
    const wd = weekdayOf(m.date);
    if (m.date >= r.from && m.date <= r.to) problems.push({ path, code: 'inside-range', date: m.date });
    else if (seen.has(m.date)) problems.push({ path, code: 'repeated', date: m.date });
    else if (wd <= 5) problems.push({ path, code: 'not-weekend', date: m.date, weekday: wd });
    seen.add(m.date);
  });
  return problems;
}

/** The existing rows an arrangement would overwrite, in date order. */
export function overlapsOf(rows: readonly CalendarDayRow[], existing: readonly CalendarDayRow[]): CalendarDayRow[] {
  const dates = new Set(rows.map((r) => r.date));
  return existing.filter((e) => dates.has(e.date)).sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether the overlaps found now are exactly the ones the admin saw and agreed to replace. */
export function sameRows(a: readonly CalendarDayRow[], b: readonly CalendarDayRow[]): boolean {
  if (a.length !== b.length) return false;
  const key = (r: CalendarDayRow) => `${r.date}|${r.kind}|${r.name}|${r.asWeekday ?? ''}`;
  const set = new Set(a.map(key));
  return b.every((r) => set.has(key(r)));
}

/** One arrangement in the admin list: its days off (as runs of dates) and its make-up days. */
export type Arrangement<R extends CalendarDayRow = CalendarDayRow> = {
  name: string;
  /** The first day, as the arrangement's key. */
  first: string;
  last: string;
  holidays: R[];
  workdays: R[];
};

/** Make-up days sit a week or two before or after their holiday (国庆: 9月20日 for 10月1日). */
const GROUP_GAP_DAYS = 20;

function baseName(r: CalendarDayRow): string {
  return r.kind === 'workday' && r.name.endsWith('调休上班') && r.name.length > 4 ? r.name.slice(0, -4) : r.name;
}

/**
 * Groups day rows into arrangements: rows of the same name (a make-up day counts under its
 * holiday's name) no more than GROUP_GAP_DAYS apart. Input in any order; output by first day.
 */
export function groupArrangements<R extends CalendarDayRow>(rows: readonly R[]): Arrangement<R>[] {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  const open = new Map<string, Arrangement<R>>();
  const out: Arrangement<R>[] = [];
  for (const r of sorted) {
    const name = baseName(r);
    let g = open.get(name);
    if (!g || daysBetween(g.last, r.date) > GROUP_GAP_DAYS) {
      g = { name, first: r.date, last: r.date, holidays: [], workdays: [] };
      open.set(name, g);
      out.push(g);
    }
    g.last = r.date;
    (r.kind === 'holiday' ? g.holidays : g.workdays).push(r);
  }
  return out;
}

/** Consecutive dates as [from, to] runs: 2/15…2/23 → one run. */
export function dateRuns(dates: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const d of [...dates].sort()) {
    const last = runs[runs.length - 1];
    if (last && daysBetween(last[1], d) === 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}
