import Link from 'next/link';
import { can, type Actor } from '@/db/auth/permissions';
import type { AuditEntity } from '@/db/enums';
import { historyHref } from './hrefs';
import { auditText as t } from './strings';

/**
 * 修改记录: a record's own history in the audit log (newest first, in words). Shown only to those
 * who may read the log (管理员, 编辑); one line on each record's page.
 */
export function HistoryLink({ actor, entity, id, className = 'mt-1' }: { actor: Actor; entity: AuditEntity; id?: number | null; className?: string }) {
  if (!can(actor, 'view', { kind: 'audit' })) return null;
  return (
    <p className={className}>
      <Link href={historyHref(entity, id ?? null)} className="inline-flex min-h-12 items-center" data-testid="history-link">
        {t.history}
      </Link>
    </p>
  );
}
