import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { runCard } from '@/components/cards/card-data';
import { PrintCardPage } from '@/components/cards/print-card';
import { qrSvg } from '@/components/cards/qr';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { getCourseDetail } from '@/db/queries/courses';
import { parseRouteId } from '@/db/validation/search-params';

// Run status depends on Beijing's today.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; runId: string }> };

const load = cache(async (rawId: string, rawRun: string) => {
  const id = parseRouteId(rawId);
  const runId = parseRouteId(rawRun);
  const course = id === null || runId === null ? null : await getCourseDetail(id);
  const run = course?.runs.find((r) => r.id === runId);
  return course && run ? { course, run } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const found = await load(p.id, p.runId);
  return { title: found ? `${found.course.title} · ${t.pageTitleSuffix}` : t.notFoundTitle, robots: { index: false } };
}

/** One course run's printable 办事卡 (proxy.ts has already answered unknown or unpublished ids). */
export default async function RunCardPage({ params }: Props) {
  const p = await params;
  const found = await load(p.id, p.runId);
  if (!found) notFound();
  const card = runCard(found.course, found.run, siteUrl());
  return <PrintCardPage card={card} qr={await qrSvg(card.url)} />;
}
