/** Picker choices: found by name, pinyin and initials; one label per provider. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesPick } from './pick-match';
import { namedPick, providerLabel, providerPick } from './pick-options';

describe('picker choices', () => {
  const station = namedPick({ id: 1, name: '右安门街道医保服务驿站' });
  const other = namedPick({ id: 2, name: '方庄社区卫生服务中心驿站' });
  const find = (q: string) => [station, other].filter((o) => matchesPick(o, q)).map((o) => o.value);

  it('finds by a piece of the name, ignoring spaces and width', () => {
    assert.deepEqual(find('右安门'), ['1']);
    assert.deepEqual(find('右安门 街道'), ['1']);
    assert.deepEqual(find('驿站'), ['1', '2']);
    assert.deepEqual(find(''), ['1', '2']);
    assert.deepEqual(find('南苑'), []);
  });

  it('finds by full pinyin or by the initials of its words, from a word’s start', () => {
    assert.deepEqual(find('youanmen'), ['1']);
    assert.deepEqual(find('YAM'), ['1']);
    assert.deepEqual(find('fz'), ['2']);
    assert.deepEqual(find('ybfwyz'), ['1']);
    // Not from inside a run of initials: 'nm' is in 'yanm…' but starts no word.
    assert.deepEqual(find('nm'), []);
  });

  it('labels a provider by its short name everywhere, its full name beneath and findable', () => {
    const p = { id: 4, name: '北京市丰台区金匠人职业技能培训学校', shortName: '金匠人丰台学校' };
    assert.equal(providerLabel(p), '金匠人丰台学校');
    const o = providerPick(p);
    assert.equal(o.label, '金匠人丰台学校');
    assert.equal(o.hint, '北京市丰台区金匠人职业技能培训学校');
    assert.equal(matchesPick(o, '职业技能'), true);
    assert.equal(matchesPick(o, 'jjr'), true);
    assert.equal(providerPick({ id: 5, name: '康馨养老护理学校', shortName: '康馨养老护理学校' }).hint, undefined);
    assert.equal(providerLabel({ name: '全名', shortName: ' ' }), '全名');
  });
});
