/**
 * Optimistic locking. Every editable row has a version; a save names the version it started
 * from. If the row has moved on, the save is compared field by field with the version the
 * editor started from (reconcileSave): edits to different fields merge, and only fields both
 * people changed to different values are refused, with each side's value. Who changed what,
 * and the version the editor started from, are read from the audit log, which records each
 * change with the version after it, inside the same transaction as the change.
 *
 * Why the audit log and not a hidden field of original values: the server already holds what
 * the record was at every version, for every client (form, script, spreadsheet), and nothing a
 * browser sends can make the server believe a field was left alone when it was not. A version
 * the log cannot rebuild is refused as before (nothing is written), never guessed.
 */
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { DB } from '../client';
import { auditLog, type AuditEntity } from '../schema';
import { formatInstant } from '../domain/time';
import { authorNames, changedFields } from './audit';
import { Conflict } from './errors';
import { mergeFields, type FieldValues } from './merge';
import type { ConflictInfo, MergeNotice } from './result';

type Change = ConflictInfo['changes'][number];

/** The audit rows of the record after `version`, oldest first, each with its author's display name (the login name if the account is gone). */
function rowsSince(db: DB, entity: AuditEntity, id: number, version: number) {
  const rows = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id), gt(auditLog.entityVersion, version)))
    .orderBy(asc(auditLog.at))
    .all();
  const names = authorNames(db, rows);
  return rows.map((r) => ({ ...r, by: (r.userId !== null ? names.get(r.userId) : undefined) ?? r.actor }));
}

/** Who changed the record after `version`, when, and which fields (named by `fieldLabels` where given). */
function changesSince(db: DB, entity: AuditEntity, id: number, version: number, fieldLabels: Record<string, string>): Change[] {
  return rowsSince(db, entity, id, version).map((r) => {
    const fields = [...new Set(changedFields(r.before, r.after).map((f) => fieldLabels[f] ?? f))];
    return { by: r.by, at: formatInstant(r.at), fields: fields.length ? fields : [r.summary] };
  });
}

export function expectVersion(
  db: DB,
  entity: AuditEntity,
  id: number,
  currentVersion: number,
  expectedVersion: number,
  fieldLabels: Record<string, string> = {},
): void {
  if (currentVersion === expectedVersion) return;
  throw new Conflict({ changes: changesSince(db, entity, id, expectedVersion, fieldLabels), currentVersion });
}

/**
 * The record as it was at `version`, from the audit snapshots: the `before` of the first change
 * after that version that holds the whole record, else the `after` of the last such change up to
 * it. A snapshot holds the whole record when it names the record's version at that point (a
 * lifecycle move keeps only the publication, a fair's employer change the employer: neither
 * changes the record's own fields, so they are passed over). Null when the log cannot say.
 */
export function fieldsAtVersion(db: DB, entity: AuditEntity, id: number, version: number): Record<string, unknown> | null {
  const rows = db
    .select({ v: auditLog.entityVersion, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id), isNotNull(auditLog.entityVersion)))
    .orderBy(asc(auditLog.entityVersion), asc(auditLog.id))
    .all();
  const whole = (s: Record<string, unknown> | null, at: number) => (s && s.version === at && (s.id === undefined || s.id === id) ? s : null);
  for (const r of rows) {
    if (r.v! <= version) continue;
    const s = whole(r.before, r.v! - 1);
    if (s) return s;
  }
  for (const r of [...rows].reverse()) {
    if (r.v! > version) continue;
    const s = whole(r.after, r.v!);
    // Changes between it and `version` kept no whole snapshot: they changed no field of the record.
    if (s) return s;
  }
  return null;
}

/** Display names of the people who changed the record after `version`, and when the last did. */
function mergedWith(db: DB, entity: AuditEntity, id: number, version: number): Pick<MergeNotice, 'by' | 'at'> {
  const rows = rowsSince(db, entity, id, version);
  const last = rows.at(-1);
  return { by: [...new Set(rows.map((r) => r.by))], at: last ? formatInstant(last.at) : '' };
}

