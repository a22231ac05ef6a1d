import { isAuditAction } from '@/db/admin/audit-actions';
import { auditText as t } from './strings';

/** Every action code has words (action-words.test.ts); a code from an older log still reads. */
export function actionWords(code: string): string {
  return isAuditAction(code) ? t.actions[code] : t.unknownAction(code);
}
