/**
 * One pass over the index: which groups match, the total, and every facet's counts ("every
 * filter but its own") at once. Per row the engine finds which filters fail: none → the row
 * counts for the total and for every facet; exactly one, f → it counts for facet f only (and for
 * "the list without f", the widen count). Counts are of distinct groups: rows are sorted by group,
 * so a "last group counted" marker per option is enough.
 */
import type { Column } from './columns';
import type { FacetOptionDecl, MatchedGroup, Predicate } from './types';

/** A facet in a pass: its options and every row's keys (columns.ts). */
export type PassFacet = { options: FacetOptionDecl[]; column: Column };

export type PassInput<Row> = {
  rows: readonly Row[];
  /** Every row's group (columns.ts `groupsOf`). */
  groups: Int32Array;
  /** The rows the scope may reach, as a column (1: reachable), or null: all. Not a filter: never dropped, never faceted. */
  scope: Int32Array | null;
  /** One per filter; null when the filter does not narrow this query. */
  predicates: readonly (Predicate<Row> | null)[];
  /** One per filter; null when it has no facet (or facets are not wanted). */
  facets: readonly (PassFacet | null)[];
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

type Counter = { slot: Int32Array; counts: Int32Array; last: Int32Array; one: Int32Array | null; offsets: Int32Array | null; values: Int32Array | null };

function counter(f: PassFacet): Counter {
  let max = 0;
  for (const o of f.options) if (o.key > max) max = o.key;
  const slot = new Int32Array(max + 1).fill(-1);
  f.options.forEach((o, i) => {
    if (o.key >= 0) slot[o.key] = i;
  });
  const c = f.column;
  return { slot, counts: new Int32Array(f.options.length), last: new Int32Array(f.options.length).fill(-1), one: c.one, offsets: c.offsets, values: c.values };
}

function countKey(c: Counter, key: number, group: number): void {
  if (key < 0 || key >= c.slot.length) return;
  const s = c.slot[key]!;
  if (s < 0 || c.last[s] === group) return;
  c.last[s] = group;
  c.counts[s]!++;
}

function countRow(c: Counter, i: number, group: number): void {
  if (c.one !== null) countKey(c, c.one[i]!, group);
  else for (let k = c.offsets![i]!, end = c.offsets![i + 1]!; k < end; k++) countKey(c, c.values![k]!, group);
}

export function runPass<Row>(input: PassInput<Row>): PassOutput<Row> {
  const { rows, groups, scope } = input;
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
  const counters: (Counter | null)[] = input.facets.map((f) => (f ? counter(f) : null));
  // The facets, as a dense list (the per-row loop touches only these).
  const fc: Counter[] = [];
  for (const c of counters) if (c) fc.push(c);
  const nf = fc.length;
  // Per active filter: the facet counter of that filter (or null), and "the list without it".
  const ownCounter = active.map((f) => counters[f] ?? null);
  const drop = new Int32Array(m);
  const dropLast = new Int32Array(m).fill(-1);
  let total = 0;
  let totalLast = -1;
  const matched: MatchedGroup<Row>[] = [];
  let open: { group: number; rows: Row[] } | null = null;

  for (let i = 0; i < rows.length; i++) {
    if (scope !== null && scope[i] !== 1) continue;
    let failed = -1;
    let fails = 0;
    if (m > 0) {
      const row = rows[i]!;
      for (let j = 0; j < m; j++) {
        if (!preds[j]!(row)) {
          failed = j;
          if (++fails > 1) break;
        }
      }
      if (fails > 1) continue;
    }
    const g = groups[i]!;
    if (fails === 0) {
      if (totalLast !== g) {
        totalLast = g;
        total++;
      }
      for (let k = 0; k < nf; k++) countRow(fc[k]!, i, g);
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
        open.rows.push(rows[i]!);
      }
    } else {
      const c = ownCounter[failed];
      if (c) countRow(c, i, g);
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
  groups: Int32Array,
  scope: Int32Array | null,
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
    if (scope !== null && scope[i] !== 1) continue;
    const row = rows[i]!;
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
    const g = groups[i]!;
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
