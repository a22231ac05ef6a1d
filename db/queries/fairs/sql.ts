import 'server-only';
/**
 * The fair filters as SQL, for the open-data API (db/queries/open-data.ts), which pages with
 * LIMIT/OFFSET over per_page. The pages' lists run on the list engine instead (./list.ts); the
 * rules are the same as ./timing.ts, and api-agrees.test.ts checks the API against the pages.
 */
import { and, asc, desc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { fairs, places, type FairStatus, type Publication } from '../../schema';
import { addDays } from '../../domain/time';
import { clipWindow, dateWindow, daysOf, splitLocal, type DayRange } from '../../domain/fair-dates';
import type { FairSearchValues, FairWhen } from '../../validation/fair-search';

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

/** `matching`: the fairs a keyword found, as an id set (db/queries/id-set.ts), or null for no keyword. */
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
  if (f.matching) c.push(inArray(fairs.id, f.matching));
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

