/**
 * Ranked orders carried over a save (ranks.ts): after any change of groups (keys moved, groups
 * added, removed), the carried-over ranking equals one ranked from scratch.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergePlan, type IndexSnapshot } from './store';
import { rankAfterChange, rankAll, rankings } from './ranks';
import type { MatchedGroup } from './types';

type Row = { group: number; k: number; tie: number };
const key = (m: MatchedGroup<Row>) => [Math.min(...m.rows.map((r) => r.k)), m.rows[0]!.tie];

let seed = 9;
const rand = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
};

function snapshot(rows: Row[], base: IndexSnapshot<Row, null>['base']): IndexSnapshot<Row, null> {
  return { rows, refs: null, seq: 0, version: 0, items: 0, base };
}

describe('ranked orders', () => {
  it('ranks every group by key, ties by group id', () => {
    const rows: Row[] = [
      { group: 1, k: 5, tie: 0 },
      { group: 2, k: 3, tie: 1 },
      { group: 2, k: 9, tie: 1 },
      { group: 4, k: 3, tie: 1 },
      { group: 7, k: 3, tie: 0 },
    ];
    const r = rankAll(rows, key);
    assert.deepEqual(r.groups, [7, 2, 4, 1]);
    assert.deepEqual([...r.rank], [-1, 3, 1, -1, 2, -1, -1, 0]);
  });

  it('carries a ranking over saves that move, add and remove groups as ranking afresh would', () => {
    let rows: Row[] = [];
    for (let g = 1; g <= 200; g++) for (let n = rand(3) + 1; n > 0; n--) rows.push({ group: g, k: rand(40), tie: rand(3) });
    let snap = snapshot(rows, null);
    let ranking = rankAll(rows, key);
    let kept = 0;
    for (let step = 0; step < 300; step++) {
      const changed = new Set([rand(230) + 1, rand(230) + 1]);
      const fresh: Row[] = [];
      for (const g of changed) {
        const old = snap.rows.filter((r) => r.group === g);
        // Removed (no rows back), saved as it was, or saved with new rows.
        const what = rand(4);
        if (what === 0) continue;
        if (what === 1 && old.length > 0) fresh.push(...old.map((r) => ({ ...r })));
        else for (let n = rand(3) + 1; n > 0; n--) fresh.push({ group: g, k: rand(40), tie: rand(3) });
      }
      const plan = mergePlan(snap.rows, changed, fresh);
      const prev = snap;
      snap = snapshot(plan.rows, { prev, parts: plan.parts });
      const next = rankAfterChange(snap, ranking, key);
      if (next === ranking) kept++;
      const expected = rankAll(snap.rows, key);
      assert.deepEqual(next.groups, expected.groups, `step ${step}`);
      for (const g of expected.groups) assert.equal(next.rank[g], expected.rank[g]);
      for (let g = 0; g < next.rank.length; g++) if (!expected.groups.includes(g)) assert.equal(next.rank[g], -1);
      ranking = next;
    }
    // Saves that changed no key kept the very same ranking (nothing copied).
    assert.ok(kept > 0, 'some saves kept the ranking');
  });

  it('ranks from a nearby ranking (the minute before) exactly as from scratch, and ignores one of other groups', () => {
    const rows: Row[] = [];
    for (let g = 1; g <= 300; g++) for (let n = rand(3) + 1; n > 0; n--) rows.push({ group: g, k: rand(50), tie: rand(3) });
    const before = rankAll(rows, key);
    // The next minute: a few groups' keys move (as a market's next session does).
    const moved = new Set([rand(300) + 1, rand(300) + 1, rand(300) + 1]);
    const later = (m: MatchedGroup<Row>) => (moved.has(m.group) ? [m.rows[0]!.k + 7, 0] : key(m));
    const near = rankAll(rows, later, undefined, before);
    const fresh = rankAll(rows, later);
    assert.deepEqual(near.groups, fresh.groups);
    assert.deepEqual([...near.rank], [...fresh.rank]);
    // A ranking of other groups is no help: ranked as from scratch.
    const other = rankAll(rows.filter((r) => r.group !== 1), key);
    assert.deepEqual(rankAll(rows, later, undefined, other).groups, fresh.groups);
  });

  it('keeps one ranking per set of rows and name, and carries it over a change only under the same name', () => {
    const rankingOf = rankings<Row, null>();
    const rows: Row[] = [1, 2, 3].map((g) => ({ group: g, k: 10 - g, tie: 0 }));
    const s1 = snapshot(rows, null);
    let asked = 0;
    const counted = (m: MatchedGroup<Row>) => (asked++, key(m));
    const a = rankingOf(s1, 'default', 'day1', counted);
    assert.equal(rankingOf(s1, 'default', 'day1', counted), a);
    assert.equal(asked, 3);
    const plan = mergePlan(rows, new Set([2]), [{ group: 2, k: 0, tie: 0 }]);
    const s2 = snapshot(plan.rows, { prev: s1, parts: plan.parts });
    const b = rankingOf(s2, 'default', 'day1', counted);
    assert.equal(asked, 4, 'only the saved group is asked again');
    assert.deepEqual(b.groups, [2, 3, 1]);
    rankingOf(s2, 'default', 'day2', counted);
    assert.equal(asked, 7, 'another name ranks afresh');
  });
});
