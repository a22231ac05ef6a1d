/**
 * URL parameters of the job-fair list (/fairs). Safe to import from client code: the page,
 * the read action and tests read a query string the same way.
 *
 * The 街镇 id is only checked for shape here; the query checks it exists and reports an
 * unknown one as invalid too.
 */
import * as z from 'zod/mini';
import { FAIR_TYPES } from '../enums';
import { DATE_WINDOWS, type DateWindow } from '../domain/fair-dates';
import { fields, one, parseParams, type ParsedOf } from './search-params';

export const FAIR_WHEN = ['upcoming', 'past'] as const;
export type FairWhen = (typeof FAIR_WHEN)[number];

export const fairSearchShape = {
  q: one(fields.keyword, ''),
  type: one(z.nullable(z.enum(FAIR_TYPES)), null),
  street: one(z.nullable(fields.id), null),
  date: one(z.nullable(z.enum(DATE_WINDOWS)), null as DateWindow | null),
  when: one(z.enum(FAIR_WHEN), 'upcoming' as FairWhen),
  page: one(fields.page, 1),
};

export type FairSearchValues = ParsedOf<typeof fairSearchShape>;
export type FairSearchKey = keyof typeof fairSearchShape;

/** Reads the fair list's parameters; `invalid` lists the keys that fell back to defaults. */
export function parseFairSearch(input: Parameters<typeof parseParams>[0]) {
  return parseParams(input, fairSearchShape);
}

/** The canonical query string (stable order, defaults left out), so one search has one URL. */
export function fairSearchQuery(v: FairSearchValues): string {
  const sp = new URLSearchParams();
  if (v.q) sp.set('q', v.q);
  if (v.type) sp.set('type', v.type);
  if (v.street !== null) sp.set('street', String(v.street));
  if (v.date) sp.set('date', v.date);
  if (v.when !== 'upcoming') sp.set('when', v.when);
  if (v.page > 1) sp.set('page', String(v.page));
  return sp.toString();
}
