import type { CoverageSummary as Summary } from '@/db/queries/coverage';
import { coverageText as t } from './strings';

/** One or two plain sentences about the 15-minute circle, for residents. Server-rendered, no script. */
export function CoverageSummary({ summary }: { summary: Summary | null }) {
  if (!summary) return null;
  const least = summary.least.map((s) => `${s.name}（约 ${s.percent}%）`).join(t.listJoin);
  return (
    <section aria-labelledby="coverage-summary-title" className="mt-8 rounded-xl border border-line bg-white p-4" data-testid="coverage-summary">
      <h2 id="coverage-summary-title" className="text-xl">
        {t.summaryTitle}
      </h2>
      <p className="mt-1">
        {t.summary(summary.all, summary.saturday, summary.sunday)}
        {least && t.summaryLeast(least)}
        {summary.approximate && <span className="text-muted">{t.summaryApprox}</span>}
      </p>
    </section>
  );
}
