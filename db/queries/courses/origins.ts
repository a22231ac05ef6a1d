/** The «我在哪里» choices of the course list. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { places, streets } from '@/db/schema';
import { originValue } from '@/db/search/engine';

export type OriginOption = { value: string; label: string };

/** Places residents can pick as «我在哪里», for the select. */
export type CourseOrigins = { streets: OriginOption[]; landmarks: OriginOption[] };

/** Every 街镇 centre, then the landmarks, valued in the one origin encoding (s12, p7). Public; any page may call. */
export async function listCourseOrigins(): Promise<CourseOrigins> {
  const db = getDb();
  const s = db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
  const l = db.select({ id: places.id, name: places.name }).from(places).where(eq(places.kind, 'landmark')).orderBy(asc(places.name), asc(places.id)).all();
  return {
    streets: s.map((x) => ({ value: originValue({ kind: 'street', id: x.id }), label: x.name })),
    landmarks: l.map((x) => ({ value: originValue({ kind: 'place', id: x.id }), label: x.name })),
  };
}
