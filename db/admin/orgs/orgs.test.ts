/**
 * 机构与场地 against the seeded sample data: the schemas (coordinates, cross-field rules), and
 * the writers — create, edit, conflict, audit, rename refused for a 培训机构, unique names,
 * delete refused while in use, and search documents rewritten when a quoted name changes.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { auditLog, courseRuns, fairs, places, providers, streets, users } from '@/db/schema';
import { Forbidden, type Actor } from '@/db/auth/permissions';
import { placeCreateSchema, placeUpdateSchema, providerCreateSchema } from '@/db/validation/admin/org';
import { Conflict, Invalid, NotFound, StateError } from '../errors';
import { zodFieldErrors } from '../zod-errors';
import { readInUse } from './refusals';
import { matchingIds } from '@/db/search';

/** Ids of `kind` whose search document matches `q`, the way the public search asks. */
const search = {
  matchingIds: async (d: typeof db, kind: 'course' | 'fair', q: string) => (await matchingIds(d, kind, q))!.ids(),
};

const db = useSeededTestDb();

type Mod = typeof import('./index');
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
const youanmen: Actor = { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 };
let m: Mod;
before(async () => {
  for (const a of [admin, editor, kangxin, youanmen]) {
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'not-a-hash', role: a.role, providerId: a.providerId, stationId: a.stationId }).run();
  }
  m = await import('./index');
});

function errorsOf(schema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return zodFieldErrors(r.error as never);
}

const providerInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  shortName: name.slice(0, 8),
  intro: '',
  phone: '010-63800000',
  address: '北京市丰台区某路1号',
  ...extra,
});

const placeInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'classroom',
  providerId: '4',
  streetId: '2',
  address: '北京市丰台区某路2号',
  lat: '',
  lng: '',
  note: '',
  ...extra,
});

const providerRow = (id: number) => db.select().from(providers).where(eq(providers.id, id)).get()!;
const placeRow = (id: number) => db.select().from(places).where(eq(places.id, id)).get()!;

function throwsWith<E>(fn: () => unknown, cls: new (...a: never[]) => E, check?: (e: E) => void) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof cls, `expected ${cls.name}, got ${String(err)}`);
    check?.(err as E);
    return true;
  });
}

describe('org schemas', () => {
  it('accepts a provider and trims it', () => {
    const p = providerCreateSchema.parse(providerInput('  新机构  '));
    assert.equal(p.name, '新机构');
  });

  it('asks for a name and a readable phone', () => {
    const e = errorsOf(providerCreateSchema, providerInput('', { phone: '打这个' }));
    // Codes: the words are the form's (components/admin/orgs/org-words.test.ts).
    assert.equal(e.name, 'required');
    assert.equal(e.phone, 'phone');
  });

  it('coordinates: empty both is fine with a street; outside Beijing or swapped is refused beside the field', () => {
    assert.equal(placeCreateSchema.parse(placeInput('x')).lat, null);
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { lat: '116.3', lng: '39.8' })).lat, 'latRange');
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { lat: '116.3', lng: '39.8' })).lng, 'lngRange');
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { lat: '北纬39度' })).lat, 'latNumber');
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { lat: '39.86' })).lng, 'lngMissing');
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { lng: '116.3' })).lat, 'latMissing');
    // 顺义 is outside Fengtai but inside the box.
    const shunyi = placeCreateSchema.parse(placeInput('x', { kind: 'practice_base', streetId: '', lat: '40.1285', lng: '116.8242' }));
    assert.equal(shunyi.streetId, null);
    assert.equal(shunyi.lat, 40.1285);
  });

  it('outside Fengtai needs coordinates; a classroom needs its provider', () => {
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { streetId: '' })).lat, 'coordsNeeded');
    assert.equal(errorsOf(placeCreateSchema, placeInput('x', { providerId: '' })).providerId, 'classroomProvider');
    assert.ok(placeCreateSchema.safeParse(placeInput('x', { kind: 'venue', providerId: '' })).success);
  });

  it('an update needs the id and version', () => {
    const e = errorsOf(placeUpdateSchema, placeInput('x'));
    assert.ok(e.id);
    assert.ok(e.version);
  });
});

