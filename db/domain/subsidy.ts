/**
 * The subsidy self-check (免费 / 可补贴 / 需自费): pure logic, no I/O.
 *
 * A resident answers four questions (age, 户籍 or 居住证, work status, a certificate already
 * held). The bureau's rules (table subsidy_rules, edited by 管理员) are tried in sort order; the
 * first ACTIVE rule whose every condition holds for this resident and this course run decides
 * the outcome. When none does, the resident pays the fee (需自费).
 *
 * The answers live only in the resident's own cookie; this module reads and writes that
 * cookie's value and checks it with zod, so a damaged or forged value counts as "no answers".
 */
import { z } from 'zod';
import { COST_TYPES, WORK_STATUSES, type CostType, type SubsidyOutcome, type SubsidyResidency, type WorkStatus } from '../enums';
import { levelLabel } from './labels-courses';

// ---------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------

/** The columns of a subsidy_rules row the check needs. */
export type SubsidyRuleData = {
  id: number;
  sort: number;
  active: boolean;
  outcome: SubsidyOutcome;
  title: string;
  explanation: string;
  /** Comma list of run cost types ('free,subsidy'); '' = any run. */
  runCostTypes: string;
  residency: SubsidyResidency;
  minAge: number | null;
  maxAge: number | null;
  /** Comma list of work statuses; '' = any. */
  workStatuses: string;
  matchRunTargetGroup: boolean;
  requireLevelUp: boolean;
};

/** What the resident holds: 北京户籍, a 北京居住证, or neither. */
export const RESIDENT_RESIDENCY = ['hukou', 'permit', 'none'] as const;
export type ResidentResidency = (typeof RESIDENT_RESIDENCY)[number];

export type SubsidyAnswers = {
  age: number;
  residency: ResidentResidency;
  work: WorkStatus;
  /** A skill certificate already held: its 工种 and level (5 = 初级 … 1 = 高级技师), or none. */
  cert: { occupationId: number; level: number } | null;
};

/** What the check needs to know about one course run. */
export type RunFacts = {
  costType: CostType;
  fee: number | null;
  subsidy: number | null;
  /** The run's target-group codes (run_target_groups). */
  groups: readonly string[];
  occupationId: number;
  /** The course's level (5 = 初级 … 1 = 高级技师). */
  level: number;
};

export type SubsidyVerdict = 'free' | 'subsidy' | 'self';

/**
 * What a badge shows: small and plain, so it can travel to the browser with a course card.
 * `runCost` and `blocker` let the words say why a 免费班 is not free for this resident, so the
 * badge never contradicts the run's own price.
 */
export type SubsidyBadgeView = {
  outcome: SubsidyVerdict;
  pay: number | null;
  subsidy: number | null;
  runCost: CostType;
  /** Why the rule meant for this kind of run did not hold (e.g. 要求年龄 16–60 岁，您 68 岁); null when one held or none applies. */
  blocker: string | null;
};

export type SubsidyResult = {
  outcome: SubsidyVerdict;
  /** The rule that decided it; null for 需自费 (no rule held). */
  rule: { id: number; title: string } | null;
  /** Yuan the resident pays, when known (0 when free). */
  pay: number | null;
  /** Yuan the subsidy covers, when known. */
  subsidy: number | null;
  /** Plain sentences: why this outcome. */
  reasons: string[];
  /** The run's own cost type (a 免费班 that is not free for this resident says so). */
  runCost: CostType;
  /**
   * For 需自费: the first failed condition of the first rule meant for this kind of run (its
   * cost types include the run's, or it names none); null when no such rule exists.
   */
  blocker: string | null;
};

// ---------------------------------------------------------------------------
// Plain words
// ---------------------------------------------------------------------------

export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  employed: '在职职工（有工作，在交社保）',
  unemployed: '失业人员（已办失业登记）',
  rural: '农村劳动力',
  graduate: '高校毕业生（毕业年度或离校未就业）',
  new_forms: '新就业形态劳动者（外卖、快递、网约车等）',
  disabled: '残疾人',
  veteran: '退役军人',
  hardship: '就业困难人员',
  retired: '已退休',
  other: '其他',
};

