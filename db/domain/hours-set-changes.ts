/**
 * The dated weekly-hours changes still ahead, as a resident reads them on a station page
 * ('自12月14日起，周六 9:00–12:00'). Pure.
 */
import type { HoursScope } from '../schema';
import { WEEKDAY_NAMES, addDays, monthDay, weekdayList } from './time';
import type { WeeklySession } from './hours-types';
import { formatSessions, normalizeSessions } from './hours-sessions';
import { setStartOn, setStarts, startOf } from './hours-sets';

/** One weekday whose regular sessions a dated change alters. */
export type WeekdayChange = { weekday: number; weekdayName: string; before: string; after: string };

/** A week that starts after `today`: what changes from its first day, per scope. */
export type HoursSetChange = {
  /** First day of the new week. */
  date: string;
  station: WeekdayChange[];
  /** Only when the station keeps separate counter hours before or after and they change. */
  counter: WeekdayChange[];
  /** What changes: '周六 9:00–12:00、周日 休息' */
  what: string;
  /** e.g. '自12月14日起，周六 9:00–12:00、周日 休息' */
  text: string;
};

function sessionsOf(hours: readonly WeeklySession[], scope: HoursScope, weekday: number): string {
  const own = hours.some((h) => h.scope === 'counter');
  const s = scope === 'counter' && own ? 'counter' : 'station';
  const list = normalizeSessions(hours.filter((h) => h.scope === s && h.weekday === weekday));
  return list.length ? formatSessions(list) : '休息';
}

function weekdayChanges(before: readonly WeeklySession[], after: readonly WeeklySession[], scope: HoursScope): WeekdayChange[] {
  const out: WeekdayChange[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const b = sessionsOf(before, scope, weekday);
    const a = sessionsOf(after, scope, weekday);
    if (a !== b) out.push({ weekday, weekdayName: WEEKDAY_NAMES[weekday] ?? '', before: b, after: a });
  }
  return out;
}

function changeWords(c: Omit<HoursSetChange, 'text' | 'what'>, counterName: string): string {
  // Weekdays with the same new hours said once, as residents say them: 周一至周五 9:00–15:00.
  const list = (changes: WeekdayChange[]) => {
    const groups = new Map<string, number[]>();
    for (const d of changes) groups.set(d.after, [...(groups.get(d.after) ?? []), d.weekday]);
    return [...groups].map(([after, days]) => `${weekdayList(days)} ${after}`).join('、');
  };
  const parts: string[] = [];
  if (c.station.length) parts.push(list(c.station));
  if (c.counter.length) parts.push(`${counterName}${list(c.counter)}`);
  return parts.join('；');
}

/**
 * The weeks that start after `today` (ascending), each with the weekdays it changes compared
 * with the week before it. A week that changes nothing is left out. `counterName` words the
 * counter part of the text ('人工窗口').
 */
export function upcomingHoursChanges(hours: readonly WeeklySession[], today: string, counterName = '人工窗口'): HoursSetChange[] {
  const out: HoursSetChange[] = [];
  for (const date of setStarts(hours)) {
    if (date <= today) continue;
    const before = hours.filter((h) => startOf(h) === setStartOn(hours, addDays(date, -1)));
    const after = hours.filter((h) => startOf(h) === date);
    const separate = [...before, ...after].some((h) => h.scope === 'counter');
    const change = { date, station: weekdayChanges(before, after, 'station'), counter: separate ? weekdayChanges(before, after, 'counter') : [] };
    // The counter part only when it says more than the station part.
    if (change.counter.length && change.counter.every((c) => change.station.some((s) => s.weekday === c.weekday && s.after === c.after))) change.counter = [];
    if (change.station.length === 0 && change.counter.length === 0) continue;
    const what = changeWords(change, counterName);
    out.push({ ...change, what, text: `自${monthDay(date)}起，${what}` });
  }
  return out;
}
