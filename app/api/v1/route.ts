import { openDataText as T } from '@/components/open-data/strings';
import { API_VERSION, DEFAULT_PER_PAGE, MAX_PER_PAGE } from './_lib/params';
import { guarded, json } from './_lib/http';
import { endpointsAt } from './_lib/endpoints';
import { siteUrl } from '@/db/site-url';

export const dynamic = 'force-dynamic';

/** The API's index: version, endpoints, conventions, licence and where the documentation lives. */
export function GET() {
  return guarded(() => {
    const base = siteUrl();
    const api = `${base}/api/v1`;
    return json({
      name: T.sourceName,
      version: API_VERSION,
      documentation: `${base}/open-data`,
      licence: T.licence,
      versioning: T.page.version,
      update_frequency: 'live',
      conventions: {
        field_names: 'snake_case',
        date: 'YYYY-MM-DD',
        time: 'HH:MM (Asia/Shanghai)',
        instant: 'ISO 8601 with +08:00',
        coordinates: 'WGS-84',
        paging: { page: 1, per_page: DEFAULT_PER_PAGE, max_per_page: MAX_PER_PAGE },
      },
      endpoints: endpointsAt(base),
      csv: {
        stations: `${api}/stations.csv`,
        courses: `${api}/courses.csv`,
        runs: `${api}/runs.csv`,
        fairs: `${api}/fairs.csv`,
        jobs: `${api}/jobs.csv`,
      },
    });
  });
}
