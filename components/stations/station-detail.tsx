import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonStyles } from '@/components/ui/button';
import { NavigationLinks } from '@/components/maps/navigation-links';
import { Notice } from '@/components/ui/notice';
import type { RegularRowView, StationDetail, StationServiceView, WeekRowView } from '@/db/queries/stations';
import { fullDate, monthDay } from '@/db/domain/calendar';
import { PhoneLink } from './phone-link';
import { ServiceMaterials } from './service-materials';
import { StationStatus } from './station-status';
import { holidayText } from '@/components/calendar/strings';
import { facilityLabel, serviceModeMark, stationStrings as t } from './strings';

/** One session per line ('9:00–12:00、13:30–17:00'), so a lunch break reads at a glance on a phone. */
function Sessions({ display }: { display: string }) {
  const parts = display.split('、');
  // A single closed-day label ('休息（医保信息系统升级）') may be long: let it wrap.
  if (parts.length === 1) return <span className={/^\d/.test(display) ? 'whitespace-nowrap' : ''}>{display}</span>;
  return (
    <>
      {parts.map((p, i) => (
        <span key={p} className="block whitespace-nowrap">
          {p}
          {i < parts.length - 1 && <span className="sr-only">、</span>}
        </span>
      ))}
    </>
  );
}

/** Caption and column headings shared by the week table and the regular-hours table. */
function HoursHead({ caption, counter }: { caption: string; counter: boolean }) {
  return (
    <>
      <caption className="mb-2 text-left text-base text-muted">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-line">
          <th scope="col" className="py-2 pr-3">
            {t.dayColumn}
          </th>
          <th scope="col" className="py-2 pr-3">
            {t.hoursColumn}
          </th>
          {counter && (
            <th scope="col" className="py-2">
              {t.counterColumn}
            </th>
          )}
        </tr>
      </thead>
    </>
  );
}

