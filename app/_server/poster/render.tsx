import 'server-only';
import { ImageResponse } from 'next/og';
import QRCode from 'qrcode';
import { changeStamp } from '@/db/queries/content-stamp';
import { beijingToday } from '@/db/domain/time';
import { posterChars, type PosterData } from '@/components/share/poster-data';
import { POSTER_FIXED_WORDS, POSTER_HEIGHT, POSTER_WIDTH, PosterImage } from '@/components/share/poster';
import { drawableText, posterFonts } from './font';

/**
 * A record's share poster as PNG bytes, drawn by next/og (satori + resvg) with the subset CJK
 * font (./font.ts). Kept per record and content version: the change stamp moves on every write
 * to a content table (db/queries/content-stamp.ts) and the Beijing date is in the key, so an
 * edited or withdrawn record, or a run that stopped taking sign-ups at midnight, draws anew.
 */

const MAX_ENTRIES = 64;
const g = globalThis as unknown as { __portalPosters?: Map<string, Promise<Uint8Array>> };
const cache = (g.__portalPosters ??= new Map());

/** The poster's words with only characters the font holds (see drawableText). */
async function drawable(p: PosterData): Promise<PosterData> {
  const clean = (s: string) => drawableText(s);
  return {
    kind: await clean(p.kind),
    title: await clean(p.title),
    rows: await Promise.all(p.rows.map(async (r) => ({ label: await clean(r.label), lines: await Promise.all(r.lines.map(clean)) }))),
    phone: p.phone === null ? null : await clean(p.phone),
    url: p.url,
  };
}

async function draw(raw: PosterData): Promise<Uint8Array> {
  const data = await drawable(raw);
  const chars = posterChars(data, POSTER_FIXED_WORDS);
  const [regular, bold] = await Promise.all([posterFonts(chars, 400), posterFonts(chars, 700)]);
  const svg = await QRCode.toString(data.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const fonts = [...regular, ...bold];
  const res = new ImageResponse(<PosterImage data={data} qr={qr} fontFamily={fonts[0]?.name ?? 'sans-serif'} />, {
    width: POSTER_WIDTH,
    height: POSTER_HEIGHT,
    fonts,
  });
  return new Uint8Array(await res.arrayBuffer());
}

/** The poster of `key` (e.g. 'fair:12'), drawn once per content version and day. */
export async function posterPng(key: string, data: () => Promise<PosterData | null>): Promise<Uint8Array | null> {
  const version = `${key}|${changeStamp()}|${beijingToday(new Date())}`;
  const hit = cache.get(version);
  if (hit) return hit;
  const d = await data();
  if (!d) return null;
  const pending = draw(d);
  cache.set(version, pending);
  pending.catch(() => cache.delete(version));
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return pending;
}

/** The HTTP answer for a poster: a PNG, or the site's 404 when the record is not public. */
export function posterResponse(png: Uint8Array | null): Response {
  if (!png) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(png as BodyInit, {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.byteLength),
      // Shared caches may keep it a few minutes; an edit shows at the next fetch after that.
      'cache-control': 'public, max-age=300',
    },
  });
}
