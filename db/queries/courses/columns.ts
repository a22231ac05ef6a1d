import 'server-only';
/**
 * What a course's page, the open-data API and the training download read of a course and its
 * runs, defined once: the description sections, the provider's contact, a run's columns with
 * its theory and practice venues (and their 街镇), and each run's certificates and target groups.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db';
import { idSet } from '../id-set';
import { courseRuns, courses, occupations, places, providers, runCertificates, runTargetGroups, streets, targetGroups, type CertificateKind } from '@/db/schema';

/** The description sections of a course, in the page's order. */
export const courseSectionColumns = {
  suitableFor: courses.suitableFor,
  requirements: courses.requirements,
  content: courses.content,
  method: courses.method,
  materials: courses.materials,
  assessment: courses.assessment,
  outcomes: courses.outcomes,
};

/** How residents reach a course's provider. */
export const providerContactColumns = { name: providers.name, phone: providers.phone, address: providers.address, intro: providers.intro };

/** How a list names a course: title, level, occupation and the provider's short name. */
export const courseNameColumns = {
  id: courses.id,
  title: courses.title,
  level: courses.level,
  occupation: occupations.name,
  provider: providers.shortName,
};

/**
 * What a run's card and page both show, and all a run's status needs: dates, seats, the
 * deadline and its cost.
 */
export const runSummaryColumns = {
  id: courseRuns.id,
  label: courseRuns.label,
  startDate: courseRuns.startDate,
  endDate: courseRuns.endDate,
  seats: courseRuns.seats,
  seatsLeft: courseRuns.seatsLeft,
  deadline: courseRuns.deadline,
  costType: courseRuns.costType,
  fee: courseRuns.fee,
  subsidy: courseRuns.subsidy,
};

/** The practice venue and the two venues' 街镇: join them as `practicePlace`, `theoryStreet`, `practiceStreet`. */
export const practicePlace = alias(places, 'pp');
export const theoryStreet = alias(streets, 'ts');
export const practiceStreet = alias(streets, 'ps');

/**
 * A run as its course's page shows it, with its venues (the theory one is `places`). The
 * practice venue comes from a left join: every field is null when the run has none.
 */
export const runPageColumns = {
  ...runSummaryColumns,
  classDays: courseRuns.classDays,
  dailyStart: courseRuns.dailyStart,
  dailyEnd: courseRuns.dailyEnd,
  contactName: courseRuns.contactName,
  contactPhone: courseRuns.contactPhone,
  note: courseRuns.note,
  theory: { name: places.name, address: places.address, street: theoryStreet.name, lat: places.lat, lng: places.lng },
  practice: { name: practicePlace.name, address: practicePlace.address, street: practiceStreet.name, lat: practicePlace.lat, lng: practicePlace.lng },
};

export type RunCertificate = { kind: CertificateKind; name: string; issuer: string };

/**
 * The certificates (dual-certificate kinds first) and target-group names (in the list's order)
 * of the runs `runIds`, by run id: one query each.
 */
export function runCertificatesAndGroups(runIds: readonly number[]): { certs: Map<number, RunCertificate[]>; groups: Map<number, string[]> } {
  const certs = new Map<number, RunCertificate[]>();
  const groups = new Map<number, string[]>();
  if (runIds.length === 0) return { certs, groups };
  const db = getDb();
  // One bound parameter however many runs (the open-data CSV reads every published run).
  const ids = idSet(runIds);
  for (const k of db
    .select({ runId: runCertificates.runId, kind: runCertificates.kind, name: runCertificates.name, issuer: runCertificates.issuer })
    .from(runCertificates)
    .where(inArray(runCertificates.runId, ids))
    .orderBy(asc(runCertificates.runId), desc(runCertificates.kind), asc(runCertificates.id))
    .all()) {
    certs.set(k.runId, [...(certs.get(k.runId) ?? []), { kind: k.kind, name: k.name, issuer: k.issuer }]);
  }
  for (const g of db
    .select({ runId: runTargetGroups.runId, name: targetGroups.name })
    .from(runTargetGroups)
    .innerJoin(targetGroups, eq(targetGroups.code, runTargetGroups.groupCode))
    .where(inArray(runTargetGroups.runId, ids))
    .orderBy(asc(targetGroups.sort), asc(targetGroups.code))
    .all()) {
    groups.set(g.runId, [...(groups.get(g.runId) ?? []), g.name]);
  }
  return { certs, groups };
}
