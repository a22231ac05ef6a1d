/**
 * npm run boundaries:import -- <file.geojson>
 * Loads real 街镇 boundaries for the 15分钟服务圈 view. Checks the whole file first and changes
 * nothing if anything is wrong; otherwise writes every boundary in one transaction.
 * The database is DATABASE_PATH or db/data/portal.sqlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, resolveDatabasePath } from '../client';
import { importBoundaries } from '../admin/boundaries';

const file = process.argv[2];
if (!file) {
  console.error('用法：npm run boundaries:import -- <街镇边界.geojson>');
  process.exit(2);
}
let text: string;
try {
  text = fs.readFileSync(file, 'utf8');
} catch (e) {
  console.error(`读不到文件 ${file}：${(e as Error).message}`);
  process.exit(1);
}
const dbFile = resolveDatabasePath();
const db = openDatabase(dbFile);
const result = importBoundaries(db, text, `${path.basename(file)} ${new Date().toISOString().slice(0, 10)}`);
if (!result.ok) {
  console.error(`文件有 ${result.errors.length} 处问题，数据库没有任何改动：`);
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exitCode = 1;
} else {
  console.log(`已导入 ${result.written.length} 个街镇的边界（${dbFile}）：${result.written.join('、')}`);
  console.log('其余街镇仍按最近中心近似划分。');
}
db.$client.close();
