import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { APPROX_RADIUS_METRES, COVERAGE_SETS, GRID_SPACING_METRES, percent, worstFirst, type CoverageSet } from '@/db/domain/coverage';
import { FIFTEEN_MINUTE_METRES } from '@/db/domain/geo';
import { formatInstant, monthDay, monthDayWeekday } from '@/db/domain/time';
import { getCoverage } from '@/db/queries/coverage';
import { parseCoverageParams } from '@/db/validation/coverage';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { CoverageMap } from '@/components/coverage/coverage-map';
import { CoverageTable } from '@/components/coverage/coverage-table';
import { coverageText as t } from '@/components/coverage/strings';

export const metadata: Metadata = { title: t.title };

// "Open now" is read from Beijing's clock on every request.
export const dynamic = 'force-dynamic';

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('/admin/coverage');
  if (!can(actor, 'view', { kind: 'insights' })) return <Refused />;
  const { values, invalid } = parseCoverageParams(await searchParams);
  const set = values.set;
  const r = await getCoverage();

  const [computedDate = '', computedTime = ''] = formatInstant(r.computedAt).split(' ');
  const dayOf: Record<CoverageSet, string> = {
    all: '',
    now: `${monthDayWeekday(computedDate)} ${computedTime}`,
    saturday: monthDay(r.saturday),
    sunday: monthDay(r.sunday),
  };
  const headings = {
    all: t.sets.all,
    now: `${t.sets.now}（${computedTime}）`,
    saturday: `${t.sets.saturday}（${monthDay(r.saturday)}）`,
    sunday: `${t.sets.sunday}（${monthDay(r.sunday)}）`,
  } satisfies Record<CoverageSet, string>;
  const pct = (x: number | null) => (x === null ? 0 : percent(x));

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      {invalid.length > 0 && (
        <div className="mb-4">
          <Notice tone="warn" live>
            {t.badParam}
          </Notice>
        </div>
      )}
      <p className="mb-4 text-lg font-medium" data-testid="coverage-district">
        {t.districtLine(pct(r.district.all), pct(r.district.now), pct(r.district.saturday), pct(r.district.sunday))}
      </p>

      <nav aria-labelledby="coverage-set-legend" className="mb-4">
        <h2 id="coverage-set-legend" className="mb-2 text-lg">
          {t.setLegend}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {COVERAGE_SETS.map((s) => (
            <li key={s}>
              <Link
                href={s === 'all' ? '/admin/coverage' : `/admin/coverage?set=${s}`}
                aria-current={s === set ? 'page' : undefined}
                className={`inline-flex min-h-12 items-center rounded-lg border-2 px-4 text-lg no-underline ${
                  s === set ? 'border-brand bg-brand font-bold text-white' : 'border-line bg-white text-brand-dark'
                }`}
              >
                {s === set && <span aria-hidden="true">✓&nbsp;</span>}
                {t.sets[s]}
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-muted" data-testid="coverage-set-line">
          {t.setLong(set, dayOf[set])}：{t.district} {t.percent(pct(r.district[set]))}
        </p>
      </nav>

      <CoverageMap result={r} set={set} setLabel={t.sets[set]} />

      <div className="mt-6">
        <CoverageTable rows={worstFirst(r.streets)} headings={headings} />
        <p className="mt-2 text-base text-muted">{t.legendLevels}</p>
      </div>

      <section aria-labelledby="coverage-how" className="mt-6 rounded-xl border border-line bg-white p-4">
        <h2 id="coverage-how" className="text-xl">
          {t.howTitle}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {t.how(GRID_SPACING_METRES, FIFTEEN_MINUTE_METRES, APPROX_RADIUS_METRES).map((line) => (
            <li key={line}>{line}</li>
          ))}
          {r.approximate && <li>{t.importHint}</li>}
        </ul>
        <p className="mt-3 text-muted" data-testid="coverage-computed-at">
          {t.computedAt(formatInstant(r.computedAt))}
        </p>
      </section>
    </>
  );
}
