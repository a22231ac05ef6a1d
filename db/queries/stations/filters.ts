import 'server-only';
/**
 * The station lists' filters, orders and hours tests, declared once for the resident finder and
 * the admin list (list.ts, admin-list.ts). What depends only on content is in the
 * index rows (rows.ts); what depends on the instant ("open now", "not open yet") is computed
 * here per query from Beijing now and the district calendar.
 */
import { HOST_TYPES, type HostType } from '@/db/enums';
import { isOpenAt, nextOpening } from '@/db/domain/hours';
import { FIFTEEN_MINUTE_METRES, WALK_METRES_PER_MINUTE } from '@/db/domain/geo';
import { keywordPredicate } from '@/db/search';
import { distance2, epochDay, filterKit, minutesOf, type FilterDef, type MatchedGroup, type OrderDef, type QueryContext } from '@/db/search/engine';
import { clockAt, type StationClock } from './schedules';
import { COUNTER as COUNTER_MODE, PLANNED as PLANNED_STATUS, SUSPENDED as SUSPENDED_STATUS, type StationFacts, type StationRefs, type StationRow, type WeekFacts } from './rows';

// Local bindings for what every station's tests read (an imported binding is a property read
// per use under a CommonJS transform such as the benchmark's).
const COUNTER = COUNTER_MODE;
const PLANNED = PLANNED_STATUS;
const SUSPENDED = SUSPENDED_STATUS;

/**
 * Per query: the clock (read once: the calendar is one small query), what "open now" reads of it
 * (`context`, see openContext), and the service and "open now" choices. "Open now" depends
 * on the service chosen (a counter-only service needs the counter open), and the engine hands
 * each filter only its own parameter: each records its choice when compiled (every filter is
 * compiled before a pass runs), and the predicates read both.
 */
type QueryState = StationClock & { context: string; service: number | null; open: boolean };
const states = new WeakMap<QueryContext, QueryState>();
// The last query's state: predicates and facet keys ask once per row, within one query.
let lastQ: QueryContext | null = null;
let lastState: QueryState | null = null;
function clockWith(q: QueryContext): QueryState {
  if (q === lastQ) return lastState!;
  let c = states.get(q);
  if (!c) {
    const clock = clockAt(q.now);
    const context = `${q.today}|${clock.today}|${clock.minutes}|${clock.hoursWeekday}|${clock.holiday ? 1 : 0}`;
    c = { ...clock, context, service: null, open: false };
    states.set(q, c);
  }
  lastQ = q;
  lastState = c;
  return c;
}
export function clockOf(q: QueryContext): StationClock {
  return clockWith(q);
}

/**
 * All that "open now" reads of a query besides the row: the day (not open yet), Beijing now to the
 * minute, and what today's calendar entry makes of its hours (a holiday, a 调休 day's weekday).
 * Facet keys reading it name it, so their column is worked out once a minute and spliced after a
 * save (columns.ts) instead of asked of every station on every query.
 */
function openContext(q: QueryContext): string {
  return clockWith(q).context;
}

/**
 * The hours engine's verdicts for a station with an exception today, kept per station row and
 * open-now context: asked once a minute, not on every query (a changed station gets a new row).
 */
type Verdicts = { context: string; station: boolean | undefined; counter: boolean | undefined };
const verdicts = new WeakMap<StationFacts, Verdicts>();

/** Not open yet on `today` (yyyymmdd): an opening date in the future wins, as in the hours engine. */
export function plannedOn(st: StationFacts, today: number): boolean {
  return st.openingDate > 0 ? today < st.openingDate : st.status === PLANNED;
}

const NO_WEEK: WeekFacts = { evening: false, weekend: false, spans: [[], [], [], [], [], [], [], []], counterSpans: [[], [], [], [], [], [], [], []] };

/**
 * The week of weekly hours in force on `today` (yyyymmdd): the row's own (latest) week, unless
 * a dated change has not started yet — one comparison for every other station.
 */
export function weekOn(st: StationFacts, today: number): WeekFacts {
  if (today >= st.hoursFrom) return st;
  const w = st.earlierWeeks;
  for (let i = w.length - 1; i >= 0; i--) if (w[i]!.from <= today) return w[i]!;
  return NO_WEEK;
}

function inSpans(spans: readonly number[], minutes: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (spans[i]! <= minutes && minutes < spans[i + 1]!) return true;
  return false;
}

/**
 * Open at the query's instant, exactly as the hours engine says: regular days from the spans
 * in the row; a day with an exception goes to the engine itself (a few stations a day).
 */
