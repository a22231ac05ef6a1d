import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Refused } from '@/components/admin/refused';
import { splitExceptions } from '@/db/admin/stations';
import { StationFrame } from '@/components/admin/stations/frame';
import { ExceptionsEditor } from '@/components/admin/stations/exceptions-editor';
import { stationAdmin as t } from '@/components/admin/stations/strings';
import { loadStationPage } from '../../load';
import { deleteStationExceptionAction, saveStationExceptionAction } from '../../actions';

export const metadata: Metadata = { title: t.exceptions.title };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export default async function StationExceptionsPage({ params }: Props) {
  const { id: raw } = await params;
  const load = await loadStationPage(raw, '/exceptions');
  if (load.kind === 'refused') return <Refused />;
  if (load.kind === 'missing') notFound();
  const { actor, data } = load;
  const s = data.station;
  const { current, past } = splitExceptions(data.exceptions, data.today);
  return (
    <StationFrame id={s.id} name={s.name} publication={s.publication} closedToday={data.todayClosure !== null} tab="exceptions" showBack={actor.role !== 'station'}>
      <p className="mb-4 text-muted">{t.exceptions.lead}</p>
      <ExceptionsEditor
        stationId={s.id}
        version={s.version}
        today={data.today}
        current={current}
        past={past.reverse()}
        published={s.publication === 'published'}
        saveAction={saveStationExceptionAction}
        deleteAction={deleteStationExceptionAction}
      />
    </StationFrame>
  );
}
