/**
 * The outside probe's findings (issue "Trust boundaries"), replayed against the production server
 * reached directly and through a real nginx in front of it.
 *
 * Every client here is a real connection from its own loopback address (127.0.0.N, bound with
 * `localAddress`): that is the address the server counts. The test server trusts 127.0.0.1 as a
 * proxy (TRUSTED_PROXIES in playwright.config.ts — nginx runs there, and so do the suite's own
 * browsers), so a client at 127.0.0.2+ reaching the server directly is an outsider whose
 * X-Forwarded-For must count for nothing; through nginx, nginx appends the real address.
 * Each request also carries a forged peer header (x-ft-peer, the server's private one) and a
 * forged X-Forwarded-For that changes on every request, as the probe's did.
 *
 * Prints, per kind, how many requests were tried and how many were throttled.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { burst, credentialsSignIn, rotating, send, type Answer } from './from-address';
import { startNginx } from './nginx/run';
import { signedInContext } from '../helpers/auth';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DIRECT = `http://127.0.0.1:${PORT}`;
const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? PORT + 10);
const DB_PATH = process.env.E2E_DB ?? 'e2e/.tmp/e2e.sqlite';

/** Headers a client forges: a new X-Forwarded-For every time, and the server's private peer header. */
const forged = (i: number, extra: Record<string, string> = {}) => ({ 'X-Forwarded-For': rotating(i), 'x-ft-peer': `0000 ${rotating(i + 1)}`, ...extra });

