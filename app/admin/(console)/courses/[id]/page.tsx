import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { availableTransitions, can } from '@/db/auth/permissions';
import { courseDeletable, courseFormOptions, courseResource, courseRunList, loadCourse } from '@/db/admin/courses';
import { runResource } from '@/db/admin/runs';
import { getCoursePlan } from '@/db/admin/course-moves';
import { parseRouteId } from '@/db/validation/search-params';
import { COURSE_SECTIONS, type CourseFormValues } from '@/db/validation/admin/course';
import { costText, dateRangeText } from '@/db/domain/course-run';
import { formatInstant, fullDate } from '@/db/domain/time';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { LinkButton } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/admin/status-badge';
import { Refused } from '@/components/admin/refused';
import { LifecycleButtons } from '@/components/admin/lifecycle-buttons';
import { CourseForm } from '@/components/admin/courses/course-form';
import { DeleteDraft } from '@/components/admin/courses/record-actions';
import { COURSE_FIELD_LABELS, RUN_FIELD_LABELS, ct } from '@/components/admin/courses/strings';
import { courseMoveAsks, runMoveAsks } from '@/components/admin/courses/move-asks';
import { deleteCourseAction, transitionCourseAction, transitionRunAction, updateCourseAction } from '../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '修改课程' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditCoursePage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/courses/${raw}`);
  const id = parseRouteId(raw);
  const db = getDb();
  const course = id === null ? undefined : loadCourse(db, id);
  if (!course) notFound();
  if (!can(actor, 'view', courseResource(course))) return <Refused />;
  const editable = can(actor, 'edit', courseResource(course)) && course.publication !== 'archived';
  const runs = courseRunList(db, course.id);
  const plan = (await getCoursePlan(db, course.id))!;
  // Taken off the site after being live: its runs wait for the course, not for a first publication.
  const wasLive = course.publishedAt !== null && course.publication !== 'published';
  const created = (await searchParams).created === '1';
  const initial: CourseFormValues = {
    id: course.id,
    version: course.version,
    title: course.title,
    occupationId: String(course.occupationId),
    level: String(course.level),
    providerId: String(course.providerId),
    durationDays: course.durationDays === null ? '' : String(course.durationDays),
    summary: course.summary,
    ...Object.fromEntries(COURSE_SECTIONS.map((k) => [k, course[k]])),
  } as CourseFormValues;
  const moves = availableTransitions(actor, course.publication, courseResource(course));
  const runMovesFor = (pub: (typeof runs)[number]['publication']) => availableTransitions(actor, pub, runResource(course.providerId));

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2">
          <Link href="/admin/courses" className="inline-flex min-h-12 items-center">
            {ct.backToList}
          </Link>
        </p>
        <PageHeader title={ct.editTitle(course.title)}>
          <p className="mt-2 flex flex-wrap items-center gap-3">
            <StatusBadge publication={course.publication} />
            <Link href={`/admin/courses/${course.id}/preview`} className="inline-flex min-h-12 items-center">
              {ct.preview}
            </Link>
            {course.publication === 'published' ? (
              <a href={`/courses/${course.id}`} className="inline-flex min-h-12 items-center" data-testid="public-link">
                {ct.publicLink}
              </a>
            ) : (
              <span className="text-base text-muted" data-testid="public-link">
                {ct.notPublic(PUBLICATION_LABELS[course.publication])}
              </span>
            )}
          </p>
        </PageHeader>
        <HistoryLink actor={actor} entity="course" id={course.id} />
        {created && <Notice title={ct.created} live />}
        {course.stateNote && (
          <div className="mt-4" data-testid="state-note">
            <Notice tone={course.publication === 'withdrawn' ? 'bad' : 'warn'} title={course.publication === 'withdrawn' ? ct.withdrawnTitle : ct.returnedTitle}>
              <p className="whitespace-pre-line">{course.stateNote}</p>
              {course.stateNoteAt && <p className="text-muted">{ct.noteBy(course.stateNoteBy ?? '', formatInstant(course.stateNoteAt))}</p>}
            </Notice>
          </div>
        )}
      </div>

      <section aria-labelledby="lifecycle" className="rounded-xl border border-line bg-white p-4">
        <h2 id="lifecycle" className="mb-2 text-xl">
          {ct.lifecycle}
        </h2>
        {actor.role === 'provider' && <p className="mb-3 text-base text-muted">{ct.lifecycleProvider}</p>}
        <LifecycleButtons entity="course" id={course.id} version={course.version} moves={moves} action={transitionCourseAction} labels={COURSE_FIELD_LABELS} asks={courseMoveAsks(course.id, plan)} />
      </section>

      {editable ? (
        <CourseForm
          // A lifecycle move bumps the version: start the form again from the fresh record.
          key={course.publication}
          initial={initial}
          options={courseFormOptions(db, actor)}
          providerFixed={actor.role === 'provider'}
          published={course.publication === 'published'}
          action={updateCourseAction}
        />
      ) : (
        <Notice tone="warn">{course.publication === 'archived' ? '这门课程已归档。要修改，请先「恢复为草稿」。' : '您可以查看这门课程，但不能修改。'}</Notice>
      )}

      <section aria-labelledby="runs" className="space-y-4">
        <h2 id="runs" className="text-2xl">
          {ct.runsHeading}
        </h2>
        <p>{ct.runsIntro}</p>
        {can(actor, 'create', runResource(course.providerId)) && course.publication !== 'archived' && (
          <p>
            <LinkButton href={`/admin/courses/${course.id}/runs/new`}>{ct.addRun}</LinkButton>
          </p>
        )}
        {runs.length === 0 ? (
          <p>{ct.noRuns}</p>
        ) : (
          <ul className="space-y-3">
            {runs.map((r) => (
              <li key={r.id} id={`run-${r.id}`} className="scroll-mt-4 rounded-xl border border-line bg-white p-4" data-testid="admin-run">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h3 className="text-xl">
                    <Link href={`/admin/courses/${course.id}/runs/${r.id}`} className="inline-flex min-h-12 items-center">
                      {r.label}
                    </Link>
                  </h3>
                  <span className="flex flex-wrap items-center gap-2">
                    <StatusBadge publication={r.publication} />
                    {r.publication === 'published' && course.publication !== 'published' && <span className="text-base text-warn">{ct.runHiddenByCourse}</span>}
                  </span>
                </div>
                <p>
                  {ct.runDates(dateRangeText(r.startDate, r.endDate))} · {r.place}
                </p>
                <p className="text-base text-muted">
                  {ct.runSeats(r.seatsLeft, r.seats)} · {ct.runDeadline(fullDate(r.deadline))} · {costText(r)}
                </p>
                {r.publication !== 'published' && course.publication !== 'published' && runMovesFor(r.publication).includes('publish') && (
                  <p className="mt-2 text-base text-warn">{wasLive ? ct.courseWithdrawnRun : ct.courseNotPublished}</p>
                )}
                <div className="mt-3">
                  <LifecycleButtons
                    entity="run"
                    id={r.id}
                    version={r.version}
                    moves={runMovesFor(r.publication)}
                    action={transitionRunAction}
                    labels={RUN_FIELD_LABELS}
                    asks={runMoveAsks(course.id, plan, r.id, false)}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {can(actor, 'delete', courseResource(course)) && courseDeletable(db, course) && (
        <section aria-labelledby="delete" className="rounded-xl border border-line bg-white p-4">
          <h2 id="delete" className="mb-2 text-xl">
            {ct.deleteCourse}
          </h2>
          <DeleteDraft entity="course" id={course.id} version={course.version} label={ct.deleteCourse} help={ct.deleteCourseHelp} after="/admin/courses" action={deleteCourseAction} />
        </section>
      )}
    </div>
  );
}
