/**
 * npm run db:backup [-- --out <file>]   online backup of DATABASE_PATH while the server runs
 * npm run db:restore -- <backup file>   put a backup back (stop the server first)
 *
 * See db/backup.ts. Sessions: cookies are signed with AUTH_SECRET, or without it with the key in
 * `<database>.auth-secret`, which is NOT inside the database. A restore keeps that key, so it
 * does not by itself sign anyone out; but sessions live in the admin_sessions table, so every
 * session started after the backup was taken is gone and those people must sign in again, and
 * sessions ended after the backup come back to life until their normal expiry.
 */
import path from 'node:path';
import { resolveDatabasePath } from '../client';
import { backupDatabase, defaultBackupPath, restoreDatabase, RestoreRefused } from '../backup';

function printCounts(counts: Record<string, number>) {
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(22)} ${n}`);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function backup(args: string[]) {
  const source = resolveDatabasePath();
  const outArg = option(args, '--out');
  const out = outArg ? path.resolve(outArg) : defaultBackupPath();
  console.log(`正在在线备份（服务可以继续运行）：${source}`);
  const r = await backupDatabase(source, out);
  if (!r.ok) {
    console.error(`备份文件检查未通过，请不要使用它：${r.file}`);
    for (const p of r.problems) console.error(`  - ${p}`);
    process.exitCode = 1;
    return;
  }
  console.log(`备份完成：${r.file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB，用时 ${r.ms} 毫秒）`);
  console.log('完整性检查：ok。备份时各表行数：');
  printCounts(r.counts);
  // A machine-readable last line, for scripts that compare counts after a restore.
  console.log(`BACKUP_REPORT ${JSON.stringify({ file: r.file, integrity: r.integrity, counts: r.counts })}`);
}

function restore(args: string[]) {
  const from = args.find((a) => !a.startsWith('--'));
  if (!from) {
    console.error('用法：npm run db:restore -- <备份文件>');
    process.exitCode = 2;
    return;
  }
  const target = resolveDatabasePath();
  console.log('请确认网站服务已经停止（恢复时服务仍在运行，会继续使用旧文件，恢复的数据看不到）。');
  try {
    const r = restoreDatabase(path.resolve(from), target);
    console.log(`已恢复：${r.restored}`);
    if (r.previous) console.log(`原来的数据库已保留为：${r.previous}`);
    console.log('恢复后各表行数：');
    printCounts(r.counts);
    console.log('登录密钥（AUTH_SECRET 或 .auth-secret 文件）不变；备份之后才登录的人需要重新登录。现在可以启动服务了。');
  } catch (e) {
    if (e instanceof RestoreRefused) {
      console.error(`没有恢复，数据库未改动。这个文件不能用来恢复：${from}`);
      for (const p of e.problems) console.error(`  - ${p}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}

const [command, ...rest] = process.argv.slice(2);
(async () => {
  if (command === 'backup') await backup(rest);
  else if (command === 'restore') restore(rest);
  else {
    console.error('用法：tsx db/cli/backup.ts backup [--out <文件>] | restore <备份文件>');
    process.exitCode = 2;
  }
})().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
