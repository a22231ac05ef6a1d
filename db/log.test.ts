/** The structured logger: one JSON line per event, and nothing secret in it. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { MASK, formatLine, log, redact, setLogSink, type Level } from './log';

const JWT_COOKIE =
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiYWJjIn0..Zm9vYmFyYmF6cXV4.c2VjcmV0LXBheWxvYWQtYmxhaC1ibGFo.dGFnLXRhZy10YWc';
const SESSION_ID = 'q3Zr7Hn1xK9pL2mV8sT4wY6bC0dF5gJ1aE3iO7uR9tQ'; // 43 chars, like newSessionId()

describe('redact', () => {
  it('masks values under secret-sounding keys, at any depth', () => {
    const out = redact({
      username: 'admin',
      password: 'fengtai-demo-2026',
      newPassword: 'x',
      headers: { Cookie: 'a=b', authorization: 'Basic abc', 'x-request-id': 'r1' },
      nested: [{ sessionToken: 't', apiKey: 'k', client_secret: 's', passwordHash: '$argon2id$…' }],
    }) as Record<string, unknown>;
    assert.equal(out.username, 'admin');
    assert.equal(out.password, MASK);
    assert.equal(out.newPassword, MASK);
    assert.deepEqual(out.headers, { Cookie: MASK, authorization: MASK, 'x-request-id': 'r1' });
    assert.deepEqual(out.nested, [{ sessionToken: MASK, apiKey: MASK, client_secret: MASK, passwordHash: MASK }]);
  });

  it('masks token-looking strings wherever they are', () => {
    const s = redact(`cookie was authjs.session-token=${JWT_COOKIE}; ft_mode=elder and sid ${SESSION_ID} and Bearer abc.def`) as string;
    assert.ok(!s.includes(JWT_COOKIE) && !s.includes(SESSION_ID) && !s.includes('abc.def'), s);
    assert.ok(s.includes('ft_mode=elder'), 'harmless cookies stay readable');
    assert.equal(redact(JWT_COOKIE), MASK);
    assert.equal(redact(`__Secure-authjs.session-token.0=${'x'.repeat(10)}`), `__Secure-authjs.session-token.0=${MASK}`);
  });

  it('keeps ordinary values: paths, addresses, ids, Chinese text', () => {
    const v = { path: '/courses/12/runs/3/card', ip: '198.51.100.7', id: 42, ok: true, note: '园林绿化工 一培双证', requestId: '3b241101-e2bb-4255-8caf-4136c566a962' };
    assert.deepEqual(redact(v), v);
  });

  it('flattens errors (message scrubbed, stack cut short) and survives cycles', () => {
    const e = new Error(`bad token ${SESSION_ID}`, { cause: new Error('inner') });
    const out = redact({ err: e }) as { err: { name: string; message: string; stack: string; cause: { message: string } } };
    assert.equal(out.err.name, 'Error');
    assert.ok(!out.err.message.includes(SESSION_ID));
    assert.ok(out.err.stack.split('\n').length <= 8);
    assert.equal(out.err.cause.message, 'inner');
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    assert.deepEqual(redact(loop), { a: 1, self: '[circular]' });
  });

  it('cuts very long strings and very deep objects', () => {
    assert.ok((redact('字'.repeat(10_000)) as string).length < 2100);
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    assert.ok(JSON.stringify(redact(deep)).includes('[…]'));
  });
});

describe('log', () => {
  const lines: { level: Level; line: string }[] = [];
  setLogSink((level, line) => lines.push({ level, line }));
  after(() => setLogSink(null));

  it('writes one parseable JSON line per call with time, level and event', () => {
    lines.length = 0;
    log.info('auth.signin', { username: 'admin', ip: '198.51.100.1' });
    log.warn('auth.signin.failed', { username: 'nobody', password: 'guess' });
    log.error('api.failed', { err: new Error('boom') });
    assert.equal(lines.length, 3);
    const parsed = lines.map((l) => JSON.parse(l.line));
    assert.deepEqual(lines.map((l) => l.level), ['info', 'warn', 'error']);
    assert.equal(parsed[0].event, 'auth.signin');
    assert.equal(parsed[0].level, 'info');
    assert.ok(!Number.isNaN(Date.parse(parsed[0].time)));
    assert.equal(parsed[1].password, MASK);
    assert.equal(parsed[2].err.message, 'boom');
    for (const l of lines) assert.ok(!l.line.includes('\n'));
    assert.ok(!lines.some((l) => l.line.includes('guess')));
  });

  it('never throws, even if the sink does', () => {
    setLogSink(() => {
      throw new Error('disk full');
    });
    assert.doesNotThrow(() => log.error('x', { a: 1 }));
    setLogSink((level, line) => lines.push({ level, line }));
  });

  it('formatLine cannot be made to carry a token through the event name or a field name it does not know', () => {
    const line = formatLine('info', `login ${SESSION_ID}`, { note: `token ${JWT_COOKIE}` });
    assert.ok(!line.includes(SESSION_ID) && !line.includes(JWT_COOKIE), line);
  });
});
