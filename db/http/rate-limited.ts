/** What a public search action returns instead of results when its address is over budget (safe in client code). */
export type RateLimited = { rateLimited: { message: string; retryAfter: number } };

export function isRateLimited(x: unknown): x is RateLimited {
  if (typeof x !== 'object' || x === null || !('rateLimited' in x)) return false;
  const r = (x as RateLimited).rateLimited;
  return typeof r === 'object' && r !== null && typeof r.message === 'string';
}
