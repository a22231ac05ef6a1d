/**
 * The training tables an admin can download: courses, and runs (班期) with the same columns as
 * the run import (plus 版本 and status columns the import reads or ignores).
 */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../../client';
import { courseRuns, courses, occupations, places, providers, runCertificates, runTargetGroups, targetGroups } from '../../schema';
import { COST_TYPE_LABELS, levelLabel } from '../../domain/labels-courses';
import { certificatesCell, classDaysCell, RUN_COLUMNS } from '../../validation/admin/import';
import { courseSectionColumns } from '../../queries/courses/columns';
import { buildSheet, type Column, type SheetData } from './sheet';
import { headerOf, instant, pub } from './export-cells';

export async function coursesSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: courses.id,
      title: courses.title,
      occupation: occupations.name,
      level: courses.level,
      provider: providers.name,
      summary: courses.summary,
      ...courseSectionColumns,
      durationDays: courses.durationDays,
      publication: courses.publication,
      version: courses.version,
      publishedAt: courses.publishedAt,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .orderBy(asc(courses.id))
    .all();
  type R = (typeof rows)[number];
  const cols: Column<R>[] = [
    { header: '课程编号', width: 10, value: (r) => r.id },
    { header: '课程名称', width: 36, value: (r) => r.title },
    { header: '工种', width: 14, value: (r) => r.occupation },
    { header: '等级', width: 14, value: (r) => levelLabel(r.level) },
    { header: '培训机构', width: 24, value: (r) => r.provider },
    { header: '简介', width: 40, value: (r) => r.summary },
    { header: '适合人群', width: 30, value: (r) => r.suitableFor },
    { header: '报名条件', width: 30, value: (r) => r.requirements },
    { header: '学什么', width: 30, value: (r) => r.content },
    { header: '怎么学', width: 30, value: (r) => r.method },
    { header: '需携带材料', width: 30, value: (r) => r.materials },
    { header: '考核方式', width: 30, value: (r) => r.assessment },
    { header: '结业后去向', width: 30, value: (r) => r.outcomes },
    { header: '培训天数', width: 10, value: (r) => r.durationDays },
    { header: '发布状态', width: 10, value: (r) => pub(r.publication) },
    { header: '版本', width: 8, value: (r) => r.version },
    { header: '首次发布', width: 18, value: (r) => instant(r.publishedAt) },
    { header: '最后修改', width: 18, value: (r) => instant(r.updatedAt) },
  ];
  return buildSheet(cols, rows);
}

const tp = alias(places, 'tp');
const pp = alias(places, 'pp');

/** Each run's children, in export order: certificates by kind, target groups by the list's order. */
function runChildren(db: DB) {
  const certs = new Map<number, { kind: (typeof runCertificates.$inferSelect)['kind']; name: string; issuer: string }[]>();
  for (const c of db
    .select({ runId: runCertificates.runId, kind: runCertificates.kind, name: runCertificates.name, issuer: runCertificates.issuer })
    .from(runCertificates)
    .orderBy(asc(runCertificates.runId), asc(runCertificates.kind), asc(runCertificates.id))
    .all()) {
    certs.set(c.runId, [...(certs.get(c.runId) ?? []), { kind: c.kind, name: c.name, issuer: c.issuer }]);
  }
  const groups = new Map<number, string[]>();
  for (const g of db
    .select({ runId: runTargetGroups.runId, name: targetGroups.name })
    .from(runTargetGroups)
    .innerJoin(targetGroups, eq(targetGroups.code, runTargetGroups.groupCode))
    .orderBy(asc(runTargetGroups.runId), asc(targetGroups.sort), asc(targetGroups.code))
    .all()) {
    groups.set(g.runId, [...(groups.get(g.runId) ?? []), g.name]);
  }
  return { certs, groups };
}

export async function runsSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: courseRuns.id,
      courseId: courseRuns.courseId,
      courseTitle: courses.title,
      provider: providers.name,
      label: courseRuns.label,
      startDate: courseRuns.startDate,
      endDate: courseRuns.endDate,
      deadline: courseRuns.deadline,
      classDays: courseRuns.classDays,
      dailyStart: courseRuns.dailyStart,
      dailyEnd: courseRuns.dailyEnd,
      theoryPlace: tp.name,
      practicePlace: pp.name,
      seats: courseRuns.seats,
      seatsLeft: courseRuns.seatsLeft,
      costType: courseRuns.costType,
      fee: courseRuns.fee,
      subsidy: courseRuns.subsidy,
      contactName: courseRuns.contactName,
      contactPhone: courseRuns.contactPhone,
      note: courseRuns.note,
      publication: courseRuns.publication,
      version: courseRuns.version,
      updatedAt: courseRuns.updatedAt,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .innerJoin(tp, eq(tp.id, courseRuns.theoryPlaceId))
    .leftJoin(pp, eq(pp.id, courseRuns.practicePlaceId))
    .orderBy(asc(courseRuns.courseId), asc(courseRuns.startDate), asc(courseRuns.id))
    .all();
  const { certs, groups } = runChildren(db);
  type R = (typeof rows)[number] & { groups: string; certs: NonNullable<ReturnType<typeof certs.get>> };
  const h = (k: string) => headerOf(RUN_COLUMNS, k);
  const cols: Column<R>[] = [
    { header: h('id'), width: 10, value: (r) => r.id },
    { header: h('courseId'), width: 10, value: (r) => r.courseId },
    { header: h('courseTitle'), width: 36, value: (r) => r.courseTitle },
    { header: h('label'), width: 14, value: (r) => r.label },
    { header: h('startDate'), width: 12, value: (r) => r.startDate },
    { header: h('endDate'), width: 12, value: (r) => r.endDate },
    { header: h('deadline'), width: 12, value: (r) => r.deadline },
    { header: h('classDays'), width: 14, value: (r) => classDaysCell(r.classDays) },
    { header: h('dailyTime'), width: 14, value: (r) => `${r.dailyStart}-${r.dailyEnd}` },
    { header: h('theoryPlace'), width: 30, value: (r) => r.theoryPlace },
    { header: h('practicePlace'), width: 24, value: (r) => r.practicePlace ?? '' },
    { header: h('seats'), width: 8, value: (r) => r.seats },
    { header: h('seatsLeft'), width: 10, value: (r) => r.seatsLeft },
    { header: h('costType'), width: 10, value: (r) => COST_TYPE_LABELS[r.costType] },
    { header: h('fee'), width: 10, value: (r) => r.fee },
    { header: h('subsidy'), width: 10, value: (r) => r.subsidy },
    { header: h('contactName'), width: 10, value: (r) => r.contactName },
    { header: h('contactPhone'), width: 16, value: (r) => r.contactPhone },
    { header: h('targetGroups'), width: 24, value: (r) => r.groups },
    { header: h('certificates'), width: 48, value: (r) => certificatesCell(r.certs) },
    { header: h('note'), width: 30, value: (r) => r.note },
    { header: '培训机构', width: 24, value: (r) => r.provider },
    { header: '发布状态', width: 10, value: (r) => pub(r.publication) },
    { header: '版本', width: 8, value: (r) => r.version },
    { header: '最后修改', width: 18, value: (r) => instant(r.updatedAt) },
  ];
  return buildSheet(
    cols,
    rows.map((r) => ({ ...r, groups: (groups.get(r.id) ?? []).join('、'), certs: certs.get(r.id) ?? [] })),
  );
}
