import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { loadPlace, providerOptions, streetChoices } from '@/db/admin/orgs';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import { parseRouteId } from '@/db/validation/search-params';
import { Refused } from '@/components/admin/refused';
import { PlaceForm } from '@/components/admin/orgs/place-form';
import { DeleteRecord } from '@/components/admin/orgs/delete-record';
import { PLACE_KIND_LABELS, orgText } from '@/components/admin/orgs/strings';
import { Badge } from '@/components/ui/badge';
import { SavedNotice } from '@/components/admin/form';
import { Notice } from '@/components/ui/notice';
import { deletePlaceAction, updatePlaceAction } from '../../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${orgText.places.listTitle} ${id}` };
}

const t = orgText.placeForm;

export default async function PlacePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/orgs/places/${encodeURIComponent(raw)}`);
  const id = parseRouteId(raw);
  const db = getDb();
  const place = id === null ? null : await loadPlace(db, id);
  if (!place) notFound();
  const resource = { kind: 'place' as const, providerId: place.providerId };
  if (!can(actor, 'view', resource)) return <Refused />;
  const fixed = actor.role === 'provider';
  const created = (await searchParams).created === '1';
  const live = place.runs.some((r) => r.published) || place.fairs.some((f) => f.published);
  const back =
    fixed && place.providerId !== null
      ? { href: `/admin/orgs/providers/${place.providerId}`, text: t.backToProvider }
      : { href: '/admin/orgs/places', text: t.backToList };

  return (
    <>
      <p className="mb-2">
        <Link href={back.href} className="inline-flex min-h-12 items-center">
          ← {back.text}
        </Link>
      </p>
      <div className="mb-5">
        <h1 className="text-2xl sm:text-3xl">{t.editTitle(place.name)}</h1>
        <HistoryLink actor={actor} entity="place" id={place.id} />
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <Badge tone="info">{PLACE_KIND_LABELS[place.kind]}</Badge>
          <span className="text-base text-muted">{place.providerName ?? orgText.places.public}</span>
        </div>
      </div>
      {created && <SavedNotice message={t.created} />}
      {place.atStreetCentre && place.streetName && (
        <div className="mb-4">
          <Notice title={t.atCentre(place.streetName)} />
        </div>
      )}

      {can(actor, 'edit', resource) && (
        <PlaceForm
          key={`place-${place.id}`}
          mode="edit"
          id={place.id}
          version={place.version}
          live={live}
          providerFixed={fixed}
          providers={(await providerOptions(db)).filter((p) => !fixed || p.id === place.providerId)}
          streets={await streetChoices(db)}
          action={updatePlaceAction}
          initial={{
            name: place.name,
            kind: place.kind,
            providerId: place.providerId === null ? '' : String(place.providerId),
            streetId: place.streetId === null ? '' : String(place.streetId),
            address: place.address,
            lat: String(place.lat),
            lng: String(place.lng),
            note: place.note ?? '',
          }}
        />
      )}

      <section aria-labelledby="place-usage" className="mt-8 rounded-xl border border-line bg-white p-4 sm:p-5">
        <h2 id="place-usage" className="mb-2 text-xl">
          {t.usageHeading}
        </h2>
        {place.runs.length === 0 && place.fairs.length === 0 && <p>{t.noUsage}</p>}
        {place.runs.length > 0 && (
          <>
            <h3 className="mt-2 text-lg font-bold">
              {t.runs}（{place.runs.length}）
            </h3>
            <ul className="list-disc pl-6">
              {place.runs.map((r) => (
                <li key={r.id}>
                  <Link href={`/admin/courses/${r.courseId}/runs/${r.id}`} className="inline-flex min-h-12 items-center">
                    {r.course} · {r.label}
                  </Link>{' '}
                  <span className="text-base text-muted">{r.published ? PUBLICATION_LABELS.published : ''}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {place.fairs.length > 0 && (
          <>
            <h3 className="mt-2 text-lg font-bold">
              {t.fairs}（{place.fairs.length}）
            </h3>
            <ul className="list-disc pl-6">
              {place.fairs.map((f) => (
                <li key={f.id}>
                  {can(actor, 'view', { kind: 'fair' }) ? (
                    <Link href={`/admin/fairs/${f.id}`} className="inline-flex min-h-12 items-center">
                      {f.title}
                    </Link>
                  ) : (
                    f.title
                  )}{' '}
                  <span className="text-base text-muted">{f.published ? PUBLICATION_LABELS.published : ''}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {can(actor, 'delete', resource) && (
        <section aria-labelledby="place-delete" className="mt-6 rounded-xl border border-line bg-white p-4 sm:p-5">
          <h2 id="place-delete" className="mb-2 text-xl">
            {orgText.delete.heading}
          </h2>
          <DeleteRecord
            id={place.id}
            version={place.version}
            help={orgText.delete.placeHelp}
            button={orgText.delete.placeButton}
            confirm={orgText.delete.confirmPlace(place.name)}
            after="/admin/orgs/places"
            action={deletePlaceAction}
          />
        </section>
      )}
    </>
  );
}
