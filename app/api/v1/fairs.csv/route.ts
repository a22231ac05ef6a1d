import { fairsCsv } from '@/db/queries/open-data-csv';
import { csvResponse, guarded } from '../_lib/http';
import { siteUrl } from '@/db/site-url';

export const dynamic = 'force-dynamic';

export function GET() {
  return guarded(() => csvResponse(fairsCsv(siteUrl()), 'fairs'));
}
