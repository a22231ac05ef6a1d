import { coursePoster } from '@/components/share/poster-data';
import { posterPng, posterResponse } from '@/app/_server/poster/render';
import { getCourseDetail } from '@/db/queries/courses';
import { parseRouteId } from '@/db/validation/search-params';
import { siteUrl } from '@/db/site-url';

// Which run is next depends on Beijing's today.
export const dynamic = 'force-dynamic';

/** A published course's share poster (PNG); anything else 404 (proxy.ts answers first). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId((await params).id);
  if (id === null) return posterResponse(null);
  return posterResponse(await posterPng(`course:${id}`, async () => {
    const c = await getCourseDetail(id);
    return c && coursePoster(c, siteUrl());
  }));
}
