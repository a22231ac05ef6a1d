/**
 * Importing stations with their weekly hours: planning each row against the database
 * (街镇 by name, does the id exist, has the record moved on since it was exported) and, inside
 * the import's transaction, writing each planned station with its hours, audit row and
 * search document.
 */
import { and, eq, gte } from 'drizzle-orm';
import type { DB } from '../../client';
import { stationHours, stations, streets } from '../../schema';
import type { Actor } from '../../auth/permissions';
import { beijingToday, WEEKDAY_NAMES } from '../../domain/time';
import { hoursOn, type WeeklySession } from '../../domain/hours';
import { reindexStation } from '../../search/documents';
import { recordAudit, snapshot } from '../audit';
import { IMPORT_COLUMNS, stationRowHours, stationRowSchema, type StationRow } from '../../validation/admin/import';
import type { ReadTable } from './sheet';
import { finish, fileVersion, rowErrors, rowObject, type ImportPlan, type Mapped, type PlanItem, type RowError } from './import-plan';

export type HourRow = { scope: 'station' | 'counter'; weekday: number; opens: string; closes: string };

function hoursKey(h: readonly HourRow[]): string {
  return h
    .map((x) => `${x.scope}|${x.weekday}|${x.opens}|${x.closes}`)
    .sort()
    .join(';');
}

/** Hours as readable lines for audit snapshots: ['周一 09:00-12:00', '窗口周一 …']. */
export function hoursForAudit(h: readonly HourRow[]): string[] {
  return [...h]
    .sort((a, b) => (a.scope === b.scope ? a.weekday - b.weekday || a.opens.localeCompare(b.opens) : a.scope === 'station' ? -1 : 1))
    .map((x) => `${x.scope === 'counter' ? '窗口' : ''}${WEEKDAY_NAMES[x.weekday]} ${x.opens}-${x.closes}`);
}

export const STATION_FIELD_LABELS: Record<string, string> = {
  name: '驿站名称',
  hostType: '承办类型',
  hostName: '承办单位',
  streetId: '所在街镇',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  phone: '联系电话',
  hasWindow: '人工窗口',
  hasSelfService: '自助终端',
  hasAiAvatar: 'AI数字人',
  isAccessible: '无障碍设施',
  status: '运行状态',
  openingDate: '开放日期',
  statusReason: '状态说明',
  lastVerifiedOn: '核实日期',
  directions: '怎么去',
  hours: '开放时间',
  publication: '发布状态',
};

type StationValues = {
  name: string;
  hostType: StationRow['hostType'];
  hostName: string;
  streetId: number;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  hasWindow: boolean;
  hasSelfService: boolean;
  hasAiAvatar: boolean;
  isAccessible: boolean;
  status: StationRow['status'];
  openingDate: string | null;
  statusReason: string | null;
  lastVerifiedOn: string;
  directions: string;
};

/**
 * A row's values for the stations table (the order is the order changes are listed in). Where
 * the row leaves the coordinates or the date last checked blank, `fallback`'s stand.
 */
function stationValuesOf(r: StationRow, streetId: number, fallback: Pick<StationValues, 'lat' | 'lng' | 'lastVerifiedOn'>): StationValues {
  return {
    name: r.name,
    hostType: r.hostType,
    hostName: r.hostName,
    streetId,
    address: r.address,
    lat: r.lat ?? fallback.lat,
    lng: r.lng ?? fallback.lng,
    phone: r.phone,
    hasWindow: r.hasWindow,
    hasSelfService: r.hasSelfService,
    hasAiAvatar: r.hasAiAvatar,
    isAccessible: r.isAccessible,
    status: r.status,
    openingDate: r.openingDate,
    statusReason: r.statusReason || null,
    lastVerifiedOn: r.lastVerifiedOn ?? fallback.lastVerifiedOn,
    directions: r.directions,
  };
}

export type StationWrite = { item: PlanItem; values: StationValues; hours: HourRow[] };

