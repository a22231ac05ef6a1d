/**
 * The proxy's check of server-action bodies: what React's encodeReply sends passes, anything
 * else is answered with a 400 in Chinese; requests that are not action calls are not read.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { ACTION_BODY_LIMIT, actionBodyProblem, foreignOriginProblem, formActionProblem, refuseMalformedAction } from './action-body';
import { hostileString } from '@/db/hostile/arbitraries';

/** The build's action ids as the proxy would know them: here, the one the test calls use. */
const IDS = new Set(['abc123']);

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

/**
 * Multipart action calls judged against React itself: what encodeReply writes must pass, and
 * whatever the check lets through must decode with React's decodeReply (the decoder behind
 * Next's action handler) — so a body that passes can never become Next's 500.
 */
describe('multipart calls, against React encodeReply and decodeReply', () => {
  const req = createRequire(import.meta.url);
  const client = req('next/dist/compiled/react-server-dom-turbopack/client.node') as { encodeReply(v: unknown): Promise<string | FormData> };
  const server = req('next/dist/compiled/react-server-dom-turbopack/server.node') as {
    decodeReply(body: string | FormData, map: object, opts: object): Promise<unknown>;
    createTemporaryReferenceSet(): unknown;
  };
  const multipartCall = (fd: FormData) => new Request('http://x/courses', { method: 'POST', body: fd, headers: { 'next-action': 'abc123' } });
  const decodes = async (fd: FormData) => {
    try {
      await server.decodeReply(fd, {}, { temporaryReferences: server.createTemporaryReferenceSet() });
      return true;
    } catch {
      return false;
    }
  };

  it('the probe\'s "$Q1" with no part 1, and its cousins, are refused; their encodeReply forms pass', async () => {
    for (const root of ['["$Q1"]', '["$@2"]', '["$1:a"]', '["$W1"]', '["$B1"]', '["$h1"]', '["$R1"]', '["$Yz"]']) {
      const fd = new FormData();
      fd.append('0', root);
      assert.notEqual(await actionBodyProblem(multipartCall(fd)), null, root);
      // "$@2" and "$R1" decode to a promise or stream that never settles (an action awaiting it would hang): refused too.
      if (root !== '["$@2"]' && root !== '["$R1"]') assert.equal(await decodes(fd), false, `React also fails on ${root}`);
    }
    const good = await client.encodeReply([new Map([['k', { x: 1 }]]), new Set([1, 2]), 'q=1', '$x', [{ a: 1 }]]);
    assert.ok(good instanceof FormData);
    assert.equal(await actionBodyProblem(multipartCall(good)), null);
    // Names React reads as numbers: '' and '00' are part 0 to it, '01' is part 1.
    for (const name of ['', ' ', '00', '0x0', '-0', '01', '1e0']) {
      const fd = await client.encodeReply([new Map([['k', 1]])]);
      assert.ok(fd instanceof FormData);
      (fd as FormData).append(name, 'P\u0010Ô');
      assert.notEqual(await actionBodyProblem(multipartCall(fd as FormData)), null, JSON.stringify(name));
    }
    // A part that arrives after the part referring to it: React, reading as it streams, fails.
    const late = new FormData();
    late.append('0', '["$Q1"]');
    late.append('1', '[["k",1]]');
    assert.equal(await actionBodyProblem(multipartCall(late)), 'a reference to a part that comes later');
  });

  it('1000 generated argument lists: encodeReply output passes; 1000 mutated bodies that pass also decode', async () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        hostileString,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.array(fc.tuple(fc.string(), tie('v')), { maxLength: 3 }).map((e) => new Map(e)),
        fc.array(fc.integer(), { maxLength: 3 }).map((e) => new Set(e)),
        fc.date({ noInvalidDate: true }),
      ),
    })).v;
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 4 }), async (args) => {
        const body = await client.encodeReply(args);
        if (typeof body === 'string') return;
        assert.equal(await actionBodyProblem(multipartCall(body)), null);
      }),
      { numRuns: 1000 },
    );
    const mutated = fc.array(fc.tuple(fc.constantFrom('0', '1', '2', '3', '_1_q'), fc.oneof(hostileString, fc.constantFrom('["$Q1"]', '["$@1","$W2"]', '[{"a":"$1:x"}]', '{"x":1}', '[["k",1]]', '[1,2]', '["$K1"]', '["$$"]', '["$T"]', '["$2"]', '"$1"'))), { maxLength: 5 });
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (parts) => {
        const fd = new FormData();
        for (const [k, v] of parts) fd.append(k, v);
        if ((await actionBodyProblem(multipartCall(fd))) === null) {
          passed++;
          assert.equal(await decodes(fd), true, JSON.stringify(parts));
        }
      }),
      { numRuns: 1000 },
    );
    // The property is only worth something if some mutated bodies got through.
    assert.ok(passed > 20, `${passed} mutated bodies passed`);
  });

  it('a cross-site call is refused before its body is read: 403 in Chinese', async () => {
    const r = new Request('http://x/courses', { method: 'POST', body: '["q=1"]', headers: { 'next-action': 'abc123', origin: 'https://evil.example', host: 'x' } });
    const res = await refuseMalformedAction(r, IDS);
    assert.equal(res?.status, 403);
    assert.match(await res!.text(), /其他网站/);
    assert.equal(foreignOriginProblem(new Headers({ origin: 'http://x:3000', host: 'x:3000' })), null);
    assert.equal(foreignOriginProblem(new Headers({ origin: 'http://a.cn', host: 'internal', 'x-forwarded-host': 'a.cn, b' })), null);
    assert.equal(foreignOriginProblem(new Headers({ host: 'x' })), null);
    assert.equal(foreignOriginProblem(new Headers({ origin: 'null', host: 'x' })), 'an opaque origin');
    assert.equal(foreignOriginProblem(new Headers({ origin: '::::', host: 'x' })), 'an origin that is not a URL');
  });

  it('an unknown action id is a 404 that tells Next\'s client router to reload', async () => {
    const res = await refuseMalformedAction(new Request('http://x/courses', { method: 'POST', body: '["q=1"]', headers: { 'next-action': 'nope' } }), IDS);
    assert.equal(res?.status, 404);
    assert.equal(res?.headers.get('x-nextjs-action-not-found'), '1');
  });

  it('a form posted without JavaScript must name an action of this build', () => {
    const fd = new FormData();
    fd.append('q', '1');
    assert.deepEqual(formActionProblem(fd, IDS), { status: 400, problem: 'a multipart post that names no action' });
    fd.append('$ACTION_ID_abc123', '');
    assert.equal(formActionProblem(fd, IDS), null);
    assert.equal(formActionProblem(fd, IDS, () => false)?.status, 404);
    const ref = new FormData();
    ref.append('$ACTION_REF_1', '');
    ref.append('$ACTION_1:0', '{"id":"abc123","bound":"$@1"}');
    ref.append('$ACTION_1:1', '[]');
    assert.equal(formActionProblem(ref, IDS), null);
    ref.set('$ACTION_1:1', 'not json');
    assert.equal(formActionProblem(ref, IDS)?.status, 400);
  });
});