function WeekTable({ rows, counterRows }: { rows: WeekRowView[]; counterRows: WeekRowView[] | null }) {
  return (
    <table className="mt-2 w-full border-collapse text-left [overflow-wrap:anywhere]" data-testid="week-table">
      <HoursHead caption={t.weekCaption} counter={counterRows !== null} />
      <tbody>
        {rows.map((r, i) => {
          const counter = counterRows?.[i];
          return (
            <tr
              key={r.date}
              aria-current={r.isToday ? 'date' : undefined}
              className={`border-b border-line align-top ${r.isToday ? 'bg-brand-soft font-bold' : ''}`}
            >
              <th scope="row" className="py-2 pr-3 font-medium">
                <span className="whitespace-nowrap">{r.weekdayName}</span>{' '}
                <span className="whitespace-nowrap text-base font-normal text-muted">{monthDay(r.date)}</span>
                {r.isToday && (
                  <span className="ml-1 inline-block">
                    <Badge tone="info">{t.todayMark}</Badge>
                  </span>
                )}
              </th>
              <td className="break-words py-2 pr-3">
                <Sessions display={r.display} />
                {r.note && !r.display.includes(r.note) && <span className="block text-base font-normal text-muted">{r.note}</span>}
              </td>
              {counterRows && <td className="break-words py-2">{counter && <Sessions display={counter.display} />}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The regular week without dates: what a planned station will keep once it opens. */
function RegularTable({ rows, counterRows }: { rows: RegularRowView[]; counterRows: RegularRowView[] | null }) {
  if (rows.every((r) => r.display === '休息') && !counterRows) return <p className="mt-2">{t.noRegularHours}</p>;
  return (
    <table className="mt-2 w-full border-collapse text-left [overflow-wrap:anywhere]" data-testid="regular-table">
      <HoursHead caption={t.regularCaption} counter={counterRows !== null} />
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.weekday} className="border-b border-line align-top">
            <th scope="row" className="py-2 pr-3 font-medium">
              {r.weekdayName}
            </th>
            <td className="break-words py-2 pr-3">
              <Sessions display={r.display} />
            </td>
            {counterRows && <td className="break-words py-2">{counterRows[i] && <Sessions display={counterRows[i].display} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Props = {
  station: StationDetail;
  /** The service the resident came for (?service= from the list): shown first, with what to bring. */
  searched?: StationServiceView | null;
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-white p-4">
      <h2 id={id} className="text-xl">
        {title}
      </h2>
      {children}
    </section>
  );
}

function TodaySection({ station: s }: Props) {
  return (
    <Section id="st-today" title={t.todayHeading}>
      <StationStatus status={s.status} className="mt-2 text-lg" />
      {s.counterStatus && (
        <StationStatus
          status={s.counterStatus}
          className="mt-2"
          noteSaid={s.counterStatus.provisionalYears.every((y) => s.status.provisionalYears.includes(y))}
        />
      )}
      <div className="mt-4 flex flex-col gap-3 sm:flex-row">
        <a href={`tel:${s.phone.replace(/[^\d+]/g, '')}`} className={buttonStyles.primary}>
          {t.call(s.phone)}
        </a>
        <a href="#st-navigate" className={buttonStyles.secondary}>
          {t.navigate}
        </a>
      </div>
      <p className={`mt-3 text-base ${s.verifiedLongAgo ? 'font-medium text-warn' : 'text-muted'}`} data-testid="last-verified">
        {t.verified(s.lastVerifiedText)}。{s.verifiedLongAgo ? t.verifiedStale : t.verifiedHint}
      </p>
    </Section>
  );
}

/** Once on the page, with the hours: the holidays shown for these years are still a guess. */
function ProvisionalNote({ years }: { years: number[] }) {
  if (years.length === 0) return null;
  return (
    <p className="mt-3 text-base font-medium text-warn" data-testid="provisional-holidays">
      {holidayText.provisional(years)}
    </p>
  );
}

function ChangesSection({ station: s }: Props) {
  return (
    <Section id="st-changes" title={t.changesHeading}>
      {s.changes.length > 0 || s.hoursChanges.length > 0 ? (
        <ul className="mt-2 space-y-2" data-testid="hours-changes">
          {s.hoursChanges.map((c) => (
            <li key={`weekly-${c.date}`} className="rounded-lg bg-warn-soft px-3 py-2 [overflow-wrap:anywhere]" data-testid="weekly-hours-change">
              {c.text}
            </li>
          ))}
          {s.changes.map((c) => (
            <li key={`${c.startDate}-${c.text}`} className="rounded-lg bg-warn-soft px-3 py-2 [overflow-wrap:anywhere]">
              {c.text}
              {c.provisional && holidayText.provisionalMark}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t.noChanges}</p>
      )}
      <ProvisionalNote years={s.provisionalYears} />
    </Section>
  );
}

/** The service the resident searched for, first: what to bring as a checklist, and whether a phone will do. */
function SearchedService({ service: it }: { service: StationServiceView }) {
  return (
    <section aria-labelledby="st-searched" className="rounded-xl border-2 border-brand/40 bg-brand-soft p-4" data-testid="searched-service">
      <h2 id="st-searched" className="text-xl">
        {t.searchedHeading(it.name)}
      </h2>
      <p className="mt-2 flex flex-wrap gap-1">
        <Badge tone="neutral">{serviceModeMark(it.mode)}</Badge>
        {it.online && <Badge tone="info">{t.onlineMark}</Badge>}
      </p>
      {it.materials.length > 0 && <p className="mt-2 text-base">{t.searchedIntro}</p>}
      <ServiceMaterials materials={it.materials} variant="checklist" />
      {it.online && it.onlineNote && (
        <p className="mt-2 text-base">
          {t.searchedOnline}
          {it.onlineNote}
        </p>
      )}
    </section>
  );
}

function ServicesSection({ station: s }: Props) {
  if (s.services.length === 0) {
    return (
      <Section id="st-services" title={t.servicesHeading}>
        <p className="mt-2">{t.noServices}</p>
      </Section>
    );
  }
  return (
    <Section id="st-services" title={t.servicesHeading}>
      <p className="mt-1 text-base text-muted">{t.servicesIntro}</p>
      <div className="mt-3 space-y-4">
        {s.services.map((g) => (
          <div key={g.category}>
            <h3 className="text-lg">{g.category}</h3>
            <ul className="mt-1 divide-y divide-line">
              {g.items.map((it) => (
                <li key={it.name} className="py-2" data-testid="station-service">
                  <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between sm:gap-2">
                    <span className="font-medium">{it.name}</span>
                    <span className="flex flex-wrap gap-1">
                      <Badge tone="neutral">{serviceModeMark(it.mode)}</Badge>
                      {it.online && <Badge tone="info">{t.onlineMark}</Badge>}
                    </span>
                  </div>
                  <ServiceMaterials materials={it.materials} />
                  {it.online && it.onlineNote && <p className="text-base text-muted">{t.onlineWhere(it.onlineNote)}</p>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Section>
  );
}

function ContactSection({ station: s }: Props) {
  return (
    <Section id="st-contact" title={t.contactHeading}>
      <dl className="mt-2 grid grid-cols-[4.5rem_1fr] items-baseline gap-x-3 gap-y-2">
        <dt className="font-bold text-muted">{t.addressLabel}</dt>
        <dd>{s.address}</dd>
        <dt className="font-bold text-muted">{t.streetLabel}</dt>
        <dd>{s.streetName}</dd>
        <dt className="font-bold text-muted">{t.phoneLabel}</dt>
        <dd>
          <PhoneLink phone={s.phone} label={t.callStation(s.name, s.phone)} />
        </dd>
        {s.directions && (
          <>
            <dt className="font-bold text-muted">{t.directionsLabel}</dt>
            <dd>{s.directions}</dd>
          </>
        )}
      </dl>
      <NavigationLinks at={s.coordinates.wgs84} name={s.name} className="mt-3 scroll-mt-4" id="st-navigate" />
    </Section>
  );
}

function FacilitiesSection({ station: s }: Props) {
  return (
    <Section id="st-facilities" title={t.facilitiesHeading}>
      <ul className="mt-2 flex flex-wrap gap-2">
        {s.facilities.map((f) => (
          <li key={f}>
            <Badge tone="neutral">{facilityLabel(f)}</Badge>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function HelpSection({ station: s }: Props) {
  return (
    <Section id="st-help" title={t.helpHeading}>
      <p className="mt-2">
        {t.helpHotline}{' '}
        <a href={`tel:${t.hotline}`} className="font-bold">
          {t.hotline}
        </a>
        。
      </p>
      {s.onlineServices.length > 0 && (
        <>
          <p className="mt-2">{t.helpOnline(s.onlineServices.length)}</p>
          <p className="mt-1 text-base" data-testid="online-services">
            {s.onlineServices.join('、')}
          </p>
        </>
      )}
      <p className="mt-3">
        <Link href="/stations" className="inline-flex min-h-12 items-center">
          {t.backToList}
        </Link>
      </p>
    </Section>
  );
}

/**
 * The station page body. Phones read it top to bottom (status and the call/navigate buttons
 * first); wide screens put contact details in a side column beside the hours and services.
 */
export function StationDetailView({ station: s, searched = null }: Props) {
  return (
    <div className="grid gap-5 lg:grid-cols-[1fr_22rem] lg:items-start">
      <div className="min-w-0 space-y-5">
        {s.planned && (
          <Notice tone="info" title={s.openingDate ? t.plannedTitle(monthDay(s.openingDate)) : t.plannedMark}>
            {s.openingDate ? t.plannedNotice(fullDate(s.openingDate)) : t.plannedNoDate}
          </Notice>
        )}
        {s.suspendedReason !== null && <Notice tone="bad">{t.suspendedNotice(s.suspendedReason)}</Notice>}
        <TodaySection station={s} />
        {searched && <SearchedService service={searched} />}
        {s.planned ? (
          <Section id="st-week" title={t.regularHeading}>
            {s.counterRegularWeek && <p className="mt-1 text-base">{t.counterWeekIntro}</p>}
            <RegularTable rows={s.regularWeek} counterRows={s.counterRegularWeek} />
          </Section>
        ) : (
          <Section id="st-week" title={t.weekHeading}>
            {s.counterWeek && <p className="mt-1 text-base">{t.counterWeekIntro}</p>}
            <WeekTable rows={s.week} counterRows={s.counterWeek} />
            {s.weekNotes.map((n) => (
              <p key={n} className="mt-2 text-base [overflow-wrap:anywhere]" data-testid="week-note">
                {t.weekNoteLabel}
                {n}
              </p>
            ))}
          </Section>
        )}
        {/* A planned station has no dated changes to list until it opens (unless one falls just after). */}
        {(!s.planned || s.changes.length > 0 || s.hoursChanges.length > 0) && <ChangesSection station={s} />}
        <ServicesSection station={s} />
      </div>
      <div className="space-y-5">
        <ContactSection station={s} />
        <FacilitiesSection station={s} />
        <HelpSection station={s} />
      </div>
    </div>
  );
}
