/**
 * What the job list hands to pages: plain objects with codes (pay unit, fair status) and the
 * fair's card; components/jobs/ says them in words.
 */
import type { PayUnit } from '../../schema';
import type { FairListItem } from '../fairs/types';

/** The fair a position is offered at, as its card needs it. */
export type JobFair = Pick<FairListItem, 'id' | 'title' | 'type' | 'status' | 'date' | 'startsAt' | 'endsAt' | 'recurrence' | 'nextSession' | 'nextSessionToday' | 'venue' | 'online' | 'happeningNow'>;

/** One position on the job list. */
export type JobListItem = {
  id: number;
  title: string;
  headcount: number;
  /** Null both: 面议. */
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
  requirements: string;
  employer: { name: string; industry: string };
  fair: JobFair;
  /** The published course that qualifies for the job (先学后聘), if any. */
  course: { id: number; title: string } | null;
  /** Metres from the near-me origin to the venue; null without an origin or for an online fair. */
  distance: number | null;
};
