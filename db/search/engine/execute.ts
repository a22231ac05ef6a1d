/**
 * One pass over the index: which groups match, the total, and every facet's counts ("every
 * filter but its own") at once. Per row the engine finds which filters fail: none → the row
 * counts for the total and for every facet; exactly one, f → it counts for facet f only (and for
 * "the list without f", the widen count). Counts are of distinct groups: rows are sorted by group,
 * so a "last group counted" marker per option is enough.
 */
import type { Column } from './columns';
import type { FacetOptionDecl, MatchedGroup, Predicate } from './types';

/** A filter's test read from its facet's column: the row passes when one of its keys is wanted. */
export type ColumnTest = { want: Uint8Array; column: Column };

/** What a pass tests per active filter: a predicate on the row, or a column test (no read of the row). */
export type PassTest<Row> = Predicate<Row> | ColumnTest;

/** A column test from a filter's KeyTest. */
export function columnTest(anyKey: readonly number[], column: Column): ColumnTest {
  let max = 0;
  for (const k of anyKey) if (k > max) max = k;
  const want = new Uint8Array(max + 1);
  for (const k of anyKey) if (k >= 0) want[k] = 1;
  return { want, column };
}

type Test<Row> = { pred: Predicate<Row> | null; want: Uint8Array; one: Int32Array | null; offsets: Int32Array | null; values: Int32Array | null };

const NONE = new Uint8Array(0);

function tests<Row>(predicates: readonly (PassTest<Row> | null)[]): { active: number[]; tests: Test<Row>[] } {
  const active: number[] = [];
  const out: Test<Row>[] = [];
  predicates.forEach((p, i) => {
    if (!p) return;
    active.push(i);
    if (typeof p === 'function') out.push({ pred: p, want: NONE, one: null, offsets: null, values: null });
    else out.push({ pred: null, want: p.want, one: p.column.one, offsets: p.column.offsets, values: p.column.values });
  });
  return { active, tests: out };
}

function passes<Row>(t: Test<Row>, rows: readonly Row[], i: number): boolean {
  if (t.pred !== null) return t.pred(rows[i]!);
  const want = t.want;
  if (t.one !== null) {
    const k = t.one[i]!;
    return k >= 0 && k < want.length && want[k] === 1;
  }
  for (let x = t.offsets![i]!, end = t.offsets![i + 1]!; x < end; x++) {
    const k = t.values![x]!;
    if (k >= 0 && k < want.length && want[k] === 1) return true;
  }
  return false;
}

/** A facet in a pass: its options and every row's keys (columns.ts). */
export type PassFacet = { options: FacetOptionDecl[]; column: Column };

export type PassInput<Row> = {
  rows: readonly Row[];
  /** Every row's group (columns.ts `groupsOf`). */
  groups: Int32Array;
  /** The rows the scope may reach, as a column (1: reachable), or null: all. Not a filter: never dropped, never faceted. */
  scope: Int32Array | null;
  /** One per filter; null when the filter does not narrow this query. */
  predicates: readonly (PassTest<Row> | null)[];
  /** One per filter; null when it has no facet (or facets are not wanted). */
  facets: readonly (PassFacet | null)[];
  /** Collect the matched rows by group (for ordering and the page). */
  collect: boolean;
};

export type PassOutput<Row> = {
  total: number;
  /** Per filter: counts aligned with its options (empty when it has no facet). */
  facetCounts: Int32Array[];
  /** Per filter: distinct groups matching every other filter (what dropping it would give). */
  dropCounts: number[];
  matched: MatchedSet;
};

/**
 * The matched rows, grouped, as typed arrays (no object per group: a listing kept in the cache
 * holds three arrays whatever its size): `rows` the matched row indices in row order, group k's
 * rows are rows[starts[k] .. starts[k + 1]) and its id is groups[k].
 */
export type MatchedSet = { readonly rows: Int32Array; readonly starts: Int32Array; readonly groups: Int32Array };

const NO_MATCHES: MatchedSet = { rows: new Int32Array(0), starts: new Int32Array(1), groups: new Int32Array(0) };

/** Group k of a matched set with its matched rows, as orders and a page's items see it. */
export function matchedGroup<Row>(all: readonly Row[], set: MatchedSet, k: number): MatchedGroup<Row> {
  const lo = set.starts[k]!;
  const hi = set.starts[k + 1]!;
  const rows = new Array<Row>(hi - lo);
  for (let x = lo; x < hi; x++) rows[x - lo] = all[set.rows[x]!]!;
  return { group: set.groups[k]!, rows };
}

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

