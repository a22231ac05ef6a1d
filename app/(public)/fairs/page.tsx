import type { Metadata } from 'next';
import { cardText } from '@/components/cards/strings';
import { FairSearch } from '@/components/fairs/fair-search';
import { renderFairResults } from '@/components/fairs/fair-results';
import { fairSearchPage, fairText } from '@/components/fairs/strings';
import { listMapTiles } from '@/components/maps/page-tiles';
import { PageHeader } from '@/components/ui/page-header';
import { searchFairs } from '@/db/queries/fairs/list';
import { noteSearchMiss } from '../search-miss';

// Reads the database and Beijing's clock on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: fairText.listTitle,
  description: fairText.metaDescription,
  alternates: { types: { 'application/atom+xml': [{ url: '/feeds/fairs.xml', title: cardText.feedAlternateFairs }] } },
};

export default async function FairsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const result = fairSearchPage(await searchFairs(params));
  await noteSearchMiss('fairs', result);
  const map = listMapTiles(params);
  return (
    <>
      <PageHeader title={fairText.listTitle} lead={fairText.listLead} />
      <FairSearch initial={renderFairResults(result, map)} map={map} />
    </>
  );
}
