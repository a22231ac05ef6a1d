/** The latency CLI's own arithmetic and argument parsing (the measuring itself runs in `npm run bench`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, percentile, percentiles } from './latency';

describe('latency percentiles', () => {
  it('uses the nearest rank', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(s, 50), 50);
    assert.equal(percentile(s, 95), 95);
    assert.equal(percentile(s, 99), 99);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it('sorts unsorted samples and rounds to microseconds', () => {
    assert.deepEqual(percentiles([3.00049, 1, 2]), { p50: 2, p95: 3, p99: 3 });
  });
});

describe('latency arguments', () => {
  it('reads --db, --out and --iterations', () => {
    assert.deepEqual(parseArgs(['--db', 'x.sqlite', '--out', 'r.json', '--iterations', '12']), { db: 'x.sqlite', out: 'r.json', iterations: 12 });
    assert.deepEqual(parseArgs(['--db', 'x.sqlite']), { db: 'x.sqlite', out: null, iterations: null });
  });

  it('refuses a missing database, unknown flags and bad counts', () => {
    assert.throws(() => parseArgs([]), /--db/);
    assert.throws(() => parseArgs(['--db', 'x', '--fast']), /unknown/);
    assert.throws(() => parseArgs(['--db', 'x', '--iterations', '0']), /unknown or incomplete/);
    assert.throws(() => parseArgs(['--db', 'x', '--iterations', 'ten']), /unknown or incomplete/);
  });
});
