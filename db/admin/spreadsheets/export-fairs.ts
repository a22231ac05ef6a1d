/** The job-fair tables an admin can download: fairs, their employers, and the positions offered. */
import { asc, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { courses, fairEmployers, fairPositions, fairs, places } from '../../schema';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS, PAY_UNIT_LABELS, payText, recurrenceText } from '../../domain/labels-fairs';
import { fairPositionColumns } from '../../queries/fairs/detail';
import { buildSheet, type SheetData } from './sheet';
import { instant, localTime, pub } from './export-cells';

export async function fairsSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: fairs.id,
      title: fairs.title,
      type: fairs.type,
      organiser: fairs.organiser,
      venue: places.name,
      onlineUrl: fairs.onlineUrl,
      startsAt: fairs.startsAt,
      endsAt: fairs.endsAt,
      recurrence: fairs.recurrence,
      status: fairs.status,
      statusNote: fairs.statusNote,
      description: fairs.description,
      howToAttend: fairs.howToAttend,
      contactPhone: fairs.contactPhone,
      publication: fairs.publication,
      version: fairs.version,
      updatedAt: fairs.updatedAt,
      employers: db.$count(fairEmployers, eq(fairEmployers.fairId, fairs.id)),
    })
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .orderBy(asc(fairs.startsAt), asc(fairs.id))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '招聘会编号', width: 10, value: (r) => r.id },
      { header: '名称', width: 36, value: (r) => r.title },
      { header: '类型', width: 12, value: (r) => FAIR_TYPE_LABELS[r.type] },
      { header: '主办单位', width: 24, value: (r) => r.organiser },
      { header: '举办地点', width: 28, value: (r) => r.venue ?? '' },
      { header: '线上地址', width: 28, value: (r) => r.onlineUrl ?? '' },
      { header: '开始时间', width: 17, value: (r) => localTime(r.startsAt) },
      { header: '结束时间', width: 17, value: (r) => localTime(r.endsAt) },
      { header: '每周安排', width: 24, value: (r) => (r.recurrence ? recurrenceText(r.recurrence) : '') },
      { header: '举办状态', width: 10, value: (r) => FAIR_STATUS_LABELS[r.status] },
      { header: '状态说明', width: 24, value: (r) => r.statusNote ?? '' },
      { header: '参会单位数', width: 10, value: (r) => r.employers },
      { header: '简介', width: 40, value: (r) => r.description },
      { header: '如何参加', width: 40, value: (r) => r.howToAttend },
      { header: '联系电话', width: 16, value: (r) => r.contactPhone },
      { header: '发布状态', width: 10, value: (r) => pub(r.publication) },
      { header: '版本', width: 8, value: (r) => r.version },
      { header: '最后修改', width: 18, value: (r) => instant(r.updatedAt) },
    ],
    rows,
  );
}

export async function fairEmployersSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: fairEmployers.id,
      fairId: fairEmployers.fairId,
      fair: fairs.title,
      name: fairEmployers.name,
      industry: fairEmployers.industry,
      intro: fairEmployers.intro,
      booth: fairEmployers.booth,
      positions: db.$count(fairPositions, eq(fairPositions.employerId, fairEmployers.id)),
    })
    .from(fairEmployers)
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .orderBy(asc(fairEmployers.fairId), asc(fairEmployers.id))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '单位编号', width: 10, value: (r) => r.id },
      { header: '招聘会编号', width: 10, value: (r) => r.fairId },
      { header: '招聘会', width: 36, value: (r) => r.fair },
      { header: '单位名称', width: 30, value: (r) => r.name },
      { header: '行业', width: 14, value: (r) => r.industry },
      { header: '展位', width: 12, value: (r) => r.booth ?? '' },
      { header: '岗位数', width: 8, value: (r) => r.positions },
      { header: '单位简介', width: 40, value: (r) => r.intro },
    ],
    rows,
  );
}

export async function positionsSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: fairPositions.id,
      fairId: fairs.id,
      fair: fairs.title,
      employer: fairEmployers.name,
      ...fairPositionColumns,
      courseId: fairPositions.courseId,
      course: courses.title,
    })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .leftJoin(courses, eq(courses.id, fairPositions.courseId))
    .orderBy(asc(fairs.id), asc(fairEmployers.id), asc(fairPositions.id))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '岗位编号', width: 10, value: (r) => r.id },
      { header: '招聘会编号', width: 10, value: (r) => r.fairId },
      { header: '招聘会', width: 30, value: (r) => r.fair },
      { header: '招聘单位', width: 28, value: (r) => r.employer },
      { header: '岗位名称', width: 20, value: (r) => r.title },
      { header: '招聘人数', width: 10, value: (r) => r.headcount },
      { header: '最低薪资', width: 10, value: (r) => r.payMin },
      { header: '最高薪资', width: 10, value: (r) => r.payMax },
      { header: '薪资单位', width: 10, value: (r) => PAY_UNIT_LABELS[r.payUnit] },
      { header: '薪资', width: 18, value: (r) => payText(r.payMin, r.payMax, r.payUnit) },
      { header: '岗位要求', width: 40, value: (r) => r.requirements },
      { header: '对口课程编号', width: 12, value: (r) => r.courseId },
      { header: '对口课程', width: 36, value: (r) => r.course ?? '' },
    ],
    rows,
  );
}
