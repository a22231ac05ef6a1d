import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { actionQuery, fields, many, one, parseParams, parseRouteId, toSearchParams } from './search-params';

const shape = {
  q: one(fields.text(10), ''),
  level: many(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5))),
  page: one(fields.page, 1),
  free: one(fields.flag, false),
};

describe('parseParams', () => {
  it('reads valid values', () => {
    const { values, invalid } = parseParams('q=电工&level=4&level=3&page=2&free=1', shape);
    assert.deepEqual(values, { q: '电工', level: [4, 3], page: 2, free: true });
    assert.deepEqual(invalid, []);
  });

  it('falls back to defaults and names the fields it could not read', () => {
    const { values, invalid } = parseParams('page=abc&level=9&level=4&free=maybe', shape);
    assert.deepEqual(values, { q: '', level: [4], page: 1, free: false });
    assert.deepEqual(invalid.sort(), ['free', 'level', 'page']);
  });

  it('treats empty values as absent, not invalid', () => {
    const { values, invalid } = parseParams('q=&page=&level=', shape);
    assert.deepEqual(values, { q: '', level: [], page: 1, free: false });
    assert.deepEqual(invalid, []);
  });

  it('caps text and refuses very deep pages', () => {
    const { values, invalid } = parseParams(`q=${'电'.repeat(50)}&page=100000`, shape);
    assert.equal(values.q, '电'.repeat(10));
    assert.equal(values.page, 1);
    assert.deepEqual(invalid, ['page']);
  });

  it('accepts what Next passes as searchParams', () => {
    const sp = toSearchParams({ level: ['4', '3'], q: '花艺', none: undefined });
    assert.equal(sp.toString(), 'level=4&level=3&q=%E8%8A%B1%E8%89%BA');
  });

  it('survives odd Unicode and malformed percent-encoding', () => {
    const { values } = parseParams('q=%F0%9F%98%80%E2%80%AE&page=%ZZ', shape);
    assert.equal(typeof values.q, 'string');
    assert.equal(values.page, 1);
  });
});

describe('parseRouteId', () => {
  it('reads plain positive integer ids', () => {
    assert.equal(parseRouteId('1'), 1);
    assert.equal(parseRouteId('2147483647'), 2147483647);
  });

  it('refuses everything else, so the page can answer 404', () => {
    for (const bad of ['0', '01', '-1', '1e3', '1.0', 'abc', '', ' 1', '2147483648', '99999999999', 5, null, undefined, {}]) {
      assert.equal(parseRouteId(bad), null, String(bad));
    }
  });
});

describe('actionQuery', () => {
  it('reads only strings, and only so much of them', () => {
    assert.equal(actionQuery({ q: '电工' }), '');
    assert.equal(actionQuery(42), '');
    assert.equal(actionQuery('q=电工'), 'q=电工');
    assert.equal(actionQuery('x'.repeat(10_000)).length, 2000);
  });
});
