import { coursesCsv } from '../_lib/csv';
import { csvResponse, guarded } from '../_lib/http';
import { siteUrl } from '@/db/site-url';

export const dynamic = 'force-dynamic';

export function GET() {
  return guarded(async () => csvResponse(await coursesCsv(siteUrl()), 'courses'));
}
