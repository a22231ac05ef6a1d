import type { Metadata } from 'next';
import Link from 'next/link';
import { SEARCH_MISS_KINDS } from '@/db/enums';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { filterNames, listSearchMisses } from '@/db/queries/search-misses';
import { MISS_PERIODS, MISS_SORTS, parseSearchMissFilters, searchMissFiltersHref, type SearchMissFilters } from '@/db/validation/search-misses';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import { MissTable } from '@/components/admin/search-misses/miss-table';
import { withFilterWords } from '@/components/admin/search-misses/describe';
import { missText as t } from '@/components/admin/search-misses/strings';

export const metadata: Metadata = { title: t.title };

/** A row of choices as links (works without JavaScript); the current one is marked. */
function Choices({ label, options }: { label: string; options: { key: string; text: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label={label}>
      <p className="mb-1 font-bold">{label}</p>
      <ul className="flex flex-wrap gap-2">
        {options.map((o) => (
          <li key={o.key}>
            <Link
              href={o.href}
              aria-current={o.current ? 'page' : undefined}
              className={`inline-flex min-h-12 items-center rounded-lg border-2 px-4 no-underline ${
                o.current ? 'border-brand bg-brand font-bold text-white hover:text-white' : 'border-line bg-white text-ink'
              }`}
            >
              {o.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default async function SearchMissesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('/admin/search-misses');
  if (!can(actor, 'view', { kind: 'insights' })) return <Refused />;
  const { values: f, invalid } = parseSearchMissFilters(await searchParams);
  const list = await listSearchMisses(f);
  const rows = withFilterWords(list.rows, await filterNames());
  const total = rows.reduce((n, r) => n + r.searches, 0);
  // Residents' words first; what looks like a scanner's is kept, apart (db/domain/search-misses.ts looksLikeScan).
  const residents = rows.filter((r) => !r.scan);
  const scans = rows.filter((r) => r.scan);
  const href = (change: Partial<SearchMissFilters>) => searchMissFiltersHref({ ...f, ...change });

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className="mb-5">
        <Notice title={t.aboutTitle}>
          <p>{t.aboutStored}</p>
          <p className="mt-1">{t.aboutNotStored}</p>
          <p className="mt-1">{t.aboutHotline}</p>
        </Notice>
      </div>
      {invalid.length > 0 && (
        <div className="mb-4">
          <Notice tone="warn">{t.notice}</Notice>
        </div>
      )}
      <div className="mb-5 grid gap-4 rounded-xl border border-line bg-white p-4">
        <Choices
          label={t.periodNav}
          options={MISS_PERIODS.map((d) => ({ key: String(d), text: t.period(d), href: href({ days: d }), current: f.days === d }))}
        />
        <Choices
          label={t.kindNav}
          options={[
            { key: 'all', text: t.kindAll, href: href({ kind: null }), current: f.kind === null },
            ...SEARCH_MISS_KINDS.map((k) => ({ key: k, text: t.kinds[k], href: href({ kind: k }), current: f.kind === k })),
          ]}
        />
        <Choices
          label={t.sortNav}
          options={MISS_SORTS.map((s) => ({ key: s, text: t.sorts[s], href: href({ sort: s }), current: f.sort === s }))}
        />
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-lg" data-testid="miss-summary">
            {t.summary(f.days, list.since, rows.length + list.more, total)}
          </p>
          {residents.length > 0 ? <MissTable rows={residents} /> : <p className="text-muted">{t.onlyScans}</p>}
          {list.more > 0 && <p className="mt-3 text-muted">{t.more(list.more)}</p>}
          {scans.length > 0 && (
            <section aria-labelledby="miss-scans" className="mt-6" data-testid="miss-scans">
              <h2 id="miss-scans" className="text-xl">
                {t.scanTitle}
              </h2>
              <p className="mb-3 text-base text-muted">{t.scanLead}</p>
              <MissTable rows={scans} caption={t.scanCaption} />
            </section>
          )}
        </>
      )}
    </>
  );
}
