import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { providers } from '@/db/schema';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { loadCourse } from '@/db/admin/courses';
import { runPlaceOptions, runResource, targetGroupOptions } from '@/db/admin/runs';
import { parseRouteId } from '@/db/validation/search-params';
import { addDays, beijingToday } from '@/db/domain/time';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { Refused } from '@/components/admin/refused';
import { RunForm } from '@/components/admin/courses/run-form';
import { newRunValues } from '@/components/admin/courses/run-values';
import { ct } from '@/components/admin/courses/strings';
import { createRunAction } from '../../../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: ct.addRun };

type Props = { params: Promise<{ id: string }> };

export default async function NewRunPage({ params }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/courses/${raw}/runs/new`);
  const id = parseRouteId(raw);
  const db = getDb();
  const course = id === null ? undefined : loadCourse(db, id);
  if (!course) notFound();
  if (!can(actor, 'create', runResource(course.providerId))) return <Refused />;
  const places = await runPlaceOptions(db, course.providerId);
  const phone = db.select({ phone: providers.phone }).from(providers).where(eq(providers.id, course.providerId)).get()?.phone ?? '';
  const start = addDays(beijingToday(), 21);
  const initial = newRunValues(course.id, {
    startDate: start,
    endDate: addDays(start, Math.max(0, (course.durationDays ?? 5) - 1)),
    deadline: addDays(start, -3),
    theoryPlaceId: places.find((p) => p.kind === 'classroom') ? String(places.find((p) => p.kind === 'classroom')!.id) : '',
    contactPhone: phone,
  });
  return (
    <div>
      <p className="mb-2">
        <Link href={`/admin/courses/${course.id}`} className="inline-flex min-h-12 items-center">
          {ct.backToCourse}
        </Link>
      </p>
      <PageHeader title={ct.runNewTitle(course.title)} lead={ct.newLead} />
      {course.publication === 'archived' ? (
        <Notice tone="warn">这门课程已归档，不能再添加班期。</Notice>
      ) : (
        <RunForm initial={initial} options={{ places, groups: await targetGroupOptions(db) }} published={false} courseId={course.id} action={createRunAction} />
      )}
    </div>
  );
}
