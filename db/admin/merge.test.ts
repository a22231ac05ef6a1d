/** The field-by-field merge of a save from an older version (pure; no database). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFields, sameValue } from './merge';
import { runEditableFields } from './run-fields';

const base = { title: '园林绿化工', summary: '学会种树', durationDays: 5, groups: ['rural', 'unemployed'] };

describe('mergeFields', () => {
  it('edits to different fields merge: theirs taken where only they changed, mine kept where only I did', () => {
    const theirs = { ...base, title: '园林绿化工（初级）' };
    const mine = { ...base, summary: '学会种树和养护' };
    const m = mergeFields(base, theirs, mine);
    assert.deepEqual(m.conflicts, []);
    assert.deepEqual([m.theirs, m.mine], [['title'], ['summary']]);
    assert.deepEqual(m.values, { ...base, title: '园林绿化工（初级）', summary: '学会种树和养护' });
  });

  it('the same new value on both sides is not a conflict (and names nobody)', () => {
    const both = { ...base, durationDays: 6 };
    const m = mergeFields(base, both, { ...both });
    assert.deepEqual([m.conflicts, m.theirs, m.mine], [[], [], []]);
    assert.equal(m.values.durationDays, 6);
  });

  it('both changed one field to different values: a conflict with the three values, the rest still merged', () => {
    const theirs = { ...base, title: '甲', summary: '他们的简介' };
    const mine = { ...base, title: '乙' };
    const m = mergeFields(base, theirs, mine);
    assert.deepEqual(m.conflicts, [{ field: 'title', base: '园林绿化工', theirs: '甲', mine: '乙' }]);
    assert.deepEqual(m.theirs, ['summary']);
  });

  it('a list is one value: one side changing it merges, both changing it differently conflicts, the same set does not', () => {
    const added = { ...base, groups: ['rural', 'unemployed', 'graduates'] };
    assert.deepEqual(mergeFields(base, added, { ...base }).theirs, ['groups']);
    const removed = { ...base, groups: ['rural'] };
    assert.deepEqual(
      mergeFields(base, added, removed).conflicts.map((c) => c.field),
      ['groups'],
    );
    assert.deepEqual(mergeFields(base, added, { ...added }).conflicts, []);
  });

  it('a field the old snapshot lacks is never overwritten unseen: a conflict unless both hold the same', () => {
    const old = { title: '园林绿化工' };
    assert.deepEqual(mergeFields(old, { ...base, summary: 'x' }, { ...base, summary: 'y' }).conflicts.map((c) => c.field), ['summary']);
    assert.deepEqual(mergeFields(old, { ...base }, { ...base }).conflicts, []);
    assert.deepEqual(mergeFields(null, { ...base, title: 'x' }, { ...base }).conflicts.map((c) => c.field), ['title']);
  });

  it('a conflict the editor settled (saw both values and chose) stands as theirs', () => {
    const m = mergeFields(base, { ...base, title: '甲' }, { ...base, title: '乙' }, new Set(['title']));
    assert.deepEqual([m.conflicts, m.mine, m.values.title], [[], ['title'], '乙']);
  });

  it('compares values, not key order; undefined and null are the same', () => {
    assert.ok(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
    assert.ok(sameValue(undefined, null));
    assert.ok(!sameValue([1, 2], [2, 1]));
    assert.ok(!sameValue('', null));
  });
});

describe('a run’s editable fields from any source', () => {
  it('the form’s parsed input, the stored row with children and the import’s snapshot read the same', () => {
    const parsed = { classDays: [1, 3, 5], groups: ['unemployed', 'rural'], certificates: [{ kind: 'skill', name: '五级', issuer: '鉴定中心' }], fee: null, label: '第1期' };
    const row = { classDays: '1,3,5', groups: ['rural', 'unemployed'], certificates: [{ kind: 'skill', name: '五级', issuer: '鉴定中心' }], fee: null, label: '第1期', publication: 'draft' };
    const imported = { classDays: '5,3,1', targetGroups: ['unemployed', 'rural'], certificates: ['skill:五级（鉴定中心）'], fee: null, label: '第1期' };
    const a = runEditableFields(parsed);
    assert.ok(sameValue(a, runEditableFields(row)));
    assert.ok(sameValue(a, runEditableFields(imported)));
    assert.equal('publication' in runEditableFields(row), false);
    // What a source does not hold stays unknown (not read as empty).
    assert.equal('note' in a, false);
  });
});
