import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { importResource } from '@/db/admin/spreadsheets/import';
import { getPreview } from '@/db/admin/spreadsheets/previews';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { buttonStyles } from '@/components/ui/button';
import { Refused } from '@/components/admin/refused';
import { ConfirmImport } from '@/components/admin/spreadsheets/confirm-import';
import { importErrorMessage, sheets } from '@/components/admin/spreadsheets/strings';

export const metadata: Metadata = { title: sheets.preview.title };

/** Long files: list this many items (errors are always all listed). */
const ITEM_LIMIT = 500;

export default async function PreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requirePageActor(`/admin/spreadsheets/import/${encodeURIComponent(token)}`);
  if (!can(actor, 'import', importResource('stations')) && !can(actor, 'import', importResource('runs'))) return <Refused />;
  const preview = getPreview(token, actor.id);
  if (!preview) {
    return (
      <>
        <PageHeader title={sheets.preview.title} />
        <Notice tone="warn" title={sheets.preview.gone} />
        <p className="mt-4">
          <Link href="/admin/spreadsheets/import" className={buttonStyles.primary}>
            {sheets.preview.again}
          </Link>
        </p>
      </>
    );
  }
  if (!can(actor, 'import', importResource(preview.kind))) return <Refused />;
  const { plan } = preview;
  const c = plan.counts;

  if (preview.result) {
    const r = preview.result;
    return (
      <>
        <PageHeader title={sheets.result.title} />
        <div role="status" className="rounded-lg border-l-4 border-ok bg-ok-soft px-4 py-3" data-testid="import-result">
          <p className="font-bold">{sheets.result.summary(r.created, r.updated, r.unchanged)}</p>
          {r.created > 0 && <p className="mt-1">{sheets.result.draftsNote}</p>}
        </div>
        <p className="mt-4 flex flex-wrap gap-3">
          <Link href={preview.kind === 'stations' ? '/admin/stations' : '/admin/courses'} className={buttonStyles.primary}>
            {preview.kind === 'stations' ? sheets.result.toStations : sheets.result.toCourses}
          </Link>
          <Link href="/admin/spreadsheets/import" className={buttonStyles.secondary}>
            {sheets.result.another}
          </Link>
          {can(actor, 'view', { kind: 'audit' }) && (
            <Link href="/admin/audit" className={buttonStyles.quiet}>
              {sheets.result.audit}
            </Link>
          )}
        </p>
      </>
    );
  }

  const liveCount = plan.items.filter((i) => i.action === 'update' && i.published).length;
  const shown = plan.items.filter((i) => i.action !== 'unchanged').slice(0, ITEM_LIMIT);
  const toWrite = c.create + c.update;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/spreadsheets/import">{sheets.preview.again}</Link>
      </p>
      <PageHeader title={sheets.preview.title} />
      <dl className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="import-counts">
        {[
          [sheets.preview.file, preview.fileName],
          [sheets.preview.kind, sheets.import.kinds[preview.kind]],
          [sheets.preview.rows, String(c.rows)],
          [sheets.preview.create, String(c.create)],
          [sheets.preview.update, String(c.update)],
          [sheets.preview.errors, String(c.errors)],
        ].map(([k, v]) => (
          <div key={k} className="rounded-lg border border-line bg-white p-3">
            <dt className="text-base text-muted">{k}</dt>
            <dd className="break-all text-lg font-bold">{v}</dd>
          </div>
        ))}
      </dl>

      {plan.notes.length > 0 && (
        <div className="mb-5">
          <Notice title={sheets.preview.notes}>
            <ul className="list-disc pl-6">
              {plan.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </Notice>
        </div>
      )}

      {plan.errors.length > 0 ? (
        <section aria-labelledby="errors-heading" className="mb-6 rounded-lg border-l-4 border-bad bg-bad-soft px-4 py-3" data-testid="import-errors">
          <h2 id="errors-heading" className="text-xl text-bad">
            {sheets.preview.errorsHeading(plan.errors.length)}
          </h2>
          <p className="mt-1">{sheets.preview.errorsHelp}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {plan.errors.map((e, i) => (
              <li key={i}>{sheets.preview.errorLine(e.line, e.column, importErrorMessage(preview.kind, e))}</li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href="/admin/spreadsheets/import" className={buttonStyles.primary}>
              {sheets.preview.again}
            </Link>
          </p>
        </section>
      ) : toWrite === 0 ? (
        <div className="mb-6">
          <Notice title={sheets.preview.noChanges} />
        </div>
      ) : null}

      {shown.length > 0 && (
        <section aria-labelledby="items-heading" className="mb-6">
          <h2 id="items-heading" className="text-xl">
            {sheets.preview.itemsHeading}
          </h2>
          <ol className="mt-2 divide-y divide-line rounded-xl border border-line bg-white" data-testid="import-items">
            {shown.map((i) => (
              <li key={i.line} className="px-4 py-3">
                <p className="text-base text-muted">
                  {sheets.preview.rowLabel(i.line)} ·{' '}
                  <span className={i.action === 'create' ? 'font-medium text-ok' : 'font-medium text-brand'}>
                    {i.action === 'create' ? sheets.preview.actionCreate : sheets.preview.actionUpdate(i.id!)}
                  </span>
                </p>
                <p className="font-bold">{i.title}</p>
                {i.action === 'update' && i.published && <p className="font-medium text-warn">{sheets.preview.liveNote}</p>}
                {i.action === 'update' && (
                  <p>
                    {sheets.preview.changes}：{i.changes.join('、')}
                  </p>
                )}
                <p className="text-base text-muted">{i.detail}</p>
              </li>
            ))}
          </ol>
          {c.create + c.update > shown.length && <p className="mt-2 text-muted">{sheets.preview.more(c.create + c.update - shown.length)}</p>}
          {c.unchanged > 0 && <p className="mt-2 text-muted">{`${sheets.preview.unchanged}：${c.unchanged}`}</p>}
        </section>
      )}

      {plan.errors.length === 0 && toWrite > 0 && (
        <ConfirmImport token={preview.token} help={sheets.preview.confirmHelp(c.create, c.update)} live={liveCount > 0 ? sheets.preview.confirmLive(liveCount) : null} />
      )}
    </>
  );
}
