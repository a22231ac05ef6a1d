/**
 * The run (班期) rules — ONE set for the browser form, the server actions and the spreadsheet
 * import (db/validation/admin/import.ts reads its cells into these fields and applies the same
 * rules, answering in the same codes, worded once in components/admin/courses/strings.ts).
 * What holds for every save, draft or not (runSaveProblems: dates in order, the deadline not
 * after the last class day, times and seats that make sense) is refused everywhere; the rest is
 * checked when the run is published, and on every save of a live run (runPublishProblems).
 *
 * Refusals are codes (RunProblem here, FieldProblem from ./fields) keyed by field; the run's labels
 * and sentences live once in components/admin/courses/strings.ts (RUN_WORDS, CLONE_WORDS).
 */
import { z } from 'zod';
import { CERTIFICATE_KINDS, COST_TYPES } from '../../enums';
import { date, id, int, oneOf, optionalId, optionalInt, optionalText, recordId, time, version, type FieldProblem, name, optionalName } from './fields';

/** Problems particular to runs, beyond what ./fields says of any field: the rules across fields and at publish time. */
export const RUN_PROBLEMS = [
  'classDaysNeeded',
  'tooManyCertificates',
  'groupMissing',
  'endBeforeStart',
  'deadlineAfterEnd',
  'dailyEndNotAfter',
  'seatsLeftOver',
  'runEnded',
  'deadlineAfterStart',
  'seatsNone',
  'feeNeededSelf',
  'feeNeededSubsidy',
  'subsidyNeeded',
  'subsidyOverFee',
  'contactNameNeeded',
  'contactPhoneNeeded',
] as const;
export type RunProblem = (typeof RUN_PROBLEMS)[number];
const v = Object.fromEntries(RUN_PROBLEMS.map((k) => [k, k])) as { [K in RunProblem]: K };

const PHONE_RE = /^[0-9()（）\-\s转]{5,30}$/;

const classDays = z.preprocess(
  (v) => (Array.isArray(v) ? v.map((d) => (typeof d === 'string' ? Number(d) : d)) : v),
  z
    .array(z.number().int().min(1).max(7), { error: 'choose' })
    .min(1, v.classDaysNeeded)
    .max(7)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
);

export const certificateSchema = z.object({
  kind: oneOf(CERTIFICATE_KINDS, null),
  name: name(null, 60),
  issuer: name(null, 60),
});

const groups = z.array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, v.groupMissing), { error: v.groupMissing }).max(20);

export const runFields = {
  label: name(null, 40),
  startDate: date(null),
  endDate: date(null),
  classDays,
  dailyStart: time(null),
  dailyEnd: time(null),
  theoryPlaceId: id(null),
  practicePlaceId: optionalId(null),
  seats: int(null, { min: 0, max: 2000 }),
  seatsLeft: int(null, { min: 0, max: 2000 }),
  deadline: date(null),
  costType: oneOf(COST_TYPES, null),
  fee: optionalInt(null, { min: 0, max: 100000 }),
  subsidy: optionalInt(null, { min: 0, max: 100000 }),
  contactName: optionalName(null, 20),
  contactPhone: optionalText(null, 30).refine((s) => s === '' || PHONE_RE.test(s), 'phone' satisfies FieldProblem),
  note: optionalText(null, 500),
  certificates: z.array(certificateSchema).max(6, v.tooManyCertificates),
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

/** What every save of a run is checked for, by the form, the actions and the import alike. */
export type RunSaveShape = RunShape & { deadline: string; costType: string; fee: number | null; subsidy: number | null };

/**
 * Rules across fields that hold for every save, draft or not, wherever it comes from (the
 * table checks the first and the seats too): field → code.
 */
export function runSaveProblems(r: RunSaveShape): Record<string, RunProblem> {
  const out: Record<string, RunProblem> = {};
  if (r.endDate < r.startDate) out.endDate = v.endBeforeStart;
  else if (r.deadline > r.endDate) out.deadline = v.deadlineAfterEnd;
  if (r.dailyEnd <= r.dailyStart) out.dailyEnd = v.dailyEndNotAfter;
  if (r.seatsLeft > r.seats) out.seatsLeft = v.seatsLeftOver;
  if (r.costType === 'subsidy' && r.fee !== null && r.subsidy !== null && r.subsidy > r.fee) out.subsidy = v.subsidyOverFee;
  return out;
}

function crossFieldRules(r: RunSaveShape, ctx: z.RefinementCtx) {
  for (const [field, code] of Object.entries(runSaveProblems(r))) ctx.addIssue({ code: 'custom', path: [field], message: code });
}

/** A new run of a course (saved as a draft). */
export const runCreateSchema = z.object({ courseId: recordId, ...runFields }).superRefine(crossFieldRules);
/** A change to an existing run, from the version the editor loaded. */
export const runUpdateSchema = z.object({ id: recordId, version, ...runFields }).superRefine(crossFieldRules);

export type RunInput = z.output<typeof runCreateSchema>;

/** Clone: the copy's new dates; the rest is copied, seats reset, and it starts as a draft. */
export const runCloneSchema = z
  .object({ id: recordId, startDate: date(null), label: name(null, 40) })
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
 * `today` is Beijing's today. The answers are codes (RunProblem).
 */
export function runPublishProblems(r: StoredRun, today: string): Record<string, RunProblem> {
  const out: Record<string, RunProblem> = runSaveProblems(r);
  if (r.endDate < today) out.endDate = v.runEnded;
  if (r.deadline > r.startDate) out.deadline = v.deadlineAfterStart;
  if (r.seats <= 0) out.seats = v.seatsNone;
  if (!r.classDays.trim()) out.classDays = v.classDaysNeeded;
  if (r.costType === 'self' && (r.fee === null || r.fee <= 0)) out.fee = v.feeNeededSelf;
  if (r.costType === 'subsidy') {
    if (r.fee === null || r.fee <= 0) out.fee = v.feeNeededSubsidy;
    if (r.subsidy === null || r.subsidy <= 0) out.subsidy = v.subsidyNeeded;
    else if (r.fee !== null && r.subsidy > r.fee) out.subsidy = v.subsidyOverFee;
  }
  if (!r.contactName.trim()) out.contactName = v.contactNameNeeded;
  if (!PHONE_RE.test(r.contactPhone.trim())) out.contactPhone = v.contactPhoneNeeded;
  return out;
}
