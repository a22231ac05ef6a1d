/**
 * Builders for the usual kinds of filter, so most declarations are a few lines: a checkbox
 * (`flag`), one id among data-backed options (`oneId`), several codes (`anyOf`). Anything else
 * is a plain FilterDef.
 */
import type { Chip, FacetOptionDecl, FilterDef, KeyTest, Predicate, QueryContext } from './types';

type KeyOf<Values> = keyof Values;

const ON: KeyTest = { anyKey: [1] };
/** A flag's facet keys from a test of the row alone (declared `(row) => …`). */
const rowKeys =
  <Row>(test: (row: Row) => boolean) =>
  (row: Row): number | null =>
    test(row) ? 1 : null;

/** Typed builders for one list's rows, values and reference data. */
export function filterKit<Row, Values, Refs>() {
  /** A plain filter: typed on its own parameter, stored with the list's other filters. */
  function filter<K extends KeyOf<Values>>(def: FilterDef<Row, Values, Refs, K>): FilterDef<Row, Values, Refs> {
    return def as FilterDef<Row, Values, Refs>;
  }

  /** A checkbox: on → rows passing `test`; its facet counts the groups it would give. */
  function flag<K extends KeyOf<Values>>(d: {
    key: string;
    param: K;
    test: (row: Row, q: QueryContext) => boolean;
    /** All a test reading the query reads of it (see FilterDef facet.cacheKey). */
    cacheKey?: (q: QueryContext) => string;
  }): FilterDef<Row, Values, Refs> {
    return filter<K>({
      key: d.key,
      param: d.param,
      // The facet's key 1 is "passes the test": read from its column.
      compile: (value) => (value === true ? ON : null),
      // A test of the row alone gives keys of the row alone (their column is shared by every query).
      facet: { options: () => [{ key: 1, value: '1' }], keys: d.test.length < 2 ? rowKeys(d.test as (row: Row) => boolean) : (row, q) => (d.test(row, q) ? 1 : null), ...(d.cacheKey ? { cacheKey: d.cacheKey } : {}) },
      chips: (value) => (value === true ? [{ key: d.key }] : []),
      without: () => false as Values[K],
    });
  }

  /** One id among data-backed options (a street, an occupation): unknown ids are dropped with a notice. */
  function oneId<K extends KeyOf<Values>>(d: {
    key: string;
    param: K;
    of: (row: Row) => number;
    options: (refs: Refs) => { id: number; name: string }[];
  }): FilterDef<Row, Values, Refs> {
    return filter<K>({
      key: d.key,
      param: d.param,
      known: (value, refs) => (value !== null && !d.options(refs).some((o) => o.id === value) ? (null as Values[K]) : value),
      compile: (value) => (typeof value === 'number' ? { anyKey: [value] } : null),
      facet: { options: (refs) => d.options(refs).map((o) => ({ key: o.id, value: String(o.id), name: o.name })), keys: (row) => d.of(row) },
      chips: (value, refs) => (typeof value === 'number' ? [{ key: d.key, value: String(value), name: d.options(refs).find((o) => o.id === value)?.name ?? String(value) }] : []),
      without: () => null as Values[K],
    });
  }

  /**
   * Several codes, any of which may match (cost=free&cost=subsidised). `codes` lists every code
   * in facet order; `of` gives a row's code index (or indexes) in that list.
   */
  function anyOf<K extends KeyOf<Values>, C extends string | number>(d: {
    key: string;
    param: K;
    codes: readonly C[];
    of: (row: Row, q: QueryContext) => number | readonly number[] | null;
    /** The rows matching when nothing is chosen (e.g. a default window); null: all. */
    otherwise?: (q: QueryContext) => Predicate<Row> | KeyTest | null;
    /** The code is the group's, the same on all its rows (see FilterDef facet.perGroup). */
    perGroup?: boolean;
    /** All `of` reads of the query, when it reads it (see FilterDef facet.cacheKey). */
    cacheKey?: (q: QueryContext) => string;
  }): FilterDef<Row, Values, Refs> {
    const options: FacetOptionDecl[] = d.codes.map((c, i) => ({ key: i, value: String(c) }));
    return filter<K>({
      key: d.key,
      param: d.param,
      compile: (value, q) => {
        const chosen = value as readonly C[];
        if (chosen.length === 0) return d.otherwise?.(q) ?? null;
        // The facet's keys are `of`: the chosen codes' indexes, read from its column.
        return { anyKey: chosen.map((c) => d.codes.indexOf(c)).filter((i) => i >= 0) };
      },
      facet: { options: () => options, keys: d.of, perGroup: d.perGroup === true, ...(d.cacheKey ? { cacheKey: d.cacheKey } : {}) },
      chips: (value) => (value as readonly C[]).map((c): Chip => ({ key: d.key, value: String(c) })),
      without: (value, chip) => (value as readonly C[]).filter((c) => String(c) !== chip.value) as Values[K],
    });
  }

  return { filter, flag, oneId, anyOf };
}
