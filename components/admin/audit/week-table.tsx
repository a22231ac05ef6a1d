import { Badge } from '@/components/ui/badge';
import { auditText } from './strings';
import { weekDiff, type WeekSession } from './week-diff';

const w = auditText.week;

/** An hours change as a week: 周一…周日, before and after, the changed days marked. */
export function WeekTable({ before, after }: { before: readonly WeekSession[] | null; after: readonly WeekSession[] | null }) {
  const diff = weekDiff(before, after);
  return (
    <div className="grid gap-3">
      {diff.map((s) => (
        <div key={s.scope} className="overflow-x-auto">
          <table className="w-full border-collapse text-base" data-testid="week-table">
            <caption className="pb-1 text-left font-bold">{w.scopes[s.scope] ?? s.scope}</caption>
            <thead>
              <tr className="border-b-2 border-line text-left">
                <th scope="col" className="py-1 pr-3">
                  {w.day}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {auditText.colBefore}
                </th>
                <th scope="col" className="py-1">
                  {auditText.colAfter}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.days.map((d) => (
                <tr key={d.weekday} className={`border-b border-line align-top ${d.changed ? 'bg-warn-soft font-bold' : ''}`} data-changed={d.changed || undefined}>
                  <th scope="row" className="py-1 pr-3 pl-1 text-left font-medium whitespace-nowrap">
                    {w.weekdays[d.weekday - 1]}
                    {d.changed && (
                      <>
                        {' '}
                        <Badge tone="warn">{w.changed}</Badge>
                      </>
                    )}
                  </th>
                  <td className="py-1 pr-3">{d.before.length ? d.before.join('，') : w.closed}</td>
                  <td className="py-1">{d.after.length ? d.after.join('，') : w.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
