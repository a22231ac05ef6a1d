/**
 * Demo accounts for SAMPLE MODE ONLY (`npm run demo`, `db:setup` / `db:reset` on sample
 * data, and the browser tests). Their password is public — it is printed at start and written
 * in the README — so a real deployment never runs this: it starts from `npm run admin:create`.
 */
import type { DB } from '../client';
import type { Role } from '../schema';
import { insertUser } from '../admin/user-store';

export const DEMO_PASSWORD = 'fengtai-demo-2026';

export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  role: Role;
  providerId?: number;
  stationId?: number;
  note: string;
}[] = [
  { username: 'admin', displayName: '演示管理员', role: 'admin', note: '全部功能，含账号和节假日' },
  { username: 'editor', displayName: '演示编辑', role: 'editor', note: '课程、班期、驿站、招聘会' },
  { username: 'kangxin', displayName: '康馨养老护理学校', role: 'provider', providerId: 4, note: '只管本机构的课程和班期' },
  { username: 'youanmen', displayName: '右安门驿站', role: 'station', stationId: 1, note: '只管本驿站的时间和事项' },
];

export async function seedDemoAccounts(db: DB): Promise<number> {
  for (const a of DEMO_ACCOUNTS) await insertUser(db, { ...a, password: DEMO_PASSWORD });
  return DEMO_ACCOUNTS.length;
}
