/**
 * The tables an admin can download, each as columns with Chinese headers, enums as their
 * Chinese labels and dates as YYYY-MM-DD. The station and run tables use the same columns as
 * their imports (plus 版本 and status columns the import reads or ignores), so a clerk can
 * export, correct in Excel and import the file back. The sheets themselves: export-training.ts,
 * export-stations.ts, export-fairs.ts.
 */
import type { DB } from '../../client';
import type { Actor, Resource } from '../../auth/permissions';
import { can } from '../../auth/permissions';
import type { SheetData } from './sheet';
import { coursesSheet, runsSheet } from './export-training';
import { calendarSheet, stationExceptionsSheet, stationHoursSheet, stationServicesSheet, stationsSheet } from './export-stations';
import { fairEmployersSheet, fairsSheet, positionsSheet } from './export-fairs';

export const EXPORT_TABLES = [
  'courses',
  'runs',
  'stations',
  'station-hours',
  'station-exceptions',
  'station-services',
  'fairs',
  'fair-employers',
  'positions',
  'calendar',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export function isExportTable(s: string): s is ExportTable {
  return (EXPORT_TABLES as readonly string[]).includes(s);
}

type ExportDef = {
  /** Chinese name: the file name and the sheet name. */
  label: string;
  /** ASCII file name stem for old browsers. */
  slug: string;
  /** What the list page says it holds. */
  about: string;
  resource: Resource;
  /** Reads the whole table; any admin who may export it (canExport) may call it. */
  sheet: (db: DB) => Promise<SheetData>;
};

export const EXPORTS: Record<ExportTable, ExportDef> = {
  courses: { label: '课程', slug: 'courses', about: '全部课程及介绍、发布状态', resource: { kind: 'course', providerId: null }, sheet: coursesSheet },
  runs: { label: '课程班期', slug: 'course-runs', about: '每个班期的日期、地点、名额、费用，含证书和适合人群；可改后导入', resource: { kind: 'run', providerId: null }, sheet: runsSheet },
  stations: { label: '驿站', slug: 'stations', about: '驿站信息和每周开放时间；可改后导入', resource: { kind: 'station', stationId: null }, sheet: stationsSheet },
  'station-hours': { label: '驿站开放时间', slug: 'station-hours', about: '每个驿站每天的每一段开放时间（一段一行），含生效日期：以前的和已定好以后生效的每周时间都在内', resource: { kind: 'station', stationId: null }, sheet: stationHoursSheet },
  'station-exceptions': { label: '驿站临时调整', slug: 'station-exceptions', about: '临时闭站和调整时间的日期与原因', resource: { kind: 'station', stationId: null }, sheet: stationExceptionsSheet },
  'station-services': { label: '驿站服务事项', slug: 'station-services', about: '每个驿站能办的事项和办理方式', resource: { kind: 'station', stationId: null }, sheet: stationServicesSheet },
  fairs: { label: '招聘会', slug: 'fairs', about: '全部招聘会的时间、地点、状态', resource: { kind: 'fair' }, sheet: fairsSheet },
  'fair-employers': { label: '招聘会参会单位', slug: 'fair-employers', about: '每场招聘会的参会单位和展位', resource: { kind: 'fair' }, sheet: fairEmployersSheet },
  positions: { label: '招聘岗位', slug: 'positions', about: '每个单位的岗位、人数、薪资和对口课程', resource: { kind: 'fair' }, sheet: positionsSheet },
  calendar: { label: '节假日安排', slug: 'holiday-calendar', about: '全区放假和调休上班的日期', resource: { kind: 'calendar' }, sheet: calendarSheet },
};

/**
 * May this actor download the table? The 'export' verb on the table's resource; the holiday
 * calendar is public information, so whoever may export and may view the calendar may export it.
 */
export function canExport(actor: Actor, table: ExportTable): boolean {
  if (table === 'calendar') return can(actor, 'export', { kind: 'station', stationId: null }) && can(actor, 'view', { kind: 'calendar' });
  return can(actor, 'export', EXPORTS[table].resource);
}

/** Tables this actor may download, in list order. */
export function exportableTables(actor: Actor): ExportTable[] {
  return EXPORT_TABLES.filter((t) => canExport(actor, t));
}
