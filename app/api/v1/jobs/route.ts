import { listApiJobs } from '../_lib/jobs';
import { listRoute } from '../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = listRoute('jobs', (v, paging, base) => listApiJobs(v, paging, base));
