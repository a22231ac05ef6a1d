/**
 * Importing course runs (班期): planning each row against the database (课程 and 地点 by name,
 * target groups, does the id exist, has the record moved on since it was exported) and, inside
 * the import's transaction, writing each planned run with its certificates, target groups,
 * audit row and its course's search document.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DB } from '../../client';
import { courseRuns, courses, places, runCertificates, runTargetGroups, targetGroups } from '../../schema';
import type { Actor } from '../../auth/permissions';
import { reindexCourse } from '../../search/documents';
import { recordAudit, snapshot } from '../audit';
import { IMPORT_COLUMNS, runRowSchema, type RunRow } from '../../validation/admin/import';
import { runPublishProblems } from '../../validation/admin/run';
import { beijingToday } from '../../domain/time';
import type { ReadTable } from './sheet';
import { finish, fileVersion, rowErrors, rowObject, type ImportPlan, type Mapped, type PlanItem, type RowError } from './import-plan';

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

/** The sheet column that holds a field the live rules name. */
const LIVE_RULE_COLUMN: Record<string, string> = { dailyStart: 'dailyTime', dailyEnd: 'dailyTime' };

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

export type RunWrite = { item: PlanItem; values: RunValues; groups: string[]; certs: RunRow['certificates']; oldCourseId: number | null };

export function* planRuns(db: DB, table: ReadTable, mapped: Mapped): Generator<number, { plan: ImportPlan; writes: RunWrite[] }> {
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
  const today = beijingToday();

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
    if (cur?.publication === 'published') {
      // A live run stays publishable whatever writes it: the run form's live rules, in its codes.
      const live = runPublishProblems(values, today);
      delete live.endDate; // correcting a finished run's details stays possible, as in the form
      const keys = Object.entries(live);
      if (keys.length) {
        for (const [field, code] of keys) errors.push({ line: row.line, column: RUN_FIELD_LABELS[field] ?? '', message: code, field: LIVE_RULE_COLUMN[field] ?? field });
        continue;
      }
    }
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

/** Writes the planned runs (inside the import's transaction) and reindexes their courses; returns the ids written. */
export function writeRuns(db: DB, actor: Actor, writes: readonly RunWrite[], now: Date, ip: string | undefined): number[] {
  const ids: number[] = [];
  const touchedCourses = new Set<number>();
  for (const w of writes) {
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
      ip: ip,
    });
    touchedCourses.add(w.values.courseId);
    ids.push(id);
  }
  for (const c of touchedCourses) reindexCourse(db, c);
  return ids;
}

function runChildren(db: DB, runId: number) {
  const certs = db.select().from(runCertificates).where(eq(runCertificates.runId, runId)).all();
  const groups = db.select().from(runTargetGroups).where(inArray(runTargetGroups.runId, [runId])).all();
  return {
    certificates: certs.map((c) => `${c.kind}:${c.name}（${c.issuer}）`).sort(),
    targetGroups: groups.map((g) => g.groupCode).sort(),
  };
}

