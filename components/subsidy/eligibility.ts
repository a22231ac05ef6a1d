import { describeConditions, rulesForRun, type SubsidyRuleData } from '@/db/domain/subsidy';
import type { CostType } from '@/db/enums';
import { subsidyText as t } from './strings';

export type EligibilityLine = { label: string; text: string };

/**
 * Who may join a run free or with a subsidy, in plain words: the conditions of each active rule
 * meant for its kind of run (age, 户籍, work, its target groups). Empty for a run no rule covers.
 */
export function eligibilityLines(rules: readonly SubsidyRuleData[], run: { costType: CostType; groups: readonly string[] }): EligibilityLine[] {
  return rulesForRun(rules, run.costType).map((r) => {
    const conditions = describeConditions(r).filter((c) => !c.startsWith('适用于'));
    return { label: r.outcome === 'free' ? t.whoFree : t.whoSubsidy, text: conditions.length ? t.whoJoin(conditions, run.groups) : t.whoEveryone };
  });
}
