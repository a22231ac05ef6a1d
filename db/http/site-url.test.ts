/**
 * The site address: what SITE_URL values are accepted, what a production start says when it is
 * missing or wrong, and that no request header can change it. The last test runs the real
 * start-up (instrumentation.ts register()) in a child process, as `next start` would.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_SITE_URL, parseSiteUrl, siteUrl, siteUrlStartupProblem } from './site-url';
import { siteUrlProblemText } from '../../components/site/strings';

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

describe('siteUrlStartupProblem', () => {
  it('production without SITE_URL: a Chinese sentence naming the variable and an example', () => {
    const problem = siteUrlStartupProblem({ NODE_ENV: 'production' });
    assert.deepEqual(problem, { reason: 'missing' });
    const message = siteUrlProblemText(problem);
    assert.match(message, /SITE_URL/);
    assert.match(message, /未设置网站地址/);
    assert.match(message, /例如 SITE_URL=https:\/\//);
  });

  it('a malformed SITE_URL is an error in every environment, and says what was given', () => {
    const problem = siteUrlStartupProblem({ NODE_ENV: 'development', SITE_URL: 'fengtai.gov.cn' });
    assert.deepEqual(problem, { reason: 'invalid', given: 'fengtai.gov.cn' });
    const message = siteUrlProblemText(problem);
    assert.match(message, /“fengtai\.gov\.cn”不是有效的网站地址/);
    assert.match(message, /SITE_URL=https:\/\//);
  });

  it('development and tests may leave it unset; a valid one always passes', () => {
    assert.equal(siteUrlStartupProblem({ NODE_ENV: 'development' }), null);
    assert.equal(siteUrlStartupProblem({ NODE_ENV: 'test' }), null);
    assert.equal(siteUrlStartupProblem({ NODE_ENV: 'production', SITE_URL: 'https://jiuye.fengtai.gov.cn' }), null);
  });
});

describe('siteUrl', () => {
  it('is SITE_URL when set, the development default otherwise; it reads no request', () => {
    const saved = process.env.SITE_URL;
    try {
      delete process.env.SITE_URL;
      assert.equal(siteUrl(), DEV_SITE_URL);
      process.env.SITE_URL = 'https://jiuye.fengtai.gov.cn/';
      assert.equal(siteUrl(), 'https://jiuye.fengtai.gov.cn');
      // The function takes no headers at all: a forged Host cannot reach it.
      assert.equal(siteUrl.length, 0);
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
  });
});

describe('start-up (instrumentation.ts register)', () => {
  const run = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./instrumentation.ts').then((m) => (m.register ?? m.default.register)()).then(() => console.log('STARTED'))"], {
      // The database must not be touched when the check fails; when it passes, a throwaway file is opened.
      env: { PATH: process.env.PATH, NEXT_RUNTIME: 'nodejs', DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'site-url-')), 'start.sqlite'), ...env } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('a production start without SITE_URL stops with one readable line and exit code 1', () => {
    const r = run({ NODE_ENV: 'production', SITE_URL: undefined });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /STARTED/);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    const line = JSON.parse(lines[0]!) as { level: string; event: string; variable: string; message: string };
    assert.equal(line.event, 'startup.refused');
    assert.equal(line.variable, 'SITE_URL');
    assert.match(line.message, /必须设置环境变量 SITE_URL/);
    // No stack trace: the operator reads a sentence, not a stack.
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('a production start with a valid SITE_URL goes on to open the database', () => {
    const r = run({ NODE_ENV: 'production', SITE_URL: 'https://jiuye.fengtai.gov.cn' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /STARTED/);
  });
});
