import type { Database } from 'better-sqlite3';
import type { Cases } from './types';

/**
 * Direct-call cases for the 补贴规则 actions (see types.ts). Only a 管理员 may write rules, so
 * both the 培训机构 account (kangxin) and the 驿站 account (youanmen) must be refused, with input
 * that would otherwise be valid, aimed at the first rule.
 */
const FILE = 'app/admin/(console)/subsidy-rules/actions.ts';

function rule(db: Database): { id: number; version: number } {
  return db.prepare('SELECT id, version FROM subsidy_rules ORDER BY sort, id LIMIT 1').get() as never;
}

const fields = {
  title: '直接调用测试规则',
  outcome: 'free',
  explanation: '',
  runCostTypes: '',
  residency: 'any',
  minAge: '',
  maxAge: '',
  workStatuses: '',
  matchRunTargetGroup: false,
  requireLevelUp: false,
  active: true,
};

export const subsidyCases: Cases = {
  [`${FILE}#createSubsidyRuleAction`]: { args: () => [fields], scoped: 'kangxin' },
  [`${FILE}#updateSubsidyRuleAction`]: { args: (db) => [{ ...rule(db), ...fields }], scoped: 'youanmen' },
  [`${FILE}#setSubsidyRuleActiveAction`]: { args: (db) => [{ ...rule(db), active: false }], scoped: 'kangxin' },
  [`${FILE}#moveSubsidyRuleAction`]: { args: (db) => [{ ...rule(db), direction: 'down' }], scoped: 'youanmen' },
  [`${FILE}#deleteSubsidyRuleAction`]: { args: (db) => [rule(db)], scoped: 'kangxin' },
};
