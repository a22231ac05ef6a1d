import 'server-only';
/**
 * Job-fair reads for residents: the searchable list, one fair's page, the calendar entry,
 * fairs hiring from a course (短训快聘) and the home page's next fairs. Results are small plain
 * objects. Public scope unless a caller asks otherwise: the list's WHERE builder also serves the
 * admin list (scope 'admin': any publication, past fairs too), and getFairDetail has an
 * admin-only option for the draft preview; only admin pages that have authorised pass either.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import {
  courses,
  fairEmployers,
  fairPositions,
  fairs,
  places,
  streets,
  type FairStatus,
  type FairType,
  type PayUnit,
  type Publication,
  type Recurrence,
} from '@/db/schema';
import { matchingIdsSql } from '@/db/search';
import { addDays } from '@/db/domain/time';
import { amapNavigationUrl, type LatLng } from '@/db/domain/geo';
import {
  beijingInstant,
  beijingLocal,
  clipWindow,
  dateWindow,
  daysOf,
  isHappeningNow,
  isPast,
  nextSession,
  nextSessions,
  splitLocal,
  DATE_WINDOWS,
  type DayRange,
  type FairSession,
  type FairTiming,
} from '@/db/domain/fair-dates';
import {
  DATE_WINDOW_LABELS,
  FAIR_CHIP_LABELS,
  FAIR_TYPE_LABELS,
  FAIR_TYPE_ORDER,
  FAIR_WHEN_LABELS,
  payText,
} from '@/db/domain/labels-fairs';
import { fairSearchQuery, FAIR_WHEN, type FairSearchKey, type FairSearchValues, type FairWhen } from '@/db/validation/fair-search';
import { pageWindow, type Chip, type FacetOption, type SearchPage } from './search-page';
import { stampedCache } from './list-cache';
import { common } from '@/components/ui/strings';

export const FAIR_PAGE_SIZE = 10;

// ---------------------------------------------------------------------------
// Shapes handed to pages
// ---------------------------------------------------------------------------

/** One fair on the list, the home page and anywhere else a card is shown. */
export type FairListItem = {
  id: number;
  title: string;
  type: FairType;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  /** The day on the date tile: the next session (a market's, or the next day of a long fair), else the first day. */
  date: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  /** A market's session under way or next to come (null for one-off fairs and when over). */
  nextSession: FairSession | null;
  /** That session is today (Beijing), so cards say 今天 rather than today's date. */
  nextSessionToday: boolean;
  /** `at` (WGS-84) places the fair on the list's map; null for a venue without coordinates. */
  venue: { name: string; street: string | null; at: LatLng | null } | null;
  /** Has an online room (a 线上 fair, or 直播带岗 beside a venue). */
  online: boolean;
  employerCount: number;
  positionCount: number;
  headcount: number;
  /** Some positions name the training course that qualifies for them (先学后聘). */
  linkedToCourses: boolean;
  /** A 短训快聘 fair: held together with a short course so trainees are hired on finishing. */
  matchedToCourse: boolean;
  happeningNow: boolean;
  /** Has ended (a market: no session now or later), even earlier today: belongs to «往期». */
  past: boolean;
  /** No session left at this moment (the same moment as `past`, from the sessions' side). */
  over: boolean;
};

export type FairPositionItem = {
  id: number;
  title: string;
  headcount: number;
  pay: string;
  requirements: string;
  /** The published course that qualifies for the job (短训快聘), if any. */
  course: { id: number; title: string } | null;
};

export type FairEmployerItem = {
  id: number;
  name: string;
  industry: string;
  intro: string;
  booth: string | null;
  positions: FairPositionItem[];
};

export type FairDetail = FairListItem & {
  description: string;
  howToAttend: string;
  contactPhone: string;
  onlineUrl: string | null;
  place: {
    name: string;
    address: string;
    street: string | null;
    note: string | null;
    navigationUrl: string;
    /** WGS-84, for the navigation buttons. */
    at: LatLng;
  } | null;
  /** The next sessions (a market's coming days, or the remaining days of a long fair). */
  upcomingSessions: FairSession[];
  employers: FairEmployerItem[];
};

