import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { loadServiceForAdmin } from '@/db/admin/services';
import { parseRouteId } from '@/db/validation/search-params';
import { Refused } from '@/components/admin/refused';
import { ServiceForm } from '@/components/admin/services/service-form';
import { serviceAdmin as t } from '@/components/admin/services/strings';
import { updateServiceAction } from '../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const RESOURCE = { kind: 'service' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${t.listTitle} ${id}` };
}

/** One service's 办理需带 and 手机可办: a form for those who may edit the catalogue, the words for the rest. */
export default async function ServiceAdminPage({ params }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/services/${encodeURIComponent(raw)}`);
  if (!can(actor, 'view', RESOURCE)) return <Refused />;
  const id = parseRouteId(raw);
  const service = id === null ? null : await loadServiceForAdmin(getDb(), id);
  if (!service) notFound();

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/services" className="inline-flex min-h-12 items-center">
          ← {t.backToList}
        </Link>
      </p>
      <div className="mb-5">
        <h1 className="text-2xl sm:text-3xl">{t.editTitle(service.name)}</h1>
        <HistoryLink actor={actor} entity="service" id={service.id} />
        <p className="mt-2 text-base text-muted">
          {t.category}：{service.category} · {t.versionLine(service.version)}
        </p>
        {service.description && <p className="mt-2">{service.description}</p>}
      </div>
      {can(actor, 'edit', RESOURCE) ? (
        <ServiceForm
          key={`service-${service.id}`}
          id={service.id}
          version={service.version}
          action={updateServiceAction}
          initial={{ materials: service.materials.join('\n'), online: service.online, onlineNote: service.onlineNote }}
        />
      ) : (
        <section className="rounded-xl border border-line bg-white p-4" data-testid="service-readonly">
          <p className="mb-3 rounded-lg border-l-4 border-brand/40 bg-brand-soft px-4 py-3">{t.readOnly}</p>
          <p>
            <span className="font-bold">{t.materialsHeading}：</span>
            {service.materials.join('、') || t.noMaterials}
          </p>
          {service.online && <p className="mt-2">{service.onlineNote || t.onlineMark}</p>}
        </section>
      )}
    </>
  );
}
