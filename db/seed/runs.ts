/**
 * 班期 built relative to `today`, so that whatever day the seed runs there are runs that have
 * ended, are under way, are open with seats, are full, have closed registration but not
 * started, close today, and lie further ahead. Dates land on the course's class days and skip
 * statutory holidays.
 */
import type { CertificateKind, CostType, Publication } from '../schema';
import { addDays, weekdayOf } from '../domain/time';
import { COURSES, SUBSIDY_BY_LEVEL, type CourseSeed } from './courses';
import { HOLIDAY_DATES } from './calendar';
import { levelLabel, type TargetGroupCode } from './occupations';
import { providerSeed } from './providers';
import { beijingInstant, rngFor, type Rng } from './random';

export type RunState = 'ended' | 'in_progress' | 'open' | 'full' | 'closed' | 'deadline_today' | 'upcoming';

/**
 * Rotated over the published courses so every state appears several times; the order within
 * a pattern is irrelevant (labels and sorting go by date).
 */
const PATTERNS: readonly (readonly RunState[])[] = [
  ['ended', 'open', 'upcoming'],
  ['ended', 'in_progress', 'full'],
  ['in_progress', 'open', 'upcoming'],
  ['ended', 'closed', 'open'],
  ['full', 'open', 'upcoming'],
  ['ended', 'deadline_today', 'upcoming'],
];

export type RunSeed = {
  courseKey: string;
  state: RunState;
  label: string;
  startDate: string;
  endDate: string;
  classDays: string;
  dailyStart: string;
  dailyEnd: string;
  theoryPlace: string;
  practicePlace: string | null;
  seats: number;
  seatsLeft: number;
  deadline: string;
  costType: CostType;
  fee: number | null;
  subsidy: number | null;
  contactName: string;
  contactPhone: string;
  note: string;
  publication: Publication;
  createdAt: Date;
  certificates: { kind: CertificateKind; name: string; issuer: string }[];
  groups: TargetGroupCode[];
};

function classDaySet(classDays: string): Set<number> {
  return new Set(classDays.split(',').map(Number));
}

function isClassDay(date: string, days: Set<number>): boolean {
  return days.has(weekdayOf(date)) && !HOLIDAY_DATES.has(date);
}

/** The first class day on or after `date`. */
function alignForward(date: string, days: Set<number>): string {
  let d = date;
  while (!isClassDay(d, days)) d = addDays(d, 1);
  return d;
}

/** The last class day on or before `date`. */
function alignBackward(date: string, days: Set<number>): string {
  let d = date;
  while (!isClassDay(d, days)) d = addDays(d, -1);
  return d;
}

/** The date of the `n`th class day counting `start` as the first. */
function nthClassDay(start: string, n: number, days: Set<number>): string {
  let d = start;
  let count = 1;
  while (count < n) {
    d = addDays(d, 1);
    if (isClassDay(d, days)) count++;
  }
  return d;
}

/** 2026年第22期: runs are numbered by half-month, the way schools announce them. */
function periodLabel(start: string): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return `${y}年第${(m - 1) * 2 + (d > 15 ? 2 : 1)}期`;
}

type Dates = { startDate: string; endDate: string; deadline: string };

function datesFor(state: RunState, c: CourseSeed, today: string, rng: Rng, olderIndex: number): Dates {
  const days = classDaySet(c.classDays);
  const span = (start: string) => nthClassDay(start, c.durationDays, days);
  switch (state) {
    case 'ended': {
      let start = alignForward(addDays(today, -(30 + rng.int(0, 20) + 50 * olderIndex + c.durationDays * 2)), days);
      while (span(start) >= today) start = alignBackward(addDays(start, -7), days);
      return { startDate: start, endDate: span(start), deadline: addDays(start, -3) };
    }
    case 'in_progress': {
      // Step back a few class days from today, always leaving at least one still to come.
      let start = alignBackward(today, days);
      const back = Math.min(rng.int(0, 3), c.durationDays - 2);
      for (let i = 0; i < back; i++) start = alignBackward(addDays(start, -1), days);
      return { startDate: start, endDate: span(start), deadline: addDays(start, -2) };
    }
    case 'open': {
      const start = alignForward(addDays(today, rng.int(12, 26)), days);
      return { startDate: start, endDate: span(start), deadline: addDays(start, -3) };
    }
    case 'full': {
      const start = alignForward(addDays(today, rng.int(5, 9)), days);
      return { startDate: start, endDate: span(start), deadline: addDays(start, -2) };
    }
    case 'closed': {
      const start = alignForward(addDays(today, rng.int(2, 4)), days);
      return { startDate: start, endDate: span(start), deadline: addDays(today, -rng.int(1, 3)) };
    }
    case 'deadline_today': {
      const start = alignForward(addDays(today, rng.int(3, 6)), days);
      return { startDate: start, endDate: span(start), deadline: today };
    }
    case 'upcoming': {
      const start = alignForward(addDays(today, rng.int(35, 70)), days);
      return { startDate: start, endDate: span(start), deadline: addDays(start, -5) };
    }
  }
}

