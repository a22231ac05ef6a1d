import { fairsCsv } from '../_lib/csv';
import { csvResponse, guarded } from '../_lib/http';
import { siteUrl } from '@/db/site-url';

export const dynamic = 'force-dynamic';

export function GET() {
  return guarded(async () => csvResponse(await fairsCsv(siteUrl()), 'fairs'));
}
