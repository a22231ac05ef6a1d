import type { NextRequest } from 'next/server';
import { coursesCsv } from '@/db/queries/open-data-csv';
import { baseOf, csvResponse, guarded } from '../_lib/http';

export const dynamic = 'force-dynamic';

export function GET(req: NextRequest) {
  return guarded(() => csvResponse(coursesCsv(baseOf(req)), 'courses'));
}
