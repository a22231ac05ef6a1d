/**
 * What an admin preview may show, for the preview pages, the phone-width frame and the preview
 * copies of the calendar file and 办事卡: the record in any state (drafts included), once the
 * actor's right to see THAT record is checked — a 培训机构 sees its own courses only, fairs are
 * for 编辑 and 管理员. The caller has the session already (requirePageActor or routeActor).
 */
import 'server-only';
import { getDb } from '@/db';
import { can, type Actor } from '@/db/auth/permissions';
import { courseResource, courseRunList, loadCourse } from '@/db/admin/courses';
import { getCourseDetail, type CourseDetail } from '@/db/queries/courses';
import { getFairDetail } from '@/db/queries/fairs/detail';
import type { FairDetail } from '@/db/queries/fairs/types';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import type { Publication } from '@/db/enums';
import { fairs } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { parseRouteId } from '@/db/validation/search-params';

export type Refusal = 'not-found' | 'forbidden';

export type CoursePreview = {
  detail: CourseDetail;
  publication: Publication;
  /** Runs that residents would not see yet (draft or in review). */
  hiddenRuns: number;
  /** Whether the account may open fairs in admin (the course's linked jobs lead there). */
  seesFairs: boolean;
};

export async function loadCoursePreview(actor: Actor, rawId: string, now = new Date()): Promise<CoursePreview | Refusal> {
  const id = parseRouteId(rawId);
  const db = getDb();
  const course = id === null ? undefined : loadCourse(db, id);
  if (!course) return 'not-found';
  if (!can(actor, 'view', courseResource(course))) return 'forbidden';
  // Admin-only option: the actor may see this course in any state.
  const detail = await getCourseDetail(course.id, now, { includeUnpublished: true });
  if (!detail) return 'not-found';
  const hiddenRuns = courseRunList(db, course.id).filter((r) => r.publication !== 'published' && r.publication !== 'archived').length;
  return { detail, publication: course.publication, hiddenRuns, seesFairs: can(actor, 'view', { kind: 'fair' }) };
}

export type FairPreview = { detail: FairDetail; publication: Publication; publicationLabel: string };

export async function loadFairPreview(actor: Actor, rawId: string, now = new Date()): Promise<FairPreview | Refusal> {
  if (!can(actor, 'view', { kind: 'fair' })) return 'forbidden';
  const id = parseRouteId(rawId);
  // Admin-only option: the actor may see fairs in any state.
  const detail = id === null ? null : await getFairDetail(id, now, { includeUnpublished: true });
  if (!detail || id === null) return 'not-found';
  const publication = getDb().select({ publication: fairs.publication }).from(fairs).where(eq(fairs.id, id)).get()?.publication;
  if (!publication) return 'not-found';
  return { detail, publication, publicationLabel: PUBLICATION_LABELS[publication] };
}
