/**
 * Audit rows as the log page reads them: the fields that changed (a nested part such as a fair's
 * employer opened one level), the person by display name, the record's name and address, and an
 * hours change's effective date. Codes stay codes here; components/admin/audit words them.
 */
import type { DB } from '../client';
import type { AuditEntity, AuditRow } from '../schema';
import { formatInstant, isDateString } from '../domain/time';
import { authorNames, changedFields } from './audit';
import { auditRecordsOf, recordKey, serviceNamesOf, type AuditRecord } from './audit-records';

export type AuditChange = { field: string; before: unknown; after: unknown };

export type AuditEntry = {
  id: number;
  at: string;
  /** The login name at the time (what was typed, for a failed sign-in). */
  actor: string;
  /** The account's display name now; null when no account stands behind the row. */
  actorName: string | null;
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
  /** The record's name and address: as it is now, or as its last snapshot had it once deleted. */
  record: (AuditRecord & { gone: boolean }) | null;
  /** An hours change that takes effect from a date (YYYY-MM-DD), when the writer says so. */
  effectiveFrom: string | null;
};

type Snap = Record<string, unknown> | null;
const BOOKKEEPING = new Set(['createdAt', 'updatedAt']);
/** Shown apart from the table ("自 … 起生效"), not as a changed field. */
const EFFECTIVE_FROM = 'effectiveFrom';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A nested part (a fair's employer, a position) opened one level: 'employer.name'. */
function expand(field: string, before: unknown, after: unknown, onlyChanged: boolean): AuditChange[] {
  if (!isPlainObject(before) && !isPlainObject(after)) return [{ field, before, after }];
  const b = isPlainObject(before) ? before : null;
  const a = isPlainObject(after) ? after : null;
  const keys = onlyChanged ? changedFields(b, a) : Object.keys(b ?? a ?? {}).filter((k) => !BOOKKEEPING.has(k));
  return keys.map((k) => ({ field: `${field}.${k}`, before: b?.[k] ?? null, after: a?.[k] ?? null }));
}

function changesOf(kind: AuditEntry['kind'], before: Snap, after: Snap): AuditChange[] {
  const whole = before ?? after;
  const fields = kind === 'change' ? changedFields(before, after) : whole ? Object.keys(whole).filter((k) => !BOOKKEEPING.has(k)) : [];
  return fields.filter((f) => f !== EFFECTIVE_FROM).flatMap((f) => expand(f, before?.[f] ?? null, after?.[f] ?? null, kind === 'change'));
}

function effectiveFromOf(before: Snap, after: Snap): string | null {
  const v = after?.[EFFECTIVE_FROM] ?? before?.[EFFECTIVE_FROM];
  return typeof v === 'string' && isDateString(v) ? v : null;
}

/** What a deleted record's last snapshot says it was called and where it was. */
function recordFromSnapshot(snap: Snap): AuditRecord | null {
  if (!snap) return null;
  const name = snap.name ?? snap.title ?? snap.displayName ?? snap.label;
  if (typeof name !== 'string' || name === '') return null;
  return { name, address: typeof snap.address === 'string' ? snap.address : null };
}

/** Entries for a page of rows; one query per kind of record, one for the people. */
export async function auditEntriesOf(db: DB, rows: readonly AuditRow[]): Promise<{ entries: AuditEntry[]; serviceNames: Record<number, string> }> {
  const records = await auditRecordsOf(db, rows);
  const names = authorNames(db, rows);
  const entries = rows.map((r): AuditEntry => {
    const before = r.before ?? null;
    const after = r.after ?? null;
    const kind = !before && !after ? 'event' : !before ? 'created' : !after ? 'deleted' : 'change';
    const current = r.entityId !== null ? records.get(recordKey(r.entity, r.entityId)) : undefined;
    const old = current ? null : recordFromSnapshot(before ?? after);
    // A failed sign-in names the account it tried, not a person who acted.
    const signInTry = r.action === 'signin.failed' || r.action === 'signin.throttled';
    return {
      id: r.id,
      at: formatInstant(r.at),
      actor: r.actor,
      actorName: r.userId !== null && !signInTry ? (names.get(r.userId) ?? null) : null,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      entityVersion: r.entityVersion,
      summary: r.summary,
      ip: r.ip,
      changes: changesOf(kind, before, after),
      kind,
      record: current ? { ...current, gone: false } : old ? { ...old, gone: true } : null,
      effectiveFrom: effectiveFromOf(before, after),
    };
  });
  const serviceNames = entries.some((e) => e.changes.some((c) => c.field === 'services')) ? await serviceNamesOf(db) : {};
  return { entries, serviceNames };
}