const figures: string[] = [];
function note(kind: string, rs: Answer[], refusedStatus = 429) {
  const refused = rs.filter((r) => r.status === refusedStatus).length;
  const line = `${kind}: ${rs.length} tried, ${refused} throttled (${refusedStatus}), ${rs.length - refused} served`;
  figures.push(line);
  console.log(line);
  for (const r of rs) expect(r.status, r.body.slice(0, 200)).toBeLessThan(500);
  return refused;
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.afterAll(() => {
  if (!figures.length) return;
  console.log(`\n── client-address figures\n${figures.join('\n')}`);
  fs.mkdirSync('e2e/.tmp', { recursive: true });
  fs.writeFileSync('e2e/.tmp/client-address-figures.txt', `${figures.join('\n')}\n`);
});

/** Seven wrong passwords from `guesser`, each with a new forged address; then the right one from there and from `owner`. */
async function lockOut(origin: string, guesser: string, owner: string, username: string, via: string) {
  const outcomes: string[] = [];
  for (let i = 0; i < 7; i++) outcomes.push(await credentialsSignIn(origin, guesser, username, `wrong-${i}`, forged(1000 + i)));
  const codes = outcomes.map((o) => /code=(\w+)/.exec(o)?.[1] ?? o);
  const throttled = codes.filter((c) => c === 'throttled').length;
  const line = `sign-in (${via}): 7 wrong passwords with rotating X-Forwarded-For, ${throttled} throttled: ${codes.join(' ')}`;
  figures.push(line);
  console.log(line);
  expect(codes.slice(0, 5)).toEqual(Array(5).fill('credentials'));
  expect(codes.slice(5)).toEqual(['throttled', 'throttled']);
  // The guesser's address stays locked even with the right password …
  expect(await credentialsSignIn(origin, guesser, username, 'fengtai-demo-2026', forged(2000))).toContain('code=throttled');
  // … while the account's owner, at another address, signs in: nobody locks a colleague out from afar.
  expect(await credentialsSignIn(origin, owner, username, 'fengtai-demo-2026')).toMatch(/\/admin$|\/admin\?|\/admin\/(?!login)/);
}

test.describe('reached directly', () => {
  test('rotating X-Forwarded-For does not escape the sign-in throttle, and the lock is on the pair (account, address)', async () => {
    await lockOut(DIRECT, '127.0.0.2', '127.0.0.3', 'youanmen', 'direct');
  });

  test('CSV downloads past the API budget are refused whatever X-Forwarded-For says', async () => {
    const rs: Answer[] = [];
    for (let i = 0; i < 14; i++) rs.push(await send(DIRECT, '/api/v1/courses.csv', { from: '127.0.0.4', headers: forged(i) }));
    const refused = note('CSV downloads (direct, budget 12 + refill)', rs);
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(rs.at(-1)!.status).toBe(429);
    expect(rs.at(-1)!.headers['content-type']).toContain('application/json');
  });

  test('a scanner’s 347 requests from 333 forged addresses are throttled like one address', async () => {
    const started = Date.now();
    const rs = await burst(347, 20, (i) =>
      send(DIRECT, `/courses?q=${encodeURIComponent(`电工' AND ${i}=${i}-- `)}&occupation=1`, { from: '127.0.0.5', headers: forged(i % 333) }),
    );
    const refused = note('scanner page loads (direct, pages budget 60 + 2/s)', rs);
    const seconds = (Date.now() - started) / 1000;
    // At most the burst plus what refilled meanwhile was served.
    expect(rs.length - refused).toBeLessThanOrEqual(60 + Math.ceil(seconds * 2) + 1);
    expect(refused).toBeGreaterThan(0);
  });

  test('a forged X-Forwarded-For or peer header naming the exempt 127.0.0.1 is not exempt', async () => {
    const rs = await burst(200, 40, (i) =>
      send(DIRECT, `/api/v1/courses?n=${i}`, { from: '127.0.0.6', headers: { 'X-Forwarded-For': '127.0.0.1', 'x-ft-peer': '127.0.0.1', 'X-Real-IP': '127.0.0.1' } }),
    );
    expect(note('API calls claiming 127.0.0.1 (direct, exempt address forged)', rs)).toBeGreaterThan(0);
    // The exempt address itself (the suite's browsers) is still never refused.
    const own = await burst(200, 40, (i) => send(DIRECT, `/api/v1/courses?n=${i}`, { from: '127.0.0.1' }));
    expect(own.every((r) => r.status === 200)).toBe(true);
  });

  test('after GETs are refused, a form POST is refused too and PUT, DELETE, PATCH and a plain POST get 405 with Allow; none renders the page', async () => {
    const page = `/courses?q=${encodeURIComponent('电工')}&occupation=1`;
    const from = '127.0.0.7';
    const gets = await burst(120, 30, (i) => send(DIRECT, page, { from, headers: forged(i) }));
    expect(note('filtered page GETs (direct)', gets)).toBeGreaterThan(0);
    const others: Answer[] = [];
    // A form posted without JavaScript (multipart, what the page's forms send) is counted with the
    // GETs: over budget, 429. A JavaScript action call draws from the search budget instead, and
    // one naming no action of this build is refused: neither renders the page.
    // The budget refills at 2 a second, so a form may slip through as a token comes back: never more.
    const started = Date.now();
    const forms: Answer[] = [];
    for (let i = 0; i < 10; i++) forms.push(await send(DIRECT, page, { from, method: 'POST', headers: { ...forged(500 + i), 'Content-Type': 'multipart/form-data; boundary=zz' }, body: '--zz--\r\n' }));
    const through = forms.filter((r) => r.status !== 429).length;
    expect(through).toBeLessThanOrEqual(1 + Math.ceil(((Date.now() - started) / 1000) * 2));
    expect(forms.some((r) => r.status === 429)).toBe(true);
    for (const r of forms) expect(r.body).not.toContain('技能培训课程');
    const form = forms.find((r) => r.status === 429)!;
    others.push(form);
    const call = await send(DIRECT, page, { from, method: 'POST', headers: { ...forged(501), 'Next-Action': '0'.repeat(42), 'Content-Type': 'text/plain;charset=UTF-8' }, body: '[]' });
    expect(call.status).toBeGreaterThanOrEqual(400);
    expect(call.status).toBeLessThan(500);
    expect(call.body).not.toContain('技能培训课程');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await send(DIRECT, page, { from, method, headers: { ...forged(500), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=1' });
      others.push(r);
      expect(r.body, method).not.toContain('技能培训课程');
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    figures.push(`other methods after the refusal (direct): form POST ${others[0]!.status}, unknown action call ${call.status}, plain POST ${others[1]!.status}, PUT ${others[2]!.status}, DELETE ${others[3]!.status}, PATCH ${others[4]!.status}`);
    // A fresh address's no-JavaScript form posts to a page are counted with its GETs: refused once over budget.
    const posts = await burst(100, 25, (i) =>
      send(DIRECT, page, { from: '127.0.0.8', method: 'POST', headers: { ...forged(i), 'Content-Type': 'multipart/form-data; boundary=zz' }, body: '--zz--\r\n' }),
    );
    expect(note('form POSTs to a filtered page (direct)', posts)).toBeGreaterThan(0);
    // The API and the feeds serve reading only.
    const del = await send(DIRECT, '/api/v1/courses', { from: '127.0.0.8', method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(JSON.parse(del.body)).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect((await send(DIRECT, '/feeds/courses.xml', { from: '127.0.0.8', method: 'PUT', body: 'x' })).status).toBe(405);
  });

  test('zero-result searches: probes leave nothing, and one address adds at most 30 a day', async ({ browser }) => {
    const payloads = [
      "1' AND 1=1-- ",
      '电工) AND SLEEP(5)#',
      '1 UNION SELECT NULL,NULL,NULL',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '../../etc/passwd',
      '{{7*7}}',
      '电工 ORDER BY 1-- -',
      "x' WAITFOR DELAY '0:0:5'--",
      '!!!???***',
    ];
    const probes = await burst(40, 10, (i) => send(DIRECT, `/search?q=${encodeURIComponent(`${payloads[i % payloads.length]} ${i}`)}`, { from: '127.0.0.9', headers: forged(i) }));
    note('zero-result probe searches (direct)', probes);
    // Chinese only (five digits in a row would be masked as a phone number), new each run.
    const marker = `无此词${String.fromCodePoint(0x4e00 + (Date.now() % 5000), 0x4e00 + ((Date.now() >> 8) % 5000))}`;
    const words = await burst(45, 5, (i) => send(DIRECT, `/search?q=${encodeURIComponent(`${marker}${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰'[Math.floor(i / 10)]}`)}`, { from: '127.0.0.10', headers: forged(i) }));
    expect(words.every((r) => r.status === 200)).toBe(true);

    const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
    try {
      const kept = db.prepare(`SELECT count(*) AS n FROM search_misses WHERE terms LIKE ?`).get(`${marker}%`) as { n: number };
      figures.push(`zero-result searches: 45 distinct from one address with rotating X-Forwarded-For, ${kept.n} kept; 40 probes, kept below`);
      expect(kept.n).toBe(30);
      const leaked = db
        .prepare(`SELECT terms FROM search_misses WHERE terms LIKE '%SELECT%' OR terms LIKE '%SLEEP%' OR terms LIKE '%<%' OR terms LIKE '%1=1%' OR terms LIKE '%../%' OR terms LIKE '%{{%' OR terms LIKE '%WAITFOR%' OR terms LIKE '%???%'`)
        .all();
      expect(leaked).toEqual([]);
    } finally {
      db.close();
    }
    // The bureau's page shows the residents' words and none of the payloads.
    const { context, page } = await signedInContext(browser, 'editor');
    try {
      await page.goto('/admin/search-misses?days=7&kind=search');
      await expect(page.getByText(marker).first()).toBeVisible();
      await expect(page.getByText('SLEEP')).toHaveCount(0);
      await expect(page.getByText('<script>')).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});

test.describe('through nginx', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  test.beforeAll(async () => {
    nginx = await startNginx(PORT, NGINX_PORT);
  });
  test.afterAll(async () => {
    await nginx?.stop();
  });

  test('distinct clients behind the proxy are counted apart; a forged header changes nothing', async () => {
    // nginx passes the client's forged X-Forwarded-For on and appends the real address.
    const a = await burst(200, 40, (i) =>
      send(nginx.origin, `/api/v1/courses?n=${i}`, { from: '127.0.0.11', headers: i % 2 ? forged(i) : { 'X-Forwarded-For': '127.0.0.1', 'x-ft-peer': '127.0.0.1' } }),
    );
    expect(note('API calls via nginx, rotating / exempt-claiming X-Forwarded-For', a)).toBeGreaterThan(0);
    const b = await send(nginx.origin, '/api/v1/courses', { from: '127.0.0.12' });
    expect(b.status).toBe(200);
    const scanner = await burst(347, 20, (i) =>
      send(nginx.origin, `/courses?q=${encodeURIComponent(`电工' AND ${i}=${i}-- `)}&occupation=1`, { from: '127.0.0.13', headers: forged(i % 333) }),
    );
    expect(note('scanner page loads via nginx', scanner)).toBeGreaterThan(0);
    const csv: Answer[] = [];
    for (let i = 0; i < 14; i++) csv.push(await send(nginx.origin, '/api/v1/stations.csv', { from: '127.0.0.14', headers: forged(i) }));
    expect(note('CSV downloads via nginx', csv)).toBeGreaterThanOrEqual(1);
    // Another client behind the same proxy is served at once.
    expect((await send(nginx.origin, `/courses?q=${encodeURIComponent('电工')}&occupation=1`, { from: '127.0.0.15' })).status).toBe(200);
  });

  test('a guesser behind the proxy locks only their own (account, address) pair', async () => {
    await lockOut(nginx.origin, '127.0.0.16', '127.0.0.17', 'kangxin', 'via nginx');
  });

  test('the requests that made the server answer 500, and a forged Host, through the proxy: 4xx and the configured links', async () => {
    const from = '127.0.0.19';
    const probes: [string, Parameters<typeof send>[2]][] = [
      ['/', { from, method: 'TRACE' }],
      ['/courses', { from, method: 'PUT', body: 'x' }],
      ['/courses', { from, method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=zz' }, body: 'garbage' }],
      ['/', { from, method: 'POST', headers: { 'Next-Action': 'f'.repeat(42), Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' }, body: '[]' }],
      ['/', { from, method: 'POST', headers: { 'Next-Action': 'f'.repeat(42), 'Content-Type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$Q1"]\r\n--zz--\r\n' }],
    ];
    const answers: Answer[] = [];
    for (const [path, opts] of probes) {
      const r = await send(nginx.origin, path, opts);
      answers.push(r);
      expect(r.status, `${opts.method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${opts.method} ${path}: ${r.body.slice(0, 120)}`).toBeLessThan(500);
    }
    figures.push(`the probe's 500s via nginx: ${answers.map((a) => a.status).join(', ')}`);
    // Links come from SITE_URL, whatever Host or X-Forwarded-Host the client claims.
    const feed = await send(nginx.origin, '/feeds/fairs.xml', { from, headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } });
    expect(feed.status).toBe(200);
    expect(feed.body).not.toContain('evil.example');
    expect(feed.body).toContain(`http://127.0.0.1:${PORT}/fairs/`);
  });

  test('the proxy itself, reaching the server, is not exempt for its clients', async () => {
    // 127.0.0.1 is exempt; a client behind nginx (which connects from 127.0.0.1) must not inherit that.
    const rs = await burst(200, 40, (i) => send(nginx.origin, `/api/v1/fairs?n=${i}`, { from: '127.0.0.18' }));
    expect(note('API calls via nginx from a plain client', rs)).toBeGreaterThan(0);
  });
});
