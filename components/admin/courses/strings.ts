/**
 * Wording of the admin course and run (班期) pages, and what their forms and actions say about
 * fields: the labels, and the sentences for the codes the schemas (db/validation/admin/course.ts,
 * run.ts) and writers (db/admin/course-refusals.ts) answer with — written once, here.
 */
import type { CourseProblem } from '@/db/validation/admin/course';
import type { RunProblem } from '@/db/validation/admin/run';
import type { CourseRefusal } from '@/db/admin/course-refusals';
import type { EntityWords } from '../field-words';
import { coursesText } from '../../courses/strings';

/** A course's field names in words, for its form, error summaries and conflict notices. */
export const COURSE_FIELD_LABELS = {
  title: '课程名称',
  occupationId: '工种',
  level: '等级',
  providerId: '培训机构',
  durationDays: '培训天数',
  summary: '一句话简介',
  // The seven sections, named as residents read them on the course page.
  ...coursesText.sections,
} as const satisfies Record<string, string>;

/**
 * A run's field names in words. Dates are said as the import template and the public pages say
 * them: 开课日期, 结课日期, 报名截止 (one wording for the form, the import and residents).
 */
export const RUN_FIELD_LABELS = {
  label: '班期名称',
  startDate: '开课日期',
  endDate: '结课日期',
  classDays: '上课日',
  dailyStart: '每天开始时间',
  dailyEnd: '每天结束时间',
  theoryPlaceId: '理论授课地点',
  practicePlaceId: '实操地点',
  seats: '总名额',
  seatsLeft: '剩余名额',
  deadline: '报名截止',
  costType: '费用类型',
  fee: '费用（元）',
  subsidy: '补贴（元）',
  contactName: '联系人',
  contactPhone: '联系电话',
  note: '备注',
  certificates: '证书',
  groups: '适合人群',
} as const satisfies Record<string, string>;

/** A certificate's fields (certificates.0.name …), named by their last key. */
const CERTIFICATE_FIELD_LABELS = { kind: '证书类型', name: '证书名称', issuer: '发证机构' } as const;

const L = COURSE_FIELD_LABELS;
const sectionNeeded = (k: keyof typeof L) => `发布前请填写「${L[k]}」`;

/** Sentences for what a course or a run can be refused for, beyond any field's problems. */
export const courseProblems = {
  levelUncertified: '这个工种没有这个等级，请改选工种可鉴定的等级',
  durationNeeded: '发布前请填写培训天数，居民要据此安排时间',
  summaryNeeded: sectionNeeded('summary'),
  suitableForNeeded: sectionNeeded('suitableFor'),
  requirementsNeeded: sectionNeeded('requirements'),
  contentNeeded: sectionNeeded('content'),
  methodNeeded: sectionNeeded('method'),
  assessmentNeeded: sectionNeeded('assessment'),
} as const satisfies Record<CourseProblem, string>;

export const runProblems = {
  classDaysNeeded: '请至少选择一个上课日',
  tooManyCertificates: '一个班期最多填写 6 个证书',
  groupMissing: '请从列表中选择适合人群',
  endBeforeStart: '结课日期不能早于开课日期',
  deadlineAfterEnd: '报名截止不能晚于结课日期',
  dailyEndNotAfter: '每天结束时间要晚于开始时间',
  seatsLeftOver: '剩余名额不能多于总名额',
  runEnded: '这个班期已经结束，不能再发布；如要再开班，请用「复制为新班期」',
  deadlineAfterStart: '报名截止不能晚于开课日期',
  seatsNone: '总名额要大于 0',
  feeNeededSelf: '自费班期请填写费用（元）',
  feeNeededSubsidy: '补贴班期请填写费用（元），即补贴前的价格',
  subsidyNeeded: '补贴班期请填写补贴金额（元）',
  subsidyOverFee: '补贴金额不能多于费用',
  contactNameNeeded: '发布前请填写联系人，居民要知道找谁报名',
  contactPhoneNeeded: '发布前请填写联系电话，例如 010-63812345',
} as const satisfies Record<RunProblem, string>;

