/**
 * The one reading of the environment (db/config.ts): defaults, every kind of wrong value, and
 * what a start with wrong values prints. The last tests run the real start-up
 * (instrumentation.ts register()) and the real consumers in child processes, as `next start` would.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BUDGETS, DEFAULT_DATABASE_PATH, DEV_SITE_URL, parseServerEnv, startupRefusal } from './config';

const PROD = { NODE_ENV: 'production', SITE_URL: 'https://jiuye.fengtai.gov.cn' };
const variablesOf = (env: Record<string, string | undefined>) => parseServerEnv(env).problems.map((p) => p.variable);

describe('parseServerEnv: defaults', () => {
  it('an empty environment is a working development configuration', () => {
    const { config, problems } = parseServerEnv({});
    assert.deepEqual(problems, []);
    assert.equal(config.nodeEnv, 'development');
    assert.equal(config.databasePath, DEFAULT_DATABASE_PATH);
    assert.equal(config.authSecret, null);
    assert.equal(config.siteUrl, DEV_SITE_URL);
    assert.equal(config.port, null);
    assert.equal(config.distDir, '.next');
    assert.equal(config.trustedProxies.size, 0);
    assert.deepEqual(config.rateLimit.budgets, DEFAULT_BUDGETS);
    assert.equal(config.rateLimit.enabled, true);
    assert.equal(config.logRequests, true);
    assert.equal(config.pageCache, true);
    // No tiles unless a tile server is configured (public tile hosts do not load reliably in China).
    assert.deepEqual(config.tiles, { url: null, attribution: '', crs: 'wgs84' });
  });

  it('a production environment with SITE_URL alone is complete', () => {
    const { config, problems } = parseServerEnv(PROD);
    assert.deepEqual(problems, []);
    assert.equal(config.nodeEnv, 'production');
    assert.equal(config.siteUrl, 'https://jiuye.fengtai.gov.cn');
  });

  it('blank values count as unset (a shell script writes VAR= for "no value")', () => {
    const { config, problems } = parseServerEnv({ PORT: '', RATE_LIMIT: ' ', MAP_TILE_URL: '', AUTH_SECRET: '', DATABASE_PATH: '' });
    assert.deepEqual(problems, []);
    assert.equal(config.port, null);
    assert.equal(config.rateLimit.enabled, true);
    assert.equal(config.tiles.url, null);
    assert.equal(config.authSecret, null);
    assert.equal(config.databasePath, DEFAULT_DATABASE_PATH);
  });

  it('takes what is set', () => {
    const secret = 'x'.repeat(48);
    const { config, problems } = parseServerEnv({
      ...PROD,
      DATABASE_PATH: '/srv/portal/portal.sqlite',
      AUTH_SECRET: secret,
      PORT: '3300',
      NEXT_DIST_DIR: '.next-bench',
      __NEXT_PRIVATE_ORIGIN: 'http://localhost:3300',
      TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1',
      LOG_REQUESTS: 'off',
      PAGE_CACHE: 'OFF',
    });
    assert.deepEqual(problems, []);
    assert.equal(config.databasePath, '/srv/portal/portal.sqlite');
    assert.equal(config.authSecret, secret);
    assert.equal(config.port, 3300);
    assert.equal(config.distDir, '.next-bench');
    assert.equal(config.selfOrigin, 'http://localhost:3300');
    assert.equal(config.trustedProxies.has('10.20.30.40'), true);
    assert.equal(config.trustedProxies.has('192.168.0.1'), false);
    assert.equal(config.logRequests, false);
    assert.equal(config.pageCache, false);
  });
});

describe('parseServerEnv: switches', () => {
  it('on and off in the usual spellings', () => {
    for (const off of ['off', 'OFF', '0', 'false', 'no', ' Off ']) {
      const { config, problems } = parseServerEnv({ RATE_LIMIT: off, LOG_REQUESTS: off, PAGE_CACHE: off });
      assert.deepEqual(problems, [], off);
      assert.deepEqual([config.rateLimit.enabled, config.logRequests, config.pageCache], [false, false, false], off);
    }
    for (const on of ['on', '1', 'true', 'YES']) {
      const { config } = parseServerEnv({ RATE_LIMIT: on, LOG_REQUESTS: on, PAGE_CACHE: on });
      assert.deepEqual([config.rateLimit.enabled, config.logRequests, config.pageCache], [true, true, true], on);
    }
  });

  it('anything else is a problem, and the switch stays on', () => {
    const { config, problems } = parseServerEnv({ RATE_LIMIT: 'of', PAGE_CACHE: 'disabled' });
    assert.deepEqual(problems.map((p) => p.variable), ['RATE_LIMIT', 'PAGE_CACHE']);
    assert.match(problems[0]!.message, /RATE_LIMIT 的值“of”无法识别/);
    assert.equal(problems[0]!.example, 'RATE_LIMIT=off');
    assert.equal(config.rateLimit.enabled, true);
    assert.equal(config.pageCache, true);
  });
});

describe('parseServerEnv: every wrong value is named, in Chinese, with an example', () => {
  it('SITE_URL: required in production, and a malformed one is wrong everywhere', () => {
    assert.deepEqual(variablesOf({ NODE_ENV: 'production' }), ['SITE_URL']);
    const [missing] = parseServerEnv({ NODE_ENV: 'production' }).problems;
    assert.match(missing!.message, /未设置网站地址/);
    assert.equal(missing!.example, 'SITE_URL=https://jiuye.fengtai.gov.cn');
    assert.deepEqual(variablesOf({ NODE_ENV: 'development' }), []);
    assert.deepEqual(variablesOf({ NODE_ENV: 'test' }), []);
    const { config, problems } = parseServerEnv({ NODE_ENV: 'development', SITE_URL: 'fengtai.gov.cn' });
    assert.match(problems[0]!.message, /“fengtai\.gov\.cn”不是有效的网站地址/);
    assert.equal(config.siteUrl, DEV_SITE_URL, 'the default stands in until the server is stopped');
  });

  it('AUTH_SECRET: too short is refused, and its value is never repeated', () => {
    const short = 'hunter2-but-longer';
    const { config, problems } = parseServerEnv({ AUTH_SECRET: short });
    assert.deepEqual(problems.map((p) => p.variable), ['AUTH_SECRET']);
    assert.match(problems[0]!.message, /至少要 32 个随机字符/);
    assert.ok(!JSON.stringify(problems).includes(short));
    assert.equal(config.authSecret, short, 'the configuration still holds it: start-up is what refuses');
  });

  it('addresses: each bad entry is quoted, the good ones are kept', () => {
    const { config, problems } = parseServerEnv({ TRUSTED_PROXIES: '10.0.0.1, nginx, 10.0.0.0/33', RATE_LIMIT_EXEMPT: '::1' });
    assert.deepEqual(problems.map((p) => p.variable), ['TRUSTED_PROXIES']);
    assert.match(problems[0]!.message, /“nginx”、“10\.0\.0\.0\/33” 不是 IP 地址或网段/);
    assert.equal(config.trustedProxies.has('10.0.0.1'), true);
    assert.equal(config.trustedProxies.size, 1);
    assert.deepEqual(variablesOf({ RATE_LIMIT_EXEMPT: 'localhost' }), ['RATE_LIMIT_EXEMPT']);
  });

  it('rate-limit budgets: a positive number or the default', () => {
    const { config, problems } = parseServerEnv({ RATE_LIMIT_SEARCH_PER_MIN: '30', RATE_LIMIT_API_BURST: '0', RATE_LIMIT_PAGES_BURST: 'lots', RATE_LIMIT_PAGES_PER_MIN: '1.5' });
    assert.deepEqual(problems.map((p) => p.variable), ['RATE_LIMIT_PAGES_BURST', 'RATE_LIMIT_API_BURST']);
    assert.equal(problems[0]!.example, `RATE_LIMIT_PAGES_BURST=${DEFAULT_BUDGETS.pages.burst}`);
    assert.deepEqual(config.rateLimit.budgets.search, { burst: DEFAULT_BUDGETS.search.burst, perMinute: 30 });
    assert.deepEqual(config.rateLimit.budgets.pages, { burst: DEFAULT_BUDGETS.pages.burst, perMinute: 1.5 });
    assert.equal(config.rateLimit.budgets.api.burst, DEFAULT_BUDGETS.api.burst);
  });

  it('PORT and NODE_ENV', () => {
    for (const bad of ['0', '65536', 'http', '30 00', '-1']) assert.deepEqual(variablesOf({ PORT: bad }), ['PORT'], bad);
    assert.equal(parseServerEnv({ PORT: ' 8080 ' }).config.port, 8080);
    assert.deepEqual(variablesOf({ NODE_ENV: 'prod' }), ['NODE_ENV']);
    // An unreadable NODE_ENV is not taken for production: a missing SITE_URL is not added to it.
    assert.equal(parseServerEnv({ NODE_ENV: 'prod' }).config.nodeEnv, 'development');
  });

  it('several problems are all reported at once, in the order of the README table', () => {
    assert.deepEqual(variablesOf({ NODE_ENV: 'production', AUTH_SECRET: 'short', PORT: 'x', TRUSTED_PROXIES: 'proxy', LOG_REQUESTS: 'quiet' }), [
      'SITE_URL',
      'AUTH_SECRET',
      'PORT',
      'TRUSTED_PROXIES',
      'LOG_REQUESTS',
    ]);
  });
});

describe('parseServerEnv: map tiles', () => {
  it('takes a configured template, attribution and GCJ-02', () => {
    const { config, problems } = parseServerEnv({
      MAP_TILE_URL: 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
      MAP_TILE_ATTRIBUTION: '© 高德地图',
      MAP_TILE_CRS: 'GCJ02',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.tiles, { url: 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}', attribution: '© 高德地图', crs: 'gcj02' });
  });

  it('turns tiles off with MAP_TILE_URL=off', () => {
    assert.equal(parseServerEnv({ MAP_TILE_URL: 'off' }).config.tiles.url, null);
    assert.equal(parseServerEnv({ MAP_TILE_URL: ' OFF ' }).config.tiles.url, null);
  });

  it('an unusable template is a problem; meanwhile the map has no tiles (never the bad address)', () => {
    for (const bad of ['javascript:alert(1)//{z}{x}{y}', 'https://example.org/tiles.png', 'ftp://x/{z}/{x}/{y}']) {
      const { config, problems } = parseServerEnv({ MAP_TILE_URL: bad, MAP_TILE_CRS: 'gcj02' });
      assert.deepEqual(problems.map((p) => p.variable), ['MAP_TILE_URL'], bad);
      assert.equal(config.tiles.url, null, bad);
    }
  });

  it('an unknown MAP_TILE_CRS is a problem, read meanwhile as WGS-84', () => {
    const { config, problems } = parseServerEnv({ MAP_TILE_URL: 'https://t/{z}/{x}/{y}.png', MAP_TILE_CRS: 'bd09' });
    assert.deepEqual(problems.map((p) => p.variable), ['MAP_TILE_CRS']);
    assert.equal(config.tiles.crs, 'wgs84');
  });
});

describe('README', () => {
  it('the Configuration table names every variable the server reads', () => {
    const source = fs.readFileSync('db/config.ts', 'utf8');
    const names = new Set([...source.matchAll(/(?:read|given|addresses|switchOf)\('([A-Z_]+)'|env\.([A-Z_]+)/g)].map((m) => m[1] ?? m[2]!));
    // Next's own: where `next start` listens, and which runtime a bundle was built for.
    names.delete('__NEXT_PRIVATE_ORIGIN');
    names.delete('NEXT_RUNTIME');
    assert.ok(names.size >= 12, [...names].join(' '));
    const readme = fs.readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('Read by the commands and tests only'));
    assert.deepEqual([...names].filter((n) => !table.includes(`\`${n}\``)), []);
  });
});

describe('startupRefusal', () => {
  it('one paragraph listing every problem with its example, plus the variables for a log collector', () => {
    const r = startupRefusal(parseServerEnv({ NODE_ENV: 'production', PORT: 'x' }).problems);
    assert.deepEqual(r.variables, ['SITE_URL', 'PORT']);
    const lines = r.message.split('\n');
    assert.match(lines[0]!, /配置有 2 处问题，服务没有启动/);
    assert.match(lines[1]!, /^1\. 未设置网站地址.*例如：SITE_URL=https:\/\/jiuye\.fengtai\.gov\.cn$/);
    assert.match(lines[2]!, /^2\. PORT 的值“x”不是端口号.*例如：PORT=3000$/);
  });
});

// A clean environment for child processes: the caller's own variables must not leak in.
const childEnv = (env: Record<string, string | undefined>) =>
  ({ PATH: process.env.PATH, DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'config-')), 'start.sqlite'), ...env }) as unknown as NodeJS.ProcessEnv;

describe('start-up (instrumentation.ts register)', () => {
  const start = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./instrumentation.ts').then((m) => (m.register ?? m.default.register)()).then(() => console.log('STARTED'))"], {
      // NEXT_RUNTIME is what Next writes into the server's bundles; under tsx it is read as set here.
      env: childEnv({ NEXT_RUNTIME: 'nodejs', ...env }),
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('a production start with wrong values stops with one readable line listing them all, and exit code 1', () => {
    const r = start({ NODE_ENV: 'production', TRUSTED_PROXIES: 'nginx', RATE_LIMIT: 'maybe' });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /STARTED/);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    const line = JSON.parse(lines[0]!) as { level: string; event: string; variables: string[]; message: string; problems: { variable: string; example: string }[] };
    assert.equal(line.level, 'error');
    assert.equal(line.event, 'startup.refused');
    assert.deepEqual(line.variables, ['SITE_URL', 'TRUSTED_PROXIES', 'RATE_LIMIT']);
    assert.match(line.message, /必须设置 SITE_URL/);
    assert.match(line.message, /“nginx” 不是 IP 地址或网段/);
    assert.match(line.message, /例如：RATE_LIMIT=off/);
    assert.equal(line.problems.length, 3);
    // No stack trace: the operator reads sentences, not a stack.
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('development refuses a malformed value too, but not a missing SITE_URL', () => {
    const bad = start({ NODE_ENV: 'development', PORT: 'eighty' });
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stderr, /"variables":\["PORT"\]/);
  });

  it('a production start with a valid configuration goes on to open the database', () => {
    const r = start({ NODE_ENV: 'production', SITE_URL: 'https://jiuye.fengtai.gov.cn' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /STARTED/);
  });
});

describe('the server code reads the parsed configuration, not the environment', () => {
  it('no server module but db/config.ts mentions process.env', () => {
    const roots = ['app', 'components', 'db', 'proxy.ts', 'instrumentation.ts'];
    const files: string[] = [];
    const walk = (p: string) => {
      if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
      else if (/\.tsx?$/.test(p)) files.push(p);
    };
    roots.forEach(walk);
    const offenders: string[] = [];
    for (const file of files) {
      const rel = file.split(path.sep).join('/');
      // Tests set the environment of their child processes; the command-line tools read their
      // own inputs (SEED_TODAY, ADMIN_PASSWORD); db/config.ts is the one reader.
      if (rel === 'db/config.ts' || rel.endsWith('.test.ts') || rel.startsWith('db/cli/')) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/process\.env(\.[A-Z_]+)?(\s*=(?!=))?/g)) {
            // Next writes NEXT_RUNTIME into each bundle; the literal is what lets it drop Node-only imports.
            if (rel === 'instrumentation.ts' && m[1] === '.NEXT_RUNTIME') continue;
            // The unit-test helper chooses the database before anything reads the configuration.
            if (rel === 'db/test-helpers.ts' && m[2]) continue;
            offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    assert.deepEqual(offenders, []);
  });

  it('site address, request logs, page cache, rate limits, trusted proxies, tiles and the database path follow the variables', () => {
    // Loaded as `next start` would load them; tsx hands CommonJS modules over as `default`.
    const script = `
      const load = async (file) => { const m = await import(file); return m.default ?? m; };
      const { siteUrl } = await load('./db/site-url.ts');
      const { requestLogsOn } = await load('./app/_server/request-log.ts');
      const { processLimiter } = await load('./app/_server/rate-limit.ts');
      const { trustedProxies } = await load('./db/auth/client-ip.ts');
      const { resolveDatabasePath } = await load('./db/client.ts');
      const { serverConfig } = await load('./db/config.ts');
      const limiter = processLimiter();
      console.log(JSON.stringify({
        site: siteUrl(), logs: requestLogsOn(), cache: serverConfig().pageCache,
        limits: limiter.config.enabled, search: limiter.config.budgets.search.perMinute,
        trusted: trustedProxies().has('10.1.2.3'), tiles: serverConfig().tiles.url, db: resolveDatabasePath(),
      }));`;
    const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script], {
      env: childEnv({
        DATABASE_PATH: 'elsewhere/x.sqlite',
        SITE_URL: 'https://example.cn/portal/',
        // Spellings only the parsed configuration reads as off (a direct 'off' test would not).
        LOG_REQUESTS: '0',
        PAGE_CACHE: 'OFF',
        RATE_LIMIT: 'no',
        RATE_LIMIT_SEARCH_PER_MIN: '7',
        TRUSTED_PROXIES: '10.0.0.0/8',
        MAP_TILE_URL: 'off',
      }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), {
      site: 'https://example.cn/portal',
      logs: false,
      cache: false,
      limits: false,
      search: 7,
      trusted: true,
      tiles: null,
      db: path.resolve('elsewhere/x.sqlite'),
    });
  });
});
