/**
 * Hostile input over HTTP against the production server: for every public entry point — the
 * three lists, the site search, the subsidy self-check, detail pages, cards and calendar files,
 * the open-data API's lists, details and CSV files, and the feeds — generated query strings
 * (fast-check: odd Unicode, broken %-escapes, huge and negative page numbers, repeated keys),
 * and generated argument lists POSTed raw to every public read server action. Property: no
 * 5xx, no stack trace or raw error text in the body. Then the explicit cases: oversized bodies,
 * a 100 KB query string, page=10^9, malformed %-encoding and garbage server-action bodies.
 *
 * HOSTILE_RUNS sets the inputs per entry point (default 1000). Each batch of requests comes
 * from its own test address (198.18.x.y), so a per-IP limiter does not throttle the spec.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { courseSearchShape } from '@/db/validation/course-search';
import { stationSearchShape } from '@/db/validation/station-search';
import { fairSearchShape } from '@/db/validation/fair-search';
import { API_PARAMS } from '@/db/domain/open-data';
import { encodeURIComponentSafe, hostileQuery, hostileString } from '@/db/hostile/arbitraries';
import { actionsUnder, check, newTally, nextTestIp, pool, postAction, report, type Tally } from './hostile-helpers';

/** Inputs per API, feed, CSV and action entry point. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
/**
 * Inputs per HTML page entry point. A full page render costs about 50 ms of this 2-core
 * machine, so the default run sends 150 per page (the same parsers and searches get 1000 each
 * in db/hostile/public-inputs.test.ts); HOSTILE_PAGE_RUNS=1000 gives the full figure (a few minutes more).
 */
const PAGE_RUNS = Number(process.env.HOSTILE_PAGE_RUNS ?? 150);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const sample = <T,>(arb: fc.Arbitrary<T>, n = RUNS) => fc.sample(arb, { numRuns: n, seed: SEED });

/** A path segment where an id belongs: real-looking ids and hostile text. */
const idSegment = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map(String),
  hostileString.map(encodeURIComponentSafe),
  hostileString,
);

type Entry = { name: string; urls: () => string[]; html?: true };
const qs = (keys: readonly string[]) => hostileQuery(keys).map((q) => (q.startsWith('?') ? q : `?${q}`));
const list = (path: string, keys: readonly string[]): Entry => ({ name: path, urls: () => sample(qs(keys)).map((q) => path + q) });
const page = (path: string, keys: readonly string[]): Entry => ({ name: path, html: true, urls: () => sample(qs(keys), PAGE_RUNS).map((q) => path + q) });

const ENTRIES: Entry[] = [
  page('/courses', Object.keys(courseSearchShape)),
  page('/stations', Object.keys(stationSearchShape)),
  page('/fairs', Object.keys(fairSearchShape)),
  page('/search', ['q']),
  page('/courses/subsidy-check', ['age', 'hukou', 'status', 'insured', 'q']),
  {
    name: '/{courses|stations|fairs}/{id}[/card|/calendar]',
    html: true,
    urls: () =>
      sample(fc.tuple(fc.constantFrom('/courses/', '/stations/', '/fairs/', '/courses/1/runs/'), idSegment, fc.constantFrom('', '/card', '/calendar', '/'), qs(['page', 'run', 'view'])), PAGE_RUNS).map(
        ([base, id, tail, q]) => base + id + tail + q,
      ),
  },
  ...(Object.keys(API_PARAMS) as (keyof typeof API_PARAMS)[]).map((kind) => list(`/api/v1/${kind}`, Object.keys(API_PARAMS[kind]))),
  {
    name: '/api/v1/{kind}/{id}',
    urls: () => sample(fc.tuple(fc.constantFrom('stations', 'courses', 'fairs', 'runs', 'nothing'), idSegment, qs(['page'])).map(([k, id, q]) => `/api/v1/${k}/${id}${q}`)),
  },
  {
    name: '/api/v1/*.csv',
    urls: () => sample(fc.tuple(fc.constantFrom('stations', 'courses', 'runs', 'fairs'), qs(['q', 'page', 'street'])).map(([k, q]) => `/api/v1/${k}.csv${q}`)),
  },
  {
    name: '/feeds/{courses|fairs}.xml',
    urls: () => sample(fc.tuple(fc.constantFrom('/feeds/courses.xml', '/feeds/fairs.xml'), qs(['occupation', 'type'])).map(([p, q]) => p + q)),
  },
];

const tallies: Record<string, Tally> = {};
test.afterAll(() => {
  console.log(report(`hostile HTTP inputs (seed ${SEED}; ${RUNS} per API/feed/action entry point, ${PAGE_RUNS} per HTML page)`, tallies));
});

for (const entry of ENTRIES) {
  test(`GET ${entry.name}: ${entry.html ? PAGE_RUNS : RUNS} generated query strings, no 5xx`, async ({ request }) => {
    const t = (tallies[`GET ${entry.name}`] = newTally());
    const urls = entry.urls();
    await pool(urls.map((url) => (ip: string) => check(t, url, () => request.get(url, { headers: { 'X-Forwarded-For': ip }, maxRedirects: 0, failOnStatusCode: false }))));
    expect(t.problems.slice(0, 10), `seed ${SEED}`).toEqual([]);
    expect(t.tried).toBe(urls.length);
  });
}