/** Counts the rows listed in idx[0, n) under their keys, one per distinct group per option. */
function countRows(c: Counter, idx: Int32Array, n: number, groups: Int32Array): void {
  const { slot, last, counts } = c;
  const size = slot.length;
  if (c.one !== null) {
    const one = c.one;
    for (let x = 0; x < n; x++) {
      const i = idx[x]!;
      const k = one[i]!;
      if (k < 0 || k >= size) continue;
      const s = slot[k]!;
      if (s < 0) continue;
      const g = groups[i]!;
      if (last[s] !== g) {
        last[s] = g;
        counts[s]!++;
      }
    }
    return;
  }
  const offsets = c.offsets!;
  const values = c.values!;
  for (let x = 0; x < n; x++) {
    const i = idx[x]!;
    const g = groups[i]!;
    for (let v = offsets[i]!, end = offsets[i + 1]!; v < end; v++) {
      const k = values[v]!;
      if (k < 0 || k >= size) continue;
      const s = slot[k]!;
      if (s < 0 || last[s] === g) continue;
      last[s] = g;
      counts[s]!++;
    }
  }
}

/** Distinct groups among the rows listed in idx[0, n) (rows sorted by group). */
function distinct(idx: Int32Array, n: number, groups: Int32Array): number {
  let count = 0;
  let last = -1;
  for (let x = 0; x < n; x++) {
    const g = groups[idx[x]!]!;
    if (g !== last) {
      last = g;
      count++;
    }
  }
  return count;
}

/** Merges two ascending row lists into `out`; returns its length. */
function union(a: Int32Array, na: number, b: Int32Array, nb: number, out: Int32Array): number {
  let x = 0;
  let y = 0;
  let n = 0;
  while (x < na && y < nb) out[n++] = a[x]! < b[y]! ? a[x++]! : b[y++]!;
  while (x < na) out[n++] = a[x++]!;
  while (y < nb) out[n++] = b[y++]!;
  return n;
}

/** Marks the rows failing one test: fails[i] counts failures, failedAt[i] keeps the last. */
function markFails<Row>(t: Test<Row>, j: number, rows: readonly Row[], fails: Uint8Array, failedAt: Uint8Array): void {
  const n = rows.length;
  if (t.pred !== null) {
    const pred = t.pred;
    for (let i = 0; i < n; i++) {
      if (fails[i]! > 1) continue; // out already: spare the call
      if (!pred(rows[i]!)) {
        fails[i]!++;
        failedAt[i] = j;
      }
    }
    return;
  }
  const want = t.want;
  const size = want.length;
  if (t.one !== null) {
    const one = t.one;
    for (let i = 0; i < n; i++) {
      const k = one[i]!;
      if (k < 0 || k >= size || want[k] !== 1) {
        fails[i]!++;
        failedAt[i] = j;
      }
    }
    return;
  }
  const offsets = t.offsets!;
  const values = t.values!;
  for (let i = 0; i < n; i++) {
    let ok = false;
    for (let v = offsets[i]!, end = offsets[i + 1]!; v < end && !ok; v++) {
      const k = values[v]!;
      ok = k >= 0 && k < size && want[k] === 1;
    }
    if (!ok) {
      fails[i]!++;
      failedAt[i] = j;
    }
  }
}

/** Scratch buffers reused by every pass (a pass is synchronous: never two at once). */
let scratch = { fails: new Uint8Array(0), failedAt: new Uint8Array(0), hits: new Int32Array(0), missed: new Int32Array(0), own: new Int32Array(0), both: new Int32Array(0) };
function buffers(n: number) {
  if (scratch.fails.length < n) {
    const size = Math.ceil(n * 1.25);
    scratch = { fails: new Uint8Array(size), failedAt: new Uint8Array(size), hits: new Int32Array(size), missed: new Int32Array(size), own: new Int32Array(size), both: new Int32Array(size) };
  }
  return scratch;
}

/**
 * The pass, column by column: each test marks the rows it fails (a tight loop over a column, or
 * the predicate per row still in), then one sweep lists the rows failing nothing (hits) and those
 * failing exactly one filter (missed, with which); each facet then counts its rows in a loop of
 * its own, so no per-row dispatch between facets.
 */
