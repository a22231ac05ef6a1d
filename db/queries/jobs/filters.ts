/**
 * The job list's filters and order, declared on the list engine: keyword (a position's own search
 * document: title, employer, requirements), pay band, the venue's 街镇, the fair's date shortcut,
 * distance from the near-me origin, and one fair. Codes only; components/jobs/strings.ts says them.
 */
import { keywordPredicate } from '../../search';
import { distance2, filterKit, originValue, type Chip, type FilterDef, type OrderDef, type QueryContext } from '../../search/engine';
import { DATE_WINDOWS, type DateWindow } from '../../domain/fair-dates';
import { PAY_BANDS, type PayBand } from '../../domain/job-pay';
import { JOB_DISTANCES, type JobSearchValues } from '../../validation/job-search';
import { fairState, nextGoKey, windowBit } from '../fairs/timing';
import type { JobRefs, JobRow } from './rows';

// Local bindings for what every row's predicates call (see db/queries/fairs/filters.ts).
const stateOf = fairState;
const dist2 = distance2;

/** The date facet's keys for each combination of shortcut bits (no array made per row). */
const WINDOW_KEYS: readonly (readonly number[])[] = Array.from({ length: 1 << DATE_WINDOWS.length }, (_, bits) =>
  DATE_WINDOWS.flatMap((_w, i) => ((bits >> i) & 1 ? [i] : [])),
);

const KM = JOB_DISTANCES.map(Number);

/** Squared metres from the origin to the position's venue; Infinity for an online fair. */
function venueDistance2(r: JobRow, q: QueryContext): number {
  const o = q.origin;
  return o && r.lat === r.lat ? dist2(o, r.lat, r.lng) : Infinity;
}

/** The distance bands (indexes into JOB_DISTANCES) a venue is within; the widest first fails last. */
function distanceKeys(r: JobRow, q: QueryContext): readonly number[] | null {
  const d2 = venueDistance2(r, q);
  if (d2 === Infinity) return null;
  const out: number[] = [];
  for (let i = 0; i < KM.length; i++) if (d2 <= (KM[i]! * 1000) ** 2) out.push(i);
  return out;
}

export function jobFilters(): FilterDef<JobRow, JobSearchValues, JobRefs>[] {
  const k = filterKit<JobRow, JobSearchValues, JobRefs>();
  return [
    k.filter<'q'>({
      key: 'q',
      param: 'q',
      compile: (value, _q, db) => keywordPredicate(db, 'position', value),
      chips: (value) => (value.trim() ? [{ key: 'q', value: value.trim() }] : []),
      without: () => '',
    }),
    k.filter<'pay'>({
      key: 'pay',
      param: 'pay',
      compile: (value) => (value === null ? null : { anyKey: [PAY_BANDS.indexOf(value)] }),
      facet: { options: () => PAY_BANDS.map((b, i) => ({ key: i, value: b })), keys: (r) => r.pay },
      chips: (value) => (value === null ? [] : [{ key: 'pay', value }]),
      without: () => null as PayBand | null,
    }),
    k.oneId<'street'>({ key: 'street', param: 'street', of: (r) => r.street, options: (refs) => refs.streets }),
    k.filter<'date'>({
      key: 'date',
      param: 'date',
      // Judged as on the fair list's upcoming side (every fair here is upcoming).
      compile: (value) => (value === null ? null : { anyKey: [DATE_WINDOWS.indexOf(value)] }),
      facet: {
        options: () => DATE_WINDOWS.map((w, i) => ({ key: i, value: w })),
        keys: (r: JobRow, q: QueryContext) => WINDOW_KEYS[stateOf(r.fair, q.minute) >> 1]!,
        cacheKey: (q) => String(q.minute),
      },
      chips: (value) => (value === null ? [] : [{ key: 'date', value }]),
      without: () => null as DateWindow | null,
    }),
    k.filter<'dist'>({
      key: 'dist',
      param: 'dist',
      // Without a place to measure from, a distance says nothing: not applied (the form asks for a place).
      compile: (value, q) => (value === null || !q.origin ? null : { anyKey: [JOB_DISTANCES.indexOf(value)] }),
      facet: {
        options: () => JOB_DISTANCES.map((d, i) => ({ key: i, value: d })),
        keys: distanceKeys,
        cacheKey: (q) => (q.origin ? originValue(q.origin.ref) : 'none'),
      },
      chips: (value) => (value === null ? [] : [{ key: 'dist', value }]),
      without: () => null,
    }),
    k.filter<'fair'>({
      key: 'fair',
      param: 'fair',
      known: (value, refs) => (value !== null && !refs.fairs.has(value) ? null : value),
      compile: (value) => (value === null ? null : (r) => r.fairId === value),
      chips: (value, refs): Chip[] => (value === null ? [] : [{ key: 'fair', value: String(value), name: refs.fairs.get(value) ?? String(value) }]),
      without: () => null,
    }),
  ];
}

/**
 * Soonest fair first (when one can next go, then the fair, then the position); with a near-me
 * origin, nearest venue first (online fairs last), then soonest. Without an origin the order
 * reads only the minute, so it is ranked once a minute rather than sorted per query.
 */
export const jobOrders: Record<'soon', OrderDef<JobRow>> = {
  soon: {
    key: (m, q) => {
      const r = m.rows[0]!;
      const soon = nextGoKey(r.fair, q.minute);
      return q.origin ? [venueDistance2(r, q), soon, r.fairId] : [soon, r.fairId];
    },
    rankedBy: (q) => (q.origin ? null : String(q.minute)),
  },
};
