/**
 * Every word the course pages show, in one place for review and later translation.
 * Enum names (levels, cost types, statuses) live in db/domain because the data layer uses them.
 */
import { formatDistance, walkingMinutes } from '@/db/domain/distance';
import { COURSE_FILTER_LABELS } from '@/db/domain/labels-courses';

export const coursesText = {
  title: '技能培训课程',
  metaDescription: '丰台区职业技能培训课程：按工种、等级、街镇、费用和开课时间查找，免费和有补贴的班期、剩余名额、报名截止时间一目了然。',
  lead: '找一门适合自己的职业技能培训：开课时间、上课地点、剩余名额和报名截止日一次看清。很多课程对符合条件的人员免费。',

  // Search form
  formLabel: '搜索培训课程',
  keyword: '搜索课程',
  keywordHint: '工种、课程名、学校或地址都可以，也可以输入拼音首字母，如 yllh（园林绿化）。',
  keywordPlaceholder: '如：电工',
  filters: '筛选和排序',
  filtersChosen: (n: number) => (n > 0 ? `已选 ${n} 项` : '点开选择'),
  labels: COURSE_FILTER_LABELS,
  anyOccupation: '全部工种',
  anyStreet: '全部街镇',
  anyGroup: '不限',
  statusHint: '不勾选时，只显示还没开课的班期（报名中、已满、已截止）。想看正在上课或已结束的，请勾选。',
  dualHint: '一次培训，同时拿职业技能等级证书和上岗证',
  whenLabel: '上课时间',
  whenOptions: { weekend: '周末上课', evening: '晚上上课（18点以后）' } as Record<string, string>,
  whenHint: '白天要上班的，可以选周末班或晚班。',
  seatsOnly: '只看还有名额的',
  seatsHint: '已报满的班期不显示',
  originWords: {
    label: COURSE_FILTER_LABELS.from,
    none: '不选（按开课时间）',
    streets: '街镇中心',
    landmarks: '地标',
    hint: '选一个离您近的地方，就能看到上课地点离您多远。',
  },
  sortLabel: '排序',
  liveError: '结果暂时没能更新，请点“查看结果”再试一次。',
  needsOrigin: '要按“离我最近”排序，请先在“我在哪里”选一个地方。现在按开课时间排序。',

  // Results
  resultsHeading: '搜索结果',
  unitCourses: (n: number) => `${n} 门课程`,
  level: '等级',
  provider: '培训学校',
  nextRun: '最近班期',
  nearestRun: '离您最近的班期',
  dates: '上课日期',
  place: '上课地点',
  cost: '费用',
  seats: '名额',
  distanceLabel: '距离',
  seatsLeft: (left: number, total: number) => (left > 0 ? `剩 ${left} 个（共 ${total} 个）` : `已报满（共 ${total} 个）`),
  distance: (origin: string, metres: number) => {
    const d = formatDistance(metres);
    return metres <= 5000
      ? `距${origin}约 ${d}，步行约 ${walkingMinutes(metres)} 分钟`
      : `距${origin}约 ${d}，建议乘公交或地铁`;
  },
  otherRuns: (n: number) => `另有 ${n} 个班期符合条件`,
  cardCostSubsidy: (fee: number | null, subsidy: number | null) =>
    fee != null && subsidy != null ? `培训费 ${fee} 元，可补贴 ${subsidy} 元` : subsidy != null ? `可补贴 ${subsidy} 元` : '可补贴',
  cardCostFree: '免费（符合条件者）',
  countUnit: '按课程计数，一门课可有多个班期',
  facetUnit: '选项后括号里的数字是课程门数。',
  viewCourse: (title: string) => `查看课程：${title}`,
  dualBadge: '一培双证',
  freeBadge: '免费',

  // Zero results
  emptyTitle: '没有找到符合条件的课程',
  emptyIntro: '可以放宽一些条件再试试：',
  widenDrop: (label: string, n: number) => `去掉“${label}”（${n} 门课程）`,
  widenEnded: (n: number) => `也看正在上课和已结束的班期（${n} 门课程）`,
  emptyCall: '也可以拨打人社服务热线',
  emptyCallAfter: '，说明想学的工种和方便上课的地方，工作人员帮您找合适的课程。',
  hotline: '12333',

  // Detail page
  backToList: '返回课程列表',
  backToResults: '返回刚才的搜索结果',
  myPlace: '您的位置',
  matchedHeading: (n: number) => `符合您筛选条件的班期（${n} 个）`,
  matchedNone: '这门课没有符合您筛选条件的班期，下面是它的其他班期。',
  matchedEnded: (n: number) => `符合您筛选条件的 ${n} 个班期都已结束，在下方「已结束的班期」里。`,
  matchedBadge: '符合您的筛选条件',
  otherRunsHeading: (n: number) => `这门课的其他班期（${n} 个）`,
  allFullTitle: '这门课目前没有可以报名的班期（都已报满、截止或结束）',
  allFullLead: (occupation: string) => `同是「${occupation}」工种、还能报名的课程和班期：`,
  allFullNone: (occupation: string) => `暂时没有其他「${occupation}」课程可以报名。`,
  followHeading: '有新班期时提醒我',
  followText: '用订阅阅读器（RSS / Atom）订阅下面的地址，这个工种一有新课程或新班期就会看到，不用留电话或姓名：',
  followLink: (occupation: string) => `订阅「${occupation}」的新课程`,
  allOccupationCourses: (occupation: string) => `查看全部「${occupation}」课程`,
  notFoundTitle: '课程没有找到',
  summary: '课程简介',
  sections: {
    suitableFor: '适合人群',
    requirements: '报名条件',
    content: '学什么',
    method: '怎么学',
    materials: '需携带材料',
    assessment: '考核方式',
    outcomes: '结业后去向',
  },
  occupation: '工种',
  duration: '学习时长',
  durationDays: (n: number) => `约 ${n} 天`,
  runsHeading: '班期和报名',
  runsIntro: (n: number) => (n > 0 ? `共 ${n} 个班期。同一门课在不同时间、不同地点开班，请选一个方便的。` : '这门课暂时没有班期，请留意后续通知，或拨打下方电话咨询。'),
  allRunsLink: (n: number) => `查看全部 ${n} 个可报名或进行中的班期`,
  pastRunsSummary: (shown: number, all: number) => (shown < all ? `已结束的班期（最近 ${shown} 个，共 ${all} 个）` : `已结束的班期（${all} 个）`),
  runClassTime: '上课时间',
  runDeadline: '报名截止',
  runTheory: '理论课地点',
  runPractice: '实操基地',
  runCertificates: '结业可获证书',
  runCost: '费用',
  runGroups: '面向人群',
  runContact: '报名咨询',
  callContact: (name: string, phone: string) => `打电话给${name}：${phone}`,
  runNote: '说明',
  deadlineOn: (date: string) => `${date}（含当天）`,
  dualExplainTitle: '什么是“一培双证”？',
  dualExplain:
    '参加一次培训，结业后可以同时考取两个证书：职业技能等级证书和本工种的上岗证（如低压电工特种作业操作证、叉车证、保安员证）。不用再单独报一次上岗证培训，省时间也省钱。',
  certCheck: '证书全国通用，可在人力资源和社会保障部官网查询真伪。',
  certCheckLink: '人社部官网',
  certCheckUrl: 'https://www.mohrss.gov.cn/',
  jobsHeading: '这门课对应的招聘岗位',
  jobsIntro: '下面这些招聘会上，有企业在招学过这门课的人：',
  jobsNone: '近期招聘会上还没有对应这门课的岗位。可以先看看全部招聘会。',
  allFairs: '看全部招聘会',
  jobFair: '招聘会',
  jobEmployer: '企业',
  jobPosition: '岗位',
  jobPay: '待遇',
  jobHeadcount: (n: number) => `招 ${n} 人`,
  standingFair: '常设',
  payUnits: { month: '元/月', day: '元/天', hour: '元/小时' } as const,
  payNegotiable: '面议',
  providerHeading: '培训学校',
  providerPhone: '学校电话',
  providerAddress: '学校地址',
  helpHeading: '还有问题？',
  helpText: '拨打人社服务热线',
  helpTextAfter: '咨询培训补贴、报名条件等问题。',
  invalidIdTitle: '课程没有找到',
} as const;

/** Pay as residents read it: 6000–8000 元/月, 200 元/天 or 面议. */
export function payText(min: number | null, max: number | null, unit: keyof typeof coursesText.payUnits): string {
  const u = coursesText.payUnits[unit];
  if (min != null && max != null) return min === max ? `${min} ${u}` : `${min}–${max} ${u}`;
  if (min != null) return `${min} ${u}起`;
  if (max != null) return `最高 ${max} ${u}`;
  return coursesText.payNegotiable;
}
