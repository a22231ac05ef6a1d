import { getApiCourse } from '../../_lib/courses';
import { detailRoute } from '../../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = detailRoute((id, base) => getApiCourse(id, base));
