/**
 * The admin list of places (场地) as a declaration on the list-search engine: filters by keyword
 * (name or address), kind, street (or none: outside Fengtai) and provider (or none: a public
 * place), ordered by kind then name, 20 a page. Scope: what the actor may view (permissions.ts —
 * 编辑 and 管理员 every place, a 培训机构 its own; the page itself still sends a 培训机构 to its
 * provider's page, as before). Usage counts are read fresh for the page's places (./usage.ts).
 */
import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import * as z from 'zod/mini';
import type { DB } from '../../client';
import { places, providers, streets } from '../../schema';
import { PLACE_KINDS, type PlaceKind } from '../../enums';
import { can } from '../../auth/permissions';
import { fields, one } from '../../validation/search-params';
import { defineList, filterKit, type Chip, type FilterDef, type Scope, type ValuesOf } from '../../search/engine';
import { placeUsage, type PlaceUsage } from './usage';
import { providerLabel } from '../../domain/pick-options';

export const PLACE_PAGE_SIZE = 20;

/** An id, or 'none': no street (outside Fengtai) / no provider (a public place). */
const idOrNone = z.union([z.literal('none'), fields.id]);

export const placeListShape = {
  q: one(fields.text(50), ''),
  kind: one(z.enum(PLACE_KINDS), null as PlaceKind | null),
  street: one(idOrNone, null as number | 'none' | null),
  provider: one(idOrNone, null as number | 'none' | null),
  page: one(fields.page, 1),
};
export type PlaceListValues = ValuesOf<typeof placeListShape>;

/** One place in the index. street/provider 0 = none. `sortKey`: kind as text, then the name's code points (SQLite's order). */
type PlaceIndexRow = {
  group: number;
  kind: number;
  street: number;
  provider: number;
  name: string;
  address: string;
  /** Name and address with ASCII lowered (LIKE's case rule), split so no word spans the two. */
  text: string;
  providerOwner: number | null;
  sortKey: readonly number[];
};

type Named = { id: number; name: string };
type Refs = { streets: Named[]; providers: (Named & { shortName: string })[] };

const KIND_TEXT_RANK = new Map([...PLACE_KINDS].sort().map((k, i) => [k, i]));
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function nameKey(kind: PlaceKind, name: string): number[] {
  const key = [KIND_TEXT_RANK.get(kind)!];
  for (const ch of name) key.push(ch.codePointAt(0)! + 1);
  key.push(0); // a name before its own continuation ('ab' < 'abc')
  return key;
}

const columns = {
  id: places.id,
  kind: places.kind,
  streetId: places.streetId,
  providerId: places.providerId,
  name: places.name,
  address: places.address,
};
type Loaded = { id: number; kind: PlaceKind; streetId: number | null; providerId: number | null; name: string; address: string };

function toRow(p: Loaded): PlaceIndexRow {
  return {
    group: p.id,
    kind: PLACE_KINDS.indexOf(p.kind),
    street: p.streetId ?? 0,
    provider: p.providerId ?? 0,
    name: p.name,
    address: p.address,
    text: `${lowerAscii(p.name)}\u0000${lowerAscii(p.address)}`,
    providerOwner: p.providerId,
    sortKey: nameKey(p.kind, p.name),
  };
}

const k = filterKit<PlaceIndexRow, PlaceListValues, Refs>();

/** A street or a provider: one known id, or 'none'; an id naming nothing is dropped with the notice. */
function idOrNoneFilter(param: 'street' | 'provider', of: (r: PlaceIndexRow) => number, options: (refs: Refs) => Named[]): FilterDef<PlaceIndexRow, PlaceListValues, Refs> {
  return k.filter({
    key: param,
    param,
    known: (v, refs) => (typeof v === 'number' && !options(refs).some((o) => o.id === v) ? null : v),
    compile: (v) => (v === null ? null : v === 'none' ? (r) => of(r) === 0 : (r) => of(r) === v),
    facet: {
      options: (refs) => [{ key: 0, value: 'none' }, ...options(refs).map((o) => ({ key: o.id, value: String(o.id), name: o.name }))],
      keys: (r) => of(r),
    },
    chips: (v, refs): Chip[] =>
      v === null ? [] : v === 'none' ? [{ key: param, value: 'none' }] : [{ key: param, value: String(v), name: options(refs).find((o) => o.id === v)?.name ?? String(v) }],
    without: () => null,
  });
}

