/**
 * The tables an admin can download, each as columns with Chinese headers, enums as their
 * Chinese labels and dates as YYYY-MM-DD. The station and run tables use the same columns as
 * their imports (plus 版本 and status columns the import reads or ignores), so a clerk can
 * export, correct in Excel and import the file back.
 */
import { sql } from 'drizzle-orm';
import type { DB } from '../../client';
import type { Actor, Resource } from '../../auth/permissions';
import { can } from '../../auth/permissions';
import { PUBLICATION_LABELS } from '../../auth/permissions';
import type { CertificateKind, CostType, FairStatus, FairType, HostType, HoursScope, PayUnit, Publication, Recurrence, ServiceMode, Session, StationStatus } from '../../enums';
import { CERTIFICATE_KIND_LABELS, COST_TYPE_LABELS, levelLabel } from '../../domain/labels-courses';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS, PAY_UNIT_LABELS, payText, recurrenceText } from '../../domain/labels-fairs';
import { HOST_TYPE_LABELS, SERVICE_MODE_LABELS, STATION_STATUS_LABELS } from '../../domain/labels-stations';
import { formatInstant, WEEKDAY_NAMES } from '../../domain/time';
import { certificatesCell, classDaysCell, RUN_COLUMNS, sessionsCell, STATION_COLUMNS } from '../../validation/admin/import';
import { buildSheet, type Column, type SheetData } from './sheet';

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
  sheet: (db: DB) => SheetData;
};

const yesNo = (b: unknown) => (b ? '是' : '否');
const instant = (ms: number | null) => (ms === null ? null : formatInstant(ms));
const localTime = (s: string) => s.replace('T', ' ');
const pub = (p: Publication) => PUBLICATION_LABELS[p];

function headerOf(columns: { key: string; header: string }[], key: string): string {
  const c = columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.header;
}

// ---------------------------------------------------------------------------

type CourseRow = {
  id: number;
  title: string;
  occupation: string;
  level: number;
  provider: string;
  summary: string;
  suitableFor: string;
  requirements: string;
  content: string;
  method: string;
  materials: string;
  assessment: string;
  outcomes: string;
  durationDays: number | null;
  publication: Publication;
  version: number;
  publishedAt: number | null;
  updatedAt: number;
};

