/**
 * The course lists' filters, each one declaration. The shared ones serve the resident list and
 * the admin list alike (one meaning of "街镇" or "免费" in both); a run filter matches when ONE
 * run passes it together with every other run filter (the engine's group rule).
 */
import 'server-only';
import { COST_TYPES, PUBLICATION, type CostType, type Publication } from '@/db/enums';
import { RUN_STATUSES, START_WINDOWS, startWindowEnd, type RunStatus, type StartWindow } from '@/db/domain/course-run';
import { LEVELS } from '@/db/domain/labels-courses';
import { keywordPredicate } from '@/db/search';
import { dateInt, filterKit, type FilterDef, type QueryContext } from '@/db/search/engine';
import { groupKey, type CourseIndexRow as Row, type CourseRefs as Refs } from './rows';

/** The values every course list reads (resident and admin). */
export type SharedCourseValues = {
  q: string;
  occupation: number | null;
  level: number[];
  street: number | null;
  cost: CostType[];
  dual: boolean;
  group: string | null;
};

/** 报名中 … 已结束 of a run on `today` (index in RUN_STATUSES; -1 for a course's placeholder row). */
export function statusIndex(r: Row, today: number): number {
  if (r.run === 0) return -1;
  if (today > r.end) return 4;
  if (today >= r.start) return 3;
  if (r.seatsLeft <= 0) return 1;
  if (today > r.deadline) return 2;
  return 0;
}
export const OPEN = RUN_STATUSES.indexOf('open');
/** Keys that read only the day of the query (see FilterDef facet.cacheKey). */
const byDay = (q: QueryContext) => String(q.today);
const TO_COME = { anyKey: (['open', 'full', 'closed'] as const).map((s) => RUN_STATUSES.indexOf(s)) };

const LEVEL_INDEX = new Map<number, number>(LEVELS.map((l, i) => [l, i]));

/** Weekend = the class meets on a Saturday or Sunday; evening = it starts at 18:00 or later. */
export const WHEN_OPTIONS = ['weekend', 'evening'] as const;
export type When = (typeof WHEN_OPTIONS)[number];
const WEEKEND = (1 << 6) | (1 << 7);
const EVENING = 18 * 60;
const BOTH = [0, 1] as const;
const WEEKEND_ONLY = [0] as const;
const EVENING_ONLY = [1] as const;

export function sharedCourseFilters<V extends SharedCourseValues>(): FilterDef<Row, V, Refs>[] {
  const k = filterKit<Row, V, Refs>();
  return [
    k.filter({
      key: 'q',
      param: 'q',
      // The search index (grams, FTS) gives the matching course ids; the rest happens in memory.
      compile: (value, _q, db) => keywordPredicate(db, 'course', String(value)),
      chips: (value) => (value ? [{ key: 'q', name: String(value) }] : []),
      without: () => '' as V['q'],
    }),
    k.filter({
      key: 'occupation',
      param: 'occupation',
      known: (value, refs) => (value !== null && !refs.occupations.some((o) => o.id === value) ? (null as V['occupation']) : value),
      compile: (value) => (value === null ? null : (r) => r.occupation === value),
      facet: { options: (refs) => refs.occupations.map((o) => ({ key: o.id, value: String(o.id), name: o.name })), keys: (r) => r.occupation, perGroup: true },
      chips: (value, refs) => (value === null ? [] : [{ key: 'occupation', name: refs.occupations.find((o) => o.id === value)?.name ?? String(value) }]),
      without: () => null as V['occupation'],
    }),
    k.anyOf({ key: 'level', param: 'level', codes: LEVELS, of: (r) => LEVEL_INDEX.get(r.level) ?? null, perGroup: true }),
    k.filter({
      key: 'street',
      param: 'street',
      known: (value, refs) => (value !== null && !refs.streets.some((s) => s.id === value) ? (null as V['street']) : value),
      compile: (value) => (value === null ? null : (r) => r.street === value),
      facet: { options: (refs) => refs.streets.map((s) => ({ key: s.id, value: String(s.id), name: s.name })), keys: (r) => r.street },
      chips: (value, refs) => (value === null ? [] : [{ key: 'street', name: refs.streets.find((s) => s.id === value)?.name ?? String(value) }]),
      without: () => null as V['street'],
    }),
    k.anyOf({ key: 'cost', param: 'cost', codes: COST_TYPES, of: (r) => (r.cost < 0 ? null : r.cost) }),
    k.flag({ key: 'dual', param: 'dual', test: (r) => r.dual }),
    k.filter({
      key: 'group',
      param: 'group',
      known: (value, refs) => (value !== null && !refs.groups.some((g) => g.code === value) ? (null as V['group']) : value),
      compile: (value) => {
        if (value === null) return null;
        const key = groupKey(String(value));
        return (r) => r.groups.includes(key);
      },
      facet: { options: (refs) => refs.groups.map((g) => ({ key: g.id, value: g.code, name: g.name })), keys: (r) => r.groups },
      chips: (value, refs) => (value === null ? [] : [{ key: 'group', name: refs.groups.find((g) => g.code === value)?.name ?? String(value) }]),
      without: () => null as V['group'],
    }),
  ];
}