/** Short forms for sentences and lists. */
export const WORK_STATUS_SHORT: Record<WorkStatus, string> = {
  employed: '在职职工',
  unemployed: '失业人员',
  rural: '农村劳动力',
  graduate: '高校毕业生',
  new_forms: '新就业形态劳动者',
  disabled: '残疾人',
  veteran: '退役军人',
  hardship: '就业困难人员',
  retired: '已退休人员',
  other: '其他人员',
};

export const RESIDENT_RESIDENCY_LABELS: Record<ResidentResidency, string> = {
  hukou: '北京户籍',
  permit: '北京居住证',
  none: '都没有',
};

export const RULE_RESIDENCY_LABELS: Record<SubsidyResidency, string> = {
  hukou: '北京户籍',
  hukou_or_permit: '北京户籍或北京居住证',
  any: '不限户籍',
};

export const RUN_COST_LABELS: Record<CostType, string> = {
  free: '免费班',
  subsidy: '补贴班',
  self: '自费班',
};

export const OUTCOME_LABELS: Record<SubsidyVerdict, string> = {
  free: '免费',
  subsidy: '可补贴',
  self: '需自费',
};

/** Splits a stored comma list, keeping only known values (bad data never throws). */
export function csvList<T extends string>(csv: string, allowed: readonly T[]): T[] {
  return csv
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is T => (allowed as readonly string[]).includes(s));
}

function ageRange(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `${min}–${max} 岁`;
  if (min !== null) return `${min} 岁及以上`;
  if (max !== null) return `${max} 岁及以下`;
  return null;
}

