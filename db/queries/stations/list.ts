import 'server-only';
/**
 * The resident station finder (/stations, its read action, the home page and the site search)
 * on the list-search engine: a declaration of its filters, order and page, plus the page's
 * items. Published stations only. "Open now" is judged in Beijing time, with the calendar and
 * each station's exceptions, at the minute of the request (the caches are keyed on it).
 */
import { inArray, eq, sql, type SQL } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { getDb } from '@/db';
import { hasCounterHours, openState, provisionalYearsOfState } from '@/db/domain/hours';
import { distanceMetres, formatDistance, walkingMinutes, type LatLng } from '@/db/domain/geo';
import { FACILITY_KEYS, type FacilityKey } from '@/db/domain/labels-stations';
import { beijingNow, formatClock, monthDayWeekday } from '@/db/domain/time';
import { defineList, type MatchedGroup, type QueryContext, type SearchResult } from '@/db/search/engine';
import { SERVICE_MODES, stations, streets, type HoursScope } from '@/db/schema';
import { stationFinderShape, type StationFinderValues } from '@/db/validation/station-search';
import { stationCardColumns } from './columns';
import { clockOf, earliestOpenOrder, finderOrder, serviceIndex, sharedFiltersFor, within15Count } from './filters';
import { PUBLISHED, stationSource, type StationRefs, type StationRow } from './rows';
import type { StationChip, StationDistance, StationListItem, StationSearchResult } from './types';

/** Results per page: enough to compare, short enough to scroll on a phone. */
export const STATION_PAGE_SIZE = 10;

type Input = URLSearchParams | string | Record<string, string | string[] | undefined>;

const cardsOf = (db: DB, where: SQL) =>
  db
    .select({
      ...stationCardColumns,
      publication: stations.publication,
      stationStatus: stations.status,
      lastVerifiedOn: stations.lastVerifiedOn,
      updatedAt: stations.updatedAt,
    })
    .from(stations)
    .innerJoin(streets, eq(streets.id, stations.streetId))
    .where(where);

/** Ids per card read: a page's worth (the admin list's page is longer: read in pieces). */
const CARD_IDS = STATION_PAGE_SIZE;
const CARD_PARAMS = Array.from({ length: CARD_IDS }, (_, i) => `id${i}`);
/** The card read, prepared once per connection (every page asks it). */
const cardStatements = new WeakMap<DB, ReturnType<ReturnType<typeof cardsOf>['prepare']>>();

/** The page's rows, read by id, with what the list card shows. */
export function stationCards(ids: readonly number[]) {
  const db = getDb();
  let read = cardStatements.get(db);
  if (!read) cardStatements.set(db, (read = cardsOf(db, inArray(stations.id, CARD_PARAMS.map((p) => sql.placeholder(p)))).prepare()));
  const out = new Map<number, ReturnType<typeof read.all>[number]>();
  for (let at = 0; at < ids.length; at += CARD_IDS) {
    // Unused places ask for id -1: no station.
    const params: Record<string, number> = {};
    CARD_PARAMS.forEach((p, i) => (params[p] = ids[at + i] ?? -1));
    for (const r of read.all(params)) out.set(r.id, r);
  }
  return out;
}

export function facilitiesOf(r: { hasWindow: boolean; hasSelfService: boolean; hasAiAvatar: boolean; isAccessible: boolean }): FacilityKey[] {
  const on: Record<FacilityKey, boolean> = { window: r.hasWindow, self: r.hasSelfService, ai: r.hasAiAvatar, accessible: r.isAccessible };
  return FACILITY_KEYS.filter((k) => on[k]);
}

function distanceOf(from: LatLng, to: LatLng): StationDistance {
  const metres = distanceMetres(from, to);
  const minutes = walkingMinutes(metres);
  return { metres: Math.round(metres), minutes, text: formatDistance(metres), within15: minutes <= 15 };
}

