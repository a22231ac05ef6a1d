/**
 * Optimistic locking. Every editable row has a version; a save names the version it started
 * from. If the row has moved on, nothing is written and the editor is told who changed which
 * fields since (read from the audit log, which records the version after each change).
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { DB } from '../client';
import { auditLog, type AuditEntity } from '../schema';
import { formatInstant } from '../domain/time';
import { changedFields } from './audit';
import { Conflict } from './errors';

export function expectVersion(
  db: DB,
  entity: AuditEntity,
  id: number,
  currentVersion: number,
  expectedVersion: number,
  fieldLabels: Record<string, string> = {},
): void {
  if (currentVersion === expectedVersion) return;
  const rows = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id), gt(auditLog.entityVersion, expectedVersion)))
    .orderBy(asc(auditLog.at))
    .all();
  const changes = rows.map((r) => ({
    by: r.actor,
    at: formatInstant(r.at),
    fields: [...new Set(changedFields(r.before, r.after).map((f) => fieldLabels[f] ?? f))].length
      ? [...new Set(changedFields(r.before, r.after).map((f) => fieldLabels[f] ?? f))]
      : [r.summary],
  }));
  throw new Conflict({ changes, currentVersion });
}
