/**
 * A declared list and its search: parse → index (kept current) → one pass → order → page →
 * items, with chips, widen options and two small caches (the listing per filter set, the
 * result per page), both keyed on the index version so a save shows on the very next query.
 */
import type { DB } from '../../client';
import type { parseParams } from '../../validation/search-params';
import { beijingNow } from '../../domain/time';
import { pageWindow } from '../../queries/search-page';
import { resultCache } from './cache';
import { dateInt, epochDay } from './dates';
import { columnOf, groupsOf } from './columns';
import { columnTest, countVariants, matchedGroup, orderGroups, runPass, type MatchedSet, type PassFacet, type PassTest, type Variant } from './execute';
import { originValue, resolveOrigin } from './origin';
import { parseQuery, writeQuery } from './params';
import { rankings } from './ranks';
import { indexStore, type IndexSnapshot, type IndexStore } from './store';
import type {
  Chip,
  FacetCount,
  FilterDef,
  IndexRow,
  KeyTest,
  MatchedGroup,
  NoticeCode,
  OrderDef,
  Predicate,
  QueryContext,
  ResolvedOrigin,
  Scope,
  SearchResult,
  SourceDef,
  WidenOption,
} from './types';

type Shape = Parameters<typeof parseParams>[1];
export type ValuesOf<S extends Shape> = ReturnType<typeof parseParams<S>>['values'];
type Input = Parameters<typeof parseParams>[0];

export type ListDef<Row extends IndexRow, Refs, S extends Shape, Item> = {
  name: string;
  source: SourceDef<Row, Refs>;
  /** The URL parameters (search-params `one`/`many`); must include `page`. The origin is the engine's. */
  shape: S;
  filters: readonly FilterDef<Row, ValuesOf<S>, Refs>[];
  /** The first is the default. */
  orders: Readonly<Record<string, OrderDef<Row>>>;
  /**
   * 'minute' when filters or orders read the time of day (`q.minute`, `q.now`: a fair is past from
   * the minute it ends, a station is open now): the caches then key on the minute rather than the
   * day. Default 'day'.
   */
  clock?: 'day' | 'minute';
  /** The parameter naming the order (e.g. 'sort'); without one the default order always applies. */
  orderParam?: keyof ValuesOf<S>;
  pageSize: number;
  /** The rows a scope may ever reach (public: published; admin: what the actor may see). */
  scope(scope: Scope, q: QueryContext): Predicate<Row> | null;
  /** The page's items, from its matched groups (in order); `values` as applied (e.g. the service a card says how it offers). */
  items(db: DB, page: readonly MatchedGroup<Row>[], q: QueryContext, refs: Refs, values: ValuesOf<S>): Promise<Item[]>;
  /** Widen options besides dropping one filter (e.g. 'ended': also show finished runs). */
  widenMore?(values: ValuesOf<S>): { kind: string; values: ValuesOf<S> }[];
};

/**
 * `now` (and `today`, 'YYYY-MM-DD' Beijing, which overrides its day) are injectable for tests.
 * `facets: false` when the caller shows no filter counts (the home page, the site search): the
 * pass then counts none, and `facets` in the result is empty.
 */
export type SearchOptions = { today?: string; now?: Date; facets?: boolean };

/** A listing as cached: the matched set and its order as typed arrays, over the snapshot's rows. */
type Listing<Row> = {
  total: number;
  rows: readonly Row[];
  matched: MatchedSet;
  /** Positions in `matched`, in the listing's order. */
  ordered: Int32Array;
  facets: Record<string, FacetCount[]>;
  dropCounts: number[];
  predicates: (PassTest<Row> | null)[];
};

export type List<Row extends IndexRow, Refs, S extends Shape, Item> = {
  readonly def: ListDef<Row, Refs, S, Item>;
  readonly index: IndexStore<Row, Refs>;
  /** Runs a search (see SearchOptions). */
  search(db: DB, input: Input, scope: Scope, opts?: SearchOptions): Promise<SearchResult<Item, ValuesOf<S>>>;
  /** The canonical query string for values (and an origin). */
  query(values: ValuesOf<S>, origin?: ResolvedOrigin | null): string;
  /** Builds the index now (server start), so no request pays for it. */
  warm(db: DB): Promise<void>;
  /**
   * The matched groups with their matched rows, for callers that shape and page rows themselves
   * (the open-data API): in group order, or with `ordered` in the list's order (the order
   * parameter's, else the default). No facets, no cache; unknown ids match nothing.
   */
  match(db: DB, input: Input, scope: Scope, opts?: { today?: string; now?: Date; ordered?: boolean }): Promise<{ matched: MatchedGroup<Row>[]; q: QueryContext }>;
};

