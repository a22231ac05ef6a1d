/**
 * What a printed 办事卡 says, built from the same detail objects the pages show. Pure: no
 * database, no clock — the page passes in the detail it loaded and the site's origin.
 */
import type { CourseDetail, RunDetail } from '@/db/queries/courses';
import type { FairDetail } from '@/db/queries/fairs/types';
import type { StationDetail } from '@/db/queries/stations';
import { holidayText } from '@/components/calendar/strings';
import { classDaysText, costText, dailyTimeText, datedRangeText } from '@/db/domain/course-run';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { fullDate, monthDay } from '@/db/domain/calendar';
import { fairText, fairTimeText } from '@/components/fairs/strings';
import { coursesText } from '@/components/courses/strings';
import { searchedService, stationHref } from '@/components/stations/searched-service';
import { cardText as t } from './strings';

export type CardRow = { label: string; lines: string[] };

export type CardData = {
  kind: string;
  title: string;
  subtitle: string | null;
  rows: CardRow[];
  phone: string | null;
  /** Whom to ask for at that number (a run's 联系人), printed on its own line under it. */
  phoneNote?: string | null;
  /** The absolute address of the detail page: what the QR code encodes. */
  url: string;
  footnote: string | null;
  /** Where the back link goes (a path on this site). */
  backHref: string;
};

/** How many services fit on an A6 card beside the week's hours. */
export const CARD_SERVICES_MAX = 6;

export function stationPath(id: number): string {
  return `/stations/${id}`;
}
export function coursePath(id: number): string {
  return `/courses/${id}`;
}
export function fairPath(id: number): string {
  return `/fairs/${id}`;
}

/**
 * A station's card: address, the hours of the seven days from today, day by day (lunch breaks and closures as the
 * page shows them), the main services and the phone. Printed from a search for one service
 * (`serviceId`, which the station offers), that service comes first, with what to bring, and leads the services.
 */
export function stationCard(s: StationDetail, origin: string, serviceId: number | null = null): CardData {
  const searched = searchedService(s, serviceId);
  const all = s.services.flatMap((g) => g.items.map((i) => i.name));
  const services = searched ? [searched.name, ...all.filter((n) => n !== searched.name)] : all;
  const shown = services.slice(0, CARD_SERVICES_MAX);
  const rest = services.length - shown.length;
  const rows: CardRow[] = [];
  if (searched) {
    const lines = [searched.name];
    if (searched.materials.length) lines.push(t.materials(searched.materials.join('、')));
    if (searched.online) lines.push(searched.onlineNote ? t.onlineWhere(searched.onlineNote) : t.onlineAnywhere);
    rows.push({ label: t.searched, lines });
  }
  rows.push({ label: t.address, lines: [s.address] });
  rows.push({
    label: t.hoursThisWeek,
    lines: s.week.map((d) => `${d.weekdayName} ${monthDay(d.date)}${d.isToday ? t.todayMark : ''}　${d.display}${d.note && !d.display.includes(d.note) ? `（${d.note}）` : ''}`),
  });
  const weekChanges = s.changes.filter((c) => c.startDate <= (s.week.at(-1)?.date ?? s.today));
  const guessed = [...s.week.filter((d) => d.provisional).map((d) => d.date), ...weekChanges.filter((c) => c.provisional).map((c) => c.startDate)];
  const notes = [
    ...s.weekNotes,
    ...weekChanges.map((c) => c.text),
    ...(guessed.length ? [holidayText.provisional(guessed.map((d) => Number(d.slice(0, 4))))] : []),
  ];
  if (notes.length) rows.push({ label: t.closedNote, lines: [...new Set(notes)] });
  if (s.suspendedReason !== null) rows.push({ label: t.status, lines: [s.status.text] });
  if (shown.length) rows.push({ label: t.services, lines: [`${shown.join('、')}${rest > 0 ? t.moreServices(services.length) : ''}`] });
  return {
    kind: t.stationKind,
    title: s.name,
    subtitle: `${s.streetName} · ${s.hostName}`,
    rows,
    phone: s.phone || null,
    url: `${origin}${stationHref(s.id, searched?.id ?? null)}`,
    footnote: t.checked(s.lastVerifiedText),
    backHref: stationHref(s.id, searched?.id ?? null),
  };
}

/** What a run costs, as a card or poster prints it (a 补贴班 with its fee and subsidy). */
export function runCostLine(r: RunDetail): string {
  return r.costType === 'subsidy' ? coursesText.cardCostSubsidy(r.fee, r.subsidy) : costText(r);
}

/** A course run's card: dates, class days and times, deadline, cost, where, who, phone. */
export function runCard(c: CourseDetail, r: RunDetail, origin: string): CardData {
  const rows: CardRow[] = [
    { label: t.dates, lines: [datedRangeText(r.startDate, r.endDate)] },
    { label: t.classTime, lines: [`${classDaysText(r.classDays)} ${dailyTimeText(r.dailyStart, r.dailyEnd)}`] },
    { label: t.deadline, lines: [fullDate(r.deadline)] },
    { label: t.cost, lines: [runCostLine(r)] },
    { label: t.theory, lines: [`${r.theory.name}，${r.theory.address}`] },
  ];
  if (r.practice) rows.push({ label: t.practice, lines: [`${r.practice.name}，${r.practice.address}`] });
  rows.push({ label: t.provider, lines: [c.provider.name] });
  return {
    kind: t.runKind,
    title: c.title,
    subtitle: [r.label, c.occupation, c.levelLabel].filter(Boolean).join(' · '),
    rows,
    phone: r.contactPhone || c.provider.phone || null,
    phoneNote: r.contactName || null,
    url: `${origin}${coursePath(c.id)}#run-${r.id}`,
    footnote: null,
    backHref: coursePath(c.id),
  };
}

/**
 * A fair's status as a card or poster prints it, or null for one still to come: cancelled or
 * postponed (with the reason), or over. A card is kept and forwarded, so an ended fair says so.
 */
export function fairStatusLine(f: Pick<FairDetail, 'status' | 'statusNote' | 'past'>): string | null {
  if (f.status !== 'scheduled') return `${FAIR_STATUS_LABELS[f.status]}${f.statusNote ? `：${f.statusNote}` : ''}`;
  return f.past ? fairText.ended : null;
}

/** A fair's card: when, where (or online), how many employers and positions, phone. */
export function fairCard(f: FairDetail, origin: string): CardData {
  const rows: CardRow[] = [];
  const status = fairStatusLine(f);
  if (status) rows.push({ label: t.status, lines: [status] });
  rows.push({ label: t.fairWhen, lines: [fairTimeText(f, true)] });
  rows.push({
    label: t.fairWhere,
    lines: f.place ? [`${f.place.name}，${f.place.address}`, ...(f.online ? [t.online] : [])] : [t.online],
  });
  rows.push({ label: t.employers, lines: [t.employersCount(f.employerCount, f.positionCount, f.headcount)] });
  return {
    kind: `${t.fairKind} · ${FAIR_TYPE_LABELS[f.type]}`,
    title: f.title,
    subtitle: f.organiser,
    rows,
    phone: f.contactPhone || null,
    url: `${origin}${fairPath(f.id)}`,
    footnote: null,
    backHref: fairPath(f.id),
  };
}
