import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { noRunOpen, runsForList } from './matched-runs';
import type { RunStatus } from './course-run';

const run = (id: number, status: RunStatus) => ({ id, status });
// The page's order: to come first (soonest first), then finished ones.
const runs = [run(1, 'full'), run(2, 'open'), run(3, 'closed'), run(4, 'open'), run(5, 'running'), run(6, 'ended')];

describe('runsForList: a course page opened from a filtered list', () => {
  it('puts the matched runs first, 报名中 before full or closed ones, in the page order otherwise', () => {
    const r = runsForList(runs, new Set([1, 4, 3]));
    assert.deepEqual(
      r.matched.map((x) => x.id),
      [4, 1, 3],
    );
    assert.deepEqual(
      r.others.map((x) => x.id),
      [2, 5],
      'the rest still to come, never the finished run',
    );
  });

  it('without a filtered list nothing is marked and every run to come is listed', () => {
    const r = runsForList(runs, null);
    assert.deepEqual(r.matched, []);
    assert.deepEqual(r.matchedEnded, []);
    assert.deepEqual(
      r.others.map((x) => x.id),
      [1, 2, 3, 4, 5],
    );
  });

  it('a matched id the course does not have changes nothing; a matched finished run stays with the finished ones', () => {
    const r = runsForList(runs, new Set([99, 6]));
    assert.deepEqual(r.matched, []);
    assert.deepEqual(
      r.matchedEnded.map((x) => x.id),
      [6],
    );
    assert.equal(r.others.length, 5);
  });

  it('noRunOpen: true only when no run takes sign-ups', () => {
    assert.equal(noRunOpen(runs), false);
    assert.equal(noRunOpen([run(1, 'full'), run(2, 'closed'), run(3, 'ended')]), true);
    assert.equal(noRunOpen([]), true);
  });
});