describe('providers', () => {
  it('an editor creates a provider, audited with its after; a duplicate name is a friendly refusal', () => {
    const r = m.createProvider(db, editor, providerInput('单元测试培训学校'));
    assert.equal(providerRow(r.id).name, '单元测试培训学校');
    const a = db.select().from(auditLog).where(and(eq(auditLog.entity, 'provider'), eq(auditLog.entityId, r.id))).get()!;
    assert.equal(a.action, 'create');
    assert.equal(a.entityVersion, 1);
    assert.equal((a.after as { name: string }).name, '单元测试培训学校');
    throwsWith(() => m.createProvider(db, editor, providerInput('单元测试培训学校')), Invalid, (err) => assert.equal(err.fieldErrors.name, 'nameTaken'));
  });

  it('renaming to another provider\'s name is refused, nothing changed', () => {
    const p = providerRow(5);
    throwsWith(() => m.updateProvider(db, editor, { ...providerInput(providerRow(1).name), id: 5, version: p.version }), Invalid);
    assert.equal(providerRow(5).name, p.name);
  });

  it('a 培训机构 and a 驿站 may not create providers', () => {
    throwsWith(() => m.createProvider(db, kangxin, providerInput('冒名机构')), Forbidden);
    throwsWith(() => m.createProvider(db, youanmen, providerInput('冒名机构')), Forbidden);
  });

  it('a 培训机构 edits its own details, but not its name, and not another provider', () => {
    const own = providerRow(4);
    const r = m.updateProvider(db, kangxin, { ...own, phone: '010-61112222', version: own.version });
    assert.equal(r.version, own.version + 1);
    assert.equal(providerRow(4).phone, '010-61112222');
    const now = providerRow(4);
    throwsWith(() => m.updateProvider(db, kangxin, { ...now, name: '康馨改名', version: now.version }), Forbidden, (err) => assert.equal(err.message, 'renameForbidden'));
    throwsWith(() => m.updateProvider(db, kangxin, { ...now, shortName: '康馨改名', version: now.version }), Forbidden);
    assert.equal(providerRow(4).name, own.name);
    const other = providerRow(1);
    throwsWith(() => m.updateProvider(db, kangxin, { ...other, phone: '010-60000000', version: other.version }), Forbidden);
    // Refused before the input is even read: garbage for another provider is still forbidden.
    throwsWith(() => m.updateProvider(db, kangxin, { id: 1 }), Forbidden);
    assert.equal(providerRow(1).phone, other.phone);
  });

  it('a stale copy that changes the same field is a conflict naming the changed fields, with both values, and writes nothing', () => {
    const p = providerRow(2);
    m.updateProvider(db, editor, { ...p, address: '北京市丰台区新地址1号', version: p.version });
    throwsWith(
      () => m.updateProvider(db, admin, { ...p, address: '北京市丰台区别的地址2号', phone: '010-69999999', version: p.version }),
      Conflict,
      (err) => {
        assert.equal(err.info.currentVersion, p.version + 1);
        // Keys from the data layer; the form's words label them (components/admin/orgs/org-words.test.ts).
        assert.deepEqual(err.info.changes.map((c) => c.fields), [['address']]);
        assert.equal(err.info.changes[0]!.by, editor.displayName);
        assert.deepEqual(err.info.fields, [{ field: 'address', theirs: '北京市丰台区新地址1号', mine: '北京市丰台区别的地址2号' }]);
      },
    );
    assert.equal(providerRow(2).phone, p.phone);
    assert.equal(providerRow(2).address, '北京市丰台区新地址1号');
  });

  it('a stale copy that changes another field merges: both changes are kept', () => {
    const p = providerRow(2);
    m.updateProvider(db, editor, { ...p, address: '北京市丰台区合并路3号', version: p.version });
    const r = m.updateProvider(db, admin, { ...p, phone: '010-68888888', version: p.version }) as { version: number; merged?: { theirs: string[]; mine: string[] } };
    assert.equal(r.version, p.version + 2);
    assert.deepEqual([r.merged?.theirs, r.merged?.mine], [['address'], ['phone']]);
    assert.deepEqual([providerRow(2).address, providerRow(2).phone], ['北京市丰台区合并路3号', '010-68888888']);
  });

  it('a rename rewrites the search documents of the provider\'s courses', async () => {
    const p = providerRow(3);
    const hitsBefore = (await search.matchingIds(db, 'course', '雷霆电工')).length;
    assert.equal(hitsBefore, 0);
    m.updateProvider(db, editor, { ...p, shortName: '雷霆电工', version: p.version });
    const courseCount = db.get<{ n: number }>(sql`select count(*) as n from courses where provider_id = 3`)!.n;
    assert.ok(courseCount > 0);
    assert.equal((await search.matchingIds(db, 'course', '雷霆电工')).length, courseCount);
  });

  it('a provider in use cannot be deleted: says what uses it; an unused one is deleted and audited', () => {
    const p = providerRow(1);
    throwsWith(() => m.deleteProvider(db, editor, { id: 1, version: p.version }), StateError, (err) => {
      const u = readInUse(err.message);
      assert.equal(u?.entity, 'provider');
      assert.ok(u.entity === 'provider' && u.courses > 0 && u.places > 0, err.message);
    });
    assert.ok(providerRow(1));
    const r = m.createProvider(db, editor, providerInput('待删除的培训学校'));
    throwsWith(() => m.deleteProvider(db, kangxin, { id: r.id, version: 1 }), Forbidden);
    m.deleteProvider(db, editor, { id: r.id, version: 1 });
    assert.equal(db.select().from(providers).where(eq(providers.id, r.id)).get(), undefined);
    const a = db.select().from(auditLog).where(and(eq(auditLog.entity, 'provider'), eq(auditLog.entityId, r.id), eq(auditLog.action, 'delete'))).get()!;
    assert.equal((a.before as { name: string }).name, '待删除的培训学校');
    assert.equal(a.after, null);
    throwsWith(() => m.deleteProvider(db, editor, { id: r.id, version: 1 }), NotFound);
  });
});

