import type { Database } from 'better-sqlite3';
import type { Cases } from './types';

/**
 * Direct-call cases for the 事项目录 action (see types.ts). Only 管理员 and 编辑 may correct the
 * catalogue, so a 驿站 account (youanmen) and a 培训机构 account must both be refused, with input
 * that would otherwise be valid, aimed at the first service.
 */
const FILE = 'app/admin/(console)/services/actions.ts';

function service(db: Database): { id: number; version: number } {
  return db.prepare('SELECT id, version FROM services ORDER BY sort, id LIMIT 1').get() as { id: number; version: number };
}

export const servicesCases: Cases = {
  [`${FILE}#updateServiceAction`]: {
    args: (db) => [{ ...service(db), materials: '被篡改的材料', online: false, onlineNote: '' }],
    scoped: 'youanmen',
  },
};