function streetLookup(db: DB) {
  const rows = db.select({ id: streets.id, name: streets.name, lat: streets.lat, lng: streets.lng }).from(streets).all();
  const byName = new Map(rows.map((r) => [r.name, r]));
  return (name: string) => byName.get(name) ?? byName.get(`${name}街道`) ?? byName.get(`${name}镇`) ?? null;
}

export function* planStations(db: DB, table: ReadTable, mapped: Mapped): Generator<number, { plan: ImportPlan; writes: StationWrite[] }> {
  const columns = IMPORT_COLUMNS.stations;
  const errors: RowError[] = [];
  const notes: string[] = [];
  const writes: StationWrite[] = [];
  const street = streetLookup(db);
  const existing = new Map(db.select().from(stations).all().map((s) => [s.id, s]));
  const byName = new Map([...existing.values()].map((s) => [s.name, s.id]));
  const today = beijingToday();
  const allHours = new Map<number, WeeklySession[]>();
  for (const h of db.select().from(stationHours).all()) {
    const list = allHours.get(h.stationId) ?? [];
    list.push({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes, effectiveFrom: h.effectiveFrom });
    allHours.set(h.stationId, list);
  }
  // The sheet says the hours from today on: compare with today's week.
  const hoursBy = new Map<number, HourRow[]>();
  for (const [id, list] of allHours) hoursBy.set(id, hoursOn(list, today).map(({ scope, weekday, opens, closes }) => ({ scope, weekday, opens, closes })));
  const idLines = new Map<number, number>();
  const newNameLines = new Map<string, number>();
  let streetCentre = 0;

  for (const [n, row] of table.rows.entries()) {
    if (n % 250 === 0) yield n;
    const parsed = stationRowSchema.safeParse(rowObject(row.cells, mapped, columns));
    if (!parsed.success) {
      errors.push(...rowErrors(row.line, parsed.error.issues, columns));
      continue;
    }
    const r = parsed.data as StationRow;
    const st = street(r.street);
    if (!st) {
      errors.push({ line: row.line, column: '所在街镇', message: `丰台区没有叫“${r.street}”的街镇，请检查名称（例如 右安门街道）` });
      continue;
    }
    const hours = stationRowHours(r);
    if (r.id !== null) {
      const cur = existing.get(r.id);
      if (!cur) {
        errors.push({ line: row.line, column: '驿站编号', message: `没有编号为 ${r.id} 的驿站。新建驿站请把编号留空` });
        continue;
      }
      const dup = idLines.get(r.id);
      if (dup) {
        errors.push({ line: row.line, column: '驿站编号', message: `第 ${dup} 行已经是驿站 ${r.id}，同一个驿站只能写一行` });
        continue;
      }
      idLines.set(r.id, row.line);
      const fv = fileVersion(row.cells, mapped);
      if (fv !== null && fv !== cur.version) {
        errors.push({ line: row.line, column: '版本', message: `驿站 ${r.id} 在这份文件导出后已被修改（文件里是第 ${fv} 版，现在是第 ${cur.version} 版）。请重新导出后再修改` });
        continue;
      }
      const values = stationValuesOf(r, st.id, cur);
      const changes = (Object.keys(values) as (keyof StationValues)[])
        .filter((k) => JSON.stringify(values[k] ?? null) !== JSON.stringify((cur as Record<string, unknown>)[k] ?? null))
        .map((k) => STATION_FIELD_LABELS[k] ?? k);
      if (hoursKey(hours) !== hoursKey(hoursBy.get(cur.id) ?? [])) changes.push(STATION_FIELD_LABELS.hours!);
      writes.push({
        values,
        hours,
        item: {
          line: row.line,
          action: changes.length ? 'update' : 'unchanged',
          id: cur.id,
          version: cur.version,
          title: r.name,
          detail: weekSummary(hours),
          changes,
          published: cur.publication === 'published',
        },
      });
    } else {
      const sameName = byName.get(r.name);
      if (sameName) {
        errors.push({ line: row.line, column: '驿站名称', message: `已有同名驿站（编号 ${sameName}）。要更新它，请在「驿站编号」填 ${sameName}` });
        continue;
      }
      const dup = newNameLines.get(r.name);
      if (dup) {
        errors.push({ line: row.line, column: '驿站名称', message: `和第 ${dup} 行的驿站同名，同一个驿站只能写一行` });
        continue;
      }
      newNameLines.set(r.name, row.line);
      if (r.lat === null) streetCentre++;
      writes.push({
        // A new station without coordinates stands at its 街镇's centre, checked today.
        values: stationValuesOf(r, st.id, { lat: st.lat, lng: st.lng, lastVerifiedOn: today }),
        hours,
        item: { line: row.line, action: 'create', id: null, version: null, title: r.name, detail: weekSummary(hours), changes: [], published: false },
      });
    }
  }
  if (streetCentre > 0) notes.push(`有 ${streetCentre} 个新驿站没有填坐标，地图位置暂用所在街镇的中心。发布前请在驿站编辑页核对位置。`);
  return { plan: finish('stations', table, writes.map((w) => w.item), errors, notes), writes };
}

