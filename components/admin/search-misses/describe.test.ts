/** Stored filters read back in the words of the public filter chips. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FilterNames } from '@/db/queries/search-misses';
import { describeFilters } from './describe';

const names: FilterNames = {
  occupations: new Map([['7', '电工']]),
  streets: new Map([['3', '卢沟桥街道']]),
  groups: new Map([['rural', '农村劳动力']]),
  services: new Map([['12', '异地就医备案']]),
  landmarks: new Map([['28', '丰台站']]),
};

describe('describeFilters', () => {
  it('courses: 工种, 等级 (several joined), 费用, 一培双证, place', () => {
    assert.deepEqual(describeFilters('courses', 'cost=free&dual=1&from=place-28&level=3&level=4&occupation=7', names), [
      '费用：免费',
      '一培双证',
      '我在哪里：丰台站',
      '等级：三级/高级工、四级/中级工',
      '工种：电工',
    ]);
    assert.deepEqual(describeFilters('courses', 'group=rural&start=2w&status=open', names), ['适合人群：农村劳动力', '开课时间：两周内开课', '班期状态：报名中']);
    // The one origin encoding and the two filters residents asked for.
    assert.deepEqual(describeFilters('courses', 'near=p28&seats=1&when=weekend&when=evening', names), ['我在哪里：丰台站', '只看还有名额的', '上课时间：周末上课、晚上上课（18点以后）']);
  });

  it('stations and fairs, and an id that no longer exists', () => {
    assert.deepEqual(describeFilters('stations', 'host=bank&near=s3&open=1&service=12&street=99', names), [
      '驿站类型：银行网点',
      '位置：卢沟桥街道',
      '现在营业',
      '办理：异地就医备案',
      '街镇：编号 99（已删除）',
    ]);
    assert.deepEqual(describeFilters('fairs', 'date=week&street=3&type=graduates&when=past', names), [
      '时间：7天内',
      '街镇：卢沟桥街道',
      '类型：高校毕业生',
      '只看往期招聘会',
    ]);
    assert.deepEqual(describeFilters('jobs', 'dist=5&fair=17&near=s3&pay=m5000', names), ['距离：5 公里内', '招聘会：编号 17', '我在：卢沟桥街道', '工资：月薪 5000 元起']);
    assert.deepEqual(describeFilters('search', '', names), []);
  });
});
