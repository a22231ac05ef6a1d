import { listApiStations } from '../_lib/stations';
import { listRoute } from '../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = listRoute('stations', (v, paging, base) => listApiStations(v, paging, base));
