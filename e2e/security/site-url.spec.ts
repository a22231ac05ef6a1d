/**
 * Absolute links come from SITE_URL alone (db/site-url.ts; the test server's SITE_URL is its
 * base URL). A visitor — or a cache in front of the site — that forges Host and X-Forwarded-Host
 * must get the configured origin in feeds, sitemap, robots, the API, calendar files, 办事卡 QR
 * links and JSON-LD, including from the page cache; and the cached feed is the same whatever
 * Host asked for it. Requests are written raw (rawRequest) so the forged Host really is sent.
 */
import { expect, test } from '@playwright/test';
import { scalar } from '../helpers/db';
import { rawRequest, type RawAnswer } from './hostile-helpers';

const FORGED = { Host: 'evil.example', 'X-Forwarded-Host': 'evil2.example', 'X-Forwarded-Proto': 'https' };
const PAGE_LOAD = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let base = '';
let port = 0;
test.beforeAll(({}, testInfo) => {
  base = String(testInfo.project.use.baseURL);
  port = Number(new URL(base).port);
});

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(port, { method: 'GET', path, headers });
const header = (a: RawAnswer, name: string) => new RegExp(`\\r\\n${name}: ([^\\r\\n]*)`, 'i').exec(`\r\n${a.head}`)?.[1];

/** Every absolute http(s) address in a body: all must start with the configured base. */
function foreignLinks(body: string): string[] {
  return [...body.matchAll(/https?:\/\/[^\s"'<>\\)]+/g)].map((m) => m[0]).filter((u) => u.includes('evil') || (u.includes('127.0.0.1') && !u.startsWith(base)) || u.includes('localhost'));
}

test('feeds, sitemap, robots, API and calendar files ignore a forged Host', async () => {
  const fair = scalar<number>(`SELECT id FROM fairs WHERE publication = 'published' AND status != 'postponed' ORDER BY id LIMIT 1`);
  for (const path of ['/feeds/courses.xml', '/feeds/fairs.xml', '/sitemap.xml', '/robots.txt', '/api/v1', '/api/v1/courses', '/api/v1/stations?per_page=5', `/fairs/${fair}/calendar`]) {
    const a = await get(path, FORGED);
    expect(a.status, path).toBe(200);
    expect(a.body, path).not.toContain('evil');
    expect(a.body, path).toContain(base);
    expect(foreignLinks(a.body), path).toEqual([]);
  }
});

test('the cached feed is the same whatever Host asked for it', async () => {
  const strip = (s: string) => s.replace(/<updated>[^<]*<\/updated>/g, '').replace(/^[0-9a-f]+\r\n/gm, '');
  const plain = await get('/feeds/courses.xml');
  const forged = await get('/feeds/courses.xml', FORGED);
  expect(header(plain, 'cache-control')).toBe('public, max-age=300');
  // A shared cache keys on the URL: nothing may depend on Host, and nothing says it does.
  expect(header(forged, 'vary') ?? '').not.toMatch(/host/i);
  expect(strip(forged.body)).toBe(strip(plain.body));
});

test('pages from the page cache and 办事卡 carry the configured origin, never a forged one', async () => {
  const station = scalar<number>(`SELECT id FROM stations WHERE publication = 'published' AND status = 'operating' ORDER BY id LIMIT 1`);
  const course = scalar<number>(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`);
  for (const path of [`/stations/${station}`, `/courses/${course}`]) {
    // The first forged request may render the page into the cache; ask until one is a hit.
    let a: RawAnswer | undefined;
    await expect
      .poll(async () => header((a = await get(path, { ...FORGED, ...PAGE_LOAD })), 'x-ft-cache'), { timeout: 15_000, intervals: [100, 200, 500] })
      .toBe('hit');
    expect(a!.body, path).toContain('application/ld+json');
    expect(a!.body, path).not.toContain('evil');
    expect(foreignLinks(a!.body), path).toEqual([]);
    expect(a!.body, path).toContain(`${base}${path}`);
  }
  const card = await get(`/stations/${station}/card`, FORGED);
  expect(card.status).toBe(200);
  expect(card.body).not.toContain('evil');
  expect(card.body).toContain(`${base}/stations/${station}`);
});
