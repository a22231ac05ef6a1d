/**
 * Chinese names for the course enums. Shared by the data layer (chips, facet labels) and the
 * pages, so no 'server-only' here.
 */
import type { CertificateKind, CostType } from '../schema';

/** National skill levels, 5 = entry … 1 = top, as printed on certificates. */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};

/** The label for a level number, tolerating values outside 1–5 (never throws on bad data). */
export function levelLabel(level: number): string {
  return LEVEL_LABELS[level as Level] ?? `${level}级`;
}

export const COST_TYPE_LABELS: Record<CostType, string> = {
  free: '免费',
  subsidy: '补贴',
  self: '自费',
};

export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = {
  skill: '职业技能等级证书',
  licence: '上岗证/特种作业操作证',
};

/** Names of the course filters, as chips and form labels say them. */
export const COURSE_FILTER_LABELS = {
  q: '关键词',
  occupation: '工种',
  level: '等级',
  street: '上课街镇',
  cost: '费用',
  dual: '一培双证',
  group: '适合人群',
  start: '开课时间',
  status: '班期状态',
  from: '我在哪里',
  sort: '排序',
} as const;

/** The course list's orders (the URL's sort=…), and what residents see for each. */
export const COURSE_SORTS = ['start', 'near', 'new'] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

export const COURSE_SORT_LABELS: Record<CourseSort, string> = {
  start: '最早开课',
  near: '离我最近',
  new: '最新发布',
};