const PUBLIC_ACTIONS = actionsUnder('app/(public)/');
const PAGE_OF: Record<string, string> = { courses: '/courses', stations: '/stations', fairs: '/fairs' };
const pageOf = (file: string) => PAGE_OF[/app\/\(public\)\/(\w+)\//.exec(file)?.[1] ?? ''] ?? '/';

/** One argument list for a read action: a query string most of the time, any JSON otherwise. */
const argList = (keys: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: hostileQuery(keys).map((q) => [q]) },
    { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
  );

test('the public read actions are found in the build', () => {
  expect(PUBLIC_ACTIONS.map((a) => a.name).sort()).toEqual(expect.arrayContaining(['searchCoursesAction', 'searchFairsAction', 'searchStationsAction']));
});

for (const action of PUBLIC_ACTIONS) {
  test(`POST action ${action.name}: ${RUNS} generated argument lists, no 5xx`, async ({ request }) => {
    const t = (tallies[`action ${action.name}`] = newTally());
    const keys = Object.keys({ ...courseSearchShape, ...stationSearchShape, ...fairSearchShape });
    const page = pageOf(action.file);
    const bodies = sample(argList(keys)).map((args) => JSON.stringify(args));
    await pool(bodies.map((body) => (ip: string) => check(t, `${action.name}(${body.slice(0, 80)})`, () => postAction(request, page, action.id, body, ip))));
    expect(t.problems.slice(0, 10), `seed ${SEED}`).toEqual([]);
  });
}

test.describe('explicit hostile requests', () => {
  const t = (tallies['explicit cases'] = newTally());
  const FIVE_MB = 5 * 1024 * 1024;
  const chinese = /[\u4e00-\u9fff]/;

  test('oversized bodies: 5 MB to a read action and to the API are refused, not a 5xx', async ({ request }) => {
    const action = PUBLIC_ACTIONS.find((a) => a.name === 'searchCoursesAction')!;
    const big = JSON.stringify(['q=' + 'a'.repeat(FIVE_MB)]);
    for (const [label, send] of [
      ['5 MB action body', () => postAction(request, '/courses', action.id, big, nextTestIp())],
      ['5 MB multipart action body', () => postAction(request, '/courses', action.id, `--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n${'a'.repeat(FIVE_MB)}\r\n--x--\r\n`, nextTestIp(), 'multipart/form-data; boundary=x')],
      ['5 MB POST to the API', () => request.post('/api/v1/courses', { data: 'a'.repeat(FIVE_MB), headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextTestIp() }, failOnStatusCode: false })],
      ['5 MB POST to a page', () => request.post('/courses', { data: 'a'.repeat(FIVE_MB), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': nextTestIp() }, failOnStatusCode: false })],
    ] as const) {
      await check(t, label, send);
    }
    expect(t.problems).toEqual([]);
  });

  test('a 100 KB query string, page=10^9 and malformed %-encoding', async ({ request }) => {
    const huge = 'q=' + 'x'.repeat(100 * 1024);
    const urls = [
      `/courses?${huge}`,
      `/api/v1/courses?${huge}`,
      '/courses?page=1000000000',
      '/stations?page=1000000000',
      '/fairs?page=1000000000',
      '/api/v1/runs?page=1000000000&per_page=100',
      '/courses?q=%E7%94%B5%E5',
      '/courses?q=%ZZ%&page=%',
      '/stations/%E0%A4%A',
      '/api/v1/courses/%',
      '/search?q=%C0%AF',
      '/courses?' + Array.from({ length: 2000 }, (_, i) => `level=${i}`).join('&'),
    ];
    for (const url of urls) await check(t, url.slice(0, 80), () => request.get(url, { headers: { 'X-Forwarded-For': nextTestIp() }, failOnStatusCode: false }));
    expect(t.problems).toEqual([]);
    // A deep page is refused with a notice on the page and a Chinese 400 from the API.
    const api = await request.get('/api/v1/runs?page=1000000000', { failOnStatusCode: false });
    expect(api.status()).toBe(400);
    expect((await api.json()).error.message).toMatch(chinese);
  });

  test('garbage server-action bodies get a 4xx with a Chinese message, never a 500', async ({ request }) => {
    const action = PUBLIC_ACTIONS.find((a) => a.name === 'searchStationsAction')!;
    const garbage: [string, string, string][] = [
      ['not JSON', '{{{not json', 'text/plain;charset=UTF-8'],
      ['a truncated array', '["q=电工"', 'text/plain;charset=UTF-8'],
      ['a bare string', '"q=1"', 'text/plain;charset=UTF-8'],
      ['React references to nothing', '["$@99999"]', 'text/plain;charset=UTF-8'],
      ['NUL bytes', '\u0000\u0000', 'text/plain;charset=UTF-8'],
      ['multipart without a boundary', 'abc', 'multipart/form-data'],
      ['multipart with the wrong boundary', '--a\r\nContent-Disposition: form-data; name="0"\r\n\r\n"x"\r\n--a--', 'multipart/form-data; boundary=b'],
      ['multipart cut short', '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n"x', 'multipart/form-data; boundary=b'],
      ['JSON content type', '{"a":1}', 'application/json'],
      ['an empty body', '', 'text/plain;charset=UTF-8'],
    ];
    for (const [label, body, type] of garbage) {
      const res = await postAction(request, '/stations', action.id, body, nextTestIp(), type);
      t.tried++;
      const status = res.status();
      const text = await res.text();
      if (status >= 500) t.s5xx++;
      else if (status >= 400) t.s4xx++;
      expect(status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
      if (status >= 400) expect(text, label).toMatch(chinese);
    }
    // An action id that does not exist.
    await check(t, 'unknown action id', () => postAction(request, '/stations', '7f' + '0'.repeat(40), '["q=1"]', nextTestIp()));
    expect(t.problems).toEqual([]);
  });
});
