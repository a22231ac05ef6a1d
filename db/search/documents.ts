/**
 * What each searchable record says about itself, read from the tables. The seed calls
 * `reindexAll` once; admin writes (a later issue) call `reindexCourse` & co. in the same
 * transaction as the change, so the index never drifts from the data.
 *
 * A course's document takes venues and certificates from its PUBLISHED runs only, so a draft
 * run's wording never makes a published course match.
 */
import { sql } from 'drizzle-orm';
import type { DB } from '../client';
import { levelLabel } from '../domain/labels-courses';
import { indexDocument, removeDocument } from './index';
import { reindexAllPositions } from './position-documents';

/** Rewrites the search document of one course (or removes it if the course is gone). */
export function reindexCourse(db: DB, courseId: number): void {
  const c = db.get<{ title: string; summary: string; level: number; occupation: string; provider: string; providerShort: string }>(sql`
    SELECT c.title, c.summary, c.level, o.name AS occupation, p.name AS provider, p.short_name AS providerShort
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    WHERE c.id = ${courseId}`);
  if (!c) return removeDocument(db, 'course', courseId);
  const venues = db.all<{ text: string }>(sql`
    SELECT DISTINCT pl.name || ' ' || pl.address AS text
    FROM course_runs r JOIN places pl ON pl.id = r.theory_place_id
    WHERE r.course_id = ${courseId} AND r.publication = 'published'`);
  const certificates = db.all<{ name: string }>(sql`
    SELECT DISTINCT k.name FROM run_certificates k JOIN course_runs r ON r.id = k.run_id
    WHERE r.course_id = ${courseId} AND r.publication = 'published'`);
  indexDocument(db, 'course', courseId, {
    names: [c.title, c.occupation, c.providerShort],
    text: [c.summary, c.provider, ...venues.map((v) => v.text), ...certificates.map((k) => k.name), levelLabel(c.level)],
  });
}

/** Rewrites the search document of one station. */
export function reindexStation(db: DB, stationId: number): void {
  const s = db.get<{ name: string; hostName: string; address: string; street: string }>(sql`
    SELECT s.name, s.host_name AS hostName, s.address, st.name AS street
    FROM stations s JOIN streets st ON st.id = s.street_id WHERE s.id = ${stationId}`);
  if (!s) return removeDocument(db, 'station', stationId);
  const services = db.all<{ name: string }>(sql`
    SELECT sv.name FROM station_services ss JOIN services sv ON sv.id = ss.service_id
    WHERE ss.station_id = ${stationId} ORDER BY sv.sort`);
  // Service names count as names, so their pinyin is searchable too (ydjy → 异地就医).
  indexDocument(db, 'station', stationId, {
    names: [s.name, s.hostName, s.street, ...services.map((v) => v.name)],
    text: [s.address],
  });
}

/**
 * Rewrites the search document of one fair: what residents read on its page — the title,
 * organiser and venue, its description, each employer's name and introduction, and each
 * position's title and requirements (手语, 外卖, 简历 and 烹饪 are found where a fair says them).
 */
export function reindexFair(db: DB, fairId: number): void {
  const f = db.get<{ title: string; organiser: string; description: string; venue: string | null }>(sql`
    SELECT f.title, f.organiser, f.description, pl.name || ' ' || pl.address AS venue
    FROM fairs f LEFT JOIN places pl ON pl.id = f.place_id WHERE f.id = ${fairId}`);
  if (!f) return removeDocument(db, 'fair', fairId);
  const employers = db.all<{ name: string; intro: string }>(sql`SELECT DISTINCT name, intro FROM fair_employers WHERE fair_id = ${fairId}`);
  const positions = db.all<{ title: string; requirements: string }>(sql`
    SELECT DISTINCT p.title, p.requirements FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id
    WHERE e.fair_id = ${fairId}`);
  indexDocument(db, 'fair', fairId, {
    names: [f.title, f.organiser],
    text: [
      f.venue ?? '',
      f.description,
      ...employers.flatMap((e) => [e.name, e.intro]),
      ...positions.flatMap((p) => [p.title, p.requirements]),
    ],
  });
}

/** Rebuilds every document (drafts too: public queries filter by publication themselves). */
export function reindexAll(db: DB): void {
  for (const { id } of db.all<{ id: number }>(sql`SELECT id FROM courses`)) reindexCourse(db, id);
  for (const { id } of db.all<{ id: number }>(sql`SELECT id FROM stations`)) reindexStation(db, id);
  for (const { id } of db.all<{ id: number }>(sql`SELECT id FROM fairs`)) reindexFair(db, id);
  reindexAllPositions(db);
}
