import { COVERAGE_SETS, coverageLevel, percent, type CoverageSet, type StreetCoverage } from '@/db/domain/coverage';
import { coverageText as t } from './strings';

const levelClass = {
  good: 'bg-ok-soft text-ok',
  fair: 'bg-warn-soft text-warn',
  poor: 'bg-bad-soft text-bad',
  none: 'bg-gray-100 text-ink',
} as const;

/** One share with its word and symbol, so colour is never the only cue. */
function ShareCell({ value }: { value: number | null }) {
  const level = coverageLevel(value);
  return (
    <td className={`px-3 py-2 text-right whitespace-nowrap ${levelClass[level]}`}>
      <span className="font-bold tabular-nums">{value === null ? '–' : t.percent(percent(value))}</span>{' '}
      <span className="text-sm">
        <span aria-hidden="true">{t.levelIcon[level]}</span> {t.levels[level]}
      </span>
    </td>
  );
}

/** The 街镇 table, already sorted worst first by the caller. */
export function CoverageTable({ rows, headings }: { rows: StreetCoverage[]; headings: Record<CoverageSet, string> }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-white" tabIndex={0} role="region" aria-labelledby="coverage-table-caption">
      <table className="w-full border-collapse text-base" data-testid="coverage-table">
        <caption id="coverage-table-caption" className="px-3 py-2 text-left text-lg font-bold">
          {t.tableCaption}
        </caption>
        <thead>
          <tr className="border-b-2 border-line bg-page">
            <th scope="col" className="px-3 py-2 text-left">
              {t.columns.street}
            </th>
            {COVERAGE_SETS.map((set) => (
              <th key={set} scope="col" className="px-3 py-2 text-right">
                {headings[set]}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">
              {t.columns.stations}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-line">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                {r.name}
                {r.approximate && (
                  <span className="ml-2 rounded border border-line px-1.5 text-sm font-normal text-muted" title={t.approximateHint}>
                    {t.approximate}
                  </span>
                )}
              </th>
              {COVERAGE_SETS.map((set) => (
                <ShareCell key={set} value={r.shares[set]} />
              ))}
              <td className="px-3 py-2 text-right tabular-nums">{r.stations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
