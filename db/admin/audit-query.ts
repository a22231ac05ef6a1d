/**
 * Reading the audit log (管理员 and 编辑): newest first, paged, filtered by entity, action,
 * actor, Beijing date range and entity id. Each row comes with the fields that changed,
 * before → after, so the page can show the difference without the raw JSON, the person's
 * display name, and the record's name and address.
 *
 * Two views: changes to records (the default), and sign-in events (entity 'session', the
 * 登录记录 view) — so names typed at the sign-in form never mix with the people who made changes.
 */
import { and, asc, count, desc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '../client';
import { AUDIT_ENTITIES, auditLog, users, type AuditEntity } from '../schema';
import { authorize, type Actor } from '../auth/permissions';
import { addDays, formatInstant, isDateString } from '../domain/time';
import { TZDate } from '@date-fns/tz';
import { CHANGE_ACTIONS, SESSION_ACTIONS, type AuditAction } from './audit-actions';
import { auditEntriesOf, type AuditEntry } from './audit-entries';
import { auditRecordsOf, recordKey, type AuditRecord } from './audit-records';
export type { AuditChange, AuditEntry } from './audit-entries';

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

/** The sign-in events view (登录记录) or the changes view. */
export const isSignInView = (f: Pick<AuditFilters, 'entity'>) => f.entity === 'session';

/** The account a name filter means, if it names one (a renamed account keeps its rows by id). */
function accountNamed(db: DB, name: string): number | null {
  return db.select({ id: users.id }).from(users).where(eq(users.username, name)).get()?.id ?? null;
}

function whereOf(db: DB, f: AuditFilters): SQL | undefined {
  const parts: SQL[] = [];
  parts.push(f.entity ? eq(auditLog.entity, f.entity) : ne(auditLog.entity, 'session'));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.actor) {
    const id = accountNamed(db, f.actor);
    parts.push(id !== null ? eq(auditLog.userId, id) : eq(auditLog.actor, f.actor));
  }
  if (f.entityId) parts.push(eq(auditLog.entityId, f.entityId));
  if (f.from) parts.push(gte(auditLog.at, beijingMidnight(f.from)));
  if (f.to) parts.push(lt(auditLog.at, beijingMidnight(addDays(f.to, 1))));
  return and(...parts);
}

export type AuditAccount = { username: string; displayName: string };

export type AuditPage = {
  entries: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  /** The action codes this view can filter by. */
  actions: readonly AuditAction[];
  /** Real accounts, for the 操作人 list of the changes view (never names typed at sign-in). */
  accounts: AuditAccount[];
  /** Service catalogue names, when an entry on the page changes a station's services. */
  serviceNames: Record<number, string>;
  /** The record the log is narrowed to (entity and id given), when it still exists. */
  subject: AuditRecord | null;
};

/** A page of the audit log, newest first (管理员 and 编辑). */
export async function queryAudit(db: DB, actor: Actor, f: AuditFilters): Promise<AuditPage> {
  authorize(actor, 'view', { kind: 'audit' });
  const where = whereOf(db, f);
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
  const { entries, serviceNames } = await auditEntriesOf(db, rows);
  const signIns = isSignInView(f);
  const accounts = signIns
    ? []
    : db.select({ username: users.username, displayName: users.displayName }).from(users).orderBy(asc(users.displayName), asc(users.username)).all();
  const subject = f.entity && f.entityId && !signIns ? ((await auditRecordsOf(db, [{ entity: f.entity, entityId: f.entityId }])).get(recordKey(f.entity, f.entityId)) ?? null) : null;
  return { entries, total, page, pages, actions: signIns ? SESSION_ACTIONS : CHANGE_ACTIONS, accounts, serviceNames, subject };
}
