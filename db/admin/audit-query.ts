/**
 * Reading the audit log (管理员 and 编辑): newest first, paged, filtered by entity, action,
 * actor, Beijing date range and entity id. Each row comes with the fields that changed,
 * before → after, so the page can show the difference without the raw JSON.
 */
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '../client';
import { AUDIT_ENTITIES, auditLog, type AuditEntity } from '../schema';
import { authorize, type Actor } from '../auth/permissions';
import { addDays, formatInstant, isDateString } from '../domain/time';
import { TZDate } from '@date-fns/tz';
import { changedFields } from './audit';

export const AUDIT_PAGE_SIZE = 30;

/** Filters as they arrive in the URL; anything malformed falls back to "no filter" with a note. */
export type AuditFilters = {
  entity: AuditEntity | null;
  action: string | null;
  actor: string | null;
  from: string | null;
  to: string | null;
  entityId: number | null;
  page: number;
};

const optionalString = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .catch(null);

const filterSchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).nullable().catch(null),
  action: optionalString(40),
  actor: optionalString(100),
  from: z.string().trim().refine(isDateString).nullable().catch(null),
  to: z.string().trim().refine(isDateString).nullable().catch(null),
  entityId: z.coerce.number().int().positive().max(99_999_999).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Reads the filters from search params. `ignored` names the ones that were given but could not
 * be understood, so the page can say so instead of failing.
 */
export function parseAuditFilters(sp: Record<string, string | string[] | undefined>): { filters: AuditFilters; ignored: string[] } {
  const raw = {
    entity: first(sp.entity) || null,
    action: first(sp.action) ?? null,
    actor: first(sp.actor) ?? null,
    from: first(sp.from) || null,
    to: first(sp.to) || null,
    entityId: first(sp.id) || null,
    page: first(sp.page) ?? 1,
  };
  const filters = filterSchema.parse(raw) as AuditFilters;
  const ignored: string[] = [];
  if (raw.entity && !filters.entity) ignored.push('entity');
  if (raw.from && !filters.from) ignored.push('from');
  if (raw.to && !filters.to) ignored.push('to');
  if (raw.entityId && !filters.entityId) ignored.push('id');
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push('to');
    filters.to = null;
  }
  return { filters, ignored };
}

/** Beijing midnight at the start of `day`, as an instant. */
function beijingMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(new TZDate(y!, m! - 1, d!, 0, 0, 0, 'Asia/Shanghai').getTime());
}

function whereOf(f: AuditFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (f.entity) parts.push(eq(auditLog.entity, f.entity));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.actor) parts.push(eq(auditLog.actor, f.actor));
  if (f.entityId) parts.push(eq(auditLog.entityId, f.entityId));
  if (f.from) parts.push(gte(auditLog.at, beijingMidnight(f.from)));
  if (f.to) parts.push(lt(auditLog.at, beijingMidnight(addDays(f.to, 1))));
  return parts.length ? and(...parts) : undefined;
}

export type AuditChange = { field: string; before: unknown; after: unknown };

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: AuditEntity;
  entityId: number | null;
  entityVersion: number | null;
  summary: string;
  ip: string | null;
  /** Fields that differ between before and after (bookkeeping columns left out). */
  changes: AuditChange[];
  /** A created or deleted record: its whole snapshot, to read what it was. */
  kind: 'change' | 'created' | 'deleted' | 'event';
};

export type AuditPage = {
  entries: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  /** Distinct actions and actors, for the filter lists. */
  actions: string[];
  actors: string[];
};

export async function queryAudit(db: DB, actor: Actor, f: AuditFilters): Promise<AuditPage> {
  authorize(actor, 'view', { kind: 'audit' });
  const where = whereOf(f);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const entries = rows.map((r): AuditEntry => {
    const before = r.before ?? null;
    const after = r.after ?? null;
    const kind = !before && !after ? 'event' : !before ? 'created' : !after ? 'deleted' : 'change';
    const whole = before ?? after;
    const fields =
      kind === 'change' ? changedFields(before, after) : whole ? Object.keys(whole).filter((k) => !['createdAt', 'updatedAt'].includes(k)) : [];
    return {
      id: r.id,
      at: formatInstant(r.at),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      entityVersion: r.entityVersion,
      summary: r.summary,
      ip: r.ip,
      changes: fields.map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null })),
      kind,
    };
  });
  const actions = db.selectDistinct({ a: auditLog.action }).from(auditLog).orderBy(auditLog.action).all().map((r) => r.a);
  const actors = db.selectDistinct({ a: auditLog.actor }).from(auditLog).orderBy(auditLog.actor).limit(500).all().map((r) => r.a);
  return { entries, total, page, pages, actions, actors };
}