export const adminPlaceList = defineList({
  name: 'admin-places',
  shape: placeListShape,
  source: {
    name: 'places',
    loadAll: async (db) => db.select(columns).from(places).all().map(toRow),
    loadGroups: async (db, ids) => db.select(columns).from(places).where(inArray(places.id, [...ids])).all().map(toRow),
    loadRefs: async (db) => ({
      streets: db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all(),
      providers: db.select({ id: providers.id, name: providers.name, shortName: providers.shortName }).from(providers).orderBy(asc(providers.id)).all(),
    }),
    // Names of streets and providers are shown beside each place.
    changes: { place: 'group', providers: 'refs', streets: 'refs' },
  },
  filters: [
    k.filter({
      key: 'q',
      param: 'q',
      compile: (q) => {
        const words = q.split(/\s+/).filter(Boolean).slice(0, 5).map(lowerAscii);
        return words.length === 0 ? null : (r) => words.every((w) => r.text.includes(w));
      },
      chips: (q) => (q === '' ? [] : [{ key: 'q', value: q }]),
      without: () => '',
    }),
    k.filter({
      key: 'kind',
      param: 'kind',
      compile: (v) => {
        if (v === null) return null;
        const i = PLACE_KINDS.indexOf(v);
        return (r) => r.kind === i;
      },
      facet: { options: () => PLACE_KINDS.map((c, i) => ({ key: i, value: c })), keys: (r) => r.kind },
      chips: (v) => (v === null ? [] : [{ key: 'kind', value: v }]),
      without: () => null,
    }),
    idOrNoneFilter('street', (r) => r.street, (refs) => refs.streets),
    // Named in the filter and its chip as on each row (and in every admin pick): providerLabel.
    idOrNoneFilter('provider', (r) => r.provider, (refs) => refs.providers.map((p) => ({ id: p.id, name: providerLabel(p) }))),
  ],
  orders: { name: { key: (m) => m.rows[0]!.sortKey } },
  pageSize: PLACE_PAGE_SIZE,
  scope: (scope) => (scope.kind === 'admin' ? (r) => can(scope.actor, 'view', { kind: 'place', providerId: r.providerOwner }) : () => false),
  items: async (_db, page, _q, refs) =>
    page.map(({ rows: [r] }) => ({
      id: r!.group,
      name: r!.name,
      kind: PLACE_KINDS[r!.kind]!,
      address: r!.address,
      street: refs.streets.find((s) => s.id === r!.street)?.name ?? null,
      provider: ((p) => (p ? providerLabel(p) : null))(refs.providers.find((p) => p.id === r!.provider)),
    })),
});

type Input = Parameters<typeof adminPlaceList.search>[1];
export type PlaceListItem = Awaited<ReturnType<typeof adminPlaceList.search>>['items'][number] & PlaceUsage;

/** One page of the places list, for a signed-in actor: what it may view, filtered, with each place's usage. */
export async function listPlacesForAdmin(db: DB, input: Input, scope: Extract<Scope, { kind: 'admin' }>) {
  const result = await adminPlaceList.search(db, input, scope);
  const usage = await placeUsage(db, result.items.map((i) => i.id));
  const items: PlaceListItem[] = result.items.map((i) => ({ ...i, ...usage.get(i.id)! }));
  return { ...result, items };
}

/** The list's address for these filters at another page (the pager's links). */
export function placeListQuery(values: PlaceListValues, page: number): string {
  return adminPlaceList.query({ ...values, page });
}
