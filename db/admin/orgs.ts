/**
 * 机构与场地 in the admin console: training providers and places (classrooms, practice bases,
 * fair venues, landmarks). Lists, edit-page data and every write — create, update, delete — each
 * in one transaction with its audit row (before and after, and the version after the change).
 *
 * Every write loads the record, authorises the actor on THAT record (a 培训机构 account owns its
 * own provider and the places that belong to it) before reading the rest of the input, checks
 * the version the editor started from, and rewrites the search documents that quote the
 * record: a provider's name and short name are in its courses' documents; a place's name and
 * address are in the documents of the courses whose runs meet there and of the fairs held there.
 */
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '../client';
import { courseRuns, courses, fairs, PLACE_KINDS, places, providers, streets, users, type PlaceKind } from '../schema';
import { authorize, Forbidden, type Actor } from '../auth/permissions';
import { reindexCourse, reindexFair } from '../search/documents';
import {
  orgDeleteSchema,
  placeCreateSchema,
  placeUpdateSchema,
  providerCreateSchema,
  providerUpdateSchema,
  type PlaceInput,
} from '../validation/admin/org';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { Invalid, StateError } from './errors';
import { recordWriter, writer } from './write';
import { PLACE_FIELD_LABELS, PROVIDER_FIELD_LABELS, orgText } from '../../components/admin/orgs/strings';


const e = orgText.errors;
const d = orgText.delete;

/**
 * How the gate finds a provider or place. A missing or malformed id reads as 0, which no row has,
 * so it is refused as NotFound (as it always was) rather than as a form error.
 */
const idKey = z.object({ id: z.preprocess((x) => (typeof x === 'string' ? Number(x) : x), z.number().int().positive()) }).loose().catch({ id: 0 });
const byProviderId = { key: idKey, row: (db: DB, k: { id: number }) => db.select().from(providers).where(eq(providers.id, k.id)).get(), missing: orgText.errors.providerNotFound };
const byPlaceId = { key: idKey, row: (db: DB, k: { id: number }) => db.select().from(places).where(eq(places.id, k.id)).get(), missing: orgText.errors.placeNotFound };