export function openAt(st: StationFacts, counter: boolean, q: QueryContext): boolean {
  if (plannedOn(st, q.today) || st.status === SUSPENDED) return false;
  const c = clockWith(q);
  const x = st.exceptionDays;
  for (let i = 0; i < x.length; i += 2) {
    if (x[i]! <= q.today && q.today <= x[i + 1]!) {
      let m = verdicts.get(st);
      if (!m || m.context !== c.context) verdicts.set(st, (m = { context: c.context, station: undefined, counter: undefined }));
      let v = counter ? m.counter : m.station;
      if (v === undefined) {
        v = isOpenAt(st.schedule, c.calendar, q.now, counter ? 'counter' : 'station');
        if (counter) m.counter = v;
        else m.station = v;
      }
      return v;
    }
  }
  if (c.holiday) return false;
  const w = q.today >= st.hoursFrom ? st : weekOn(st, q.today);
  return inSpans((counter ? w.counterSpans : w.spans)[c.hoursWeekday]!, c.minutes);
}

/** Where service `id` is in the station's list (-1: not offered). */
export function serviceIndex(st: StationFacts, id: number): number {
  const a = st.svcs;
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Open now for service `id` (offered at index i): a counter-only service needs the counter open. */
function openForService(st: StationFacts, i: number, q: QueryContext): boolean {
  return openAt(st, st.modes[i] === COUNTER, q);
}

/** What "open now" gives with every other filter applied: the station open, and, with a service chosen, open for it. */
function openNow(r: StationRow, q: QueryContext): boolean {
  if (!openAt(r.st, false, q)) return false;
  const service = clockWith(q).service;
  if (service === null) return true;
  const i = serviceIndex(r.st, service);
  return i < 0 || openForService(r.st, i, q);
}

/** The values every station list shares (its shape may add more). */
export type SharedValues = {
  q: string;
  street: number | null;
  host: HostType | null;
  service: number | null;
  open: boolean;
  evening: boolean;
  weekend: boolean;
  page: number;
};

/** The resident finder's filters (the admin list adds its own after these). */
export function sharedFilters(): FilterDef<StationRow, SharedValues, StationRefs>[] {
  const k = filterKit<StationRow, SharedValues, StationRefs>();
  return [
    k.filter({
      key: 'q',
      param: 'q',
      compile: (v, _q, db) => keywordPredicate(db, 'station', v),
      chips: (v) => (v.trim() ? [{ key: 'q', value: v.trim() }] : []),
      without: () => '' as string,
    }),
    k.oneId({ key: 'street', param: 'street', of: (r) => r.st.street, options: (refs) => refs.streets }),
    k.filter({
      key: 'host',
      param: 'host',
      compile: (v) => {
        const i = v === null ? -1 : HOST_TYPES.indexOf(v);
        return i < 0 ? null : (r: StationRow) => r.st.host === i;
      },
      facet: { options: () => HOST_TYPES.map((h, i) => ({ key: i, value: h })), keys: (r) => r.st.host },
      chips: (v) => (v ? [{ key: 'host', value: v }] : []),
      without: () => null,
    }),
    // Never null, and neither is "open now": each reads the other's choice, so dropping either
    // (a widen offer) must be counted afresh, not read from this pass.
    k.filter({
      key: 'service',
      param: 'service',
      known: (v, refs) => (v !== null && !refs.services.some((s) => s.id === v) ? null : v),
      compile: (v, q) => {
        const state = clockWith(q);
        state.service = v;
        if (v === null) return () => true;
        // With "open now" on, open for this service (the open filter itself asks the station open).
        return (r: StationRow) => {
          const i = serviceIndex(r.st, v);
          return i >= 0 && (!state.open || openForService(r.st, i, q));
        };
      },
      facet: {
        options: (refs) => refs.services.map((s) => ({ key: s.id, value: String(s.id), name: s.name })),
        // With "open now" on, a service counts where the station is open for it.
        keys: (r, q) => {
          if (!clockWith(q).open) return r.st.svcs;
          const out: number[] = [];
          for (let i = 0; i < r.st.svcs.length; i++) if (openForService(r.st, i, q)) out.push(r.st.svcs[i]!);
          return out;
        },
        cacheKey: (q) => (clockWith(q).open ? `open|${openContext(q)}` : 'all'),
      },
      chips: (v, refs) => (v !== null ? [{ key: 'service', value: String(v), name: refs.services.find((s) => s.id === v)?.name ?? String(v) }] : []),
      without: () => null,
    }),
    k.filter({
      key: 'open',
      param: 'open',
      compile: (v, q, _db, values) => {
        clockWith(q).open = v;
        if (!v) return () => true;
        // Without a service chosen the test is this facet's own key (open now), read from its
        // column (worked out once a minute, spliced after a save), not asked of every station.
        return values.service === null ? { anyKey: [1] } : (r: StationRow) => openAt(r.st, false, q);
      },
      facet: { options: () => [{ key: 1, value: '1' }], keys: (r, q) => (openNow(r, q) ? 1 : null), cacheKey: (q) => `${clockWith(q).service ?? ''}|${openContext(q)}` },
      chips: (v) => (v ? [{ key: 'open' }] : []),
      without: () => false,
    }),
    // Regular-hours filters: a station not open yet keeps no hours residents can use.
    k.flag({ key: 'evening', param: 'evening', test: (r, q) => weekOn(r.st, q.today).evening && !plannedOn(r.st, q.today), cacheKey: (q) => String(q.today) }),
    k.flag({ key: 'weekend', param: 'weekend', test: (r, q) => weekOn(r.st, q.today).weekend && !plannedOn(r.st, q.today), cacheKey: (q) => String(q.today) }),
  ];
}

/**
 * The shared filters for a list whose values add parameters of their own (the admin list). Safe:
 * each filter reads and writes only its own parameter, which every such list has.
 */
export function sharedFiltersFor<V extends SharedValues>(): FilterDef<StationRow, V, StationRefs>[] {
  return sharedFilters() as unknown as FilterDef<StationRow, V, StationRefs>[];
}

/** walkingMinutes rounds, so a row reads "约 15 分钟" up to half a minute's walk beyond 1.2 km. */
const REACH = FIFTEEN_MINUTE_METRES + WALK_METRES_PER_MINUTE / 2;

/**
 * Not a filter: a count over every match (it never narrows, so its "facet" sees all matches) of
 * operating stations within about 15 minutes' walk of the origin.
 */
export function within15Count<V extends SharedValues = SharedValues>(): FilterDef<StationRow, V, StationRefs> {
  return filterKit<StationRow, V, StationRefs>().filter({
    key: 'within15',
    param: 'page',
    compile: () => null,
    facet: {
      options: () => [{ key: 1, value: '1' }],
      keys: (r, q) => (q.origin && !plannedOn(r.st, q.today) && distance2(q.origin, r.st.lat, r.st.lng) < REACH * REACH ? 1 : null),
      cacheKey: (q) => (q.origin ? `${q.origin.lat},${q.origin.lng}|${q.today}` : 'none'),
    },
    chips: () => [],
    without: (v) => v,
  });
}

const first = (m: MatchedGroup<StationRow>) => m.rows[0]!.st;

/**
 * Operating before planned; by distance from the origin when there is one, else by 街镇 order and
 * name. Without an origin the key reads only the day (not open yet): ranked once a day and
 * carried over saves, not sorted per query.
 */
export const finderOrder: OrderDef<StationRow> = {
  key(m, q) {
    const st = first(m);
    const planned = plannedOn(st, q.today) ? 1 : 0;
    return q.origin ? [planned, distance2(q.origin, st.lat, st.lng)] : [planned, ...st.orderKey];
  },
  rankedBy: (q) => (q.origin ? null : String(q.today)),
};

/** When a station next opens, per station row and open-now context (asked once a minute). */
const nextOpens = new WeakMap<StationFacts, { context: string; at: number }>();

/** Minutes since 1970 (Beijing) when the station next opens, after `q.now`; -1 when nothing opens within the engine's look-ahead. */
function nextOpenMinute(st: StationFacts, q: QueryContext): number {
  const c = clockWith(q);
  const seen = nextOpens.get(st);
  if (seen && seen.context === c.context) return seen.at;
  const n = nextOpening(st.schedule, c.calendar, q.now, 'station');
  const at = n ? epochDay(n.date) * 1440 + minutesOf(n.time) : -1;
  nextOpens.set(st, { context: c.context, at });
  return at;
}

/**
 * «最早开门»: the stations open now first, then by when each next opens (Beijing time, with the
 * calendar's holidays and 调休 and each station's exceptions, as the hours engine says), then
 * those that open at no known time (suspended, no hours); ties by 街镇 order and name. For the
 * resident at night or on a holiday, when nothing is open: where can I go first?
 */
export const earliestOpenOrder: OrderDef<StationRow> = {
  key(m, q) {
    const st = first(m);
    if (openAt(st, false, q)) return [0, 0, ...st.orderKey];
    const at = st.status === SUSPENDED ? -1 : nextOpenMinute(st, q);
    return at < 0 ? [2, 0, ...st.orderKey] : [1, at, ...st.orderKey];
  },
};

/** The admin list: by 街镇 order and name (ranked once, carried over saves). */
export const adminOrder: OrderDef<StationRow> = {
  static: true,
  key: (m) => first(m).orderKey,
};
