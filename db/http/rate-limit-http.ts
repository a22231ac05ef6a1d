/**
 * The proxy's side of the rate limits (db/http/rate-limit.ts): a filtered list page or an API
 * call over its address's budget is answered here with a 429 — a plain Chinese page, or the
 * API's JSON error — before any page or handler runs. Both carry Retry-After.
 *
 * The 429 page is a fixed string with no script and no database read, so refusing costs almost
 * nothing; it follows 长辈版 (the ft_mode cookie) with larger type.
 */
import { clientIp } from '@/db/auth/client-ip';
import { site } from '@/components/ui/strings';
import { rateLimitText as T } from '@/components/rate-limit/strings';
import { classify, processLimiter, type RateLimiter } from './rate-limit';

type Req = { method: string; url: string; headers: Pick<Headers, 'get'> };

export function rateLimitResponse(req: Req, limiter: RateLimiter = processLimiter(), now = Date.now()): Response | null {
  // A server action's POST is counted by the action itself, which answers in the page (its
  // body was already checked by db/hostile/action-body.ts).
  if (req.headers.get('next-action') !== null) return null;
  const url = new URL(req.url);
  const kind = classify(req.method, url.pathname, url.search);
  if (!kind) return null;
  const verdict = limiter.check(kind.budget, clientIp(req.headers), now, kind.cost);
  if (verdict.ok) return null;
  const elder = /(?:^|;\s*)ft_mode=elder(?:;|$)/.test(req.headers.get('cookie') ?? '');
  return kind.budget === 'api' ? apiRefusal(verdict.retryAfter) : pageRefusal(verdict.retryAfter, elder, url.pathname + url.search);
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