/** What a calendar file needs. */
export type FairCalendarInfo = {
  id: number;
  title: string;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  timing: FairTiming;
  location: string | null;
  onlineUrl: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  contactPhone: string;
};

/** A job at an upcoming fair that a course prepares for (shown on the course page). */
export type FairForCourse = {
  fairId: number;
  fairTitle: string;
  /** The day to go: the next session of a market, otherwise the first day. */
  date: string;
  startsAt: string;
  endsAt: string;
  status: FairStatus;
  employer: string;
  position: string;
  pay: string;
};

// ---------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------

/**
 * Which fairs a list may show. Residents: published only. Admin (after the page has checked the
 * actor may see fairs): any publication and fair status, optionally narrowed to one of each.
 */
export type FairScope =
  | { kind: 'public' }
  | { kind: 'admin'; publication: Publication | null; status: FairStatus | null };

const PUBLIC_SCOPE: FairScope = { kind: 'public' };

/** Upcoming, past, or (admin only) both. */
export type FairWhenScope = FairWhen | 'all';

export type FairFilters = Pick<FairSearchValues, 'type' | 'street' | 'date'> & { when: FairWhenScope; matching: SQL | null };
type Filters = FairFilters;

/** Fairs with a session on some day of `range` (a market only on its weekdays). */
function onDays(range: DayRange): SQL {
  const days = daysOf(range);
  if (days.length === 0) return sql`0`;
  const values = sql.join(
    days.map((d) => sql`(${d.date}, ${d.weekday})`),
    sql`, `,
  );
  // A weekly market matches when one of its weekdays falls on a window day within its run.
  const weekly = sql`exists (select 1 from json_each(${fairs.recurrence}, '$.weekdays') w join (values ${values}) d on d.column2 = w.value where d.column1 between substr(${fairs.startsAt}, 1, 10) and substr(${fairs.endsAt}, 1, 10))`;
  // Unary + keeps SQLite off the starts_at index here: `starts_at < end of window` matches every
  // past fair, while `ends_at >= start of window` is the selective bound the index should serve.
  return and(sql`+${fairs.startsAt} < ${addDays(range.to, 1)}`, gte(fairs.endsAt, range.from), or(isNull(fairs.recurrence), weekly))!;
}

/** A day's closing time: a market's, or a one-off fair's (the time of its end, each day). */
const closesSql = sql`(case when ${fairs.recurrence} is null then substr(${fairs.endsAt}, 12, 5) else json_extract(${fairs.recurrence}, '$.closes') end)`;

/**
 * A date shortcut (see matchesWindow). Upcoming: today counts only while today's session has
 * not finished, so an evening 今天 does not match a morning market. Past: any day of the window.
 */
function inWindow(range: DayRange, when: FairWhen, now: string): SQL {
  const { date: today, time } = splitLocal(now);
  if (when === 'past' || range.from !== today || range.from > range.to) return onDays(range);
  const laterDays = { from: addDays(today, 1), to: range.to };
  const todayStillOn = and(onDays({ from: today, to: today }), sql`${closesSql} >= ${time}`)!;
  return laterDays.from > laterDays.to ? todayStillOn : or(todayStillOn, onDays(laterDays))!;
}

/**
 * Upcoming (the default list) versus past (往期), as isPast in fair-dates: a one-off fair is
 * upcoming while its end is at or after now (Beijing, to the minute); a weekly market while it
 * has a session now or later: one of the seven days from max(today, its first day), within its
 * run, on its weekdays, and not today's once closed.
 */
function upcomingSql(now: string): SQL {
  const { date: today, time } = splitLocal(now);
  const day = sql`date(max(${today}, substr(${fairs.startsAt}, 1, 10)), '+' || o.column1 || ' days')`;
  const market = sql`exists (select 1 from (values (0), (1), (2), (3), (4), (5), (6)) o join json_each(${fairs.recurrence}, '$.weekdays') w on w.value = ((cast(strftime('%w', ${day}) as integer) + 6) % 7 + 1) where ${day} <= substr(${fairs.endsAt}, 1, 10) and (${day} > ${today} or json_extract(${fairs.recurrence}, '$.closes') >= ${time}))`;
  return sql`((${fairs.recurrence} is null and ${fairs.endsAt} >= ${now}) or (${fairs.recurrence} is not null and ${market}))`;
}

