import Link from 'next/link';
import { Badge, type Tone } from '@/components/ui/badge';
import type { FairListItem } from '@/db/queries/fairs/types';
import type { FairStatus } from '@/db/schema';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { monthDayWeekday } from '@/db/domain/calendar';
import { dateTile, fairText, fairTimeText } from './strings';

export { fairTimeText };

export const STATUS_TONES: Record<FairStatus, Tone> = { scheduled: 'ok', postponed: 'warn', cancelled: 'bad' };

/** A calendar-leaf tile: month, day and weekday. Decorative: the card says the date in words too. */
export function DateTile({ date, caption, muted = false }: { date: string; caption?: string; muted?: boolean }) {
  const t = dateTile(date);
  return (
    <div
      aria-hidden="true"
      className={`flex w-16 shrink-0 flex-col items-center self-start rounded-lg border-2 py-1 leading-tight sm:w-20 ${
        muted ? 'border-line bg-gray-100 text-muted' : 'border-brand bg-brand-soft text-brand-dark'
      }`}
    >
      {caption && <span className="text-sm font-bold">{caption}</span>}
      <span className="text-base">{t.month}</span>
      <span className="text-3xl font-bold">{t.day}</span>
      <span className="text-base">{t.weekday}</span>
    </div>
  );
}

/** The status, type and "now" badges of a fair. */
export function FairBadges({ fair }: { fair: Pick<FairListItem, 'type' | 'status' | 'happeningNow' | 'over'> }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Badge tone="info">{FAIR_TYPE_LABELS[fair.type]}</Badge>
      {fair.over && fair.status !== 'cancelled' ? (
        <Badge tone="neutral">{fairText.ended}</Badge>
      ) : (
        <Badge tone={STATUS_TONES[fair.status]}>{FAIR_STATUS_LABELS[fair.status]}</Badge>
      )}
      {fair.happeningNow && <Badge tone="ok">{fairText.happeningNow}</Badge>}
    </div>
  );
}

/** Postponed or cancelled, said in words beside the badge (never hidden). */
export function StatusNote({ status, note }: { status: FairStatus; note: string | null }) {
  if (status === 'scheduled' || !note) return null;
  return (
    <p className={`font-bold ${status === 'cancelled' ? 'text-bad' : 'text-warn'}`}>
      {fairText.statusNotePrefix}
      {note}
    </p>
  );
}

const row = 'grid grid-cols-[3rem_1fr] gap-x-2';
// Whole class names, so Tailwind finds them: the tile spans exactly the rows the card has.
const ROW_SPANS: Record<number, string> = { 2: 'sm:row-span-2', 3: 'sm:row-span-3', 4: 'sm:row-span-4' };
const label = 'font-bold text-muted';

/** One fair in a list. No hooks: the server and the live search both render it. */
export function FairCard({ fair, headingLevel = 3 }: { fair: FairListItem; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const muted = fair.over || fair.status === 'cancelled';
  // Say 下一场 on the tile when it shows a later day than the first (a market, a long fair).
  const caption = fair.over
    ? undefined
    : fair.nextSessionToday
      ? fairText.today
      : fair.date !== fair.startsAt.slice(0, 10)
        ? fairText.nextSession
        : undefined;
  // On a phone the details run under the tile, at full width; from sm they sit beside it.
  const beside = 'col-span-2 sm:col-span-1 sm:col-start-2';
  const hasNote = fair.status !== 'scheduled' && Boolean(fair.statusNote);
  const tileRows = ROW_SPANS[2 + (hasNote ? 1 : 0) + (fair.matchedToCourse ? 1 : 0)];
  return (
    <article
      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 rounded-xl border border-line bg-white p-4 shadow-sm sm:gap-x-4"
      data-testid="fair-card"
    >
      <div className={tileRows}>
        <DateTile date={fair.date} caption={caption} muted={muted} />
      </div>
      <div className="min-w-0 space-y-2">
        <H className="text-xl">
          <Link href={`/fairs/${fair.id}`} className={fair.status === 'cancelled' ? 'text-ink' : undefined}>
            {fair.title}
          </Link>
        </H>
        <FairBadges fair={fair} />
      </div>
      {hasNote && (
        <div className={beside}>
          <StatusNote status={fair.status} note={fair.statusNote} />
        </div>
      )}
      <dl className={`${beside} space-y-1 text-base sm:text-lg`}>
        <div className={row}>
          <dt className={label}>{fairText.cardWhen}</dt>
          <dd>
            {fairTimeText(fair, fair.past)}
            {fair.recurrence && fair.nextSession && fair.status === 'scheduled' && (
              <span className="block" data-testid="fair-next-session">
                {fair.nextSessionToday
                  ? fairText.todaySession(fair.nextSession.opens, fair.nextSession.closes, fair.happeningNow)
                  : `${fairText.nextSession}：${monthDayWeekday(fair.nextSession.date)}`}
              </span>
            )}
            {fair.recurrence && !fair.nextSession && <span className="block">{fairText.sessionsOver}</span>}
          </dd>
        </div>
        <div className={row}>
          <dt className={label}>{fairText.cardWhere}</dt>
          <dd>
            {fair.venue ? (
              <>
                {fair.venue.name}
                {fair.venue.street && <span className="text-muted">（{fair.venue.street}）</span>}
                {fair.online && <span className="block">{fairText.alsoOnline}</span>}
              </>
            ) : (
              fairText.online
            )}
          </dd>
        </div>
        <div className={row}>
          <dt className={label}>{fairText.cardJobs}</dt>
          <dd>
            {fair.employerCount > 0
              ? [fairText.employers(fair.employerCount), fairText.positions(fair.positionCount), fairText.headcount(fair.headcount)].join(' · ')
              : fairText.noEmployersYet}
          </dd>
        </div>
      </dl>
      {fair.matchedToCourse && <p className={`${beside} rounded-lg bg-ok-soft px-3 py-1.5 text-base text-ok`}>{fairText.shortTrainingHint}</p>}
    </article>
  );
}
