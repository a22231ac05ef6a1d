import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeAnswers,
  describeConditions,
  encodeAnswers,
  evaluate,
  parseAnswers,
  type RunFacts,
  type SubsidyAnswers,
  type SubsidyRuleData,
} from './subsidy';

const base: SubsidyRuleData = {
  id: 1,
  sort: 10,
  active: true,
  outcome: 'free',
  title: '免费规则',
  explanation: '',
  runCostTypes: '',
  residency: 'any',
  minAge: null,
  maxAge: null,
  workStatuses: '',
  matchRunTargetGroup: false,
  requireLevelUp: false,
};
const rule = (over: Partial<SubsidyRuleData>): SubsidyRuleData => ({ ...base, ...over });

const me: SubsidyAnswers = { age: 45, residency: 'hukou', work: 'unemployed', cert: null };
const freeRun: RunFacts = { costType: 'free', fee: null, subsidy: null, groups: ['unemployed', 'rural'], occupationId: 7, level: 4 };
const subsidyRun: RunFacts = { costType: 'subsidy', fee: 2000, subsidy: 1200, groups: ['employed'], occupationId: 7, level: 4 };
const selfRun: RunFacts = { costType: 'self', fee: 1500, subsidy: null, groups: [], occupationId: 7, level: 4 };

