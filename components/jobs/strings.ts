/**
 * Every word of the job list (/jobs), in one place so wording can be reviewed together. The
 * list's codes (pay bands, distances, chips, the notice) become words here (jobSearchPage); pay
 * figures and date shortcuts share the fair pages' labels (db/domain/labels-fairs.ts).
 */
import type { JobSearchResult } from '@/db/queries/jobs/list';
import type { JobListItem } from '@/db/queries/jobs/types';
import type { SearchPage } from '@/db/queries/search-page';
import type { Chip as EngineChip, FacetCount } from '@/db/search/engine';
import type { DateWindow } from '@/db/domain/fair-dates';
import type { PayBand } from '@/db/domain/job-pay';
import type { JobDistance } from '@/db/validation/job-search';
import { DATE_WINDOW_LABELS } from '@/db/domain/labels-fairs';
import { singleValuePage } from '@/components/search/page-words';

export const PAY_BAND_LABELS: Record<PayBand, string> = {
  negotiable: '面议',
  m5000: '月薪 5000 元起',
  m8000: '月薪 8000 元起',
  gig: '按天或按小时（零工）',
};

export const DISTANCE_LABELS: Record<JobDistance, string> = {
  '3': '3 公里内',
  '5': '5 公里内',
  '10': '10 公里内',
};

export const jobText = {
  listTitle: '找工作',
  listLead: '近期招聘会上的岗位，一处查找：可按岗位、企业、工资、街镇、时间和离您多远筛选。到招聘会现场或线上即可应聘，免费入场。',
  metaDescription: '丰台区近期招聘会的全部岗位：按岗位名称、企业、要求搜索，按工资、街镇、举办时间和距离筛选，看每个岗位在哪场招聘会、哪天，以及可先学后聘的培训课程。',
  searchLabel: '查找岗位',
  filtersHeading: '筛选条件',
  resultsHeading: '岗位列表',
  keyword: '搜索岗位',
  keywordHint: '可搜岗位名称、企业名称和岗位要求，如 保安、花乡、退役军人',
  keywordPlaceholder: '如：电工、养老护理员',
  payLegend: '工资',
  payHint: '月薪按工资下限算：“5000 元起”指最低不少于 5000 元。',
  anyPay: '不限',
  dateLegend: '招聘会时间',
  anyDate: '不限',
  streetLabel: '招聘会所在街镇',
  allStreets: '全部街镇',
  streetHint: '线上招聘会的岗位没有街镇，选了街镇就不再显示。',
  originWords: {
    label: '我在哪里',
    hint: '选一个街镇或地标，离您近的岗位排在前面，并显示距离。',
    none: '不选（按招聘会时间排）',
    landmarks: '地标',
    streets: '街镇（按街镇中心算）',
  },
  distanceLabel: '离我多远',
  distanceHint: '先在“我在哪里”选一个地点，才能按距离筛选。',
  anyDistance: '不限距离',
  moreFilters: '更多筛选条件',
  chosen: (n: number) => (n > 0 ? `已选 ${n} 项` : '街镇、我在哪里、距离'),

  // Cards
  employer: '招聘单位',
  pay: '工资',
  headcount: (n: number) => `招 ${n} 人`,
  requirements: '要求',
  fair: '招聘会',
  when: '时间',
  where: '地点',
  online: '线上招聘会',
  distance: (metres: number) => (metres < 1000 ? `离您约 ${Math.max(100, Math.round(metres / 100) * 100)} 米` : `离您约 ${(metres / 1000).toFixed(1)} 公里`),
  course: '先学后聘',
  courseLink: (title: string) => `先参加培训：${title}`,
  postponed: '招聘会已延期，新时间待定',
  happeningNow: '正在进行',

  // Zero results
  emptyTitle: '没有找到符合条件的岗位',
  emptyIntro: '可以试试放宽条件：',
  emptyDrop: (label: string) => `去掉“${label}”再找`,
  emptyClear: '清除全部条件，看所有岗位',
  emptyFairs: '看看近期招聘会',
  emptyCall: '也可以拨打 12333 人社服务热线，问问有哪些岗位。',
  call12333: '拨打 12333',

  // Links from elsewhere
  homeLink: '找工作：查招聘会上的岗位',
  homeLinkHint: '按岗位、工资、街镇和离您多远查找近期招聘会的岗位',
  fairLink: '查看本场招聘会的岗位',
  fairLinkAll: '查找所有近期招聘会的岗位',
} as const;

/** Words on the active-filter chips. */
export const JOB_CHIP_LABELS = {
  q: (q: string) => `关键词：${q}`,
  pay: (p: string) => `工资：${p}`,
  street: (s: string) => `街镇：${s}`,
  date: (d: string) => `时间：${d}`,
  dist: (d: string) => `距离：${d}`,
  fair: (f: string) => `招聘会：${f}`,
  near: (n: string) => `我在：${n}`,
  myLocation: '我在：我的位置',
} as const;

/** The job list's result in words: facet options and chips get labels, the notice code its sentence. */
export function jobSearchPage(r: JobSearchResult): SearchPage<JobListItem> & Pick<JobSearchResult, 'origin'> {
  const facetLabel = (key: string, o: FacetCount): string => {
    if (o.name !== undefined) return o.name;
    if (key === 'pay') return PAY_BAND_LABELS[o.value as PayBand] ?? o.value;
    if (key === 'date') return DATE_WINDOW_LABELS[o.value as DateWindow] ?? o.value;
    if (key === 'dist') return DISTANCE_LABELS[o.value as JobDistance] ?? o.value;
    return o.value;
  };
  const chipLabel = (c: EngineChip): string => {
    const v = c.value ?? '';
    switch (c.key) {
      case 'q':
        return JOB_CHIP_LABELS.q(v);
      case 'pay':
        return JOB_CHIP_LABELS.pay(PAY_BAND_LABELS[v as PayBand] ?? v);
      case 'street':
        return JOB_CHIP_LABELS.street(c.name ?? v);
      case 'date':
        return JOB_CHIP_LABELS.date(DATE_WINDOW_LABELS[v as DateWindow] ?? v);
      case 'dist':
        return JOB_CHIP_LABELS.dist(DISTANCE_LABELS[v as JobDistance] ?? v);
      case 'fair':
        return JOB_CHIP_LABELS.fair(c.name ?? v);
      case 'near':
        return JOB_CHIP_LABELS.near(c.name ?? v);
      default:
        return JOB_CHIP_LABELS.myLocation;
    }
  };
  return { ...singleValuePage(r, facetLabel, chipLabel), origin: r.origin };
}
