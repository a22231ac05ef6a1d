import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { certificateText } from './certificate-words';

describe('certificateText', () => {
  it('does not repeat the kind the name already says', () => {
    assert.equal(certificateText('电工四级/中级工职业技能等级证书', 'skill'), '电工四级/中级工职业技能等级证书');
    assert.equal(certificateText('职业技能等级证书', 'skill'), '职业技能等级证书');
    assert.equal(certificateText('低压电工特种作业操作证', 'licence'), '低压电工特种作业操作证');
  });
  it('adds the kind when the name does not say it', () => {
    assert.equal(certificateText('叉车司机证', 'licence'), '叉车司机证（上岗证/特种作业操作证）');
    assert.equal(certificateText('养老护理员四级', 'skill'), '养老护理员四级（职业技能等级证书）');
  });
});
