import { getApiStation } from '../../_lib/stations';
import { detailRoute } from '../../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = detailRoute(async (id, base) => (await getApiStation(id, base))?.detail ?? null);
