/**
 * Words residents read for job-fair enums (types, statuses, pay units) and the small phrases
 * built from them. Used by queries, pages and the calendar file alike, so it lives beside the
 * data and has no server-only import. Pure; safe on both sides.
 */
import { FAIR_TYPES, type FairStatus, type FairType, type PayUnit, type Recurrence } from '../enums';
import { clock, weekdayList } from './calendar';

export const FAIR_TYPE_LABELS: Record<FairType, string> = {
  general: '综合',
  special: '专场',
  short_training: '短训快聘',
  spring_breeze: '春风行动',
  graduates: '高校毕业生',
  disability: '残疾人',
  new_forms: '新就业形态',
  gig_market: '零工市场',
  online: '线上',
};

/** The order types appear in filters: the schema lists the everyday ones first. */
export const FAIR_TYPE_ORDER: readonly FairType[] = FAIR_TYPES;

export const FAIR_STATUS_LABELS: Record<FairStatus, string> = {
  scheduled: '如期举行',
  postponed: '延期',
  cancelled: '已取消',
};

export const PAY_UNIT_LABELS: Record<PayUnit, string> = {
  month: '元/月',
  day: '元/天',
  hour: '元/小时',
};

/** '6000–8000 元/月', '200 元/天起', '最高 30 元/小时', or '面议' when no figure is given. */
export function payText(min: number | null, max: number | null, unit: PayUnit): string {
  const u = PAY_UNIT_LABELS[unit];
  if (min !== null && max !== null) return min === max ? `${min} ${u}` : `${min}–${max} ${u}`;
  if (min !== null) return `${min} ${u}起`;
  if (max !== null) return `最高 ${max} ${u}`;
  return '面议';
}

/**
 * The weekdays of a weekly schedule as residents say them: runs of three or more days join
 * with 至 (周一至周六), others are listed (周二、周四); all seven days is 每天.
 */
export function weekdaysText(weekdays: readonly number[]): string {
  const list = weekdayList(weekdays);
  return list === '' || list === '每天' ? list : `每${list}`;
}

/** '每周一至周六 7:00–11:00' */
export function recurrenceText(r: Recurrence): string {
  return `${weekdaysText(r.weekdays)} ${clock(r.opens)}–${clock(r.closes)}`;
}

/** Date shortcuts on the fair list. Keys match DATE_WINDOWS in ./fair-dates. */
export const DATE_WINDOW_LABELS = {
  today: '今天',
  tomorrow: '明天',
  week: '7天内',
  month: '30天内',
} as const;

export const FAIR_WHEN_LABELS = {
  upcoming: '近期招聘会',
  past: '往期招聘会',
} as const;

/** Words on the active-filter chips of the fair list. */
export const FAIR_CHIP_LABELS = {
  q: (q: string) => `关键词：${q}`,
  type: (t: string) => `类型：${t}`,
  street: (s: string) => `街镇：${s}`,
  date: (d: string) => `时间：${d}`,
  past: '只看往期招聘会',
} as const;
