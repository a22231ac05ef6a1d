import 'server-only';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can, type Actor } from '@/db/auth/permissions';
import { loadStationForAdmin, type StationEditData } from '@/db/admin/stations';
import { parseRouteId } from '@/db/validation/search-params';

export type StationPageLoad =
  | { kind: 'ok'; actor: Actor; data: StationEditData }
  | { kind: 'refused'; actor: Actor }
  | { kind: 'missing'; actor: Actor };

/**
 * Who is asking and for which station. A scoped account that reaches for another station, or
 * for an id that does not exist, is refused alike (it learns nothing about other stations).
 */
export async function loadStationPage(rawId: string, suffix: string): Promise<StationPageLoad> {
  const actor = await requirePageActor(`/admin/stations/${encodeURIComponent(rawId)}${suffix}`);
  const id = parseRouteId(rawId);
  const wide = can(actor, 'view', { kind: 'station', stationId: null });
  if (id === null) return wide ? { kind: 'missing', actor } : { kind: 'refused', actor };
  if (!can(actor, 'view', { kind: 'station', stationId: id })) return { kind: 'refused', actor };
  const data = loadStationForAdmin(getDb(), actor, id);
  if (!data) return wide ? { kind: 'missing', actor } : { kind: 'refused', actor };
  return { kind: 'ok', actor, data };
}
