/**
 * The course list's URL parameters, read on the server (the page and the read action). The
 * browser gets the values the server applied with each result, so zod stays out of its bundle.
 *
 * Ids (occupation, street, origin place) are only checked for shape here; the query checks
 * they exist and reports unknown ones as invalid too.
 */
import * as z from 'zod/mini';
import { COST_TYPES } from '../enums';
import { RUN_STATUSES, START_WINDOWS } from '../domain/course-run';

/** 班期 meeting times residents can ask for: on a weekend, in the evening. */
export const COURSE_WHEN = ['weekend', 'evening'] as const;
import { COURSE_SORTS, type CourseSort } from '../domain/labels-courses';
import { fields, many, one, parseParams, toSearchParams, type ParsedOf } from './search-params';

export { COURSE_SORTS, COURSE_SORT_LABELS, type CourseSort } from '../domain/labels-courses';

/**
 * «我在哪里»: a 街镇 centre or a landmark place, written 's12' / 'p40' like every list
 * (db/search/engine/origin.ts; the old 'street-12' / 'place-40' under `from` still read there).
 */
const origin = z.string().check(z.regex(/^[sp][1-9]\d{0,8}$/));

const levelSchema = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5));

export const courseSearchShape = {
  q: one(fields.keyword, ''),
  occupation: one(fields.id, null as number | null),
  level: many(levelSchema, 5),
  street: one(fields.id, null as number | null),
  cost: many(z.enum(COST_TYPES), COST_TYPES.length),
  dual: one(fields.flag, false),
  group: one(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)), null as string | null),
  start: one(z.enum(START_WINDOWS), 'any' as (typeof START_WINDOWS)[number]),
  status: many(z.enum(RUN_STATUSES), RUN_STATUSES.length),
  when: many(z.enum(COURSE_WHEN), COURSE_WHEN.length),
  seats: one(fields.flag, false),
  sort: one(z.enum(COURSE_SORTS), 'start' as CourseSort),
  near: one(origin, null as string | null),
  page: one(fields.page, 1),
};

/** The list's own parameters: the origin (`near`, or the old `from`) is read by the search engine. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { near: _origin, ...listShape } = courseSearchShape;
export const courseListShape = listShape;

export type CourseSearchValues = ParsedOf<typeof courseSearchShape>;
export type CourseSearchKey = keyof typeof courseSearchShape;

/** Reads the course list's parameters; `invalid` lists the keys that fell back to defaults. */
export function parseCourseSearch(input: Parameters<typeof parseParams>[0]) {
  const sp = new URLSearchParams(toSearchParams(input));
  // Older addresses said the place as from=street-12 / from=place-40: the same origin.
  const old = /^(street|place)-([1-9]\d{0,8})$/.exec(sp.get('from')?.trim() ?? '');
  if (old && !sp.get('near')) sp.set('near', `${old[1] === 'street' ? 's' : 'p'}${old[2]}`);
  return parseParams(sp, courseSearchShape);
}

/** The order parameters appear in canonical URLs (stable, so the same search has one URL). */
export const COURSE_PARAM_ORDER: readonly CourseSearchKey[] = [
  'q',
  'occupation',
  'level',
  'street',
  'cost',
  'dual',
  'group',
  'start',
  'status',
  'when',
  'seats',
  'sort',
  'near',
  'page',
];

/** The canonical query string for parsed values: defaults and empty fields left out. */
export function courseSearchQuery(v: CourseSearchValues): string {
  const sp = new URLSearchParams();
  for (const key of COURSE_PARAM_ORDER) {
    const value = v[key];
    if (Array.isArray(value)) for (const item of value) sp.append(key, String(item));
    else if (key === 'dual' || key === 'seats') {
      if (value) sp.set(key, '1');
    } else if (key === 'start') {
      if (value !== 'any') sp.set(key, String(value));
    } else if (key === 'sort') {
      if (value !== 'start') sp.set(key, String(value));
    } else if (key === 'page') {
      if (typeof value === 'number' && value > 1) sp.set(key, String(value));
    } else if (value !== null && value !== '') sp.set(key, String(value));
  }
  return sp.toString();
}
