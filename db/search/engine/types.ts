/**
 * The list-search engine's types: what a list declares (rows, filters, orders) and what a
 * search returns. Codes only: no words here (components/<feature>/strings.ts says them).
 */
import type { Actor } from '../../auth/permissions';
import type { DB } from '../../client';

/** Who is looking. Admin lists derive what they may show from the actor; there is no admin read without one. */
export type Scope = { kind: 'public' } | { kind: 'admin'; actor: Actor };

/** Why a search did not use all of its URL (the page says it in words). */
export type NoticeCode = 'invalid-params';

/** A row of a list's in-memory index. `group` is what the list counts (a course for its runs). */
export type IndexRow = { readonly group: number };

/** A near-me origin: a 街镇 centre, a landmark place, a station, or the device's position. */
export type OriginRef =
  | { kind: 'street'; id: number }
  | { kind: 'place'; id: number }
  | { kind: 'device'; lat: number; lng: number };

export type ResolvedOrigin = { ref: OriginRef; lat: number; lng: number; /** Data name (street or place); null for a device. */ name: string | null };

/** What every predicate, facet and order of one query can read. */
export type QueryContext = {
  /** Beijing today as yyyymmdd (20261206). */
  today: number;
  /** Beijing today as 'YYYY-MM-DD'. */
  todayText: string;
  /**
   * Beijing now to the minute, as minutes since 1970-01-01 00:00 Beijing (epoch day × 1440 +
   * minutes since midnight). Lists that read it declare `clock: 'minute'` so their caches key on it.
   */
  minute: number;
  scope: Scope;
  origin: ResolvedOrigin | null;
  /** The order applied (after falling back from one needing an origin). */
  order: string;
  /** The instant of the query (injectable for tests): lists whose predicates depend on the time of day read it. */
  now: Date;
};

export type Predicate<Row> = (row: Row) => boolean;

/**
 * A filter's test stated on its own facet keys: a row passes when one of its keys (the facet's
 * `keys(row, q)`) is in `anyKey`. The engine reads it from the facet's column (no call per row,
 * no read of the row), so prefer it to a predicate wherever the two say the same. Only for a
 * filter that has a facet.
 */
export type KeyTest = { readonly anyKey: readonly number[] };

/** One option of a facet: `key` is the small integer rows are counted under; `value` goes in the URL. */
export type FacetOptionDecl = { key: number; value: string; /** Data-backed options only (streets, occupations). */ name?: string };

/** An active filter, removable: a code, its value for repeatable keys, a data name where there is one. */
export type Chip = { key: string; value?: string; name?: string };

export type FacetCount = { value: string; name?: string; count: number };

/**
 * One filter. Method syntax on purpose: a list holds filters over different parameters in one
 * array, and each is called with its own parameter's value.
 */
export type FilterDef<Row, Values, Refs, K extends keyof Values = keyof Values> = {
  /** Chip, facet and widen key (often the parameter's name). */
  key: string;
  /** The parameter (in the list's shape) holding this filter's value. */
  param: K;
  /**
   * The value with ids that name nothing dropped (street=999999). Return it unchanged when all
   * is known; the engine adds the 'invalid-params' notice when it changed.
   */
  known?(value: Values[K], refs: Refs): Values[K];
  /**
   * The predicate for this query, or null when the value does not narrow. May read the database
   * (a keyword's ids). `values` (all of the query's) is for a filter whose meaning another sets
   * (the admin fair list's date window when it shows past and upcoming together); a filter that
   * reads it should have no facet, since facets count "every filter but its own".
   */
  compile(value: Values[K], q: QueryContext, db: DB, values: Values): Predicate<Row> | KeyTest | null | Promise<Predicate<Row> | KeyTest | null>;
  /** Counts per option with every other filter applied. */
  facet?: {
    options(refs: Refs, q: QueryContext): FacetOptionDecl[];
    /** The option keys a row counts under (several for a run's target groups; null for none). */
    keys(row: Row, q: QueryContext): number | readonly number[] | null;
    /** The keys are the same for every row of a group (a course's occupation): asked once per group. */
    perGroup?: boolean;
    /**
     * The engine keeps every row's keys in a column. Keys declared with the row alone, `(r) => …`,
     * are kept for every query; keys that read the query are worked out again for each query,
     * unless this names all they read of it (e.g. `(q) => String(q.today)`): queries with the
     * same name then share the column.
     */
    cacheKey?(q: QueryContext): string;
  };
  /** The chips of an active value ([] when inactive). */
  chips(value: Values[K], refs: Refs): Chip[];
  /** The value without one of its chips (the widen option and the chip's remove link). */
  without(value: Values[K], chip: Chip): Values[K];
};

