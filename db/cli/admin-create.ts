/**
 * Creates an account from the command line — the way a real deployment gets its first
 * 管理员, since no account with a known password ever exists outside sample mode.
 *
 *   npm run admin:create -- --username zhangsan --name 张三 [--role admin|editor]
 *
 * The password is asked for twice without echo, or read from ADMIN_PASSWORD (for scripts).
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { openDatabase, resolveDatabasePath } from '../client';
import { insertUser, newUserProblems } from '../admin/user-store';
import { recordAudit } from '../admin/audit';
import { ROLE_LABELS } from '../auth/permissions';
import type { Role } from '../schema';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s);
      else if (s.includes('\n') || s.includes('\r')) process.stdout.write('\n');
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  if (!values.username || !values.name || (values.role !== 'admin' && values.role !== 'editor')) {
    console.error('用法：npm run admin:create -- --username 登录名 --name 姓名 [--role admin|editor]');
    console.error('（培训机构和驿站账号请由管理员在后台「账号」页面创建。）');
    process.exitCode = 2;
    return;
  }
  let password = process.env.ADMIN_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('请在终端里运行，或用环境变量 ADMIN_PASSWORD 提供密码。');
      process.exitCode = 2;
      return;
    }
    password = await askHidden('密码（至少 10 个字符）：');
    const again = await askHidden('再输入一次：');
    if (again !== password) {
      console.error('两次输入的密码不一样，什么也没有创建。');
      process.exitCode = 1;
      return;
    }
  }
  const db = openDatabase();
  const input = { username: values.username, displayName: values.name, password, role: values.role as Role };
  const problems = newUserProblems(db, input);
  if (Object.keys(problems).length > 0) {
    for (const m of Object.values(problems)) console.error(`· ${m}`);
    console.error('什么也没有创建。');
    process.exitCode = 1;
    db.$client.close();
    return;
  }
  let username = '';
  await insertUser(db, input, (id, stored) => {
    username = stored;
    recordAudit(db, {
      actor: null,
      actorName: '命令行 admin:create',
      action: 'create',
      entity: 'user',
      entityId: id,
      entityVersion: 1,
      summary: `创建账号 ${stored}（${ROLE_LABELS[input.role]}）`,
      after: { username: stored, displayName: input.displayName.trim(), role: input.role },
    });
  });
  db.$client.close();
  console.log(`已创建${ROLE_LABELS[input.role]}账号 ${username}（数据库：${resolveDatabasePath()}）。`);
  console.log('启动门户后打开 /admin/login 登录。');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
