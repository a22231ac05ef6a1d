import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { loadProvider } from '@/db/admin/orgs';
import { formatInstant } from '@/db/domain/time';
import { parseRouteId } from '@/db/validation/search-params';
import { Refused } from '@/components/admin/refused';
import { ProviderForm } from '@/components/admin/orgs/provider-form';
import { DeleteRecord } from '@/components/admin/orgs/delete-record';
import { PLACE_KIND_LABELS, orgText } from '@/components/admin/orgs/strings';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { SavedNotice } from '@/components/admin/form';
import { deleteProviderAction, updateProviderAction } from '../../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${orgText.providers.listTitle} ${id}` };
}

const t = orgText.providerForm;

export default async function ProviderPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/orgs/providers/${encodeURIComponent(raw)}`);
  const id = parseRouteId(raw);
  const provider = id === null ? null : await loadProvider(getDb(), id);
  if (!provider) notFound();
  const resource = { kind: 'provider' as const, providerId: provider.id };
  if (!can(actor, 'view', resource)) return <Refused />;
  const own = actor.role === 'provider';
  const created = (await searchParams).created === '1';
  const mayAddPlace = can(actor, 'create', { kind: 'place', providerId: provider.id });

  return (
    <>
      {!own && (
        <p className="mb-2">
          <Link href="/admin/orgs" className="inline-flex min-h-12 items-center">
            ← {t.backToList}
          </Link>
        </p>
      )}
      <div className="mb-5">
        <h1 className="text-2xl sm:text-3xl">{own ? t.ownTitle : t.editTitle(provider.name)}</h1>
        <HistoryLink actor={actor} entity="provider" id={provider.id} />
        {own && <p className="mt-1 text-muted">{t.ownLead}</p>}
        <p className="mt-2 text-base text-muted">{t.versionLine(provider.version, formatInstant(provider.updatedAt))}</p>
      </div>
      {created && <SavedNotice message={t.created} />}

      {can(actor, 'edit', resource) && (
        <ProviderForm
          key={`provider-${provider.id}`}
          mode="edit"
          id={provider.id}
          version={provider.version}
          live={provider.publishedCourses > 0}
          nameLocked={!can(actor, 'rename', resource)}
          action={updateProviderAction}
          initial={{ name: provider.name, shortName: provider.shortName, intro: provider.intro, phone: provider.phone, address: provider.address }}
        />
      )}

      <section aria-labelledby="provider-places" className="mt-8 rounded-xl border border-line bg-white p-4 sm:p-5">
        <h2 id="provider-places" className="text-xl">
          {t.placesHeading}
        </h2>
        <p className="mb-3 text-base text-muted">{t.placesLead}</p>
        {provider.ownPlaces.length === 0 ? (
          <p className="mb-3">{t.noPlaces}</p>
        ) : (
          <ul className="mb-4 divide-y divide-line">
            {provider.ownPlaces.map((p) => (
              <li key={p.id} className="py-2" data-testid="provider-place">
                <Link href={`/admin/orgs/places/${p.id}`} className="inline-flex min-h-12 items-center text-lg">
                  {p.name}
                </Link>
                <div className="flex flex-wrap items-center gap-2 text-base">
                  <Badge tone="info">{PLACE_KIND_LABELS[p.kind]}</Badge>
                  <span className="text-muted">{p.address}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
        {mayAddPlace && (
          <LinkButton href={`/admin/orgs/places/new?provider=${provider.id}`} variant="secondary">
            + {t.addPlace}
          </LinkButton>
        )}
      </section>

      <section aria-labelledby="provider-usage" className="mt-6 rounded-xl border border-line bg-white p-4 sm:p-5">
        <h2 id="provider-usage" className="mb-2 text-xl">
          {t.usageHeading}
        </h2>
        <ul className="list-disc pl-6">
          <li>
            <Link href={`/admin/courses?provider=${provider.id}`} className="inline-flex min-h-12 items-center">
              {orgText.providers.courses(provider.courses, provider.publishedCourses)}
            </Link>
          </li>
          <li>{orgText.providers.places(provider.places)}</li>
          <li>{orgText.providers.users(provider.users)}</li>
        </ul>
      </section>

      {can(actor, 'delete', resource) && (
        <section aria-labelledby="provider-delete" className="mt-6 rounded-xl border border-line bg-white p-4 sm:p-5">
          <h2 id="provider-delete" className="mb-2 text-xl">
            {orgText.delete.heading}
          </h2>
          <DeleteRecord
            id={provider.id}
            version={provider.version}
            help={orgText.delete.providerHelp}
            button={orgText.delete.providerButton}
            confirm={orgText.delete.confirmProvider(provider.name)}
            after="/admin/orgs"
            action={deleteProviderAction}
          />
        </section>
      )}
    </>
  );
}