describe('subsidy self-check: evaluate', () => {
  it('gives 需自费 with the fee when there are no rules or no rule holds', () => {
    const r = evaluate([], me, selfRun);
    assert.equal(r.outcome, 'self');
    assert.equal(r.rule, null);
    assert.equal(r.pay, 1500);
    assert.ok(r.reasons.length > 0);
    const r2 = evaluate([rule({ runCostTypes: 'free' })], me, selfRun);
    assert.equal(r2.outcome, 'self');
    assert.match(r2.reasons[0]!, /不符合「免费规则」/);
  });

  it('a rule with no conditions holds for everyone', () => {
    const r = evaluate([rule({})], me, selfRun);
    assert.equal(r.outcome, 'free');
    assert.deepEqual(r.rule, { id: 1, title: '免费规则' });
    assert.equal(r.pay, 0);
    assert.equal(r.subsidy, 1500, 'free: the whole fee is covered');
  });

  it('checks the run cost type', () => {
    const only = rule({ runCostTypes: 'free,subsidy' });
    assert.equal(evaluate([only], me, freeRun).outcome, 'free');
    assert.equal(evaluate([only], me, subsidyRun).outcome, 'free');
    assert.equal(evaluate([only], me, selfRun).outcome, 'self');
  });

  it('checks the age range, both ends inclusive, and open ends', () => {
    const r = rule({ minAge: 16, maxAge: 60 });
    for (const [age, out] of [
      [15, 'self'],
      [16, 'free'],
      [60, 'free'],
      [61, 'self'],
    ] as const) {
      assert.equal(evaluate([r], { ...me, age }, freeRun).outcome, out, `age ${age}`);
    }
    assert.equal(evaluate([rule({ minAge: 50 })], { ...me, age: 99 }, freeRun).outcome, 'free');
    assert.equal(evaluate([rule({ maxAge: 30 })], { ...me, age: 31 }, freeRun).outcome, 'self');
    assert.match(evaluate([r], { ...me, age: 70 }, freeRun).reasons[0]!, /16–60 岁.*70 岁/);
  });

  it('checks residency: 户籍 only, 户籍 or 居住证, anyone', () => {
    const hukou = rule({ residency: 'hukou' });
    const either = rule({ residency: 'hukou_or_permit' });
    assert.equal(evaluate([hukou], { ...me, residency: 'hukou' }, freeRun).outcome, 'free');
    assert.equal(evaluate([hukou], { ...me, residency: 'permit' }, freeRun).outcome, 'self');
    assert.equal(evaluate([either], { ...me, residency: 'permit' }, freeRun).outcome, 'free');
    assert.equal(evaluate([either], { ...me, residency: 'none' }, freeRun).outcome, 'self');
    assert.equal(evaluate([rule({ residency: 'any' })], { ...me, residency: 'none' }, freeRun).outcome, 'free');
  });

  it('checks the work status list, ignoring unknown codes in the stored list', () => {
    const r = rule({ workStatuses: 'employed, new_forms,bogus' });
    assert.equal(evaluate([r], { ...me, work: 'employed' }, freeRun).outcome, 'free');
    assert.equal(evaluate([r], { ...me, work: 'new_forms' }, freeRun).outcome, 'free');
    assert.equal(evaluate([r], { ...me, work: 'retired' }, freeRun).outcome, 'self');
    assert.equal(evaluate([rule({ workStatuses: 'bogus' })], { ...me, work: 'retired' }, freeRun).outcome, 'free', 'only unknown codes = any');
  });

  it("checks that the run takes the resident's group; 退休 and 其他 are never a run group", () => {
    const r = rule({ matchRunTargetGroup: true });
    assert.equal(evaluate([r], { ...me, work: 'rural' }, freeRun).outcome, 'free');
    assert.equal(evaluate([r], { ...me, work: 'employed' }, freeRun).outcome, 'self');
    assert.equal(evaluate([r], { ...me, work: 'retired' }, { ...freeRun, groups: ['unemployed'] }).outcome, 'self');
    assert.equal(evaluate([r], { ...me, work: 'other' }, freeRun).outcome, 'self');
  });

  it('checks moving up a level: same 工种 at the same or a higher level does not count', () => {
    const r = rule({ requireLevelUp: true, outcome: 'subsidy' });
    const run = subsidyRun; // 工种 7, level 4 (中级)
    assert.equal(evaluate([r], { ...me, cert: null }, run).outcome, 'subsidy', 'no certificate');
    assert.equal(evaluate([r], { ...me, cert: { occupationId: 7, level: 5 } }, run).outcome, 'subsidy', '初级 → 中级');
    assert.equal(evaluate([r], { ...me, cert: { occupationId: 7, level: 4 } }, run).outcome, 'self', 'already 中级');
    assert.equal(evaluate([r], { ...me, cert: { occupationId: 7, level: 2 } }, run).outcome, 'self', 'already 技师');
    assert.equal(evaluate([r], { ...me, cert: { occupationId: 8, level: 1 } }, run).outcome, 'subsidy', 'another 工种');
  });

  it('gives the subsidy and what is left to pay from the run, or unknown amounts', () => {
    const r = rule({ outcome: 'subsidy' });
    const a = evaluate([r], me, subsidyRun);
    assert.equal(a.outcome, 'subsidy');
    assert.equal(a.subsidy, 1200);
    assert.equal(a.pay, 800);
    assert.equal(evaluate([r], me, { ...subsidyRun, subsidy: 3000 }).pay, 0, 'never below zero');
    const noFee = evaluate([r], me, { ...subsidyRun, fee: null });
    assert.equal(noFee.subsidy, 1200);
    assert.equal(noFee.pay, null);
    const onSelfRun = evaluate([r], me, selfRun);
    assert.deepEqual([onSelfRun.subsidy, onSelfRun.pay], [null, null], 'a 自费班 names no subsidy amount');
    assert.equal(evaluate([], me, freeRun).pay, null, '需自费 on a free run: fee unknown');
  });

  it('takes the first rule in sort order (then id) whose conditions all hold', () => {
    const a = rule({ id: 1, sort: 20, outcome: 'subsidy', title: 'A' });
    const b = rule({ id: 2, sort: 10, outcome: 'free', title: 'B', residency: 'hukou' });
    assert.equal(evaluate([a, b], me, subsidyRun).rule?.title, 'B');
    assert.equal(evaluate([a, b], { ...me, residency: 'permit' }, subsidyRun).rule?.title, 'A', 'B fails, A next');
    const c = rule({ id: 3, sort: 20, outcome: 'free', title: 'C' });
    assert.equal(evaluate([c, a], { ...me, residency: 'none' }, subsidyRun).rule?.title, 'A', 'equal sort: lower id first');
  });

  it('skips inactive rules', () => {
    const off = rule({ id: 1, sort: 1, active: false, outcome: 'free', title: 'off' });
    const on = rule({ id: 2, sort: 2, outcome: 'subsidy', title: 'on' });
    assert.equal(evaluate([off, on], me, subsidyRun).rule?.title, 'on');
    assert.equal(evaluate([off], me, subsidyRun).outcome, 'self');
  });

  it('explains a match with every condition it checked', () => {
    const r = rule({ runCostTypes: 'free', residency: 'hukou_or_permit', minAge: 16, maxAge: 60, matchRunTargetGroup: true });
    const res = evaluate([r], me, freeRun);
    assert.equal(res.reasons.length, 5);
    assert.match(res.reasons.join('|'), /免费班.*45 岁.*北京户籍.*失业人员/);
  });

  it('describes conditions in plain words', () => {
    assert.deepEqual(describeConditions(base), []);
    const words = describeConditions(rule({ runCostTypes: 'subsidy', residency: 'hukou', minAge: 16, maxAge: 60, workStatuses: 'employed', matchRunTargetGroup: true, requireLevelUp: true }));
    assert.equal(words.length, 6);
    assert.match(words.join('；'), /补贴班.*16–60 岁.*北京户籍.*在职职工.*招收的人群.*更高一级/);
    assert.deepEqual(describeConditions(rule({ minAge: 50 })), ['年龄 50 岁及以上']);
  });
});

