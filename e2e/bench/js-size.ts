/**
 * First-load JavaScript per public route: the gzip size of every script a page's HTML loads
 * (the `<script src>` tags that modern browsers run; `noModule` polyfills are skipped), read
 * from the build's own files under <distDir>/static. Next's floor is what every App Router
 * page loads whatever it contains: the build manifest's rootMainFiles (framework, main, runtime).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type JsSize = { name: string; path: string; scripts: number; kb: number; overFloorKb: number };

const gzipCache = new Map<string, number>();

function gzipBytes(file: string): number {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = gzipSync(fs.readFileSync(file), { level: 9 }).length;
    gzipCache.set(file, n);
  }
  return n;
}

/** The script files an HTML page loads, as paths under distDir. */
export function scriptsOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bnomodule\b/i.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (!src) continue;
    const url = new URL(src.replace(/&amp;/g, '&'), 'http://x');
    if (!url.pathname.startsWith('/_next/static/')) continue;
    out.add(decodeURIComponent(url.pathname.slice('/_next/'.length)));
  }
  return [...out];
}

function sumKb(distDir: string, files: string[]): number {
  let bytes = 0;
  for (const f of files) {
    const file = path.join(distDir, f);
    if (!fs.existsSync(file)) throw new Error(`A page loads ${f}, which is not in ${distDir}`);
    bytes += gzipBytes(file);
  }
  return bytes / 1024;
}

/** Next's own floor: the root main files every App Router page loads. */
export function nextFloorKb(distDir: string): { kb: number; files: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const files = (manifest.rootMainFiles ?? []).filter((f) => f.endsWith('.js'));
  return { kb: sumKb(distDir, files), files };
}

export async function measureJs(base: string, distDir: string, pages: { name: string; path: string }[]): Promise<{ floorKb: number; routes: JsSize[] }> {
  const floor = nextFloorKb(distDir);
  const routes: JsSize[] = [];
  for (const p of pages) {
    const res = await fetch(base + p.path);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`GET ${p.path} answered ${res.status} while measuring JS`);
    const files = scriptsOf(html);
    for (const f of floor.files) if (!files.includes(f)) files.push(f);
    const kb = sumKb(distDir, files);
    routes.push({ name: p.name, path: p.path, scripts: files.length, kb, overFloorKb: kb - floor.kb });
  }
  return { floorKb: floor.kb, routes };
}
