import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { calendarYear, calendarYears } from '@/db/admin/calendar';
import { listCalendarDays } from '@/db/admin/calendar-range';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '@/db/validation/admin/calendar';
import { beijingToday } from '@/db/domain/time';
import { CALENDAR_2027_NOTE } from '@/db/seed/calendar';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { CalendarEditor } from '@/components/admin/calendar/calendar-editor';
import { ProvisionalToggle } from '@/components/admin/calendar/provisional-toggle';
import { calendarText as t } from '@/components/admin/calendar/strings';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const metadata: Metadata = { title: t.title };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('/admin/calendar');
  if (!can(actor, 'view', { kind: 'calendar' })) return <Refused />;
  const canEdit = can(actor, 'edit', { kind: 'calendar' });
  const db = getDb();
  const thisYear = Number(beijingToday().slice(0, 4));
  const sp = await searchParams;
  const asked = Number(typeof sp.year === 'string' ? sp.year : NaN);
  // Any year the calendar may hold can be opened (to enter its first days), not only years with days.
  const year = Number.isInteger(asked) && asked >= CALENDAR_MIN_YEAR && asked <= CALENDAR_MAX_YEAR ? asked : thisYear;
  const years = [...new Set([...(await calendarYears(db, thisYear)), year])].sort((a, b) => a - b);
  const [data, known] = await Promise.all([calendarYear(db, year), canEdit ? listCalendarDays(db) : Promise.resolve([])]);

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <HistoryLink actor={actor} entity="calendar" />
      {!canEdit && (
        <div className="mb-4">
          <Notice>{t.viewOnly}</Notice>
        </div>
      )}
      <nav aria-label={t.yearNav} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {years.map((y) => (
            <li key={y}>
              <Link
                href={`/admin/calendar?year=${y}`}
                aria-current={y === year ? 'page' : undefined}
                className={`inline-flex min-h-12 items-center rounded-lg border-2 px-4 no-underline ${
                  y === year ? 'border-brand bg-brand text-white hover:text-white' : 'border-line bg-white text-ink'
                }`}
              >
                {t.yearLink(y)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.provisional ? (
        <div className="mb-4" data-testid="provisional-note">
          <Notice tone="warn" title={year === 2027 ? t.provisionalTitle : t.provisionalYearTitle(year)}>
            {year === 2027 ? CALENDAR_2027_NOTE : t.provisionalGeneric(year)}
          </Notice>
          {canEdit && <ProvisionalToggle year={year} provisional />}
        </div>
      ) : (
        data.rows.length > 0 && (
          <div className="mb-4" data-testid="official-note">
            <p>{t.officialNote(year)}</p>
            {canEdit && <ProvisionalToggle year={year} provisional={false} />}
          </div>
        )
      )}
      {/* Not keyed by year: a refresh or a change of year must never throw away what is being typed. */}
      <CalendarEditor year={year} rows={data.rows} known={known} canEdit={canEdit} summary={t.summary(data.holidays, data.workdays)} />
    </>
  );
}