export const courseRefusals = {
  occupationMissing: '请从列表中选择工种',
  levelNotOffered: '这个工种不鉴定这个等级，请从列表中选择',
  providerMissing: '请从列表中选择培训机构',
  unknownMove: '未知的操作',
  courseArchived: '这门课程已归档，请先恢复为草稿再修改。',
  courseNotDeletable: '只能删除从未发布过的草稿。已发布过的课程请用「撤下」或「归档」，记录会保留。',
  courseNotFound: '找不到这门课程',
  courseGone: '找不到这门课程，可能已被删除。',
  courseArchivedNoRuns: '这门课程已归档，不能再添加班期。',
  courseNotPublished: '所属课程还没有发布。请先发布课程，再发布班期。',
  courseWithdrawn: '所属课程已撤下，居民看不到。请先重新发布课程（可以和班期一起发布）。',
  returnNoteNeeded: '请写明需要修改什么，培训机构会看到这段话',
  withdrawReasonNeeded: '请写明撤下的原因，会记入修改记录',
  runArchived: '这个班期已归档，请先恢复为草稿再修改。',
  runLiveIncomplete: '这个班期已发布，保存后要仍然完整正确：',
  runNotDeletable: '只能删除从未发布过的草稿班期。已发布过的班期请用「撤下」或「归档」，记录会保留。',
  runNotFound: '找不到这个班期',
  theoryPlaceMissing: '请从列表中选择理论授课地点',
  practicePlaceMissing: '请从列表中选择实操地点',
} as const satisfies Record<CourseRefusal, string>;

const problems = { ...courseProblems, ...runProblems, ...courseRefusals };

/** Everything a course's form, actions and conflicts say about its fields (components/admin/field-words.ts). */
export const COURSE_WORDS: EntityWords = { labels: COURSE_FIELD_LABELS, problems };
/** The same for a run: its labels (a certificate's too), its rules and the writers' refusals worded. */
export const RUN_WORDS: EntityWords = { labels: { ...RUN_FIELD_LABELS, ...CERTIFICATE_FIELD_LABELS }, problems };

/** What a saved course or run says: a live record's change is what residents now see. */
export function savedMessage(r: { live: boolean }): string {
  return r.live ? '已保存，居民现在看到的是新内容。' : '已保存。';
}

