import type { Cases } from './types';

/**
 * Direct-call cases for the spreadsheets actions (see types.ts). Importing is for 管理员 and
 * 编辑 only, so a scoped account (培训机构 kangxin) is refused before the token is even looked
 * at; the token names no preview, so nothing could be written either way.
 */
export const spreadsheetsCases: Cases = {
  'app/admin/(console)/spreadsheets/import/actions.ts#confirmImport': { args: () => [{ token: 'no-such-preview-token-000' }], scoped: 'kangxin' },
  'app/admin/(console)/spreadsheets/import/actions.ts#discardImport': { args: () => [{ token: 'no-such-preview-token-000' }], scoped: 'youanmen' },
};
