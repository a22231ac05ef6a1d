import { listApiRuns } from '../_lib/courses';
import { listRoute } from '../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = listRoute('runs', (v, paging, base) => listApiRuns(v, paging, base));