function whenCondition(when: FairWhen, now: string): SQL {
  // `ends_at >= today` first: a cheap, indexable bound every upcoming fair meets.
  const upcoming = and(gte(fairs.endsAt, now.slice(0, 10)), upcomingSql(now))!;
  return when === 'past' ? sql`not (${upcoming})` : upcoming;
}

/**
 * What fairConditions returns when no fair can match (a date window with no day left in it,
 * such as 明天 among past fairs). It is this very object, so callers skip the query: SQLite would
 * otherwise plan `WHERE 0` as a walk of the whole table.
 */
export const NO_FAIRS: SQL = sql`0`;

/**
 * The WHERE of the fair lists: the resident list (scope public) and the admin list (scope
 * admin) share every filter. Facets call it with one filter changed. `now`: Beijing local.
 */
export function fairConditions(f: Filters, now: string, scope: FairScope = PUBLIC_SCOPE): SQL {
  const today = now.slice(0, 10);
  const c: SQL[] = [];
  // With a keyword its id list drives (rowid look-ups); the unary + keeps SQLite from walking
  // every published fair through the publication index and testing each against the list.
  if (scope.kind === 'public') c.push(f.matching ? sql`+${fairs.publication} = 'published'` : eq(fairs.publication, 'published'));
  else {
    if (scope.publication) c.push(f.matching ? sql`+${fairs.publication} = ${scope.publication}` : eq(fairs.publication, scope.publication));
    if (scope.status) c.push(eq(fairs.status, scope.status));
  }
  // Residents always choose upcoming or past; 'all' (admin) leaves time open.
  const when: FairWhenScope = scope.kind === 'public' && f.when === 'all' ? 'upcoming' : f.when;
  if (when !== 'all') c.push(whenCondition(when, now));
  if (f.matching) c.push(sql`${fairs.id} in (${f.matching})`);
  if (f.type) c.push(eq(fairs.type, f.type));
  if (f.street !== null) {
    c.push(inArray(fairs.placeId, getDb().select({ id: places.id }).from(places).where(eq(places.streetId, f.street))));
  }
  if (f.date) {
    const range = when === 'all' ? dateWindow(f.date, today) : clipWindow(dateWindow(f.date, today), today, when);
    if (daysOf(range).length === 0) return NO_FAIRS;
    c.push(when === 'all' ? onDays(range) : inWindow(range, when, now));
  }
  return c.length === 0 ? sql`1` : and(...c)!;
}

function conditions(f: Filters, now: string): SQL {
  return fairConditions(f, now, PUBLIC_SCOPE);
}

/**
 * Upcoming fairs sort by when one can next go: a one-off fair already under way counts from
 * today, and a weekly market by its next session this week (today's only if not yet closed),
 * so a market that has closed for the day does not sit above this afternoon's fair.
 */
function nextGoSql(now: string): SQL {
  const { date: today, time } = splitLocal(now);
  const week = sql.join(
    daysOf({ from: today, to: addDays(today, 6) }).map((d) => sql`(${d.date}, ${d.weekday})`),
    sql`, `,
  );
  const marketNext = sql`(select min(d.column1) from (values ${week}) d join json_each(${fairs.recurrence}, '$.weekdays') w on w.value = d.column2 where d.column1 between substr(${fairs.startsAt}, 1, 10) and substr(${fairs.endsAt}, 1, 10) and (d.column1 > ${today} or json_extract(${fairs.recurrence}, '$.closes') >= ${time})) || 'T' || json_extract(${fairs.recurrence}, '$.opens')`;
  // A fair that has finished is past and not in this list; one under way counts from today.
  return sql`case when ${fairs.recurrence} is not null then coalesce(${marketNext}, ${fairs.startsAt}) when ${fairs.startsAt} < ${today} then ${today} else ${fairs.startsAt} end`;
}

/** The lists' order: upcoming by the next day to go, past most recent first; 'all' (admin): upcoming, then past. */
export function fairOrder(when: FairWhenScope, now: string): SQL[] {
  if (when === 'past') return [desc(fairs.endsAt), desc(fairs.id)];
  if (when === 'all') {
    const upcoming = and(gte(fairs.endsAt, now.slice(0, 10)), upcomingSql(now))!;
    return [
      sql`case when ${upcoming} then 0 else 1 end`,
      sql`case when ${upcoming} then ${nextGoSql(now)} end`,
      desc(fairs.endsAt),
      desc(fairs.id),
    ];
  }
  return [nextGoSql(now), asc(fairs.startsAt), asc(fairs.id)];
}

