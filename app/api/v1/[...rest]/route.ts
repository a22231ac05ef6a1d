import type { NextRequest } from 'next/server';
import { unknownEndpoint } from '../_lib/http';

export const dynamic = 'force-dynamic';

/**
 * Any other address under /api/v1: a JSON 404 that says the endpoint is unknown and names the
 * ones there are (an API client should never get the HTML page, nor a bare "not found").
 */
export function GET(req: NextRequest) {
  return unknownEndpoint(req.nextUrl.pathname);
}
