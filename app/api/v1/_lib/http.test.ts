/**
 * The API's answers when a client asks wrongly: an address that is no endpoint says so and
 * names the real ones; a reversed date range says it is reversed (not "cannot read").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NextRequest } from 'next/server';
import { listRoute, unknownEndpoint } from './http';
import { API_ENDPOINTS } from './endpoints';
import { parseApiParams } from './params';
import { openDataText } from '@/components/open-data/strings';

type ErrorBody = { error: { code: string; reason?: string; message: string }; endpoints?: { path: string; url: string }[]; documentation?: string };

describe('an unknown endpoint', () => {
  it('is a JSON 404 that names the address, lists every endpoint and points to the documentation', async () => {
    const res = unknownEndpoint('/api/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const body = (await res.json()) as ErrorBody;
    assert.equal(body.error.code, 'not_found');
    assert.equal(body.error.reason, 'unknown_endpoint');
    assert.equal(body.error.message, '没有这个接口：/api/v1/nothing-here。可用的接口列在 /api/v1，说明见 /open-data。');
    assert.notEqual(body.error.message, openDataText.errors.notFound);
    assert.deepEqual(body.endpoints?.map((e) => e.path), API_ENDPOINTS.map((e) => e.path));
    assert.ok(body.endpoints?.every((e) => e.url.endsWith(e.path) && /^https?:\/\//.test(e.url)));
    assert.match(body.documentation ?? '', /^https?:\/\/[^/]+\/open-data$/);
  });
});

describe('a reversed date range', () => {
  it('is worded as reversed, naming both ends', () => {
    const r = parseApiParams('runs', new URLSearchParams('start_from=2026-12-10&start_to=2026-12-01'));
    assert.ok(!r.ok);
    assert.equal(r.error.reason, 'reversed_range');
    assert.equal(openDataText.errors.problem(r.error), '日期范围颠倒了：start_from 晚于 start_to。请让 start_from 早于或等于 start_to。');
    const bad = parseApiParams('runs', new URLSearchParams('start_from=2026-02-30'));
    assert.ok(!bad.ok);
    assert.equal(bad.error.reason, 'unreadable');
    assert.equal(openDataText.errors.problem(bad.error), '参数无法识别：start_from。请对照开放数据说明页检查取值。');
    // The same day at both ends is a range, not a reversal.
    assert.ok(parseApiParams('runs', new URLSearchParams('start_from=2026-12-01&start_to=2026-12-01')).ok);
  });

  it('is a 400 from the list endpoint before any data is read', async () => {
    let listed = false;
    const get = listRoute('runs', async () => {
      listed = true;
      return { items: [], total: 0 };
    });
    const req = new NextRequest('http://localhost/api/v1/runs?start_from=2026-12-10&start_to=2026-12-01');
    const res = await get(req);
    assert.equal(res.status, 400);
    const body = (await res.json()) as ErrorBody;
    assert.equal(body.error.code, 'bad_request');
    assert.match(body.error.message, /^日期范围颠倒了/);
    assert.equal(listed, false);
  });
});
