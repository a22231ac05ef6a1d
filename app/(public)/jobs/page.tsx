import type { Metadata } from 'next';
import { JobSearch } from '@/components/jobs/job-search';
import { renderJobResults } from '@/components/jobs/job-results';
import { jobSearchPage, jobText } from '@/components/jobs/strings';
import { listMapTiles } from '@/components/maps/page-tiles';
import { PageHeader } from '@/components/ui/page-header';
import { listCourseOrigins } from '@/db/queries/courses/origins';
import { searchJobs } from '@/db/queries/jobs/list';
import { noteSearchMiss } from '../search-miss';

// Reads the database and Beijing's clock on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: jobText.listTitle,
  description: jobText.metaDescription,
};

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const [result, origins] = await Promise.all([searchJobs(params), listCourseOrigins()]);
  await noteSearchMiss('jobs', result);
  const map = listMapTiles(params);
  return (
    <>
      <PageHeader title={jobText.listTitle} lead={jobText.listLead} />
      <JobSearch initial={renderJobResults(jobSearchPage(result), map)} origins={origins} map={map} />
    </>
  );
}