export function runPass<Row>(input: PassInput<Row>): PassOutput<Row> {
  const { rows, groups, scope } = input;
  const n = input.predicates.length;
  const len = rows.length;
  // Only the filters that narrow are tested, in declaration order.
  const { active, tests: preds } = tests(input.predicates);
  const m = preds.length;
  const { fails, failedAt, hits, missed, own, both } = buffers(len);
  fails.fill(0, 0, len);
  // Out of scope: as if two filters failed (never counted anywhere).
  if (scope !== null) for (let i = 0; i < len; i++) if (scope[i] !== 1) fails[i] = 2;
  for (let j = 0; j < m; j++) markFails(preds[j]!, j, rows, fails, failedAt);
  let nh = 0;
  let nm = 0;
  for (let i = 0; i < len; i++) {
    const f = fails[i]!;
    if (f === 0) hits[nh++] = i;
    else if (f === 1) missed[nm++] = i;
  }
  const counters: (Counter | null)[] = input.facets.map((f) => (f ? counter(f) : null));
  // Facets of filters that do not narrow count the hits; an active filter's facet counts below.
  const narrows = new Set(active);
  counters.forEach((c, f) => {
    if (c && !narrows.has(f)) countRows(c, hits, nh, groups);
  });
  const total = distinct(hits, nh, groups);
  // A filter that does not narrow: the list without it is the list.
  const dropCounts = new Array<number>(n).fill(total);
  for (let j = 0; j < m; j++) {
    // "The list without j": the hits and the rows failing j alone, in row order (so a group is
    // counted once per option); j's own facet counts these rows, and so does its drop count.
    let no = 0;
    for (let x = 0; x < nm; x++) if (failedAt[missed[x]!] === j) own[no++] = missed[x]!;
    const nb = union(hits, nh, own, no, both);
    const c = counters[active[j]!];
    if (c) countRows(c, both, nb, groups);
    dropCounts[active[j]!] = distinct(both, nb, groups);
  }
  let matched = NO_MATCHES;
  if (input.collect && nh > 0) {
    const starts = new Int32Array(total + 1);
    const ids = new Int32Array(total);
    let k = 0;
    let last = -1;
    for (let x = 0; x < nh; x++) {
      const g = groups[hits[x]!]!;
      if (g !== last) {
        last = g;
        ids[k] = g;
        starts[k++] = x;
      }
    }
    starts[k] = nh;
    matched = { rows: hits.slice(0, nh), starts, groups: ids };
  }
  return { total, facetCounts: counters.map((c) => (c ? c.counts : new Int32Array(0))), dropCounts, matched };
}

/**
 * The groups of a matched set sorted by an order's key (element by element, ascending), ties by
 * group id: their positions k in the set, in order. Each group is seen once, for its key.
 */
export function orderGroups<Row>(all: readonly Row[], set: MatchedSet, key: (m: MatchedGroup<Row>) => readonly number[]): Int32Array {
  const n = set.groups.length;
  const keys = new Array<readonly number[]>(n);
  for (let k = 0; k < n; k++) keys[k] = key(matchedGroup(all, set, k));
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const ids = set.groups;
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    const len = Math.min(ka.length, kb.length);
    for (let i = 0; i < len; i++) {
      const d = ka[i]! - kb[i]!;
      if (d !== 0) return d;
    }
    return ids[a]! - ids[b]!;
  });
  return order;
}

/** One widen option as a change of one filter: its index and the predicate it would have (null: none). */
export type Variant<Row> = { filter: number; predicate: PassTest<Row> | null };

/**
 * The groups each variant would give, in one pass: a variant of filter f gains exactly the rows
 * that fail f alone (every other filter passes) and pass f's new predicate. Asked only when
 * nothing matched, so no row passes every filter.
 */
export function countVariants<Row>(
  rows: readonly Row[],
  groups: Int32Array,
  scope: Int32Array | null,
  predicates: readonly (PassTest<Row> | null)[],
  variants: readonly Variant<Row>[],
): number[] {
  const { active, tests: preds } = tests(predicates);
  const m = preds.length;
  const wider = variants.map((v) => (v.predicate ? tests([v.predicate]).tests[0]! : null));
  const byFilter = new Map<number, number[]>();
  variants.forEach((v, k) => byFilter.set(v.filter, [...(byFilter.get(v.filter) ?? []), k]));
  const mine = active.map((f) => byFilter.get(f) ?? []);
  const counts = new Array<number>(variants.length).fill(0);
  const last = new Array<number>(variants.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    if (scope !== null && scope[i] !== 1) continue;
    let failed = -1;
    let fails = 0;
    for (let j = 0; j < m; j++) {
      if (!passes(preds[j]!, rows, i)) {
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
      const p = wider[k]!;
      if (p === null || passes(p, rows, i)) {
        last[k] = g;
        counts[k]!++;
      }
    }
  }
  return counts;
}
