import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearListCaches, stampedCache } from './list-cache';

test('a stamped cache forgets everything when the stamp moves, and drops the least recently used when full', () => {
  let stamp = 'a';
  const c = stampedCache<number>(2, () => stamp);
  c.set('x', 1);
  c.set('y', 2);
  assert.equal(c.get('x'), 1); // x is now the freshest
  c.set('z', 3); // y goes
  assert.equal(c.get('y'), undefined);
  assert.equal(c.get('x'), 1);
  assert.equal(c.get('z'), 3);
  stamp = 'b';
  assert.equal(c.get('x'), undefined);
  assert.equal(c.size, 0);
});

test('clearListCaches empties every cache', () => {
  const c = stampedCache<string>(5, () => 'same');
  c.set('k', 'v');
  clearListCaches();
  assert.equal(c.get('k'), undefined);
});
