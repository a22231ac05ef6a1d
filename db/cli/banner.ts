// Printed by `npm run demo` just before the server starts: where the portal is and how to sign in.
import { inArray } from 'drizzle-orm';
import { openDatabase } from '../client';
import { serverConfig } from '../config';
import { users } from '../schema';
import { ROLE_LABELS } from '../auth/permissions';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts';

const port = serverConfig().port ?? 3000;
const db = openDatabase();
const present = new Set(
  db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, DEMO_ACCOUNTS.map((a) => a.username)))
    .all()
    .map((u) => u.username),
);
db.$client.close();
const demo = DEMO_ACCOUNTS.filter((a) => present.has(a.username));
const line = '──────────────────────────────────────────────────────────';
const signIn =
  demo.length > 0
    ? [
        ` 管理后台：http://localhost:${port}/admin/login`,
        ` 演示账号（仅示例数据；密码都是 ${DEMO_PASSWORD}）：`,
        ...demo.map((a) => `   ${a.username.padEnd(10)} ${ROLE_LABELS[a.role]}：${a.note}`),
      ]
    : [` 管理后台：http://localhost:${port}/admin/login`, ' 还没有账号？运行 npm run admin:create 创建第一个管理员。'];
console.log(
  ['', line, ' 丰台公共就业与医保服务门户（示例数据）', ` 居民端：  http://localhost:${port}`, ...signIn, ' 停止：按 Ctrl+C', line, ''].join('\n'),
);
