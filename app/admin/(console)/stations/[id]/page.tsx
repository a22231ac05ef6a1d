import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listStreetsForForm } from '@/db/admin/stations';
import { HOST_TYPE_LABELS, STATION_STATUS_LABELS } from '@/db/domain/labels-stations';
import { fullDate } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { LifecycleButtons } from '@/components/admin/lifecycle-buttons';
import { StationFrame } from '@/components/admin/stations/frame';
import { StationDetailsForm, type DetailsValues } from '@/components/admin/stations/details-form';
import { TodayClosure } from '@/components/admin/stations/today-closure';
import { VerifyButton } from '@/components/admin/stations/verify-button';
import { STATION_FIELD_LABELS, stationAdmin as t } from '@/components/admin/stations/strings';
import { DescriptionList } from '@/components/ui/description-list';
import { Notice } from '@/components/ui/notice';
import { loadStationPage } from '../load';
import {
  closeStationTodayAction,
  markStationVerifiedAction,
  reopenStationTodayAction,
  transitionStationAction,
  updateStationDetailsAction,
} from '../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const metadata: Metadata = { title: t.listTitle };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** Where each publish problem is fixed. */
const PROBLEM_TAB: Record<string, string> = { hours: '/hours', services: '/services' };

export default async function StationOverviewPage({ params }: Props) {
  const { id: raw } = await params;
  const load = await loadStationPage(raw, '');
  if (load.kind === 'refused') return <Refused />;
  if (load.kind === 'missing') notFound();
  const { actor, data } = load;
  const s = data.station;
  const initial: DetailsValues = {
    id: s.id,
    version: s.version,
    name: s.name,
    hostType: s.hostType,
    hostName: s.hostName,
    streetId: String(s.streetId),
    address: s.address,
    lat: String(s.lat),
    lng: String(s.lng),
    phone: s.phone,
    hasWindow: s.hasWindow,
    hasSelfService: s.hasSelfService,
    hasAiAvatar: s.hasAiAvatar,
    isAccessible: s.isAccessible,
    status: s.status,
    openingDate: s.openingDate ?? '',
    statusReason: s.statusReason ?? '',
    lastVerifiedOn: s.lastVerifiedOn,
    directions: s.directions,
  };
  const streets = listStreetsForForm(getDb());
  const problems = Object.entries(data.publishProblems);
  const published = s.publication === 'published';

  return (
    <StationFrame id={s.id} name={s.name} publication={s.publication} closedToday={data.todayClosure !== null} tab="overview" showBack={actor.role !== 'station'}>
      <HistoryLink actor={actor} entity="station" id={s.id} />
      <p className="mb-4">
        {published ? (
          <Link href={`/stations/${s.id}`} className="inline-flex min-h-12 items-center">
            {t.overview.publicPage}
          </Link>
        ) : (
          <span className="text-muted">{t.overview.notPublished}</span>
        )}
      </p>

      {data.todayException && (
        <div className="mb-4">
          <Notice
            tone="warn"
            title={t.today.longClosure(t.exceptions.range(data.todayException.startDate, data.todayException.endDate), data.todayException.reason)}
          />
        </div>
      )}
      <TodayClosure id={s.id} closure={data.todayClosure} closedAnyway={data.closedAnyway} today={data.today} closeAction={closeStationTodayAction} reopenAction={reopenStationTodayAction} />

      {(data.moves.length > 0 || problems.length > 0) && (
        <section aria-labelledby="lifecycle-title" className="mb-6 rounded-xl border border-line bg-white p-4">
          <h2 id="lifecycle-title" className="mb-2 text-xl">
            {t.overview.lifecycle}
          </h2>
          {problems.length > 0 && (
            <div className="mb-3 rounded-lg border-l-4 border-warn bg-warn-soft px-4 py-3">
              <p className="font-bold">{t.overview.publishProblems}</p>
              <ul className="list-disc pl-6">
                {problems.map(([field, message]) => (
                  <li key={field}>
                    <a href={PROBLEM_TAB[field] ? `/admin/stations/${s.id}${PROBLEM_TAB[field]}` : `#field-${field}`}>
                      {STATION_FIELD_LABELS[field] ? `${STATION_FIELD_LABELS[field]}：` : ''}
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <LifecycleButtons entity="station" id={s.id} version={s.version} moves={data.moves} action={transitionStationAction} labels={STATION_FIELD_LABELS} />
        </section>
      )}

      <section aria-labelledby="details-title" className="rounded-xl border border-line bg-white p-4">
        <h2 id="details-title" className="mb-3 text-xl">
          {data.mayEditDetails ? t.details.title : t.overview.readOnlyDetails}
        </h2>
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <p>{t.overview.verified(fullDate(s.lastVerifiedOn))}</p>
          {data.mayEditDetails && <VerifyButton id={s.id} version={s.version} action={markStationVerifiedAction} />}
        </div>
        {data.mayEditDetails ? (
          <StationDetailsForm key={s.lastVerifiedOn} initial={initial} streets={streets} published={published} action={updateStationDetailsAction} />
        ) : (
          <>
            <p className="mb-3 text-muted">{t.overview.readOnlyHelp}</p>
            <DescriptionList
              items={[
                { label: t.details.hostType, value: HOST_TYPE_LABELS[s.hostType] },
                { label: t.details.hostName, value: s.hostName },
                { label: t.details.street, value: streets.find((x) => x.id === s.streetId)?.name ?? '' },
                { label: t.details.address, value: s.address },
                { label: t.details.phone, value: s.phone },
                { label: t.details.status, value: STATION_STATUS_LABELS[s.status] },
                { label: t.details.directions, value: s.directions || '—' },
              ]}
            />
          </>
        )}
      </section>
    </StationFrame>
  );
}
