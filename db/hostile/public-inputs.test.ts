/**
 * Property-based hostile input for every public entry point below the HTTP layer: the URL
 * parsers of the three lists, the site search, route ids, the open-data API parameters and the
 * feed parameter, each run 1000 times with generated query strings and searchParams records,
 * and the read functions behind them on the seeded sample data. Properties: nothing throws,
 * the result has its shape, the page is within bounds, and a read writes nothing.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { courseSearchShape, parseCourseSearch } from '@/db/validation/course-search';
import { stationSearchShape } from '@/db/validation/station-search';
import { fairSearchShape } from '@/db/validation/fair-search';
import { jobSearchShape } from '@/db/validation/job-search';
import { actionQuery, fields, one, parseParams, parseRouteId } from '@/db/validation/search-params';
import { API_PARAMS, MAX_PER_PAGE, parseApiId, parseApiParams, type ApiListKind } from '@/app/api/v1/_lib/params';
import { MAX_PAGE, type SearchPage } from '@/db/queries/search-page';
import { anything, hostileQuery, hostileRecord, hostileString } from './arbitraries';

const db = useSeededTestDb();
const NOW = new Date(`${TEST_TODAY}T10:00:00+08:00`);
const RUNS = { numRuns: 1000 };
/** Reads must not write: no row changed by any read below (search misses are counted elsewhere). */
const changes = () => db.$client.prepare('SELECT total_changes()').pluck().get() as number;

let courses: typeof import('@/db/queries/courses');
let stations: typeof import('@/db/queries/stations');
let fairs: typeof import('@/db/queries/fairs/list');
let jobs: typeof import('@/db/queries/jobs/list');
let openData: typeof import('@/db/queries/open-data') &
  typeof import('@/app/api/v1/_lib/stations') &
  typeof import('@/app/api/v1/_lib/courses') &
  typeof import('@/app/api/v1/_lib/fairs') &
  typeof import('@/app/api/v1/_lib/jobs');
let feeds: typeof import('@/db/queries/feeds');
before(async () => {
  courses = await import('@/db/queries/courses');
  stations = await import('@/db/queries/stations');
  fairs = await import('@/db/queries/fairs/list');
  jobs = await import('@/db/queries/jobs/list');
  openData = {
    ...(await import('@/db/queries/open-data')),
    ...(await import('@/app/api/v1/_lib/stations')),
    ...(await import('@/app/api/v1/_lib/courses')),
    ...(await import('@/app/api/v1/_lib/fairs')),
    ...(await import('@/app/api/v1/_lib/jobs')),
  };
  feeds = await import('@/db/queries/feeds');
});

