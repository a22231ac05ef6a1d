/**
 * Every word of the job-fair pages, in one place so wording can be reviewed together. Enum
 * labels (types, statuses, pay units, date shortcuts) live in db/domain/labels-fairs.ts, shared
 * with the spreadsheet exports and the open-data API; the fair list's codes (facets, chips, the
 * notice) become words here (fairSearchPage).
 */
import type { FairType, Recurrence } from '@/db/schema';
import type { DateWindow } from '@/db/domain/fair-dates';
import { DATE_WINDOW_LABELS, FAIR_CHIP_LABELS, FAIR_TYPE_LABELS, FAIR_WHEN_LABELS, recurrenceText } from '@/db/domain/labels-fairs';
import type { FairSearchResult } from '@/db/queries/fairs/list';
import type { FairListItem } from '@/db/queries/fairs/types';
import type { SearchPage } from '@/db/queries/search-page';
import type { Chip as EngineChip, FacetCount } from '@/db/search/engine';
import type { FairWhen } from '@/db/validation/fair-search';
import { singleValuePage } from '@/components/search/page-words';
import { WEEKDAY_NAMES, clock, monthDay, monthDayWeekday, weekdayOf } from '@/db/domain/calendar';

export const fairText = {
  listTitle: '招聘会',
  listLead: '丰台区公益招聘会、零工市场和线上招聘，免费入场。可按时间、类型和街镇查找。',
  metaDescription: '丰台区近期招聘会：春风行动、短训快聘、高校毕业生和残疾人专场、零工市场、线上直播带岗，看参会单位、岗位和工资。',
  searchLabel: '查找招聘会',
  filtersHeading: '筛选条件',
  resultsHeading: '招聘会列表',
  keyword: '搜索招聘会',
  keywordHint: '可搜名称、主办单位、企业和岗位，也可输入拼音首字母，如 dg（电工）',
  keywordPlaceholder: '如：电工、保安',
  dateLegend: '举办时间',
  typeLabel: '招聘会类型',
  streetLabel: '举办地点所在街镇',
  streetHint: '线上招聘会没有街镇，选了街镇就不再显示。',
  allTypes: '全部类型',
  allStreets: '全部街镇',
  anyDate: '不限',
  pastToggle: '只看往期招聘会',
  pastToggleHint: '已经结束的招聘会，最近的排在前面',
  moreFilters: '更多筛选条件',
  chosen: (n: number) => (n > 0 ? `已选 ${n} 项` : '类型、街镇、往期'),
  upcomingCount: (n: number) => `共 ${n} 场近期招聘会`,
  pastCount: (n: number) => `共 ${n} 场往期招聘会`,

  // Cards
  cardWhen: '时间',
  cardWhere: '地点',
  cardJobs: '岗位',
  nextSession: '下一场',
  happeningNow: '正在进行',
  today: '今天',
  /** A market's session today: '今天 7:00–11:00', with 正在进行 while it is on. */
  todaySession: (opens: string, closes: string, now: boolean) => `今天 ${clock(opens)}–${clock(closes)}${now ? ' 正在进行' : ''}`,
  ended: '已结束',
  online: '线上举办',
  alsoOnline: '另有线上直播',
  employers: (n: number) => `${n} 家单位`,
  positions: (n: number) => `${n} 个岗位`,
  headcount: (n: number) => `招 ${n} 人`,
  noEmployersYet: '参会单位陆续公布中',
  shortTrainingHint: '对接短期培训课程：先学后聘，结业即可面试',
  statusNotePrefix: '说明：',
  sessionsOver: '本期已全部结束',

  // Zero results
  emptyTitle: '没有找到符合条件的招聘会',
  emptyIntro: '可以试试放宽条件：',
  emptyDrop: (label: string) => `去掉“${label}”再找`,
  emptyClear: '清除全部条件，看所有近期招聘会',
  emptyPast: '看看往期招聘会',
  emptyUpcoming: '看近期招聘会',
  emptyCall: '也可以拨打 12333 人社服务热线，问问近期有哪些招聘会。',
  call12333: '拨打 12333',

  // Detail
  backToList: '返回招聘会列表',
  whenHeading: '举办时间',
  whereHeading: '举办地点',
  howHeading: '如何参加',
  aboutHeading: '招聘会简介',
  employersHeading: '参会单位和岗位',
  employersSummary: (e: number, p: number, h: number) => `共 ${e} 家单位、${p} 个岗位，招聘 ${h} 人。`,
  contactHeading: '咨询',
  organiser: '主办单位',
  contactPhone: '咨询电话',
  callPhone: (n: string) => `拨打咨询电话 ${n}`,
  addToCalendar: '添加到日历',
  addToCalendarHint: '下载日历文件（.ics），手机或电脑日历会提醒您按时参加。',
  newWindow: '（在新窗口打开）',
  openOnline: '进入线上招聘会',
  onlineNote: '线上招聘会在网上举办，用手机或电脑打开链接即可参加。',
  street: '所在街镇',
  address: '地址',
  venue: '场馆',
  directions: '交通和场地',
  schedule: '时间安排',
  scheduleWas: '原定时间',
  comingSessions: '最近几场',
  booth: (b: string) => `展位 ${b}`,
  industry: '行业',
  positionHeadcount: (n: number) => `招 ${n} 人`,
  pay: '工资',
  requirements: '要求',
  noPositions: '岗位信息待公布，可到现场咨询。',
  noEmployers: '参会单位正在陆续确定，请留意更新或拨打咨询电话。',
  courseLink: (title: string) => `先学后聘：参加《${title}》`,
  pastNotice: '这场招聘会已经结束。',
  pastNoticeMore: '可以看看近期的招聘会。',
  cancelledNotice: '这场招聘会已取消',
  postponedNotice: '这场招聘会已延期',
  happeningNotice: '招聘会正在进行，现在去还来得及。',
  notFoundTitle: '招聘会没有找到',
  icsBeijingTime: '（北京时间）',
  locality: '北京市丰台区',
  icsNotFound: '招聘会没有找到',
  icsPostponed: '这场招聘会已延期，新的时间还没有确定，暂时不能添加到日历。新时间公布后请再来添加。',
  icsFailed: '日历文件暂时无法生成，请稍后再试。',
} as const;

