/**
 * The engine on a made-up list over random rows: counts are checked against a brute-force count
 * written independently here, so the one-pass facet counter is checked against the definition.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { openDatabase } from '../../client';
import { fields, many, one } from '../../validation/search-params';
import { defineList, filterKit, clearResultCaches, mergeGroups, type ValuesOf } from './index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-test-'));
const db = openDatabase(path.join(dir, 'engine.sqlite'));
process.on('exit', () => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Row = { group: number; street: number; cost: number; tags: number[]; seats: number; pub: number; start: number };
const COSTS = ['free', 'paid', 'subsidised'] as const;
const STREETS = [1, 2, 3, 4, 5].map((id) => ({ id, name: `街${id}` }));
const shape = {
  street: one(fields.id, null as number | null),
  cost: many(z.enum(COSTS), 3),
  tag: many(z.enum(['a', 'b', 'c', 'd']), 4),
  seats: one(fields.flag, false),
  sort: one(z.enum(['start', 'seats']), 'start' as 'start' | 'seats'),
  page: one(fields.page, 1),
};
type Values = ValuesOf<typeof shape>;

// A deterministic random generator, so a failure can be replayed. 32-bit integer arithmetic:
// the product in doubles (seed × 1103515245 > 2^53) lost bits and fell into a short cycle, which
// left the list with 5 rows.
let seed = 42;
const rand = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 16) % n;
};
let data: Row[] = [];
for (let g = 1; g <= 300; g++) {
  const runs = rand(4);
  for (let i = 0; i < runs; i++) {
    const street = 1 + rand(6);
    const tags = [...new Set([rand(4), rand(4)])].slice(0, rand(3));
    // No run on street 5 tagged d has seats: an empty combination for the widen test.
    const seats = street === 5 && tags.includes(3) ? 0 : rand(3);
    data.push({ group: g, street, cost: rand(3), tags, seats, pub: rand(5) === 0 ? 0 : 1, start: 20261201 + rand(30) });
  }
}

const k = filterKit<Row, Values, { streets: typeof STREETS }>();
const things = defineList({
  name: 'things',
  shape,
  source: {
    name: 'things',
    loadAll: async () => data.map((r) => ({ ...r })),
    loadGroups: async (_db, ids) => data.filter((r) => ids.includes(r.group)).map((r) => ({ ...r })),
    loadRefs: async () => ({ streets: STREETS }),
    changes: { course: 'group', places: 'rebuild', label: 'items' },
  },
  filters: [
    k.oneId({ key: 'street', param: 'street', of: (r) => r.street, options: (refs) => refs.streets }),
    k.anyOf({ key: 'cost', param: 'cost', codes: COSTS, of: (r) => r.cost }),
    k.anyOf({ key: 'tag', param: 'tag', codes: ['a', 'b', 'c', 'd'], of: (r) => r.tags }),
    k.flag({ key: 'seats', param: 'seats', test: (r) => r.seats > 0 }),
  ],
  orders: {
    start: { key: (m) => [Math.min(...m.rows.map((r) => r.start))] },
    seats: { key: (m) => [-Math.max(...m.rows.map((r) => r.seats))] },
  },
  orderParam: 'sort',
  pageSize: 7,
  scope: (s) => (s.kind === 'public' ? (r) => r.pub === 1 : null),
  items: async (_db, page) => (itemsRead++, page.map((m) => m.group)),
});
let itemsRead = 0;

const PUBLIC = { kind: 'public' } as const;
type Want = { street?: number; cost?: number[]; tag?: number[]; seats?: boolean };
function brute(w: Want, omit?: keyof Want, extra?: (r: Row) => boolean): Set<number> {
  const out = new Set<number>();
  for (const r of data) {
    if (r.pub !== 1) continue;
    if (omit !== 'street' && w.street !== undefined && r.street !== w.street) continue;
    if (omit !== 'cost' && w.cost?.length && !w.cost.includes(r.cost)) continue;
    if (omit !== 'tag' && w.tag?.length && !r.tags.some((t) => w.tag!.includes(t))) continue;
    if (omit !== 'seats' && w.seats && r.seats <= 0) continue;
    if (extra && !extra(r)) continue;
    out.add(r.group);
  }
  return out;
}
function qs(w: Want): string {
  const sp = new URLSearchParams();
  if (w.street !== undefined) sp.set('street', String(w.street));
  for (const c of w.cost ?? []) sp.append('cost', COSTS[c]!);
  for (const t of w.tag ?? []) sp.append('tag', 'abcd'[t]!);
  if (w.seats) sp.set('seats', '1');
  return sp.toString();
}

describe('list-search engine', () => {
  it('works on a list of some size', () => {
    assert.ok(data.length > 300, `${data.length} rows`);
    assert.ok(new Set(data.map((r) => r.group)).size > 150);
  });

  it('counts the total and every facet ("every filter but its own") as a brute-force count does, on random filter sets', async () => {
    for (let t = 0; t < 60; t++) {
      const w: Want = {};
      if (rand(2)) w.street = 1 + rand(5);
      if (rand(2)) w.cost = [...new Set([rand(3), rand(3)])];
      if (rand(2)) w.tag = [rand(4)];
      if (rand(2)) w.seats = true;
      const res = await things.search(db, qs(w), PUBLIC);
      assert.equal(res.total, brute(w).size, qs(w));
      for (const s of STREETS) assert.equal(res.facets.street!.find((o) => o.value === String(s.id))!.count, brute(w, 'street', (r) => r.street === s.id).size);
      COSTS.forEach((c, i) => assert.equal(res.facets.cost!.find((o) => o.value === c)!.count, brute(w, 'cost', (r) => r.cost === i).size));
      [0, 1, 2, 3].forEach((i) => assert.equal(res.facets.tag![i]!.count, brute(w, 'tag', (r) => r.tags.includes(i)).size));
      assert.equal(res.facets.seats![0]!.count, brute(w, 'seats', (r) => r.seats > 0).size);
      // Pages slice one order and together list every match once.
      const seen: number[] = [];
      for (let p = 1; p <= res.pageCount; p++) seen.push(...(await things.search(db, `${qs(w)}&page=${p}`, PUBLIC)).items);
      assert.deepEqual(new Set(seen), brute(w));
      assert.equal(seen.length, res.total);
    }
  });

  it('drops unknown ids with the invalid-params notice and says the applied query', async () => {
    const res = await things.search(db, 'street=999&cost=paid', PUBLIC);
    assert.equal(res.notice, 'invalid-params');
    assert.equal(res.values.street, null);
    assert.equal(res.query, 'cost=paid');
    assert.equal((await things.search(db, 'cost=paid', PUBLIC)).notice, null);
  });

  it('offers, when nothing matches, each filter dropped with the count it would give', async () => {
    // Find a street + tag pair with no match.
    let found: Want | null = null;
    for (const s of STREETS) for (const t of [0, 1, 2, 3]) if (!found && brute({ street: s.id, tag: [t], seats: true }).size === 0) found = { street: s.id, tag: [t], seats: true };
    assert.ok(found, 'the random data has an empty combination');
    const res = await things.search(db, qs(found), PUBLIC);
    assert.equal(res.total, 0);
    const byKey = new Map(res.widen.map((w) => ['chip' in w ? w.chip.key : w.kind, w]));
    assert.equal(byKey.get('street')!.count, brute(found, 'street').size);
    assert.equal(byKey.get('tag')!.count, brute(found, 'tag').size);
    assert.equal(byKey.get('seats')!.count, brute(found, 'seats').size);
    assert.equal(byKey.get('street')!.query, qs({ ...found, street: undefined }));
    // Every option's count is what its own query gives, also when a chip leaves its filter narrower.
    const two = await things.search(db, `${qs(found)}&cost=free&cost=paid`, PUBLIC);
    assert.equal(two.total, 0);
    assert.ok(two.widen.some((w) => 'chip' in w && w.chip.key === 'cost'));
    for (const w of [...res.widen, ...two.widen]) assert.equal(w.count, (await things.search(db, w.query, PUBLIC)).total, w.query);
  });

  it('reads the old and new near-me forms as one origin and writes the new one', async () => {
    const street = db.$client.prepare('SELECT id FROM streets LIMIT 1').pluck().get() as number | undefined;
    if (street === undefined) {
      db.$client.prepare("INSERT INTO streets (id, name, kind, lat, lng, sort) VALUES (1, '卢沟桥街道', '街道', 39.85, 116.29, 1)").run();
    }
    const id = (db.$client.prepare('SELECT id FROM streets LIMIT 1').pluck().get() as number);
    const old = await things.search(db, `from=street-${id}&cost=free`, PUBLIC);
    const now = await things.search(db, `near=s${id}&cost=free`, PUBLIC);
    assert.equal(old.query, `cost=free&near=s${id}`);
    assert.deepEqual(old.origin, now.origin);
    assert.equal((await things.search(db, 'near=x1', PUBLIC)).notice, 'invalid-params');
  });

  it('shows a change on the very next query, reloading only the changed group', async () => {
    clearResultCaches();
    const before = await things.search(db, 'seats=1', PUBLIC);
    const builds = things.index.stats.builds;
    const g = data.find((r) => r.pub === 1 && r.seats > 0)!.group;
    const wanted = brute({ seats: true });
    // Every run of g loses its seats: g leaves the list.
    data = data.map((r) => (r.group === g ? { ...r, seats: 0 } : r));
    db.$client.prepare("INSERT INTO change_log (entity, entity_id) VALUES ('course', ?)").run(g);
    const after = await things.search(db, 'seats=1', PUBLIC);
    assert.equal(before.total, wanted.size);
    assert.equal(after.total, wanted.size - 1);
    assert.equal(things.index.stats.builds, builds, 'no rebuild for one group');
    // A change the list declares as 'rebuild' rebuilds.
    db.$client.prepare("INSERT INTO change_log (entity, entity_id) VALUES ('places', 1)").run();
    await things.search(db, 'seats=1', PUBLIC);
    assert.equal(things.index.stats.builds, builds + 1);
  });

  it('with facets off, gives the same total, page and order, and no counts', async () => {
    clearResultCaches();
    for (const query of ['', 'cost=free', 'street=2&sort=seats', 'tag=a&page=2']) {
      const full = await things.search(db, query, PUBLIC);
      const bare = await things.search(db, query, PUBLIC, { facets: false });
      assert.equal(bare.total, full.total, query);
      assert.deepEqual(bare.items, full.items, query);
      assert.deepEqual(bare.facets, {}, query);
      assert.ok(Object.keys(full.facets).length > 0, query);
    }
  });

  it("keeps its snapshot (rows, version, cached results) when only another list's content changed", async () => {
    const before = await things.index.current(db);
    const cached = await things.search(db, 'cost=free', PUBLIC);
    db.$client.prepare("INSERT INTO change_log (entity, entity_id) VALUES ('station', 1)").run();
    const after = await things.index.current(db);
    assert.equal(after, before, 'the same snapshot: its version, rows and columns');
    assert.equal(await things.search(db, 'cost=free', PUBLIC), cached, 'the cached result is served');
  });

  it('is not rebuilt for many saves of other lists, nor for one group saved many times', async () => {
    await things.index.current(db);
    const builds = things.index.stats.builds;
    const log = db.$client.prepare('INSERT INTO change_log (entity, entity_id) VALUES (?, ?)');
    // More than the 1,600 changes an index takes in before it rebuilds, none of them its own.
    for (let i = 0; i < 2_000; i++) log.run('station', 1 + (i % 50));
    await things.index.current(db);
    assert.equal(things.index.stats.builds, builds, "another list's saves are not looked at");
    // One course saved 2,000 times is one change.
    for (let i = 0; i < 2_000; i++) log.run('course', 7);
    const applied = things.index.stats.applied;
    await things.index.current(db);
    assert.equal(things.index.stats.builds, builds, 'applied, not rebuilt');
    assert.equal(things.index.stats.applied, applied + 1);
  });

  it("reads a page's items anew after an 'items' change, keeping the rows, version and counts", async () => {
    const before = await things.index.current(db);
    const cached = await things.search(db, 'cost=free', PUBLIC);
    const reads = itemsRead;
    db.$client.prepare("INSERT INTO change_log (entity, entity_id) VALUES ('label', 1)").run();
    const after = await things.index.current(db);
    assert.equal(after.version, before.version, 'the same version: listings and counts stay');
    assert.equal(after.rows, before.rows, 'the same rows');
    assert.notEqual(after.items, before.items);
    const fresh = await things.search(db, 'cost=free', PUBLIC);
    assert.notEqual(fresh, cached, 'not the cached result');
    assert.equal(itemsRead, reads + 1, 'the items were read again');
    assert.equal(fresh.facets, cached.facets, 'the same counts, not recounted');
    assert.deepEqual(fresh.items, cached.items);
  });

  it('keeps facets and filters right after applied changes (columns spliced, not rebuilt)', async () => {
    const builds = things.index.stats.builds;
    for (let t = 0; t < 12; t++) {
      // A group gains, loses or changes runs (tags: several keys per row; rows shift position).
      const g = 1 + rand(300);
      const others = data.filter((r) => r.group !== g);
      const runs = rand(4);
      const fresh: Row[] = [];
      for (let i = 0; i < runs; i++) fresh.push({ group: g, street: 1 + rand(6), cost: rand(3), tags: [rand(4), 3].slice(0, 1 + rand(2)), seats: rand(3), pub: 1, start: 20261201 + rand(30) });
      data = [...others, ...fresh];
      db.$client.prepare("INSERT INTO change_log (entity, entity_id) VALUES ('course', ?)").run(g);
      clearResultCaches();
      const w: Want = { tag: [rand(4)], ...(rand(2) ? { seats: true } : {}), ...(rand(2) ? { cost: [rand(3)] } : {}) };
      const res = await things.search(db, qs(w), PUBLIC);
      assert.equal(res.total, brute(w).size, qs(w));
      for (const s of STREETS) assert.equal(res.facets.street!.find((o) => o.value === String(s.id))!.count, brute(w, 'street', (r) => r.street === s.id).size);
      COSTS.forEach((c, i) => assert.equal(res.facets.cost!.find((o) => o.value === c)!.count, brute(w, 'cost', (r) => r.cost === i).size));
      [0, 1, 2, 3].forEach((i) => assert.equal(res.facets.tag![i]!.count, brute(w, 'tag', (r) => r.tags.includes(i)).size));
      assert.equal(res.facets.seats![0]!.count, brute(w, 'seats', (r) => r.seats > 0).size);
    }
    assert.equal(things.index.stats.builds, builds, 'changes applied, never rebuilt');
  });

  it('merges a reloaded group back in group order', () => {
    const rows = [1, 2, 2, 3, 5].map((group, i) => ({ group, i }));
    const merged = mergeGroups(rows, new Set([2, 4]), [{ group: 4, i: 9 }, { group: 2, i: 8 }]);
    assert.deepEqual(merged.map((r) => [r.group, r.i]), [[1, 0], [2, 8], [3, 3], [4, 9], [5, 4]]);
  });
});
