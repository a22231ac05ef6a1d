import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { PlaceInfo, RunDetail } from '@/db/queries/courses';
import { classDaysText, costDetailText, costText, dailyTimeText, dateRangeText } from '@/db/domain/course-run';
import { NavigationLinks } from '@/components/maps/navigation-links';
import { fullDate } from '@/db/domain/calendar';
import { SubsidyBadge } from '@/components/subsidy/badge';
import type { SubsidyBadgeView } from '@/db/domain/subsidy';
import type { EligibilityLine } from '@/components/subsidy/eligibility';
import { certificateText } from './certificate-words';
import { RunStatusBadges } from './run-status';
import { coursesText as t } from './strings';

/** 'tel:' wants digits only (and a leading +). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-x-4 sm:grid-cols-[7rem_1fr]">
      <dt className="font-bold text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Place({ place }: { place: PlaceInfo }) {
  return (
    <>
      <span className="block font-medium">{place.name}</span>
      <span className="block">
        {place.street ? `${place.street} · ` : ''}
        {place.address}
      </span>
      <NavigationLinks at={place} name={place.name} className="mt-2" />
    </>
  );
}

/**
 * Everything about one run a resident needs to decide and sign up. Server or client. `matched`:
 * the list the resident came from matched this run; `distance`: from their «我在哪里»;
 * `eligible`: who may join it free or with a subsidy; `actions`: its calendar file and card.
 */
export function RunCard({
  run,
  subsidy,
  matched = false,
  distance,
  eligible = [],
  actions,
}: {
  run: RunDetail;
  subsidy?: SubsidyBadgeView | 'ask';
  matched?: boolean;
  distance?: { origin: string; metres: number } | null;
  eligible?: readonly EligibilityLine[];
  actions?: ReactNode;
}) {
  const detail = costDetailText(run);
  return (
    <article
      className={`rounded-xl border bg-white p-4 shadow-sm sm:p-5 ${matched ? 'border-2 border-brand' : 'border-line'}`}
      aria-labelledby={`run-${run.id}`}
      data-matched={matched || undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`run-${run.id}`} className="text-xl">
          {dateRangeText(run.startDate, run.endDate)}
          <span className="block text-base font-normal text-muted">{run.label}</span>
        </h3>
        <RunStatusBadges status={run.status} deadline={run.deadline} deadlineDays={run.deadlineDays} />
      </div>
      {matched && (
        <p className="mt-2">
          <Badge tone="info">{t.matchedBadge}</Badge>
        </p>
      )}
      {run.dual && (
        <p className="mt-2">
          <Badge tone="info">{t.dualBadge}</Badge>
        </p>
      )}
      <dl className="mt-3 space-y-2">
        <Row label={t.runClassTime}>
          {classDaysText(run.classDays)} {dailyTimeText(run.dailyStart, run.dailyEnd)}
        </Row>
        <Row label={t.seats}>{t.seatsLeft(run.seatsLeft, run.seats)}</Row>
        <Row label={t.runDeadline}>{t.deadlineOn(fullDate(run.deadline))}</Row>
        <Row label={t.runTheory}>
          <Place place={run.theory} />
        </Row>
        {distance && (
          <Row label={t.distanceLabel}>
            <span className="font-medium" data-testid="run-distance">
              {t.distance(distance.origin, distance.metres)}
            </span>
          </Row>
        )}
        {run.practice && (
          <Row label={t.runPractice}>
            <Place place={run.practice} />
          </Row>
        )}
        {run.certificates.length > 0 && (
          <Row label={t.runCertificates}>
            <ul className="space-y-1">
              {run.certificates.map((c) => (
                <li key={`${c.kind}-${c.name}`}>
                  {certificateText(c.name, c.kind)}
                  <span className="block text-base text-muted">{c.issuer}</span>
                </li>
              ))}
            </ul>
          </Row>
        )}
        <Row label={t.runCost}>
          <span className="font-medium">{costText(run)}</span>
          {detail && <span className="block text-base text-muted">{detail}</span>}
          {subsidy && (
            <span className="mt-1 block">
              <SubsidyBadge view={subsidy === 'ask' ? undefined : subsidy} />
            </span>
          )}
        </Row>
        {eligible.map((e) => (
          <Row key={e.label} label={e.label}>
            {e.ways.length === 1 ? (
              <span data-testid="run-eligibility">{e.ways[0]!.text}</span>
            ) : (
              <ul className="space-y-1">
                {e.ways.map((w) => (
                  <li key={w.title} data-testid="run-eligibility">
                    <span className="font-bold">{w.title}</span>：{w.text}
                  </li>
                ))}
              </ul>
            )}
          </Row>
        ))}
        {run.groups.length > 0 && <Row label={t.runGroups}>{run.groups.join('、')}</Row>}
        <Row label={t.runContact}>
          <a href={telHref(run.contactPhone)} className="inline-flex min-h-12 items-center font-medium">
            {t.callContact(run.contactName, run.contactPhone)}
          </a>
        </Row>
        {run.note && <Row label={t.runNote}>{run.note}</Row>}
      </dl>
      {actions}
    </article>
  );
}