async function items(page: readonly MatchedGroup<StationRow>[], q: QueryContext, refs: StationRefs, service: number | null): Promise<StationListItem[]> {
  const clock = clockOf(q);
  const picked = service === null ? null : (refs.services.find((s) => s.id === service) ?? null);
  const cards = stationCards(page.map((m) => m.group));
  const out: StationListItem[] = [];
  for (const m of page) {
    const r = cards.get(m.group);
    if (!r) continue;
    const st = m.rows[0]!.st;
    const schedule = st.schedule;
    const i = service === null ? -1 : serviceIndex(st, service);
    const mode = i < 0 ? null : SERVICE_MODES[st.modes[i]!]!;
    const scope: HoursScope = mode === 'counter' && hasCounterHours(schedule, clock.today) ? 'counter' : 'station';
    const state = openState(schedule, clock.calendar, q.now, scope);
    out.push({
      id: r.id,
      name: r.name,
      hostType: r.hostType,
      hostName: r.hostName,
      address: r.address,
      streetName: r.streetName,
      phone: r.phone,
      planned: state.label === '尚未启用',
      status: { open: state.open, label: state.label, text: state.text, scope, provisionalYears: provisionalYearsOfState(clock.calendar, clock.today, state, schedule, scope) },
      distance: q.origin ? distanceOf(q.origin, { lat: r.lat, lng: r.lng }) : null,
      service: mode && picked ? { id: picked.id, name: picked.name, mode, online: picked.online, materials: picked.materials } : null,
      facilities: facilitiesOf(r),
      at: { lat: r.lat, lng: r.lng },
    });
  }
  return out;
}

export const stationFinder = defineList({
  name: 'stations',
  shape: stationFinderShape,
  source: stationSource,
  filters: [...sharedFiltersFor<StationFinderValues>(), within15Count<StationFinderValues>()],
  orders: { default: finderOrder, opens: earliestOpenOrder },
  orderParam: 'sort',
  pageSize: STATION_PAGE_SIZE,
  clock: 'minute',
  scope: (scope) => (scope.kind === 'public' ? (r) => r.st.publication === PUBLISHED : null),
  items: (_db, page, q, refs, values) => items(page, q, refs, values.service),
});

/** A lone coordinate says nothing (the no-JavaScript form can leave one behind): dropped without a notice. */
function withoutLoneCoordinate(input: Input): URLSearchParams {
  const sp = new URLSearchParams(typeof input === 'string' || input instanceof URLSearchParams ? input : undefined);
  if (!(typeof input === 'string' || input instanceof URLSearchParams)) {
    for (const [k, v] of Object.entries(input)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) sp.append(k, x);
  }
  const lat = sp.get('lat')?.trim();
  const lng = sp.get('lng')?.trim();
  if (!lat !== !lng) {
    sp.delete('lat');
    sp.delete('lng');
  }
  return sp;
}

function finderResult(r: SearchResult<StationListItem, StationFinderValues>, refs: StationRefs, now: Date): StationSearchResult {
  const clock = beijingNow(now);
  const facets = { ...r.facets };
  const within = facets.within15?.[0]?.count ?? 0;
  delete facets.within15;
  const chips: StationChip[] = [...r.chips];
  const sp = new URLSearchParams(r.query);
  const near = sp.get('near');
  const lat = sp.get('lat');
  const lng = sp.get('lng');
  const serviceCounts = new Map((facets.service ?? []).map((o) => [o.value, o]));
  const serviceGroups: StationSearchResult['serviceGroups'] = [];
  for (const s of refs.services) {
    let g = serviceGroups.find((x) => x.category === s.category);
    if (!g) serviceGroups.push((g = { category: s.category, options: [] }));
    g.options.push(serviceCounts.get(String(s.id)) ?? { value: String(s.id), name: s.name, count: 0 });
  }
  return {
    items: r.items,
    total: r.total,
    page: r.page,
    pageCount: r.pageCount,
    pageSize: r.pageSize,
    facets,
    chips,
    notice: r.notice,
    query: r.query,
    values: { ...r.values, near, lat: lat === null ? null : Number(lat), lng: lng === null ? null : Number(lng) },
    serviceGroups,
    origins: {
      streets: refs.streets.map((s) => ({ value: `s${s.id}`, label: s.name })),
      places: refs.landmarks.map((p) => ({ value: `p${p.id}`, label: p.name })),
    },
    origin: r.origin ? { kind: near ? 'near' : 'device', name: r.origin.name, at: r.origin.at } : null,
    within15: r.origin ? within : null,
    // Dropping a location never finds more (it only sorts), so it is not offered.
    widen: r.widen.flatMap((w) => ('chip' in w && w.count > 0 ? [{ ...(w.chip as StationChip), count: w.count }] : [])),
    clock: `${monthDayWeekday(clock.date)}${formatClock(clock.minutes)}`,
  };
}

/** Public: the resident station finder (page, read action, home page, site search). Published stations only. */
export async function searchStations(input: Input, now: Date = new Date(), opts: { facets?: boolean } = {}): Promise<StationSearchResult> {
  const db = getDb();
  const r = await stationFinder.search(db, withoutLoneCoordinate(input), { kind: 'public' }, { now, ...opts });
  const refs = (await stationFinder.index.current(db)).refs;
  return finderResult(r, refs, now);
}
