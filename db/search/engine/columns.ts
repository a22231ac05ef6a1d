/**
 * Per-row columns derived from a snapshot's rows, so a query's pass reads typed arrays instead
 * of calling each facet's `keys(row, q)` (a different closure per facet: megamorphic calls, the
 * pass's main cost at city scale) and the scope's predicate for every row.
 *
 * A column is worked out once per snapshot and per context key (the day or minute, the scope,
 * the origin: what a declaration's `keys` may read); after an applied change it is spliced from
 * the previous snapshot's column (the unchanged runs copied, only the reloaded groups' rows
 * asked), so a query after a save pays a copy, not a pass of closure calls.
 */
import type { IndexSnapshot, SplicePart } from './store';
import type { IndexRow } from './types';

/**
 * The option keys of every row: `one` when each row has at most one (-1: none), else the keys of
 * row i are `values[offsets[i] .. offsets[i + 1])`.
 */
export type Column = { one: Int32Array; offsets: null; values: null } | { one: null; offsets: Int32Array; values: Int32Array };

export type KeysOf<Row> = (row: Row) => number | readonly number[] | null;

/** Works out a column over rows[lo, hi) (`rows` in full when no range). */
function compute<Row>(rows: readonly Row[], keys: KeysOf<Row>, lo = 0, hi = rows.length): Column {
  const n = hi - lo;
  const one = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys(rows[lo + i]!);
    if (k === null) one[i] = -1;
    else if (typeof k === 'number') one[i] = k;
    else return computeMany(rows, keys, lo, hi);
  }
  return { one, offsets: null, values: null };
}

function computeMany<Row>(rows: readonly Row[], keys: KeysOf<Row>, lo: number, hi: number): Column {
  const n = hi - lo;
  const offsets = new Int32Array(n + 1);
  let values = new Int32Array(Math.max(16, n));
  let used = 0;
  const push = (x: number) => {
    if (used === values.length) {
      const grown = new Int32Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[used++] = x;
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = used;
    const k = keys(rows[lo + i]!);
    if (k === null) continue;
    if (typeof k === 'number') push(k);
    else for (const x of k) push(x);
  }
  offsets[n] = used;
  return { one: null, offsets, values: values.slice(0, used) };
}

/** The column over rows made by `parts` from `prev`'s rows: old runs copied, fresh runs asked. */
function splice<Row>(rows: readonly Row[], prev: Column, parts: readonly SplicePart[], keys: KeysOf<Row>): Column {
  const fresh = parts.map((p) => (p.from < 0 ? compute(rows, keys, p.at, p.at + p.len) : null));
  // The usual save (a run's seats, a date) keeps every row in its place: when the reloaded rows'
  // keys are the ones they had, the previous column is this one too (no copy at all).
  if (rowsOf(prev) === rows.length && parts.every((p) => p.from < 0 || p.from === p.at) && parts.every((p, k) => fresh[k] === null || sameKeys(prev, fresh[k]!, p.at))) return prev;
  if (prev.one && fresh.every((c) => c === null || c.one)) {
    const one = new Int32Array(rows.length);
    parts.forEach((p, k) => {
      const c = fresh[k];
      if (c) one.set(c.one!, p.at);
      else one.set(prev.one!.subarray(p.from, p.from + p.len), p.at);
    });
    return { one, offsets: null, values: null };
  }
  // Several keys per row somewhere: everything as offsets + values.
  const many = (c: Column): { offsets: Int32Array; values: Int32Array } => {
    if (!c.one) return c;
    const offsets = new Int32Array(c.one.length + 1);
    const values: number[] = [];
    for (let i = 0; i < c.one.length; i++) {
      offsets[i] = values.length;
      if (c.one[i]! >= 0) values.push(c.one[i]!);
    }
    offsets[c.one.length] = values.length;
    return { offsets, values: Int32Array.from(values) };
  };
  const old = many(prev);
  const pieces = parts.map((p, k) => {
    const c = fresh[k];
    if (c) return many(c);
    const start = old.offsets[p.from]!;
    const end = old.offsets[p.from + p.len]!;
    const offsets = old.offsets.slice(p.from, p.from + p.len + 1);
    for (let i = 0; i < offsets.length; i++) offsets[i] = offsets[i]! - start;
    return { offsets, values: old.values.subarray(start, end) };
  });
  const total = pieces.reduce((s, x) => s + x.values.length, 0);
  const offsets = new Int32Array(rows.length + 1);
  const values = new Int32Array(total);
  let used = 0;
  parts.forEach((p, k) => {
    const x = pieces[k]!;
    for (let i = 0; i < p.len; i++) offsets[p.at + i] = x.offsets[i]! + used;
    values.set(x.values, used);
    used += x.values.length;
  });
  offsets[rows.length] = used;
  return { one: null, offsets, values };
}

function rowsOf(c: Column): number {
  return c.one ? c.one.length : c.offsets.length - 1;
}

/** Whether `c` (over some rows) holds the keys `prev` holds for the same rows from `at`. */
function sameKeys(prev: Column, c: Column, at: number): boolean {
  const n = rowsOf(c);
  if (prev.one) {
    if (!c.one) return false;
    for (let i = 0; i < n; i++) if (prev.one[at + i] !== c.one[i]) return false;
    return true;
  }
  for (let i = 0; i < n; i++) {
    const a0 = prev.offsets[at + i]!;
    const a1 = prev.offsets[at + i + 1]!;
    if (c.one) {
      const k = c.one[i]!;
      if (k < 0 ? a1 !== a0 : a1 - a0 !== 1 || prev.values[a0] !== k) return false;
      continue;
    }
    const b0 = c.offsets[i]!;
    if (c.offsets[i + 1]! - b0 !== a1 - a0) return false;
    for (let x = 0; x < a1 - a0; x++) if (prev.values[a0 + x] !== c.values[b0 + x]) return false;
  }
  return true;
}

type Cached = { context: string; column: Column };
/**
 * Per snapshot: column name → the columns of the latest few contexts asked, newest first. More
 * than one, so queries that alternate between contexts (the station finder's "open now" and its
 * plain list read the service facet differently) each find theirs to splice after a save.
 */
const cache = new WeakMap<object, Map<string, Cached[]>>();
const CONTEXTS_KEPT = 3;

/**
 * The column `name` of a snapshot for a context key. `keys` must read only the row and what the
 * context key names (the same name and context always mean the same keys for the same row).
 */
export function columnOf<Row extends IndexRow, Refs>(snap: IndexSnapshot<Row, Refs>, name: string, context: string, keys: KeysOf<Row>): Column {
  let byName = cache.get(snap);
  if (!byName) cache.set(snap, (byName = new Map()));
  let kept = byName.get(name);
  if (!kept) byName.set(name, (kept = []));
  const hit = kept.find((c) => c.context === context);
  if (hit) return hit.column;
  const prev = snap.base ? cache.get(snap.base.prev)?.get(name)?.find((c) => c.context === context) : undefined;
  const column = prev ? splice(snap.rows, prev.column, snap.base!.parts, keys) : compute(snap.rows, keys);
  kept.unshift({ context, column });
  if (kept.length > CONTEXTS_KEPT) kept.pop();
  return column;
}

/** The group of every row (rows are sorted by group). */
export function groupsOf<Row extends IndexRow, Refs>(snap: IndexSnapshot<Row, Refs>): Int32Array {
  return columnOf(snap, '#group', '', (r) => r.group).one!;
}