/** What a save is compared against: the stored record now, and how to read its editable fields. */
export type SaveTarget = {
  entity: AuditEntity;
  id: number;
  currentVersion: number;
  /** The record now (a row, or a row with its child lists), in the shape its audit snapshots have. */
  current: Record<string, unknown>;
  /**
   * The editable fields, in the parsed input's shape, read from a stored record or an audit
   * snapshot (and from the input itself, to compare like with like). Default: the input's own
   * keys, read as they are (a record whose columns are its form's fields).
   */
  fields?: (stored: Record<string, unknown>) => Record<string, unknown>;
  /** Field names in words for the "who changed what" lines, for writers whose words live in db/. */
  labels?: Record<string, string>;
};

/** Conflicting fields the editor has seen side by side and decided, against the version they saw. */
export type Settled = { against: number; fields: readonly string[] };

/**
 * A save of `data` (parsed input with the version it started from) against the record now.
 * The same version: the data as it is. Moved on: the field-by-field merge (./merge.ts) — the
 * data with the other person's changes taken in, its version set to the current one, and a
 * notice of what was merged; or Conflict naming who changed what and, per field both changed,
 * the two values. `check` validates the save with the other person's values taken in (the
 * form's schema): a merge the rules refuse (their start date after my end date) is a conflict on
 * every field either side changed.
 */
export function reconcileSave<D extends { version: number }>(
  db: DB,
  target: SaveTarget,
  data: D,
  opts: { settled?: Settled; check?: (taken: Record<string, unknown>) => boolean } = {},
): { data: D; notice: MergeNotice | null } {
  const { entity, id, currentVersion } = target;
  if (data.version === currentVersion) return { data, notice: null };
  const changes = () => changesSince(db, entity, id, data.version, target.labels ?? {});
  // A version from the future, or one the log cannot rebuild: refused as it always was.
  const base = data.version < currentVersion ? fieldsAtVersion(db, entity, id, data.version) : null;
  if (!base) throw new Conflict({ changes: changes(), currentVersion });
  // By default the fields compared are the input's that the record stores under the same name.
  const keys = Object.keys(data).filter((k) => k !== 'id' && k !== 'version' && (target.fields !== undefined || k in target.current));
  const read =
    target.fields ??
    ((s: Record<string, unknown>) => Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, s[k]])));
  const mine: FieldValues = Object.fromEntries(Object.entries(read(data as Record<string, unknown>)).filter(([k]) => keys.includes(k)));
  const theirs = read(target.current);
  const settled = new Set(opts.settled?.against === currentVersion ? opts.settled.fields : []);
  const m = mergeFields(read(base), theirs, mine, settled);
  const refuse = (fields: { field: string; theirs: unknown; mine: unknown }[]) =>
    new Conflict({ changes: changes(), currentVersion, fields: fields.map((f) => ({ field: f.field, theirs: f.theirs ?? null, mine: f.mine ?? null })) });
  if (m.conflicts.length) throw refuse(m.conflicts);
  const merged = { ...data, ...Object.fromEntries(m.theirs.map((k) => [k, m.values[k]])), version: currentVersion } as D;
  if (m.theirs.length && opts.check && !opts.check(Object.fromEntries(m.theirs.map((k) => [k, theirs[k] ?? null])))) {
    throw refuse([...m.theirs, ...m.mine].map((field) => ({ field, theirs: theirs[field], mine: mine[field] })));
  }
  // Nothing of theirs taken (the editor decided every field they touched): a plain save.
  if (!m.theirs.length) return { data: merged, notice: null };
  const who = mergedWith(db, entity, id, data.version);
  const notice: MergeNotice = {
    ...who,
    // Named in words where the writer's words live in db/ (the rest are worded by the action).
    theirs: m.theirs.map((k) => target.labels?.[k] ?? k),
    mine: m.mine.map((k) => target.labels?.[k] ?? k),
    values: Object.fromEntries(m.theirs.map((k) => [k, theirs[k] ?? null])),
  };
  return { data: merged, notice };
}
