/**
 * The endpoints of API v1, in one list: the index (/api/v1) publishes it, and an address that
 * is no endpoint (the catch-all route) names it, so the two cannot disagree.
 */
import { openDataText as T } from '@/components/open-data/strings';

type Endpoint = { path: string; description: string };

export const API_ENDPOINTS: readonly Endpoint[] = [
  { path: '/api/v1/stations', description: T.endpoints.stations },
  { path: '/api/v1/stations/{id}', description: T.endpoints.station },
  { path: '/api/v1/courses', description: T.endpoints.courses },
  { path: '/api/v1/courses/{id}', description: T.endpoints.course },
  { path: '/api/v1/runs', description: T.endpoints.runs },
  { path: '/api/v1/fairs', description: T.endpoints.fairs },
  { path: '/api/v1/fairs/{id}', description: T.endpoints.fair },
  { path: '/api/v1/jobs', description: T.endpoints.jobs },
];

/** Each endpoint with its full address on this site. */
export function endpointsAt(base: string): (Endpoint & { url: string })[] {
  return API_ENDPOINTS.map((e) => ({ path: e.path, url: `${base}${e.path}`, description: e.description }));
}
