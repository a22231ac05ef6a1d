import Link from 'next/link';
import type { DescribedMiss } from './miss-table';
import { missText as t } from './strings';

/** The dashboard's «近30天无结果搜索 前5» block (管理员 and 编辑). */
export function TopMisses({ rows }: { rows: DescribedMiss[] }) {
  return (
    <section aria-labelledby="dash-misses" className="rounded-xl border border-line bg-white p-4" data-testid="dash-misses">
      <h2 id="dash-misses" className="text-xl">{t.dashTitle}</h2>
      <p className="text-base text-muted">{t.dashLead}</p>
      {rows.length === 0 ? (
        <p className="mt-2 text-base text-muted">{t.dashEmpty}</p>
      ) : (
        <ol className="mt-2 divide-y divide-line">
          {rows.map((r) => (
            <li key={`${r.kind}|${r.terms}|${r.filters}`} className="py-2">
              <p className="font-medium">{[r.terms, ...r.filterParts].filter(Boolean).join(' · ')}</p>
              <p className="text-base text-muted">{t.dashLine(r.searches, t.kinds[r.kind])}</p>
            </li>
          ))}
        </ol>
      )}
      <Link href="/admin/search-misses" className="mt-2 inline-flex min-h-12 items-center font-medium">
        {t.dashAll}
      </Link>
    </section>
  );
}
