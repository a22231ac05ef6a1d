import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { IMPORT_COLUMNS, IMPORT_KINDS } from '@/db/validation/admin/import';
import { importResource } from '@/db/admin/spreadsheets/import';
import { SHEET_ERRORS, type SheetErrorCode } from '@/db/admin/spreadsheets/sheet';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { buttonStyles } from '@/components/ui/button';
import { Refused } from '@/components/admin/refused';
import { UploadForm } from '@/components/admin/spreadsheets/upload-form';
import { sheets } from '@/components/admin/spreadsheets/strings';

export const metadata: Metadata = { title: sheets.import.title };

const ERRORS: Record<string, string> = { ...SHEET_ERRORS, kind: sheets.upload.badKind, noFile: sheets.upload.empty, failed: sheets.upload.failed };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('/admin/spreadsheets/import');
  const kinds = IMPORT_KINDS.filter((k) => can(actor, 'import', importResource(k)));
  if (kinds.length === 0) return <Refused />;
  const code = (await searchParams).error;
  const initialError = typeof code === 'string' ? (ERRORS[code as SheetErrorCode] ?? null) : null;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/spreadsheets">{sheets.import.back}</Link>
      </p>
      <PageHeader title={sheets.import.title} lead={sheets.import.lead} />
      <Card className="mb-6">
        <UploadForm kinds={kinds.map((k) => ({ value: k, label: sheets.import.kinds[k]!, help: sheets.import.kindHelp[k]! }))} initialError={initialError} />
      </Card>
      <section aria-labelledby="templates-heading" className="mb-6">
        <h2 id="templates-heading" className="text-xl">
          {sheets.import.templates}
        </h2>
        <p className="mt-1 text-muted">{sheets.import.templatesHelp}</p>
        <ul className="mt-3 flex flex-wrap gap-3">
          {kinds.flatMap((k) => [
            <li key={`${k}-xlsx`}>
              <a className={buttonStyles.secondary} href={`/admin/spreadsheets/template/${k}?format=xlsx`} download>
                {sheets.import.templateXlsx(sheets.import.kinds[k]!)}
              </a>
            </li>,
            <li key={`${k}-csv`}>
              <a className={buttonStyles.secondary} href={`/admin/spreadsheets/template/${k}?format=csv`} download>
                {sheets.import.templateCsv(sheets.import.kinds[k]!)}
              </a>
            </li>,
          ])}
        </ul>
      </section>
      <section aria-labelledby="format-heading">
        <h2 id="format-heading" className="text-xl">
          {sheets.import.formatHeading}
        </h2>
        <ul className="mt-2 list-disc pl-6">
          {sheets.import.tips.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
        {kinds.map((k) => (
          <details key={k} className="mt-4 rounded-xl border border-line bg-white p-4">
            <summary className="min-h-12 cursor-pointer py-2 text-lg font-bold">{sheets.import.kinds[k]}</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-base">
                <thead>
                  <tr className="border-b-2 border-line text-left">
                    <th scope="col" className="py-2 pr-3">
                      {sheets.import.columnHeader}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {sheets.import.columnHelp}
                    </th>
                    <th scope="col" className="py-2">
                      {sheets.import.columnExample}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {IMPORT_COLUMNS[k].map((c) => (
                    <tr key={c.key} className="border-b border-line align-top">
                      <th scope="row" className="whitespace-nowrap py-2 pr-3 text-left font-medium">
                        {c.header}
                      </th>
                      <td className="py-2 pr-3">{c.help}</td>
                      <td className="py-2 break-all">{c.example}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
    </>
  );
}
