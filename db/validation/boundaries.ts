/**
 * A GeoJSON file of 街镇 boundaries, as `npm run boundaries:import` reads it: a
 * FeatureCollection whose features carry properties.name (a 街镇 name) and a Polygon or
 * MultiPolygon in WGS-84 longitude/latitude. Every problem is reported, in Chinese, so one
 * run shows everything to fix.
 */
import * as z from 'zod';
import type { BoundaryGeometry } from '../domain/coverage';

/** Beijing municipality with a margin: a coordinate outside is a swapped pair or another datum. */
const BEIJING_BOX = { minLng: 115.3, maxLng: 117.6, minLat: 39.3, maxLat: 41.1 };

const position = z.array(z.number()).min(2);
const ring = z.array(position);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const feature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ name: z.string() }),
  geometry: z.unknown(),
});
const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1) });

export type ParsedBoundary = { name: string; geometry: BoundaryGeometry };

function ringProblem(r: number[][]): string | null {
  if (r.length < 4) return '有一个环少于 4 个点';
  const first = r[0]!;
  const last = r[r.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return '有一个环没有闭合（首尾坐标应相同）';
  for (const [lng, lat] of r) {
    if (lng! < BEIJING_BOX.minLng || lng! > BEIJING_BOX.maxLng || lat! < BEIJING_BOX.minLat || lat! > BEIJING_BOX.maxLat) {
      return `坐标 [${lng}, ${lat}] 不在北京范围内，请确认是 WGS-84 经纬度，且经度在前、纬度在后`;
    }
  }
  return null;
}

/**
 * Reads the file's text against the known 街镇 names. Either every feature is good, or
 * nothing is returned but the list of problems.
 */
export function parseBoundaryFile(
  text: string,
  streetNames: readonly string[],
): { ok: true; boundaries: ParsedBoundary[] } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`文件不是有效的 JSON：${(e as Error).message}`] };
  }
  const top = collection.safeParse(json);
  if (!top.success) return { ok: false, errors: ['文件应是一个 GeoJSON FeatureCollection（"type": "FeatureCollection"），且至少有一个要素'] };

  const known = new Set(streetNames);
  const seen = new Set<string>();
  const errors: string[] = [];
  const boundaries: ParsedBoundary[] = [];
  top.data.features.forEach((raw, i) => {
    const where = `第 ${i + 1} 个要素`;
    const f = feature.safeParse(raw);
    if (!f.success) {
      errors.push(`${where}：应是 "type": "Feature"，并在 properties.name 写明街镇名称`);
      return;
    }
    const name = f.data.properties.name.trim();
    const label = `${where}（${name || '无名称'}）`;
    if (!known.has(name)) {
      errors.push(`${label}：没有叫“${name}”的街镇，名称要和系统里的 26 个街镇完全一致，例如“右安门街道”“北宫镇”`);
      return;
    }
    if (seen.has(name)) {
      errors.push(`${label}：这个街镇在文件里出现了不止一次`);
      return;
    }
    seen.add(name);
    const g = geometry.safeParse(f.data.geometry);
    if (!g.success) {
      errors.push(`${label}：边界应是 Polygon 或 MultiPolygon，坐标为 [经度, 纬度] 数字`);
      return;
    }
    const rings = g.data.type === 'Polygon' ? g.data.coordinates : g.data.coordinates.flat();
    const problem = rings.map(ringProblem).find((p) => p !== null);
    if (problem) {
      errors.push(`${label}：${problem}`);
      return;
    }
    boundaries.push({ name, geometry: g.data as BoundaryGeometry });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, boundaries };
}
