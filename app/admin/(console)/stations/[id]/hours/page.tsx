import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Refused } from '@/components/admin/refused';
import { StationFrame } from '@/components/admin/stations/frame';
import { HoursEditor, type HoursValues, type ScheduledWeek } from '@/components/admin/stations/hours-editor';
import { upcomingHoursChanges } from '@/db/domain/hours';
import type { HoursSnap } from '@/db/admin/stations/shared';
import { stationAdmin as t } from '@/components/admin/stations/strings';
import type { WeekInput } from '@/db/validation/admin/station';
import { loadStationPage } from '../../load';
import { saveStationHoursAction } from '../../actions';

export const metadata: Metadata = { title: t.hours.title };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export default async function StationHoursPage({ params }: Props) {
  const { id: raw } = await params;
  const load = await loadStationPage(raw, '/hours');
  if (load.kind === 'refused') return <Refused />;
  if (load.kind === 'missing') notFound();
  const { actor, data } = load;
  const s = data.station;
  const week = (hours: HoursSnap, scope: 'station' | 'counter'): WeekInput =>
    [1, 2, 3, 4, 5, 6, 7].map((d) =>
      hours.filter((h) => h.scope === scope && h.weekday === d).map((h) => ({ opens: h.opens, closes: h.closes })),
    );
  const initial: HoursValues = {
    id: s.id,
    version: s.version,
    station: week(data.hours, 'station'),
    counterSeparate: data.hours.some((h) => h.scope === 'counter'),
    counter: week(data.hours, 'counter'),
    effectiveFrom: data.today,
  };
  const changes = upcomingHoursChanges(
    [...data.hours, ...data.scheduledHours.flatMap((w) => w.hours.map((h) => ({ ...h, effectiveFrom: w.from })))],
    data.today,
    t.hours.counter,
  );
  const scheduled: ScheduledWeek[] = data.scheduledHours.map((w) => ({
    from: w.from,
    station: week(w.hours, 'station'),
    counterSeparate: w.hours.some((h) => h.scope === 'counter'),
    counter: week(w.hours, 'counter'),
    text: changes.find((c) => c.date === w.from)?.what ?? '',
  }));
  return (
    <StationFrame id={s.id} name={s.name} publication={s.publication} closedToday={data.todayClosure !== null} tab="hours" showBack={actor.role !== 'station'}>
      <p className="mb-4 text-muted">{t.hours.lead}</p>
      <HoursEditor initial={initial} today={data.today} scheduled={scheduled} published={s.publication === 'published'} action={saveStationHoursAction} />
    </StationFrame>
  );
}
