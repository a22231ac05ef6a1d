/**
 * A refusal the server makes before any page, action or route handler runs: a short Chinese
 * sentence, never cached. The reason is kept beside the response (not in a header the visitor
 * sees) so that proxy.ts can put it in the request's one log line: one hostile request, one line.
 */
const reasons = new WeakMap<Response, string>();

export function refusal(status: number, text: string, reason: string, headers: Record<string, string> = {}): Response {
  const res = new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
  reasons.set(res, reason);
  return res;
}

/** Why the proxy refused this response's request, or undefined when it was not a refusal. */
export function refusalReason(res: Response): string | undefined {
  return reasons.get(res);
}
