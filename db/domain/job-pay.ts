/**
 * The job list's pay bands: which bands a position's pay falls in. Bands nest (a position paying
 * 9000 a month is in both «5000 元起» and «8000 元起»), so a facet counts a position under each of
 * its bands. Monthly bands read the low end of the range: «5000 元起» means at least 5000 is
 * promised, not that some workers may reach it. Pure; words live in components/jobs/strings.ts.
 */
import type { PayUnit } from '../enums';

/** 面议 (no figure), monthly pay from 5000 / 8000, paid by the day or the hour (零工). */
export const PAY_BANDS = ['negotiable', 'm5000', 'm8000', 'gig'] as const;
export type PayBand = (typeof PAY_BANDS)[number];

const MONTHLY_FLOORS: Partial<Record<PayBand, number>> = { m5000: 5000, m8000: 8000 };

/** The bands (indexes into PAY_BANDS) a position's pay falls in. */
export function payBandKeys(min: number | null, max: number | null, unit: PayUnit): number[] {
  if (min === null && max === null) return [PAY_BANDS.indexOf('negotiable')];
  if (unit !== 'month') return [PAY_BANDS.indexOf('gig')];
  const low = min ?? max ?? 0;
  const out: number[] = [];
  PAY_BANDS.forEach((b, i) => {
    const floor = MONTHLY_FLOORS[b];
    if (floor !== undefined && low >= floor) out.push(i);
  });
  return out;
}