/** The resident list's own values. */
export type PublicCourseValues = SharedCourseValues & { start: StartWindow; status: RunStatus[]; when: When[]; seats: boolean };

/** Facet keys per first window holding a start: [any], [any, 2w, 1m, 3m], [any, 1m, 3m], [any, 3m]. */
const WINDOW_KEYS: readonly (readonly number[])[] = START_WINDOWS.map((_, i) => (i === 0 ? [0] : [0, ...START_WINDOWS.map((__, k) => k).filter((k) => k >= i)]));

/** The last start day of each window from today, worked out once per day. */
let windowsFor = -1;
let windowEnds: number[] = [];
function ends(q: QueryContext): number[] {
  if (windowsFor !== q.today) {
    windowEnds = START_WINDOWS.map((w) => dateInt(startWindowEnd(w, q.todayText)));
    windowsFor = q.today;
  }
  return windowEnds;
}

export function publicCourseFilters<V extends PublicCourseValues>(): FilterDef<Row, V, Refs>[] {
  const k = filterKit<Row, V, Refs>();
  return [
    ...sharedCourseFilters<V>(),
    k.filter({
      key: 'start',
      param: 'start',
      compile: (value, q) => {
        const end = ends(q)[START_WINDOWS.indexOf(value as StartWindow)] ?? 0;
        return value === 'any' ? null : (r) => r.start >= q.today && r.start <= end;
      },
      facet: {
        options: () => START_WINDOWS.map((w, i) => ({ key: i, value: w })),
        // Windows nest (2w ⊂ 1m ⊂ 3m): a run counts for 'any' and every window from the first that holds it.
        keys: (r, q) => {
          if (r.start < q.today) return WINDOW_KEYS[0]!;
          const e = ends(q);
          for (let i = 1; i < e.length; i++) if (r.start <= e[i]!) return WINDOW_KEYS[i]!;
          return WINDOW_KEYS[0]!;
        },
        cacheKey: byDay,
      },
      chips: (value) => (value === 'any' ? [] : [{ key: 'start' }]),
      without: () => 'any' as V['start'],
    }),
    // Default for residents: courses that still have a run to come (报名中, 已满 or 已截止, not started).
    // Runs start no later than they end (runs_dates_ck), so "starts after today" is exactly
    // 报名中, 已满 or 已截止: the default reads the status facet's column.
    k.anyOf({ key: 'status', param: 'status', codes: RUN_STATUSES, of: (r, q) => statusIndex(r, q.today), otherwise: () => TO_COME, cacheKey: byDay }),
    k.anyOf({
      key: 'when',
      param: 'when',
      codes: WHEN_OPTIONS,
      of: (r) => ((r.days & WEEKEND) !== 0 ? (r.dailyStart >= EVENING ? BOTH : WEEKEND_ONLY) : r.dailyStart >= EVENING ? EVENING_ONLY : null),
    }),
    k.flag({ key: 'seats', param: 'seats', test: (r) => r.seatsLeft > 0 }),
  ];
}

/** The admin list's own values. */
export type AdminCourseValues = SharedCourseValues & { publication: Publication[]; provider: number | null };

export function adminCourseFilters<V extends AdminCourseValues>(): FilterDef<Row, V, Refs>[] {
  const k = filterKit<Row, V, Refs>();
  return [
    ...sharedCourseFilters<V>(),
    k.anyOf({ key: 'publication', param: 'publication', codes: PUBLICATION, of: (r) => r.coursePub, perGroup: true }),
    k.filter({
      key: 'provider',
      param: 'provider',
      // A 培训机构 account sees its own provider whatever it asks for (the scope says so).
      compile: (value, q) => (value === null || (q.scope.kind === 'admin' && q.scope.actor.role === 'provider') ? null : (r) => r.provider === value),
      facet: { options: (refs) => refs.providers.map((p) => ({ key: p.id, value: String(p.id), name: p.name })), keys: (r) => r.provider, perGroup: true },
      chips: (value, refs) => (value === null ? [] : [{ key: 'provider', name: refs.providers.find((p) => p.id === value)?.name ?? String(value) }]),
      without: () => null as V['provider'],
    }),
  ];
}
