import { site } from '@/components/ui/strings';
import { appColours, appText } from './strings';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the service worker (public/sw.js) shows when a page cannot be loaded: the two
 * hotlines as big tap-to-call buttons, a retry and the home page. One self-contained document —
 * styles inline, no script, no image — because nothing else is there when the network is not.
 */
export function offlineHtml(): string {
  const t = appText.offline;
  const lines = [site.hotlines.hr, site.hotlines.ins]
    .map((h) => `<li><a class="call" href="tel:${escape(h.number)}"><span class="n">${escape(h.number)}</span><span>${escape(h.label)}</span></a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="theme-color" content="${appColours.theme}">
<title>${escape(t.title)} · ${escape(site.name)}</title>
<style>
body{margin:0;font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:20px;line-height:1.7;color:#1a1a1a;background:#f5f6f8}
header{background:${appColours.theme};color:#fff;padding:12px 16px;font-weight:700;font-size:1.1em}
main{max-width:40rem;margin:0 auto;padding:24px 16px}
h1{font-size:1.6em;margin:0 0 12px;line-height:1.3}
h2{font-size:1.15em;margin:24px 0 8px}
ul{list-style:none;margin:0;padding:0;display:grid;gap:12px}
a{color:${appColours.theme}}
a.call{display:flex;align-items:center;gap:12px;min-height:64px;padding:8px 16px;border:2px solid ${appColours.theme};border-radius:12px;background:#fff;color:#1a1a1a;text-decoration:none}
a.call .n{font-size:1.6em;font-weight:700;color:${appColours.theme}}
a.btn{display:inline-flex;align-items:center;min-height:48px;padding:0 20px;margin:16px 12px 0 0;border-radius:8px;border:2px solid ${appColours.theme};font-weight:700;text-decoration:none}
a.btn.primary{background:${appColours.theme};color:#fff}
</style>
</head>
<body>
<header>${escape(site.name)}</header>
<main id="main">
<h1>${escape(t.title)}</h1>
<p>${escape(t.lead)}</p>
<p><a class="btn primary" href="">${escape(t.retry)}</a><a class="btn" href="/">${escape(t.home)}</a></p>
<section aria-labelledby="offline-call">
<h2 id="offline-call">${escape(t.callHeading)}</h2>
<ul>${lines}</ul>
</section>
</main>
</body>
</html>`;
}