/** The provider a raw place input names (null: none or unreadable — the schema reports that later). */
function rawProviderId(input: unknown): number | null {
  const x = (input as { providerId?: unknown } | null)?.providerId;
  const n = typeof x === 'string' ? (x.trim() === '' ? null : Number(x)) : x;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

const providerResource = (id: number | null) => ({ kind: 'provider' as const, providerId: id });
const placeResource = (providerId: number | null) => ({ kind: 'place' as const, providerId });

const providerWrite = recordWriter(byProviderId, (row) => providerResource(row.id));
const placeWrite = recordWriter(byPlaceId, (row) => placeResource(row.providerId));

// ---------------------------------------------------------------------------
// Providers: list and page data
// ---------------------------------------------------------------------------

export type ProviderRow = {
  id: number;
  name: string;
  shortName: string;
  phone: string;
  updatedAt: Date;
  courses: number;
  publishedCourses: number;
  places: number;
  users: number;
};

// Written out with the table name: drizzle leaves a column unqualified in a one-table query,
// and inside the subquery an unqualified "id" would be the subquery's own.
const providerCounts = {
  courses: sql<number>`(select count(*) from courses c where c.provider_id = "providers"."id")`,
  publishedCourses: sql<number>`(select count(*) from courses c where c.provider_id = "providers"."id" and c.publication = 'published')`,
  places: sql<number>`(select count(*) from places p where p.provider_id = "providers"."id")`,
  users: sql<number>`(select count(*) from users u where u.provider_id = "providers"."id")`,
};

/** Every provider with how much uses it. The caller has checked the actor may view providers. */
export function listProviders(db: DB): ProviderRow[] {
  return db
    .select({ id: providers.id, name: providers.name, shortName: providers.shortName, phone: providers.phone, updatedAt: providers.updatedAt, ...providerCounts })
    .from(providers)
    .orderBy(asc(providers.id))
    .all();
}

export function providerOptions(db: DB): { id: number; name: string }[] {
  return db.select({ id: providers.id, name: providers.name }).from(providers).orderBy(asc(providers.id)).all();
}

export function streetChoices(db: DB): { id: number; name: string }[] {
  return db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
}

export type ProviderPage = NonNullable<ReturnType<typeof loadProvider>>;

/** A provider with its usage counts and its places, for the edit page; null when there is none. */
export function loadProvider(db: DB, id: number) {
  const row = db
    .select({
      id: providers.id,
      name: providers.name,
      shortName: providers.shortName,
      intro: providers.intro,
      phone: providers.phone,
      address: providers.address,
      version: providers.version,
      updatedAt: providers.updatedAt,
      ...providerCounts,
    })
    .from(providers)
    .where(eq(providers.id, id))
    .get();
  if (!row) return null;
  const ownPlaces = db
    .select({ id: places.id, name: places.name, kind: places.kind, address: places.address, street: streets.name })
    .from(places)
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(eq(places.providerId, id))
    .orderBy(asc(places.kind), asc(places.name))
    .all();
  return { ...row, ownPlaces };
}

// ---------------------------------------------------------------------------
// Places: list and page data
// ---------------------------------------------------------------------------

export const PLACE_PAGE_SIZE = 20;

/** 'none' = no street (outside Fengtai) / no provider (a public place). */
export type PlaceSearch = {
  q: string;
  kind: PlaceKind | null;
  street: number | 'none' | null;
  provider: number | 'none' | null;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

function firstOf(p: Params, key: string): string {
  const x = p[key];
  return (Array.isArray(x) ? x[0] : x)?.trim() ?? '';
}

function idOrNone(raw: string): number | 'none' | null | undefined {
  if (raw === '') return null;
  if (raw === 'none') return 'none';
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : undefined;
}

/** Reads the places list's query string; unreadable parameters fall back and are named. */
export function parsePlaceSearch(p: Params): { values: PlaceSearch; invalid: string[] } {
  const invalid: string[] = [];
  const q = firstOf(p, 'q').slice(0, 50);
  const rawKind = firstOf(p, 'kind');
  let kind: PlaceKind | null = null;
  if (rawKind !== '') {
    if ((PLACE_KINDS as readonly string[]).includes(rawKind)) kind = rawKind as PlaceKind;
    else invalid.push('kind');
  }
  const street = idOrNone(firstOf(p, 'street'));
  if (street === undefined) invalid.push('street');
  const provider = idOrNone(firstOf(p, 'provider'));
  if (provider === undefined) invalid.push('provider');
  const rawPage = firstOf(p, 'page');
  let page = 1;
  if (rawPage !== '') {
    if (/^[1-9]\d{0,5}$/.test(rawPage)) page = Number(rawPage);
    else invalid.push('page');
  }
  return { values: { q, kind, street: street ?? null, provider: provider ?? null, page }, invalid };
}

export function placeQuery(v: PlaceSearch, page = v.page): string {
  const sp = new URLSearchParams();
  if (v.q) sp.set('q', v.q);
  if (v.kind) sp.set('kind', v.kind);
  if (v.street !== null) sp.set('street', String(v.street));
  if (v.provider !== null) sp.set('provider', String(v.provider));
  if (page > 1) sp.set('page', String(page));
  return sp.toString();
}

export type PlaceRow = {
  id: number;
  name: string;
  kind: PlaceKind;
  address: string;
  street: string | null;
  provider: string | null;
  runs: number;
  fairs: number;
};

const placeUsage = {
  runs: sql<number>`(select count(*) from course_runs r where r.theory_place_id = "places"."id" or r.practice_place_id = "places"."id")`,
  fairs: sql<number>`(select count(*) from fairs f where f.place_id = "places"."id")`,
};

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the places list. The caller has checked the actor may view places. */
export function listPlaces(db: DB, v: PlaceSearch) {
  const conds: SQL[] = [];
  if (v.kind) conds.push(eq(places.kind, v.kind));
  if (v.street === 'none') conds.push(sql`${places.streetId} is null`);
  else if (v.street !== null) conds.push(eq(places.streetId, v.street));
  if (v.provider === 'none') conds.push(sql`${places.providerId} is null`);
  else if (v.provider !== null) conds.push(eq(places.providerId, v.provider));
  for (const word of v.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    const pattern = `%${escapeLike(word)}%`;
    conds.push(or(sql`${places.name} like ${pattern} escape '\\'`, sql`${places.address} like ${pattern} escape '\\'`)!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const total = db.select({ n: count() }).from(places).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PLACE_PAGE_SIZE));
  const page = Math.min(v.page, pageCount);
  const rows: PlaceRow[] =
    total === 0
      ? []
      : db
          .select({
            id: places.id,
            name: places.name,
            kind: places.kind,
            address: places.address,
            street: streets.name,
            provider: providers.shortName,
            ...placeUsage,
          })
          .from(places)
          .leftJoin(streets, eq(streets.id, places.streetId))
          .leftJoin(providers, eq(providers.id, places.providerId))
          .where(where)
          .orderBy(asc(places.kind), asc(places.name), asc(places.id))
          .limit(PLACE_PAGE_SIZE)
          .offset((page - 1) * PLACE_PAGE_SIZE)
          .all();
  return { rows, total, page, pageCount };
}

/** A place with who uses it, for the edit page; null when there is none. */
export function loadPlace(db: DB, id: number) {
  const row = db
    .select({ place: places, provider: providers.name, street: streets.name, streetLat: streets.lat, streetLng: streets.lng })
    .from(places)
    .leftJoin(providers, eq(providers.id, places.providerId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(eq(places.id, id))
    .get();
  if (!row) return null;
  const runs = db
    .select({
      id: courseRuns.id,
      label: courseRuns.label,
      courseId: courses.id,
      course: courses.title,
      startDate: courseRuns.startDate,
      published: sql<boolean>`${courseRuns.publication} = 'published' and ${courses.publication} = 'published'`.mapWith(Boolean),
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(or(eq(courseRuns.theoryPlaceId, id), eq(courseRuns.practicePlaceId, id)))
    .orderBy(asc(courseRuns.startDate), asc(courseRuns.id))
    .all();
  const usedBy = db
    .select({ id: fairs.id, title: fairs.title, startsAt: fairs.startsAt, published: sql<boolean>`${fairs.publication} = 'published'`.mapWith(Boolean) })
    .from(fairs).where(eq(fairs.placeId, id)).orderBy(asc(fairs.startsAt)).all();
  const atStreetCentre = row.street !== null && row.place.lat === row.streetLat && row.place.lng === row.streetLng;
  return { ...row.place, providerName: row.provider, streetName: row.street, atStreetCentre, runs, fairs: usedBy };
}

// ---------------------------------------------------------------------------
// Provider writes
// ---------------------------------------------------------------------------

function nameTaken(db: DB, name: string, exceptId: number | null): boolean {
  const other = db.select({ id: providers.id }).from(providers).where(eq(providers.name, name)).get();
  return other !== undefined && other.id !== exceptId;
}

/** The audit row of a deleted provider or place: what it was, at its last version. */
function auditDelete(db: DB, who: { actor: Actor; ip: string | undefined }, entity: 'provider' | 'place', before: { id: number; version: number }, summary: string) {
  recordAudit(db, { ...who, action: 'delete', entity, entityId: before.id, entityVersion: before.version, summary, before: snapshot(before), after: null });
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs a write that may trip providers.name's UNIQUE index (a race past the check): a friendly refusal, never a 500. */
function withUniqueName<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Invalid({ name: e.nameTaken });
    throw err;
  }
}

function providerCourseIds(db: DB, providerId: number): number[] {
  return db.select({ id: courses.id }).from(courses).where(eq(courses.providerId, providerId)).all().map((c) => c.id);
}

export const createProvider = writer({
  name: 'orgs.provider.create',
  permission: 'create',
  on: () => providerResource(null),
  schema: providerCreateSchema,
  run: (db, { actor, ip, data }): { id: number; version: number } =>
    withUniqueName(() => {
      if (nameTaken(db, data.name, null)) throw new Invalid({ name: e.nameTaken });
      const row = db.insert(providers).values({ ...data, version: 1 }).returning().get();
      recordAudit(db, {
        actor,
        action: 'create',
        entity: 'provider',
        entityId: row.id,
        entityVersion: row.version,
        summary: `新建培训机构「${row.name}」`,
        before: null,
        after: snapshot(row),
        ip,
      });
      return { id: row.id, version: row.version };
    }),
});

export const updateProvider = providerWrite('orgs.provider.update', 'edit', providerUpdateSchema, (db, { actor, ip, data, row: before }): { version: number; reindexed: number } =>
  withUniqueName(() => {
    const id = before.id;
    expectVersion(db, 'provider', id, before.version, data.version, PROVIDER_FIELD_LABELS);
    const renamed = data.name !== before.name || data.shortName !== before.shortName;
    if (renamed) {
      try {
        authorize(actor, 'rename', providerResource(before.id));
      } catch {
        throw new Forbidden(e.renameForbidden);
      }
      if (data.name !== before.name && nameTaken(db, data.name, id)) throw new Invalid({ name: e.nameTaken });
    }
    const after = db
      .update(providers)
      .set({ name: data.name, shortName: data.shortName, intro: data.intro, phone: data.phone, address: data.address, version: before.version + 1, updatedAt: new Date() })
      .where(eq(providers.id, id))
      .returning()
      .get();
    recordAudit(db, {
      actor,
      action: 'update',
      entity: 'provider',
      entityId: id,
      entityVersion: after.version,
      summary: renamed && before.name !== after.name ? `修改培训机构「${before.name}」（改名为「${after.name}」）` : `修改培训机构「${after.name}」`,
      before: snapshot(before),
      after: snapshot(after),
      ip,
    });
    // Search documents quote the provider's name and short name.
    const courseIds = renamed ? providerCourseIds(db, id) : [];
    for (const c of courseIds) reindexCourse(db, c);
    return { version: after.version, reindexed: courseIds.length };
  }),
);

export const deleteProvider = providerWrite('orgs.provider.delete', 'delete', orgDeleteSchema, (db, { actor, ip, data, row: before }): { id: number } => {
  const id = before.id;
  expectVersion(db, 'provider', id, before.version, data.version, PROVIDER_FIELD_LABELS);
  const n = {
    courses: db.select({ n: count() }).from(courses).where(eq(courses.providerId, id)).get()?.n ?? 0,
    places: db.select({ n: count() }).from(places).where(eq(places.providerId, id)).get()?.n ?? 0,
    users: db.select({ n: count() }).from(users).where(eq(users.providerId, id)).get()?.n ?? 0,
  };
  const parts = [n.courses ? d.courses(n.courses) : '', n.places ? d.places(n.places) : '', n.users ? d.users(n.users) : ''].filter(Boolean);
  if (parts.length) throw new StateError(d.providerInUse(before.name, parts));
  db.delete(providers).where(eq(providers.id, id)).run();
  auditDelete(db, { actor, ip }, 'provider', before, `删除培训机构「${before.name}」`);
  return { id };
});

// ---------------------------------------------------------------------------
// Place writes
// ---------------------------------------------------------------------------

/** The provider and street an input names exist, or Invalid naming the field. */
function placeReferences(db: DB, data: PlaceInput): { streetName: string | null; streetCentre: { lat: number; lng: number } | null } {
  const problems: Record<string, string> = {};
  if (data.providerId !== null && !db.select({ id: providers.id }).from(providers).where(eq(providers.id, data.providerId)).get()) problems.providerId = e.providerMissing;
  const street = data.streetId === null ? null : db.select().from(streets).where(eq(streets.id, data.streetId)).get();
  if (data.streetId !== null && !street) problems.streetId = e.streetMissing;
  if (Object.keys(problems).length) throw new Invalid(problems);
  return { streetName: street?.name ?? null, streetCentre: street ? { lat: street.lat, lng: street.lng } : null };
}

/** The columns to write; coordinates left empty take the street's centre (the schema made sure there is a street). */
function placeColumns(data: PlaceInput, refs: ReturnType<typeof placeReferences>) {
  const useCentre = data.lat === null || data.lng === null;
  const at = useCentre ? refs.streetCentre : { lat: data.lat!, lng: data.lng! };
  if (!at) throw new Invalid({ lat: orgText.validation.coordsNeeded });
  return {
    columns: {
      name: data.name,
      kind: data.kind,
      providerId: data.providerId,
      streetId: data.streetId,
      address: data.address,
      lat: at.lat,
      lng: at.lng,
      note: data.note === '' ? null : data.note,
    },
    centreMessage: useCentre && refs.streetName ? orgText.placeForm.centreUsed(refs.streetName) : null,
  };
}

/** Courses whose runs meet at the place, and fairs held there: their search documents quote it. */
function reindexPlaceUsers(db: DB, placeId: number): number {
  const courseIds = db
    .selectDistinct({ id: courseRuns.courseId })
    .from(courseRuns)
    .where(or(eq(courseRuns.theoryPlaceId, placeId), eq(courseRuns.practicePlaceId, placeId)))
    .all()
    .map((r) => r.id);
  const fairIds = db.select({ id: fairs.id }).from(fairs).where(eq(fairs.placeId, placeId)).all().map((f) => f.id);
  for (const c of courseIds) reindexCourse(db, c);
  for (const f of fairIds) reindexFair(db, f);
  return courseIds.length + fairIds.length;
}

const KIND_WORD: Record<PlaceKind, string> = { classroom: '教室', practice_base: '实训基地', venue: '招聘会场地', landmark: '地标' };

export const createPlace = writer({
  name: 'orgs.place.create',
  permission: 'create',
  // Ownership first: a 培训机构 account may only add places of its own.
  on: (_row, input) => placeResource(rawProviderId(input)),
  schema: placeCreateSchema,
  authorize: (actor, data) => authorize(actor, 'create', placeResource(data.providerId)),
  run: (db, { actor, ip, data }): { id: number; version: number; message: string } => {
    const refs = placeReferences(db, data);
    const { columns, centreMessage } = placeColumns(data, refs);
    const row = db.insert(places).values({ ...columns, version: 1 }).returning().get();
    recordAudit(db, {
      actor,
      action: 'create',
      entity: 'place',
      entityId: row.id,
      entityVersion: row.version,
      summary: `新建${KIND_WORD[row.kind]}「${row.name}」`,
      before: null,
      after: snapshot(row),
      ip,
    });
    return { id: row.id, version: row.version, message: [orgText.placeForm.created, centreMessage].filter(Boolean).join('') };
  },
});

// Handing a place to another provider needs the right over that provider's places too.
export const updatePlace = placeWrite('orgs.place.update', 'edit', placeUpdateSchema, (db, { actor, ip, data, row: before }): { version: number; message: string; reindexed: number } => {
  const id = before.id;
  expectVersion(db, 'place', id, before.version, data.version, PLACE_FIELD_LABELS);
  const refs = placeReferences(db, data);
  const { columns, centreMessage } = placeColumns(data, refs);
  const after = db
    .update(places)
    .set({ ...columns, version: before.version + 1 })
    .where(eq(places.id, id))
    .returning()
    .get();
  recordAudit(db, {
    actor,
    action: 'update',
    entity: 'place',
    entityId: id,
    entityVersion: after.version,
    summary: `修改${KIND_WORD[after.kind]}「${after.name}」`,
    before: snapshot(before),
    after: snapshot(after),
    ip,
  });
  const quoted = before.name !== after.name || before.address !== after.address;
  const reindexed = quoted ? reindexPlaceUsers(db, id) : 0;
  return { version: after.version, reindexed, message: [orgText.placeForm.saved, centreMessage].filter(Boolean).join('') };
}, { authorize: (actor, data) => authorize(actor, 'edit', placeResource(data.providerId)) });

export const deletePlace = placeWrite('orgs.place.delete', 'delete', orgDeleteSchema, (db, { actor, ip, data, row: before }): { id: number } => {
  const id = before.id;
  expectVersion(db, 'place', id, before.version, data.version, PLACE_FIELD_LABELS);
  const runs = db
    .select({ n: count() })
    .from(courseRuns)
    .where(or(eq(courseRuns.theoryPlaceId, id), eq(courseRuns.practicePlaceId, id)))
    .get()?.n ?? 0;
  const fairCount = db.select({ n: count() }).from(fairs).where(eq(fairs.placeId, id)).get()?.n ?? 0;
  const parts = [runs ? d.runs(runs) : '', fairCount ? d.fairs(fairCount) : ''].filter(Boolean);
  if (parts.length) throw new StateError(d.placeInUse(before.name, parts));
  db.delete(places).where(eq(places.id, id)).run();
  auditDelete(db, { actor, ip }, 'place', before, `删除${KIND_WORD[before.kind]}「${before.name}」`);
  return { id };
});
