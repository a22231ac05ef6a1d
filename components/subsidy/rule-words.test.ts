/**
 * What the 补贴规则 form says when the schema refuses (the schema answers in codes,
 * db/admin/subsidy.test.ts; the words are SUBSIDY_RULE_WORDS, used by the form and the actions).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { subsidyRuleCreateSchema, subsidyRuleMoveSchema } from '@/db/validation/admin/subsidy';
import { zodFieldErrors } from '@/db/admin/zod-errors';
import { fieldMessages, wordRefusal } from '@/components/admin/field-words';
import { SUBSIDY_RULE_WORDS } from './strings';

const form = { title: '失业人员免费培训', outcome: 'free', explanation: '', runCostTypes: 'free', residency: 'any', minAge: '', maxAge: '', workStatuses: '', matchRunTargetGroup: '', requireLevelUp: '', active: 'on' };

function worded(schema: typeof subsidyRuleCreateSchema | typeof subsidyRuleMoveSchema, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return fieldMessages(zodFieldErrors(r.error!), SUBSIDY_RULE_WORDS);
}

describe('subsidy rule words', () => {
  it('unknown values and a missing title, each in Chinese', () => {
    assert.deepEqual(worded(subsidyRuleCreateSchema, { ...form, title: ' ', outcome: 'self', runCostTypes: ['gift'], workStatuses: 'boss', residency: 'x' }), {
      title: '请填写规则名称',
      outcome: '请选择符合时的结果',
      runCostTypes: '班期类型只能从列表里选',
      workStatuses: '工作情况只能从列表里选',
      residency: '请选择户籍要求',
    });
  });

  it('ages: a reversed range, and numbers out of range', () => {
    assert.deepEqual(worded(subsidyRuleCreateSchema, { ...form, minAge: '60', maxAge: '16' }), { maxAge: '最小年龄不能大于最大年龄' });
    assert.deepEqual(worded(subsidyRuleCreateSchema, { ...form, minAge: '十八', maxAge: '130' }), { minAge: '最小年龄请填写数字', maxAge: '最大年龄不能大于 120' });
    assert.deepEqual(worded(subsidyRuleMoveSchema, { id: '1', version: '1', direction: 'left' }), { direction: '请选择上移或下移' });
  });

  it('a rule that is gone, and the fields a conflict names', () => {
    const r = wordRefusal(
      { ok: false, code: 'conflict', message: 'ruleMissing', conflict: { currentVersion: 2, changes: [{ by: 'admin', at: '12月1日', fields: ['title', 'matchRunTargetGroup'] }] } },
      SUBSIDY_RULE_WORDS,
    );
    assert.equal(r.message, '没有找到这条规则，可能已被删除。');
    assert.deepEqual(r.conflict?.changes[0]?.fields, ['规则名称', '适合人群']);
  });
});