function weekSummary(hours: readonly HourRow[]): string {
  const days = [1, 2, 3, 4, 5, 6, 7]
    .map((d) => {
      const s = hours.filter((h) => h.scope === 'station' && h.weekday === d);
      return s.length ? `${WEEKDAY_NAMES[d]} ${s.map((x) => `${x.opens}-${x.closes}`).join(',')}` : null;
    })
    .filter(Boolean);
  const counter = hours.some((h) => h.scope === 'counter') ? '；人工窗口另有时间' : '';
  return (days.length ? days.join('；') : '每天休息') + counter;
}

/** Writes the planned stations (inside the import's transaction); returns the ids written. */
export function writeStations(db: DB, actor: Actor, writes: readonly StationWrite[], now: Date, ip: string | undefined): number[] {
  const ids: number[] = [];
  for (const w of writes) {
    if (w.item.action === 'unchanged') continue;
    if (w.item.action === 'create') {
      const row = db.insert(stations).values({ ...w.values, publication: 'draft', version: 1, createdAt: now, updatedAt: now }).returning().get();
      if (w.hours.length) db.insert(stationHours).values(w.hours.map((h) => ({ ...h, stationId: row.id }))).run();
      recordAudit(db, {
        actor,
        action: 'create',
        entity: 'station',
        entityId: row.id,
        entityVersion: 1,
        summary: `导入新建驿站「${row.name}」（草稿）`,
        before: null,
        after: { ...snapshot(row), hours: hoursForAudit(w.hours) },
        ip: ip,
      });
      reindexStation(db, row.id);
      ids.push(row.id);
    } else {
      const id = w.item.id!;
      const before = db.select().from(stations).where(eq(stations.id, id)).get()!;
      // Imported hours take effect today: the days before keep the week they had (db/domain/hours-sets).
      const today = beijingToday(now);
      const beforeHours = hoursOn(db.select().from(stationHours).where(eq(stationHours.stationId, id)).all(), today);
      const version = before.version + 1;
      const after = db.update(stations).set({ ...w.values, version, updatedAt: now }).where(eq(stations.id, id)).returning().get();
      if (hoursKey(beforeHours) !== hoursKey(w.hours)) {
        db.delete(stationHours).where(and(eq(stationHours.stationId, id), gte(stationHours.effectiveFrom, today))).run();
        if (w.hours.length) db.insert(stationHours).values(w.hours.map((h) => ({ ...h, stationId: id, effectiveFrom: today }))).run();
        else db.delete(stationHours).where(eq(stationHours.stationId, id)).run();
      }
      recordAudit(db, {
        actor,
        action: 'update',
        entity: 'station',
        entityId: id,
        entityVersion: version,
        summary: `导入更新驿站「${after.name}」：${w.item.changes.join('、')}`,
        before: { ...snapshot(before), hours: hoursForAudit(beforeHours) },
        after: { ...snapshot(after), hours: hoursForAudit(w.hours) },
        ip: ip,
      });
      reindexStation(db, id);
      ids.push(id);
    }
  }
  return ids;
}
