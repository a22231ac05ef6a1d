/**
 * Where the links inside an admin preview lead: never to the public page of a draft (a 404 until
 * it is published), but to the admin-only preview copies of its calendar file and 办事卡, and to
 * admin pages for the rest. In the phone-width frame they open in the whole window ('_top').
 */
import type { CoursePageLinks } from '@/components/courses/links';
import type { FairPageLinks } from '@/components/fairs/fair-detail';

export function coursePreviewPath(courseId: number): string {
  return `/admin/courses/${courseId}/preview`;
}

export function fairPreviewPath(fairId: number): string {
  return `/admin/fairs/${fairId}/preview`;
}

/** `fairs`: whether the account may open fairs in admin (a 培训机构 may not: names are shown unlinked). */
export function coursePreviewLinks(courseId: number, opts: { frame: boolean; fairs: boolean }): CoursePageLinks {
  const base = coursePreviewPath(courseId);
  return {
    list: () => '/admin/courses',
    allRuns: () => `${base}?${opts.frame ? 'width=phone&' : ''}runs=all#runs`,
    runCalendar: (_c, runId) => `${base}/runs/${runId}/calendar`,
    runCard: (_c, runId) => `${base}/runs/${runId}/card`,
    fairs: opts.fairs ? '/admin/fairs' : null,
    fair: opts.fairs ? (fairId) => fairPreviewPath(fairId) : null,
    ...(opts.frame ? { target: '_top' as const } : {}),
  };
}

export function fairPreviewLinks(fairId: number, opts: { frame: boolean }): FairPageLinks {
  const base = fairPreviewPath(fairId);
  return {
    list: '/admin/fairs',
    calendar: () => `${base}/calendar`,
    card: () => `${base}/card`,
    // The fair's positions are kept on its admin page.
    jobs: () => `/admin/fairs/${fairId}`,
    course: (courseId) => coursePreviewPath(courseId),
    ...(opts.frame ? { target: '_top' as const } : {}),
  };
}
