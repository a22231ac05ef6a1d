/** Columns kept per context: queries alternating between two contexts each splice theirs after a change. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { columnOf } from './columns';
import { mergePlan, type IndexSnapshot } from './store';

type Row = { group: number; v: number };

describe('columns', () => {
  it('keeps the columns of alternating contexts, and splices each after a change (only reloaded rows asked)', () => {
    const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({ group: i + 1, v: i % 7 }));
    const s1: IndexSnapshot<Row, null> = { rows, refs: null, seq: 1, version: 1, items: 1, base: null };
    let asked = 0;
    const keys = (plus: number) => (r: Row) => (asked++, r.v + plus);
    const a1 = columnOf(s1, 'f', 'a', keys(0));
    const b1 = columnOf(s1, 'f', 'b', keys(10));
    assert.equal(asked, 200);
    assert.equal(columnOf(s1, 'f', 'a', keys(0)), a1, 'context a still kept after b was asked');
    assert.equal(columnOf(s1, 'f', 'b', keys(10)), b1);
    assert.equal(asked, 200);
    const plan = mergePlan(rows, new Set([5]), [{ group: 5, v: 6 }]);
    const s2: IndexSnapshot<Row, null> = { rows: plan.rows, refs: null, seq: 2, version: 2, items: 2, base: { prev: s1, parts: plan.parts } };
    const a2 = columnOf(s2, 'f', 'a', keys(0));
    const b2 = columnOf(s2, 'f', 'b', keys(10));
    assert.equal(asked, 202, 'one reloaded row asked per context');
    assert.equal(a2.one![4], 6);
    assert.equal(b2.one![4], 16);
    assert.equal(a2.one![5], 5);
    assert.equal(b2.one![5], 15);
  });
});