function seatsLeftFor(state: RunState, seats: number, rng: Rng): number {
  switch (state) {
    case 'ended':
    case 'full':
      return 0;
    case 'in_progress':
      return rng.int(0, 2);
    case 'open':
      // Now and then only one or two seats left, which the list should make obvious.
      return rng.chance(0.25) ? rng.int(1, 2) : rng.int(3, seats - 5);
    case 'closed':
      return rng.int(0, 4);
    case 'deadline_today':
      return rng.int(2, 8);
    case 'upcoming':
      return seats - rng.int(0, 5);
  }
}

function groupsFor(c: CourseSeed, cost: CostType): TargetGroupCode[] {
  // Free government training is for those out of work or at a disadvantage; the 技能提升补贴
  // goes to insured workers; self-paid runs are open to the course's usual audience.
  if (cost === 'free') {
    const g = c.groups.filter((x) => x !== 'employed');
    return g.length > 0 ? g : [...c.groups];
  }
  if (cost === 'subsidy') return c.groups.includes('employed') ? [...c.groups] : ['employed', ...c.groups];
  return [...c.groups];
}

function costNote(cost: CostType, fee: number | null, subsidy: number | null): string {
  if (cost === 'free') return '面向人群中符合条件的人员免费参加，报名时审核资格。';
  if (cost === 'subsidy') return `先交培训费${fee}元，取得证书后可申请技能提升补贴${subsidy}元（需在北京参加失业保险）。`;
  return `培训费${fee}元，含教材和考核费用。`;
}

function buildRun(
  c: CourseSeed,
  state: RunState,
  runIndex: number,
  olderIndex: number,
  today: string,
  rng: Rng,
  publication: Publication,
): RunSeed {
  const provider = providerSeed(c.provider);
  const dates = datesFor(state, c, today, rng, olderIndex);
  const seats = rng.int(c.seats[0], c.seats[1]);
  const costType = c.costs[runIndex % c.costs.length]!;
  const fee = costType === 'free' ? null : c.fee;
  const subsidy = costType === 'subsidy' ? Math.min(SUBSIDY_BY_LEVEL[c.level]!, c.fee) : null;
  const contactIdx = rng.int(0, provider.contacts.length - 1);
  const providerNo = Number(provider.phone.slice(-1));
  const certificates: RunSeed['certificates'] = [
    { kind: 'skill', name: `${c.occupation}${levelLabel(c.level)}职业技能等级证书`, issuer: provider.skillIssuer },
  ];
  if (c.licence) certificates.push({ kind: 'licence', name: c.licence.name, issuer: c.licence.issuer });
  const created = addDays(dates.startDate, -40) < today ? addDays(dates.startDate, -40) : addDays(today, -1);
  return {
    courseKey: c.key,
    state,
    label: periodLabel(dates.startDate),
    ...dates,
    classDays: c.classDays,
    dailyStart: c.dailyStart,
    dailyEnd: c.dailyEnd,
    theoryPlace: c.theory[runIndex % c.theory.length]!,
    practicePlace: c.practice,
    seats,
    seatsLeft: seatsLeftFor(state, seats, rng),
    costType,
    fee,
    subsidy,
    contactName: provider.contacts[contactIdx]!,
    contactPhone: `010-5555-${1100 + providerNo * 10 + contactIdx}`,
    note: [c.runNote, costNote(costType, fee, subsidy)].filter(Boolean).join('\n'),
    publication,
    createdAt: beijingInstant(created, '10:00'),
    certificates,
    groups: groupsFor(c, costType),
  };
}

/** All runs, in course order then date order. */
export function buildRuns(today: string): RunSeed[] {
  const rng = rngFor('runs');
  const runs: RunSeed[] = [];
  let published = 0;
  for (const c of COURSES) {
    const courseRuns: RunSeed[] = [];
    if (c.publication === 'draft' || c.publication === 'review') {
      // Being prepared: one tentative run, not yet public.
      courseRuns.push(buildRun(c, 'upcoming', 0, 0, today, rng, 'draft'));
    } else if (c.publication === 'withdrawn') {
      courseRuns.push(buildRun(c, 'ended', 0, 0, today, rng, 'published'));
    } else {
      const states = [...PATTERNS[published % PATTERNS.length]!];
      for (let i = 0; i < (c.extraRuns ?? 0); i++) states.push('ended');
      let older = 0;
      states.forEach((s, i) => {
        courseRuns.push(buildRun(c, s, i, s === 'ended' ? older++ : 0, today, rng, 'published'));
      });
      // One run still being edited by the school: residents must not see it.
      if (c.key === 'garden5') courseRuns.push(buildRun(c, 'upcoming', states.length, 1, today, rng, 'draft'));
      published++;
    }
    courseRuns.sort((a, b) => a.startDate.localeCompare(b.startDate));
    disambiguateLabels(courseRuns);
    runs.push(...courseRuns);
  }
  return runs;
}

/** Two runs of one course in the same half-month get 甲/乙 suffixes instead of equal labels. */
function disambiguateLabels(runs: RunSeed[]): void {
  const seen = new Map<string, number>();
  for (const r of runs) {
    const n = seen.get(r.label) ?? 0;
    seen.set(r.label, n + 1);
    if (n > 0) r.label = `${r.label}（${'乙丙丁'[n - 1] ?? n + 1}班）`;
  }
}
