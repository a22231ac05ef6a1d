/**
 * Database commands: `migrate`, `init` (migrate, then reference data only if empty: a real
 * deployment), `seed`, `setup` (migrate, then sample data if empty) and `reset` (wipe and
 * reseed). The database is DATABASE_PATH or db/data/portal.sqlite.
 * Sample data is dated relative to today in Beijing, so it always has upcoming events.
 * Every command ends by offering the default subsidy rules to a database that predates them
 * (db/seed/subsidy-rules.ts), and by rewriting search documents stored in an older shape
 * (db/search/refresh.ts): opening a connection writes nothing, so this is where it happens.
 */
import { count } from 'drizzle-orm';
import { openDatabase, resolveDatabasePath } from '../client';
import { streets } from '../schema';
import { beijingToday } from '../domain/time';
import { clearAllData, seedReferenceData, seedSampleData } from '../seed';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../seed/demo-accounts';
import { offerDefaultSubsidyRulesOnce } from '../seed/subsidy-rules';
import { refreshSearchDocuments } from '../search/refresh';

const command = process.argv[2];
const file = resolveDatabasePath();

function printCounts(counts: Record<string, number>) {
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(22)} ${n}`);
}

async function main() {
  const db = openDatabase(file);
  const today = process.env.SEED_TODAY || beijingToday();
  const isEmpty = () => db.select({ n: count() }).from(streets).get()!.n === 0;
  switch (command) {
    case 'migrate':
      console.log(`数据库已是最新结构：${file}`);
      break;
    case 'init':
      if (isEmpty()) {
        console.log(`正在写入基础数据（街镇、医保事项、工种、人群、节假日；不含示例数据和演示账号）：${file}`);
        printCounts(seedReferenceData(db));
      } else {
        console.log(`数据库已有数据，未改动：${file}`);
      }
      console.log('下一步：用 npm run admin:create -- --username <登录名> --name <姓名> 创建第一个管理员。');
      break;
    case 'setup':
      if (isEmpty()) {
        console.log(`正在写入示例数据（以 ${today} 为今天）：${file}`);
        printCounts(seedSampleData(db, { today }));
        await demoAccounts(db);
      } else {
        console.log(`数据库已有数据，未重新写入示例数据：${file}`);
      }
      break;
    case 'seed':
      if (!isEmpty()) {
        console.error('数据库已有数据。要清空后重新写入示例数据，请运行 npm run db:reset');
        process.exitCode = 1;
        break;
      }
      printCounts(seedSampleData(db, { today }));
      await demoAccounts(db);
      break;
    case 'reset':
      clearAllData(db);
      console.log(`已清空并重新写入示例数据（以 ${today} 为今天）：${file}`);
      printCounts(seedSampleData(db, { today }));
      await demoAccounts(db);
      break;
    default:
      console.error('用法：tsx db/cli/run.ts migrate|init|setup|seed|reset');
      process.exitCode = 2;
      db.$client.close();
      return;
  }
  // After the seed, so a freshly seeded database is only marked as offered (its rules came
  // with the reference data) and a 管理员 who later deletes them is not overruled.
  const offered = offerDefaultSubsidyRulesOnce(db);
  if (offered > 0) console.log(`已补上 ${offered} 条默认补贴自测规则（这个数据库建于自测功能之前）：${file}`);
  if (refreshSearchDocuments(db)) console.log(`已按新的检索范围重建搜索索引：${file}`);
  db.$client.close();
}

/** Sample mode only: accounts whose password is public (see db/seed/demo-accounts.ts). */
async function demoAccounts(db: ReturnType<typeof openDatabase>) {
  await seedDemoAccounts(db);
  console.log(`  演示账号 ${DEMO_ACCOUNTS.map((a) => a.username).join('、')}（仅示例数据，密码见 README）`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
