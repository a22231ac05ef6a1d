import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { listServicesForAdmin } from '@/db/admin/services';
import { Refused } from '@/components/admin/refused';
import { serviceAdmin as t } from '@/components/admin/services/strings';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: t.listTitle };
export const dynamic = 'force-dynamic';

const RESOURCE = { kind: 'service' } as const;

/** The service catalogue by category: what each needs, whether a phone will do, and a way to correct it. */
export default async function ServicesAdminPage() {
  const actor = await requirePageActor('/admin/services');
  if (!can(actor, 'view', RESOURCE)) return <Refused />;
  const mayEdit = can(actor, 'edit', RESOURCE);
  const items = await listServicesForAdmin(getDb());
  const groups: { category: string; items: typeof items }[] = [];
  for (const s of items) {
    let g = groups.find((x) => x.category === s.category);
    if (!g) groups.push((g = { category: s.category, items: [] }));
    g.items.push(s);
  }

  return (
    <>
      <PageHeader title={t.listTitle} lead={t.listLead} />
      {!mayEdit && <p className="mb-4 rounded-lg border-l-4 border-brand/40 bg-brand-soft px-4 py-3">{t.readOnly}</p>}
      <div className="space-y-6">
        {groups.map((g) => (
          <section key={g.category} aria-labelledby={`cat-${g.category}`}>
            <h2 id={`cat-${g.category}`} className="mb-2 text-xl">
              {g.category}
            </h2>
            <ul className="divide-y divide-line rounded-xl border border-line bg-white">
              {g.items.map((s) => (
                <li key={s.id} className="p-4" data-testid="service-row">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-lg">
                      <Link href={`/admin/services/${s.id}`} aria-label={mayEdit ? t.edit(s.name) : undefined}>
                        {s.name}
                      </Link>
                    </h3>
                    {s.online && <Badge tone="info">{t.onlineMark}</Badge>}
                    <span className="text-base text-muted">{t.stations(s.stations)}</span>
                  </div>
                  <p className="mt-1 text-base">
                    <span className="font-bold">{t.materialsHeading}：</span>
                    {s.materials.length ? s.materials.join('、') : <span className="text-warn">{t.noMaterials}</span>}
                  </p>
                  {s.online && s.onlineNote && (
                    <p className="text-base">
                      <span className="font-bold">{t.onlineNote}：</span>
                      {s.onlineNote}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