const tally = new Map<string, number>();
function count(name: string) {
  tally.set(name, (tally.get(name) ?? 0) + 1);
}
process.on('exit', () => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`hostile public inputs (unit): ${total} inputs over ${tally.size} entry points: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});

function assertPage(r: Pick<SearchPage<unknown>, 'items' | 'total' | 'page' | 'pageCount' | 'pageSize' | 'notice' | 'query'>, label: string) {
  assert.ok(Array.isArray(r.items), label);
  assert.ok(Number.isInteger(r.total) && r.total >= 0, `${label}: total ${r.total}`);
  assert.ok(Number.isInteger(r.pageCount) && r.pageCount >= 1 && r.pageCount <= MAX_PAGE, `${label}: pageCount ${r.pageCount}`);
  assert.ok(Number.isInteger(r.page) && r.page >= 1 && r.page <= r.pageCount, `${label}: page ${r.page} of ${r.pageCount}`);
  assert.ok(r.items.length <= r.pageSize, `${label}: ${r.items.length} items on a page of ${r.pageSize}`);
  assert.equal(typeof r.query, 'string');
  assert.ok(r.notice === null || typeof r.notice === 'string');
  // Whatever came in, the canonical query it hands back reads cleanly again.
  assert.doesNotThrow(() => new URLSearchParams(r.query));
}

/** Either form Next or a read action may pass: a raw query string or a searchParams record. */
const listInput = (keys: readonly string[]) =>
  fc.oneof(hostileQuery(keys), hostileRecord(keys), anything.map((x) => actionQuery(x)));

const COURSE_KEYS = Object.keys(courseSearchShape);
const STATION_KEYS = Object.keys(stationSearchShape);
const FAIR_KEYS = Object.keys(fairSearchShape);
const JOB_KEYS = [...Object.keys(jobSearchShape), 'near', 'lat', 'lng'];

describe('public list parsers and searches, 1000 hostile inputs each', () => {
  it('courses: parseCourseSearch → searchCourses', async () => {
    const before = changes();
    await fc.assert(
      fc.asyncProperty(listInput(COURSE_KEYS), async (input) => {
        count('courses');
        const parsed = parseCourseSearch(input);
        assert.ok(parsed.values.page >= 1 && parsed.values.page <= MAX_PAGE);
        assertPage(await courses.searchCourses(input, { today: TEST_TODAY }), 'courses');
      }),
      RUNS,
    );
    assert.equal(changes(), before, 'a course search wrote to the database');
  });

  it('stations: searchStations (its URL read by the list engine)', async () => {
    const before = changes();
    await fc.assert(
      fc.asyncProperty(listInput(STATION_KEYS), async (input) => {
        count('stations');
        assertPage(await stations.searchStations(input, NOW), 'stations');
      }),
      RUNS,
    );
    assert.equal(changes(), before, 'a station search wrote to the database');
  });

  it('fairs: searchFairs (the engine parses the URL)', async () => {
    const before = changes();
    await fc.assert(
      fc.asyncProperty(listInput(FAIR_KEYS), async (input) => {
        count('fairs');
        assertPage(await fairs.searchFairs(input, NOW), 'fairs');
      }),
      RUNS,
    );
    assert.equal(changes(), before, 'a fair search wrote to the database');
  });

  it('jobs: searchJobs (the engine parses the URL, near-me origin included)', async () => {
    const before = changes();
    await fc.assert(
      fc.asyncProperty(listInput(JOB_KEYS), async (input) => {
        count('jobs');
        assertPage(await jobs.searchJobs(input, NOW), 'jobs');
      }),
      RUNS,
    );
    assert.equal(changes(), before, 'a job search wrote to the database');
  });

  it('site search (/search?q=): one keyword through all three searches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileRecord(['q']), hostileQuery(['q'])), async (input) => {
        count('site search');
        // The same steps as app/(public)/search/page.tsx.
        const q = parseParams(input, { q: one(fields.text(40), '') }).values.q.trim();
        assert.ok(q.length <= 40);
        const qs = q ? new URLSearchParams({ q }).toString() : '';
        assertPage(await courses.searchCourses(qs, { today: TEST_TODAY }), 'site/courses');
        assertPage(await stations.searchStations(qs, NOW), 'site/stations');
        assertPage(await fairs.searchFairs(qs, NOW), 'site/fairs');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('ids and feed parameters, 1000 hostile inputs each', () => {
  it('route ids (pages, cards, calendar files) are a positive int32 or null', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, anything), async (raw) => {
        count('route id');
        const id = parseRouteId(raw);
        assert.ok(id === null || (Number.isInteger(id) && id >= 1 && id <= 2_147_483_647));
        if (id !== null) {
          // And the detail reads behind them take it without throwing.
          await stations.getStationDetail(id, NOW);
          await openData.getApiCourse(id, 'http://t', NOW);
        }
      }),
      RUNS,
    );
  });

  it('open-data detail ids: parseApiId → the detail reads', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (raw) => {
        count('api id');
        const id = parseApiId(raw);
        assert.ok(id === null || (Number.isInteger(id) && id >= 1 && id <= 2_147_483_647));
        if (id !== null) {
          await openData.getApiStation(id, 'http://t', NOW);
          await openData.getApiFair(id, 'http://t');
        }
      }),
      RUNS,
    );
  });

  it('feed ?occupation= : parseRouteId → getOccupationName → listFeedCourses', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (raw) => {
        count('feed occupation');
        const id = parseRouteId(raw);
        const name = id === null ? null : await feeds.getOccupationName(id);
        assert.ok(name === null || typeof name === 'string');
        if (name !== null) assert.ok((await feeds.listFeedCourses(id)).length <= feeds.FEED_SIZE);
      }),
      RUNS,
    );
  });
});

describe('open-data list parameters, 1000 hostile inputs per endpoint', () => {
  const listers = {
    stations: (v: never, p: { page: number; perPage: number }) => openData.listApiStations(v, p, 'http://t', NOW),
    courses: (v: never, p: { page: number; perPage: number }) => openData.listApiCourses(v, p, 'http://t', NOW),
    runs: (v: never, p: { page: number; perPage: number }) => openData.listApiRuns(v, p, 'http://t', NOW),
    fairs: (v: never, p: { page: number; perPage: number }) => openData.listApiFairs(v, p, 'http://t', NOW),
    jobs: (v: never, p: { page: number; perPage: number }) => openData.listApiJobs(v, p, 'http://t', NOW),
  } as const;
  for (const kind of Object.keys(API_PARAMS) as ApiListKind[]) {
    it(`/api/v1/${kind}: a 400 naming the parameters it could not read, or one page within bounds`, async () => {
      const keys = Object.keys(API_PARAMS[kind]);
      await fc.assert(
        fc.asyncProperty(hostileQuery(keys), async (qs) => {
          count(`api ${kind}`);
          const parsed = parseApiParams(kind, new URLSearchParams(qs.replace(/^\?/, '').slice(0, 2000)));
          if (!parsed.ok) {
            assert.equal(parsed.error.status, 400);
            assert.ok(parsed.error.params.length > 0 && parsed.error.params.every((p) => keys.includes(p)), parsed.error.params.join());
            return;
          }
          const { page, per_page } = parsed.values as { page: number; per_page: number };
          assert.ok(page >= 1 && page <= MAX_PAGE && per_page >= 1 && per_page <= MAX_PER_PAGE);
          const street = (parsed.values as { street?: number | null }).street;
          if (typeof street === 'number') await openData.streetExists(street);
          const { items, total } = await listers[kind](parsed.values as never, { page, perPage: per_page });
          // Exactly the slice of the counted total that this page holds.
          assert.ok(Number.isInteger(total));
          assert.equal(items.length, Math.max(0, Math.min(per_page, total - (page - 1) * per_page)));
        }),
        RUNS,
      );
    });
  }
});