const orderFor = fairOrder;

// ---------------------------------------------------------------------------
// Rows → items
// ---------------------------------------------------------------------------

/** The columns every fair list reads (the public list, the admin list, the open-data API). */
export const fairListColumns = {
  id: fairs.id,
  title: fairs.title,
  type: fairs.type,
  status: fairs.status,
  statusNote: fairs.statusNote,
  organiser: fairs.organiser,
  startsAt: fairs.startsAt,
  endsAt: fairs.endsAt,
  recurrence: fairs.recurrence,
  onlineUrl: fairs.onlineUrl,
  placeName: places.name,
  streetName: streets.name,
  placeLat: places.lat,
  placeLng: places.lng,
};

type ListRow = {
  id: number;
  title: string;
  type: FairType;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  onlineUrl: string | null;
  placeName: string | null;
  streetName: string | null;
  placeLat: number | null;
  placeLng: number | null;
};

type FairCounts = { employers: number; positions: number; headcount: number; linked: boolean };

function countsFor(ids: number[]): Map<number, FairCounts> {
  const out = new Map<number, FairCounts>();
  if (ids.length === 0) return out;
  const rows = getDb()
    .select({
      fairId: fairEmployers.fairId,
      employers: sql<number>`count(distinct ${fairEmployers.id})`,
      positions: count(fairPositions.id),
      headcount: sql<number>`coalesce(sum(${fairPositions.headcount}), 0)`,
      // Linked only to a published course, as on the detail page: a draft course is no offer.
      linked: sql<number>`coalesce(max(${fairPositions.courseId} in (select id from courses where publication = 'published')), 0)`,
    })
    .from(fairEmployers)
    .leftJoin(fairPositions, eq(fairPositions.employerId, fairEmployers.id))
    .where(inArray(fairEmployers.fairId, ids))
    .groupBy(fairEmployers.fairId)
    .all();
  for (const r of rows) {
    out.set(r.fairId, { employers: r.employers, positions: r.positions, headcount: r.headcount, linked: r.linked === 1 });
  }
  return out;
}

function toItem(r: ListRow, c: FairCounts | undefined, now: Date): FairListItem {
  const timing: FairTiming = { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence };
  const remaining = nextSession(timing, now);
  const next = r.recurrence ? remaining : null;
  const past = isPast(timing, now);
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    statusNote: r.statusNote,
    organiser: r.organiser,
    // The day one can next go; once over, the first day (a market: its last).
    date: remaining?.date ?? (r.recurrence ? splitLocal(r.endsAt).date : splitLocal(r.startsAt).date),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    recurrence: r.recurrence,
    nextSession: next,
    nextSessionToday: next !== null && next.date === beijingLocal(now).slice(0, 10),
    venue: r.placeName
      ? { name: r.placeName, street: r.streetName, at: r.placeLat !== null && r.placeLng !== null ? { lat: r.placeLat, lng: r.placeLng } : null }
      : null,
    online: r.type === 'online' || r.onlineUrl !== null,
    employerCount: c?.employers ?? 0,
    positionCount: c?.positions ?? 0,
    headcount: c?.headcount ?? 0,
    linkedToCourses: r.type === 'short_training' || (c?.linked ?? false),
    matchedToCourse: r.type === 'short_training',
    happeningNow: r.status !== 'cancelled' && isHappeningNow(timing, now),
    past,
    over: remaining === null,
  };
}

function listItems(where: SQL, order: SQL[], limit: number, offset: number, now: Date): FairListItem[] {
  const rows = getDb()
    .select(fairListColumns)
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all() as ListRow[];
  const counts = countsFor(rows.map((r) => r.id));
  return rows.map((r) => toItem(r, counts.get(r.id), now));
}

