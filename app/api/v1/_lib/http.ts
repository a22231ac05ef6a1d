import type { NextRequest } from 'next/server';
import { openDataText as T } from '@/components/open-data/strings';
import { siteUrl } from '@/db/site-url';
import { streetExists, type Paging } from '@/db/queries/open-data';
import { listEnvelope, parseApiId, parseApiParams, type ApiError, type ApiListKind, type ApiParams } from './params';
import { MAX_QUERY_STRING } from '@/db/validation/search-params';
import { log } from '@/db/log';
import { endpointsAt } from './endpoints';

const COMMON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=60',
  'X-Content-Type-Options': 'nosniff',
};

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export function errorResponse(e: ApiError): Response {
  return json({ error: { code: e.code, message: e.message } }, e.status);
}

export const notFound = (): Response => errorResponse({ status: 404, code: 'not_found', message: T.errors.notFound });

/**
 * An address under /api/v1 that is no endpoint: still `not_found` (clients already test that
 * code), but the message says the endpoint is unknown and the body lists the real ones.
 */
export function unknownEndpoint(pathname: string): Response {
  const base = siteUrl();
  const path = pathname.slice(0, 200);
  return json(
    {
      error: { code: 'not_found', reason: 'unknown_endpoint', message: T.errors.unknownEndpoint(path) },
      endpoints: endpointsAt(base),
      documentation: `${base}/open-data`,
    },
    404,
  );
}

/** Runs a handler; anything unexpected is logged and answered with a JSON 500, never a stack trace. */
export async function guarded(run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    log.error('api.failed', { err });
    return errorResponse({ status: 500, code: 'server_error', message: T.errors.server });
  }
}

function searchParamsOf(req: NextRequest): URLSearchParams {
  return new URLSearchParams(req.nextUrl.search.replace(/^\?/, '').slice(0, MAX_QUERY_STRING));
}

type Lister<K extends ApiListKind> = (v: ApiParams<K>, paging: Paging, base: string) => Promise<{ items: unknown[]; total: number }>;

/** GET for a list endpoint: strict parameters (400), an unknown 街镇 (400), then one page with the total. */
export function listRoute<K extends ApiListKind>(kind: K, list: Lister<K>) {
  return (req: NextRequest) =>
    guarded(async () => {
      const parsed = parseApiParams(kind, searchParamsOf(req));
      if (!parsed.ok) return errorResponse({ status: 400, code: 'bad_request', message: T.errors.problem(parsed.error) });
      const v = parsed.values;
      const street = (v as { street?: number | null }).street;
      if (typeof street === 'number' && !(await streetExists(street))) {
        return errorResponse({ status: 400, code: 'bad_request', message: T.errors.unknownStreet });
      }
      const { page, per_page } = v as { page: number; per_page: number };
      const { items, total } = await list(v, { page, perPage: per_page }, siteUrl());
      return json(listEnvelope(items, total, page, per_page));
    });
}

type Ctx = { params: Promise<{ id: string }> };

/** GET for a detail endpoint: a malformed, unknown or unpublished id is a JSON 404. */
export function detailRoute(get: (id: number, base: string) => Promise<unknown | null>) {
  return (req: NextRequest, ctx: Ctx) =>
    guarded(async () => {
      const id = parseApiId((await ctx.params).id);
      const item = id === null ? null : await get(id, siteUrl());
      return item ? json(item) : notFound();
    });
}

/** A CSV download (UTF-8 with BOM, already in `text`). */
export function csvResponse(text: string, name: string): Response {
  return new Response(text, {
    headers: {
      ...COMMON_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    },
  });
}
