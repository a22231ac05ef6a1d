/**
 * Writes on places (教室, 实训基地, 招聘会场地, 地标): create, update, delete — each through the one
 * gate (db/admin/write.ts), in one transaction with its audit row. A 培训机构 account adds and
 * edits only places of its own (asked before the input is read, and again of the provider the
 * input names). Search documents quote a place's name and address: the courses whose runs meet
 * there and the fairs held there are rewritten when those change. Refusals are codes (./refusals.ts);
 * a save says which street's centre it used when no coordinates were given (`centreStreet`).
 */
import 'server-only';
import { count, eq, or } from 'drizzle-orm';
import type { DB } from '../../client';
import { courseRuns, fairs, places, providers, streets, type PlaceKind } from '../../schema';
import { authorize } from '../../auth/permissions';
import { reindexCourse, reindexFair } from '../../search/documents';
import { orgDeleteSchema, placeCreateSchema, placeUpdateSchema, type OrgProblem, type PlaceInput } from '../../validation/admin/org';
import { recordAudit, snapshot } from '../audit';
import { expectVersion } from '../conflict';
import { Invalid, StateError } from '../errors';
import { writer } from '../write';
import { auditDelete, placeResource, placeWrite, rawProviderId } from './records';
import { inUseCode, type OrgRefusal } from './refusals';

/** The provider and street an input names exist, or Invalid naming the field. */
function placeReferences(db: DB, data: PlaceInput): { streetName: string | null; streetCentre: { lat: number; lng: number } | null } {
  const problems: Record<string, OrgRefusal> = {};
  if (data.providerId !== null && !db.select({ id: providers.id }).from(providers).where(eq(providers.id, data.providerId)).get()) problems.providerId = 'providerMissing';
  const street = data.streetId === null ? null : db.select().from(streets).where(eq(streets.id, data.streetId)).get();
  if (data.streetId !== null && !street) problems.streetId = 'streetMissing';
  if (Object.keys(problems).length) throw new Invalid(problems);
  return { streetName: street?.name ?? null, streetCentre: street ? { lat: street.lat, lng: street.lng } : null };
}

/** The columns to write; coordinates left empty take the street's centre (the schema made sure there is a street). */
function placeColumns(data: PlaceInput, refs: ReturnType<typeof placeReferences>) {
  const useCentre = data.lat === null || data.lng === null;
  const at = useCentre ? refs.streetCentre : { lat: data.lat!, lng: data.lng! };
  if (!at) throw new Invalid({ lat: 'coordsNeeded' satisfies OrgProblem });
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
    centreStreet: useCentre ? refs.streetName : null,
  };
}

/** A place's editable fields as its form parses them, from a row or an audit snapshot (a stored note may be null). */
function placeFieldsOf(s: Record<string, unknown>): Record<string, unknown> {
  const keys = ['name', 'kind', 'providerId', 'streetId', 'address', 'lat', 'lng'].filter((k) => k in s);
  return { ...Object.fromEntries(keys.map((k) => [k, s[k]])), ...('note' in s ? { note: s.note ?? '' } : {}) };
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

// The audit log's summaries are stored text, written once when the change is made.
const KIND_WORD: Record<PlaceKind, string> = { classroom: '教室', practice_base: '实训基地', venue: '招聘会场地', landmark: '地标' };

export const createPlace = writer({
  name: 'orgs.place.create',
  permission: 'create',
  // Ownership first: a 培训机构 account may only add places of its own.
  on: (_row, input) => placeResource(rawProviderId(input)),
  schema: placeCreateSchema,
  authorize: (actor, data) => authorize(actor, 'create', placeResource(data.providerId)),
  run: (db, { actor, ip, data }): { id: number; version: number; centreStreet: string | null } => {
    const { columns, centreStreet } = placeColumns(data, placeReferences(db, data));
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
    return { id: row.id, version: row.version, centreStreet };
  },
});

// Handing a place to another provider needs the right over that provider's places too.
export const updatePlace = placeWrite(
  'orgs.place.update',
  'edit',
  placeUpdateSchema,
  (db, { actor, ip, data: sent, row: before, reconcile }): { version: number; centreStreet: string | null; reindexed: number } => {
    const id = before.id;
    // From an older version: merged with the changes made since, field by field, or a conflict.
    const data = reconcile({ entity: 'place', id, currentVersion: before.version, current: before, fields: placeFieldsOf }, sent);
    const { columns, centreStreet } = placeColumns(data, placeReferences(db, data));
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
    return { version: after.version, reindexed, centreStreet };
  },
  { authorize: (actor, data) => authorize(actor, 'edit', placeResource(data.providerId)) },
);

export const deletePlace = placeWrite('orgs.place.delete', 'delete', orgDeleteSchema, (db, { actor, ip, data, row: before }): { id: number } => {
  const id = before.id;
  expectVersion(db, 'place', id, before.version, data.version);
  const runs = db.select({ n: count() }).from(courseRuns).where(or(eq(courseRuns.theoryPlaceId, id), eq(courseRuns.practicePlaceId, id))).get()?.n ?? 0;
  const held = db.select({ n: count() }).from(fairs).where(eq(fairs.placeId, id)).get()?.n ?? 0;
  if (runs || held) throw new StateError(inUseCode({ entity: 'place', name: before.name, runs, fairs: held }));
  db.delete(places).where(eq(places.id, id)).run();
  auditDelete(db, { actor, ip }, 'place', before, `删除${KIND_WORD[before.kind]}「${before.name}」`);
  return { id };
});
