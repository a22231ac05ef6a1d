/**
 * The site address: what SITE_URL values are accepted, and that no request header can change it.
 * What a start without it says: db/config.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseServerEnv, serverConfig } from '@/db/config';
import { DEV_SITE_URL, parseSiteUrl, siteUrl } from './site-url';

describe('parseSiteUrl', () => {
  it('takes an http(s) address and keeps its path prefix, without a trailing slash', () => {
    assert.deepEqual(parseSiteUrl('https://jiuye.fengtai.gov.cn'), { ok: true, url: 'https://jiuye.fengtai.gov.cn' });
    assert.deepEqual(parseSiteUrl(' https://jiuye.fengtai.gov.cn/ '), { ok: true, url: 'https://jiuye.fengtai.gov.cn' });
    assert.deepEqual(parseSiteUrl('https://example.cn/portal/'), { ok: true, url: 'https://example.cn/portal' });
    assert.deepEqual(parseSiteUrl('http://127.0.0.1:3300'), { ok: true, url: 'http://127.0.0.1:3300' });
    assert.deepEqual(parseSiteUrl('HTTPS://EXAMPLE.CN:443/'), { ok: true, url: 'https://example.cn' });
  });

  it('refuses what would put something odd into every link', () => {
    assert.deepEqual(parseSiteUrl(undefined), { ok: false, reason: 'missing' });
    assert.deepEqual(parseSiteUrl('   '), { ok: false, reason: 'missing' });
    for (const bad of ['jiuye.fengtai.gov.cn', 'javascript:alert(1)', 'ftp://example.cn', 'https://user:pw@example.cn', 'https://example.cn/?a=1', 'https://example.cn/#x', 'http://', 'https://exa mple.cn']) {
      assert.deepEqual(parseSiteUrl(bad), { ok: false, reason: 'invalid' }, bad);
    }
  });
});

describe('siteUrl', () => {
  it('is the configured address and reads no request', () => {
    assert.equal(siteUrl(), serverConfig().siteUrl);
    // The function takes no headers at all: a forged Host cannot reach it.
    assert.equal(siteUrl.length, 0);
    // Outside production an unset SITE_URL stands in as the development address.
    assert.equal(parseServerEnv({ NODE_ENV: 'development' }).config.siteUrl, DEV_SITE_URL);
    assert.equal(parseServerEnv({ SITE_URL: 'https://jiuye.fengtai.gov.cn/' }).config.siteUrl, 'https://jiuye.fengtai.gov.cn');
  });
});
