import { getApiFair } from '../../_lib/fairs';
import { detailRoute } from '../../_lib/http';

export const dynamic = 'force-dynamic';

export const GET = detailRoute((id, base) => getApiFair(id, base));
