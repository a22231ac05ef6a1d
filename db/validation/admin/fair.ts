/**
 * Job fairs, their employers and positions: the schemas the admin forms check in the browser and
 * the server actions check again. A draft may be incomplete (only a name, a type and its dates);
 * publishing asks more (fairPublishProblems), checked by the lifecycle step on the server.
 */
import { z } from 'zod';
import { FAIR_STATUSES, FAIR_TYPES, PAY_UNITS, type FairStatus, type FairType, type Recurrence } from '../../enums';
import { isDateString } from '../../domain/time';
import { int, optionalId, optionalInt, optionalText, oneOf, recordId, time, version, name, optionalName } from './fields';

/** Field names as the conflict notice and the error summary say them. */
export const FAIR_FIELD_LABELS: Record<string, string> = {
  title: '名称',
  type: '类型',
  organiser: '主办单位',
  placeId: '举办场地',
  onlineUrl: '线上参会网址',
  startsAt: '开始时间',
  endsAt: '结束时间',
  recurrence: '每周开市安排',
  weekdays: '开市的日子',
  opens: '每天开市时间',
  closes: '每天收市时间',
  status: '举办状态',
  statusNote: '情况说明',
  description: '招聘会介绍',
  howToAttend: '如何参加',
  contactPhone: '联系电话',
  publication: '发布状态',
  employers: '参展单位',
  employer: '参展单位',
  position: '岗位',
};

export const EMPLOYER_FIELD_LABELS: Record<string, string> = {
  name: '单位名称',
  industry: '所属行业',
  intro: '单位介绍',
  booth: '展位号',
};

export const POSITION_FIELD_LABELS: Record<string, string> = {
  title: '岗位名称',
  headcount: '招聘人数',
  payMin: '最低工资',
  payMax: '最高工资',
  payUnit: '工资单位',
  requirements: '岗位要求',
  courseId: '对应的培训课程',
};

/** 'YYYY-MM-DDTHH:MM', what <input type="datetime-local"> gives (seconds cut off). */
const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:\d{2}(\.\d+)?)?$/;

export function isLocalDateTime(s: string): boolean {
  const m = LOCAL_RE.exec(s);
  return m !== null && isDateString(m[1] ?? '');
}

/** A Beijing local date and time, kept to the minute. */
export function localDateTime(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, `请填写${label}`)
        .refine(isLocalDateTime, `${label}请选择日期和钟点，例如 2026-12-01 09:00`)
        .transform((s) => s.slice(0, 16)),
    );
}

const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function optionalUrl(label: string) {
  return optionalText(label, 500).refine((s) => s === '' || URL_RE.test(s), `${label}请填写以 http:// 或 https:// 开头的完整网址`);
}

/** Phone: empty allowed while a draft; when given, the same shape as everywhere else. */
const optionalPhone = optionalText('联系电话', 30).refine(
  (s) => s === '' || /^[0-9()（）\-\s转]{5,30}$/.test(s),
  '联系电话只能包含数字、空格、横线和括号，例如 010-63812345',
);

const weekdays = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.preprocess((d) => (typeof d === 'string' ? Number(d) : d), z.number().int().min(1).max(7)), { error: '请勾选开市的日子' })
    .max(7)
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
);

const optionalTime = (label: string) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), z.union([z.literal(''), time(label)]));

export const END_BEFORE_START = '结束时间不能早于开始时间，也不能和开始时间相同，请改成开始之后的时间';
export const STATUS_NOTE_NEEDED = '延期或取消时，请写明原因和新的安排，居民会在招聘会页面上看到这段话';

const fairFields = {
  title: name('招聘会名称', 100),
  type: oneOf(FAIR_TYPES, '招聘会类型'),
  organiser: optionalName('主办单位', 100),
  placeId: optionalId('举办场地'),
  onlineUrl: optionalUrl('线上参会网址'),
  startsAt: localDateTime('开始时间'),
  endsAt: localDateTime('结束时间'),
  weekdays,
  opens: optionalTime('每天开市时间'),
  closes: optionalTime('每天收市时间'),
  status: oneOf(FAIR_STATUSES, '举办状态'),
  statusNote: optionalText('情况说明', 300),
  description: optionalText('招聘会介绍', 3000),
  howToAttend: optionalText('如何参加', 2000),
  contactPhone: optionalPhone,
};

type FairShape = {
  type: FairType;
  startsAt: string;
  endsAt: string;
  weekdays: number[];
  opens: string;
  closes: string;
  status: FairStatus;
  statusNote: string;
};

/** Rules across fields, the same for a draft and a published fair. */
function crossFieldRules(v: FairShape, ctx: z.RefinementCtx) {
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: END_BEFORE_START });
  if (v.status !== 'scheduled' && v.statusNote === '') ctx.addIssue({ code: 'custom', path: ['statusNote'], message: STATUS_NOTE_NEEDED });
  if (v.type === 'gig_market' && v.weekdays.length > 0) {
    if (v.opens === '') ctx.addIssue({ code: 'custom', path: ['opens'], message: '请填写每天开市时间，例如 07:00' });
    if (v.closes === '') ctx.addIssue({ code: 'custom', path: ['closes'], message: '请填写每天收市时间，例如 11:00' });
    if (v.opens !== '' && v.closes !== '' && v.closes <= v.opens)
      ctx.addIssue({ code: 'custom', path: ['closes'], message: '收市时间要晚于开市时间' });
  }
}

