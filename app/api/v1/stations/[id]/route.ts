import { getApiStation } from '@/db/queries/open-data';
import { detailRoute } from '../../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = detailRoute((id, base) => getApiStation(id, base)?.detail ?? null);
