/**
 * Draws the home-screen icons in public/icons/ from app/icon.svg, so the PNGs and the favicon
 * cannot drift apart. Run after changing app/icon.svg, and commit the PNGs:
 *   node --conditions=react-server --import tsx app/_server/icons/render-icons.tsx
 * It uses next/og (satori + resvg, already part of Next), so no image tool is needed.
 *
 * - icon-192.png, icon-512.png: the icon as it is (purpose "any");
 * - icon-maskable-512.png: the same mark on a full-bleed square, shrunk into the middle, so
 *   a launcher's circle or squircle mask never cuts it (the safe zone is the middle 80 %);
 * - public/apple-touch-icon.png (180, where iOS looks for it): iOS adds its own rounded corners, so a full-bleed square too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import React from 'react';
import { ImageResponse } from 'next/og';

const root = process.cwd();
const svg = readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8');
const fill = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '#0b4ea2';
const mark = /<path[^>]*\/>/.exec(svg)?.[0];
if (!mark) throw new Error('app/icon.svg has no <path> to draw');

/** The mark on a full square: the 64-unit drawing centred in a `box`-unit square. */
function fullBleed(box: number): string {
  const pad = (box - 64) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${box} ${box}"><rect x="${-pad}" y="${-pad}" width="${box}" height="${box}" fill="${fill}"/>${mark}</svg>`;
}

async function png(source: string, size: number, file: string): Promise<void> {
  const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  // eslint-disable-next-line @next/next/no-img-element -- satori draws <img>
  const res = new ImageResponse(<img src={src} width={size} height={size} alt="" />, { width: size, height: size });
  const out = Buffer.from(await res.arrayBuffer());
  writeFileSync(path.join(root, 'public', 'icons', file), out);
  console.log(`${path.join("public", "icons", file)}: ${size}×${size}, ${out.length} bytes`);
}

(async () => {
  await png(svg, 192, 'icon-192.png');
  await png(svg, 512, 'icon-512.png');
  // 64 units of drawing in 90: the mark (11–55 of 64 with its strokes) stays inside the middle 80 %.
  await png(fullBleed(90), 512, 'icon-maskable-512.png');
  await png(fullBleed(80), 180, '../apple-touch-icon.png');
})();