/** A rule's conditions in plain words, one per line; an empty list means "everyone". */
export function describeConditions(rule: SubsidyRuleData): string[] {
  const out: string[] = [];
  const costs = csvList(rule.runCostTypes, COST_TYPES);
  if (costs.length) out.push(`适用于${costs.map((c) => RUN_COST_LABELS[c]).join('、')}`);
  const ages = ageRange(rule.minAge, rule.maxAge);
  if (ages) out.push(`年龄 ${ages}`);
  if (rule.residency !== 'any') out.push(`有${RULE_RESIDENCY_LABELS[rule.residency]}`);
  const statuses = csvList(rule.workStatuses, WORK_STATUSES);
  if (statuses.length) out.push(`是${statuses.map((s) => WORK_STATUS_SHORT[s]).join('、')}`);
  if (rule.matchRunTargetGroup) out.push('属于这期班招收的人群');
  if (rule.requireLevelUp) out.push('还没有这个工种同级或更高等级的证书（考的是新工种或更高一级）');
  return out;
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

type Check = { ok: boolean; yes: string; no: string };

function checks(rule: SubsidyRuleData, a: SubsidyAnswers, run: RunFacts): Check[] {
  const out: Check[] = [];
  const costs = csvList(rule.runCostTypes, COST_TYPES);
  if (costs.length) {
    out.push({
      ok: costs.includes(run.costType),
      yes: `这期班是${RUN_COST_LABELS[run.costType]}`,
      no: `这条只适用于${costs.map((c) => RUN_COST_LABELS[c]).join('、')}，这期班是${RUN_COST_LABELS[run.costType]}`,
    });
  }
  if (rule.minAge !== null || rule.maxAge !== null) {
    const ok = (rule.minAge === null || a.age >= rule.minAge) && (rule.maxAge === null || a.age <= rule.maxAge);
    const range = ageRange(rule.minAge, rule.maxAge)!;
    out.push({ ok, yes: `您 ${a.age} 岁，在 ${range} 之内`, no: `要求年龄 ${range}，您 ${a.age} 岁` });
  }
  if (rule.residency !== 'any') {
    const ok = rule.residency === 'hukou' ? a.residency === 'hukou' : a.residency === 'hukou' || a.residency === 'permit';
    out.push({
      ok,
      yes: `您有${RESIDENT_RESIDENCY_LABELS[a.residency]}`,
      no: `要求有${RULE_RESIDENCY_LABELS[rule.residency]}，您选的是「${RESIDENT_RESIDENCY_LABELS[a.residency]}」`,
    });
  }
  const statuses = csvList(rule.workStatuses, WORK_STATUSES);
  if (statuses.length) {
    out.push({
      ok: statuses.includes(a.work),
      yes: `您是${WORK_STATUS_SHORT[a.work]}`,
      no: `这条只适用于${statuses.map((s) => WORK_STATUS_SHORT[s]).join('、')}`,
    });
  }
  if (rule.matchRunTargetGroup) {
    out.push({
      ok: run.groups.includes(a.work),
      yes: `这期班招收${WORK_STATUS_SHORT[a.work]}`,
      no: `这期班的适合人群里没有${WORK_STATUS_SHORT[a.work]}`,
    });
  }
  if (rule.requireLevelUp) {
    const held = a.cert !== null && a.cert.occupationId === run.occupationId && a.cert.level <= run.level;
    out.push({
      ok: !held,
      yes: a.cert !== null && a.cert.occupationId === run.occupationId ? `这期班能让您从${levelLabel(a.cert.level)}升一级` : '您还没有这个工种的证书',
      no: `您已有这个工种${levelLabel(a.cert?.level ?? run.level)}证书，这期班是${levelLabel(run.level)}，不算提升`,
    });
  }
  return out;
}

function amounts(outcome: SubsidyVerdict, run: RunFacts): { pay: number | null; subsidy: number | null } {
  if (outcome === 'free') return { pay: 0, subsidy: run.fee };
  if (outcome === 'subsidy') {
    // Only a 补贴班 says how much the subsidy is; other runs leave it to the school.
    if (run.costType !== 'subsidy' || run.subsidy === null) return { pay: null, subsidy: null };
    return { pay: run.fee === null ? null : Math.max(0, run.fee - run.subsidy), subsidy: run.subsidy };
  }
  return { pay: run.fee, subsidy: null };
}

/**
 * The outcome for one resident and one run: the first active rule (by sort, then id) whose
 * every condition holds; none → 需自费 with, for each active rule, the first reason it failed.
 */
export function evaluate(rules: readonly SubsidyRuleData[], answers: SubsidyAnswers, run: RunFacts): SubsidyResult {
  const ordered = rules.filter((r) => r.active).sort((x, y) => x.sort - y.sort || x.id - y.id);
  const misses: string[] = [];
  let blocker: string | null = null;
  for (const rule of ordered) {
    const cs = checks(rule, answers, run);
    const failed = cs.find((c) => !c.ok);
    if (!failed) {
      const reasons = [`符合「${rule.title}」`, ...cs.map((c) => c.yes)];
      return { outcome: rule.outcome, rule: { id: rule.id, title: rule.title }, ...amounts(rule.outcome, run), reasons, runCost: run.costType, blocker: null };
    }
    misses.push(`不符合「${rule.title}」：${failed.no}`);
    if (blocker === null && appliesTo(rule, run.costType)) blocker = failed.no;
  }
  return { outcome: 'self', rule: null, ...amounts('self', run), reasons: misses.length ? misses : ['目前没有可用的补贴规则'], runCost: run.costType, blocker };
}

/** Whether a rule is meant for runs of this cost type (it names it, or names none). */
function appliesTo(rule: SubsidyRuleData, cost: CostType): boolean {
  const costs = csvList(rule.runCostTypes, COST_TYPES);
  return costs.length === 0 || costs.includes(cost);
}

/**
 * Who may join a run of this cost type free or with a subsidy: the active rules meant for it, in
 * check order (the course page lists their conditions beside the price).
 */
export function rulesForRun(rules: readonly SubsidyRuleData[], cost: CostType): SubsidyRuleData[] {
  return rules.filter((r) => r.active && appliesTo(r, cost)).sort((x, y) => x.sort - y.sort || x.id - y.id);
}

/** A result as its badge shows it (small enough to travel with a course card). */
export function badgeView(r: SubsidyResult): SubsidyBadgeView {
  return { outcome: r.outcome, pay: r.pay, subsidy: r.subsidy, runCost: r.runCost, blocker: r.blocker };
}

// ---------------------------------------------------------------------------
// Answers: the form, the cookie
// ---------------------------------------------------------------------------

export const SUBSIDY_COOKIE = 'ft_subsidy';
/** Half a year, in seconds: long enough to come back, short enough to be asked again. */
export const SUBSIDY_COOKIE_MAX_AGE = 180 * 24 * 60 * 60;
export const MIN_AGE = 14;
export const MAX_AGE = 100;

export const ANSWER_MESSAGES = {
  age: `年龄请填写 ${MIN_AGE} 到 ${MAX_AGE} 之间的整数`,
  residency: '请选择户籍或居住证情况',
  work: '请选择目前的工作情况',
  certOccupation: '请选择证书的工种',
  certLevel: '请选择证书的等级',
} as const;

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const optional = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : trimmed(v));