describe('the provider list and page', () => {
  it('counts each provider\'s courses, published courses, places and accounts', async () => {
    const list = await m.listProvidersForAdmin(db, {}, { kind: 'admin', actor: editor });
    const rows = list.items;
    assert.equal(rows.length, db.select().from(providers).all().length, 'every provider on the one page');
    for (const r of rows) {
      const n = db.get<{ c: number; pc: number; pl: number; u: number }>(sql`select
        (select count(*) from courses where provider_id = ${r.id}) as c,
        (select count(*) from courses where provider_id = ${r.id} and publication = 'published') as pc,
        (select count(*) from places where provider_id = ${r.id}) as pl,
        (select count(*) from users where provider_id = ${r.id}) as u`)!;
      assert.deepEqual([r.courses, r.publishedCourses, r.places, r.users], [n.c, n.pc, n.pl, n.u], r.name);
    }
    assert.ok(rows.some((r) => r.courses > 0 && r.publishedCourses < r.courses), 'the sample has a provider with unpublished courses');
    const page = (await m.loadProvider(db, 4))!;
    assert.equal(page.users, 1);
    assert.equal(page.ownPlaces.length, page.places);
  });
});

describe('places', () => {
  it('empty coordinates take the street centre, and the message says so', () => {
    const street = db.select().from(streets).where(eq(streets.id, 2)).get()!;
    const r = m.createPlace(db, kangxin, placeInput('康馨新教室'));
    const row = placeRow(r.id);
    assert.equal(row.lat, street.lat);
    assert.equal(row.lng, street.lng);
    assert.equal(row.providerId, 4);
    assert.equal(r.centreStreet, street.name);
    const given = m.createPlace(db, editor, placeInput('有坐标的教室', { lat: '39.85', lng: '116.30' }));
    assert.equal(placeRow(given.id).lat, 39.85);
    assert.equal(given.centreStreet, null);
  });

  it('a 培训机构 may not add a place for another provider, nor a public one, nor edit another\'s', () => {
    throwsWith(() => m.createPlace(db, kangxin, placeInput('别人的教室', { providerId: '1' })), Forbidden);
    throwsWith(() => m.createPlace(db, kangxin, placeInput('公共场地', { kind: 'venue', providerId: '' })), Forbidden);
    const other = db.select().from(places).where(eq(places.providerId, 1)).get()!;
    throwsWith(() => m.updatePlace(db, kangxin, { ...placeInput(other.name, { providerId: '4' }), id: other.id, version: other.version }), Forbidden);
    const own = db.select().from(places).where(eq(places.providerId, 4)).get()!;
    // Nor hand its own place to another provider.
    throwsWith(() => m.updatePlace(db, kangxin, { ...placeInput(own.name, { providerId: '1' }), id: own.id, version: own.version }), Forbidden);
    throwsWith(() => m.deletePlace(db, kangxin, { id: own.id, version: own.version }), Forbidden);
    assert.equal(placeRow(own.id).providerId, 4);
  });

  it('an unknown street or provider is named beside its field', () => {
    throwsWith(() => m.createPlace(db, editor, placeInput('x', { streetId: '999' })), Invalid, (err) => assert.equal(err.fieldErrors.streetId, 'streetMissing'));
    throwsWith(() => m.createPlace(db, editor, placeInput('x', { providerId: '999' })), Invalid, (err) => assert.equal(err.fieldErrors.providerId, 'providerMissing'));
  });

  it('renaming a place rewrites the documents of the courses and fairs that use it; audit has before and after', async () => {
    const venue = db.get<{ id: number }>(sql`select place_id as id from fairs where place_id is not null and publication = 'published' limit 1`)!;
    const p = placeRow(venue.id);
    const fairCount = db.select().from(fairs).where(eq(fairs.placeId, p.id)).all().length;
    const r = m.updatePlace(db, editor, {
      ...placeInput('彩虹会展中心', { kind: p.kind, providerId: p.providerId === null ? '' : String(p.providerId), streetId: String(p.streetId ?? ''), lat: String(p.lat), lng: String(p.lng) }),
      id: p.id,
      version: p.version,
    });
    assert.equal(r.reindexed, fairCount);
    assert.ok((await search.matchingIds(db, 'fair', '彩虹会展中心')).length >= 1);
    const a = db.select().from(auditLog).where(and(eq(auditLog.entity, 'place'), eq(auditLog.entityId, p.id))).get()!;
    assert.equal((a.before as { name: string }).name, p.name);
    assert.equal((a.after as { name: string }).name, '彩虹会展中心');
    assert.equal(a.entityVersion, p.version + 1);

    const classroom = db.get<{ id: number }>(sql`select theory_place_id as id from course_runs where publication = 'published' limit 1`)!;
    const c = placeRow(classroom.id);
    m.updatePlace(db, editor, {
      ...placeInput('星光教学楼', { kind: c.kind, providerId: String(c.providerId), streetId: String(c.streetId ?? ''), lat: String(c.lat), lng: String(c.lng) }),
      id: c.id,
      version: c.version,
    });
    assert.ok((await search.matchingIds(db, 'course', '星光教学楼')).length >= 1);
  });

  it('a stale copy of a place is a conflict; nothing written', () => {
    const own = db.select().from(places).where(eq(places.providerId, 4)).get()!;
    const input = { ...placeInput(own.name, { note: '一楼', address: own.address, lat: String(own.lat), lng: String(own.lng), streetId: String(own.streetId) }), id: own.id, version: own.version };
    m.updatePlace(db, kangxin, input);
    throwsWith(() => m.updatePlace(db, editor, { ...input, note: '二楼' }), Conflict, (err) => {
      assert.deepEqual(err.info.changes[0]!.fields, ['note']);
    });
    assert.equal(placeRow(own.id).note, '一楼');
  });

  it('a place in use cannot be deleted (says how many runs); an unused one is deleted and audited', () => {
    const used = db.select({ id: courseRuns.theoryPlaceId }).from(courseRuns).get()!;
    const p = placeRow(used.id);
    throwsWith(() => m.deletePlace(db, editor, { id: p.id, version: p.version }), StateError, (err) => {
      const u = readInUse(err.message);
      assert.ok(u?.entity === 'place' && u.runs > 0 && u.name === p.name, err.message);
    });
    const r = m.createPlace(db, editor, placeInput('用不上的地标', { kind: 'landmark', providerId: '' }));
    m.deletePlace(db, editor, { id: r.id, version: 1 });
    assert.equal(db.select().from(places).where(eq(places.id, r.id)).get(), undefined);
    assert.equal(db.select().from(auditLog).where(and(eq(auditLog.entity, 'place'), eq(auditLog.entityId, r.id), eq(auditLog.action, 'delete'))).all().length, 1);
  });

  it('the list filters by kind, street, provider and keyword', async () => {
    const list = (input: Record<string, string>) => m.listPlacesForAdmin(db, input, { kind: 'admin', actor: editor });
    const all = await list({});
    assert.ok(all.total > 30);
    const venues = await list({ kind: 'venue' });
    assert.ok(venues.items.length > 0 && venues.items.every((r) => r.kind === 'venue'));
    const own = await list({ provider: '4' });
    assert.ok(own.items.length > 0 && own.items.every((r) => r.provider === providerRow(4).shortName));
    const outside = await list({ street: 'none' });
    assert.ok(outside.items.length > 0 && outside.items.every((r) => r.street === null));
    const word = await list({ q: '彩虹' });
    assert.deepEqual(word.items.map((r) => r.name), ['彩虹会展中心']);
    // Each unreadable parameter falls back (to no filter, the first page) with the notice.
    for (const [key, value] of [['kind', 'castle'], ['street', 'x'], ['page', '-1']] as const) {
      const bad = await list({ [key]: value });
      assert.equal(bad.notice, 'invalid-params', key);
      assert.equal(bad.total, all.total, key);
    }
    const bad = await list({ kind: 'castle', street: 'x', page: '-1' });
    assert.equal(bad.notice, 'invalid-params');
    assert.deepEqual([bad.values.kind, bad.values.street, bad.page], [null, null, 1]);
  });
});
