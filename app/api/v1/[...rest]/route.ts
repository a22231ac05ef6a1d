import { openDataText as T } from '@/components/open-data/strings';
import { errorResponse } from '../_lib/http';

export const dynamic = 'force-dynamic';

/** Any other address under /api/v1: a JSON 404 (an API client should never get the HTML page). */
export function GET() {
  return errorResponse({ status: 404, code: 'not_found', message: T.errors.notFound });
}
