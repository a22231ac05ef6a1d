/**
 * Online backup and restore of the portal database (npm run db:backup / db:restore).
 *
 * Backup uses SQLite's online backup API through better-sqlite3 (`db.backup()`): it copies the
 * live file while the server keeps reading and writing (WAL mode), in one step after the first,
 * so no write by another connection can restart it and the copy is one consistent moment. The copy is then
 * opened read-only and checked (PRAGMA integrity_check) and its row counts are reported.
 *
 * Restore refuses anything that is not a sound portal database (integrity, the expected tables,
 * only migrations this code knows), keeps the current file as `<db>.before-restore`, and swaps
 * the new file in atomically (copy to a temp file beside it, then rename). The server must be
 * stopped first: a running server keeps its open handle on the old file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beijingNow } from './domain/time';

/** Tables a portal database must have (the data the bureau publishes and its accounts). */
export const REQUIRED_TABLES = [
  'streets',
  'providers',
  'courses',
  'course_runs',
  'stations',
  'station_hours',
  'fairs',
  'fair_employers',
  'fair_positions',
  'users',
  'audit_log',
  '__drizzle_migrations',
] as const;

export type Inspection = {
  ok: boolean;
  /** Chinese reasons the file is not usable, empty when ok. */
  problems: string[];
  integrity: string;
  counts: Record<string, number>;
  migrations: number;
};

function migrationJournal(): number[] {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations/meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { when: number }[] };
  return journal.entries.map((e) => e.when);
}

/** Row counts of every ordinary table (FTS shadow tables and SQLite's own left out). */
export function rowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = sqlite.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number;
  return out;
}

/** Opens `file` read-only and says whether it is a sound portal database. Never changes it. */
export function inspectDatabase(file: string): Inspection {
  const problems: string[] = [];
  if (!fs.existsSync(file)) return { ok: false, problems: [`找不到文件：${file}`], integrity: '', counts: {}, migrations: 0 };
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') problems.push(`数据库完整性检查未通过：${integrity.slice(0, 200)}`);
    const tables = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) problems.push(`缺少门户的数据表：${missing.join('、')}`);
    let migrations = 0;
    if (tables.has('__drizzle_migrations')) {
      const applied = sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as number[];
      const known = new Set(migrationJournal());
      const unknown = applied.filter((w) => !known.has(Number(w)));
      if (unknown.length) problems.push(`这个备份来自更新版本的程序（有 ${unknown.length} 个本程序不认识的数据库迁移），请先升级程序再恢复。`);
      if (applied.length === 0) problems.push('数据库没有任何迁移记录，不是门户的数据库。');
      migrations = applied.length;
    }
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`有 ${fk.length} 条记录引用了不存在的数据（外键检查未通过）`);
    const counts = problems.length ? {} : rowCounts(sqlite);
    return { ok: problems.length === 0, problems, integrity, counts, migrations };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`无法作为 SQLite 数据库打开：${msg}`], integrity: '', counts: {}, migrations: 0 };
  } finally {
    sqlite?.close();
  }
}

/** db/backups/portal-20261124-063015.sqlite (Beijing time), beside the code. */
export function defaultBackupPath(now = new Date()): string {
  const n = beijingNow(now);
  const stamp = `${n.date.replaceAll('-', '')}-${n.time.replace(':', '')}${String(now.getUTCSeconds()).padStart(2, '0')}`;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/backups', `portal-${stamp}.sqlite`);
}

export type BackupReport = Inspection & { file: string; bytes: number; ms: number };

/**
 * Copies the live database at `source` to `out` with the online backup API, then checks the
 * copy. The counts in the report are the copy's own, i.e. the database at the backup moment.
 */
export async function backupDatabase(source: string, out: string): Promise<BackupReport> {
  if (!fs.existsSync(source)) throw new Error(`找不到数据库文件：${source}`);
  if (fs.existsSync(out)) throw new Error(`目标文件已存在，不会覆盖：${out}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const started = Date.now();
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const tmp = `${out}.partial`;
    fs.rmSync(tmp, { force: true });
    // The rest in one step: copied 100 pages at a time, every write by another connection between
    // two steps restarts the copy, so a busy server's larger file might never finish. One step
    // reads one consistent snapshot (WAL: writers carry on meanwhile) and cannot be restarted.
    await sqlite.backup(tmp, { progress: ({ totalPages }) => totalPages });
    // A backup is one self-contained file: no -wal/-shm beside it.
    const copy = new Database(tmp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    fs.renameSync(tmp, out);
  } finally {
    sqlite.close();
  }
  const inspection = inspectDatabase(out);
  return { ...inspection, file: out, bytes: fs.statSync(out).size, ms: Date.now() - started };
}

export type RestoreReport = { restored: string; previous: string | null; counts: Record<string, number> };

/**
 * Replaces the database at `target` with the backup `from`. Refuses (throws, with the reasons)
 * a file that is not a sound portal database; the current file is kept as `<target>.before-restore`.
 * The server must not be running.
 */
export function restoreDatabase(from: string, target: string): RestoreReport {
  const check = inspectDatabase(from);
  if (!check.ok) throw new RestoreRefused(check.problems);
  if (path.resolve(from) === path.resolve(target)) throw new RestoreRefused(['备份文件和要恢复的数据库是同一个文件。']);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(from, tmp);
  // Make the copy a self-contained file before it takes the live name.
  const copy = new Database(tmp);
  copy.pragma('journal_mode = WAL');
  copy.pragma('wal_checkpoint(TRUNCATE)');
  copy.close();
  fs.rmSync(`${tmp}-wal`, { force: true });
  fs.rmSync(`${tmp}-shm`, { force: true });

  let previous: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the current WAL into the old file so the .before-restore copy is complete.
    const old = new Database(target, { fileMustExist: true });
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    previous = `${target}.before-restore`;
    fs.copyFileSync(target, previous);
  }
  // The old -wal/-shm belong to the old file: left behind they would be replayed onto the new one.
  fs.rmSync(`${target}-wal`, { force: true });
  fs.rmSync(`${target}-shm`, { force: true });
  fs.renameSync(tmp, target);
  return { restored: target, previous, counts: check.counts };
}

export class RestoreRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
