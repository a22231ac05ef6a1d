import { describeConditions, rulesForRun, type SubsidyRuleData } from '@/db/domain/subsidy';
import type { CostType } from '@/db/enums';
import { subsidyText as t } from './strings';

/** One way to join a run cheaper: the rule's name (said only where there are several) and its conditions. */
export type EligibilityWay = { title: string | null; text: string };
export type EligibilityLine = { label: string; ways: EligibilityWay[] };

/**
 * Who may join a run free or with a subsidy, in plain words: the conditions of each active rule
 * meant for its kind of run (age, 户籍, work, its target groups), one line per outcome. Where two
 * rules lead to the same outcome (two subsidies), each is named, so the line does not read as one
 * set of conditions said twice. Empty for a run no rule covers.
 */
export function eligibilityLines(rules: readonly SubsidyRuleData[], run: { costType: CostType; groups: readonly string[] }): EligibilityLine[] {
  const lines: EligibilityLine[] = [];
  for (const r of rulesForRun(rules, run.costType)) {
    const label = r.outcome === 'free' ? t.whoFree : t.whoSubsidy;
    const conditions = describeConditions(r).filter((c) => !c.startsWith('适用于'));
    const way = { title: r.title, text: conditions.length ? t.whoJoin(conditions, run.groups) : t.whoEveryone };
    const line = lines.find((l) => l.label === label);
    if (line) line.ways.push(way);
    else lines.push({ label, ways: [way] });
  }
  for (const l of lines) if (l.ways.length === 1) l.ways[0]!.title = null;
  return lines;
}