/** The answers as form fields or cookie keys carry them (strings). */
export const answersSchema = z
  .object({
    age: z.preprocess(
      (v) => (typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : v),
      z.number({ error: ANSWER_MESSAGES.age }).int(ANSWER_MESSAGES.age).min(MIN_AGE, ANSWER_MESSAGES.age).max(MAX_AGE, ANSWER_MESSAGES.age),
    ),
    residency: z.preprocess(trimmed, z.enum(RESIDENT_RESIDENCY, { error: ANSWER_MESSAGES.residency })),
    work: z.preprocess(trimmed, z.enum(WORK_STATUSES, { error: ANSWER_MESSAGES.work })),
    certOccupation: z.preprocess(
      (v) => {
        const x = optional(v);
        return typeof x === 'string' && /^[1-9]\d{0,6}$/.test(x) ? Number(x) : x;
      },
      z.number({ error: ANSWER_MESSAGES.certOccupation }).int().positive().nullable(),
    ),
    certLevel: z.preprocess(
      (v) => {
        const x = optional(v);
        return typeof x === 'string' && /^[1-5]$/.test(x) ? Number(x) : x;
      },
      z.number({ error: ANSWER_MESSAGES.certLevel }).int().min(1, ANSWER_MESSAGES.certLevel).max(5, ANSWER_MESSAGES.certLevel).nullable(),
    ),
  })
  .superRefine((a, ctx) => {
    if (a.certOccupation !== null && a.certLevel === null) ctx.addIssue({ code: 'custom', path: ['certLevel'], message: ANSWER_MESSAGES.certLevel });
    if (a.certOccupation === null && a.certLevel !== null) ctx.addIssue({ code: 'custom', path: ['certOccupation'], message: ANSWER_MESSAGES.certOccupation });
  })
  .transform(
    (a): SubsidyAnswers => ({
      age: a.age,
      residency: a.residency,
      work: a.work,
      cert: a.certOccupation !== null && a.certLevel !== null ? { occupationId: a.certOccupation, level: a.certLevel } : null,
    }),
  );

export type AnswersParse = { ok: true; answers: SubsidyAnswers } | { ok: false; errors: Record<string, string> };

/** Checks form fields (strings). Unknown extra fields are ignored. */
export function parseAnswers(input: Record<string, unknown>): AnswersParse {
  const r = answersSchema.safeParse({
    age: input.age,
    residency: input.residency,
    work: input.work,
    certOccupation: input.certOccupation,
    certLevel: input.certLevel,
  });
  if (r.success) return { ok: true, answers: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const MAX_COOKIE = 200;

/** The cookie's value: a short query string (a=45&r=hukou&w=employed&o=3&l=4). */
export function encodeAnswers(a: SubsidyAnswers): string {
  const sp = new URLSearchParams({ a: String(a.age), r: a.residency, w: a.work });
  if (a.cert) {
    sp.set('o', String(a.cert.occupationId));
    sp.set('l', String(a.cert.level));
  }
  return sp.toString();
}

/**
 * Reads the cookie: null when there is none; `damaged` when it is there but unreadable (the
 * page says so and treats the resident as not having answered).
 */
export function decodeAnswers(raw: string | null | undefined): { answers: SubsidyAnswers | null; damaged: boolean } {
  if (raw === undefined || raw === null || raw === '') return { answers: null, damaged: false };
  if (raw.length > MAX_COOKIE) return { answers: null, damaged: true };
  let sp: URLSearchParams;
  try {
    sp = new URLSearchParams(decodeURIComponent(raw));
  } catch {
    return { answers: null, damaged: true };
  }
  const r = parseAnswers({ age: sp.get('a') ?? '', residency: sp.get('r') ?? '', work: sp.get('w') ?? '', certOccupation: sp.get('o') ?? '', certLevel: sp.get('l') ?? '' });
  return r.ok ? { answers: r.answers, damaged: false } : { answers: null, damaged: true };
}
