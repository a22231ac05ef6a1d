/**
 * Ranked orders (OrderDef.static, OrderDef.rankedBy): every group's place in an order, worked out
 * once per set of rows and per name, so a listing is placed by rank with no sort per query.
 *
 * After an applied change (a save) the previous snapshot's ranking is carried over: the groups
 * whose rows were reloaded or removed leave it, the reloaded ones come back in by binary search
 * (only their keys asked), and the ranks are renumbered in one linear pass. The usual save keeps
 * every key as it was: then the previous ranking is this one, and nothing is copied.
 */
import type { IndexSnapshot } from './store';
import type { IndexRow, MatchedGroup } from './types';

export type Ranking = {
  /** Place by group id (-1: no such group). */
  readonly rank: Int32Array;
  /** Groups in order, and each one's key at the same position. */
  readonly groups: readonly number[];
  readonly keys: readonly (readonly number[])[];
};

type KeyOf<Row> = (m: MatchedGroup<Row>) => readonly number[];

/** Element by element, ascending; then by group id (as orderGroups). */
function before(ka: readonly number[], a: number, kb: readonly number[], b: number): number {
  const len = Math.min(ka.length, kb.length);
  for (let i = 0; i < len; i++) {
    const d = ka[i]! - kb[i]!;
    if (d !== 0) return d;
  }
  return a - b;
}

function sameKey(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The groups of rows[lo, hi), each with its rows. */
function groupsIn<Row extends IndexRow>(rows: readonly Row[], lo: number, hi: number, out: MatchedGroup<Row>[]): void {
  let open: { group: number; rows: Row[] } | null = null;
  for (let i = lo; i < hi; i++) {
    const row = rows[i]!;
    if (!open || open.group !== row.group) out.push((open = { group: row.group, rows: [] }));
    open.rows.push(row);
  }
}

function numbered(groups: readonly number[], size: number): Int32Array {
  let max = size - 1;
  for (const g of groups) if (g > max) max = g;
  const rank = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < groups.length; i++) rank[groups[i]!] = i;
  return rank;
}

/** The groups of `rows`, each with its rows, in group order. */
export function allGroups<Row extends IndexRow>(rows: readonly Row[]): MatchedGroup<Row>[] {
  const all: MatchedGroup<Row>[] = [];
  groupsIn(rows, 0, rows.length, all);
  return all;
}

/**
 * Every group ranked from scratch. With `near`, a ranking of the same groups under another name
 * (the minute before): the keys are sorted starting from its order, which the new one mostly
 * keeps, so the sort (TimSort) runs over long sorted runs instead of group order.
 */
export function rankAll<Row extends IndexRow>(rows: readonly Row[], key: KeyOf<Row>, all: readonly MatchedGroup<Row>[] = allGroups(rows), near?: Ranking): Ranking {
  let keyed = all.map((m) => ({ g: m.group, k: key(m) }));
  if (near && near.groups.length === keyed.length) {
    const placed: { g: number; k: readonly number[] }[] = new Array(keyed.length);
    for (const x of keyed) {
      const at = x.g < near.rank.length ? near.rank[x.g]! : -1;
      if (at < 0 || placed[at] !== undefined) {
        placed.length = 0;
        break;
      }
      placed[at] = x;
    }
    if (placed.length === keyed.length) keyed = placed;
  }
  keyed.sort((a, b) => before(a.k, a.g, b.k, b.g));
  const groups = keyed.map((x) => x.g);
  return { rank: numbered(groups, 0), groups, keys: keyed.map((x) => x.k) };
}

/**
 * The ranking of `snap`'s rows from `prev`, the ranking of its previous snapshot's rows (see
 * IndexSnapshot.base): only the reloaded groups' keys are asked.
 */
export function rankAfterChange<Row extends IndexRow, Refs>(snap: IndexSnapshot<Row, Refs>, prev: Ranking, key: KeyOf<Row>): Ranking {
  const base = snap.base!;
  const oldRows = base.prev.rows;
  // Rows of the previous snapshot not carried over belong to groups reloaded or removed.
  const kept = base.parts.filter((p) => p.from >= 0).sort((a, b) => a.from - b.from);
  const gone = new Set<number>();
  let at = 0;
  for (const p of [...kept, { from: oldRows.length, len: 0 }]) {
    for (let i = at; i < p.from; i++) gone.add(oldRows[i]!.group);
    at = Math.max(at, p.from + p.len);
  }
  const fresh: MatchedGroup<Row>[] = [];
  for (const p of base.parts) if (p.from < 0) groupsIn(snap.rows, p.at, p.at + p.len, fresh);
  const keyed = fresh.map((m) => ({ g: m.group, k: key(m) }));
  // The usual save: the same groups, each with the key it had, so the same places.
  const same =
    keyed.length === gone.size &&
    keyed.every((x) => gone.has(x.g) && x.g < prev.rank.length && prev.rank[x.g]! >= 0 && sameKey(prev.keys[prev.rank[x.g]!]!, x.k));
  if (same) return prev;
  const groups: number[] = [];
  const keys: (readonly number[])[] = [];
  for (let i = 0; i < prev.groups.length; i++) {
    const g = prev.groups[i]!;
    if (gone.has(g)) continue;
    groups.push(g);
    keys.push(prev.keys[i]!);
  }
  for (const x of keyed) {
    let lo = 0;
    let hi = groups.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(keys[mid]!, groups[mid]!, x.k, x.g) < 0) lo = mid + 1;
      else hi = mid;
    }
    groups.splice(lo, 0, x.g);
    keys.splice(lo, 0, x.k);
  }
  return { rank: numbered(groups, prev.rank.length), groups, keys };
}

/**
 * Per set of rows: per order, the ranking under the latest name asked (a ranked order named by
 * the day keeps one day's). Held weakly: a snapshot dropped takes its rankings with it.
 */
export function rankings<Row extends IndexRow, Refs>() {
  const byRows = new WeakMap<readonly Row[], Map<string, { name: string; ranking: Ranking }>>();
  /** The rows' groups, kept for re-ranking the same rows under the next name (the next minute). */
  const groupLists = new WeakMap<readonly Row[], MatchedGroup<Row>[]>();
  return function rankingOf(snap: IndexSnapshot<Row, Refs>, order: string, name: string, key: KeyOf<Row>): Ranking {
    let byOrder = byRows.get(snap.rows);
    if (!byOrder) byRows.set(snap.rows, (byOrder = new Map()));
    const known = byOrder.get(order);
    if (known && known.name === name) return known.ranking;
    const prev = snap.base ? byRows.get(snap.base.prev.rows)?.get(order) : undefined;
    let ranking: Ranking;
    if (prev && prev.name === name) ranking = rankAfterChange(snap, prev.ranking, key);
    else {
      let all = groupLists.get(snap.rows);
      if (!all) groupLists.set(snap.rows, (all = allGroups(snap.rows)));
      ranking = rankAll(snap.rows, key, all, known?.ranking ?? prev?.ranking);
    }
    byOrder.set(order, { name, ranking });
    return ranking;
  };
}
