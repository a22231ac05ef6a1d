/**
 * The server actions' side of the rate limits (db/http/rate-limit.ts). A public search action
 * calls `searchAllowance()` first; when its address is over the search budget the action returns
 * `{ rateLimited: { message, retryAfter } }` instead of results, and the list keeps what it
 * shows and puts the message above it (components/search/use-live-search.ts). No throw: an
 * error would reach the resident as a generic failure.
 */
import { headers } from 'next/headers';
import { clientIp } from '@/db/auth/client-ip';
import { rateLimitText as T } from '@/components/rate-limit/strings';
import { processLimiter } from './rate-limit';
import type { RateLimited } from './rate-limited';


/** null when the search may run; otherwise the answer to return. */
export async function searchAllowance(now = Date.now()): Promise<RateLimited | null> {
  let address: string;
  try {
    address = clientIp(await headers());
  } catch {
    return null; // called outside a request (a script or a unit test): there is no client to limit
  }
  const verdict = processLimiter().check('search', address, now);
  return verdict.ok ? null : { rateLimited: { message: T.search(verdict.retryAfter), retryAfter: verdict.retryAfter } };
}