/** A group's matched rows, as orders and the page's items see them. */
export type MatchedGroup<Row> = { group: number; rows: readonly Row[] };

/** An order: a sort key per matched group, compared element by element, ascending; ties by group id. */
export type OrderDef<Row> = {
  key(m: MatchedGroup<Row>, q: QueryContext): readonly number[];
  /** Needs a near-me origin; without one the list's default order is used and `needsOrigin` is set. */
  needsOrigin?: boolean;
  /**
   * The key reads neither the query nor which of a group's rows matched (past fairs by when they
   * ended): the engine then ranks every group once per set of rows and orders a listing by that
   * rank, with no sort per query (a deep page of thousands of matches costs one linear pass).
   */
  static?: boolean;
  /**
   * Like `static`, for a key that reads the query only through what this names (e.g. the day):
   * ranked once per set of rows and per name. Null when this query's key reads more (an origin's
   * distance): then it is sorted per query.
   */
  rankedBy?(q: QueryContext): string | null;
};

export type ChangeAction = 'group' | 'owner' | 'refs' | 'items' | 'rebuild';

/** Where rows come from and what in the change log concerns them. */
export type SourceDef<Row extends IndexRow, Refs> = {
  /**
   * Names the index. Every list over this source (resident, admin, open data) shares the one
   * index of this name, and so do the server's bundles (the index built at start in
   * instrumentation.ts is the one pages read; it lives on globalThis).
   */
  name: string;
  /** Every row (any scope): the engine sorts them by group. */
  loadAll(db: DB): Promise<Row[]>;
  /** The rows of these groups only (after a change to them). */
  loadGroups(db: DB, groups: readonly number[]): Promise<Row[]>;
  /** Small reference data (names, option lists), reloaded on 'refs' changes. */
  loadRefs(db: DB): Promise<Refs>;
  /**
   * Optional: the reference data after 'refs' changes to these records only (entity → ids),
   * from the previous data, where reloading it all would cost more (the job list's names of
   * 4,000 fairs after one fair's save). Absent, or returning null, means loadRefs.
   */
  updateRefs?(db: DB, prev: Refs, changed: ReadonlyMap<string, readonly number[]>): Promise<Refs | null>;
  /**
   * What to do on a change-log entity: 'group' = reload that group (entity id = group id),
   * 'owner' = reload the groups that entity owns (`owner` below), 'refs' = reload the reference
   * data, 'items' = only the list's items read it (cached pages are dropped; rows, counts and
   * orders stay), 'rebuild' = reload everything; or several of these. Unlisted entities are ignored.
   */
  changes: Readonly<Record<string, ChangeAction | readonly ChangeAction[]>>;
  /**
   * For 'owner' changes, when a row's group belongs to a record the change log names instead
   * (a position logs its fair): the owner's id of a row, and the groups owners have now. The
   * groups reloaded are those the index holds for the owner plus those it has now, so groups
   * added, edited and deleted are all seen.
   */
  owner?: { of(row: Row): number; groups(db: DB, owners: readonly number[]): Promise<number[]> };
};

export type WidenOption = { kind: 'drop'; chip: Chip; query: string; count: number } | { kind: string; query: string; count: number };

export type SearchResult<Item, Values> = {
  items: Item[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: Record<string, FacetCount[]>;
  chips: Chip[];
  notice: NoticeCode | null;
  /** The canonical query string of what was applied (old origin forms rewritten). */
  query: string;
  values: Values;
  /** The order applied. */
  order: string;
  /** An order needing a place was asked for without one. */
  needsOrigin: boolean;
  /** The chosen near-me origin: canonical value, data name and where it is (WGS-84, for the map's origin marker). */
  origin: { value: string; name: string | null; at: { lat: number; lng: number } } | null;
  /** Only when nothing matched: each active filter dropped, with what it would give. */
  widen: WidenOption[];
};
