/**
 * The 机构与场地 lists on the list-search engine, against the seeded sample data: what each
 * account may see, filters with paging in SQLite's order, unknown ids with the notice, and a
 * save showing on the very next list call.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { places, providers, users } from '@/db/schema';
import type { Actor } from '@/db/auth/permissions';

const db = useSeededTestDb();

const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
const youanmen: Actor = { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 };
const as = (actor: Actor) => ({ kind: 'admin' as const, actor });

let m: typeof import('./index');
before(async () => {
  for (const a of [editor, kangxin, youanmen]) {
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'not-a-hash', role: a.role, providerId: a.providerId, stationId: a.stationId }).run();
  }
  m = await import('./index');
});

/** Place ids matching `where`, in the order the list promises, as SQLite orders them. */
const placeIds = (where?: SQL) => db.select({ id: places.id }).from(places).where(where).orderBy(asc(places.kind), asc(places.name), asc(places.id)).all().map((r) => r.id);

/** Every page of a places search, concatenated. */
async function allPages(input: Record<string, string>, actor: Actor) {
  const first = await m.listPlacesForAdmin(db, input, as(actor));
  const ids = first.items.map((i) => i.id);
  for (let p = 2; p <= first.pageCount; p++) ids.push(...(await m.listPlacesForAdmin(db, { ...input, page: String(p) }, as(actor))).items.map((i) => i.id));
  return { first, ids };
}

