import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';

/**
 * The poster's CJK font, from the npm package @fontsource/noto-sans-sc, so no system font is
 * needed. Fontsource cuts Noto Sans SC into ~100 pieces by unicode-range (unicode.json); the
 * poster takes the pieces that hold the characters it draws and subsets each to exactly those
 * characters (subset-font, HarfBuzz), handing satori a few kilobytes of TrueType instead of
 * megabytes. Measured on this machine for a fair's poster (≈85 distinct characters, one weight):
 * 10 pieces, 28 KB, 55–110 ms; the one-file chinese-simplified cut subsets to 16 KB in 45–220 ms
 * but its coverage is not published, while the pieces together cover the whole font. Both weights
 * of a real poster: 14–24 pieces, 53–66 KB; the whole draw 200–300 ms.
 * satori reads TrueType/OTF/WOFF, not WOFF2, so the pieces are read as .woff.
 */

const PACKAGE_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans-sc');

export type PosterWeight = 400 | 700;
export type PosterFont = { name: string; data: Buffer; weight: PosterWeight; style: 'normal' };

type Piece = { id: string; ranges: [number, number][] };

let piecesPromise: Promise<Piece[]> | null = null;

/** Fontsource's unicode-range of each piece, read once. */
function pieces(): Promise<Piece[]> {
  piecesPromise ??= readFile(path.join(PACKAGE_DIR, 'unicode.json'), 'utf8').then((json) => {
    const table = JSON.parse(json) as Record<string, string>;
    // The numbered CJK pieces also claim ASCII in their ranges without drawing it: the named
    // alphabet pieces (latin, latin-ext …) are asked first.
    const entries = Object.entries(table).sort(([a], [b]) => Number(a.startsWith('[')) - Number(b.startsWith('[')));
    return entries.map(([key, ranges]) => ({
      id: key.replace(/^\[(\d+)\]$/, '$1'),
      ranges: ranges.split(',').map((r): [number, number] => {
        const [from = '', to] = r.trim().replace(/^U\+/i, '').split('-');
        const a = Number.parseInt(from, 16);
        return [a, to === undefined ? a : Number.parseInt(to, 16)];
      }),
    }));
  });
  return piecesPromise;
}

/** Which piece holds each character of `text` (characters no piece holds are left out). */
export async function piecesFor(text: string): Promise<Map<string, string>> {
  const all = await pieces();
  const byPiece = new Map<string, string>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20) continue;
    const piece = all.find((p) => p.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (piece) byPiece.set(piece.id, (byPiece.get(piece.id) ?? '') + ch);
  }
  return byPiece;
}

/**
 * `text` without the characters no piece holds (emoji, rare symbols). next/og would otherwise
 * fetch a font for them from Google Fonts at draw time: a network call from the server, and one
 * that fails or hangs where that address cannot be reached.
 */
export async function drawableText(text: string): Promise<string> {
  const all = await pieces();
  return [...text].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return ch === '\n' || all.some((p) => p.ranges.some(([a, b]) => cp >= a && cp <= b));
  }).join('');
}

/** The fonts satori needs to draw `text` at `weight`: one subset per piece, each under its own name (satori falls back across names). */
export async function posterFonts(text: string, weight: PosterWeight): Promise<PosterFont[]> {
  const byPiece = await piecesFor(text);
  return Promise.all(
    [...byPiece].map(async ([id, chars]) => {
      const woff = await readFile(path.join(PACKAGE_DIR, 'files', `noto-sans-sc-${id}-${weight}-normal.woff`));
      const data = await subsetFont(woff, chars, { targetFormat: 'truetype' });
      return { name: `noto-sc-${id}`, data, weight, style: 'normal' as const };
    }),
  );
}
