import type { MissRow } from '@/db/queries/search-misses';
import { formatInstant } from '@/db/domain/time';
import { missText as t } from './strings';

export type DescribedMiss = MissRow & { filterParts: string[] };

const cell = 'py-2 pr-3 align-top max-sm:flex max-sm:gap-2 max-sm:py-1 max-sm:pr-0';
// On a phone each row becomes a card and each cell says what it is.
const tag = 'shrink-0 font-bold text-muted sm:hidden';

/** The zero-result searches as a table; on a phone, one card per search. */
export function MissTable({ rows, caption = t.tableCaption }: { rows: DescribedMiss[]; caption?: string }) {
  return (
    <div className="rounded-xl border border-line bg-white p-4">
      <table className="w-full border-collapse text-left max-sm:block" data-testid="miss-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="max-sm:hidden">
          <tr className="border-b-2 border-line">
            <th scope="col" className="py-2 pr-3">{t.colTerms}</th>
            <th scope="col" className="py-2 pr-3">{t.colFilters}</th>
            <th scope="col" className="py-2 pr-3 whitespace-nowrap">{t.colKind}</th>
            <th scope="col" className="py-2 pr-3 text-right whitespace-nowrap">{t.colSearches}</th>
            <th scope="col" className="py-2 pr-3 text-right whitespace-nowrap">{t.colDays}</th>
            <th scope="col" className="py-2 pr-3 whitespace-nowrap">{t.colLast}</th>
            <th scope="col" className="py-2"><span className="sr-only">{t.colAgain}</span></th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {rows.map((r) => {
            const what = r.terms || r.filterParts.join(' · ');
            return (
              <tr key={`${r.kind}|${r.terms}|${r.filters}`} className="border-b border-line max-sm:block max-sm:py-3" data-testid="miss-row">
                <th scope="row" className={`${cell} text-lg font-bold`}>
                  <span className={tag}>{t.colTerms}：</span>
                  {r.terms ? <span data-testid="miss-terms">{r.terms}</span> : <span className="font-normal text-muted">{t.noTerms}</span>}
                </th>
                <td className={cell}>
                  <span className={tag}>{t.colFilters}：</span>
                  <span>{r.filterParts.length ? r.filterParts.join(' · ') : t.noFilters}</span>
                </td>
                <td className={cell}>
                  <span className={tag}>{t.colKind}：</span>
                  <span className="sm:whitespace-nowrap">{t.kinds[r.kind]}</span>
                </td>
                <td className={`${cell} sm:text-right`}>
                  <span className={tag}>{t.colSearches}：</span>
                  <span className="tabular-nums sm:whitespace-nowrap" data-testid="miss-searches">{t.times(r.searches)}</span>
                </td>
                <td className={`${cell} sm:text-right`}>
                  <span className={tag}>{t.colDays}：</span>
                  <span className="tabular-nums sm:whitespace-nowrap">{t.days(r.days)}</span>
                </td>
                <td className={cell}>
                  <span className={tag}>{t.colLast}：</span>
                  <span className="tabular-nums sm:whitespace-nowrap">{formatInstant(r.lastAt)}</span>
                </td>
                <td className="py-2 align-top max-sm:block">
                  <a href={r.href} className="inline-flex min-h-12 items-center font-medium sm:whitespace-nowrap">
                    {t.again}
                    <span className="sr-only">{t.againFor(what)}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
