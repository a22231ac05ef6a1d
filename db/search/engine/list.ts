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
import { orderGroups, runPass, type PassFacet } from './execute';
import { originValue, resolveOrigin } from './origin';
import { parseQuery, writeQuery } from './params';
import { indexStore, type IndexSnapshot, type IndexStore } from './store';
import type {
  Chip,
  FacetCount,
  FilterDef,
  IndexRow,
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
   * 'minute' when filters or orders read `q.minute` (a fair is past from the minute it ends): the
   * caches then key on the minute rather than the day. Default 'day'.
   */
  clock?: 'day' | 'minute';
  /** The parameter naming the order (e.g. 'sort'); without one the default order always applies. */
  orderParam?: keyof ValuesOf<S>;
  pageSize: number;
  /** The rows a scope may ever reach (public: published; admin: what the actor may see). */
  scope(scope: Scope, q: QueryContext): Predicate<Row> | null;
  /** The page's items, from its matched groups (in order). */
  items(db: DB, page: readonly MatchedGroup<Row>[], q: QueryContext, refs: Refs): Promise<Item[]>;
  /** Widen options besides dropping one filter (e.g. 'ended': also show finished runs). */
  widenMore?(values: ValuesOf<S>): { kind: string; values: ValuesOf<S> }[];
};

type Listing<Row> = { total: number; ordered: MatchedGroup<Row>[]; facets: Record<string, FacetCount[]>; dropCounts: number[] };

