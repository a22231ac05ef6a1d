'use server';
/**
 * Server actions of the 事项目录 pages: the gated write of db/admin/services.ts (管理员 and 编辑,
 * asked before the input is read; then the form's schema, the version and one audited
 * transaction), made into an action by adminAction(), worded with the catalogue's words.
 */
import { adminAction } from '@/db/admin/action';
import { updateService } from '@/db/admin/services';
import { worded } from '@/components/admin/field-words';
import { SERVICE_WORDS, serviceAdmin as t } from '@/components/admin/services/strings';

export const updateServiceAction = worded(adminAction(updateService, t.saved), SERVICE_WORDS);