export const fairCreateSchema = z.object(fairFields).superRefine(crossFieldRules);
export const fairUpdateSchema = z.object({ id: recordId, version, ...fairFields }).superRefine(crossFieldRules);

export type FairInput = z.output<typeof fairCreateSchema>;

/** The weekly schedule a market keeps, or null (only 零工市场 have one, and only once days are ticked). */
export function recurrenceOf(v: Pick<FairInput, 'type' | 'weekdays' | 'opens' | 'closes'>): Recurrence | null {
  if (v.type !== 'gig_market' || v.weekdays.length === 0 || v.opens === '' || v.closes === '') return null;
  return { weekdays: v.weekdays, opens: v.opens, closes: v.closes };
}

// ---------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------

export type PublishableFair = {
  type: FairType;
  organiser: string;
  placeId: number | null;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  status: FairStatus;
  statusNote: string | null;
  howToAttend: string;
  contactPhone: string;
  employerCount: number;
  positionCount: number;
};

/**
 * What a fair still lacks before residents may see it (field → what to do); empty when it may
 * be published. A draft may save without these; a published fair is held to them.
 */
export function fairPublishProblems(f: PublishableFair): Record<string, string> {
  const p: Record<string, string> = {};
  if (!f.organiser.trim()) p.organiser = '发布前请填写主办单位';
  if (f.type === 'online' && !f.onlineUrl) p.onlineUrl = '线上招聘会发布前请填写线上参会网址';
  else if (f.placeId === null && !f.onlineUrl) p.placeId = '发布前请选择举办场地；没有现场的，请填写线上参会网址';
  if (!(f.endsAt > f.startsAt)) p.endsAt = END_BEFORE_START;
  if (f.type === 'gig_market' && !f.recurrence) p.weekdays = '零工市场发布前请勾选每周开市的日子，并填写每天的开市、收市时间';
  if (f.status !== 'scheduled' && !f.statusNote?.trim()) p.statusNote = STATUS_NOTE_NEEDED;
  if (!f.howToAttend.trim()) p.howToAttend = '发布前请写明如何参加（带什么材料、要不要报名、怎么去）';
  if (!f.contactPhone.trim()) p.contactPhone = '发布前请填写居民可以拨打的联系电话';
  if (f.employerCount === 0) p.employers = '发布前请至少添加一家参展单位';
  else if (f.positionCount === 0) p.employers = '发布前请至少为一家参展单位添加一个岗位';
  return p;
}

// ---------------------------------------------------------------------------
// Employers and positions (each save names the fair's version: they change the fair)
// ---------------------------------------------------------------------------

const fairRef = { fairId: recordId, fairVersion: version };

const optionalRecordId = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : typeof v === 'string' ? Number(v) : v),
  z.number({ error: '记录编号不正确，请刷新页面后重试' }).int().positive().nullable(),
);

export const employerSchema = z.object({
  ...fairRef,
  employerId: optionalRecordId,
  name: name('单位名称', 100),
  industry: name('所属行业', 50),
  intro: optionalText('单位介绍', 1000),
  booth: optionalText('展位号', 30),
});
export type EmployerInput = z.output<typeof employerSchema>;

export const employerDeleteSchema = z.object({ ...fairRef, employerId: recordId });

export const positionSchema = z
  .object({
    ...fairRef,
    employerId: recordId,
    positionId: optionalRecordId,
    title: name('岗位名称', 60),
    headcount: int('招聘人数', { min: 1, max: 10000 }),
    payMin: optionalInt('最低工资', { min: 0, max: 1000000 }),
    payMax: optionalInt('最高工资', { min: 0, max: 1000000 }),
    payUnit: oneOf(PAY_UNITS, '工资单位'),
    requirements: optionalText('岗位要求', 1000),
    courseId: optionalId('对应的培训课程'),
  })
  .superRefine((v, ctx) => {
    if (v.payMin !== null && v.payMax !== null && v.payMax < v.payMin)
      ctx.addIssue({ code: 'custom', path: ['payMax'], message: '最高工资不能低于最低工资，请检查两个数字' });
  });
export type PositionInput = z.output<typeof positionSchema>;

export const positionDeleteSchema = z.object({ ...fairRef, positionId: recordId });

// ---------------------------------------------------------------------------
// Clone and lifecycle
// ---------------------------------------------------------------------------

export const fairCloneSchema = z
  .object({
    id: recordId,
    title: name('新招聘会名称', 100),
    startsAt: localDateTime('新的开始时间'),
    endsAt: localDateTime('新的结束时间'),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: END_BEFORE_START });
  });

export const FAIR_MOVES = ['publish', 'withdraw', 'archive', 'restore'] as const;

export const fairTransitionSchema = z.object({ id: recordId, version, move: oneOf(FAIR_MOVES, '操作') });
