import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { EXPORTS, exportableTables } from '@/db/admin/spreadsheets/exports';
import { importResource } from '@/db/admin/spreadsheets/import';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { buttonStyles } from '@/components/ui/button';
import { Refused } from '@/components/admin/refused';
import { sheets } from '@/components/admin/spreadsheets/strings';

export const metadata: Metadata = { title: sheets.title };

export default async function SpreadsheetsPage() {
  const actor = await requirePageActor('/admin/spreadsheets');
  const tables = exportableTables(actor);
  const mayImport = can(actor, 'import', importResource('stations')) || can(actor, 'import', importResource('runs'));
  if (tables.length === 0 && !mayImport) return <Refused />;
  return (
    <>
      <PageHeader title={sheets.title} lead={sheets.lead} />
      {mayImport && (
        <Card className="mb-6">
          <h2 className="text-xl">{sheets.importCard.heading}</h2>
          <p className="mt-1">{sheets.importCard.body}</p>
          <p className="mt-3">
            <Link href="/admin/spreadsheets/import" className={buttonStyles.primary}>
              {sheets.importCard.link}
            </Link>
          </p>
        </Card>
      )}
      {tables.length > 0 && (
        <section aria-labelledby="export-heading">
          <h2 id="export-heading" className="text-xl">
            {sheets.export.heading}
          </h2>
          <p className="mt-1 text-muted">{sheets.export.help}</p>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="export-list">
            {tables.map((t) => {
              const def = EXPORTS[t];
              return (
                <li key={t} className="rounded-xl border border-line bg-white p-4">
                  <h3 className="text-lg font-bold">{def.label}</h3>
                  <p className="text-base text-muted">{def.about}</p>
                  <p className="mt-2 flex flex-wrap gap-3">
                    <a href={`/admin/spreadsheets/export/${t}?format=xlsx`} className={buttonStyles.secondary} aria-label={sheets.export.xlsx(def.label)} download>
                      {sheets.export.xlsxShort}
                    </a>
                    <a href={`/admin/spreadsheets/export/${t}?format=csv`} className={buttonStyles.secondary} aria-label={sheets.export.csv(def.label)} download>
                      {sheets.export.csvShort}
                    </a>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
