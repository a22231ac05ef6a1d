import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SubsidyRuleData } from '@/db/domain/subsidy';
import { DEFAULT_SUBSIDY_RULES } from '@/db/seed/subsidy-rules';
import { eligibilityLines } from './eligibility';
import { subsidyBadgeText } from './badge-words';

const rules: SubsidyRuleData[] = DEFAULT_SUBSIDY_RULES.map((r, i) => ({
  id: i + 1,
  sort: r.sort ?? 0,
  active: r.active ?? true,
  outcome: r.outcome,
  title: r.title,
  explanation: r.explanation ?? '',
  runCostTypes: r.runCostTypes ?? '',
  residency: r.residency ?? 'any',
  minAge: r.minAge ?? null,
  maxAge: r.maxAge ?? null,
  workStatuses: r.workStatuses ?? '',
  matchRunTargetGroup: r.matchRunTargetGroup ?? false,
  requireLevelUp: r.requireLevelUp ?? false,
}));

describe('who may join a run', () => {
  it('a 免费班 says the age, residency and its own target groups', () => {
    const lines = eligibilityLines(rules, { costType: 'free', groups: ['失业人员', '农村劳动力'] });
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.label, '谁能免费参加');
    assert.equal(lines[0]!.ways.length, 1);
    const [way] = lines[0]!.ways;
    assert.equal(way!.title, null, 'one rule: not named');
    assert.match(way!.text, /年龄 16–60 岁/);
    assert.match(way!.text, /北京户籍或北京居住证/);
    assert.match(way!.text, /属于这期班招收的人群（失业人员、农村劳动力）/);
  });
  it('a 补贴班 names its two subsidy rules under one «谁能享受补贴»; a 自费班 has none', () => {
    const lines = eligibilityLines(rules, { costType: 'subsidy', groups: [] });
    assert.deepEqual(lines.map((l) => l.label), ['谁能享受补贴']);
    assert.deepEqual(lines[0]!.ways.map((w) => w.title), ['技能提升补贴（在职参保职工）', '职业培训补贴（重点人群）']);
    assert.notEqual(lines[0]!.ways[0]!.text, lines[0]!.ways[1]!.text);
    assert.deepEqual(eligibilityLines(rules, { costType: 'self', groups: [] }), []);
  });
});

describe('what this resident pays', () => {
  it('always an amount in yuan where the run states one', () => {
    assert.equal(subsidyBadgeText({ outcome: 'free', pay: 0, subsidy: null, runCost: 'free', blocker: null }), '您可免费参加');
    assert.equal(subsidyBadgeText({ outcome: 'self', pay: 1200, subsidy: null, runCost: 'self', blocker: null }), '您需自费 1200 元');
    assert.equal(subsidyBadgeText({ outcome: 'self', pay: 2000, subsidy: null, runCost: 'subsidy', blocker: '要求年龄 16–60 岁，您 68 岁' }), '您需自费 2000 元');
    assert.equal(subsidyBadgeText({ outcome: 'subsidy', pay: 800, subsidy: 1200, runCost: 'subsidy', blocker: null }), '可补贴 1200 元，您自付约 800 元');
  });
  it('a 免费班 the resident cannot join free never reads as a bare «需自费»', () => {
    const text = subsidyBadgeText({ outcome: 'self', pay: null, subsidy: null, runCost: 'free', blocker: '要求年龄 16–60 岁，您 68 岁' });
    assert.match(text, /不能免费参加/);
    assert.match(text, /请问培训学校/);
    assert.notEqual(text, '需自费');
  });
});