/** The cards of the given fairs, in the given order. */
function itemsByIds(ids: readonly number[], now: Date): FairListItem[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select(fairListColumns)
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(inArray(fairs.id, [...ids]))
    .all() as ListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is ListRow => r !== undefined);
  const counts = countsFor(ordered.map((r) => r.id));
  return ordered.map((r) => toItem(r, counts.get(r.id), now));
}

function countWhere(where: SQL): number {
  if (where === NO_FAIRS) return 0;
  return getDb().select({ n: count() }).from(fairs).where(where).get()?.n ?? 0;
}

// ---------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------

type ListedFairs = { ids: number[]; facets: Record<string, FacetOption[]> };

/** Ordered matches and facet counts per filters and minute (see searchFairs). */
const listCache = stampedCache<ListedFairs>(200);

/** Every match of the resident list in its order (ids only), with each facet's counts. */
function listFairs(filters: Filters, values: FairSearchValues, nowLocal: string, streetList: { id: number; name: string }[]): ListedFairs {
  const db = getDb();
  const where = conditions(filters, nowLocal);
  const ids =
    where === NO_FAIRS
      ? []
      : db
          .select({ id: fairs.id })
          .from(fairs)
          .where(where)
          .orderBy(...orderFor(values.when, nowLocal))
          .all()
          .map((r) => r.id);
  const total = ids.length;

  // Facets: each option counted with every other filter applied (its own one swapped).
  const typeWhere = conditions({ ...filters, type: null }, nowLocal);
  const typeCounts = new Map(
    typeWhere === NO_FAIRS
      ? []
      : db
          .select({ type: fairs.type, n: count() })
          .from(fairs)
          .where(typeWhere)
          .groupBy(fairs.type)
          .all()
          .map((r) => [r.type as string, r.n]),
  );
  const streetWhere = conditions({ ...filters, street: null }, nowLocal);
  const streetCounts = new Map(
    streetWhere === NO_FAIRS
      ? []
      : db
          .select({ street: places.streetId, n: count() })
          .from(fairs)
          .innerJoin(places, eq(places.id, fairs.placeId))
          .where(streetWhere)
          .groupBy(places.streetId)
          .all()
          .map((r) => [r.street, r.n]),
  );
  const facets: Record<string, FacetOption[]> = {
    type: FAIR_TYPE_ORDER.map((t) => ({ value: t, label: FAIR_TYPE_LABELS[t], count: typeCounts.get(t) ?? 0 })),
    street: streetList.map((s) => ({ value: String(s.id), label: s.name, count: streetCounts.get(s.id) ?? 0 })),
    date: DATE_WINDOWS.map((w) => ({
      value: w,
      label: DATE_WINDOW_LABELS[w],
      count: countWhere(conditions({ ...filters, date: w }, nowLocal)),
    })),
    when: FAIR_WHEN.map((w) => ({
      value: w,
      label: FAIR_WHEN_LABELS[w],
      count: w === values.when ? total : countWhere(conditions({ ...filters, when: w }, nowLocal)),
    })),
  };

  return { ids, facets };
}

/**
 * The resident fair list with facet counts, chips and a page of cards. Public: pages and the
 * read action call it with parsed URL values; `invalid` names the parameters that fell back.
 */
