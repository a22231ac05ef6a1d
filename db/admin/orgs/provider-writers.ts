/**
 * Writes on training providers (培训机构): create, update, delete — each through the one gate
 * (db/admin/write.ts), in one transaction with its audit row (before and after, and the version
 * after the change). A 培训机构 account edits its own details but not its name ('rename' is the
 * bureau's). Search documents quote a provider's name and short name: a rename rewrites its
 * courses' documents. Refusals are codes (./refusals.ts).
 */
import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { courses, places, providers, users } from '../../schema';
import { authorize, Forbidden } from '../../auth/permissions';
import { reindexCourse } from '../../search/documents';
import { orgDeleteSchema, providerCreateSchema, providerUpdateSchema } from '../../validation/admin/org';
import { recordAudit, snapshot } from '../audit';
import { expectVersion } from '../conflict';
import { Invalid, StateError } from '../errors';
import { writer } from '../write';
import { auditDelete, providerResource, providerWrite } from './records';
import { inUseCode, type OrgRefusal } from './refusals';

const nameTaken: OrgRefusal = 'nameTaken';

function isNameTaken(db: DB, name: string, exceptId: number | null): boolean {
  const other = db.select({ id: providers.id }).from(providers).where(eq(providers.name, name)).get();
  return other !== undefined && other.id !== exceptId;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs a write that may trip providers.name's UNIQUE index (a race past the check): a friendly refusal, never a 500. */
function withUniqueName<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Invalid({ name: nameTaken });
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
      if (isNameTaken(db, data.name, null)) throw new Invalid({ name: nameTaken });
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

export const updateProvider = providerWrite('orgs.provider.update', 'edit', providerUpdateSchema, (db, { actor, ip, data: sent, row: before, reconcile }): { version: number; reindexed: number } =>
  withUniqueName(() => {
    const id = before.id;
    // From an older version: merged with the changes made since, field by field, or a conflict
    // (which names the changed fields by key; the form's words label them).
    const data = reconcile({ entity: 'provider', id, currentVersion: before.version, current: before }, sent);
    const renamed = data.name !== before.name || data.shortName !== before.shortName;
    if (renamed) {
      try {
        authorize(actor, 'rename', providerResource(before.id));
      } catch {
        throw new Forbidden('renameForbidden' satisfies OrgRefusal);
      }
      if (data.name !== before.name && isNameTaken(db, data.name, id)) throw new Invalid({ name: nameTaken });
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
  expectVersion(db, 'provider', id, before.version, data.version);
  const n = {
    courses: db.select({ n: count() }).from(courses).where(eq(courses.providerId, id)).get()?.n ?? 0,
    places: db.select({ n: count() }).from(places).where(eq(places.providerId, id)).get()?.n ?? 0,
    users: db.select({ n: count() }).from(users).where(eq(users.providerId, id)).get()?.n ?? 0,
  };
  if (n.courses || n.places || n.users) throw new StateError(inUseCode({ entity: 'provider', name: before.name, ...n }));
  db.delete(providers).where(eq(providers.id, id)).run();
  auditDelete(db, { actor, ip }, 'provider', before, `删除培训机构「${before.name}」`);
  return { id };
});
