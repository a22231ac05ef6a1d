/**
 * The audit log: every create, update, lifecycle move, delete and sign-in, written inside the
 * same transaction as the change so the log can never disagree with the data.
 */
import type { DB } from '../client';
import { inArray } from 'drizzle-orm';
import { auditLog, users, type AuditEntity } from '../schema';
import type { Actor } from '../auth/permissions';
import type { AuditAction } from './audit-actions';

export type AuditInput = {
  actor: Pick<Actor, 'id' | 'username'> | null;
  /** Who, when there is no actor (a failed sign-in): what was typed. */
  actorName?: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: number | null;
  entityVersion?: number | null;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
  at?: number;
};

/** Any drizzle handle: the connection or a transaction. */
type Writer = Pick<DB, 'insert'>;

/** Values JSON can hold as they are; Dates become ISO strings. */
export function snapshot<T extends object>(row: T | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'passwordHash') continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

export function recordAudit(db: Writer, e: AuditInput): void {
  db.insert(auditLog)
    .values({
      at: new Date(e.at ?? Date.now()),
      userId: e.actor?.id ?? null,
      actor: e.actor?.username ?? e.actorName ?? '（未知）',
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      entityVersion: e.entityVersion ?? null,
      summary: e.summary,
      before: e.before ?? null,
      after: e.after ?? null,
      ip: e.ip ?? null,
    })
    .run();
}

/** Field names whose values differ between two snapshots (ignoring bookkeeping columns). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const skip = new Set(['version', 'updatedAt', 'createdAt']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !skip.has(k) && JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null));
}

/**
 * The display names of the people who wrote these audit rows, by account id, in one query
 * (people are named as colleagues know them, 演示编辑, not by login name). A row without an
 * account, or whose account is gone, has none: callers fall back to the row's login name.
 */
export function authorNames(db: DB, rows: readonly { userId: number | null }[]): Map<number, string> {
  const ids = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)).all().map((u) => [u.id, u.name]));
}
