/**
 * The default subsidy self-check rules: reference data, inserted by seedReferenceData (a real
 * deployment) and the sample seed alike, only while the table is empty — so running it again,
 * or after a 管理员 has edited the rules, changes nothing. Written from DOMAIN.md: government
 * skill training is free to eligible people; 技能提升补贴 pays part of a course for insured
 * workers who move up a level. The wording is what residents read on the self-check page.
 */
import { count, eq } from 'drizzle-orm';
import type { DB } from '../client';
import { siteMeta, streets, subsidyRules } from '../schema';

type DefaultRule = Omit<typeof subsidyRules.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const DEFAULT_SUBSIDY_RULES: readonly DefaultRule[] = [
  {
    sort: 10,
    active: true,
    outcome: 'free',
    title: '政府补贴性培训（免费）',
    explanation:
      '人社部门组织的免费班，对这期班招收的人群免费：在法定劳动年龄内（16 到 60 岁），有北京户籍或北京居住证。报名时带身份证和户口本或居住证。',
    runCostTypes: 'free',
    residency: 'hukou_or_permit',
    minAge: 16,
    maxAge: 60,
    workStatuses: '',
    matchRunTargetGroup: true,
    requireLevelUp: false,
  },
  {
    sort: 20,
    active: true,
    outcome: 'subsidy',
    title: '技能提升补贴（在职参保职工）',
    explanation:
      '在北京参加失业保险的在职职工和新就业形态劳动者，考下新工种的证书或比已有证书高一级的证书，可以申请技能提升补贴，补掉一部分培训费。一般要求参保满 1 年，这里不问参保年限，报名时由培训学校核实。',
    runCostTypes: 'subsidy',
    residency: 'any',
    minAge: 16,
    maxAge: 60,
    workStatuses: 'employed,new_forms',
    matchRunTargetGroup: false,
    requireLevelUp: true,
  },
  {
    sort: 30,
    active: true,
    outcome: 'subsidy',
    title: '职业培训补贴（重点人群）',
    explanation:
      '补贴班招收的失业人员、农村劳动力、高校毕业生等重点人群，有北京户籍或北京居住证、在 16 到 60 岁之间的，可以按这期班写明的金额享受培训补贴。',
    runCostTypes: 'subsidy',
    residency: 'hukou_or_permit',
    minAge: 16,
    maxAge: 60,
    workStatuses: '',
    matchRunTargetGroup: true,
    requireLevelUp: false,
  },
];

/** Inserts the default rules when there are none; returns how many it inserted. */
export function ensureDefaultSubsidyRules(db: DB): number {
  const n = db.select({ n: count() }).from(subsidyRules).get()!.n;
  if (n > 0) return 0;
  for (const r of DEFAULT_SUBSIDY_RULES) db.insert(subsidyRules).values(r).run();
  return DEFAULT_SUBSIDY_RULES.length;
}

/** The site_meta key recording that the default rules have been offered to this database. */
export const SUBSIDY_DEFAULTS_KEY = 'subsidy_rule_defaults';

/**
 * For a database that already held data before the self-check existed (migration 0005 added an
 * empty subsidy_rules table): inserts the default rules once, when a database command runs
 * (db/cli/run.ts: migrate, init, setup, seed, reset), and remembers that it did — so a 管理员 who
 * later removes every rule is not overruled by the next command. A database without reference
 * data yet is left to seedReferenceData / the sample seed; after a seed it is only marked.
 */
export function offerDefaultSubsidyRulesOnce(db: DB): number {
  return db.$client.transaction(() => {
    if (db.select({ n: count() }).from(siteMeta).where(eq(siteMeta.key, SUBSIDY_DEFAULTS_KEY)).get()!.n > 0) return 0;
    if (db.select({ n: count() }).from(streets).get()!.n === 0) return 0;
    const inserted = ensureDefaultSubsidyRules(db);
    db.insert(siteMeta).values({ key: SUBSIDY_DEFAULTS_KEY, value: new Date().toISOString() }).run();
    return inserted;
  })();
}
