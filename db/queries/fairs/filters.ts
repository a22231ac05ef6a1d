/**
 * The fair lists' filters and orders, declared once for the resident list and the admin list
 * (which adds publication and status, and may show upcoming and past together). Each filter is
 * its predicate on an index row, its facet, its chip and how to drop it; the engine does the rest.
 */
import { FAIR_TYPES, type FairType } from '../../schema';
import { keywordPredicate } from '../../search';
import { filterKit, type Chip, type FilterDef, type MatchedGroup, type OrderDef, type QueryContext } from '../../search/engine';
import { DATE_WINDOWS, type DateWindow } from '../../domain/fair-dates';
import type { FairRefs, FairRow } from './rows';
import { fairState, inWholeWindow, nextGoKey, UPCOMING, windowBit } from './timing';

// Local bindings for what every row's predicates call (an imported binding is a property read
// per call under a CommonJS transform such as the benchmark's).
const stateOf = fairState;
const UP = UPCOMING;

/** What both fair lists' URLs hold. */
export type FairFilterValues = {
  q: string;
  type: FairType | null;
  street: number | null;
  date: DateWindow | null;
  when: 'upcoming' | 'past' | 'all';
};

/**
 * One code among a fixed list (a type, a publication, a status): `of` gives the row's index in
 * `codes`. With `facet`, each code is counted.
 */
export function oneCode<V, K extends keyof V>(d: { key: string; param: K; codes: readonly string[]; of: (r: FairRow) => number; facet: boolean }): FilterDef<FairRow, V, FairRefs> {
  const k = filterKit<FairRow, V, FairRefs>();
  const index = (value: V[K]) => (value === null ? -1 : d.codes.indexOf(String(value)));
  return k.filter<K>({
    key: d.key,
    param: d.param,
    compile: (value) => {
      const i = index(value);
      return i < 0 ? null : (r) => d.of(r) === i;
    },
    ...(d.facet ? { facet: { options: () => d.codes.map((c, i) => ({ key: i, value: c })), keys: (r: FairRow) => d.of(r) } } : {}),
    chips: (value): Chip[] => (index(value) < 0 ? [] : [{ key: d.key, value: String(value) }]),
    without: () => null as V[K],
  });
}

/**
 * 关键词, 类型, 街镇, 时间 and upcoming/past, in chip order. `whenDefault` is the list's
 * default ('upcoming' for residents, 'all' for admins); `facets` off for the admin list,
 * which shows no counts.
 */
export function fairFilters<V extends FairFilterValues>(opts: { whenDefault: V['when']; facets: boolean }): FilterDef<FairRow, V, FairRefs>[] {
  const k = filterKit<FairRow, V, FairRefs>();
  const up = (r: FairRow, q: QueryContext) => (stateOf(r, q.minute) & UP) !== 0;
  // The date and upcoming/past keys read only the minute of the query (see FilterDef facet.cacheKey).
  const byMinute = (q: QueryContext) => String(q.minute);
  return [
    k.filter<'q'>({
      key: 'q',
      param: 'q',
      compile: (value, _q, db) => keywordPredicate(db, 'fair', value),
      chips: (value) => (value ? [{ key: 'q', value }] : []),
      without: () => '' as V['q'],
    }),
    oneCode<V, 'type'>({ key: 'type', param: 'type', codes: FAIR_TYPES, of: (r) => r.type, facet: opts.facets }),
    // As the engine's oneId (written out: this declaration is generic over the two lists' values).
    k.filter<'street'>({
      key: 'street',
      param: 'street',
      known: (value, refs) => (value !== null && !refs.streets.some((o) => o.id === value) ? (null as V['street']) : value),
      compile: (value) => (value === null ? null : (r) => r.street === value),
      facet: { options: (refs) => refs.streets.map((o) => ({ key: o.id, value: String(o.id), name: o.name })), keys: (r) => r.street },
      chips: (value, refs) => (value === null ? [] : [{ key: 'street', value: String(value), name: refs.streets.find((o) => o.id === value)?.name ?? String(value) }]),
      without: () => null as V['street'],
    }),
    k.filter<'date'>({
      key: 'date',
      param: 'date',
      // Each fair is judged on its own side of now (see inWindow), so the 往期 toggle's count and
      // the date counts agree with what choosing them lists; 'all' (admin) takes the whole window.
      compile: (value, q, _db, values) => {
        if (value === null) return null;
        const w = value as DateWindow;
        if (values.when === 'all') return (r) => inWholeWindow(r, w, q.minute);
        const bit = windowBit(DATE_WINDOWS.indexOf(w));
        return (r) => (stateOf(r, q.minute) & bit) !== 0;
      },
      ...(opts.facets
        ? {
            facet: {
              options: () => DATE_WINDOWS.map((w, i) => ({ key: i, value: w })),
              keys: (r: FairRow, q: QueryContext) => WINDOW_KEYS[stateOf(r, q.minute) >> 1]!,
              cacheKey: byMinute,
            },
          }
        : {}),
      chips: (value) => (value === null ? [] : [{ key: 'date', value }]),
      without: () => null as V['date'],
    }),
    k.filter<'when'>({
      key: 'when',
      param: 'when',
      // With facets, read the facet's column (key 0: upcoming, 1: past); the admin list has none.
      compile: (value, q) => (value === 'all' ? null : opts.facets ? { anyKey: [value === 'past' ? 1 : 0] } : value === 'past' ? (r) => !up(r, q) : (r) => up(r, q)),
      ...(opts.facets ? { facet: { options: () => [{ key: 0, value: 'upcoming' }, { key: 1, value: 'past' }], keys: (r: FairRow, q: QueryContext) => (up(r, q) ? 0 : 1), cacheKey: byMinute } } : {}),
      chips: (value) => (value === opts.whenDefault ? [] : [{ key: 'when', value }]),
      without: () => opts.whenDefault,
    }),
  ];
}

const first = (m: MatchedGroup<FairRow>) => m.rows[0]!;

/** The date facet's keys for each combination of shortcut bits (no array made per row). */
const WINDOW_KEYS: readonly (readonly number[])[] = Array.from({ length: 1 << DATE_WINDOWS.length }, (_, bits) =>
  DATE_WINDOWS.flatMap((_w, i) => ((bits >> i) & 1 ? [i] : [])),
);

/** Upcoming: by when one can next go, then start (then id). */
export function upcomingKey(r: FairRow, now: number): readonly number[] {
  return [nextGoKey(r, now), r.starts];
}
const upcomingOrder: OrderDef<FairRow> = { key: (m, q) => upcomingKey(first(m), q.minute) };
/**
 * Past: most recently ended first, then the higher id. One number (end minute × 2^22 + id, well
 * inside 2^53), so sorting the 往期 list's thousands of fairs compares one number each.
 */
const pastOrder: OrderDef<FairRow> = { static: true, key: (m) => [-(first(m).ends * 4_194_304 + m.group)] };

/** The lists' orders, named by the `when` value (the first is the default). */
export const fairOrders = {
  upcoming: upcomingOrder,
  past: pastOrder,
};

/** The admin list's: both together, upcoming first (by next go), then past (latest first). */
export const adminFairOrders = {
  all: {
    key: (m: MatchedGroup<FairRow>, q: QueryContext) => {
      const r = first(m);
      return (stateOf(r, q.minute) & UP) !== 0 ? [0, nextGoKey(r, q.minute), -r.ends, -m.group] : [1, 0, -r.ends, -m.group];
    },
  },
  upcoming: upcomingOrder,
  past: pastOrder,
} satisfies Record<string, OrderDef<FairRow>>;
