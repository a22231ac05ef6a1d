/**
 * The proxy's side of the rate limits (app/_server/rate-limit.ts): every request is refused here,
 * before any page, action or handler runs, when its address is over budget (429 with
 * Retry-After). Methods a path does not answer were refused before (app/_server/hostile/methods.ts), so
 * every method that gets here is counted:
 * - a page load or a no-JavaScript form post: a plain Chinese page;
 * - the API or a feed: the API's JSON error;
 * - a server-action call (Next-Action header): a short text/plain answer. Next's client turns a
 *   text/plain error into an Error carrying that text, so the live search recognises it
 *   (ACTION_REFUSAL in rate-limited.ts) and shows its notice while keeping the results shown.
 *
 * The 429 page is a fixed string with no script and no database read, so refusing costs almost
 * nothing; it follows 长辈版 (the ft_mode cookie) with larger type.
 */
import { clientIp, isRelayed } from '@/db/auth/client-ip';
import { site } from '@/components/ui/strings';
import { rateLimitText as T } from '@/components/rate-limit/strings';
import { classify, processLimiter, type RateLimiter } from './rate-limit';
import { actionRefusalText } from '@/components/rate-limit/action-refusal';

type Req = { method: string; url: string; headers: Pick<Headers, 'get'> };

export function rateLimitResponse(req: Req, limiter: RateLimiter = processLimiter(), now = Date.now()): Response | null {
  // Next forwarding a server-action call to the page that owns it: counted when it came in.
  if (isRelayed(req.headers)) return null;
  const url = new URL(req.url);
  const method = req.method.toUpperCase();
  const action = req.headers.get('next-action') !== null;
  const kind = classify(method, url.pathname, url.search, action);
  if (!kind) return null;
  const verdict = limiter.check(kind.budget, clientIp(req.headers), now, kind.cost);
  if (verdict.ok) return null;
  if (kind.budget === 'api') return apiRefusal(verdict.retryAfter);
  if (action) return actionRefusal(verdict.retryAfter);
  const elder = /(?:^|;\s*)ft_mode=elder(?:;|$)/.test(req.headers.get('cookie') ?? '');
  // A refused POST offers its page again as a GET: the retry link must not resend a form.
  return pageRefusal(verdict.retryAfter, elder, url.pathname + url.search);
}

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function apiRefusal(retryAfter: number): Response {
  return new Response(JSON.stringify({ error: { code: 'rate_limited', message: T.api(retryAfter) } }), {
    status: 429,
    headers: {
      ...NO_STORE,
      'Access-Control-Allow-Origin': '*',
      'Content-Type': 'application/json; charset=utf-8',
      'Retry-After': String(retryAfter),
    },
  });
}

/** A server-action call over budget. Next's client only passes on the text of an exactly text/plain answer. */
export function actionRefusal(retryAfter: number): Response {
  return new Response(actionRefusalText(retryAfter), {
    status: 429,
    headers: { ...NO_STORE, 'Content-Type': 'text/plain', 'Retry-After': String(retryAfter) },
  });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageRefusal(retryAfter: number, elder: boolean, again: string): Response {
  const p = T.page;
  const html = `<!DOCTYPE html>
<html lang="zh-CN" data-mode="${elder ? 'elder' : 'standard'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(p.title)}</title>
<style>
body{margin:0;font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:18px;line-height:1.7;color:#1a1a1a;background:#f7f7f5}
header{background:#0b4ea2;color:#fff;padding:12px 16px}
header a{color:#fff;font-weight:700;text-decoration:none;font-size:1.1em}
main{max-width:40rem;margin:0 auto;padding:24px 16px}
h1{font-size:1.6em;margin:0 0 12px}
a.btn{display:inline-flex;align-items:center;min-height:48px;padding:0 20px;margin:8px 12px 0 0;border-radius:8px;border:2px solid #0b4ea2;color:#0b4ea2;font-weight:700;text-decoration:none}
a.btn.primary{background:#0b4ea2;color:#fff}
html[data-mode=elder] body{font-size:20px;color:#000}
</style>
</head>
<body>
<header><a href="/">${escape(site.name)}</a></header>
<main>
<h1>${escape(p.heading)}</h1>
<p>${escape(p.body(retryAfter))}</p>
<p>${escape(p.why)}</p>
<p><a class="btn primary" href="${escape(again)}">${escape(p.retry)}</a><a class="btn" href="/">${escape(p.home)}</a></p>
<p>${escape(p.hotline)}</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfter) },
  });
}
