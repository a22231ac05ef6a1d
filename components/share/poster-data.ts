/**
 * What a share poster says, built from the same detail objects the pages show. Pure: no
 * database, no clock. The poster is kept and forwarded, so it says what stays true — the regular
 * week for a station, the date for a fair or a run — and the QR code leads to today's page.
 */
import type { CourseDetail } from '@/db/queries/courses';
import type { FairDetail } from '@/db/queries/fairs/types';
import type { StationDetail } from '@/db/queries/stations';
import { classDaysText, dailyTimeText, datedRangeText } from '@/db/domain/course-run';
import { FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { fairTimeText } from '@/components/fairs/strings';
import { cardText } from '@/components/cards/strings';
import { coursePath, fairPath, fairStatusLine, runCostLine, stationPath } from '@/components/cards/card-data';
import { fullDate } from '@/db/domain/calendar';
import { posterText as t } from './strings';

export type PosterRow = { label: string; lines: string[] };

export type PosterData = {
  kind: string;
  title: string;
  rows: PosterRow[];
  phone: string | null;
  /** The page's absolute address: what the QR code encodes. */
  url: string;
};

/** Every character the poster draws (for the font subset). */
export function posterChars(p: PosterData, fixed: readonly string[]): string {
  return [p.kind, p.title, p.url, p.phone ?? '', ...p.rows.flatMap((r) => [r.label, ...r.lines]), ...fixed].join('');
}

/** 周一至周五 8:30–17:00 · 周六、周日 休息: days in a row with the same hours said once. */
export function weekLines(rows: readonly { weekdayName: string; display: string }[]): string[] {
  const groups: { names: string[]; display: string }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.display === r.display) last.names.push(r.weekdayName);
    else groups.push({ names: [r.weekdayName], display: r.display });
  }
  return groups.map(({ names, display }) => {
    const days = names.length > 2 ? `${names[0]}至${names.at(-1)}` : names.join('、');
    return `${days}　${display}`;
  });
}

export function stationPoster(s: StationDetail, origin: string): PosterData {
  return {
    kind: cardText.stationKind,
    title: s.name,
    rows: [
      { label: t.address, lines: [s.address] },
      // A card is kept for weeks: a change already decided is printed with it.
      { label: t.hours, lines: [...weekLines(s.regularWeek), t.holidays, ...s.hoursChanges.map((c) => c.text)] },
    ],
    phone: s.phone || null,
    url: `${origin}${stationPath(s.id)}`,
  };
}

export function fairPoster(f: FairDetail, origin: string): PosterData {
  const rows: PosterRow[] = [];
  const status = fairStatusLine(f);
  if (status) rows.push({ label: cardText.status, lines: [status] });
  rows.push({ label: t.when, lines: [fairTimeText(f, true)] });
  rows.push({ label: t.where, lines: f.place ? [f.place.name, f.place.address] : [t.online] });
  return {
    kind: `${cardText.fairKind} · ${FAIR_TYPE_LABELS[f.type]}`,
    title: f.title,
    rows,
    phone: f.contactPhone || null,
    url: `${origin}${fairPath(f.id)}`,
  };
}

/** A course's poster shows its next run still taking sign-ups (or, failing that, the next to come). */
export function coursePoster(c: CourseDetail, origin: string): PosterData {
  const run = c.runs.find((r) => r.status === 'open') ?? c.runs.find((r) => r.status !== 'ended') ?? null;
  const rows: PosterRow[] = run
    ? [
        {
          label: t.nextRun,
          lines: [datedRangeText(run.startDate, run.endDate), `${classDaysText(run.classDays)} ${dailyTimeText(run.dailyStart, run.dailyEnd)}`],
        },
        // What a parent needs before calling: until when to sign up (while one can), and what it costs.
        ...(run.status === 'open' ? [{ label: cardText.deadline, lines: [fullDate(run.deadline)] }] : []),
        { label: cardText.cost, lines: [runCostLine(run)] },
        { label: t.address, lines: [run.theory.name, run.theory.address] },
      ]
    : [{ label: t.nextRun, lines: [t.noRun] }];
  return {
    kind: t.courseKind,
    title: c.title,
    rows,
    phone: run?.contactPhone || c.provider.phone || null,
    url: `${origin}${coursePath(c.id)}`,
  };
}

/** The one line a share message carries under the title: the first line of each row. */
export function shareLine(p: PosterData): string {
  return p.rows.map((r) => r.lines[0] ?? '').filter(Boolean).join('；');
}
