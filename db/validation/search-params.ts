/**
 * Reading filters from a URL. Safe to import from client code.
 *
 * Every field falls back to its default when what came in cannot be read, and the parser says
 * which fields fell back, so a page can show a notice instead of a 500 or silently ignoring.
 */
// zod/mini: the same checks with a fraction of the browser bundle (these run in the browser too).
import * as z from 'zod/mini';
import { MAX_PAGE } from '../queries/search-page';
import { AREA_BOUNDS } from '../domain/area';

/** Longest query string we read at all; anything longer is cut before parsing. */
export const MAX_QUERY_STRING = 2000;

type One<T> = { kind: 'one'; schema: z.ZodMiniType<T>; fallback: T };
type Many<T> = { kind: 'many'; schema: z.ZodMiniType<T>; max: number };
type Field = One<unknown> | Many<unknown>;

export type ParsedOf<S extends Record<string, Field>> = {
  [K in keyof S]: S[K] extends One<infer T> ? T : S[K] extends Many<infer T> ? T[] : never;
};

/** A field that takes one value (the first if repeated). */
export function one<T>(schema: z.ZodMiniType<T>, fallback: T): One<T> {
  return { kind: 'one', schema, fallback };
}

/** A field that may repeat (?level=4&level=3); unreadable items are dropped one by one. */
export function many<T>(schema: z.ZodMiniType<T>, max = 20): Many<T> {
  return { kind: 'many', schema, max };
}

/** Accepts what Next passes as searchParams, a URLSearchParams, or a raw query string. */
export function toSearchParams(
  input: URLSearchParams | string | Record<string, string | string[] | undefined>,
): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (typeof input === 'string') return new URLSearchParams(input.replace(/^\?/, '').slice(0, MAX_QUERY_STRING));
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) sp.append(k, item);
  }
  return sp;
}

/** Parses the fields of `shape` from `input`; `invalid` lists the keys that fell back. */
export function parseParams<S extends Record<string, Field>>(
  input: URLSearchParams | string | Record<string, string | string[] | undefined>,
  shape: S,
): { values: ParsedOf<S>; invalid: (keyof S & string)[] } {
  const sp = toSearchParams(input);
  const values: Record<string, unknown> = {};
  const invalid: (keyof S & string)[] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (field.kind === 'one') {
      const raw = sp.get(key);
      if (raw === null || raw.trim() === '') {
        values[key] = field.fallback;
        continue;
      }
      const r = field.schema.safeParse(raw.trim());
      if (r.success) values[key] = r.data;
      else {
        values[key] = field.fallback;
        invalid.push(key as keyof S & string);
      }
    } else {
      const out: unknown[] = [];
      let bad = false;
      for (const raw of sp.getAll(key)) {
        if (raw.trim() === '') continue;
        const r = field.schema.safeParse(raw.trim());
        if (r.success && !out.includes(r.data) && out.length < field.max) out.push(r.data);
        else if (!r.success) bad = true;
      }
      if (bad) invalid.push(key as keyof S & string);
      values[key] = out;
    }
  }
  return { values: values as ParsedOf<S>, invalid };
}

/** Common field schemas. */
export const fields = {
  /** Free text, trimmed and capped. */
  /**
   * A search keyword: a very long one was not typed by a resident, so it falls back (with the
   * notice) instead of being searched; control and format characters are dropped.
   */
  keyword: z.pipe(
    z.string().check(z.maxLength(100)),
    z.transform((s: string) => s.replace(/\p{C}+/gu, ' ').trim().slice(0, 40)),
  ),
  text: (max = 40) => z.pipe(z.string(), z.transform((s: string) => s.slice(0, max))),
  /** A positive integer id. */
  id: z.coerce.number().check(z.int(), z.positive(), z.maximum(2_147_483_647)),
  /** A page number; very deep pages are refused rather than scanned. */
  page: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE)),
  /** A 'YYYY-MM-DD' date. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** A checkbox: '1' or 'on' means yes. */
  flag: z.pipe(z.enum(['1', 'on', 'true']), z.transform((): true => true)),
  lat: z.coerce.number().check(z.minimum(AREA_BOUNDS.lat.min), z.maximum(AREA_BOUNDS.lat.max)),
  lng: z.coerce.number().check(z.minimum(AREA_BOUNDS.lng.min), z.maximum(AREA_BOUNDS.lng.max)),
};

/** A record id from a URL segment: digits only, no sign or leading zero, within SQLite's keys. */
const routeIdSchema = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,9}$/)),
  z.pipe(z.transform(Number), z.number().check(z.int(), z.maximum(2_147_483_647))),
);

/** The id, or null for anything that is not one ('1e3', '-1', '01', huge): the page answers 404. */
export function parseRouteId(raw: unknown): number | null {
  const r = routeIdSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/**
 * What a live-search read action accepts: server actions are public POST endpoints, so the
 * argument may be anything; only a string is read, and only up to MAX_QUERY_STRING.
 */
export function actionQuery(qs: unknown): string {
  return typeof qs === 'string' ? qs.slice(0, MAX_QUERY_STRING) : '';
}
