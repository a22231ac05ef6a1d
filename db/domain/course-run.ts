/**
 * What a course run (班期) looks like to a resident on a given Beijing day: its status, the
 * registration countdown, class days, cost. Pure functions with no I/O; `today` is always
 * passed in ('YYYY-MM-DD', Beijing) so tests can fix the clock.
 */
import type { CostType } from '../schema';
import { addDays, clock, daysBetween, fullDate, monthDay, weekdayList } from './calendar';

export const RUN_STATUSES = ['open', 'full', 'closed', 'running', 'ended'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  open: '报名中',
  full: '已满',
  closed: '已截止',
  running: '进行中',
  ended: '已结束',
};

/** Runs that have not started yet: what the course list shows unless asked otherwise. */
export const UPCOMING_STATUSES: readonly RunStatus[] = ['open', 'full', 'closed'];

export type RunDates = { startDate: string; endDate: string; seatsLeft: number; deadline: string };

/**
 * A run's status on `today`. Dates win over seats: a run that has started is 进行中 even with
 * seats left, and a full run is 已满 even before its deadline passes.
 */
export function runStatus(run: RunDates, today: string): RunStatus {
  if (today > run.endDate) return 'ended';
  if (today >= run.startDate) return 'running';
  if (run.seatsLeft <= 0) return 'full';
  if (today > run.deadline) return 'closed';
  return 'open';
}

/** Whole days from today to the (inclusive) deadline: 0 on the last day, negative after. */
export function daysToDeadline(deadline: string, today: string): number {
  return daysBetween(today, deadline);
}

/** Far-off deadlines read better as a date than as a long countdown. */
const COUNTDOWN_DAYS = 30;

/** «今天截止» / «还剩3天截止» / «12月20日截止» / «报名已截止». */
export function deadlineText(deadline: string, today: string): string {
  return deadlineWords(daysToDeadline(deadline, today), deadline);
}

/** The same wording from a day count already worked out on the server (browser has no "today"). */
export function deadlineWords(days: number, deadline: string): string {
  if (days < 0) return '报名已截止';
  if (days === 0) return '今天截止';
  if (days > COUNTDOWN_DAYS) return `${monthDay(deadline)}截止`;
  return `还剩${days}天截止`;
}

/** The countdown is worth showing only while people can still sign up. */
export function deadlineCountdown(run: RunDates, today: string): string | null {
  return runStatus(run, today) === 'open' ? deadlineText(run.deadline, today) : null;
}

/** True when the deadline is today or within three days: the card then stresses it. */
export function deadlineIsNear(deadline: string, today: string): boolean {
  const days = daysToDeadline(deadline, today);
  return days >= 0 && days <= 3;
}

/** '1,2,3,4,5' → '周一至周五'; '6,7' → '周六、周日'; '1,3,5' → '周一、周三、周五'; all → '每天'. */
export function classDaysText(classDays: string): string {
  return weekdayList(classDays.split(',').map((d) => Number(d.trim())));
}

/** '09:00', '16:30' → '9:00–16:30' */
export function dailyTimeText(start: string, end: string): string {
  return `${clock(start)}–${clock(end)}`;
}

/** '12月1日–12月5日'; with years when the run crosses into another year; one day alone. */
export function dateRangeText(startDate: string, endDate: string): string {
  if (startDate === endDate) return monthDay(startDate);
  if (startDate.slice(0, 4) !== endDate.slice(0, 4)) return `${fullDate(startDate)}–${fullDate(endDate)}`;
  return `${monthDay(startDate)}–${monthDay(endDate)}`;
}

/** The same range with its year said once, for paper and images read away from the page: '2026年12月1日–12月5日', '2026年12月28日–2027年1月11日'. */
export function datedRangeText(startDate: string, endDate: string): string {
  if (startDate.slice(0, 4) !== endDate.slice(0, 4)) return dateRangeText(startDate, endDate);
  return startDate === endDate ? fullDate(startDate) : `${fullDate(startDate)}–${monthDay(endDate)}`;
}

export type RunCost = { costType: CostType; fee: number | null; subsidy: number | null };

/** «免费» / «补贴 800 元» / «自费 1200 元» (the amount left out when unknown). */
export function costText(cost: RunCost): string {
  switch (cost.costType) {
    case 'free':
      return '免费';
    case 'subsidy':
      return cost.subsidy != null ? `补贴 ${cost.subsidy} 元` : '补贴';
    case 'self':
      return cost.fee != null ? `自费 ${cost.fee} 元` : '自费';
  }
}

/** The longer wording for the detail page: what is paid first and what comes back. */
export function costDetailText(cost: RunCost): string | null {
  if (cost.costType === 'subsidy' && cost.fee != null && cost.subsidy != null) {
    const own = Math.max(0, cost.fee - cost.subsidy);
    return `培训费 ${cost.fee} 元，符合条件的可享受技能提升补贴 ${cost.subsidy} 元，个人实际承担约 ${own} 元。`;
  }
  if (cost.costType === 'free') return '符合条件的人员免费参加，无需缴纳培训费。';
  return null;
}

export const START_WINDOWS = ['any', '2w', '1m', '3m'] as const;
export type StartWindow = (typeof START_WINDOWS)[number];

export const START_WINDOW_LABELS: Record<StartWindow, string> = {
  any: '任何时间',
  '2w': '两周内开课',
  '1m': '一个月内开课',
  '3m': '三个月内开课',
};

const WINDOW_DAYS: Record<Exclude<StartWindow, 'any'>, number> = { '2w': 14, '1m': 30, '3m': 90 };

/** The last start day (inclusive) a window allows from `today`; null for 任何时间. */
export function startWindowEnd(window: StartWindow, today: string): string | null {
  return window === 'any' ? null : addDays(today, WINDOW_DAYS[window]);
}

/** 一培双证: the run awards both a skill-level certificate and the trade's licence. */
export function isDualCertificate(kinds: readonly string[]): boolean {
  return kinds.includes('skill') && kinds.includes('licence');
}

/**
 * Display order for a course's runs: runs still to come or under way first, soonest first;
 * finished runs after them, most recent first.
 */
export function sortRunsForDisplay<T extends { startDate: string; endDate: string; id: number }>(runs: T[], today: string): T[] {
  return [...runs].sort((a, b) => {
    const aEnded = today > a.endDate;
    const bEnded = today > b.endDate;
    if (aEnded !== bEnded) return aEnded ? 1 : -1;
    if (a.startDate !== b.startDate) return aEnded ? (a.startDate < b.startDate ? 1 : -1) : a.startDate < b.startDate ? -1 : 1;
    return a.id - b.id;
  });
}
