/**
 * API v1's parameters, read strictly (a bad value is a 400, never a default), and its list
 * envelope. Conventions of API v1 — fields are only ever added, never renamed or removed:
 * field names in snake_case; dates 'YYYY-MM-DD', clock times 'HH:MM' (Beijing), instants
 * ISO 8601 with +08:00; coordinates WGS-84.
 */
import * as z from 'zod/mini';
import { openDataText as T } from '@/components/open-data/strings';
import { COST_TYPES, FAIR_TYPES, HOST_TYPES, type FairType, type HostType } from '@/db/enums';
import { fields, parseParams } from '@/db/validation/search-params';
import { RUN_STATUSES } from '@/db/domain/course-run';
import { DATE_WINDOWS } from '@/db/domain/fair-dates';
import { PAY_BANDS, type PayBand } from '@/db/domain/job-pay';
import { JOB_DISTANCES, type JobDistance } from '@/db/validation/job-search';
import { isDateString } from '@/db/domain/calendar';

export const API_VERSION = 'v1';
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export type ApiError = { status: 400 | 404 | 405 | 500; code: string; message: string };

/**
 * A list query refused: the parameters that could not be read, by name ('per_page', or
 * 'start_from' and 'start_to' together when the range is reversed); http.ts words it
 * (components/open-data/strings.ts).
 */
export type ApiParamsProblem = { status: 400; code: 'bad_request'; params: string[]; reason: 'unreadable' | 'reversed_range' };

const bool = z.pipe(z.enum(['1', 'true', '0', 'false']), z.transform((s: '1' | 'true' | '0' | 'false') => s === '1' || s === 'true'));
const date = z.string().check(z.refine((s: string) => isDateString(s)));
const level = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5));
const perPage = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PER_PAGE));
const one = <T,>(schema: z.ZodMiniType<T>, fallback: T) => ({ kind: 'one' as const, schema, fallback });
const many = <T,>(schema: z.ZodMiniType<T>, max: number) => ({ kind: 'many' as const, schema, max });

const paging = { page: one(fields.page, 1), per_page: one(perPage, DEFAULT_PER_PAGE) };

export const API_PARAMS = {
  stations: {
    q: one(fields.keyword, ''),
    street: one(z.nullable(fields.id), null),
    host_type: one(z.nullable(z.enum(HOST_TYPES)), null as HostType | null),
    service: one(z.nullable(fields.id), null),
    open_now: one(z.nullable(bool), null as boolean | null),
    ...paging,
  },
  courses: {
    q: one(fields.keyword, ''),
    occupation: one(z.nullable(fields.id), null),
    level: many(level, 5),
    street: one(z.nullable(fields.id), null),
    cost: many(z.enum(COST_TYPES), COST_TYPES.length),
    ...paging,
  },
  runs: {
    q: one(fields.keyword, ''),
    course: one(z.nullable(fields.id), null),
    occupation: one(z.nullable(fields.id), null),
    level: many(level, 5),
    street: one(z.nullable(fields.id), null),
    cost: many(z.enum(COST_TYPES), COST_TYPES.length),
    status: many(z.enum(RUN_STATUSES), RUN_STATUSES.length),
    start_from: one(z.nullable(date), null as string | null),
    start_to: one(z.nullable(date), null as string | null),
    ...paging,
  },
  fairs: {
    q: one(fields.keyword, ''),
    type: one(z.nullable(z.enum(FAIR_TYPES)), null as FairType | null),
    street: one(z.nullable(fields.id), null),
    date: one(z.nullable(z.enum(DATE_WINDOWS)), null as (typeof DATE_WINDOWS)[number] | null),
    when: one(z.enum(['upcoming', 'past', 'all']), 'upcoming' as 'upcoming' | 'past' | 'all'),
    ...paging,
  },
  jobs: {
    q: one(fields.keyword, ''),
    pay: one(z.nullable(z.enum(PAY_BANDS)), null as PayBand | null),
    street: one(z.nullable(fields.id), null),
    date: one(z.nullable(z.enum(DATE_WINDOWS)), null as (typeof DATE_WINDOWS)[number] | null),
    near: one(z.nullable(z.string().check(z.regex(/^[sp][1-9]\d{0,8}$/))), null as string | null),
    dist: one(z.nullable(z.enum(JOB_DISTANCES)), null as JobDistance | null),
    fair: one(z.nullable(fields.id), null),
    ...paging,
  },
} as const;

export type ApiListKind = keyof typeof API_PARAMS;
type Shape<K extends ApiListKind> = (typeof API_PARAMS)[K];
export type ApiParams<K extends ApiListKind> = ReturnType<typeof parseParams<Shape<K>>>['values'];

/**
 * Reads a list endpoint's query strictly: every value that cannot be read is named in a 400.
 * A keyword longer than 100 characters is refused too. Unknown parameters are ignored.
 */
export function parseApiParams<K extends ApiListKind>(
  kind: K,
  sp: URLSearchParams,
): { ok: true; values: ApiParams<K> } | { ok: false; error: ApiParamsProblem } {
  const shape = API_PARAMS[kind];
  const { values, invalid } = parseParams(sp, shape);
  if (invalid.length > 0) return { ok: false, error: { status: 400, code: 'bad_request', params: invalid, reason: 'unreadable' } };
  const v = values as Record<string, unknown>;
  if (typeof v.start_from === 'string' && typeof v.start_to === 'string' && v.start_from > v.start_to) {
    return { ok: false, error: { status: 400, code: 'bad_request', params: ['start_from', 'start_to'], reason: 'reversed_range' } };
  }
  return { ok: true, values: values as ApiParams<K> };
}

/** The id segment of a detail address: digits only, else a 404 (not a 400: it is not a record). */
export function parseApiId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

export type ListEnvelope<T> = {
  version: string;
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
  items: T[];
};

export function listEnvelope<T>(items: T[], total: number, page: number, perPage: number): ListEnvelope<T> {
  return { version: API_VERSION, page, per_page: perPage, total, total_pages: Math.ceil(total / perPage), items };
}
