/**
 * Importing stations (with weekly hours) and course runs from a spreadsheet.
 *
 * `planImport` reads every row, checks it with the shared row schema and against the database
 * (街镇, 课程, 地点 by name; does the id exist; has the record moved on since it was exported)
 * and says what would be created, updated or left alone — writing nothing. `applyImport` runs
 * the same planning again inside one write transaction (the server never trusts an earlier
 * result), refuses if any row has an error or a record changed since the preview, and then
 * writes every record with its audit row, one summary audit row, and the search index.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DB } from '../../client';
import {
  courseRuns,
  courses,
  places,
  runCertificates,
  runTargetGroups,
  stationHours,
  stations,
  streets,
  targetGroups,
  type Session,
} from '../../schema';
import type { Actor, Resource } from '../../auth/permissions';
import { beijingToday, WEEKDAY_NAMES } from '../../domain/time';
import { reindexCourse, reindexStation } from '../../search/documents';
import { recordAudit, snapshot } from '../audit';
import { expectVersion } from '../conflict';
import { Invalid } from '../errors';
import { writeTransaction } from '../tx';
import {
  IMPORT_COLUMNS,
  runRowSchema,
  stationRowHours,
  stationRowSchema,
  type ImportColumn,
  type ImportKind,
  type RunRow,
  type StationRow,
} from '../../validation/admin/import';
import type { ReadTable } from './sheet';
import { normalizeHeader } from './sheet';

export type RowError = { line: number; column: string; message: string };

export type PlanItem = {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  id: number | null;
  /** The version the record had when planned (updates only). */
  version: number | null;
  title: string;
  detail: string;
  /** Column names whose values change (updates). */
  changes: string[];
  /** An update to a published record reaches residents at once. */
  published: boolean;
};

export type ImportPlan = {
  kind: ImportKind;
  items: PlanItem[];
  errors: RowError[];
  /** Things worth knowing that are not errors (ignored columns, coordinates taken from the street). */
  notes: string[];
  counts: { rows: number; create: number; update: number; unchanged: number; errors: number };
};

/** Columns our exports add that an import reads (版本) or quietly ignores. */
export const EXPORT_ONLY_HEADERS = ['版本', '发布状态', '最后修改', '培训机构'];

// ---------------------------------------------------------------------------
// Reading the header
// ---------------------------------------------------------------------------

type Mapped = { index: Map<string, number>; versionIndex: number | null; missing: string[]; ignored: string[] };

function mapHeaders(table: ReadTable, columns: ImportColumn[]): Mapped {
  const index = new Map<string, number>();
  const seen = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (h !== '' && !seen.has(h)) seen.set(h, i);
  });
  const missing: string[] = [];
  for (const c of columns) {
    const i = seen.get(normalizeHeader(c.header));
    if (i === undefined) missing.push(c.header);
    else index.set(c.key, i);
  }
  const known = new Set([...columns.map((c) => normalizeHeader(c.header)), ...EXPORT_ONLY_HEADERS]);
  const ignored = table.headers.filter((h) => h !== '' && !known.has(h));
  return { index, versionIndex: seen.get('版本') ?? null, missing, ignored };
}

function rowObject(cells: string[], mapped: Mapped, columns: ImportColumn[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const c of columns) o[c.key] = cells[mapped.index.get(c.key)!] ?? '';
  return o;
}

function rowErrors(line: number, issues: { path: PropertyKey[]; message: string }[], columns: ImportColumn[]): RowError[] {
  const byKey = new Map(columns.map((c) => [c.key, c.header]));
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const i of issues) {
    const key = String(i.path[0] ?? '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line, column: byKey.get(key) ?? '', message: i.message });
  }
  return out;
}

function fileVersion(cells: string[], mapped: Mapped): number | null {
  if (mapped.versionIndex === null) return null;
  const v = (cells[mapped.versionIndex] ?? '').trim();
  return /^\d+$/.test(v) ? Number(v) : null;
}

// ---------------------------------------------------------------------------
// Stations
// ---------------------------------------------------------------------------

type HourRow = { scope: 'station' | 'counter'; weekday: number; opens: string; closes: string };

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

