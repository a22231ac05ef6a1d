/**
 * How a refused server-action call reaches the live search (safe in client code). The proxy
 * answers a Next-Action request over its address's budget with 429 text/plain; Next's client
 * rejects the action's promise with an Error whose message is exactly that text. The text is
 * machine-readable: the client turns it into the resident's Chinese notice
 * (components/rate-limit/strings.ts).
 */
const PREFIX = 'rate-limited; retry-after=';

export function actionRefusalText(retryAfter: number): string {
  return `${PREFIX}${Math.max(1, Math.ceil(retryAfter))}`;
}

/** The seconds to wait when `err` is the proxy's refusal of an action call; null for any other error. */
export function refusedRetryAfter(err: unknown): number | null {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  if (!message.startsWith(PREFIX)) return null;
  const n = Number(message.slice(PREFIX.length));
  return Number.isInteger(n) && n > 0 ? n : null;
}
