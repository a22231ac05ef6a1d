import { listApiFairs } from '../_lib/fairs';
import { listRoute } from '../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = listRoute('fairs', (v, paging, base) => listApiFairs(v, paging, base));
