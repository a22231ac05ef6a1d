import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { Refused } from '@/components/admin/refused';
import { serviceCatalogue } from '@/db/admin/stations';
import { StationFrame } from '@/components/admin/stations/frame';
import { ServicesEditor } from '@/components/admin/stations/services-editor';
import { stationAdmin as t } from '@/components/admin/stations/strings';
import { loadStationPage } from '../../load';
import { saveStationServicesAction } from '../../actions';

export const metadata: Metadata = { title: t.services.title };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export default async function StationServicesPage({ params }: Props) {
  const { id: raw } = await params;
  const load = await loadStationPage(raw, '/services');
  if (load.kind === 'refused') return <Refused />;
  if (load.kind === 'missing') notFound();
  const { actor, data } = load;
  const s = data.station;
  return (
    <StationFrame id={s.id} name={s.name} publication={s.publication} closedToday={data.todayClosure !== null} tab="services" showBack={actor.role !== 'station'}>
      <p className="mb-4 text-muted">{t.services.lead}</p>
      <ServicesEditor
        id={s.id}
        version={s.version}
        catalogue={serviceCatalogue(getDb())}
        selected={data.services}
        published={s.publication === 'published'}
        action={saveStationServicesAction}
      />
    </StationFrame>
  );
}
