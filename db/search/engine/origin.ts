/**
 * The one near-me origin encoding for every list. Canonical: `near=s12` (the centre of 街镇 12),
 * `near=p7` (landmark place 7), or `lat=39.8500&lng=116.2900` (the device). Older addresses keep
 * working: the course list's `from=street-12` / `from=place-7` read as the same origins, and the
 * canonical query a result returns writes the new form.
 */
import { and, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { places, streets } from '../../schema';
import { insideArea } from '../../domain/area';
import type { OriginRef, ResolvedOrigin } from './types';

/** Parameters the origin may arrive in (a list's own shape must not use them). */
export const ORIGIN_PARAMS = ['near', 'from', 'lat', 'lng'] as const;

const NEAR = /^([sp])([1-9]\d{0,8})$/;
const OLD_FROM = /^(street|place)-([1-9]\d{0,8})$/;

/** The origin asked for; 'invalid' when a parameter was given but could not be read. */
export function parseOrigin(sp: URLSearchParams): OriginRef | 'invalid' | null {
  const near = sp.get('near')?.trim() || sp.get('from')?.trim() || '';
  if (near) {
    const m = NEAR.exec(near) ?? OLD_FROM.exec(near);
    if (!m) return 'invalid';
    return { kind: m[1]!.startsWith('s') ? 'street' : 'place', id: Number(m[2]) };
  }
  const lat = sp.get('lat')?.trim();
  const lng = sp.get('lng')?.trim();
  if (!lat && !lng) return null;
  const la = Number(lat);
  const ln = Number(lng);
  if (!lat || !lng || !Number.isFinite(la) || !Number.isFinite(ln) || !insideArea(la, ln)) return 'invalid';
  return { kind: 'device', lat: la, lng: ln };
}

/** The canonical parameters of an origin. */
export function originParams(ref: OriginRef): [string, string][] {
  if (ref.kind === 'device') return [['lat', ref.lat.toFixed(4)], ['lng', ref.lng.toFixed(4)]];
  return [['near', originValue(ref)]];
}

/** The canonical `near` value ('s12', 'p7'), or 'lat,lng' for a device. */
export function originValue(ref: OriginRef): string {
  if (ref.kind === 'street') return `s${ref.id}`;
  if (ref.kind === 'place') return `p${ref.id}`;
  return `${ref.lat.toFixed(4)},${ref.lng.toFixed(4)}`;
}

/** Where the origin is, with its name; null when it names nothing (a removed street or place). */
export async function resolveOrigin(db: DB, ref: OriginRef): Promise<ResolvedOrigin | null> {
  if (ref.kind === 'device') return { ref, lat: ref.lat, lng: ref.lng, name: null };
  const row =
    ref.kind === 'street'
      ? db.select({ name: streets.name, lat: streets.lat, lng: streets.lng }).from(streets).where(eq(streets.id, ref.id)).get()
      : db
          .select({ name: places.name, lat: places.lat, lng: places.lng })
          .from(places)
          .where(and(eq(places.id, ref.id), eq(places.kind, 'landmark')))
          .get();
  return row ? { ref, lat: row.lat, lng: row.lng, name: row.name } : null;
}

/** Squared planar distance in square metres: exact enough to order places within a district. */
export function distance2(o: { lat: number; lng: number }, lat: number, lng: number): number {
  const ky = 111_320;
  const kx = 111_320 * Math.cos((o.lat * Math.PI) / 180);
  const dy = (lat - o.lat) * ky;
  const dx = (lng - o.lng) * kx;
  return dx * dx + dy * dy;
}
