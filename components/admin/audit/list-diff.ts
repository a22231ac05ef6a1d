/**
 * A list logged before and after a change (a station's 临时调整, its services, a run's target
 * groups): what was added, what was taken away and, for items with an id, what changed.
 */

export type ListDiff<T> = { added: T[]; removed: T[]; changed: { before: T; after: T }[] };

const keyOf = (v: unknown): string => {
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (o.id !== undefined) return `id:${String(o.id)}`;
    if (o.serviceId !== undefined) return `service:${String(o.serviceId)}`;
  }
  return `v:${JSON.stringify(v)}`;
};

/** Items are matched by id (or serviceId); items without one by their whole value. */
export function listDiff<T>(before: readonly T[] | null, after: readonly T[] | null): ListDiff<T> {
  const b = new Map((before ?? []).map((x) => [keyOf(x), x]));
  const a = new Map((after ?? []).map((x) => [keyOf(x), x]));
  const out: ListDiff<T> = { added: [], removed: [], changed: [] };
  for (const [k, x] of a) {
    const was = b.get(k);
    if (was === undefined) out.added.push(x);
    else if (JSON.stringify(was) !== JSON.stringify(x)) out.changed.push({ before: was, after: x });
  }
  for (const [k, x] of b) if (!a.has(k)) out.removed.push(x);
  return out;
}