export type List<Row extends IndexRow, Refs, S extends Shape, Item> = {
  readonly def: ListDef<Row, Refs, S, Item>;
  readonly index: IndexStore<Row, Refs>;
  /** Runs a search. `now` (and `today`, 'YYYY-MM-DD' Beijing, which overrides its day) are injectable for tests. */
  search(db: DB, input: Input, scope: Scope, opts?: { today?: string; now?: Date }): Promise<SearchResult<Item, ValuesOf<S>>>;
  /** The canonical query string for values (and an origin). */
  query(values: ValuesOf<S>, origin?: ResolvedOrigin | null): string;
  /** Builds the index now (server start), so no request pays for it. */
  warm(db: DB): Promise<void>;
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
  const group = (r: Row) => r.group;

  async function compile(db: DB, values: ValuesOf<S>, q: QueryContext): Promise<(Predicate<Row> | null)[]> {
    return Promise.all(def.filters.map((f) => f.compile(values[f.param], q, db, values)));
  }

  async function count(db: DB, snap: IndexSnapshot<Row, Refs>, values: ValuesOf<S>, q: QueryContext): Promise<number> {
    const predicates = await compile(db, values, q);
    return runPass({ rows: snap.rows, group, scope: def.scope(q.scope, q), predicates, facets: [], q, collect: false }).total;
  }

  // Static orders: every group's place, worked out once per index snapshot (see OrderDef.static).
  const ranks = new WeakMap<IndexSnapshot<Row, Refs>, Map<string, Int32Array>>();
  function rankOf(snap: IndexSnapshot<Row, Refs>, order: string, q: QueryContext): Int32Array {
    let byOrder = ranks.get(snap);
    if (!byOrder) ranks.set(snap, (byOrder = new Map()));
    const known = byOrder.get(order);
    if (known) return known;
    const groups: MatchedGroup<Row>[] = [];
    let open: { group: number; rows: Row[] } | null = null;
    let max = 0;
    for (const row of snap.rows) {
      if (!open || open.group !== row.group) groups.push((open = { group: row.group, rows: [] }));
      open.rows.push(row);
      if (row.group > max) max = row.group;
    }
    const o = def.orders[order]!;
    const rank = new Int32Array(max + 1).fill(-1);
    orderGroups(groups, (m) => o.key(m, q)).forEach((m, i) => {
      rank[m.group] = i;
    });
    byOrder.set(order, rank);
    return rank;
  }

  /** The matched groups in a static order's ranks: placed by rank, then read off (no sort). */
  function byRank(matched: MatchedGroup<Row>[], rank: Int32Array): MatchedGroup<Row>[] {
    const placed = new Array<MatchedGroup<Row> | undefined>(rank.length);
    for (const m of matched) placed[rank[m.group]!] = m;
    const out: MatchedGroup<Row>[] = [];
    for (const m of placed) if (m) out.push(m);
    return out;
  }

  async function listing(db: DB, snap: IndexSnapshot<Row, Refs>, values: ValuesOf<S>, q: QueryContext, order: string): Promise<Listing<Row>> {
    const predicates = await compile(db, values, q);
    const facets: (PassFacet<Row> | null)[] = def.filters.map((f) => (f.facet ? { options: f.facet.options(snap.refs, q), keys: f.facet.keys } : null));
    const out = runPass({ rows: snap.rows, group, scope: def.scope(q.scope, q), predicates, facets, q, collect: true });
    const o = def.orders[order]!;
    const ordered = o.static ? byRank(out.matched, rankOf(snap, order, q)) : orderGroups(out.matched, (m) => o.key(m, q));
    const facetCounts: Record<string, FacetCount[]> = {};
    def.filters.forEach((f, i) => {
      const fc = facets[i];
      if (!fc) return;
      const counts = out.facetCounts[i]!;
      facetCounts[f.key] = fc.options.map((opt, j) => ({ value: opt.value, ...(opt.name !== undefined ? { name: opt.name } : {}), count: counts[j] ?? 0 }));
    });
    return { total: out.total, ordered, facets: facetCounts, dropCounts: out.dropCounts };
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
    async search(db, input, scope, opts = {}) {
      const clock = beijingNow(opts.now ?? new Date());
      const todayText = opts.today ?? clock.date;
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

      const minute = epochDay(todayText) * 1440 + clock.minutes;
      const q: QueryContext = { today: dateInt(todayText), todayText, minute, scope, origin };
      const when = def.clock === 'minute' ? String(minute) : todayText;
      const notice: NoticeCode | null = invalid.size > 0 ? 'invalid-params' : null;
      const firstPage = { ...values, page: 1 } as ValuesOf<S>;
      const baseKey = `${snap.version}|${scopeKey(scope)}|${when}|${order}|${writeQuery(def.shape, firstPage, origin?.ref ?? null)}`;
      const resultKey = `${baseKey}|${String(pageOf())}|${notice ?? ''}|${needsOrigin}`;
      const hit = results.get(resultKey);
      if (hit) return hit;

      let listed = listings.get(baseKey);
      if (!listed) {
        listed = await listing(db, snap, values, q, order);
        listings.set(baseKey, listed);
      }
      const win = pageWindow(listed.total, typeof pageOf() === 'number' ? Number(pageOf()) : 1, def.pageSize);
      (values as Record<string, unknown>).page = listed.total === 0 ? 1 : win.page;
      const page = listed.ordered.slice(win.offset, win.offset + def.pageSize);
      const items = page.length > 0 ? await def.items(db, page, q, snap.refs) : [];

      const chips: Chip[] = [];
      for (const f of def.filters) chips.push(...f.chips(values[f.param], snap.refs));
      const widen: WidenOption[] = [];
      if (listed.total === 0) {
        for (let i = 0; i < def.filters.length; i++) {
          const f = def.filters[i]!;
          for (const chip of f.chips(values[f.param], snap.refs)) {
            const next = { ...values, page: 1 } as ValuesOf<S>;
            (next as Record<keyof ValuesOf<S>, unknown>)[f.param] = f.without(values[f.param], chip);
            // Dropping a filter outright was counted in the pass; anything narrower needs its own.
            const loose = (await f.compile(next[f.param], q, db, next)) === null;
            const n = loose ? listed.dropCounts[i]! : await count(db, snap, next, q);
            widen.push({ kind: 'drop', chip, query: writeQuery(def.shape, next, origin?.ref ?? null), count: n });
          }
        }
        for (const w of def.widenMore?.(values) ?? []) {
          const next = { ...w.values, page: 1 } as ValuesOf<S>;
          widen.push({ kind: w.kind, query: writeQuery(def.shape, next, origin?.ref ?? null), count: await count(db, snap, next, q) });
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
        origin: origin ? { value: originValue(origin.ref), name: origin.name } : null,
        widen,
      };
      results.set(resultKey, result);
      return result;
    },
  };
  return list;
}
