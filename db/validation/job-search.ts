/**
 * URL parameters of the job list (/jobs) and its open-data twin. Safe to import from client
 * code. The near-me origin (near=s12 | p7, or lat/lng) is the list engine's, read beside these.
 * Ids (街镇, fair) are only checked for shape here; the query checks they exist.
 */
import * as z from 'zod/mini';
import { DATE_WINDOWS, type DateWindow } from '../domain/fair-dates';
import { PAY_BANDS, type PayBand } from '../domain/job-pay';
import { fields, one, parseParams, type ParsedOf } from './search-params';

/** How far from the chosen origin a fair's venue may be, in kilometres. */
export const JOB_DISTANCES = ['3', '5', '10'] as const;
export type JobDistance = (typeof JOB_DISTANCES)[number];

export const jobSearchShape = {
  q: one(fields.keyword, ''),
  pay: one(z.nullable(z.enum(PAY_BANDS)), null as PayBand | null),
  street: one(z.nullable(fields.id), null),
  date: one(z.nullable(z.enum(DATE_WINDOWS)), null as DateWindow | null),
  dist: one(z.nullable(z.enum(JOB_DISTANCES)), null as JobDistance | null),
  fair: one(z.nullable(fields.id), null),
  page: one(fields.page, 1),
};

export type JobSearchValues = ParsedOf<typeof jobSearchShape>;

/** Reads the job list's own parameters; `invalid` lists the keys that fell back to defaults. */
export function parseJobSearch(input: Parameters<typeof parseParams>[0]) {
  return parseParams(input, jobSearchShape);
}

/** The canonical query string (stable order, defaults left out), so one search has one URL. */
export function jobSearchQuery(v: JobSearchValues): string {
  const sp = new URLSearchParams();
  if (v.q) sp.set('q', v.q);
  if (v.pay) sp.set('pay', v.pay);
  if (v.street !== null) sp.set('street', String(v.street));
  if (v.date) sp.set('date', v.date);
  if (v.dist) sp.set('dist', v.dist);
  if (v.fair !== null) sp.set('fair', String(v.fair));
  if (v.page > 1) sp.set('page', String(v.page));
  return sp.toString();
}
