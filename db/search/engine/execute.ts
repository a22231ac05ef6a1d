/**
 * One pass over the index: which groups match, the total, and every facet's counts ("every
 * filter but its own") at once. Per row the engine finds which filters fail: none → the row
 * counts for the total and for every facet; exactly one, f → it counts for facet f only (and for
 * "the list without f", the widen count). Counts are of distinct groups: rows are sorted by group,
 * so a "last group counted" marker per option is enough.
 */
import type { FacetOptionDecl, MatchedGroup, Predicate, QueryContext } from './types';

export type PassFacet<Row> = { options: FacetOptionDecl[]; keys(row: Row, q: QueryContext): number | readonly number[] | null };

export type PassInput<Row> = {
  rows: readonly Row[];
  group: (row: Row) => number;
  /** The rows the scope may reach (null: all). Not a filter: never dropped, never faceted. */
  scope: Predicate<Row> | null;
  /** One per filter; null when the filter does not narrow this query. */
  predicates: readonly (Predicate<Row> | null)[];
  /** One per filter; null when it has no facet (or facets are not wanted). */
  facets: readonly (PassFacet<Row> | null)[];
  q: QueryContext;
  /** Collect the matched groups with their matched rows (for ordering and the page). */
  collect: boolean;
};

export type PassOutput<Row> = {
  total: number;
  /** Per filter: counts aligned with its options (empty when it has no facet). */
  facetCounts: Int32Array[];
  /** Per filter: distinct groups matching every other filter (what dropping it would give). */
  dropCounts: number[];
  matched: MatchedGroup<Row>[];
};

type Counter = { slot: Int32Array; counts: Int32Array; last: Int32Array };

function counter(options: FacetOptionDecl[]): Counter {
  let max = 0;
  for (const o of options) if (o.key > max) max = o.key;
  const slot = new Int32Array(max + 1).fill(-1);
  options.forEach((o, i) => {
    if (o.key >= 0) slot[o.key] = i;
  });
  return { slot, counts: new Int32Array(options.length), last: new Int32Array(options.length).fill(-1) };
}

function countKey(c: Counter, key: number, group: number): void {
  if (key < 0 || key >= c.slot.length) return;
  const s = c.slot[key]!;
  if (s < 0 || c.last[s] === group) return;
  c.last[s] = group;
  c.counts[s]!++;
}

function countRow<Row>(c: Counter, f: PassFacet<Row>, row: Row, group: number, q: QueryContext): void {
  const k = f.keys(row, q);
  if (k === null) return;
  if (typeof k === 'number') countKey(c, k, group);
  else for (const key of k) countKey(c, key, group);
}

export function runPass<Row>(input: PassInput<Row>): PassOutput<Row> {
  const { rows, group, scope, q } = input;
  const n = input.predicates.length;
  // Only the filters that narrow are tested, in declaration order.
  const active: number[] = [];
  const preds: Predicate<Row>[] = [];
  input.predicates.forEach((p, i) => {
    if (p) {
      active.push(i);
      preds.push(p);
    }
  });
  const counters: (Counter | null)[] = input.facets.map((f) => (f ? counter(f.options) : null));
  const dropCounts = new Array<number>(n).fill(0);
  const dropLast = new Array<number>(n).fill(-1);
  let total = 0;
  let totalLast = -1;
  const matched: MatchedGroup<Row>[] = [];
  let open: { group: number; rows: Row[] } | null = null;
  const m = preds.length;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (scope && !scope(row)) continue;
    let failed = -1;
    let fails = 0;
    for (let j = 0; j < m; j++) {
      if (!preds[j]!(row)) {
        failed = j;
        if (++fails > 1) break;
      }
    }
    if (fails > 1) continue;
    const g = group(row);
    if (fails === 0) {
      if (totalLast !== g) {
        totalLast = g;
        total++;
      }
      for (let f = 0; f < n; f++) {
        const c = counters[f];
        if (c) countRow(c, input.facets[f]!, row, g, q);
        if (dropLast[f] !== g) {
          dropLast[f] = g;
          dropCounts[f]!++;
        }
      }
      if (input.collect) {
        if (!open || open.group !== g) {
          open = { group: g, rows: [] };
          matched.push(open);
        }
        open.rows.push(row);
      }
    } else {
      const f = active[failed]!;
      const c = counters[f];
      if (c) countRow(c, input.facets[f]!, row, g, q);
      if (dropLast[f] !== g) {
        dropLast[f] = g;
        dropCounts[f]!++;
      }
    }
  }
  return { total, facetCounts: counters.map((c) => (c ? c.counts : new Int32Array(0))), dropCounts, matched };
}

/** Sorts matched groups by an order's key (element by element, ascending), ties by group id. */
export function orderGroups<Row>(matched: MatchedGroup<Row>[], key: (m: MatchedGroup<Row>) => readonly number[]): MatchedGroup<Row>[] {
  const keyed = matched.map((m) => ({ m, k: key(m) }));
  keyed.sort((a, b) => {
    const len = Math.min(a.k.length, b.k.length);
    for (let i = 0; i < len; i++) {
      const d = a.k[i]! - b.k[i]!;
      if (d !== 0) return d;
    }
    return a.m.group - b.m.group;
  });
  return keyed.map((x) => x.m);
}
