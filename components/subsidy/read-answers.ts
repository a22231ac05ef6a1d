import 'server-only';
import { cookies } from 'next/headers';
import { badgeView, decodeAnswers, evaluate, SUBSIDY_COOKIE, type SubsidyAnswers, type SubsidyResult } from '@/db/domain/subsidy';
import { activeSubsidyRules, runFacts } from '@/db/queries/subsidy';
import type { SubsidyBadgeView } from '@/db/domain/subsidy';
import type { CourseCardData } from '@/db/queries/courses';

/** The resident's self-check answers from their own cookie (never stored anywhere else). */
export async function readSubsidyAnswers(): Promise<{ answers: SubsidyAnswers | null; damaged: boolean }> {
  return decodeAnswers((await cookies()).get(SUBSIDY_COOKIE)?.value);
}

/** Full results (with reasons) for the given runs; empty when the resident has not answered. */
export async function subsidyResults(answers: SubsidyAnswers | null, runIds: readonly number[]): Promise<Map<number, SubsidyResult>> {
  const out = new Map<number, SubsidyResult>();
  if (!answers || runIds.length === 0) return out;
  const rules = await activeSubsidyRules();
  for (const [id, facts] of await runFacts(runIds)) out.set(id, evaluate(rules, answers, facts));
  return out;
}

/** Badge views by run id for the resident reading this request, or undefined when they have not answered. */
export async function subsidyBadges(runIds: readonly number[]): Promise<Record<number, SubsidyBadgeView> | undefined> {
  const { answers } = await readSubsidyAnswers();
  if (!answers) return undefined;
  const out: Record<number, SubsidyBadgeView> = {};
  if (runIds.length === 0) return out;
  const rules = await activeSubsidyRules();
  for (const [id, facts] of await runFacts(runIds)) out[id] = badgeView(evaluate(rules, answers, facts));
  return out;
}

/** A course list page with each card's badge added (for the run the card shows), when the resident has answered. */
export async function withSubsidyBadges<R extends { items: CourseCardData[] }>(result: R): Promise<R & { subsidyAnswered: boolean }> {
  const badges = await subsidyBadges(result.items.map((c) => c.run.id));
  if (!badges) return { ...result, subsidyAnswered: false };
  return { ...result, subsidyAnswered: true, items: result.items.map((c) => ({ ...c, subsidy: badges[c.run.id] })) };
}
