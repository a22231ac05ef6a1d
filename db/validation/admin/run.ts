/**
 * The run (班期) form's rules, shared by the browser form and the server actions. What the
 * database itself insists on (dates in order, seats left within seats) holds for drafts too;
 * the rest is checked when the run is published (runPublishProblems).
 */
import { z } from 'zod';
import { CERTIFICATE_KINDS, COST_TYPES } from '../../enums';
import { date, id, int, oneOf, optionalId, optionalInt, optionalText, recordId, text, time, version } from './fields';

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
  deadline: '报名截止日期',
  costType: '费用类型',
  fee: '费用（元）',
  subsidy: '补贴（元）',
  contactName: '联系人',
  contactPhone: '联系电话',
  note: '备注',
  certificates: '证书',
  groups: '适合人群',
} as const satisfies Record<string, string>;

const L = RUN_FIELD_LABELS;

const PHONE_RE = /^[0-9()（）\-\s转]{5,30}$/;

const classDays = z.preprocess(
  (v) => (Array.isArray(v) ? v.map((d) => (typeof d === 'string' ? Number(d) : d)) : v),
  z
    .array(z.number().int().min(1).max(7), { error: '请选择上课日' })
    .min(1, '请至少选择一个上课日')
    .max(7)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
);

export const certificateSchema = z.object({
  kind: oneOf(CERTIFICATE_KINDS, '证书类型'),
  name: text('证书名称', 60),
  issuer: text('发证机构', 60),
});

const groups = z.array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '请从列表中选择适合人群'), { error: '请从列表中选择适合人群' }).max(20);

export const runFields = {
  label: text(L.label, 40),
  startDate: date(L.startDate),
  endDate: date(L.endDate),
  classDays,
  dailyStart: time(L.dailyStart),
  dailyEnd: time(L.dailyEnd),
  theoryPlaceId: id(L.theoryPlaceId),
  practicePlaceId: optionalId(L.practicePlaceId),
  seats: int(L.seats, { min: 0, max: 2000 }),
  seatsLeft: int(L.seatsLeft, { min: 0, max: 2000 }),
  deadline: date(L.deadline),
  costType: oneOf(COST_TYPES, L.costType),
  fee: optionalInt(L.fee, { min: 0, max: 100000 }),
  subsidy: optionalInt(L.subsidy, { min: 0, max: 100000 }),
  contactName: optionalText(L.contactName, 20),
  contactPhone: optionalText(L.contactPhone, 30).refine((s) => s === '' || PHONE_RE.test(s), `${L.contactPhone}只能包含数字、空格、横线和括号，例如 010-63812345`),
  note: optionalText(L.note, 500),
  certificates: z.array(certificateSchema).max(6, '一个班期最多填写 6 个证书'),
  groups,
};

type RunShape = {
  startDate: string;
  endDate: string;
  dailyStart: string;
  dailyEnd: string;
  seats: number;
  seatsLeft: number;
};

/** Rules across fields that hold for every save, draft or not (the table checks them too). */
function crossFieldRules(v: RunShape, ctx: z.RefinementCtx) {
  if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  if (v.dailyEnd <= v.dailyStart) ctx.addIssue({ code: 'custom', path: ['dailyEnd'], message: '每天结束时间要晚于开始时间' });
  if (v.seatsLeft > v.seats) ctx.addIssue({ code: 'custom', path: ['seatsLeft'], message: '剩余名额不能多于总名额' });
}

/** A new run of a course (saved as a draft). */
export const runCreateSchema = z.object({ courseId: recordId, ...runFields }).superRefine(crossFieldRules);
/** A change to an existing run, from the version the editor loaded. */
export const runUpdateSchema = z.object({ id: recordId, version, ...runFields }).superRefine(crossFieldRules);

export type RunInput = z.output<typeof runCreateSchema>;

/** Clone: the copy's new dates; the rest is copied, seats reset, and it starts as a draft. */
export const runCloneSchema = z
  .object({ id: recordId, startDate: date('新班期的开课日期'), label: text(L.label, 40) })
  .strict();

/** What the run form holds (strings and arrays, as controls give them). */
export type RunFormValues = {
  id?: number;
  version?: number;
  courseId?: number;
  label: string;
  startDate: string;
  endDate: string;
  classDays: string[];
  dailyStart: string;
  dailyEnd: string;
  theoryPlaceId: string;
  practicePlaceId: string;
  seats: string;
  seatsLeft: string;
  deadline: string;
  costType: string;
  fee: string;
  subsidy: string;
  contactName: string;
  contactPhone: string;
  note: string;
  certificates: { kind: string; name: string; issuer: string }[];
  groups: string[];
};

export type StoredRun = RunShape & {
  deadline: string;
  costType: (typeof COST_TYPES)[number];
  fee: number | null;
  subsidy: number | null;
  contactName: string;
  contactPhone: string;
  classDays: string;
};

/**
 * Publish-time rules for a run as stored: field → what to do; empty when it may go live.
 * `today` is Beijing's today.
 */
export function runPublishProblems(r: StoredRun, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.endDate < r.startDate) out.endDate = '结束日期不能早于开始日期';
  if (r.endDate < today) out.endDate = '这个班期已经结束，不能再发布；如要再开班，请用「复制为新班期」';
  if (r.deadline > r.startDate) out.deadline = '报名截止日期不能晚于开课日期';
  if (r.seats <= 0) out.seats = '总名额要大于 0';
  if (r.seatsLeft > r.seats) out.seatsLeft = '剩余名额不能多于总名额';
  if (r.dailyEnd <= r.dailyStart) out.dailyEnd = '每天结束时间要晚于开始时间';
  if (!r.classDays.trim()) out.classDays = '请至少选择一个上课日';
  if (r.costType === 'self' && (r.fee === null || r.fee <= 0)) out.fee = '自费班期请填写费用（元）';
  if (r.costType === 'subsidy') {
    if (r.fee === null || r.fee <= 0) out.fee = '补贴班期请填写费用（元），即补贴前的价格';
    if (r.subsidy === null || r.subsidy <= 0) out.subsidy = '补贴班期请填写补贴金额（元）';
    else if (r.fee !== null && r.subsidy > r.fee) out.subsidy = '补贴金额不能多于费用';
  }
  if (!r.contactName.trim()) out.contactName = '发布前请填写联系人，居民要知道找谁报名';
  if (!PHONE_RE.test(r.contactPhone.trim())) out.contactPhone = '发布前请填写联系电话，例如 010-63812345';
  return out;
}
