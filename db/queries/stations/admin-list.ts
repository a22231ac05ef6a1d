import 'server-only';
/**
 * The admin station list on the list-search engine: the finder's filters (one declaration, so
 * a filter means the same on both sides) plus publication state, station status and "not
 * verified for 90 days". What the actor may see comes from the actor: the bureau's roles see
 * every station, a 驿站 account its own, anyone else nothing.
 */
import { getDb } from '@/db';
import type { Actor } from '@/db/auth/permissions';
import { can } from '@/db/auth/permissions';
import { openState, provisionalYearsOfState } from '@/db/domain/hours';
import { addDays, beijingToday, daysBetween } from '@/db/domain/time';
import { PUBLICATION, STATION_STATUSES } from '@/db/enums';
import { dateInt, defineList, filterKit, type MatchedGroup, type Predicate, type QueryContext } from '@/db/search/engine';
import { adminStationListShape, type AdminStationListValues } from '@/db/validation/admin/station-list';
import { adminOrder, clockOf, sharedFiltersFor } from './filters';
import { stationCards } from './list';
import { stationSource, type StationRefs, type StationRow } from './rows';
import type { AdminStationItem, AdminStationSearch } from './types';

export const ADMIN_STATION_PAGE_SIZE = 20;

/** Details checked longer ago than this may be out of date (the admin side nudges hosts monthly). */
export const STALE_AFTER_DAYS = 90;

type Values = AdminStationListValues;
const k = filterKit<StationRow, Values, StationRefs>();

const cutoffs = new WeakMap<QueryContext, number>();
/** Verified before this day (yyyymmdd) is stale. */
function staleBefore(q: QueryContext): number {
  let c = cutoffs.get(q);
  if (c === undefined) cutoffs.set(q, (c = dateInt(addDays(q.todayText, -STALE_AFTER_DAYS))));
  return c;
}

/** The stations an actor may see in the admin list. */
function actorScope(actor: Actor): Predicate<StationRow> | null {
  if (can(actor, 'view', { kind: 'station', stationId: null })) return null;
  const own = actor.stationId;
  if (own !== null && can(actor, 'view', { kind: 'station', stationId: own })) return (r) => r.group === own;
  return () => false;
}

async function items(page: readonly MatchedGroup<StationRow>[], q: QueryContext): Promise<AdminStationItem[]> {
  const clock = clockOf(q);
  const cards = stationCards(page.map((m) => m.group));
  return page.flatMap((m): AdminStationItem[] => {
    const r = cards.get(m.group);
    if (!r) return [];
    const state = openState(m.rows[0]!.st.schedule, clock.calendar, q.now, 'station');
    return [
      {
        id: r.id,
        name: r.name,
        streetName: r.streetName,
        hostType: r.hostType,
        publication: r.publication,
        stationStatus: r.stationStatus,
        status: { open: state.open, label: state.label, text: state.text, scope: 'station', provisionalYears: provisionalYearsOfState(clock.calendar, clock.today, state, m.rows[0]!.st.schedule) },
        lastVerifiedOn: r.lastVerifiedOn,
        stale: daysBetween(r.lastVerifiedOn, clock.today) > STALE_AFTER_DAYS,
        updatedAt: r.updatedAt.getTime(),
      },
    ];
  });
}

export const adminStationList = defineList({
  name: 'admin-stations',
  shape: adminStationListShape,
  source: stationSource,
  filters: [
    ...sharedFiltersFor<Values>(),
    k.filter({
      key: 'pub',
      param: 'pub',
      compile: (v) => (v === null ? null : (r: StationRow) => r.st.publication === PUBLICATION.indexOf(v)),
      facet: { options: () => PUBLICATION.map((p, i) => ({ key: i, value: p })), keys: (r) => r.st.publication },
      chips: (v) => (v ? [{ key: 'pub', value: v }] : []),
      without: () => null,
    }),
    k.filter({
      key: 'status',
      param: 'status',
      compile: (v) => (v === null ? null : (r: StationRow) => r.st.status === STATION_STATUSES.indexOf(v)),
      chips: (v) => (v ? [{ key: 'status', value: v }] : []),
      without: () => null,
    }),
    k.flag({ key: 'stale', param: 'stale', test: (r, q) => r.st.lastVerified < staleBefore(q) }),
  ],
  orders: { default: adminOrder },
  pageSize: ADMIN_STATION_PAGE_SIZE,
  clock: 'minute',
  scope: (scope) => (scope.kind === 'admin' ? actorScope(scope.actor) : () => false),
  items: (_db, page, q) => items(page, q),
});

/**
 * Admin: the station list for a signed-in actor, with the finder's filters plus publication
 * state, station status and stale details. Shows only what the actor may see.
 */
export async function listStationsForAdmin(actor: Actor, input: Record<string, string | string[] | undefined> | string, now: Date = new Date()): Promise<AdminStationSearch> {
  const db = getDb();
  const r = await adminStationList.search(db, input, { kind: 'admin', actor }, { now });
  const refs = (await adminStationList.index.current(db)).refs;
  const serviceGroups: AdminStationSearch['serviceGroups'] = [];
  for (const s of refs.services) {
    let g = serviceGroups.find((x) => x.category === s.category);
    if (!g) serviceGroups.push((g = { category: s.category, options: [] }));
    g.options.push({ value: String(s.id), name: s.name, count: 0 });
  }
  return {
    items: r.items,
    total: r.total,
    page: r.page,
    pageCount: r.pageCount,
    notice: r.notice,
    streets: refs.streets.map((s) => ({ value: String(s.id), label: s.name })),
    serviceGroups,
    publicationCounts: Object.fromEntries((r.facets.pub ?? []).filter((o) => o.count > 0).map((o) => [o.value, o.count])),
    staleCount: r.facets.stale?.[0]?.count ?? 0,
    today: beijingToday(now),
  };
}
