/**
 * Which methods each address answers, and the 405 the proxy gives for the rest: the one table
 * both the proxy and the HTTP-server guard read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedMethods, isActionPost, refuseMethod } from './methods';
import { refusalReason } from './refusal';

function req(method: string, pathname: string, headers: Record<string, string> = {}) {
  return { method, headers: new Headers(headers), nextUrl: { pathname } };
}

describe('allowed methods', () => {
  it('pages read; the API also answers OPTIONS; feeds and calendar files only read', () => {
    assert.deepEqual(allowedMethods('/courses'), ['GET', 'HEAD']);
    assert.deepEqual(allowedMethods('/api/v1/courses'), ['GET', 'HEAD', 'OPTIONS']);
    assert.deepEqual(allowedMethods('/feeds/fairs.xml'), ['GET', 'HEAD']);
    assert.deepEqual(allowedMethods('/fairs/3/calendar'), ['GET', 'HEAD']);
    assert.deepEqual(allowedMethods('/api/auth/session'), ['GET']);
    assert.deepEqual(allowedMethods('/api/auth/callback/credentials'), ['POST']);
    assert.deepEqual(allowedMethods('/admin/spreadsheets/import/upload'), ['POST']);
  });

  it('a page takes POST only as a server action (Next-Action header or a multipart form)', () => {
    assert.equal(refuseMethod(req('POST', '/courses', { 'next-action': 'abc' })), null);
    assert.equal(refuseMethod(req('POST', '/courses', { 'content-type': 'multipart/form-data; boundary=x' })), null);
    assert.equal(isActionPost(req('POST', '/courses', { 'content-type': 'application/x-www-form-urlencoded' })), false);
    const plain = refuseMethod(req('POST', '/courses', { 'content-type': 'text/plain' }))!;
    assert.equal(plain.status, 405);
    assert.equal(plain.headers.get('allow'), 'GET, HEAD');
    assert.equal(refusalReason(plain), 'method');
  });

  it('PUT on a page is a plain Chinese 405; on the API the API’s JSON error', async () => {
    const page = refuseMethod(req('PUT', '/stations'))!;
    assert.equal(page.status, 405);
    assert.match(page.headers.get('content-type')!, /^text\/plain/);
    assert.match(await page.text(), /[\u4e00-\u9fff]/);
    const api = refuseMethod(req('DELETE', '/api/v1/stations/1'))!;
    assert.equal(api.status, 405);
    assert.equal(api.headers.get('allow'), 'GET, HEAD, OPTIONS');
    assert.match(api.headers.get('content-type')!, /^application\/json/);
    const body = (await api.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'method_not_allowed');
    assert.match(body.error.message, /[\u4e00-\u9fff]/);
    // A feed is no place for an action post, multipart or not.
    assert.equal(refuseMethod(req('POST', '/feeds/fairs.xml', { 'next-action': 'abc' }))?.status, 405);
  });
});

describe('route handlers that take a multipart POST', () => {
  it('the spreadsheet upload is not checked as a server-action form', async () => {
    const { refuseMalformedAction } = await import('./action-body');
    const body = '--zz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nstations\r\n--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nx\r\n--zz--\r\n';
    const upload = new Request('http://127.0.0.1:3000/admin/spreadsheets/import/upload', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zz', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      body,
    });
    assert.equal(await refuseMalformedAction(Object.assign(upload, { nextUrl: new URL(upload.url) }), new Set()), null);
    // The same body posted to a page is no form of an action there.
    const page = new Request('http://127.0.0.1:3000/courses', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zz', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      body,
    });
    const refused = await refuseMalformedAction(Object.assign(page, { nextUrl: new URL(page.url) }), new Set());
    assert.equal(refused?.status, 400);
  });
});