/** '11月25日（周三）', or with the year in front for fairs of the past ('2025年3月7日（周五）'). */
function dayText(date: string, withYear: boolean): string {
  return withYear ? `${date.slice(0, 4)}年${monthDayWeekday(date)}` : monthDayWeekday(date);
}

/** '11月25日（周三） 9:00–12:00' */
export function oneDayText(date: string, opens: string, closes: string, withYear = false): string {
  return `${dayText(date, withYear)} ${clock(opens)}–${clock(closes)}`;
}

/** '11月27日（周五）至11月29日（周日），每天 9:00–16:00' */
export function manyDaysText(from: string, to: string, opens: string, closes: string, withYear = false): string {
  return `${dayText(from, withYear)}至${dayText(to, withYear && to.slice(0, 4) !== from.slice(0, 4))}，每天 ${clock(opens)}–${clock(closes)}`;
}

/** The date tile's three lines: '11月', '25', '周三'. */
export function dateTile(date: string): { month: string; day: string; weekday: string } {
  const [month = '', day = ''] = monthDay(date).split('月');
  return { month: `${month}月`, day: day.replace('日', ''), weekday: WEEKDAY_NAMES[weekdayOf(date)] ?? '' };
}

/**
 * When a fair is on, in one line: a market's weekly hours, one day, or several days. Past
 * fairs carry the year, since the «往期» list reaches back into earlier years.
 */
export function fairTimeText(f: { startsAt: string; endsAt: string; recurrence: Recurrence | null }, withYear = false): string {
  if (f.recurrence) return recurrenceText(f.recurrence);
  const [startDate = '', startTime = ''] = f.startsAt.split('T');
  const [endDate = '', endTime = ''] = f.endsAt.split('T');
  return startDate === endDate
    ? oneDayText(startDate, startTime, endTime, withYear)
    : manyDaysText(startDate, endDate, startTime, endTime, withYear);
}

/**
 * The fair list's result in words: facet options and chips get their labels, the notice code
 * its sentence. The page and the read action hand this to the browser.
 */
export function fairSearchPage(r: FairSearchResult): SearchPage<FairListItem> {
  const facetLabel = (key: string, o: FacetCount): string => {
    if (o.name !== undefined) return o.name;
    if (key === 'type') return FAIR_TYPE_LABELS[o.value as FairType] ?? o.value;
    if (key === 'date') return DATE_WINDOW_LABELS[o.value as DateWindow] ?? o.value;
    if (key === 'when') return FAIR_WHEN_LABELS[o.value as FairWhen] ?? o.value;
    return o.value;
  };
  const chipLabel = (c: EngineChip): string => {
    const v = c.value ?? '';
    switch (c.key) {
      case 'q':
        return FAIR_CHIP_LABELS.q(v);
      case 'type':
        return FAIR_CHIP_LABELS.type(FAIR_TYPE_LABELS[v as FairType] ?? v);
      case 'street':
        return FAIR_CHIP_LABELS.street(c.name ?? v);
      case 'date':
        return FAIR_CHIP_LABELS.date(DATE_WINDOW_LABELS[v as DateWindow] ?? v);
      default:
        return FAIR_CHIP_LABELS.past;
    }
  };
  return singleValuePage(r, facetLabel, chipLabel);
}
