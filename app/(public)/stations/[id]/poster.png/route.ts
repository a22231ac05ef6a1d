import { stationPoster } from '@/components/share/poster-data';
import { posterPng, posterResponse } from '@/app/_server/poster/render';
import { getStationDetail } from '@/db/queries/stations';
import { parseRouteId } from '@/db/validation/search-params';
import { siteUrl } from '@/db/site-url';

// A station's hours and publication come from the database.
export const dynamic = 'force-dynamic';

/** A published station's share poster (PNG); anything else 404 (proxy.ts answers first). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId((await params).id);
  if (id === null) return posterResponse(null);
  return posterResponse(await posterPng(`station:${id}`, async () => {
    const s = await getStationDetail(id);
    return s && stationPoster(s, siteUrl());
  }));
}
