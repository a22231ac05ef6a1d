/**
 * The service catalogue (医保经办事项) in the admin console: what to bring and whether a phone
 * will do, per service. The write is gated (./write.ts): the permission ({ kind: 'service' }:
 * 管理员 and 编辑) before the input is read; then the version the admin started from, and the
 * change with its audit row in one transaction. The station lists reload the catalogue through
 * the change log (migration 0007), the page cache through the content stamp (0006).
 */
import { asc, eq } from 'drizzle-orm';
import type { DB } from '../client';
import { services, stationServices, type Service } from '../schema';
import { serviceUpdateSchema, type ServiceProblem } from '../validation/admin/service';
import { recordAudit, snapshot } from './audit';
import { NotFound } from './errors';
import { unownedWriter } from './write';

const RESOURCE = { kind: 'service' } as const;

/** One catalogue entry as the admin list shows it. */
export type AdminServiceItem = Pick<Service, 'id' | 'name' | 'category' | 'online' | 'onlineNote' | 'materials' | 'version'> & {
  /** How many stations offer it. */
  stations: number;
};

/** The catalogue in order, with how many stations offer each. The caller has checked the actor may view it. */
export async function listServicesForAdmin(db: DB): Promise<AdminServiceItem[]> {
  const offered = new Map<number, number>();
  for (const r of db.select({ serviceId: stationServices.serviceId }).from(stationServices).all()) offered.set(r.serviceId, (offered.get(r.serviceId) ?? 0) + 1);
  return db
    .select({
      id: services.id,
      name: services.name,
      category: services.category,
      online: services.online,
      onlineNote: services.onlineNote,
      materials: services.materials,
      version: services.version,
    })
    .from(services)
    .orderBy(asc(services.sort), asc(services.id))
    .all()
    .map((s) => ({ ...s, stations: offered.get(s.id) ?? 0 }));
}

/** One service for its edit page, or null. The caller has checked the actor may view the catalogue. */
export async function loadServiceForAdmin(db: DB, id: number): Promise<Service | null> {
  return db.select().from(services).where(eq(services.id, id)).get() ?? null;
}

/** Saves a service's materials and its 手机可办 (with the note); 管理员 and 编辑. */
export const updateService = unownedWriter(RESOURCE)('service.update', 'edit', serviceUpdateSchema, (db, ctx, sent): { version: number } => {
  const before = db.select().from(services).where(eq(services.id, sent.id)).get();
  if (!before) throw new NotFound('serviceMissing' satisfies ServiceProblem);
  // From an older version: merged with the changes made since, field by field, or a conflict.
  const data = ctx.reconcile({ entity: 'service', id: before.id, currentVersion: before.version, current: before }, sent);
  const after = db
    .update(services)
    .set({ materials: data.materials, online: data.online, onlineNote: data.onlineNote, version: before.version + 1 })
    .where(eq(services.id, before.id))
    .returning()
    .get();
  recordAudit(db, {
    actor: ctx.actor,
    action: 'update',
    entity: 'service',
    entityId: after.id,
    entityVersion: after.version,
    summary: `修改事项「${after.name}」的办理材料和手机办理`,
    before: snapshot(before),
    after: snapshot(after),
    ip: ctx.ip,
  });
  return { version: after.version };
});
