/**
 * A weekly-hours change as two weeks side by side: for each scope (the station, its counter) and
 * each weekday 周一…周日, the sessions before and after and whether that day changed. It takes
 * the hours as the writers log them — a list of { weekday, opens, closes, scope } — so any
 * writer that logs a week in that shape (with or without an effective date) reads the same.
 */

export type WeekSession = { weekday: number; opens: string; closes: string; scope?: string };

export type WeekDay = { weekday: number; before: string[]; after: string[]; changed: boolean };
export type WeekScope = { scope: string; days: WeekDay[] };

const TIME = /^\d{1,2}:\d{2}$/;

/** Is this logged value a week of sessions? (An empty list is a week with every day closed.) */
export function isWeekList(v: unknown): v is WeekSession[] {
  return (
    Array.isArray(v) &&
    v.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        Number.isInteger((s as WeekSession).weekday) &&
        (s as WeekSession).weekday >= 1 &&
        (s as WeekSession).weekday <= 7 &&
        TIME.test(String((s as WeekSession).opens)) &&
        TIME.test(String((s as WeekSession).closes)),
    )
  );
}

/**
 * Is this change a week before and after? Both sides must be weeks and one must hold a session:
 * an empty list alone says nothing (a station's 临时调整 emptied is an empty list too).
 */
export function isWeekChange(before: unknown, after: unknown): boolean {
  const b = before ?? [];
  const a = after ?? [];
  return isWeekList(b) && isWeekList(a) && b.length + a.length > 0;
}

const span = (s: WeekSession) => `${s.opens}–${s.closes}`;

function sessionsOn(week: readonly WeekSession[], scope: string, weekday: number): string[] {
  return week
    .filter((s) => (s.scope ?? 'station') === scope && s.weekday === weekday)
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map(span);
}

/**
 * The two weeks compared. The station's own hours always come first; the counter's only when
 * either week has counter hours.
 */
export function weekDiff(before: readonly WeekSession[] | null, after: readonly WeekSession[] | null): WeekScope[] {
  const b = before ?? [];
  const a = after ?? [];
  const scopes = ['station', ...new Set([...b, ...a].map((s) => s.scope ?? 'station').filter((s) => s !== 'station'))];
  return scopes.map((scope) => ({
    scope,
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
      const was = sessionsOn(b, scope, weekday);
      const now = sessionsOn(a, scope, weekday);
      return { weekday, before: was, after: now, changed: was.join() !== now.join() };
    }),
  }));
}

/** The weekdays (1–7) that changed in any scope, in week order. */
export function changedWeekdays(diff: readonly WeekScope[]): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => diff.some((s) => s.days.some((x) => x.weekday === d && x.changed)));
}
