/**
 * The CSV downloads of open data: the same published rows as the API, one row each, with
 * Chinese headers (what residents open them in is Excel or WPS). Stations carry one column per
 * weekday for the station's hours and, when the counter keeps its own, for the counter's.
 */
import { buildSheet, toCsv, type Column } from '@/db/admin/spreadsheets/sheet';
import { COST_TYPE_LABELS } from '@/db/domain/labels-courses';
import type { WeeklySession } from '@/db/domain/hours';
import { WEEKDAY_NAMES, beijingToday } from '@/db/domain/time';
import { publishedStationHours } from '@/db/queries/open-data-stations';
import { listApiCourses, listApiRuns, type ApiCourse, type ApiRun } from './courses';
import { listApiFairs, type ApiFair } from './fairs';
import { listApiStations, weekOf, type ApiStation } from './stations';

const DAYS = [1, 2, 3, 4, 5, 6, 7];
const yes = (b: boolean) => (b ? '是' : '否');
const sessionsText = (s: { opens: string; closes: string }[]) => (s.length ? s.map((x) => `${x.opens}-${x.closes}`).join(' ') : '休息');

type StationCsvRow = ApiStation & { hours: WeeklySession[] };

export async function stationsCsv(base: string, now = new Date()): Promise<string> {
  const [{ items }, hours] = await Promise.all([
    listApiStations({ q: '', street: null, host_type: null, service: null, open_now: null, page: 1, per_page: 1 }, 'all', base, now),
    publishedStationHours(beijingToday(now)),
  ]);
  const rows: StationCsvRow[] = items.map((s) => ({ ...s, hours: hours.get(s.id) ?? [] }));
  const day = (r: StationCsvRow, scope: 'station' | 'counter', d: number) => sessionsText(weekOf(r.hours, scope)[d - 1]?.sessions ?? []);
  const cols: Column<StationCsvRow>[] = [
    { header: '编号', value: (r) => r.id },
    { header: '名称', value: (r) => r.name },
    { header: '承办类型', value: (r) => r.host_type_label },
    { header: '承办单位', value: (r) => r.host_name },
    { header: '街镇', value: (r) => r.street.name },
    { header: '地址', value: (r) => r.address },
    { header: '电话', value: (r) => r.phone },
    { header: '纬度(WGS-84)', value: (r) => r.location.lat },
    { header: '经度(WGS-84)', value: (r) => r.location.lng },
    { header: '状态', value: (r) => r.status_label },
    { header: '开放日期', value: (r) => r.opening_date ?? '' },
    ...DAYS.map((d) => ({ header: `${WEEKDAY_NAMES[d]}开放时间`, value: (r: StationCsvRow) => day(r, 'station', d) })),
    ...DAYS.map((d) => ({
      header: `${WEEKDAY_NAMES[d]}人工窗口时间`,
      value: (r: StationCsvRow) => (r.hours.some((h) => h.scope === 'counter') ? day(r, 'counter', d) : '同开放时间'),
    })),
    { header: '人工窗口', value: (r) => yes(r.facilities.window) },
    { header: '自助设备', value: (r) => yes(r.facilities.self_service) },
    { header: 'AI数字人', value: (r) => yes(r.facilities.ai_avatar) },
    { header: '无障碍', value: (r) => yes(r.facilities.accessible) },
    { header: '信息核实日期', value: (r) => r.last_verified_on },
    { header: '网址', value: (r) => r.url },
  ];
  return toCsv(buildSheet(cols, rows));
}

export async function coursesCsv(base: string, now = new Date()): Promise<string> {
  const { items } = await listApiCourses({ q: '', occupation: null, level: [], street: null, cost: [], page: 1, per_page: 1 }, 'all', base, now);
  const cols: Column<ApiCourse>[] = [
    { header: '编号', value: (r) => r.id },
    { header: '课程名称', value: (r) => r.title },
    { header: '工种', value: (r) => r.occupation.name },
    { header: '等级', value: (r) => r.level_label },
    { header: '培训机构', value: (r) => r.provider.name },
    { header: '简介', value: (r) => r.summary },
    { header: '培训天数', value: (r) => r.duration_days },
    { header: '班期数', value: (r) => r.runs_count },
    { header: '最近开课日期', value: (r) => r.next_start_date ?? '' },
    { header: '网址', value: (r) => r.url },
  ];
  return toCsv(buildSheet(cols, items));
}

export async function runsCsv(base: string, now = new Date()): Promise<string> {
  const { items } = await listApiRuns(
    { q: '', course: null, occupation: null, level: [], street: null, cost: [], status: [], start_from: null, start_to: null, page: 1, per_page: 1 },
    'all',
    base,
    now,
  );
  const cols: Column<ApiRun>[] = [
    { header: '班期编号', value: (r) => r.id },
    { header: '课程编号', value: (r) => r.course_id },
    { header: '课程名称', value: (r) => r.course_title },
    { header: '班期', value: (r) => r.label },
    { header: '开课日期', value: (r) => r.start_date },
    { header: '结课日期', value: (r) => r.end_date },
    { header: '上课日', value: (r) => r.class_days.map((d) => WEEKDAY_NAMES[d]).join('、') },
    { header: '上课时间', value: (r) => `${r.daily_start}-${r.daily_end}` },
    { header: '状态', value: (r) => r.status_label },
    { header: '名额', value: (r) => r.seats },
    { header: '剩余名额', value: (r) => r.seats_left },
    { header: '报名截止', value: (r) => r.deadline },
    { header: '费用类型', value: (r) => COST_TYPE_LABELS[r.cost_type] },
    { header: '学费(元)', value: (r) => r.fee },
    { header: '补贴(元)', value: (r) => r.subsidy },
    { header: '上课地点', value: (r) => r.theory_place.name },
    { header: '地址', value: (r) => r.theory_place.address },
    { header: '联系人', value: (r) => r.contact_name },
    { header: '联系电话', value: (r) => r.contact_phone },
    { header: '网址', value: (r) => r.url },
  ];
  return toCsv(buildSheet(cols, items));
}

const MODE_TEXT = { offline: '现场', online: '线上', mixed: '现场+线上' } as const;

export async function fairsCsv(base: string, now = new Date()): Promise<string> {
  const { items } = await listApiFairs({ q: '', type: null, street: null, date: null, when: 'all', page: 1, per_page: 1 }, 'all', base, now);
  const cols: Column<ApiFair>[] = [
    { header: '编号', value: (r) => r.id },
    { header: '名称', value: (r) => r.title },
    { header: '类型', value: (r) => r.type_label },
    { header: '状态', value: (r) => r.status_label },
    { header: '状态说明', value: (r) => r.status_note ?? '' },
    { header: '主办单位', value: (r) => r.organiser },
    { header: '开始时间', value: (r) => r.starts_at },
    { header: '结束时间', value: (r) => r.ends_at },
    {
      header: '每周举办',
      value: (r) => (r.recurrence ? `${r.recurrence.weekdays.map((d) => WEEKDAY_NAMES[d]).join('、')} ${r.recurrence.opens}-${r.recurrence.closes}` : ''),
    },
    { header: '参加方式', value: (r) => MODE_TEXT[r.attendance_mode] },
    { header: '地点', value: (r) => r.venue?.name ?? '' },
    { header: '地址', value: (r) => r.venue?.address ?? '' },
    { header: '线上地址', value: (r) => r.online_url ?? '' },
    { header: '联系电话', value: (r) => r.contact_phone },
    { header: '网址', value: (r) => r.url },
  ];
  return toCsv(buildSheet(cols, items));
}
