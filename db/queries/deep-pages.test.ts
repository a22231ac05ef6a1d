/**
 * Deep pages of the station and fair lists: the ordered matches are worked out once per
 * filters and minute, so a later page is a slice plus look-ups by id (no OFFSET walk, no
 * re-sorting), and it holds exactly the rows a fresh search would put there.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';

const db = useSeededTestDb();
const NOW = new Date(`${TEST_TODAY}T10:00:00+08:00`);

let stations: typeof import('./stations');
let fairs: typeof import('./fairs/list');
let clearResultCaches: typeof import('@/db/search/engine').clearResultCaches;

before(async () => {
  stations = await import('./stations');
  fairs = await import('./fairs/list');
  clearResultCaches = (await import('@/db/search/engine')).clearResultCaches;
});

/** The SELECT statements `run` prepares on the shared connection. */
function statementsOf(run: () => void): string[] {
  const client = db.$client;
  const seen: string[] = [];
  const prepare = client.prepare;
  client.prepare = ((source: string) => {
    seen.push(source);
    return prepare.call(client, source);
  }) as typeof client.prepare;
  try {
    run();
  } finally {
    client.prepare = prepare;
  }
  return seen.filter((s) => /^\s*select/i.test(s));
}

/** As statementsOf, for an async read (nothing else runs on the connection meanwhile). */
async function statementsOfAsync(run: () => Promise<void>): Promise<string[]> {
  const client = db.$client;
  const seen: string[] = [];
  const prepare = client.prepare;
  client.prepare = ((source: string) => {
    seen.push(source);
    return prepare.call(client, source);
  }) as typeof client.prepare;
  try {
    await run();
  } finally {
    client.prepare = prepare;
  }
  return seen.filter((s) => /^\s*select/i.test(s));
}

describe('station finder: deep pages', () => {
  it('a later page, from the kept order, matches a fresh search and reads only its rows', async () => {
    for (const qs of ['', 'near=s1', 'open=1', 'host=bank']) {
      clearResultCaches();
      const first = await stations.searchStations(qs, NOW);
      const last = first.pageCount;
      const sp = new URLSearchParams(qs);
      sp.set('page', String(last));
      let warm: Awaited<ReturnType<typeof stations.searchStations>> | undefined;
      const statements = await statementsOfAsync(async () => {
        warm = await stations.searchStations(sp.toString(), NOW);
      });
      clearResultCaches();
      const cold = await stations.searchStations(sp.toString(), NOW);
      assert.deepEqual(warm, cold, qs);
      assert.equal(warm!.page, last);
      assert.ok(warm!.items.length > 0, qs);
      // No statement orders or counts the station list again.
      const relisting = statements.filter((s) => /from "?stations"?/i.test(s) && /order by|count\(/i.test(s));
      assert.deepEqual(relisting, [], qs);
    }
  });

  it('a page past the end shows the last page, as before', async () => {
    clearResultCaches();
    const r = await stations.searchStations('page=500', NOW);
    assert.equal(r.page, r.pageCount);
    assert.ok(r.items.length > 0);
  });

  it('sees a change to the data at once', async () => {
    const before = (await stations.searchStations('', NOW)).total;
    const id = (db.$client.prepare("SELECT id FROM stations WHERE publication = 'published' LIMIT 1").pluck().get() as number);
    db.$client.prepare("UPDATE stations SET publication = 'draft' WHERE id = ?").run(id);
    try {
      assert.equal((await stations.searchStations('', NOW)).total, before - 1);
    } finally {
      db.$client.prepare("UPDATE stations SET publication = 'published' WHERE id = ?").run(id);
    }
    assert.equal((await stations.searchStations('', NOW)).total, before);
  });
});

describe('fair list: deep pages', () => {
  it('a later page, from the kept order, matches a fresh search and reads only its rows', async () => {
    for (const qs of ['', 'when=past', 'date=month']) {
      clearResultCaches();
      const first = await fairs.searchFairs(qs, NOW);
      assert.ok(first.total > 0, qs);
      const last = first.pageCount;
      const sp = new URLSearchParams(qs);
      sp.set('page', String(last));
      let warm: Awaited<ReturnType<typeof fairs.searchFairs>> | undefined;
      const statements = await statementsOfAsync(async () => {
        warm = await fairs.searchFairs(sp.toString(), NOW);
      });
      clearResultCaches();
      const cold = await fairs.searchFairs(sp.toString(), NOW);
      assert.deepEqual(warm, cold, qs);
      assert.equal(warm!.page, last);
      assert.ok(warm!.items.length > 0, qs);
      const relisting = statements.filter((s) => /from "fairs"/i.test(s) && /order by|count\(/i.test(s));
      assert.deepEqual(relisting, [], qs);
    }
  });

  it('an empty date window among past fairs finds nothing without asking the database', async () => {
    clearResultCaches();
    await fairs.searchFairs('', NOW); // the index is built
    let r: Awaited<ReturnType<typeof fairs.searchFairs>> | undefined;
    const statements = await statementsOfAsync(async () => {
      r = await fairs.searchFairs('when=past&date=tomorrow', NOW);
    });
    assert.deepEqual(statements.filter((s) => /from "fair/i.test(s)), [], 'no fair table read');
    r = r!;
    assert.equal(r.total, 0);
    assert.deepEqual(r.items, []);
    assert.equal(r.facets.date!.find((o) => o.value === 'tomorrow')!.count, 0);
  });
});