function coursesSheet(db: DB): SheetData {
  const rows = db.all<CourseRow>(sql`
    SELECT c.id, c.title, o.name AS occupation, c.level, p.name AS provider, c.summary, c.suitable_for AS suitableFor,
      c.requirements, c.content, c.method, c.materials, c.assessment, c.outcomes, c.duration_days AS durationDays,
      c.publication, c.version, c.published_at AS publishedAt, c.updated_at AS updatedAt
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    ORDER BY c.id`);
  const cols: Column<CourseRow>[] = [
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

type RunRow = {
  id: number;
  courseId: number;
  courseTitle: string;
  provider: string;
  label: string;
  startDate: string;
  endDate: string;
  deadline: string;
  classDays: string;
  dailyStart: string;
  dailyEnd: string;
  theoryPlace: string;
  practicePlace: string | null;
  seats: number;
  seatsLeft: number;
  costType: CostType;
  fee: number | null;
  subsidy: number | null;
  contactName: string;
  contactPhone: string;
  note: string;
  publication: Publication;
  version: number;
  updatedAt: number;
  groups: string;
  certs: { kind: CertificateKind; name: string; issuer: string }[];
};

function runsSheet(db: DB): SheetData {
  const rows = db.all<Omit<RunRow, 'certs'>>(sql`
    SELECT r.id, r.course_id AS courseId, c.title AS courseTitle, p.name AS provider, r.label, r.start_date AS startDate,
      r.end_date AS endDate, r.deadline, r.class_days AS classDays, r.daily_start AS dailyStart, r.daily_end AS dailyEnd,
      tp.name AS theoryPlace, pp.name AS practicePlace, r.seats, r.seats_left AS seatsLeft, r.cost_type AS costType,
      r.fee, r.subsidy, r.contact_name AS contactName, r.contact_phone AS contactPhone, r.note, r.publication, r.version,
      r.updated_at AS updatedAt,
      COALESCE((SELECT group_concat(name, '、') FROM (SELECT g.name FROM run_target_groups rg JOIN target_groups g ON g.code = rg.group_code
        WHERE rg.run_id = r.id ORDER BY g.sort)), '') AS groups
    FROM course_runs r JOIN courses c ON c.id = r.course_id JOIN providers p ON p.id = c.provider_id
    JOIN places tp ON tp.id = r.theory_place_id LEFT JOIN places pp ON pp.id = r.practice_place_id
    ORDER BY r.course_id, r.start_date, r.id`);
  const certs = new Map<number, RunRow['certs']>();
  for (const c of db.all<{ runId: number; kind: CertificateKind; name: string; issuer: string }>(
    sql`SELECT run_id AS runId, kind, name, issuer FROM run_certificates ORDER BY run_id, kind, id`,
  )) {
    certs.set(c.runId, [...(certs.get(c.runId) ?? []), c]);
  }
  const h = (k: string) => headerOf(RUN_COLUMNS, k);
  const cols: Column<RunRow>[] = [
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
    rows.map((r) => ({ ...r, certs: certs.get(r.id) ?? [] })),
  );
}

type StationRow = {
  id: number;
  name: string;
  hostType: HostType;
  hostName: string;
  street: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  hasWindow: number;
  hasSelfService: number;
  hasAiAvatar: number;
  isAccessible: number;
  status: StationStatus;
  openingDate: string | null;
  statusReason: string | null;
  lastVerifiedOn: string;
  directions: string;
  publication: Publication;
  version: number;
  updatedAt: number;
  hours: Map<string, Session[]>;
  hasCounter: boolean;
};

function stationsSheet(db: DB): SheetData {
  const rows = db.all<Omit<StationRow, 'hours' | 'hasCounter'>>(sql`
    SELECT s.id, s.name, s.host_type AS hostType, s.host_name AS hostName, st.name AS street, s.address, s.lat, s.lng, s.phone,
      s.has_window AS hasWindow, s.has_self_service AS hasSelfService, s.has_ai_avatar AS hasAiAvatar, s.is_accessible AS isAccessible,
      s.status, s.opening_date AS openingDate, s.status_reason AS statusReason, s.last_verified_on AS lastVerifiedOn,
      s.directions, s.publication, s.version, s.updated_at AS updatedAt
    FROM stations s JOIN streets st ON st.id = s.street_id ORDER BY s.id`);
  const hours = new Map<number, Map<string, Session[]>>();
  for (const h of db.all<{ stationId: number; scope: HoursScope; weekday: number; opens: string; closes: string }>(
    sql`SELECT station_id AS stationId, scope, weekday, opens, closes FROM station_hours ORDER BY station_id, scope, weekday, opens`,
  )) {
    const m = hours.get(h.stationId) ?? new Map<string, Session[]>();
    const key = `${h.scope}${h.weekday}`;
    m.set(key, [...(m.get(key) ?? []), { opens: h.opens, closes: h.closes }]);
    hours.set(h.stationId, m);
  }
  const h = (k: string) => headerOf(STATION_COLUMNS, k);
  const days = [1, 2, 3, 4, 5, 6, 7];
  const cols: Column<StationRow>[] = [
    { header: h('id'), width: 10, value: (r) => r.id },
    { header: h('name'), width: 36, value: (r) => r.name },
    { header: h('hostType'), width: 18, value: (r) => HOST_TYPE_LABELS[r.hostType] },
    { header: h('hostName'), width: 28, value: (r) => r.hostName },
    { header: h('street'), width: 14, value: (r) => r.street },
    { header: h('address'), width: 30, value: (r) => r.address },
    { header: h('lat'), width: 11, value: (r) => r.lat },
    { header: h('lng'), width: 11, value: (r) => r.lng },
    { header: h('phone'), width: 16, value: (r) => r.phone },
    { header: h('hasWindow'), width: 10, value: (r) => yesNo(r.hasWindow) },
    { header: h('hasSelfService'), width: 10, value: (r) => yesNo(r.hasSelfService) },
    { header: h('hasAiAvatar'), width: 10, value: (r) => yesNo(r.hasAiAvatar) },
    { header: h('isAccessible'), width: 12, value: (r) => yesNo(r.isAccessible) },
    { header: h('status'), width: 12, value: (r) => STATION_STATUS_LABELS[r.status] },
    { header: h('openingDate'), width: 12, value: (r) => r.openingDate ?? '' },
    { header: h('statusReason'), width: 20, value: (r) => r.statusReason ?? '' },
    { header: h('lastVerifiedOn'), width: 12, value: (r) => r.lastVerifiedOn },
    { header: h('directions'), width: 30, value: (r) => r.directions },
    ...days.map((d) => ({ header: h(`day${d}`), width: 24, value: (r: StationRow) => sessionsCell(r.hours.get(`station${d}`) ?? []) })),
    ...days.map((d) => ({
      header: h(`counter${d}`),
      width: 18,
      value: (r: StationRow) => (r.hasCounter ? sessionsCell(r.hours.get(`counter${d}`) ?? []) : ''),
    })),
    { header: '发布状态', width: 10, value: (r) => pub(r.publication) },
    { header: '版本', width: 8, value: (r) => r.version },
    { header: '最后修改', width: 18, value: (r) => instant(r.updatedAt) },
  ];
  return buildSheet(
    cols,
    rows.map((r) => {
      const m = hours.get(r.id) ?? new Map<string, Session[]>();
      return { ...r, hours: m, hasCounter: [...m.keys()].some((k) => k.startsWith('counter')) };
    }),
  );
}

function stationHoursSheet(db: DB): SheetData {
  type R = { stationId: number; station: string; scope: HoursScope; weekday: number; opens: string; closes: string };
  const rows = db.all<R>(sql`
    SELECT h.station_id AS stationId, s.name AS station, h.scope, h.weekday, h.opens, h.closes
    FROM station_hours h JOIN stations s ON s.id = h.station_id ORDER BY h.station_id, h.scope DESC, h.weekday, h.opens`);
  return buildSheet<R>(
    [
      { header: '驿站编号', width: 10, value: (r) => r.stationId },
      { header: '驿站名称', width: 36, value: (r) => r.station },
      { header: '适用于', width: 10, value: (r) => (r.scope === 'counter' ? '人工窗口' : '驿站') },
      { header: '星期', width: 8, value: (r) => WEEKDAY_NAMES[r.weekday] ?? String(r.weekday) },
      { header: '开始时间', width: 10, value: (r) => r.opens },
      { header: '结束时间', width: 10, value: (r) => r.closes },
    ],
    rows,
  );
}

function stationExceptionsSheet(db: DB): SheetData {
  type R = { id: number; stationId: number; station: string; startDate: string; endDate: string; closed: number; sessions: string; reason: string };
  const rows = db.all<R>(sql`
    SELECT e.id, e.station_id AS stationId, s.name AS station, e.start_date AS startDate, e.end_date AS endDate, e.closed, e.sessions, e.reason
    FROM station_exceptions e JOIN stations s ON s.id = e.station_id ORDER BY e.start_date, e.station_id`);
  const sessions = (json: string): Session[] => {
    try {
      const v = JSON.parse(json) as unknown;
      return Array.isArray(v) ? (v as Session[]) : [];
    } catch {
      return [];
    }
  };
  return buildSheet<R>(
    [
      { header: '编号', width: 8, value: (r) => r.id },
      { header: '驿站编号', width: 10, value: (r) => r.stationId },
      { header: '驿站名称', width: 36, value: (r) => r.station },
      { header: '开始日期', width: 12, value: (r) => r.startDate },
      { header: '结束日期', width: 12, value: (r) => r.endDate },
      { header: '安排', width: 10, value: (r) => (r.closed ? '闭站' : '调整时间') },
      { header: '当天时间', width: 24, value: (r) => (r.closed ? '' : sessionsCell(sessions(r.sessions))) },
      { header: '原因', width: 48, value: (r) => r.reason },
    ],
    rows,
  );
}

function stationServicesSheet(db: DB): SheetData {
  type R = { stationId: number; station: string; serviceId: number; service: string; category: string; mode: ServiceMode };
  const rows = db.all<R>(sql`
    SELECT ss.station_id AS stationId, s.name AS station, ss.service_id AS serviceId, sv.name AS service, sv.category, ss.mode
    FROM station_services ss JOIN stations s ON s.id = ss.station_id JOIN services sv ON sv.id = ss.service_id
    ORDER BY ss.station_id, sv.sort, sv.id`);
  return buildSheet<R>(
    [
      { header: '驿站编号', width: 10, value: (r) => r.stationId },
      { header: '驿站名称', width: 36, value: (r) => r.station },
      { header: '事项编号', width: 10, value: (r) => r.serviceId },
      { header: '事项名称', width: 30, value: (r) => r.service },
      { header: '事项分类', width: 16, value: (r) => r.category },
      { header: '办理方式', width: 22, value: (r) => SERVICE_MODE_LABELS[r.mode] },
    ],
    rows,
  );
}

function fairsSheet(db: DB): SheetData {
  type R = {
    id: number;
    title: string;
    type: FairType;
    organiser: string;
    venue: string | null;
    onlineUrl: string | null;
    startsAt: string;
    endsAt: string;
    recurrence: string | null;
    status: FairStatus;
    statusNote: string | null;
    description: string;
    howToAttend: string;
    contactPhone: string;
    publication: Publication;
    version: number;
    updatedAt: number;
    employers: number;
  };
  const rows = db.all<R>(sql`
    SELECT f.id, f.title, f.type, f.organiser, pl.name AS venue, f.online_url AS onlineUrl, f.starts_at AS startsAt, f.ends_at AS endsAt,
      f.recurrence, f.status, f.status_note AS statusNote, f.description, f.how_to_attend AS howToAttend, f.contact_phone AS contactPhone,
      f.publication, f.version, f.updated_at AS updatedAt, (SELECT count(*) FROM fair_employers e WHERE e.fair_id = f.id) AS employers
    FROM fairs f LEFT JOIN places pl ON pl.id = f.place_id ORDER BY f.starts_at, f.id`);
  const rec = (json: string | null) => {
    if (!json) return '';
    try {
      return recurrenceText(JSON.parse(json) as Recurrence);
    } catch {
      return '';
    }
  };
  return buildSheet<R>(
    [
      { header: '招聘会编号', width: 10, value: (r) => r.id },
      { header: '名称', width: 36, value: (r) => r.title },
      { header: '类型', width: 12, value: (r) => FAIR_TYPE_LABELS[r.type] },
      { header: '主办单位', width: 24, value: (r) => r.organiser },
      { header: '举办地点', width: 28, value: (r) => r.venue ?? '' },
      { header: '线上地址', width: 28, value: (r) => r.onlineUrl ?? '' },
      { header: '开始时间', width: 17, value: (r) => localTime(r.startsAt) },
      { header: '结束时间', width: 17, value: (r) => localTime(r.endsAt) },
      { header: '每周安排', width: 24, value: (r) => rec(r.recurrence) },
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

function fairEmployersSheet(db: DB): SheetData {
  type R = { id: number; fairId: number; fair: string; name: string; industry: string; intro: string; booth: string | null; positions: number };
  const rows = db.all<R>(sql`
    SELECT e.id, e.fair_id AS fairId, f.title AS fair, e.name, e.industry, e.intro, e.booth,
      (SELECT count(*) FROM fair_positions p WHERE p.employer_id = e.id) AS positions
    FROM fair_employers e JOIN fairs f ON f.id = e.fair_id ORDER BY e.fair_id, e.id`);
  return buildSheet<R>(
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

function positionsSheet(db: DB): SheetData {
  type R = {
    id: number;
    fairId: number;
    fair: string;
    employer: string;
    title: string;
    headcount: number;
    payMin: number | null;
    payMax: number | null;
    payUnit: PayUnit;
    requirements: string;
    courseId: number | null;
    course: string | null;
  };
  const rows = db.all<R>(sql`
    SELECT p.id, f.id AS fairId, f.title AS fair, e.name AS employer, p.title, p.headcount, p.pay_min AS payMin, p.pay_max AS payMax,
      p.pay_unit AS payUnit, p.requirements, p.course_id AS courseId, c.title AS course
    FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id JOIN fairs f ON f.id = e.fair_id
    LEFT JOIN courses c ON c.id = p.course_id ORDER BY f.id, e.id, p.id`);
  return buildSheet<R>(
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

function calendarSheet(db: DB): SheetData {
  type R = { date: string; kind: 'holiday' | 'workday'; name: string; asWeekday: number | null };
  const rows = db.all<R>(sql`SELECT date, kind, name, as_weekday AS asWeekday FROM calendar_days ORDER BY date`);
  return buildSheet<R>(
    [
      { header: '日期', width: 12, value: (r) => r.date },
      { header: '星期', width: 8, value: (r) => WEEKDAY_NAMES[new Date(`${r.date}T12:00:00Z`).getUTCDay() || 7] ?? '' },
      { header: '安排', width: 12, value: (r) => (r.kind === 'holiday' ? '放假' : '调休上班') },
      { header: '名称', width: 20, value: (r) => r.name },
      { header: '按哪天的时间上班', width: 16, value: (r) => (r.kind === 'workday' ? (WEEKDAY_NAMES[r.asWeekday ?? 1] ?? '') : '') },
    ],
    rows,
  );
}

export const EXPORTS: Record<ExportTable, ExportDef> = {
  courses: { label: '课程', slug: 'courses', about: '全部课程及介绍、发布状态', resource: { kind: 'course', providerId: null }, sheet: coursesSheet },
  runs: { label: '课程班期', slug: 'course-runs', about: '每个班期的日期、地点、名额、费用，含证书和适合人群；可改后导入', resource: { kind: 'run', providerId: null }, sheet: runsSheet },
  stations: { label: '驿站', slug: 'stations', about: '驿站信息和每周开放时间；可改后导入', resource: { kind: 'station', stationId: null }, sheet: stationsSheet },
  'station-hours': { label: '驿站开放时间', slug: 'station-hours', about: '每个驿站每天的每一段开放时间（一段一行）', resource: { kind: 'station', stationId: null }, sheet: stationHoursSheet },
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
