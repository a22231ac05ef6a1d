/**
 * One pass over the index: which groups match, the total, and every facet's counts ("every
 * filter but its own") at once. Per row the engine finds which filters fail: none → the row
 * counts for the total and for every facet; exactly one, f → it counts for facet f only (and for
 * "the list without f", the widen count). Counts are of distinct groups: rows are sorted by group,
 * so a "last group counted" marker per option is enough.
 */
import type { FacetOptionDecl, MatchedGroup, Predicate, QueryContext } from './types';

export type PassFacet<Row> = { options: FacetOptionDecl[]; keys(row: Row, q: QueryContext): number | readonly number[] | null; perGroup?: boolean };

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
  const m = preds.length;
  const counters: (Counter | null)[] = input.facets.map((f) => (f ? counter(f.options) : null));
  // The facets, as dense lists (the per-row loop touches only these).
  const facetOf: number[] = [];
  for (let f = 0; f < n; f++) if (counters[f]) facetOf.push(f);
  const fc = facetOf.map((f) => counters[f]!);
  const ff = facetOf.map((f) => input.facets[f]!);
  const nf = facetOf.length;
  // Facets whose keys are fixed per group are asked once per group (rows come grouped).
  const once = ff.map((f) => f.perGroup === true);
  const seen = new Int32Array(nf).fill(-1);
  // Per active filter: the facet counter of that filter (or null), and "the list without it".
  const ownCounter = active.map((f) => counters[f] ?? null);
  const ownFacet = active.map((f) => input.facets[f] ?? null);
  const drop = new Int32Array(m);
  const dropLast = new Int32Array(m).fill(-1);
  let total = 0;
  let totalLast = -1;
  const matched: MatchedGroup<Row>[] = [];
  let open: { group: number; rows: Row[] } | null = null;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (scope !== null && !scope(row)) continue;
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
      for (let k = 0; k < nf; k++) {
        if (once[k]) {
          if (seen[k] === g) continue;
          seen[k] = g;
        }
        countRow(fc[k]!, ff[k]!, row, g, q);
      }
      for (let j = 0; j < m; j++) {
        if (dropLast[j] !== g) {
          dropLast[j] = g;
          drop[j]!++;
        }
      }
      if (input.collect) {
        if (open === null || open.group !== g) {
          open = { group: g, rows: [] };
          matched.push(open);
        }
        open.rows.push(row);
      }
    } else {
      const c = ownCounter[failed];
      if (c) countRow(c, ownFacet[failed]!, row, g, q);
      if (dropLast[failed] !== g) {
        dropLast[failed] = g;
        drop[failed]!++;
      }
    }
  }
  // A filter that does not narrow: the list without it is the list.
  const dropCounts = new Array<number>(n).fill(total);
  active.forEach((f, j) => (dropCounts[f] = drop[j]!));
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

/** One widen option as a change of one filter: its index and the predicate it would have (null: none). */
export type Variant<Row> = { filter: number; predicate: Predicate<Row> | null };

/**
 * The groups each variant would give, in one pass: a variant of filter f gains exactly the rows
 * that fail f alone (every other filter passes) and pass f's new predicate. Asked only when
 * nothing matched, so no row passes every filter.
 */
export function countVariants<Row>(
  rows: readonly Row[],
  group: (row: Row) => number,
  scope: Predicate<Row> | null,
  predicates: readonly (Predicate<Row> | null)[],
  variants: readonly Variant<Row>[],
): number[] {
  const active: number[] = [];
  const preds: Predicate<Row>[] = [];
  predicates.forEach((p, i) => {
    if (p) {
      active.push(i);
      preds.push(p);
    }
  });
  const m = preds.length;
  const byFilter = new Map<number, number[]>();
  variants.forEach((v, k) => byFilter.set(v.filter, [...(byFilter.get(v.filter) ?? []), k]));
  const mine = active.map((f) => byFilter.get(f) ?? []);
  const counts = new Array<number>(variants.length).fill(0);
  const last = new Array<number>(variants.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (scope !== null && !scope(row)) continue;
    let failed = -1;
    let fails = 0;
    for (let j = 0; j < m; j++) {
      if (!preds[j]!(row)) {
        failed = j;
        if (++fails > 1) break;
      }
    }
    if (fails !== 1) continue;
    const ks = mine[failed]!;
    if (ks.length === 0) continue;
    const g = group(row);
    for (const k of ks) {
      if (last[k] === g) continue;
      const p = variants[k]!.predicate;
      if (p === null || p(row)) {
        last[k] = g;
        counts[k]!++;
      }
    }
  }
  return counts;
}
