/**
 * The list-search engine: every list (resident courses, stations, fairs, the site search, the
 * admin lists) is a declaration handed to it. The engine owns parsing (unknown ids dropped with
 * the 'invalid-params' notice), facet counts ("every filter but its own", one pass), ordering,
 * paging (page numbers slice the in-memory order; no SQL OFFSET), the result caches, chips,
 * zero-result widening and the near-me origin (`near=s12` | `near=p7` | `lat=…&lng=…`; the old
 * `from=street-12` / `from=place-7` still read).
 *
 * ## Declaring a list
 * ```ts
 * type Row = { group: number; street: number; free: number; start: number };  // compact: numbers, dates as yyyymmdd
 * const k = filterKit<Row, ValuesOf<typeof shape>, Refs>();
 * export const things = defineList({
 *   name: 'things',
 *   shape,                          // search-params one()/many() fields, incl. page (and sort)
 *   source: {                       // where rows come from; see SourceDef
 *     loadAll: async (db) => rows,  // every row in any scope; the engine sorts them by group
 *     loadGroups: async (db, ids) => rowsOf(ids),      // targeted reload after a change
 *     loadRefs: async (db) => ({ streets }),            // small option lists and names
 *     changes: { thing: 'group', place: 'rebuild', ref: 'refs' },  // change_log entities (migration 0007)
 *   },
 *   filters: [
 *     k.oneId({ key: 'street', param: 'street', of: (r) => r.street, options: (refs) => refs.streets }),
 *     k.flag({ key: 'free', param: 'free', test: (r) => r.free === 1 }),
 *     k.filter({ key: 'q', param: 'q', compile: async (v, q, db) => …, chips: …, without: () => '' }),
 *   ],
 *   orders: { start: { key: (m, q) => [m.rows[0].start] }, near: { needsOrigin: true, key: (m, q) => [d2(q.origin, …)] } },
 *   orderParam: 'sort',
 *   pageSize: 10,
 *   scope: (scope) => (scope.kind === 'public' ? (r) => r.published === 1 : adminPredicate(scope.actor)),
 *   items: async (db, page, q, refs) => cards(page),   // page: [{ group, rows: matched rows }] in order
 * });
 * const result = await things.search(getDb(), searchParams, { kind: 'public' });
 * ```
 * Columns: the engine keeps each facet's keys and the scope per row in typed arrays
 * (columns.ts), spliced after a change, and a pass reads those; a filter whose test is "one of its
 * own facet keys" returns `{ anyKey: [...] }` from compile (flag, oneId, anyOf do) and is tested on
 * the column without reading the row. Keys declared `(r) => …` are shared by every query; keys
 * reading the query are worked out per query unless `cacheKey(q)` names what they read.
 *
 * A group is what is counted and listed (a course); rows are its parts (runs). A group matches
 * when ANY of its rows passes every filter; counts are distinct groups. Facet option keys are small
 * non-negative integers; mark a facet `perGroup: true` when its keys are the group's own (a course's
 * occupation) so it is asked once per group. Predicates and facet keys get the QueryContext
 * (today as yyyymmdd, the scope, the resolved origin, the order applied): compare dates there,
 * never in the index. `list.match(db, input, scope)` gives the matched groups and rows without
 * facets or caching (the open-data API pages them itself). Results carry codes (chips {key, value, name?}, facet {value, name?,
 * count}, notice codes, widen {kind, chip?}); components/<feature>/strings.ts says them in words.
 *
 * The index is kept current by polling the change log (one `SELECT max(seq)` per query) and
 * reloading only the changed groups; `warm(db)` at server start builds it before any request.
 * `clearResultCaches()` empties the result caches (never the index) for the benchmark's "cold".
 */
export { defineList, type List, type ListDef, type ValuesOf } from './list';
export { filterKit } from './filters';
export { clearResultCaches } from './cache';
export { dateInt, dateText, epochDay, epochWeekday, minutesOf } from './dates';
export { distance2, originParams, originValue, parseOrigin, resolveOrigin, ORIGIN_PARAMS } from './origin';
export { mergeGroups, type IndexStats } from './store';
export type * from './types';