type StationWrite = { item: PlanItem; values: StationValues; hours: HourRow[] };

function streetLookup(db: DB) {
  const rows = db.select({ id: streets.id, name: streets.name, lat: streets.lat, lng: streets.lng }).from(streets).all();
  const byName = new Map(rows.map((r) => [r.name, r]));
  return (name: string) => byName.get(name) ?? byName.get(`${name}街道`) ?? byName.get(`${name}镇`) ?? null;
}

function* planStations(db: DB, table: ReadTable, mapped: Mapped): Generator<number, { plan: ImportPlan; writes: StationWrite[] }> {
  const columns = IMPORT_COLUMNS.stations;
  const errors: RowError[] = [];
  const notes: string[] = [];
  const writes: StationWrite[] = [];
  const street = streetLookup(db);
  const existing = new Map(db.select().from(stations).all().map((s) => [s.id, s]));
  const byName = new Map([...existing.values()].map((s) => [s.name, s.id]));
  const hoursBy = new Map<number, HourRow[]>();
  for (const h of db.select().from(stationHours).all()) {
    const list = hoursBy.get(h.stationId) ?? [];
    list.push({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes });
    hoursBy.set(h.stationId, list);
  }
  const idLines = new Map<number, number>();
  const newNameLines = new Map<string, number>();
  const today = beijingToday();
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
      const values: StationValues = {
        name: r.name,
        hostType: r.hostType,
        hostName: r.hostName,
        streetId: st.id,
        address: r.address,
        lat: r.lat ?? cur.lat,
        lng: r.lng ?? cur.lng,
        phone: r.phone,
        hasWindow: r.hasWindow,
        hasSelfService: r.hasSelfService,
        hasAiAvatar: r.hasAiAvatar,
        isAccessible: r.isAccessible,
        status: r.status,
        openingDate: r.openingDate,
        statusReason: r.statusReason || null,
        lastVerifiedOn: r.lastVerifiedOn ?? cur.lastVerifiedOn,
        directions: r.directions,
      };
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
        values: {
          name: r.name,
          hostType: r.hostType,
          hostName: r.hostName,
          streetId: st.id,
          address: r.address,
          lat: r.lat ?? st.lat,
          lng: r.lng ?? st.lng,
          phone: r.phone,
          hasWindow: r.hasWindow,
          hasSelfService: r.hasSelfService,
          hasAiAvatar: r.hasAiAvatar,
          isAccessible: r.isAccessible,
          status: r.status,
          openingDate: r.openingDate,
          statusReason: r.statusReason || null,
          lastVerifiedOn: r.lastVerifiedOn ?? today,
          directions: r.directions,
        },
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

// ---------------------------------------------------------------------------
// Course runs
// ---------------------------------------------------------------------------

export const RUN_FIELD_LABELS: Record<string, string> = {
  courseId: '课程',
  label: '期次',
  startDate: '开课日期',
  endDate: '结课日期',
  deadline: '报名截止',
  classDays: '上课日',
  dailyStart: '上课时间',
  dailyEnd: '上课时间',
  theoryPlaceId: '上课地点',
  practicePlaceId: '实训地点',
  seats: '总名额',
  seatsLeft: '剩余名额',
  costType: '费用类型',
  fee: '原价（元）',
  subsidy: '补贴（元）',
  contactName: '联系人',
  contactPhone: '联系电话',
  note: '备注',
  targetGroups: '适合人群',
  certificates: '证书',
  publication: '发布状态',
};

type RunValues = {
  courseId: number;
  label: string;
  startDate: string;
  endDate: string;
  deadline: string;
  classDays: string;
  dailyStart: string;
  dailyEnd: string;
  theoryPlaceId: number;
  practicePlaceId: number | null;
  seats: number;
  seatsLeft: number;
  costType: RunRow['costType'];
  fee: number | null;
  subsidy: number | null;
  contactName: string;
  contactPhone: string;
  note: string;
};

type RunWrite = { item: PlanItem; values: RunValues; groups: string[]; certs: RunRow['certificates']; oldCourseId: number | null };

function* planRuns(db: DB, table: ReadTable, mapped: Mapped): Generator<number, { plan: ImportPlan; writes: RunWrite[] }> {
  const columns = IMPORT_COLUMNS.runs;
  const errors: RowError[] = [];
  const writes: RunWrite[] = [];
  const courseRows = db.select({ id: courses.id, title: courses.title }).from(courses).all();
  const courseById = new Map(courseRows.map((c) => [c.id, c]));
  const courseByTitle = new Map<string, number[]>();
  for (const c of courseRows) courseByTitle.set(c.title, [...(courseByTitle.get(c.title) ?? []), c.id]);
  const placeByName = new Map<string, number[]>();
  for (const p of db.select({ id: places.id, name: places.name, kind: places.kind }).from(places).all()) {
    if (p.kind === 'landmark') continue;
    placeByName.set(p.name, [...(placeByName.get(p.name) ?? []), p.id]);
  }
  const groupByName = new Map<string, string>();
  for (const g of db.select().from(targetGroups).all()) {
    groupByName.set(g.name, g.code);
    groupByName.set(g.code, g.code);
  }
  const existing = new Map(db.select().from(courseRuns).all().map((r) => [r.id, r]));
  const existingKey = new Map([...existing.values()].map((r) => [`${r.courseId}|${r.label}`, r.id]));
  const groupsOf = new Map<number, string[]>();
  for (const g of db.select().from(runTargetGroups).all()) groupsOf.set(g.runId, [...(groupsOf.get(g.runId) ?? []), g.groupCode]);
  const certsOf = new Map<number, string[]>();
  for (const c of db.select().from(runCertificates).all()) certsOf.set(c.runId, [...(certsOf.get(c.runId) ?? []), `${c.kind}|${c.name}|${c.issuer}`]);
  const idLines = new Map<number, number>();
  const newKeyLines = new Map<string, number>();

  for (const [n, row] of table.rows.entries()) {
    if (n % 250 === 0) yield n;
    const parsed = runRowSchema.safeParse(rowObject(row.cells, mapped, columns));
    if (!parsed.success) {
      errors.push(...rowErrors(row.line, parsed.error.issues, columns));
      continue;
    }
    const r = parsed.data;
    const rowErrs: RowError[] = [];
    const err = (column: string, message: string) => rowErrs.push({ line: row.line, column, message });

    // Course: by id, or by exact title.
    let courseId: number | null = null;
    if (r.courseId !== null) {
      const c = courseById.get(r.courseId);
      if (!c) err('课程编号', `没有编号为 ${r.courseId} 的课程`);
      else if (r.courseTitle && r.courseTitle !== c.title) err('课程名称', `课程编号 ${c.id} 是《${c.title}》，和这里写的课程名称不一致`);
      else courseId = c.id;
    } else {
      const ids = courseByTitle.get(r.courseTitle) ?? [];
      if (ids.length === 0) err('课程名称', `没有名为《${r.courseTitle}》的课程，请和后台课程名称完全一致，或改填课程编号`);
      else if (ids.length > 1) err('课程名称', `有 ${ids.length} 门课程都叫《${r.courseTitle}》，请改填课程编号（${ids.join('、')}）`);
      else courseId = ids[0]!;
    }
    const place = (column: string, name: string): number | null => {
      const ids = placeByName.get(name) ?? [];
      if (ids.length === 1) return ids[0]!;
      err(column, ids.length === 0 ? `没有名为“${name}”的上课地点，请和后台地点名称完全一致` : `有几个地点都叫“${name}”，请联系管理员区分名称`);
      return null;
    };
    const theoryPlaceId = place('上课地点', r.theoryPlace);
    const practicePlaceId = r.practicePlace ? place('实训地点', r.practicePlace) : null;
    const groups: string[] = [];
    for (const g of r.targetGroups.split(/[、,，;；\s]+/).filter(Boolean)) {
      const code = groupByName.get(g);
      if (!code) {
        err('适合人群', `“${g}”不是可选的人群。可以填：${[...new Set([...groupByName.entries()].filter(([k, v]) => k !== v).map(([k]) => k))].join('、')}`);
        break;
      }
      if (!groups.includes(code)) groups.push(code);
    }
    const cur = r.id !== null ? existing.get(r.id) : undefined;
    if (r.id !== null) {
      if (!cur) err('班期编号', `没有编号为 ${r.id} 的班期。新建班期请把编号留空`);
      else if (idLines.has(r.id)) err('班期编号', `第 ${idLines.get(r.id)} 行已经是班期 ${r.id}，同一个班期只能写一行`);
      else {
        const fv = fileVersion(row.cells, mapped);
        if (fv !== null && fv !== cur.version) err('版本', `班期 ${r.id} 在这份文件导出后已被修改（文件里是第 ${fv} 版，现在是第 ${cur.version} 版）。请重新导出后再修改`);
      }
    }
    const seatsLeft = r.seatsLeft ?? (cur ? cur.seatsLeft : r.seats);
    if (r.seatsLeft === null && seatsLeft > r.seats) err('剩余名额', `原来剩余 ${seatsLeft} 个名额，多于新的总名额，请填写剩余名额`);
    if (rowErrs.length || courseId === null || theoryPlaceId === null) {
      errors.push(...rowErrs);
      continue;
    }
    const values: RunValues = {
      courseId,
      label: r.label,
      startDate: r.startDate,
      endDate: r.endDate,
      deadline: r.deadline,
      classDays: r.classDays,
      dailyStart: r.dailyTime.opens,
      dailyEnd: r.dailyTime.closes,
      theoryPlaceId,
      practicePlaceId,
      seats: r.seats,
      seatsLeft,
      costType: r.costType,
      fee: r.fee,
      subsidy: r.subsidy,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      note: r.note,
    };
    const title = `《${courseById.get(courseId)!.title}》${r.label}`;
    const detail = `${r.startDate} 至 ${r.endDate}，报名截止 ${r.deadline}，${r.seats} 个名额`;
    if (cur) {
      idLines.set(cur.id, row.line);
      const changes = [
        ...new Set(
          (Object.keys(values) as (keyof RunValues)[])
            .filter((k) => JSON.stringify(values[k] ?? null) !== JSON.stringify((cur as Record<string, unknown>)[k] ?? null))
            .map((k) => RUN_FIELD_LABELS[k] ?? k),
        ),
      ];
      if ([...groups].sort().join() !== [...(groupsOf.get(cur.id) ?? [])].sort().join()) changes.push(RUN_FIELD_LABELS.targetGroups!);
      const certKeys = r.certificates.map((c) => `${c.kind}|${c.name}|${c.issuer}`);
      if (certKeys.sort().join('\n') !== [...(certsOf.get(cur.id) ?? [])].sort().join('\n')) changes.push(RUN_FIELD_LABELS.certificates!);
      writes.push({
        values,
        groups,
        certs: r.certificates,
        oldCourseId: cur.courseId,
        item: { line: row.line, action: changes.length ? 'update' : 'unchanged', id: cur.id, version: cur.version, title, detail, changes, published: cur.publication === 'published' },
      });
    } else {
      const key = `${courseId}|${r.label}`;
      const same = existingKey.get(key);
      if (same) {
        errors.push({ line: row.line, column: '期次', message: `这门课已有“${r.label}”（班期编号 ${same}）。要更新它，请在「班期编号」填 ${same}` });
        continue;
      }
      if (newKeyLines.has(key)) {
        errors.push({ line: row.line, column: '期次', message: `和第 ${newKeyLines.get(key)} 行是同一门课的同一期，同一期只能写一行` });
        continue;
      }
      newKeyLines.set(key, row.line);
      writes.push({ values, groups, certs: r.certificates, oldCourseId: null, item: { line: row.line, action: 'create', id: null, version: null, title, detail, changes: [], published: false } });
    }
  }
  return { plan: finish('runs', table, writes.map((w) => w.item), errors, []), writes };
}

// ---------------------------------------------------------------------------
// Planning and applying
// ---------------------------------------------------------------------------

function finish(kind: ImportKind, table: ReadTable, items: PlanItem[], errors: RowError[], notes: string[]): ImportPlan {
  errors.sort((a, b) => a.line - b.line);
  return {
    kind,
    items,
    errors,
    notes,
    counts: {
      rows: table.rows.length,
      create: items.filter((i) => i.action === 'create').length,
      update: items.filter((i) => i.action === 'update').length,
      unchanged: items.filter((i) => i.action === 'unchanged').length,
      errors: errors.length,
    },
  };
}

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
export function planImport(db: DB, kind: ImportKind, table: ReadTable): ImportPlan {
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
    if (kind === 'stations') {
      for (const w of sw) {
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
            ip: opts.ip,
          });
          reindexStation(db, row.id);
          ids.push(row.id);
        } else {
          const id = w.item.id!;
          const before = db.select().from(stations).where(eq(stations.id, id)).get()!;
          const beforeHours = db.select().from(stationHours).where(eq(stationHours.stationId, id)).all();
          const version = before.version + 1;
          const after = db.update(stations).set({ ...w.values, version, updatedAt: now }).where(eq(stations.id, id)).returning().get();
          db.delete(stationHours).where(eq(stationHours.stationId, id)).run();
          if (w.hours.length) db.insert(stationHours).values(w.hours.map((h) => ({ ...h, stationId: id }))).run();
          recordAudit(db, {
            actor,
            action: 'update',
            entity: 'station',
            entityId: id,
            entityVersion: version,
            summary: `导入更新驿站「${after.name}」：${w.item.changes.join('、')}`,
            before: { ...snapshot(before), hours: hoursForAudit(beforeHours) },
            after: { ...snapshot(after), hours: hoursForAudit(w.hours) },
            ip: opts.ip,
          });
          reindexStation(db, id);
          ids.push(id);
        }
      }
    } else {
      const touchedCourses = new Set<number>();
      for (const w of rw) {
        if (w.item.action === 'unchanged') continue;
        let id: number;
        let beforeSnap: Record<string, unknown> | null = null;
        let version = 1;
        if (w.item.action === 'create') {
          const row = db.insert(courseRuns).values({ ...w.values, publication: 'draft', version: 1, createdAt: now, updatedAt: now }).returning().get();
          id = row.id;
        } else {
          id = w.item.id!;
          const before = db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!;
          beforeSnap = { ...snapshot(before), ...runChildren(db, id) };
          version = before.version + 1;
          db.update(courseRuns).set({ ...w.values, version, updatedAt: now }).where(eq(courseRuns.id, id)).run();
          db.delete(runCertificates).where(eq(runCertificates.runId, id)).run();
          db.delete(runTargetGroups).where(eq(runTargetGroups.runId, id)).run();
          if (w.oldCourseId !== null) touchedCourses.add(w.oldCourseId);
        }
        if (w.certs.length) db.insert(runCertificates).values(w.certs.map((c) => ({ ...c, runId: id }))).run();
        if (w.groups.length) db.insert(runTargetGroups).values(w.groups.map((g) => ({ groupCode: g, runId: id }))).run();
        const after = db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!;
        recordAudit(db, {
          actor,
          action: w.item.action,
          entity: 'run',
          entityId: id,
          entityVersion: version,
          summary: w.item.action === 'create' ? `导入新建班期${w.item.title}（草稿）` : `导入更新班期${w.item.title}：${w.item.changes.join('、')}`,
          before: beforeSnap,
          after: { ...snapshot(after), ...runChildren(db, id) },
          ip: opts.ip,
        });
        touchedCourses.add(w.values.courseId);
        ids.push(id);
      }
      for (const c of touchedCourses) reindexCourse(db, c);
    }
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

function runChildren(db: DB, runId: number) {
  const certs = db.select().from(runCertificates).where(eq(runCertificates.runId, runId)).all();
  const groups = db.select().from(runTargetGroups).where(inArray(runTargetGroups.runId, [runId])).all();
  return {
    certificates: certs.map((c) => `${c.kind}:${c.name}（${c.issuer}）`).sort(),
    targetGroups: groups.map((g) => g.groupCode).sort(),
  };
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
