/**
 * A list's in-memory index, kept current: built once (at server start, or on first use), then on
 * every query one cheap look at the change log's head; when it moved, only the changed groups are
 * reloaded. A full rebuild happens when the change set is large, when log rows were pruned past
 * us, or when `PRAGMA data_version` says another connection rewrote the file (CLI reset, restore).
 */
import type { DB } from '../../client';
import { changeHead, changesSince, pruneChanges } from './changes';
import type { IndexRow, SourceDef } from './types';

/** Above this many changed groups a rebuild is cheaper than targeted reloads. */
const MAX_TARGETED = 200;

export type IndexSnapshot<Row extends IndexRow, Refs> = {
  /** Rows sorted by group (stable within a group). Never mutated: a change makes a new array. */
  readonly rows: readonly Row[];
  readonly refs: Refs;
  /** The change-log seq of the last change this snapshot took in (a later change to another list's content leaves it as is). */
  readonly seq: number;
  /** Bumped on every rebuild or applied change (cache keys use it with seq). */
  readonly version: number;
  /**
   * The change-log seq of the last 'items' change (something the list's items read beyond its
   * rows: a course's title on a job card). Cached result pages key on it; the rows, their
   * counts and orders (keyed on `version`) stay.
   */
  readonly items: number;
  /**
   * How these rows were made from the previous snapshot's (an applied change): derived per-row
   * columns (columns.ts) are spliced from the previous snapshot's rather than recomputed. Only
   * one step back is kept (the previous snapshot's own link is cut), so snapshots never chain.
   */
  base: SnapshotBase<Row, Refs> | null;
};

/** A run of the new rows: copied from the previous rows at `from`, or fresh (from = -1). */
export type SplicePart = { at: number; len: number; from: number };
export type SnapshotBase<Row extends IndexRow, Refs> = { prev: IndexSnapshot<Row, Refs>; parts: readonly SplicePart[] };

type State<Row extends IndexRow, Refs> = {
  snap: IndexSnapshot<Row, Refs>;
  /** The change-log head read last (at or past snap.seq). */
  seen: number;
  dataVersion: number;
};

export type IndexStats = { builds: number; applied: number; lastBuildMs: number; lastApplyMs: number };

export type IndexStore<Row extends IndexRow, Refs> = {
  /** The current snapshot, brought up to date first. */
  current(db: DB): Promise<IndexSnapshot<Row, Refs>>;
  /** Forget every built index (tests). */
  reset(): void;
  readonly stats: IndexStats;
};

function byGroup<Row extends IndexRow>(rows: Row[]): Row[] {
  // Stable: rows of a group keep the order the source gave them.
  return rows.sort((a, b) => a.group - b.group);
}

/** The first index in sorted `rows` whose group is not below `g`. */
function lowerBound<Row extends IndexRow>(rows: readonly Row[], g: number, from: number): number {
  let lo = from;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.group < g) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Replaces the rows of `groups` with `fresh` (rows sorted by group): the untouched runs between
 * changed groups are copied as slices (found by binary search), so one change costs a copy of
 * the array, not a pass of pushes.
 */
export function mergeGroups<Row extends IndexRow>(rows: readonly Row[], groups: ReadonlySet<number>, fresh: Row[]): Row[] {
  return mergePlan(rows, groups, fresh).rows;
}

/** mergeGroups, with where each run of the result came from (for splicing derived columns). */
export function mergePlan<Row extends IndexRow>(rows: readonly Row[], groups: ReadonlySet<number>, fresh: Row[]): { rows: Row[]; parts: SplicePart[] } {
  const add = byGroup(fresh);
  const sorted = [...groups].sort((a, b) => a - b);
  // Where each changed group sits now, so the new array is sized once and filled in one go (a
  // save allocates one array of the index's length, not slices and then their concatenation).
  const spans: { lo: number; hi: number }[] = [];
  let removed = 0;
  let from = 0;
  for (const g of sorted) {
    const lo = lowerBound(rows, g, from);
    const hi = lowerBound(rows, g + 1, lo);
    spans.push({ lo, hi });
    removed += hi - lo;
    from = hi;
  }
  const out = new Array<Row>(rows.length - removed + add.length);
  const parts: SplicePart[] = [];
  let pos = 0;
  const keep = (a: number, b: number) => {
    if (b <= a) return;
    for (let i = a; i < b; i++) out[pos + i - a] = rows[i]!;
    parts.push({ at: pos, len: b - a, from: a });
    pos += b - a;
  };
  const take = (a: number, b: number) => {
    if (b <= a) return;
    for (let i = a; i < b; i++) out[pos + i - a] = add[i]!;
    parts.push({ at: pos, len: b - a, from: -1 });
    pos += b - a;
  };
  let at = 0;
  let j = 0;
  sorted.forEach((g, k) => {
    const { lo, hi } = spans[k]!;
    keep(at, lo);
    const start = j;
    while (j < add.length && add[j]!.group <= g) j++;
    take(start, j);
    at = hi;
  });
  keep(at, rows.length);
  take(j, add.length);
  return { rows: out, parts };
}

/**
 * One store per source name, process-wide: lists declared over the same source (resident and
 * admin) share one index, and so do Next's bundles (instrumentation.ts builds it at start; each
 * bundle has its own copy of this module, hence globalThis, like the database connection).
 */
