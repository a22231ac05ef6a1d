/**
 * Importing stations (with weekly hours) and course runs from a spreadsheet.
 *
 * `planImport` reads every row, checks it with the shared row schema and against the database
 * (街镇, 课程, 地点 by name; does the id exist; has the record moved on since it was exported)
 * and says what would be created, updated or left alone — writing nothing. `applyImport` runs
 * the same planning again inside one write transaction (the server never trusts an earlier
 * result), refuses if any row has an error or a record changed since the preview, and then
 * writes every record with its audit row, one summary audit row, and the search index.
 *
 * Shared planning: import-plan.ts; stations: import-stations.ts; runs: import-runs.ts.
 */
import type { DB } from '../../client';
import type { Session } from '../../schema';
import type { Actor, Resource } from '../../auth/permissions';
import { recordAudit } from '../audit';
import { expectVersion } from '../conflict';
import { Invalid } from '../errors';
import { writeTransaction } from '../tx';
import { IMPORT_COLUMNS, type ImportKind } from '../../validation/admin/import';
import type { ReadTable } from './sheet';
import { finish, mapHeaders, type ImportPlan } from './import-plan';
import { planStations, writeStations, STATION_FIELD_LABELS, type StationWrite } from './import-stations';
import { planRuns, writeRuns, RUN_FIELD_LABELS, type RunWrite } from './import-runs';

export { EXPORT_ONLY_HEADERS, type ImportPlan, type PlanItem, type RowError } from './import-plan';
export { STATION_FIELD_LABELS, hoursForAudit } from './import-stations';
export { RUN_FIELD_LABELS } from './import-runs';

type Planned = { plan: ImportPlan; stations: StationWrite[]; runs: RunWrite[] };

/** Plans row by row, yielding the number of rows done now and then (for progress). */
function* plannedWrites(db: DB, kind: ImportKind, table: ReadTable): Generator<number, Planned> {
  const columns = IMPORT_COLUMNS[kind];
  const mapped = mapHeaders(table, columns);
  if (mapped.missing.length) {
    const plan = finish(kind, table, [], [{ line: 1, column: '表头', message: `缺少这些列：${mapped.missing.join('、')}。请使用下载的模板，不要改动第一行的列名` }], []);
    return { plan, stations: [], runs: [] };
  }
  if (table.rows.length === 0) {
    const plan = finish(kind, table, [], [{ line: 2, column: '', message: '文件里只有表头，没有要导入的数据行' }], []);
    return { plan, stations: [], runs: [] };
  }
  const ignored = mapped.ignored.length ? [`这些列不是导入用的，会被忽略：${mapped.ignored.join('、')}`] : [];
  if (kind === 'stations') {
    const r = yield* planStations(db, table, mapped);
    r.plan.notes.push(...ignored);
    return { plan: r.plan, stations: r.writes, runs: [] };
  }
  const r = yield* planRuns(db, table, mapped);
  r.plan.notes.push(...ignored);
  return { plan: r.plan, stations: [], runs: r.writes };
}

function runToEnd<T>(gen: Generator<number, T>): T {
  let step = gen.next();
  while (!step.done) step = gen.next();
  return step.value;
}

/** What an import would do. Writes nothing. */
export async function planImport(db: DB, kind: ImportKind, table: ReadTable): Promise<ImportPlan> {
  return runToEnd(plannedWrites(db, kind, table)).plan;
}

/**
 * The same, giving the event loop a turn every few hundred rows and reporting how far it got,
 * so a 5000-row file neither freezes the server nor leaves the clerk without progress.
 */
export async function planImportGradually(db: DB, kind: ImportKind, table: ReadTable, onProgress: (done: number) => void): Promise<ImportPlan> {
  const gen = plannedWrites(db, kind, table);
  let step = gen.next();
  while (!step.done) {
    onProgress(step.value);
    await new Promise((resolve) => setImmediate(resolve));
    step = gen.next();
  }
  return step.value.plan;
}

export type ImportResult = { created: number; updated: number; unchanged: number; ids: number[] };

/**
 * Plans again against the database as it is now and writes everything in one transaction.
 * Throws Invalid if any row has an error now, Conflict if a record planned for update has a
 * different version than in the preview.
 */
export function applyImport(
  db: DB,
  actor: Actor,
  kind: ImportKind,
  table: ReadTable,
  opts: { fileName: string; previewVersions: Record<number, number>; ip?: string },
): ImportResult {
  return writeTransaction(db, () => {
    const { plan, stations: sw, runs: rw } = runToEnd(plannedWrites(db, kind, table));
    if (plan.errors.length) {
      throw new Invalid({}, `数据在预览之后有了变化，现在有 ${plan.errors.length} 处问题，什么也没有导入。请重新上传文件再预览。`);
    }
    // Anything planned for update must still be the version the preview showed.
    const labels = kind === 'stations' ? STATION_FIELD_LABELS : RUN_FIELD_LABELS;
    for (const item of plan.items) {
      if (item.id === null || item.version === null) continue;
      const seen = opts.previewVersions[item.id];
      if (seen === undefined) throw new Invalid({}, '这份预览和文件对不上，什么也没有导入。请重新上传文件。');
      expectVersion(db, kind === 'stations' ? 'station' : 'run', item.id, item.version, seen, labels);
    }
    const now = new Date();
    const ids: number[] = [];
    if (kind === 'stations') ids.push(...writeStations(db, actor, sw, now, opts.ip));
    else ids.push(...writeRuns(db, actor, rw, now, opts.ip));
    const created = plan.counts.create;
    const updated = plan.counts.update;
    const what = kind === 'stations' ? '驿站' : '班期';
    recordAudit(db, {
      actor,
      action: 'import',
      entity: 'import',
      entityId: null,
      summary: `导入${what}表「${opts.fileName}」：新建 ${created} 个，更新 ${updated} 个，${plan.counts.unchanged} 个没有变化`,
      before: null,
      after: { kind, file: opts.fileName, rows: plan.counts.rows, created, updated, unchanged: plan.counts.unchanged, ids },
      ip: opts.ip,
    });
    return { created, updated, unchanged: plan.counts.unchanged, ids };
  });
}

/** The versions of the records a plan would update, kept with the preview to detect changes since. */
export function planVersions(plan: ImportPlan): Record<number, number> {
  const out: Record<number, number> = {};
  for (const i of plan.items) if (i.id !== null && i.version !== null) out[i.id] = i.version;
  return out;
}

export type { Session };

/** The permission question of an import: stations or runs in general (no scoped role may import). */
export function importResource(kind: ImportKind): Resource {
  return kind === 'stations' ? { kind: 'station', stationId: null } : { kind: 'run', providerId: null };
}
