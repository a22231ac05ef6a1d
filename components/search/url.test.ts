import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hrefOf, withPage, withParam, withoutParam } from './url';

describe('search URLs', () => {
  it('sets one parameter and returns to the first page', () => {
    assert.equal(withParam('q=电工&page=3', 'sort', 'near'), new URLSearchParams('q=电工&sort=near').toString());
    assert.equal(withParam('q=a&sort=near', 'sort', null), 'q=a');
  });

  it('removes one value of a repeatable parameter', () => {
    assert.equal(withoutParam('level=4&level=3&q=a&page=2', 'level', '4'), 'q=a&level=3');
    assert.equal(withoutParam('level=4&level=3&q=a', 'level'), 'q=a');
  });

  it('moves between pages', () => {
    assert.equal(withPage('q=a', 2), 'q=a&page=2');
    assert.equal(withPage('q=a&page=2', 1), 'q=a');
  });

  it('joins path and query', () => {
    assert.equal(hrefOf('/courses', ''), '/courses');
    assert.equal(hrefOf('/courses', 'q=a'), '/courses?q=a');
  });
});
