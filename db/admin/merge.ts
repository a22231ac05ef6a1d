/**
 * The field-by-field merge of a save that started from an older version (pure: no database).
 *
 * Three versions of the same record's editable fields: `base` (what the editor loaded), `theirs`
 * (the record as it is now, after someone else's saves) and `mine` (what the editor sends).
 * For each field:
 *   - mine equals theirs            → nothing to decide (the same value, whoever typed it);
 *   - mine equals base              → the editor left it alone: theirs is kept;
 *   - theirs equals base            → only the editor changed it: mine is kept;
 *   - otherwise                     → both changed it to different values: a conflict.
 * A field the base does not know (an old audit snapshot without it) cannot be compared: it is a
 * conflict unless both sides hold the same value, so nothing is ever overwritten unseen.
 *
 * Lists and child rows (a run's target groups and certificates, a course's sections) are ONE
 * value each: two people editing the same list differently is a conflict, never an element-wise
 * blend that neither of them wrote. `settled` names conflicting fields the editor has already
 * seen side by side and decided (their value stands).
 */

export type FieldValues = Readonly<Record<string, unknown>>;

export type FieldConflict = { field: string; base: unknown; theirs: unknown; mine: unknown };

export type FieldMerge = {
  /** Every field of `mine`, with the other person's changes taken in. */
  values: Record<string, unknown>;
  /** Fields taken from theirs (they changed, the editor did not). */
  theirs: string[];
  /** Fields the editor changed that stand (they did not touch them, or the editor settled them). */
  mine: string[];
  conflicts: FieldConflict[];
};

/** A value in a form that compares the same however its object keys were ordered; undefined reads as null. */
function canonical(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function mergeFields(base: FieldValues | null, theirs: FieldValues, mine: FieldValues, settled: ReadonlySet<string> = new Set()): FieldMerge {
  const values: Record<string, unknown> = {};
  const out: FieldMerge = { values, theirs: [], mine: [], conflicts: [] };
  for (const field of Object.keys(mine)) {
    const m = mine[field];
    const t = theirs[field];
    values[field] = m;
    if (sameValue(m, t)) continue;
    const known = base !== null && Object.prototype.hasOwnProperty.call(base, field);
    const b = known ? base![field] : undefined;
    if (known && sameValue(m, b)) {
      values[field] = t;
      out.theirs.push(field);
    } else if (known && sameValue(t, b)) {
      out.mine.push(field);
    } else if (settled.has(field)) {
      out.mine.push(field);
    } else {
      out.conflicts.push({ field, base: b ?? null, theirs: t ?? null, mine: m ?? null });
    }
  }
  return out;
}
