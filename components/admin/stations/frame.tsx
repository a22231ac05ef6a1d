import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/admin/status-badge';
import { Badge } from '@/components/ui/badge';
import type { Publication } from '@/db/enums';
import { stationAdmin as t } from './strings';

export type StationTab = 'overview' | 'hours' | 'exceptions' | 'services';

const TABS: { key: StationTab; suffix: string }[] = [
  { key: 'overview', suffix: '' },
  { key: 'hours', suffix: '/hours' },
  { key: 'exceptions', suffix: '/exceptions' },
  { key: 'services', suffix: '/services' },
];

/** The heading and section links every station page shares. */
export function StationFrame({
  id,
  name,
  publication,
  closedToday,
  tab,
  showBack,
  children,
}: {
  id: number;
  name: string;
  publication: Publication;
  closedToday: boolean;
  tab: StationTab;
  showBack: boolean;
  children: ReactNode;
}) {
  return (
    <>
      {showBack && (
        <p className="mb-2">
          <Link href="/admin/stations" className="inline-flex min-h-12 items-center">
            <span aria-hidden="true">←</span> {t.listTitle}
          </Link>
        </p>
      )}
      <div className="mb-4">
        <h1 className="text-2xl sm:text-3xl">
          {name}
          {tab !== 'overview' && <span className="sr-only">：{t.tabs[tab]}</span>}
        </h1>
        <p className="mt-2 flex flex-wrap gap-2">
          <StatusBadge publication={publication} />
          {closedToday && <Badge tone="bad">{t.today.title}</Badge>}
        </p>
      </div>
      <nav aria-label={t.tabs.label} className="mb-5 border-b-2 border-line">
        <ul className="flex flex-wrap gap-1">
          {TABS.map((x) => (
            <li key={x.key}>
              <Link
                href={`/admin/stations/${id}${x.suffix}`}
                aria-current={x.key === tab ? 'page' : undefined}
                className={`inline-flex min-h-12 items-center rounded-t-lg px-3 text-base no-underline ${
                  x.key === tab ? 'bg-brand-soft font-bold text-brand-dark underline decoration-4 underline-offset-8' : 'text-ink hover:bg-brand-soft'
                }`}
              >
                {t.tabs[x.key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
