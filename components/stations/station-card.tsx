import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { StationListItem } from '@/db/queries/stations';
import { PhoneLink } from './phone-link';
import { stationHref } from './searched-service';
import { ServiceMaterials } from './service-materials';
import { StationStatus } from './station-status';
import { facilityLabels, hostTypeLabel, serviceModeLabel, stationStrings as t } from './strings';

/** Beyond this many minutes on foot, the card suggests the bus or metro instead of a walking time. */
const LONG_WALK_MINUTES = 30;

/** One station in the results: today's status first, then how far, what it is, where, whom to call. */
export function StationCard({ item }: { item: StationListItem }) {
  return (
    <article
      className={`rounded-xl border bg-white p-4 shadow-sm ${item.planned ? 'border-dashed border-line' : 'border-line'}`}
      data-testid="station-result"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-xl">
          <Link href={stationHref(item.id, item.service?.id ?? null)}>{item.name}</Link>
        </h3>
      </div>
      <StationStatus status={item.status} className="mt-2" />

      {item.distance && (
        <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="station-distance">
          {item.distance.minutes > LONG_WALK_MINUTES ? (
            <>
              <span>{t.farAway(item.distance.text)}</span>
              <span className="text-base text-muted">{t.farAwayHint}</span>
            </>
          ) : (
            <>
              <span>{t.walking(item.distance.minutes)}</span>
              <span className="text-base text-muted">{t.distance(item.distance.text)}</span>
            </>
          )}
          {item.distance.within15 && <Badge tone="ok">{t.fifteenMinutes}</Badge>}
        </p>
      )}

      {item.service && (
        <div className="mt-2 rounded-lg bg-brand-soft px-3 py-1 text-base">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="station-service-mode">
            <span>{t.serviceHere(item.service.name, serviceModeLabel(item.service.mode))}</span>
            {item.service.online && <Badge tone="info">{t.onlineMark}</Badge>}
          </p>
          <ServiceMaterials materials={item.service.materials} />
        </div>
      )}

      <dl className="mt-3 grid grid-cols-[4.5rem_1fr] items-baseline gap-x-3 gap-y-1 text-base">
        <dt className="font-bold text-muted">{t.hostLabel}</dt>
        <dd>
          {hostTypeLabel(item.hostType)} · {item.hostName}
        </dd>
        <dt className="font-bold text-muted">{t.addressLabel}</dt>
        <dd>
          {item.address}（{item.streetName}）
        </dd>
        <dt className="font-bold text-muted">{t.phoneLabel}</dt>
        <dd>
          <PhoneLink phone={item.phone} label={t.callStation(item.name, item.phone)} className="min-h-11" />
        </dd>
        {item.facilities.length > 0 && (
          <>
            <dt className="font-bold text-muted">{t.facilitiesLabel}</dt>
            <dd>{facilityLabels(item.facilities).join('、')}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
