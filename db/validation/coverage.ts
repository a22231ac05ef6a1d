/** URL parameters of the admin coverage view (/admin/coverage?set=now). */
import * as z from 'zod/mini';
import { COVERAGE_SETS } from '../domain/coverage';
import { one, parseParams } from './search-params';

export const coverageShape = { set: one(z.enum(COVERAGE_SETS), 'all') };

/** Reads ?set=; anything else falls back to 全部运营中 and is listed in `invalid`. */
export function parseCoverageParams(input: Record<string, string | string[] | undefined>) {
  return parseParams(input, coverageShape);
}
