import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { courseFormOptions } from '@/db/admin/courses';
import type { CourseFormValues } from '@/db/validation/admin/course';
import { PageHeader } from '@/components/ui/page-header';
import { Refused } from '@/components/admin/refused';
import { CourseForm } from '@/components/admin/courses/course-form';
import { ct } from '@/components/admin/courses/strings';
import { createCourseAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: ct.newTitle };

export default async function NewCoursePage() {
  const actor = await requirePageActor('/admin/courses/new');
  const scoped = actor.role === 'provider';
  if (!can(actor, 'create', { kind: 'course', providerId: scoped ? actor.providerId : null })) return <Refused />;
  const initial: CourseFormValues = {
    title: '',
    occupationId: '',
    level: '',
    providerId: scoped && actor.providerId ? String(actor.providerId) : '',
    durationDays: '',
    summary: '',
    suitableFor: '',
    requirements: '',
    content: '',
    method: '',
    materials: '',
    assessment: '',
    outcomes: '',
  };
  return (
    <div>
      <p className="mb-2">
        <Link href="/admin/courses" className="inline-flex min-h-12 items-center">
          {ct.backToList}
        </Link>
      </p>
      <PageHeader title={ct.newTitle} lead={ct.newLead} />
      <CourseForm initial={initial} options={courseFormOptions(getDb(), actor)} providerFixed={scoped} published={false} action={createCourseAction} />
    </div>
  );
}
