import { fairPoster } from '@/components/share/poster-data';
import { posterPng, posterResponse } from '@/app/_server/poster/render';
import { getFairDetail } from '@/db/queries/fairs/detail';
import { siteUrl } from '@/db/site-url';
import { parseFairId } from '../fair-id';

// The fair's status follows the clock and the database.
export const dynamic = 'force-dynamic';

/** A published fair's share poster (PNG); anything else 404 (proxy.ts answers first). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseFairId((await params).id);
  if (id === null) return posterResponse(null);
  return posterResponse(await posterPng(`fair:${id}`, async () => {
    const f = await getFairDetail(id);
    return f && fairPoster(f, siteUrl());
  }));
}
