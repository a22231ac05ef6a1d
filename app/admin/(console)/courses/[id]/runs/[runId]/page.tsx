import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { availableTransitions, can } from '@/db/auth/permissions';
import { loadCourse } from '@/db/admin/courses';
import { runDeletable, runPlaceOptions, runResource, runWithChildren, targetGroupOptions } from '@/db/admin/runs';
import { parseRouteId } from '@/db/validation/search-params';
import { addDays, formatInstant } from '@/db/domain/time';
import { getCoursePlan } from '@/db/admin/course-moves';
import { runMoveAsks } from '@/components/admin/courses/move-asks';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/admin/status-badge';
import { Refused } from '@/components/admin/refused';
import { LifecycleButtons } from '@/components/admin/lifecycle-buttons';
import { RunForm } from '@/components/admin/courses/run-form';
import { CloneRun, DeleteDraft } from '@/components/admin/courses/record-actions';
import { runToFormValues } from '@/components/admin/courses/run-values';
import { RUN_FIELD_LABELS, ct } from '@/components/admin/courses/strings';
import { cloneRunAction, deleteRunAction, transitionRunAction, updateRunAction } from '../../../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: ct.editRun };

type Props = { params: Promise<{ id: string; runId: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditRunPage({ params, searchParams }: Props) {
  const p = await params;
  const actor = await requirePageActor(`/admin/courses/${p.id}/runs/${p.runId}`);
  const courseId = parseRouteId(p.id);
  const runId = parseRouteId(p.runId);
  const db = getDb();
  const run = runId === null ? undefined : await runWithChildren(db, runId);
  if (!run || run.courseId !== courseId) notFound();
  const course = loadCourse(db, run.courseId);
  if (!course) notFound();
  const resource = runResource(course.providerId);
  if (!can(actor, 'view', resource)) return <Refused />;
  const editable = can(actor, 'edit', resource) && run.publication !== 'archived';
  const moves = availableTransitions(actor, run.publication, resource);
  const created = (await searchParams).created === '1';
  const plan = await getCoursePlan(db, course.id);
  const live = run.publication === 'published' && course.publication === 'published';
  const wasLive = course.publishedAt !== null && course.publication !== 'published';

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2">
          <Link href={`/admin/courses/${course.id}#run-${run.id}`} className="inline-flex min-h-12 items-center">
            {ct.backToCourse}
          </Link>
        </p>
        <PageHeader title={ct.runEditTitle(run.label, course.title)}>
          <p className="mt-2 flex flex-wrap items-center gap-3">
            <StatusBadge publication={run.publication} />
            <span className="text-base text-muted">课程状态：</span>
            <StatusBadge publication={course.publication} />
            {run.publication === 'published' && course.publication !== 'published' && <span className="text-base text-warn">{ct.runHiddenByCourse}</span>}
            {live ? (
              <a href={`/courses/${course.id}#run-${run.id}`} className="inline-flex min-h-12 items-center" data-testid="public-link">
                {ct.runPublicLink}
              </a>
            ) : (
              <span className="text-base text-muted" data-testid="public-link">
                {ct.runNotPublic}
              </span>
            )}
          </p>
        </PageHeader>
        <HistoryLink actor={actor} entity="run" id={run.id} />
        {created && <Notice title={ct.created} live />}
        {(run.stateNote || course.stateNote) && (
          <div className="mt-4" data-testid="state-note">
            {[run, course]
              .filter((x, i) => x.stateNote && (i === 0 || x.stateNote !== run.stateNote))
              .map((x) => (
                <Notice key={x === run ? 'run' : 'course'} tone={x.publication === 'withdrawn' ? 'bad' : 'warn'} title={x.publication === 'withdrawn' ? ct.withdrawnTitle : ct.returnedTitle}>
                  <p className="whitespace-pre-line">{x.stateNote}</p>
                  {x.stateNoteAt && <p className="text-muted">{ct.noteBy(x.stateNoteBy ?? '', formatInstant(x.stateNoteAt))}</p>}
                </Notice>
              ))}
          </div>
        )}
      </div>

      <section aria-labelledby="lifecycle" className="rounded-xl border border-line bg-white p-4">
        <h2 id="lifecycle" className="mb-2 text-xl">
          {ct.lifecycle}
        </h2>
        {actor.role === 'provider' && <p className="mb-3 text-base text-muted">{ct.lifecycleProvider}</p>}
        {course.publication !== 'published' && moves.includes('publish') && <p className="mb-3 text-warn">{wasLive ? ct.courseWithdrawnRun : ct.courseNotPublished}</p>}
        <LifecycleButtons entity="run" id={run.id} version={run.version} moves={moves} action={transitionRunAction} labels={RUN_FIELD_LABELS} asks={runMoveAsks(course.id, plan, run.id, true)} />
      </section>

      {editable ? (
        <RunForm
          key={run.publication}
          initial={runToFormValues(run)}
          options={{ places: await runPlaceOptions(db, course.providerId), groups: await targetGroupOptions(db) }}
          published={run.publication === 'published'}
          courseId={course.id}
          action={updateRunAction}
        />
      ) : (
        <Notice tone="warn">{run.publication === 'archived' ? '这个班期已归档。要修改，请先「恢复为草稿」。' : '您可以查看这个班期，但不能修改。'}</Notice>
      )}

      {can(actor, 'create', resource) && course.publication !== 'archived' && (
        <section aria-labelledby="clone" className="rounded-xl border border-line bg-white p-4">
          <h2 id="clone" className="mb-2 text-xl">
            {ct.clone}
          </h2>
          <CloneRun id={run.id} courseId={course.id} initial={{ startDate: addDays(run.startDate, 28), label: '' }} action={cloneRunAction} />
        </section>
      )}

      {can(actor, 'delete', resource) && await runDeletable(db, run) && (
        <section aria-labelledby="delete" className="rounded-xl border border-line bg-white p-4">
          <h2 id="delete" className="mb-2 text-xl">
            {ct.deleteRun}
          </h2>
          <DeleteDraft entity="run" id={run.id} version={run.version} label={ct.deleteRun} help={ct.deleteRunHelp} after={`/admin/courses/${course.id}`} action={deleteRunAction} />
        </section>
      )}
    </div>
  );
}
