/** Now and next: is a station open at an instant, when does it next open, and the words residents read. Pure. */
import type { HoursScope } from '../schema';
import { WEEKDAY_NAMES, addDays, beijingNow, clock, daysBetween, monthDay, weekdayOf } from './time';
import { SEARCH_DAYS, type DayHours, type DistrictCalendar, type OpenState, type StationSchedule } from './hours-types';
import { hhmm, spansOf } from './hours-sessions';
import { dayHours } from './hours-day';
/**
 * How a resident names a day relative to Beijing today: '今天', '明天', '周一'…'周日' within
 * the next 6 days, else '10月8日'.
 */
export function relativeDay(date: string, today: string): string {
  const d = daysBetween(today, date);
  if (d === 0) return '今天';
  if (d === 1) return '明天';
  if (d > 1 && d <= 6) return WEEKDAY_NAMES[weekdayOf(date)] ?? monthDay(date);
  return monthDay(date);
}

function endsAtMidnight(day: DayHours): boolean {
  const spans = spansOf(day.sessions);
  return spans[spans.length - 1]?.to === 24 * 60;
}

/**
 * The next moment the station goes from closed to open, strictly after `now`, looking
 * SEARCH_DAYS days ahead. A 0:00 session continuing a previous day's 24:00 is not an opening.
 */
export function nextOpening(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  now: Date,
  scope: HoursScope = 'station',
): { date: string; time: string } | null {
  const b = beijingNow(now);
  let previous = dayHours(schedule, calendar, addDays(b.date, -1), scope);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const date = addDays(b.date, i);
    const day = dayHours(schedule, calendar, date, scope);
    for (const s of spansOf(day.sessions)) {
      if (i === 0 && s.from <= b.minutes) continue;
      if (s.from === 0 && endsAtMidnight(previous)) continue;
      return { date, time: clock(hhmm(s.from)) };
    }
    previous = day;
  }
  return null;
}

/** Where an open stretch ending at `end` on `date` really ends, following 24:00 → 0:00 joins; null if not within a week. */
function stretchEnd(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  date: string,
  end: number,
  scope: HoursScope,
): { date: string; minutes: number } | null {
  let d = date;
  let to = end;
  for (let i = 0; i < 7; i++) {
    if (to < 24 * 60) return { date: d, minutes: to };
    const nextDay = addDays(d, 1);
    const first = spansOf(dayHours(schedule, calendar, nextDay, scope).sessions)[0];
    if (!first || first.from !== 0) return { date: d, minutes: to };
    d = nextDay;
    to = first.to;
  }
  return null;
}

const NO_HOURS = '暂无开放时间，请致电咨询';

/** A gap that starts around midday reads as a lunch break; later gaps are just a break. */
function isLunchGap(breakStart: number): boolean {
  return breakStart >= 11 * 60 && breakStart <= 14 * 60 + 30;
}

/**
 * Open or closed at `now`, with the sentence to show ('营业中，12:00 午休，13:30 再开门' when
 * a later session follows today). Station exceptions, holidays and 调休
 * all apply; "today" is the Beijing day of `now`. A gap between sessions starting 11:00–14:30
 * reads '午休中', any other gap '休息中'. When nothing opens within SEARCH_DAYS the
 * text says '暂无开放时间，请致电咨询' (kept after '今日休息（reason），' when today's
 * closure has a reason, since the reason is the useful part).
 */
export function openState(
  schedule: StationSchedule,
  calendar: DistrictCalendar,
  now: Date,
  scope: HoursScope = 'station',
): OpenState {
  const b = beijingNow(now);
  const today = dayHours(schedule, calendar, b.date, scope);
  const next = () => nextOpening(schedule, calendar, now, scope);
  const nextWords = (n: { date: string; time: string }) => `${relativeDay(n.date, b.date)} ${n.time} 开门`;

  if (today.kind === 'planned') {
    const n = next();
    const text = schedule.openingDate ? `尚未启用，计划${monthDay(schedule.openingDate)}启用` : '尚未启用';
    return { open: false, label: '尚未启用', text, ...(n ? { next: n } : {}) };
  }
  if (today.kind === 'suspended') {
    const reason = today.closedReason && today.closedReason !== '暂停服务' ? today.closedReason : null;
    return { open: false, label: '暂停服务', text: reason ? `暂停服务（${reason}）` : '暂停服务' };
  }

  const spans = spansOf(today.sessions);
  const current = spans.find((s) => s.from <= b.minutes && b.minutes < s.to);
  if (current) {
    const end = stretchEnd(schedule, calendar, b.date, current.to, scope);
    const n = next();
    const base = { open: true, label: '营业中' as const, ...(n ? { next: n } : {}) };
    if (!end) return { ...base, text: '营业中，24小时开放' };
    const closesAt = clock(hhmm(end.minutes));
    // A later session today: say the break and when it reopens, not just "结束". (The tail
    // of last night, from 0:00, simply ends: "this morning" opening is another day's start.)
    if (end.date === b.date && current.from > 0) {
      const after = spans.find((s) => s.from > end.minutes);
      if (after) {
        const pause = isLunchGap(end.minutes) ? '午休' : '休息';
        return { ...base, closesAt, text: `营业中，${closesAt} ${pause}，${clock(hhmm(after.from))} 再开门` };
      }
    }
    const when = end.date === b.date ? '' : `${relativeDay(end.date, b.date)} `;
    return { ...base, closesAt, text: `营业中，${when}${closesAt} 结束` };
  }

  const n = next();
  const withNext = n ? { next: n } : {};
  if (spans.length === 0) {
    const head = today.closedReason ? `今日休息（${today.closedReason}）` : '今日休息';
    const text = n ? `${head}，${nextWords(n)}` : today.closedReason ? `${head}，${NO_HOURS}` : NO_HOURS;
    return { open: false, label: '今日休息', text, ...withNext };
  }

  const later = spans.find((s) => s.from > b.minutes);
  if (later) {
    const time = clock(hhmm(later.from));
    // A session from 0:00 is the tail of last night, not this morning's opening.
    const ended = spans.filter((s) => s.to <= b.minutes && s.from > 0);
    const lastEnded = ended[ended.length - 1];
    const text = !lastEnded
      ? `今天 ${time} 开门`
      : isLunchGap(lastEnded.to)
        ? `午休中，${time} 开门`
        : `休息中，${time} 开门`;
    return { open: false, label: '休息中', text, ...withNext };
  }

  return { open: false, label: '休息中', text: n ? `已下班，${nextWords(n)}` : NO_HOURS, ...withNext };
}
