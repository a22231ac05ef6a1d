/** What the form shows of a merge and a conflict: values in words, stored values back into form controls, field names worded. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asFormValue, plainValue } from './conflict-choice';
import { wordMergeNotice } from './field-words';
import { admin } from './strings';
import { COURSE_WORDS } from './courses/strings';

describe('conflict and merge words', () => {
  it('a stored value goes back into a form control as the control holds it', () => {
    assert.deepEqual(asFormValue({ fee: null, seats: 30, classDays: [1, 3], certificates: [{ kind: 'skill', name: '五级', issuer: 'x' }], online: true }), {
      fee: '',
      seats: '30',
      classDays: ['1', '3'],
      certificates: [{ kind: 'skill', name: '五级', issuer: 'x' }],
      online: true,
    });
  });

  it('a value is said plainly: empty as （空）, lists joined, yes/no', () => {
    assert.equal(plainValue(''), '（空）');
    assert.equal(plainValue(null), '（空）');
    assert.equal(plainValue(['失业人员', '农村劳动力']), '失业人员、农村劳动力');
    assert.equal(plainValue(false), '否');
    assert.equal(plainValue(5), '5');
  });

  it('a merge notice names the fields in the entity’s words and keeps the values keyed for the form', () => {
    const n = wordMergeNotice({ by: ['演示管理员'], at: '2026-12-07 12:03', theirs: ['summary'], mine: ['title'], values: { summary: '新简介' } }, COURSE_WORDS);
    assert.deepEqual([n.theirs, n.mine, n.values], [['一句话简介'], ['课程名称'], { summary: '新简介' }]);
    assert.equal(admin.form.merged('演示管理员', '12:03', '一句话简介', '课程名称'), '已与演示管理员 12:03 的修改合并：对方改了一句话简介，您改了课程名称。');
  });
});