export function searchFairs(
  params: { values: FairSearchValues; invalid: readonly FairSearchKey[] },
  now: Date = new Date(),
): SearchPage<FairListItem> {
  const db = getDb();
  const nowLocal = beijingLocal(now);
  const values: FairSearchValues = { ...params.values };
  const invalid = new Set<string>(params.invalid);

  const streetList = db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
  const streetName = new Map(streetList.map((s) => [s.id, s.name]));
  if (values.street !== null && !streetName.has(values.street)) {
    values.street = null;
    invalid.add('street');
  }

  const filters: Filters = {
    type: values.type,
    street: values.street,
    date: values.date,
    when: values.when,
    matching: matchingIdsSql('fair', values.q),
  };
  // The ordered ids and the facet counts depend only on the filters and the minute (the order
  // and "upcoming" move with the clock): paging and repeated searches reuse them until the minute
  // turns or the database changes, so page 500 costs a slice and ten look-ups by id, like page 1.
  const cacheKey = `${nowLocal}|${fairSearchQuery({ ...values, page: 1 })}`;
  let listed = listCache.get(cacheKey);
  if (!listed) {
    listed = listFairs(filters, values, nowLocal, streetList);
    listCache.set(cacheKey, listed);
  }
  const { ids, facets } = listed;
  const total = ids.length;
  const pw = pageWindow(total, values.page, FAIR_PAGE_SIZE);
  const items = itemsByIds(ids.slice(pw.offset, pw.offset + FAIR_PAGE_SIZE), now);

  const chips: Chip[] = [];
  if (values.q) chips.push({ key: 'q', label: FAIR_CHIP_LABELS.q(values.q) });
  if (values.type) chips.push({ key: 'type', label: FAIR_CHIP_LABELS.type(FAIR_TYPE_LABELS[values.type]) });
  if (values.street !== null) chips.push({ key: 'street', label: FAIR_CHIP_LABELS.street(streetName.get(values.street) ?? '') });
  if (values.date) chips.push({ key: 'date', label: FAIR_CHIP_LABELS.date(DATE_WINDOW_LABELS[values.date]) });
  if (values.when === 'past') chips.push({ key: 'when', label: FAIR_CHIP_LABELS.past });

  return {
    items,
    total,
    page: pw.page,
    pageCount: pw.pageCount,
    pageSize: FAIR_PAGE_SIZE,
    facets,
    chips,
    notice: invalid.size > 0 ? common.invalidParams : null,
    query: fairSearchQuery({ ...values, page: pw.page }),
  };
}

// ---------------------------------------------------------------------------
// One fair
// ---------------------------------------------------------------------------

function publishedFair(id: number, includeUnpublished = false) {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return getDb()
    .select({
      ...fairListColumns,
      description: fairs.description,
      howToAttend: fairs.howToAttend,
      contactPhone: fairs.contactPhone,
      address: places.address,
      placeNote: places.note,
      lat: places.lat,
      lng: places.lng,
    })
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(includeUnpublished ? eq(fairs.id, id) : and(eq(fairs.id, id), eq(fairs.publication, 'published')))
    .get();
}

/**
 * A fair's employers and their positions in entry order, each position with the course it is
 * linked to and that course's publication (the public page shows only published links; the
 * admin form shows the rest as such). Two indexed queries. No publication check on the fair.
 */
export function employersWithPositions(db: DB, fairId: number) {
  const employers = db
    .select({ id: fairEmployers.id, name: fairEmployers.name, industry: fairEmployers.industry, intro: fairEmployers.intro, booth: fairEmployers.booth })
    .from(fairEmployers)
    .where(eq(fairEmployers.fairId, fairId))
    .orderBy(asc(fairEmployers.id))
    .all();
  const positions =
    employers.length === 0
      ? []
      : db
          .select({
            id: fairPositions.id,
            employerId: fairPositions.employerId,
            title: fairPositions.title,
            headcount: fairPositions.headcount,
            payMin: fairPositions.payMin,
            payMax: fairPositions.payMax,
            payUnit: fairPositions.payUnit,
            requirements: fairPositions.requirements,
            courseId: fairPositions.courseId,
            courseTitle: courses.title,
            coursePublication: courses.publication,
          })
          .from(fairPositions)
          .leftJoin(courses, eq(courses.id, fairPositions.courseId))
          .where(inArray(fairPositions.employerId, employers.map((e) => e.id)))
          .orderBy(asc(fairPositions.id))
          .all();
  return { employers, positions };
}

/**
 * One published fair with its employers and positions; null when unknown or unpublished. Public.
 * `includeUnpublished` is for the admin preview only (the resident page as a draft would look):
 * the caller must have checked that the actor may view fairs.
 */
