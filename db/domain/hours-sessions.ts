/** Session arithmetic: spans in minutes, merging, intersecting and writing sessions; a station's regular week. Pure. */
import type { HoursScope, Session } from '../schema';
import { clock, toMinutes } from './time';
import type { StationSchedule } from './hours-types';
import { hoursOn } from './hours-sets';
type Span = { from: number; to: number };

export function toSpan(s: Session): Span | null {
  const from = toMinutes(s.opens);
  const to = toMinutes(s.closes);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return null;
  if (from < 0 || to > 24 * 60 || to <= from) return null;
  return { from, to };
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function spansOf(sessions: readonly Session[]): Span[] {
  const spans = sessions.map(toSpan).filter((s): s is Span => s !== null);
  spans.sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** Sort and merge sessions, dropping invalid ones (closes <= opens, bad text); output 'HH:MM'. */
export function normalizeSessions(sessions: readonly Session[]): Session[] {
  return spansOf(sessions).map((s) => ({ opens: hhmm(s.from), closes: hhmm(s.to) }));
}

export function intersect(a: readonly Session[], b: readonly Session[]): Session[] {
  const out: Span[] = [];
  for (const x of spansOf(a)) {
    for (const y of spansOf(b)) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (to > from) out.push({ from, to });
    }
  }
  return normalizeSessions(out.map((s) => ({ opens: hhmm(s.from), closes: hhmm(s.to) })));
}

/** '9:00–12:00、13:30–17:00' (empty string for no sessions). */
export function formatSessions(sessions: readonly Session[]): string {
  return spansOf(sessions)
    .map((s) => `${clock(hhmm(s.from))}–${clock(hhmm(s.to))}`)
    .join('、');
}

/**
 * True when the station keeps separate hours for its staffed counter in the week in force on
 * `date` (a Beijing day; without one, its latest week).
 */
export function hasCounterHours(schedule: Pick<StationSchedule, 'hours'>, date?: string): boolean {
  return hoursOn(schedule.hours, date).some((h) => h.scope === 'counter');
}

export function effectiveScope(schedule: Pick<StationSchedule, 'hours'>, scope: HoursScope, date?: string): HoursScope {
  return scope === 'counter' && hasCounterHours(schedule, date) ? 'counter' : 'station';
}

/**
 * The regular sessions of one ISO weekday in the week in force on `date` (without one, the
 * latest week), ignoring calendar and exceptions.
 */
export function regularSessions(schedule: Pick<StationSchedule, 'hours'>, weekday: number, scope: HoursScope = 'station', date?: string): Session[] {
  const hours = hoursOn(schedule.hours, date);
  const s = scope === 'counter' && hours.some((h) => h.scope === 'counter') ? 'counter' : 'station';
  return normalizeSessions(hours.filter((h) => h.scope === s && h.weekday === weekday));
}
