/** Where an audited record lives in the console, and where its own history is. */
import type { AuditEntity } from '@/db/enums';

/** The record's admin page, when it has one. */
export function recordHref(entity: AuditEntity, id: number | null, courseId?: number): string | null {
  if (!id) return null;
  switch (entity) {
    case 'run':
      return courseId ? `/admin/courses/${courseId}/runs/${id}` : null;
    case 'course':
      return `/admin/courses/${id}`;
    case 'station':
      return `/admin/stations/${id}`;
    case 'fair':
      return `/admin/fairs/${id}`;
    case 'user':
      return `/admin/users/${id}`;
    case 'calendar':
      return `/admin/calendar?year=${String(id).slice(0, 4)}`;
    case 'provider':
      return `/admin/orgs/providers/${id}`;
    case 'place':
      return `/admin/orgs/places/${id}`;
    case 'subsidy_rule':
      return `/admin/subsidy-rules/${id}`;
    case 'service':
      return `/admin/services/${id}`;
    default:
      return null;
  }
}

/** The record's 修改记录: the audit log narrowed to it, newest first. Without an id, every record of that kind. */
export function historyHref(entity: AuditEntity, id: number | null): string {
  return id ? `/admin/audit?entity=${entity}&id=${id}` : `/admin/audit?entity=${entity}`;
}