export function getFairDetail(id: number, now: Date = new Date(), opts: { includeUnpublished?: boolean } = {}): FairDetail | null {
  const r = publishedFair(id, opts.includeUnpublished === true);
  if (!r) return null;
  const db = getDb();

  const { employers: employerRows, positions: positionRows } = employersWithPositions(db, id);

  const byEmployer = new Map<number, FairPositionItem[]>();
  let headcount = 0;
  let linked = false;
  for (const p of positionRows) {
    headcount += p.headcount;
    // Only a published course may be linked to; a withdrawn one just loses its link.
    const courseId = p.coursePublication === 'published' ? p.courseId : null;
    if (courseId !== null) linked = true;
    const list = byEmployer.get(p.employerId) ?? [];
    list.push({
      id: p.id,
      title: p.title,
      headcount: p.headcount,
      pay: payText(p.payMin, p.payMax, p.payUnit as PayUnit),
      requirements: p.requirements,
      course: courseId !== null && p.courseTitle ? { id: courseId, title: p.courseTitle } : null,
    });
    byEmployer.set(p.employerId, list);
  }

  const item = toItem(
    r as ListRow,
    { employers: employerRows.length, positions: positionRows.length, headcount, linked },
    now,
  );
  const timing: FairTiming = { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence };
  return {
    ...item,
    description: r.description,
    howToAttend: r.howToAttend,
    contactPhone: r.contactPhone,
    onlineUrl: r.onlineUrl,
    place:
      r.placeName && r.address !== null && r.lat !== null && r.lng !== null
        ? {
            name: r.placeName,
            address: r.address,
            street: r.streetName,
            note: r.placeNote,
            navigationUrl: amapNavigationUrl({ lat: r.lat, lng: r.lng }, r.placeName),
            at: { lat: r.lat, lng: r.lng },
          }
        : null,
    upcomingSessions: r.status !== 'scheduled' ? [] : nextSessions(timing, now, r.recurrence ? 6 : 14),
    employers: employerRows.map((e) => ({ ...e, positions: byEmployer.get(e.id) ?? [] })),
  };
}

/** What the .ics download of one published fair needs; null when unknown or unpublished. Public. */
export function getFairCalendarInfo(id: number): FairCalendarInfo | null {
  const r = publishedFair(id);
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    statusNote: r.statusNote,
    organiser: r.organiser,
    timing: { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence },
    location: r.placeName ? [r.placeName, r.address].filter(Boolean).join('，') : null,
    onlineUrl: r.onlineUrl,
    lat: r.lat,
    lng: r.lng,
    description: r.description,
    contactPhone: r.contactPhone,
  };
}

// ---------------------------------------------------------------------------
// For other pages
// ---------------------------------------------------------------------------

/**
 * Upcoming published fairs (not cancelled) with jobs linked to a course, one row per job, for
 * the course page's 先学后聘 section. Public.
 */
export function listFairsForCourse(courseId: number, today: string, limit = 20): FairForCourse[] {
  if (!Number.isSafeInteger(courseId) || courseId <= 0) return [];
  const rows = getDb()
    .select({
      fairId: fairs.id,
      fairTitle: fairs.title,
      startsAt: fairs.startsAt,
      endsAt: fairs.endsAt,
      recurrence: fairs.recurrence,
      status: fairs.status,
      employer: fairEmployers.name,
      position: fairPositions.title,
      payMin: fairPositions.payMin,
      payMax: fairPositions.payMax,
      payUnit: fairPositions.payUnit,
    })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .where(
      and(
        eq(fairPositions.courseId, courseId),
        eq(fairs.publication, 'published'),
        gte(fairs.endsAt, today),
        ne(fairs.status, 'cancelled'),
      ),
    )
    .orderBy(asc(fairs.startsAt), asc(fairs.id), asc(fairPositions.id))
    .limit(limit)
    .all();
  const startOfToday = new Date(beijingInstant(today, '00:00'));
  return rows.map((r) => {
    const timing: FairTiming = { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence };
    const next = r.recurrence ? nextSession(timing, startOfToday) : null;
    return {
      fairId: r.fairId,
      fairTitle: r.fairTitle,
      date: next?.date ?? splitLocal(r.startsAt).date,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      employer: r.employer,
      position: r.position,
      pay: payText(r.payMin, r.payMax, r.payUnit as PayUnit),
    };
  });
}

/** The next published fairs that are not cancelled, soonest first, for the home page. Public. */
export function listUpcomingFairs(limit = 3, now: Date = new Date()): FairListItem[] {
  const nowLocal = beijingLocal(now);
  const n = Math.min(Math.max(1, Math.trunc(limit) || 1), 50);
  const where = and(eq(fairs.publication, 'published'), whenCondition('upcoming', nowLocal), ne(fairs.status, 'cancelled'))!;
  return listItems(where, orderFor('upcoming', nowLocal), n, 0, now);
}

