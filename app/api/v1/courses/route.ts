import { listApiCourses } from '../_lib/courses';
import { listRoute } from '../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = listRoute('courses', (v, paging, base) => listApiCourses(v, paging, base));
