/**
 * The open-data API pages fairs itself (per_page, or all at once) over the engine's matches, the
 * pages ten at a time with facets: the two must find the same fairs in the same order, and 'all'
 * (the API only) must be the upcoming fairs, then the past ones.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { fairs, places } from '@/db/schema';
import { parseApiParams } from './params';

const db = useSeededTestDb();

let list: typeof import('@/db/queries/fairs/list');
let openData: typeof import('./fairs');
before(async () => {
  list = await import('@/db/queries/fairs/list');
  openData = await import('./fairs');
});

async function pageIds(qs: string, now: Date): Promise<number[]> {
  const first = await list.searchFairs(qs, now);
  const ids = first.items.map((f) => f.id);
  for (let p = 2; p <= first.pageCount; p++) ids.push(...(await list.searchFairs(`${qs}${qs ? '&' : ''}page=${p}`, now)).items.map((f) => f.id));
  return ids;
}

describe('the fair API and the fair pages agree', () => {
  it('same fairs, same order, for a spread of filters at noon and in the evening', async () => {
    const street = db.select({ s: places.streetId }).from(fairs).innerJoin(places, eq(places.id, fairs.placeId)).where(eq(fairs.publication, 'published')).get()!.s!;
    const sets = ['', 'when=past', 'type=gig_market', 'date=today', 'date=week', 'when=past&date=month', `street=${street}`, 'q=%E7%94%B5%E5%B7%A5', 'type=general&date=month'];
    let seen = 0;
    for (const at of ['08:00', '12:00', '20:00']) {
      const now = new Date(`${TEST_TODAY}T${at}:00+08:00`);
      for (const qs of sets) {
        const r = parseApiParams('fairs', new URLSearchParams(qs));
        assert.ok(r.ok, qs);
        const api = (await openData.listApiFairs(r.values, 'all', 'http://t', now)).items.map((f) => f.id);
        assert.deepEqual(await pageIds(qs, now), api, `${at} ${qs}`);
        seen += api.length;
      }
    }
    assert.ok(seen > 100, `only ${seen} fairs compared`);
  });

  it("'all' is every upcoming fair in the list's order, then every past one, and per_page pages it", async () => {
    const now = new Date(`${TEST_TODAY}T12:00:00+08:00`);
    const ids = async (qs: string, paging: Parameters<typeof openData.listApiFairs>[1] = 'all') => {
      const r = parseApiParams('fairs', new URLSearchParams(qs));
      assert.ok(r.ok, qs);
      return openData.listApiFairs(r.values, paging, 'http://t', now);
    };
    const all = await ids('when=all');
    const upcoming = (await ids('')).items.map((f) => f.id);
    const past = (await ids('when=past')).items.map((f) => f.id);
    assert.ok(upcoming.length > 0 && past.length > 0);
    assert.deepEqual(all.items.map((f) => f.id), [...upcoming, ...past]);
    assert.equal(all.total, upcoming.length + past.length);
    const second = await ids('when=all', { page: 2, perPage: 5 });
    assert.deepEqual(second.items.map((f) => f.id), all.items.slice(5, 10).map((f) => f.id));
    assert.equal(second.total, all.total);
  });
});
