/**
 * The proxy's check of server-action bodies: what React's encodeReply sends passes, anything
 * else is answered with a 400 in Chinese; requests that are not action calls are not read.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ACTION_BODY_LIMIT, actionBodyProblem, refuseMalformedAction } from './action-body';
import { hostileString } from './arbitraries';

function call(body: BodyInit | null, type = 'text/plain;charset=UTF-8', method = 'POST', action = true) {
  const headers: Record<string, string> = { 'content-type': type };
  if (action) headers['next-action'] = 'abc123';
  return new Request('http://x/courses', { method, headers, body: method === 'GET' ? null : body });
}

describe('actionBodyProblem', () => {
  it('lets argument lists through, as JSON text or multipart', async () => {
    assert.equal(await actionBodyProblem(call('["q=电工&page=2"]')), null);
    assert.equal(await actionBodyProblem(call('[]')), null);
    assert.equal(await actionBodyProblem(call('[{"id":"1","version":"3","note":"$$5 元"},"$undefined","$D2026-11-23T00:00:00.000Z","$n12"]')), null);
    const fd = new FormData();
    fd.append('1_file', new Blob(['a,b\n1,2']), 'x.csv');
    fd.append('0', '["$K1"]');
    const multipart = new Request('http://x/admin', { method: 'POST', body: fd, headers: { 'next-action': 'abc' } });
    assert.equal(await actionBodyProblem(multipart), null);
  });

  it('names what is wrong with everything else', async () => {
    assert.equal(await actionBodyProblem(call('{{{')), 'not JSON');
    assert.equal(await actionBodyProblem(call('')), 'not JSON');
    assert.equal(await actionBodyProblem(call('"q=1"')), 'JSON that is not an argument list');
    assert.equal(await actionBodyProblem(call('{"a":1}', 'application/json')), 'JSON that is not an argument list');
    assert.equal(await actionBodyProblem(call('[[1,"${~2T4"]]')), 'a reference to a part a text body cannot have');
    assert.equal(await actionBodyProblem(call('[{"a":"$@1"}]')), 'a reference to a part a text body cannot have');
    assert.equal(await actionBodyProblem(call('['.repeat(200) + ']'.repeat(200))), 'nested too deep');
    assert.equal(await actionBodyProblem(call('abc', 'multipart/form-data')), 'multipart without a boundary');
    assert.equal(await actionBodyProblem(call('--a\r\n\r\nx', 'multipart/form-data; boundary=b')), 'multipart that does not parse');
    assert.equal(await actionBodyProblem(call(JSON.stringify(['q=' + 'a'.repeat(ACTION_BODY_LIMIT)]))), 'too big');
  });

  it('1000 generated bodies: a verdict, never a throw; what encodeReply would write passes', async () => {
    // encodeReply escapes a user string starting with '$' as '$$…'.
    const escape = (v: unknown): unknown =>
      typeof v === 'string' ? (v.startsWith('$') ? '$' + v : v) : Array.isArray(v) ? v.map(escape) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escape(x)])) : v;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.jsonValue().map((v) => JSON.stringify(v))), fc.array(fc.jsonValue({ maxDepth: 4 })), async (junk, args) => {
        const verdict = await actionBodyProblem(call(junk));
        let isList = false;
        try {
          isList = Array.isArray(JSON.parse(junk));
        } catch {
          isList = false;
        }
        if (!isList) assert.notEqual(verdict, null);
        assert.equal(await actionBodyProblem(call(JSON.stringify(escape(args)))), null);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The build's action ids as the proxy would know them: here, the one the test calls use. */
const IDS = new Set(['abc123']);

describe('refuseMalformedAction', () => {
  it('answers a bad call with a 400 in plain Chinese', async () => {
    const res = await refuseMalformedAction(call('not json'), IDS);
    assert.ok(res);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /请求内容无法读取/);
    const big = await refuseMalformedAction(call(JSON.stringify(['x'.repeat(ACTION_BODY_LIMIT)])), IDS);
    assert.equal(big?.status, 413);
    assert.match(await big!.text(), /内容太大/);
  });

  it('does not read requests that are not action calls, nor good calls', async () => {
    assert.equal(await refuseMalformedAction(call('not json', 'text/plain', 'POST', false), IDS), null);
    assert.equal(await refuseMalformedAction(call(null, 'text/plain', 'GET'), IDS), null);
    assert.equal(await refuseMalformedAction(call('["q=1"]'), IDS), null);
  });

  it('leaves the body readable for Next after the check', async () => {
    const req = call('["q=1"]');
    assert.equal(await refuseMalformedAction(req, IDS), null);
    assert.equal(await req.text(), '["q=1"]');
  });
});
