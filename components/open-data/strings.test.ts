/** The open-data API's words for a list query it refuses (the parser names the parameters: app/api/v1/_lib/params.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseApiParams } from '@/app/api/v1/_lib/params';
import { openDataText } from './strings';

const refusal = (kind: 'stations' | 'runs', qs: string) => {
  const r = parseApiParams(kind, new URLSearchParams(qs));
  assert.ok(!r.ok, qs);
  return openDataText.errors.params(r.error.params);
};

describe('open-data refusals', () => {
  it('a page size or page out of range says what it must be', () => {
    assert.equal(refusal('stations', 'per_page=101'), 'per_page 须为 1 到 100 之间的整数。');
    assert.equal(refusal('stations', 'page=0'), 'page 须为 1 到 500 之间的整数。');
  });

  it('anything else names every parameter it could not read, in the order the API declares them', () => {
    assert.equal(refusal('stations', 'open_now=maybe&host_type=castle'), '参数无法识别：host_type、open_now。请对照开放数据说明页检查取值。');
    assert.equal(refusal('runs', 'start_from=2026-12-10&start_to=2026-12-01'), '参数无法识别：start_from、start_to。请对照开放数据说明页检查取值。');
    assert.match(refusal('stations', 'per_page=0&page=0'), /^参数无法识别：(per_page、page|page、per_page)。/);
  });
});