describe('subsidy self-check: answers', () => {
  it('reads good form input, with or without a certificate', () => {
    const r = parseAnswers({ age: ' 45 ', residency: 'permit', work: 'employed', certOccupation: '', certLevel: '' });
    assert.deepEqual(r, { ok: true, answers: { age: 45, residency: 'permit', work: 'employed', cert: null } });
    const c = parseAnswers({ age: '30', residency: 'hukou', work: 'retired', certOccupation: '3', certLevel: '4' });
    assert.deepEqual(c.ok && c.answers.cert, { occupationId: 3, level: 4 });
  });

  it('refuses bad input with a Chinese message per field', () => {
    const r = parseAnswers({ age: '4.5', residency: 'mars', work: 'boss', certOccupation: 'x', certLevel: '9' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.deepEqual(Object.keys(r.errors).sort(), ['age', 'certLevel', 'certOccupation', 'residency', 'work']);
      assert.match(r.errors.age!, /年龄/);
    }
    for (const age of ['', '13', '101', '-1', '1e2', 'abc', '0x20']) {
      const x = parseAnswers({ age, residency: 'hukou', work: 'other' });
      assert.equal(x.ok, false, age);
    }
    const half = parseAnswers({ age: '40', residency: 'hukou', work: 'other', certOccupation: '3', certLevel: '' });
    assert.equal(!half.ok && Object.keys(half.errors)[0], 'certLevel');
    const half2 = parseAnswers({ age: '40', residency: 'hukou', work: 'other', certOccupation: '', certLevel: '3' });
    assert.equal(!half2.ok && Object.keys(half2.errors)[0], 'certOccupation');
    assert.equal(parseAnswers({}).ok, false);
    assert.equal(parseAnswers({ age: ['4'], residency: {}, work: null }).ok, false);
  });

  it('round-trips through the cookie value', () => {
    for (const a of [me, { ...me, cert: { occupationId: 12, level: 3 } }] as SubsidyAnswers[]) {
      assert.deepEqual(decodeAnswers(encodeAnswers(a)), { answers: a, damaged: false });
      assert.deepEqual(decodeAnswers(encodeURIComponent(encodeAnswers(a))).answers, a);
    }
  });

  it('treats a missing cookie as no answers and a damaged one as no answers, flagged', () => {
    assert.deepEqual(decodeAnswers(undefined), { answers: null, damaged: false });
    assert.deepEqual(decodeAnswers(''), { answers: null, damaged: false });
    for (const bad of ['%E0%A4%A', 'a=200&r=hukou&w=employed', 'a=40&r=hukou', 'garbage', 'a=40&r=hukou&w=employed&o=3', 'x'.repeat(500)]) {
      assert.deepEqual(decodeAnswers(bad), { answers: null, damaged: true }, bad.slice(0, 30));
    }
  });
});

describe('subsidy self-check: why a run is not free for this resident', () => {
  const free = rule({ id: 1, sort: 10, outcome: 'free', title: '免费', runCostTypes: 'free', minAge: 16, maxAge: 60 });
  const sub = rule({ id: 2, sort: 20, outcome: 'subsidy', title: '补贴', runCostTypes: 'subsidy', workStatuses: 'employed' });
  const old: SubsidyAnswers = { ...me, age: 68 };

  it('names the failed condition of the rule meant for this kind of run, not of another kind', () => {
    const r = evaluate([free, sub], old, freeRun);
    assert.equal(r.outcome, 'self');
    assert.equal(r.runCost, 'free');
    assert.equal(r.blocker, '要求年龄 16–60 岁，您 68 岁');
    const s = evaluate([free, sub], old, subsidyRun);
    assert.equal(s.blocker, '这条只适用于在职职工', 'the subsidy rule, not the free rule, explains a 补贴班');
  });

  it('no blocker when a rule holds or none is meant for the run', () => {
    assert.equal(evaluate([free], me, freeRun).blocker, null);
    assert.equal(evaluate([free], old, selfRun).blocker, null);
  });

  it('rulesForRun: active rules naming the run cost type or none, in check order', async () => {
    const { rulesForRun } = await import('./subsidy');
    const any = rule({ id: 3, sort: 5, outcome: 'free', title: '任何' });
    const off = rule({ id: 4, sort: 1, active: false, runCostTypes: 'free' });
    assert.deepEqual(
      rulesForRun([free, sub, any, off], 'free').map((r) => r.id),
      [3, 1],
    );
    assert.deepEqual(
      rulesForRun([free, sub], 'self').map((r) => r.id),
      [],
    );
  });
});
