import { jobsCsv } from '../_lib/jobs-csv';
import { csvResponse, guarded } from '../_lib/http';
import { siteUrl } from '@/db/site-url';

export const dynamic = 'force-dynamic';

export function GET() {
  return guarded(async () => csvResponse(await jobsCsv(siteUrl()), 'jobs'));
}