const registry = globalThis as unknown as { __listIndexes?: Map<string, unknown> };

export function indexStore<Row extends IndexRow, Refs>(source: SourceDef<Row, Refs>): IndexStore<Row, Refs> {
  const stores = (registry.__listIndexes ??= new Map());
  const name = source.name;
  const existing = stores.get(name);
  if (existing) return existing as IndexStore<Row, Refs>;
  const store = createStore(source);
  stores.set(name, store);
  return store;
}

function createStore<Row extends IndexRow, Refs>(source: SourceDef<Row, Refs>): IndexStore<Row, Refs> {
  // One index per connection (tests open their own databases).
  let states = new WeakMap<DB, State<Row, Refs>>();
  let version = 0;
  /** The change-log entities this source reads (the others' saves are not looked at). */
  const entities = Object.keys(source.changes);
  const stats: IndexStats = { builds: 0, applied: 0, lastBuildMs: 0, lastApplyMs: 0 };

  async function build(db: DB): Promise<State<Row, Refs>> {
    const t0 = performance.now();
    const head = changeHead(db);
    const [rows, refs] = await Promise.all([source.loadAll(db), source.loadRefs(db)]);
    const state = { snap: { rows: byGroup(rows), refs, seq: head.seq, version: ++version, items: head.seq, base: null }, seen: head.seq, dataVersion: head.dataVersion };
    pruneChanges(db, head.seq);
    stats.builds++;
    stats.lastBuildMs = performance.now() - t0;
    return state;
  }

  async function apply(db: DB, state: State<Row, Refs>, head: { seq: number; dataVersion: number }): Promise<State<Row, Refs>> {
    const t0 = performance.now();
    const changes = changesSince(db, entities, state.seen, head.seq, MAX_TARGETED * 8);
    if (!changes) return build(db);
    const groups = new Set<number>();
    const owners = new Set<number>();
    /** The records whose 'refs' changes these are, by entity (for source.updateRefs). */
    const refsOf = new Map<string, number[]>();
    let items = false;
    for (const c of changes) {
      const said = source.changes[c.entity];
      for (const what of typeof said === 'string' ? [said] : (said ?? [])) {
        if (what === 'rebuild') return build(db);
        if (what === 'refs') {
          const ids = refsOf.get(c.entity);
          if (ids) ids.push(c.entityId);
          else refsOf.set(c.entity, [c.entityId]);
        } else if (what === 'items') items = true;
        else if (what === 'group') groups.add(c.entityId);
        else owners.add(c.entityId);
      }
    }
    if (owners.size > MAX_TARGETED) return build(db);
    if (owners.size > 0) await addOwnedGroups(db, state.snap.rows, owners, groups);
    if (groups.size > MAX_TARGETED) return build(db);
    pruneChanges(db, head.seq);
    // Nothing of this list changed (another list's content did): the same snapshot, so its
    // caches, columns and ranked orders stay valid. Only what its items read changed: the same
    // rows and counts under a new items stamp, so only cached pages are read anew.
    const refs = refsOf.size > 0;
    if (groups.size === 0 && !refs) {
      if (!items) return { snap: state.snap, seen: head.seq, dataVersion: head.dataVersion };
      const prev = state.snap;
      prev.base = null;
      const snap = { ...prev, items: head.seq, base: { prev, parts: [{ at: 0, len: prev.rows.length, from: 0 }] } };
      return { snap, seen: head.seq, dataVersion: head.dataVersion };
    }
    const ids = [...groups];
    const prev = state.snap;
    const merged = ids.length > 0 ? mergePlan(prev.rows, groups, await source.loadGroups(db, ids)) : { rows: prev.rows, parts: [{ at: 0, len: prev.rows.length, from: 0 }] };
    const nextRefs = refs ? ((await source.updateRefs?.(db, prev.refs, refsOf)) ?? (await source.loadRefs(db))) : prev.refs;
    stats.applied++;
    stats.lastApplyMs = performance.now() - t0;
    // Reference data feeds option lists, not per-row columns; a refs change still splices.
    prev.base = null;
    const base = { prev, parts: merged.parts };
    return { snap: { rows: merged.rows, refs: nextRefs, seq: head.seq, version: ++version, items: head.seq, base }, seen: head.seq, dataVersion: head.dataVersion };
  }

  /** The groups the changed owners hold in the index and hold now (source.owner). */
  async function addOwnedGroups(db: DB, rows: readonly Row[], owners: ReadonlySet<number>, into: Set<number>): Promise<void> {
    const owner = source.owner;
    if (!owner) throw new Error(`index ${source.name}: an 'owner' change needs source.owner`);
    for (const r of rows) if (owners.has(owner.of(r))) into.add(r.group);
    for (const g of await owner.groups(db, [...owners])) into.add(g);
  }

  return {
    async current(db) {
      let state = states.get(db);
      const head = changeHead(db);
      if (!state) state = await build(db);
      else if (head.dataVersion !== state.dataVersion) state = await build(db);
      else if (head.seq !== state.seen) state = await apply(db, state, head);
      else return state.snap;
      states.set(db, state);
      return state.snap;
    },
    reset() {
      states = new WeakMap();
    },
    stats,
  };
}