function scopeKey(scope: Scope): string {
  return scope.kind === 'public' ? 'public' : `admin:${scope.actor.id}:${scope.actor.role}:${scope.actor.providerId ?? ''}:${scope.actor.stationId ?? ''}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function defineList<Row extends IndexRow, Refs, S extends Shape, Item>(def: ListDef<Row, Refs, S, Item>): List<Row, Refs, S, Item> {
  const index = indexStore(def.source);
  const listings = resultCache<Listing<Row>>(64);
  const results = resultCache<SearchResult<Item, ValuesOf<S>>>(128);
  const orderNames = Object.keys(def.orders);
  const defaultOrder = orderNames[0]!;

  /** What a scope's predicate may read besides the row: the clock and the scope. */
  function scopeContext(q: QueryContext): string {
    return `${def.clock === 'minute' ? q.minute : q.today}|${scopeKey(q.scope)}`;
  }

  /** Queries told apart, for keys that read the query and name nothing of it (never shared). */
  const queryIds = new WeakMap<QueryContext, number>();
  let queries = 0;
  function queryId(q: QueryContext): string {
    let id = queryIds.get(q);
    if (id === undefined) queryIds.set(q, (id = ++queries));
    return `query:${id}`;
  }

  /** The scope as a column over the snapshot's rows (1: reachable), or null when it reaches all. */
  function scopeColumn(snap: IndexSnapshot<Row, Refs>, q: QueryContext): Int32Array | null {
    const p = def.scope(q.scope, q);
    if (!p) return null;
    return columnOf(snap, `${def.name}#scope:${scopeKey(q.scope)}`, scopeContext(q), (r) => (p(r) ? 1 : 0)).one;
  }

  /** Filter i's facet keys as a column of the snapshot (see columns.ts). */
  function facetColumn(snap: IndexSnapshot<Row, Refs>, i: number, q: QueryContext) {
    const facet = def.filters[i]!.facet;
    if (!facet) throw new Error(`list ${def.name}: filter ${def.filters[i]!.key} states a key test but has no facet`);
    // Keys of the row alone are the same for every query; keys reading the query, per cacheKey.
    const ctx = facet.keys.length < 2 ? '' : facet.cacheKey ? `key:${facet.cacheKey(q)}` : queryId(q);
    return columnOf(snap, `${def.name}#facet:${i}`, ctx, (r) => facet.keys(r, q));
  }

  /** A compiled filter as the pass tests it: a key test becomes a test on its facet's column. */
  function passTest(snap: IndexSnapshot<Row, Refs>, i: number, t: Predicate<Row> | KeyTest | null, q: QueryContext): PassTest<Row> | null {
    if (t === null || typeof t === 'function') return t;
    return columnTest(t.anyKey, facetColumn(snap, i, q));
  }

  async function compile(db: DB, snap: IndexSnapshot<Row, Refs>, values: ValuesOf<S>, q: QueryContext): Promise<(PassTest<Row> | null)[]> {
    const compiled = await Promise.all(def.filters.map((f) => f.compile(values[f.param], q, db, values)));
    return compiled.map((t, i) => passTest(snap, i, t, q));
  }

  async function count(db: DB, snap: IndexSnapshot<Row, Refs>, values: ValuesOf<S>, q: QueryContext): Promise<number> {
    const predicates = await compile(db, snap, values, q);
    return runPass({ rows: snap.rows, groups: groupsOf(snap), scope: scopeColumn(snap, q), predicates, facets: [], collect: false }).total;
  }

  // Ranked orders (static, or rankedBy a name): every group's place, kept per set of rows and
  // carried over a save (ranks.ts); a snapshot whose rows did not change (another list's content
  // did) keeps its ranks.
  const rankingOf = rankings<Row, Refs>();
  /** The name a query's order is ranked under, or null when it is sorted per query. */
  function rankName(o: OrderDef<Row>, q: QueryContext): string | null {
    if (o.static) return '';
    return o.rankedBy ? o.rankedBy(q) : null;
  }

  /** The matched groups in a ranked order: placed by rank, then read off (no sort). */
  function byRank(set: MatchedSet, rank: Int32Array): Int32Array {
    const placed = new Int32Array(rank.length).fill(-1);
    for (let k = 0; k < set.groups.length; k++) placed[rank[set.groups[k]!]!] = k;
    const out = new Int32Array(set.groups.length);
    let n = 0;
    for (let i = 0; i < placed.length; i++) if (placed[i]! >= 0) out[n++] = placed[i]!;
    return out;
  }

  /** A matched set's positions in an order: a ranked order (static, or rankedBy) by its ranks, any other sorted by its key. */
  function orderOf(snap: IndexSnapshot<Row, Refs>, set: MatchedSet, order: string, q: QueryContext): Int32Array {
    const o = def.orders[order]!;
    const name = rankName(o, q);
    return name !== null ? byRank(set, rankingOf(snap, order, name, (m) => o.key(m, q)).rank) : orderGroups(snap.rows, set, (m) => o.key(m, q));
  }

  /** Groups of a matched set with their rows, at the given positions. */
  function groupsAt(rows: readonly Row[], set: MatchedSet, at: ArrayLike<number>): MatchedGroup<Row>[] {
    return Array.from(at, (k) => matchedGroup(rows, set, k));
  }

  async function listing(db: DB, snap: IndexSnapshot<Row, Refs>, values: ValuesOf<S>, q: QueryContext, order: string, withFacets: boolean): Promise<Listing<Row>> {
    const predicates = await compile(db, snap, values, q);
    const facets: (PassFacet | null)[] = def.filters.map((f, i) => (withFacets && f.facet ? { options: f.facet.options(snap.refs, q), column: facetColumn(snap, i, q) } : null));
    const out = runPass({ rows: snap.rows, groups: groupsOf(snap), scope: scopeColumn(snap, q), predicates, facets, collect: true });
    const ordered = orderOf(snap, out.matched, order, q);
    const facetCounts: Record<string, FacetCount[]> = {};
    def.filters.forEach((f, i) => {
      const fc = facets[i];
      if (!fc) return;
      const counts = out.facetCounts[i]!;
      facetCounts[f.key] = fc.options.map((opt, j) => ({ value: opt.value, ...(opt.name !== undefined ? { name: opt.name } : {}), count: counts[j] ?? 0 }));
    });
    return { total: out.total, rows: snap.rows, matched: out.matched, ordered, facets: facetCounts, dropCounts: out.dropCounts, predicates };
  }

  const list: List<Row, Refs, S, Item> = {
    def,
    index,
    query(values, origin = null) {
      return writeQuery(def.shape, values, origin?.ref ?? null);
    },
    async warm(db) {
      await index.current(db);
    },
    async match(db, input, scope, opts = {}) {
      const at = opts.now ?? new Date();
      const todayText = opts.today ?? beijingNow(at).date;
      const snap = await index.current(db);
      const parsed = parseQuery(input, def.shape);
      const origin = parsed.origin ? await resolveOrigin(db, parsed.origin) : null;
      const asked = def.orderParam !== undefined ? String(parsed.values[def.orderParam]) : defaultOrder;
      const order = def.orders[asked] && !(def.orders[asked].needsOrigin && !origin) ? asked : defaultOrder;
      const q: QueryContext = { today: dateInt(todayText), todayText, minute: epochDay(todayText) * 1440 + beijingNow(at).minutes, scope, origin, order, now: at };
      const predicates = await compile(db, snap, parsed.values, q);
      const out = runPass({ rows: snap.rows, groups: groupsOf(snap), scope: scopeColumn(snap, q), predicates, facets: [], collect: true });
      const positions = opts.ordered ? orderOf(snap, out.matched, order, q) : out.matched.groups.map((_, k) => k);
      return { matched: groupsAt(snap.rows, out.matched, positions), q };
    },
    async search(db, input, scope, opts = {}) {
      const now = opts.now ?? new Date();
      const bj = beijingNow(now);
      const todayText = opts.today ?? bj.date;
      const timeKey = def.clock === 'minute' ? `${todayText}T${bj.time}` : todayText;
      const snap = await index.current(db);
      const parsed = parseQuery(input, def.shape);
      const values = parsed.values;
      const invalid = new Set(parsed.invalid);
      const record = values as Record<keyof ValuesOf<S>, unknown>;
      const pageOf = () => (values as Record<string, unknown>).page;
      for (const f of def.filters) {
        if (!f.known) continue;
        const kept = f.known(values[f.param], snap.refs);
        if (!sameValue(kept, values[f.param])) {
          record[f.param] = kept;
          invalid.add(String(f.param));
        }
      }
      let origin: ResolvedOrigin | null = null;
      if (parsed.origin) {
        origin = await resolveOrigin(db, parsed.origin);
        if (!origin) invalid.add('near');
      }
      let order = def.orderParam !== undefined ? String(values[def.orderParam]) : defaultOrder;
      if (!def.orders[order]) order = defaultOrder;
      const needsOrigin = def.orders[order]!.needsOrigin === true && !origin;
      if (needsOrigin) order = defaultOrder;

      const minute = epochDay(todayText) * 1440 + bj.minutes;
      const q: QueryContext = { today: dateInt(todayText), todayText, minute, scope, origin, order, now };
      const notice: NoticeCode | null = invalid.size > 0 ? 'invalid-params' : null;
      const firstPage = { ...values, page: 1 } as ValuesOf<S>;
      const withFacets = opts.facets !== false;
      const baseKey = `${snap.version}|${scopeKey(scope)}|${timeKey}|${order}|${withFacets ? 'facets' : 'no-facets'}|${writeQuery(def.shape, firstPage, origin?.ref ?? null)}`;
      const resultKey = `${baseKey}|${snap.items}|${String(pageOf())}|${notice ?? ''}|${needsOrigin}`;
      const hit = results.get(resultKey);
      if (hit) return hit;

      let listed = listings.get(baseKey);
      if (!listed) {
        listed = await listing(db, snap, values, q, order, withFacets);
        listings.set(baseKey, listed);
      }
      const win = pageWindow(listed.total, typeof pageOf() === 'number' ? Number(pageOf()) : 1, def.pageSize);
      (values as Record<string, unknown>).page = listed.total === 0 ? 1 : win.page;
      const page = groupsAt(listed.rows, listed.matched, listed.ordered.subarray(win.offset, win.offset + def.pageSize));
      const items = page.length > 0 ? await def.items(db, page, q, snap.refs, values) : [];

      const chips: Chip[] = [];
      for (const f of def.filters) chips.push(...f.chips(values[f.param], snap.refs));
      // The origin orders, it never narrows: a chip to remove it, never a widen option. A device
      // position is removed by its own parameters (lat, lng), a named place by `near`.
      if (origin) chips.push(origin.ref.kind === 'device' ? { key: 'lat' } : { key: 'near', ...(origin.name !== null ? { name: origin.name } : {}) });
      const widen: WidenOption[] = [];
      if (listed.total === 0) {
        // Each option: the query with one filter's value changed (a chip dropped, or a list's own
        // widening such as 'ended'). Options that change one filter are counted together in one
        // pass over the rows failing that filter alone; anything else gets a pass of its own.
        const options: { option: { kind: 'drop'; chip: Chip; query: string } | { kind: string; query: string }; values: ValuesOf<S> }[] = [];
        for (const f of def.filters) {
          for (const chip of f.chips(values[f.param], snap.refs)) {
            const next = { ...values, page: 1 } as ValuesOf<S>;
            (next as Record<keyof ValuesOf<S>, unknown>)[f.param] = f.without(values[f.param], chip);
            options.push({ option: { kind: 'drop', chip, query: writeQuery(def.shape, next, origin?.ref ?? null) }, values: next });
          }
        }
        for (const w of def.widenMore?.(values) ?? []) {
          const next = { ...w.values, page: 1 } as ValuesOf<S>;
          options.push({ option: { kind: w.kind, query: writeQuery(def.shape, next, origin?.ref ?? null) }, values: next });
        }
        const variants: Variant<Row>[] = [];
        const slot: (number | null)[] = [];
        for (const o of options) {
          const changed = def.filters.flatMap((f, i) => (sameValue(o.values[f.param], values[f.param]) ? [] : [i]));
          if (changed.length !== 1) {
            slot.push(null);
            continue;
          }
          const f = def.filters[changed[0]!]!;
          slot.push(variants.length);
          variants.push({ filter: changed[0]!, predicate: passTest(snap, changed[0]!, await f.compile(o.values[f.param], q, db, o.values), q) });
        }
        const counts = variants.length > 0 ? countVariants(snap.rows, groupsOf(snap), scopeColumn(snap, q), listed.predicates, variants) : [];
        for (let k = 0; k < options.length; k++) {
          const at = slot[k];
          const n = at !== null && at !== undefined ? counts[at]! : await count(db, snap, options[k]!.values, q);
          widen.push({ ...options[k]!.option, count: n });
        }
      }
      const result: SearchResult<Item, ValuesOf<S>> = {
        items,
        total: listed.total,
        page: win.page,
        pageCount: win.pageCount,
        pageSize: def.pageSize,
        facets: listed.facets,
        chips,
        notice,
        query: writeQuery(def.shape, values, origin?.ref ?? null),
        values,
        order,
        needsOrigin,
        origin: origin ? { value: originValue(origin.ref), name: origin.name, at: { lat: origin.lat, lng: origin.lng } } : null,
        widen,
      };
      results.set(resultKey, result);
      return result;
    },
  };
  return list;
}
