import { JSON_LD_SPECIAL_DAYS, courseJsonLd, jsonLdText, stationJsonLd } from '@/app/api/v1/_lib/json-ld';
import { getApiCourse } from '@/app/api/v1/_lib/courses';
import { getApiStation } from '@/app/api/v1/_lib/stations';
import { addDays } from '@/db/domain/calendar';
import { beijingToday } from '@/db/domain/time';
import { CURRENT_RUNS_SHOWN } from '@/components/courses/course-detail';
import { siteUrl } from '@/db/site-url';

/** schema.org data for search engines and map apps; `<` and friends are escaped inside. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}

/** Links in JSON-LD come from the configured site address only, never from the request's Host. */
const base = siteUrl;

/**
 * A published course as a schema.org Course with its runs as CourseInstances: the runs still to
 * come that the page lists first (the open-data API has them all).
 */
export async function CourseJsonLd({ id }: { id: number }) {
  const course = await getApiCourse(id, base());
  if (!course) return null;
  const today = beijingToday();
  const runs = course.runs.filter((r) => r.end_date >= today).slice(0, CURRENT_RUNS_SHOWN);
  return <JsonLd data={courseJsonLd({ ...course, runs })} />;
}

/** A published station as a schema.org GovernmentService at a Place with its opening hours. */
export async function StationJsonLd({ id }: { id: number }) {
  const station = await getApiStation(id, base());
  if (!station) return null;
  return <JsonLd data={stationJsonLd(station.detail, station.today, addDays(station.today, JSON_LD_SPECIAL_DAYS - 1))} />;
}
