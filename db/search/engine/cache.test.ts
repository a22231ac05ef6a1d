import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearResultCaches, resultCache } from './cache';

test('a result cache drops the least recently used entry when full', () => {
  const c = resultCache<number>(2);
  c.set('x', 1);
  c.set('y', 2);
  assert.equal(c.get('x'), 1); // x is now the freshest
  c.set('z', 3); // y goes
  assert.equal(c.get('y'), undefined);
  assert.equal(c.get('x'), 1);
  assert.equal(c.get('z'), 3);
  assert.equal(c.size, 2);
});

test('clearResultCaches empties every result cache', () => {
  const c = resultCache<string>(5);
  c.set('k', 'v');
  clearResultCaches();
  assert.equal(c.get('k'), undefined);
  assert.equal(c.size, 0);
});