export const ct = {
  listTitle: '课程与班期',
  listLead: '查找、修改和发布培训课程及其班期。',
  listLeadProvider: (name: string) => `${name}的课程和班期。新建或修改后请「提交审核」，由区人社局编辑发布。`,
  newCourse: '新建课程',
  filters: '筛选课程',
  keyword: '关键词',
  keywordHint: '课程名称、工种或机构',
  occupation: '工种',
  level: '等级',
  provider: '培训机构',
  street: '上课街镇',
  cost: '费用',
  group: '适合人群',
  dual: '只看一培双证',
  publication: '状态',
  any: '全部',
  apply: '筛选',
  clear: '清除筛选',
  total: (n: number) => `共 ${n} 门课程`,
  colTitle: '课程',
  colStatus: '状态',
  colProvider: '培训机构',
  colNextRun: '下一期',
  colUpdated: '最后修改',
  noNextRun: '没有待开班期',
  runs: (n: number) => `共 ${n} 个班期`,
  page: (p: number, n: number) => `第 ${p} / ${n} 页`,
  prev: '上一页',
  next: '下一页',
  none: '没有符合条件的课程。可以清除筛选，或新建一门课程。',

  editTitle: (title: string) => `修改课程：${title}`,
  newTitle: '新建课程',
  newLead: '先保存为草稿，内容可以慢慢补全；发布前会检查是否完整。',
  backToList: '← 返回课程列表',
  backToCourse: '← 返回课程',
  basics: '基本信息',
  sections: '课程介绍（居民在课程页看到的七段内容）',
  sectionHint: '用居民听得懂的话写，一段一件事。',
  levelFirst: '请先选择工种',
  providerFixed: '课程属于您所在的培训机构。',
  durationHint: '一般需要多少天，例如 5',
  summaryHint: '一句话说明学什么、适合谁，显示在课程卡片上。',
  createSave: '保存为草稿',
  created: '已保存为草稿。',
  status: '状态',
  lifecycle: '发布状态',
  lifecycleProvider: '写好后请提交审核：课程和班期一起提交，由区人社局编辑检查并发布。',
  preview: '预览居民看到的页面',
  runsHeading: '班期',
  runsIntro: '发布课程时，填写完整、还没结束的班期会一起发布；课程发布后添加的班期可以单独发布。',
  addRun: '添加班期',
  noRuns: '还没有班期。',
  editRun: '修改班期',
  runDates: (range: string) => `上课日期：${range}`,
  runSeats: (left: number, seats: number) => `名额：剩 ${left} / 共 ${seats}`,
  runDeadline: (d: string) => `报名截止：${d}`,
  deleteCourse: '删除这份草稿',
  deleteCourseHelp: '只有从未发布过的草稿可以删除，删除后无法找回。',
  deleteConfirm: '确定删除吗？删除后无法找回。',
  previewBanner: '预览：居民还看不到这条草稿',
  previewBannerPublished: '预览：这门课程已发布，下面是居民现在看到的样子（含未发布的班期）',
  previewUnpublishedRuns: (n: number) => `其中 ${n} 个班期还没有发布，居民看不到。`,
  previewBack: '← 返回修改',

  runNewTitle: (course: string) => `为《${course}》添加班期`,
  runEditTitle: (label: string, course: string) => `班期「${label}」· ${course}`,
  runSections: {
    when: '时间',
    where: '地点',
    seats: '名额与报名',
    cost: '费用',
    contact: '联系',
    certs: '证书（一培双证：职业技能等级证书 + 上岗证）',
    groups: '适合人群',
  },
  labelHint: '例如 2026年第12期',
  classDaysHint: '勾选每周上课的日子',
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  noPractice: '无（只在理论地点上课）',
  choose: '请选择',
  placeKinds: { classroom: '教室', practice_base: '实训基地' } as Record<string, string>,
  seatsHint: '发布时要大于 0',
  seatsLeftHint: '不能多于总名额',
  deadlineHint: '最后一天报名（含当天），不能晚于开课日期',
  feeHint: '自费和补贴班期必填：补贴前的价格',
  subsidyHint: '补贴班期必填：符合条件的学员可以拿回的金额',
  contactPhoneHint: '例如 010-63812345',
  addCert: '添加证书',
  removeCert: (n: number) => `删除第 ${n} 个证书`,
  certKind: '证书类型',
  certName: '证书名称',
  certIssuer: '发证机构',
  certLegend: (n: number) => `第 ${n} 个证书`,
  clone: '复制为新班期',
  cloneHelp: '新班期的日期按新的开课日期整体平移，名额重置为总名额，保存为草稿。',
  cloneStart: '新班期的开课日期',
  cloneLabel: '新班期名称',
  cloneDone: '已复制。正在打开新班期…',
  deleteRun: '删除这个草稿班期',
  deleteRunHelp: '只有从未发布过的班期可以删除。',
  /** What the delete and copy actions say when they are done. */
  deletedDraft: '已删除这份草稿。',
  deletedRun: '已删除这个草稿班期。',
  clonedRun: '已复制为新班期（草稿）。',
  courseNotPublished: '所属课程还没有发布，班期暂时不能发布。请先发布课程。',
  courseWithdrawnRun: '所属课程已撤下，居民看不到。要让班期重新上线，请重新发布课程（完整的班期会一起发布）。',
  runHiddenByCourse: '已发布，但课程已撤下，居民看不到',

  // Review and publishing together (issue 17).
  submitHelp: (n: number) =>
    n > 0
      ? `课程和 ${n} 个班期一起提交，由区人社局编辑审核。审核期间可以「撤回提交」。`
      : '提交后由区人社局编辑审核。这门课还没有可以一起提交的班期，发布后居民会看到「暂时没有班期」。',
  publishWith: (labels: string[]) => `将和 ${labels.length} 个班期一起发布：${labels.map((l) => `「${l}」`).join('、')}。`,
  publishNoRun: '没有可以一起发布的班期：居民会看到「这门课暂时没有班期」。确定只发布课程吗？',
  publishLeft: (label: string, ended: boolean) => `「${label}」不会一起发布：${ended ? '已经结束' : '还不完整，请打开这个班期补全后单独发布'}。`,
  /** What 撤下 warns about; `signups` is for when residents can sign up (not yet): then say how many are affected. */
  withdrawWarnings: ({ liveRuns, signups }: { liveRuns: number; signups?: number }) => [
    liveRuns > 0 ? `这门课有 ${liveRuns} 个班期正在居民网站上显示，撤下后会一起消失（班期改为「已撤下」）。` : '这门课现在没有居民能看到的班期。',
    ...(signups ? [`已有 ${signups} 人报名，请另行通知他们。`] : []),
  ],
  returnNote: { label: '需要修改什么（培训机构会看到这段话）', hint: '例如：补贴班期请填写补贴金额；请补充实操地点。' },
  withdrawNote: { label: '撤下原因（记入修改记录，后台可见）', hint: '例如：机构场地整改，暂停招生。' },
  checklistCourse: (label: string, message: string) => `${label}：${message}`,
  checklistRun: (run: string, label: string, message: string) => `班期「${run}」· ${label}：${message}`,
  returnedTitle: '编辑退回修改的意见',
  withdrawnTitle: '撤下原因',
  noteBy: (who: string, at: string) => `${who} · ${at}`,
  publicLink: '在居民网站上查看这门课程',
  notPublic: (state: string) => `居民网站上看不到这门课程（${state}）。`,
  runPublicLink: '在居民网站上查看这个班期',
  runNotPublic: '居民网站上看不到这个班期。',
} as const;

/** The copy form (复制为新班期): its start date is the new run's. */
export const CLONE_WORDS: EntityWords = { labels: { ...RUN_WORDS.labels, startDate: ct.cloneStart }, problems };
