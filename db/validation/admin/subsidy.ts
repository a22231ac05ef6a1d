/**
 * Subsidy self-check rules (补贴规则): the schemas the admin form checks in the browser and the
 * server actions check again. The two lists (run cost types, work statuses) arrive as arrays of
 * checkbox values or as a comma list, and are stored as a comma list in a fixed order.
 *
 * Refusals are codes (SubsidyProblem here, FieldProblem from ./fields) keyed by field; the words
 * live once in components/subsidy/strings.ts.
 */
import { z } from 'zod';
import { COST_TYPES, SUBSIDY_OUTCOMES, SUBSIDY_RESIDENCY, WORK_STATUSES } from '../../enums';
import { checkbox, optionalInt, optionalText, recordId, version, name } from './fields';

/** Problems particular to a rule, beyond what ./fields says of any field ('ruleMissing': the writer found none). */
export const SUBSIDY_PROBLEMS = ['outcome', 'residency', 'costTypes', 'workStatuses', 'ageOrder', 'direction', 'ruleMissing'] as const;
export type SubsidyProblem = (typeof SUBSIDY_PROBLEMS)[number];
const v = Object.fromEntries(SUBSIDY_PROBLEMS.map((k) => [k, k])) as { [K in SubsidyProblem]: K };

/** A set of values from a fixed list → a comma list in the list's own order ('' = none ticked). */
function csvOf<const T extends readonly string[]>(allowed: T, message: string) {
  return z.preprocess(
    (x) => (typeof x === 'string' ? (x.trim() === '' ? [] : x.split(',').map((s) => s.trim())) : x === undefined || x === null ? [] : x),
    z
      .array(z.string(), { error: message })
      .max(allowed.length * 2, message)
      .refine((xs) => xs.every((s) => (allowed as readonly string[]).includes(s)), message)
      .transform((xs) => allowed.filter((a) => xs.includes(a)).join(',')),
  );
}

const ruleFields = {
  title: name(null, 60),
  outcome: z.enum(SUBSIDY_OUTCOMES, { error: v.outcome }),
  explanation: optionalText(null, 1000),
  runCostTypes: csvOf(COST_TYPES, v.costTypes),
  residency: z.enum(SUBSIDY_RESIDENCY, { error: v.residency }),
  minAge: optionalInt(null, { min: 0, max: 120 }),
  maxAge: optionalInt(null, { min: 0, max: 120 }),
  workStatuses: csvOf(WORK_STATUSES, v.workStatuses),
  matchRunTargetGroup: checkbox,
  requireLevelUp: checkbox,
  active: checkbox,
};

function ageOrder(r: { minAge: number | null; maxAge: number | null }, ctx: z.RefinementCtx) {
  if (r.minAge !== null && r.maxAge !== null && r.minAge > r.maxAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: v.ageOrder });
}

export const subsidyRuleCreateSchema = z.object(ruleFields).superRefine(ageOrder);
export const subsidyRuleUpdateSchema = z.object({ id: recordId, version, ...ruleFields }).superRefine(ageOrder);
/** Delete, activate/deactivate and move name the rule and the version the admin saw. */
export const subsidyRuleRefSchema = z.object({ id: recordId, version });
export const subsidyRuleActiveSchema = z.object({ id: recordId, version, active: checkbox });
export const subsidyRuleMoveSchema = z.object({ id: recordId, version, direction: z.enum(['up', 'down'], { error: v.direction }) });

export type SubsidyRuleInput = z.output<typeof subsidyRuleCreateSchema>;