describe('the 机构与场地 lists', () => {
  it('a 培训机构 sees only its own provider and its own places; a 驿站, and the public, see none', async () => {
    const providers4 = await m.listProvidersForAdmin(db, {}, as(kangxin));
    assert.deepEqual(providers4.items.map((p) => p.id), [4]);
    const own = await allPages({}, kangxin);
    assert.deepEqual(own.ids, placeIds(eq(places.providerId, 4)));
    assert.ok(own.ids.length > 0);
    // Facets count within the scope too: nothing of another provider's, nothing public.
    assert.equal(own.first.facets.provider!.find((o) => o.value === '1')!.count, 0);
    assert.equal(own.first.facets.provider!.find((o) => o.value === 'none')!.count, 0);
    // Asking for another provider's places gives none, not theirs.
    assert.equal((await m.listPlacesForAdmin(db, { provider: '1' }, as(kangxin))).total, 0);

    assert.equal((await m.listProvidersForAdmin(db, {}, as(youanmen))).total, 0);
    assert.equal((await m.listPlacesForAdmin(db, {}, as(youanmen))).total, 0);
    assert.equal((await m.adminPlaceList.search(db, {}, { kind: 'public' })).total, 0);
    assert.equal((await m.adminProviderList.search(db, {}, { kind: 'public' })).total, 0);

    const all = await m.listProvidersForAdmin(db, {}, as(editor));
    assert.deepEqual(all.items.map((p) => p.id), db.select({ id: providers.id }).from(providers).orderBy(asc(providers.id)).all().map((r) => r.id));
  });

  it('a filter with paging: pages of 20 slice one order — kind, then name, then id, as SQLite sorts — and together list every match once', async () => {
    // More than a page of classrooms, with names whose order JavaScript's string compare would get
    // wrong (an astral character sorts after U+FF01 in SQLite, before it in UTF-16) and prefixes.
    const names = ['ab', 'Ab', 'abc', 'a', '\u{20000}教室', '\uFF01教室', '教室', '教室2', ...Array.from({ length: 20 }, (_, i) => `排序教室${25 - i}`)];
    for (const name of names) db.insert(places).values({ name, kind: 'classroom', providerId: 2, streetId: 2, address: '北京市丰台区某路3号', lat: 39.85, lng: 116.3 }).run();
    const { first, ids } = await allPages({ kind: 'classroom' }, editor);
    const want = placeIds(eq(places.kind, 'classroom'));
    assert.ok(want.length > m.PLACE_PAGE_SIZE, 'the sample has more than a page of classrooms');
    assert.equal(first.total, want.length);
    assert.equal(first.items.length, m.PLACE_PAGE_SIZE);
    assert.equal(first.pageCount, Math.ceil(want.length / m.PLACE_PAGE_SIZE));
    assert.deepEqual(ids, want);
    // The pager's address keeps the filter.
    assert.equal(m.placeListQuery(first.values, 2), 'kind=classroom&page=2');
    // Two filters at once, and a page past the end reads as the last page.
    const landmarks = await m.listPlacesForAdmin(db, { kind: 'landmark', provider: 'none', page: '999' }, as(editor));
    const wantLandmarks = placeIds(and(eq(places.kind, 'landmark'), isNull(places.providerId)));
    assert.ok(wantLandmarks.length > 0);
    assert.equal(landmarks.total, wantLandmarks.length);
    assert.equal(landmarks.page, landmarks.pageCount);
    assert.deepEqual(landmarks.items.map((i) => i.id), wantLandmarks.slice((landmarks.page - 1) * m.PLACE_PAGE_SIZE));
    assert.deepEqual(
      landmarks.chips.map((c) => [c.key, c.value]),
      [['kind', 'landmark'], ['provider', 'none']],
    );
    // Facets: every kind counted with the provider filter alone.
    assert.equal(landmarks.facets.kind!.find((o) => o.value === 'venue')!.count, placeIds(and(eq(places.kind, 'venue'), isNull(places.providerId))).length);
  });

  it('an unknown street or provider id is dropped with the invalid-params notice', async () => {
    const all = await m.listPlacesForAdmin(db, {}, as(editor));
    assert.equal(all.notice, null);
    for (const input of [{ street: '99999' }, { provider: '99999' }]) {
      const res = await m.listPlacesForAdmin(db, { ...input, kind: 'venue' }, as(editor));
      assert.equal(res.notice, 'invalid-params', JSON.stringify(input));
      assert.equal(res.values.street, null);
      assert.equal(res.values.provider, null);
      assert.equal(res.query, 'kind=venue');
      assert.equal(res.total, placeIds(eq(places.kind, 'venue')).length);
    }
    // A known id is kept, and named in its chip as in every admin pick and on each row (providerLabel: the short name).
    const known = await m.listPlacesForAdmin(db, { provider: '4' }, as(editor));
    assert.equal(known.notice, null);
    const p4 = db.select().from(providers).where(eq(providers.id, 4)).get()!;
    assert.notEqual(p4.shortName, p4.name);
    assert.deepEqual(known.chips, [{ key: 'provider', value: '4', name: p4.shortName }]);
  });

  it('a save shows on the very next list call: a renamed and a new place, a provider\'s phone, a new account', async () => {
    const q = { q: '晨曦实训楼' };
    assert.equal((await m.listPlacesForAdmin(db, q, as(editor))).total, 0);
    const own = db.select().from(places).where(eq(places.providerId, 4)).orderBy(asc(places.id)).get()!;
    const input = { id: own.id, version: own.version, name: '晨曦实训楼', kind: own.kind, providerId: '4', streetId: String(own.streetId ?? ''), address: own.address, lat: String(own.lat), lng: String(own.lng), note: '' };
    m.updatePlace(db, kangxin, input);
    const renamed = await m.listPlacesForAdmin(db, q, as(editor));
    assert.deepEqual(renamed.items.map((i) => i.id), [own.id]);
    assert.deepEqual((await m.listPlacesForAdmin(db, q, as(kangxin))).items.map((i) => i.id), [own.id]);

    const before = (await m.listPlacesForAdmin(db, { provider: '4' }, as(editor))).total;
    const made = m.createPlace(db, kangxin, { ...input, name: '晨曦第二教室', id: undefined, version: undefined });
    const after = await m.listPlacesForAdmin(db, { provider: '4', q: '晨曦' }, as(editor));
    assert.equal((await m.listPlacesForAdmin(db, { provider: '4' }, as(editor))).total, before + 1);
    assert.deepEqual(new Set(after.items.map((i) => i.id)), new Set([own.id, made.id]));

    const p = db.select().from(providers).where(eq(providers.id, 4)).get()!;
    m.updateProvider(db, kangxin, { ...p, phone: '010-61234567', version: p.version });
    const listed = (await m.listProvidersForAdmin(db, {}, as(editor))).items.find((i) => i.id === 4)!;
    assert.equal(listed.phone, '010-61234567');
    // Accounts are not in the change log: usage is read fresh for the page.
    const accounts = listed.users;
    db.insert(users).values({ username: 'kangxin2', displayName: '康馨二', passwordHash: 'not-a-hash', role: 'provider', providerId: 4 }).run();
    assert.equal((await m.listProvidersForAdmin(db, {}, as(editor))).items.find((i) => i.id === 4)!.users, accounts + 1);
  });
});
