import Link from 'next/link';
import type { ReactNode } from 'react';
import { PUBLICATION, type Publication } from '@/db/enums';
import type { Dashboard } from '@/db/admin/dashboard';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import { STATION_STATUS_LABELS } from '@/db/domain/labels-stations';
import { WEEKDAY_NAMES, fullDate, weekdayOf } from '@/db/domain/calendar';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/notice';
import { LinkButton } from '@/components/ui/button';
import { StatusBadge } from '@/components/admin/status-badge';
import { dashText as t } from './strings';

function Section({ id, title, lead, count, children }: { id: string; title: string; lead?: string; count?: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-white p-4" data-testid={id}>
      <h2 id={id} className="text-xl">
        {title}
        {count !== undefined && count > 0 && <span className="ml-2 text-base font-normal text-muted">（{count}）</span>}
      </h2>
      {lead && <p className="text-base text-muted">{lead}</p>}
      <div className="mt-2">{children}</div>
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-base text-muted">{children}</p>;
}

function ItemList({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-line">{children}</ul>;
}

function Item({ href, title, children }: { href: string; title: ReactNode; children?: ReactNode }) {
  return (
    <li className="py-2">
      <Link href={href} className="inline-flex min-h-12 items-center font-medium">
        {title}
      </Link>
      {children && <div className="flex flex-wrap items-center gap-2 text-base">{children}</div>}
    </li>
  );
}

const SHOWN: readonly Publication[] = PUBLICATION.filter((p) => p !== 'archived');

function Counts({ data }: { data: Dashboard }) {
  if (data.counts.length === 0) return null;
  return (
    <Section id="dash-counts" title={t.countsTitle} lead={t.countsLead}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-2 pr-3">
                {t.colTable}
              </th>
              {SHOWN.map((p) => (
                <th key={p} scope="col" className="px-2 py-2 text-right whitespace-nowrap">
                  {PUBLICATION_LABELS[p]}
                </th>
              ))}
              <th scope="col" className="py-2 pl-2 text-right">
                {t.colTotal}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.counts.map((c) => (
              <tr key={c.table} className="border-b border-line">
                <th scope="row" className="py-2 pr-3">
                  <Link href={t.tableLinks[c.table]} className="inline-flex min-h-12 items-center">
                    {t.tables[c.table]}
                  </Link>
                </th>
                {SHOWN.map((p) => (
                  <td key={p} className={`px-2 py-2 text-right tabular-nums ${p === 'review' && c.counts[p] > 0 ? 'font-bold text-warn' : ''}`}>
                    {c.counts[p]}
                  </td>
                ))}
                <td className="py-2 pl-2 text-right tabular-nums">{c.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function OwnStation({ data }: { data: Dashboard }) {
  if (data.role !== 'station') return null;
  const s = data.station;
  if (!s) {
    return (
      <Notice tone="bad" title={t.stationTitle}>
        {t.stationMissing}
      </Notice>
    );
  }
  return (
    <section aria-labelledby="dash-station" className="rounded-xl border-2 border-brand bg-white p-4" data-testid="dash-station">
      <h2 id="dash-station" className="text-xl">
        {t.stationTitle}：{s.name}
      </h2>
      <div className="mt-1 flex flex-wrap gap-2">
        <StatusBadge publication={s.publication} />
        <Badge tone={s.status === 'operating' ? 'ok' : 'warn'}>{STATION_STATUS_LABELS[s.status]}</Badge>
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[9rem_1fr]">
        <dt className="font-bold text-muted">{t.stationStatus}</dt>
        <dd className="text-lg font-medium">{s.openText}</dd>
        <dt className="font-bold text-muted">{t.stationToday}</dt>
        <dd>{s.todayHours || t.stationClosedToday}</dd>
        {s.todayNote && (
          <>
            <dt className="font-bold text-muted">{t.stationNote}</dt>
            <dd>{s.todayNote}</dd>
          </>
        )}
      </dl>
      <p className="mt-2 text-base text-muted">{t.stationVerified(s.lastVerifiedOn, s.verifiedDaysAgo)}</p>
      <p className="mt-3 text-base">{t.stationCloseHelp}</p>
      <div className="mt-2 flex flex-wrap gap-3">
        <LinkButton href={`${s.href}#close-today`}>{t.stationClose}</LinkButton>
        <LinkButton href={s.href} variant="secondary">
          {t.stationOpen}
        </LinkButton>
      </div>
    </section>
  );
}

export function DashboardView({ data, name }: { data: Dashboard; name: string }) {
  const all = data.role === 'admin' || data.role === 'editor';
  const provider = data.role === 'provider';
  return (
    <>
      <PageHeader title={t.title} lead={t.hello(name, `${fullDate(data.today)}（${WEEKDAY_NAMES[weekdayOf(data.today)]}）`)} />
      {data.calendarToday && (
        <div className="mb-4">
          <Notice tone={data.calendarToday.kind === 'holiday' ? 'warn' : 'info'}>
            {data.calendarToday.kind === 'holiday' ? t.holidayToday(data.calendarToday.name) : t.workdayToday(data.calendarToday.name)}
          </Notice>
        </div>
      )}
      <div className="grid gap-5 lg:grid-cols-2 lg:items-start">
        <OwnStation data={data} />
        {(all || data.role === 'station') && (
          <Section id="dash-closures" title={t.closuresTitle} count={data.closures.length}>
            {data.closures.length === 0 ? (
              <Empty>{t.closuresEmpty}</Empty>
            ) : (
              <ItemList>
                {data.closures.map((c) => (
                  <Item key={c.stationId} href={c.href} title={c.name}>
                    <Badge tone={c.closed ? 'bad' : 'warn'}>{c.closed ? t.closedToday : t.changedToday(c.hours)}</Badge>
                    <span>{c.reason}</span>
                    {c.until > data.today && <span className="text-muted">{t.until(c.until)}</span>}
                  </Item>
                ))}
              </ItemList>
            )}
          </Section>
        )}
        {all && (
          <Section id="dash-review" title={t.reviewTitle} lead={t.reviewLead} count={data.review.length}>
            {data.review.length === 0 ? (
              <Empty>{t.reviewEmpty}</Empty>
            ) : (
              <ItemList>
                {data.review.map((r) => (
                  <Item key={`${r.kind}-${r.id}`} href={r.href} title={r.title}>
                    <Badge tone="neutral">{r.kind === 'course' ? t.kindCourse : t.kindRun}</Badge>
                    <span>{r.provider}</span>
                    <span className="text-muted">{t.updated(r.updatedAt)}</span>
                  </Item>
                ))}
              </ItemList>
            )}
          </Section>
        )}
        {provider && (
          <Section id="dash-mine" title={t.mineTitle} lead={t.mineLead} count={data.review.length}>
            {data.review.length === 0 ? (
              <Empty>{t.mineEmpty}</Empty>
            ) : (
              <ItemList>
                {data.review.map((r) => (
                  <Item key={`${r.kind}-${r.id}`} href={r.href} title={r.title}>
                    <Badge tone="neutral">{r.kind === 'course' ? t.kindCourse : t.kindRun}</Badge>
                    <StatusBadge publication={r.publication} />
                    <span className="text-muted">{t.updated(r.updatedAt)}</span>
                    {r.note && (
                      <p className="w-full font-medium text-warn" data-testid="dash-note">
                        {r.publication === 'withdrawn' ? t.withdrawnNote(r.note) : t.returnedNote(r.note)}
                      </p>
                    )}
                  </Item>
                ))}
              </ItemList>
            )}
          </Section>
        )}
        {(all || provider) && (
          <Section id="dash-runs" title={t.runsTitle} lead={t.runsLead} count={data.runAlerts.length}>
            {data.runAlerts.length === 0 ? (
              <Empty>{t.runsEmpty}</Empty>
            ) : (
              <ItemList>
                {data.runAlerts.map((r) => (
                  <Item key={r.runId} href={r.href} title={`${r.courseTitle} · ${r.label}`}>
                    <Badge tone={r.reason === 'past_deadline' ? 'bad' : 'warn'}>
                      {r.reason === 'past_deadline' ? t.pastDeadline(r.deadline, r.seatsLeft) : t.fewSeats(r.seatsLeft, r.seats)}
                    </Badge>
                    <span>{t.starts(r.startDate)}</span>
                  </Item>
                ))}
              </ItemList>
            )}
          </Section>
        )}
        {all && (
          <Section id="dash-fairs" title={t.fairsTitle} count={data.fairs.length}>
            {data.fairs.length === 0 ? (
              <Empty>{t.fairsEmpty}</Empty>
            ) : (
              <ItemList>
                {data.fairs.map((f) => (
                  <Item key={f.id} href={f.href} title={f.title}>
                    <span>{f.startsAt.replace('T', ' ')}</span>
                    <StatusBadge publication={f.publication} />
                    {t.fairStatus[f.status] && <Badge tone="bad">{t.fairStatus[f.status]}</Badge>}
                  </Item>
                ))}
              </ItemList>
            )}
          </Section>
        )}
        {(all || data.role === 'station') && (
          <Section id="dash-stale" title={t.staleTitle} lead={t.staleLead} count={data.staleStations.length}>
            {data.staleStations.length === 0 ? (
              <Empty>{t.staleEmpty}</Empty>
            ) : (
              <ItemList>
                {data.staleStations.map((s) => (
                  <Item key={s.id} href={s.href} title={s.name}>
                    <span>{t.staleDays(s.lastVerifiedOn, s.days)}</span>
                  </Item>
                ))}
              </ItemList>
            )}
          </Section>
        )}
        <div className="lg:col-span-2">
          <Counts data={data} />
        </div>
      </div>
    </>
  );
}
