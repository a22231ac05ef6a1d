/**
 * The two spreadsheet imports — stations with their weekly hours, and course runs — as columns
 * a clerk fills in and zod schemas that turn one row of text cells into typed values. Lookups
 * that need the database (街镇, 课程, 地点 by name; does 驿站编号 exist) happen in
 * db/admin/spreadsheets/import.ts; everything that can be checked from the row alone is here.
 *
 * Hours are written the way people write them: "09:00-12:00,13:30-17:00", empty or 休息 for a
 * closed day.
 */
import { z } from 'zod';
import { COST_TYPES, HOST_TYPES, STATION_STATUSES, type Session } from '../../enums';
import { HOST_TYPE_LABELS, STATION_STATUS_LABELS } from '../../domain/labels-stations';
import { CERTIFICATE_KIND_LABELS, COST_TYPE_LABELS } from '../../domain/labels-courses';
import { WEEKDAY_NAMES, weekdayList } from '../../domain/time';
import type { CertificateKind, StationStatus } from '../../enums';
import { date, int, optionalDate, optionalInt, optionalText, phone, text, name, optionalName } from './fields';
import { runFields, runSaveProblems } from './run';
import { STATION_TEXT_MAX } from './station';

export const IMPORT_KINDS = ['stations', 'runs'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportColumn = {
  key: string;
  header: string;
  /** One line of help for the format page and the template's 填写说明 sheet. */
  help: string;
  example: string;
  width?: number;
};

// ---------------------------------------------------------------------------
// Cell formats shared by both imports
// ---------------------------------------------------------------------------

const CLOSED_WORDS = new Set(['', '休息', '闭馆', '不开放', '关闭', '无', '-', '—', '/']);
const TIME_PART = /^(\d{1,2})[:：](\d{2})$/;

function normTime(s: string): string | null {
  const m = TIME_PART.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/**
 * "09:00-12:00,13:30-17:00" → sessions, sorted. Separators , ， 、 ; ； or spaces between
 * sessions; - – — ~ ～ 至 到 inside one. Empty or 休息 → no sessions (closed that day).
 * Returns a message saying how to write it when the text cannot be read.
 */
export function parseSessions(raw: string): { ok: true; sessions: Session[] } | { ok: false; message: string } {
  const s = raw.trim();
  if (CLOSED_WORDS.has(s)) return { ok: true, sessions: [] };
  const parts = s.split(/[,，、;；\s\n]+/).filter(Boolean);
  const sessions: Session[] = [];
  for (const p of parts) {
    const m = /^(.+?)\s*[-–—~～至到]\s*(.+)$/.exec(p);
    const opens = m ? normTime(m[1]!) : null;
    const closes = m ? normTime(m[2]!) : null;
    if (!opens || !closes) return { ok: false, message: '时间应写成 09:00-17:00，有午休写成 09:00-12:00,13:30-17:00，不开放写“休息”' };
    if (closes <= opens) return { ok: false, message: `${opens}-${closes} 的结束时间要晚于开始时间` };
    sessions.push({ opens, closes });
  }
  sessions.sort((a, b) => a.opens.localeCompare(b.opens));
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i]!.opens < sessions[i - 1]!.closes) return { ok: false, message: `${sessions[i - 1]!.opens}-${sessions[i - 1]!.closes} 和 ${sessions[i]!.opens}-${sessions[i]!.closes} 时间重叠了` };
  }
  return { ok: true, sessions };
}

/** Sessions back to cell text: "09:00-12:00,13:30-17:00", or 休息. */
export function sessionsCell(sessions: readonly Session[]): string {
  return sessions.length ? sessions.map((x) => `${x.opens}-${x.closes}`).join(',') : '休息';
}

const DAY_CHARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7 };

function dayOf(token: string): number | null {
  const t = token.trim().replace(/^(周|星期|礼拜)/, '');
  if (/^[1-7]$/.test(t)) return Number(t);
  return DAY_CHARS[t] ?? null;
}

/** "周一至周五", "周一、周三、周五", "周六,周日", "每天", "1,2,3" → sorted ISO weekdays. */
export function parseWeekdays(raw: string): number[] | null {
  const s = raw.trim();
  if (s === '每天' || s === '周一至周日') return [1, 2, 3, 4, 5, 6, 7];
  if (s === '') return null;
  const days = new Set<number>();
  for (const part of s.split(/[,，、;；\s]+/).filter(Boolean)) {
    const range = /^(.+?)[至到\-–~～](.+)$/.exec(part);
    if (range) {
      const a = dayOf(range[1]!);
      const b = dayOf(range[2]!);
      if (!a || !b || b < a) return null;
      for (let d = a; d <= b; d++) days.add(d);
    } else {
      const d = dayOf(part);
      if (!d) return null;
      days.add(d);
    }
  }
  return [...days].sort((a, b) => a - b);
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗']);

/** 是/否 (有/无, √/×, 1/0); empty → the default. */
function yesNo(label: string, fallback: boolean) {
  return z.string().transform((v, ctx) => {
    const s = v.trim().toLowerCase();
    if (s === '') return fallback;
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    ctx.addIssue({ code: 'custom', message: `${label}请填写“是”或“否”` });
    return z.NEVER;
  });
}

/** A value from a fixed list, written as its Chinese label (the code is accepted too). */
function labelled<T extends string>(labels: Record<T, string>, label: string, fallback?: T) {
  const byLabel = new Map<string, T>();
  for (const [code, name] of Object.entries(labels) as [T, string][]) {
    byLabel.set(name, code);
    byLabel.set(code, code);
  }
  return z.string().transform((v, ctx) => {
    const s = v.trim();
    if (s === '' && fallback !== undefined) return fallback;
    const code = byLabel.get(s);
    if (code) return code;
    ctx.addIssue({ code: 'custom', message: s === '' ? `请填写${label}：${Object.values(labels).join('、')}` : `${label}只能填：${Object.values(labels).join('、')}` });
    return z.NEVER;
  });
}

function hoursCell(label: string) {
  return z.string().transform((v, ctx) => {
    const r = parseSessions(v);
    if (r.ok) return r.sessions;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });
}

function coordinate(label: string, min: number, max: number) {
  return z.string().transform((v, ctx) => {
    const s = v.trim();
    if (s === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${label}请填写 ${min} 到 ${max} 之间的小数，例如 ${label === '纬度' ? '39.86375' : '116.362696'}` });
      return z.NEVER;
    }
    return n;
  });
}

/** An id column: empty → null (a new record), else a positive whole number. */
function optionalRecordId(label: string) {
  return optionalInt(label, { min: 1, max: 100_000_000 });
}

// ---------------------------------------------------------------------------
// Stations with hours
// ---------------------------------------------------------------------------

export const WEEKDAY_KEYS = [1, 2, 3, 4, 5, 6, 7] as const;
const dayHeader = (d: number) => WEEKDAY_NAMES[d]!;
const counterHeader = (d: number) => `窗口${WEEKDAY_NAMES[d]!}`;

export const STATION_COLUMNS: ImportColumn[] = [
  { key: 'id', header: '驿站编号', help: '留空表示新建驿站；填已有驿站的编号（可从“导出驿站”得到）表示更新它。', example: '', width: 10 },
  { key: 'name', header: '驿站名称', help: '必填，例如 右安门街道便民服务中心医保服务驿站。', example: '卢沟桥街道便民服务中心医保服务驿站', width: 36 },
  { key: 'hostType', header: '承办类型', help: `必填，只能填：${Object.values(HOST_TYPE_LABELS).join('、')}。`, example: HOST_TYPE_LABELS.street_centre, width: 18 },
  { key: 'hostName', header: '承办单位', help: '必填，驿站所在的单位全称。', example: '丰台区卢沟桥街道便民服务中心', width: 28 },
  { key: 'street', header: '所在街镇', help: '必填，丰台区的街道或镇，例如 卢沟桥街道（可省略“街道”二字）。', example: '卢沟桥街道', width: 14 },
  { key: 'address', header: '地址', help: '必填，居民能找到的详细地址。', example: '北京市丰台区卢沟桥路12号', width: 30 },
  { key: 'lat', header: '纬度', help: '新建时可留空（先用街镇中心位置，发布前请核对）；更新时留空表示不改。', example: '', width: 11 },
  { key: 'lng', header: '经度', help: '同上，例如 116.362696。', example: '', width: 11 },
  { key: 'phone', header: '联系电话', help: '必填，例如 010-63812345。', example: '010-5555-2099', width: 16 },
  { key: 'hasWindow', header: '人工窗口', help: '有没有人工窗口：是 / 否，留空为“是”。', example: '是', width: 10 },
  { key: 'hasSelfService', header: '自助终端', help: '是 / 否，留空为“否”。', example: '否', width: 10 },
  { key: 'hasAiAvatar', header: 'AI数字人', help: '是 / 否，留空为“否”。', example: '否', width: 10 },
  { key: 'isAccessible', header: '无障碍设施', help: '是 / 否，留空为“否”。', example: '是', width: 12 },
  { key: 'status', header: '运行状态', help: `${Object.values(STATION_STATUS_LABELS).join('、')}，留空为“正常运行”。`, example: STATION_STATUS_LABELS.operating, width: 12 },
  { key: 'openingDate', header: '开放日期', help: '“尚未启用”时必填，写成 2026-12-01。', example: '', width: 12 },
  { key: 'statusReason', header: '状态说明', help: '“暂停服务”时必填，用居民听得懂的话写原因。', example: '', width: 20 },
  { key: 'lastVerifiedOn', header: '核实日期', help: '最近一次核对这些信息的日期，写成 2026-11-20；新建时留空为今天，更新时留空表示不改。', example: '', width: 12 },
  { key: 'directions', header: '怎么去', help: '选填：乘车、停车、从哪个门进。', example: '在便民服务中心一层大厅。', width: 30 },
  ...WEEKDAY_KEYS.map((d) => ({
    key: `day${d}`,
    header: dayHeader(d),
    help: d === 1 ? '驿站每周的开放时间，写成 09:00-17:00；有午休写成 09:00-12:00,13:30-17:00；不开放写“休息”或留空。' : `${dayHeader(d)}的开放时间，写法同周一。`,
    example: d <= 5 ? '09:00-12:00,13:30-17:00' : '休息',
    width: 24,
  })),
  ...WEEKDAY_KEYS.map((d) => ({
    key: `counter${d}`,
    header: counterHeader(d),
    help:
      d === 1
        ? '人工窗口的时间和驿站不一样时才填（例如银行网点的医保窗口）。七天都留空表示窗口和驿站同时开放；只要填了一天，留空的那天就表示窗口不开放。'
        : `${counterHeader(d)}的人工窗口时间，写法同周一。`,
    example: '',
    width: 18,
  })),
];

export const stationRowSchema = z
  .object({
    id: optionalRecordId('驿站编号'),
    // The station form's lengths: a station imported can be saved again in the form.
    name: name('驿站名称', STATION_TEXT_MAX.name),
    hostType: labelled(HOST_TYPE_LABELS, '承办类型'),
    hostName: name('承办单位', STATION_TEXT_MAX.hostName),
    street: text('所在街镇', 20),
    address: text('地址', STATION_TEXT_MAX.address),
    lat: coordinate('纬度', 39.4, 40.3),
    lng: coordinate('经度', 115.7, 117.0),
    phone: phone('联系电话'),
    hasWindow: yesNo('人工窗口', true),
    hasSelfService: yesNo('自助终端', false),
    hasAiAvatar: yesNo('AI数字人', false),
    isAccessible: yesNo('无障碍设施', false),
    status: labelled<StationStatus>(STATION_STATUS_LABELS, '运行状态', 'operating'),
    openingDate: optionalDate('开放日期'),
    statusReason: optionalText('状态说明', STATION_TEXT_MAX.statusReason),
    lastVerifiedOn: optionalDate('核实日期'),
    directions: optionalText('怎么去', STATION_TEXT_MAX.directions),
    ...Object.fromEntries(WEEKDAY_KEYS.map((d) => [`day${d}`, hoursCell(dayHeader(d))])),
    ...Object.fromEntries(WEEKDAY_KEYS.map((d) => [`counter${d}`, hoursCell(counterHeader(d))])),
  })
  .superRefine((r, ctx) => {
    if ((r.lat === null) !== (r.lng === null)) ctx.addIssue({ code: 'custom', path: [r.lat === null ? 'lat' : 'lng'], message: '纬度和经度要一起填，或者都留空' });
    if (r.status === 'planned' && !r.openingDate) ctx.addIssue({ code: 'custom', path: ['openingDate'], message: '“尚未启用”的驿站请填写开放日期' });
    if (r.status === 'suspended' && !r.statusReason) ctx.addIssue({ code: 'custom', path: ['statusReason'], message: '“暂停服务”的驿站请写明原因' });
    const days = r as unknown as Record<string, Session[]>;
    if (r.status === 'operating' && WEEKDAY_KEYS.every((d) => days[`day${d}`]!.length === 0))
      ctx.addIssue({ code: 'custom', path: ['day1'], message: '正常运行的驿站每周至少要有一天开放，请填写周一至周日的时间' });
  });

export type StationRow = z.output<typeof stationRowSchema> & Record<`day${number}` | `counter${number}`, Session[]>;

/** The weekly hours of a parsed row as station_hours rows. */
export function stationRowHours(r: StationRow): { scope: 'station' | 'counter'; weekday: number; opens: string; closes: string }[] {
  const out: { scope: 'station' | 'counter'; weekday: number; opens: string; closes: string }[] = [];
  for (const d of WEEKDAY_KEYS) for (const s of r[`day${d}`] ?? []) out.push({ scope: 'station', weekday: d, ...s });
  const counterUsed = WEEKDAY_KEYS.some((d) => (r[`counter${d}`] ?? []).length > 0);
  if (counterUsed) for (const d of WEEKDAY_KEYS) for (const s of r[`counter${d}`] ?? []) out.push({ scope: 'counter', weekday: d, ...s });
  return out;
}

// ---------------------------------------------------------------------------
// Course runs
// ---------------------------------------------------------------------------

const CERT_SEP = '，发证：';

/** Certificates as one cell: "职业技能等级证书：园林绿化工五级证书，发证：某某评价组织；上岗证/特种作业操作证：…" */
export function certificatesCell(certs: readonly { kind: CertificateKind; name: string; issuer: string }[]): string {
  return certs.map((c) => `${CERTIFICATE_KIND_LABELS[c.kind]}：${c.name}${CERT_SEP}${c.issuer}`).join('；');
}

export function parseCertificates(raw: string): { ok: true; certs: { kind: CertificateKind; name: string; issuer: string }[] } | { ok: false; message: string } {
  const certs: { kind: CertificateKind; name: string; issuer: string }[] = [];
  const kinds = new Map<string, CertificateKind>();
  for (const [k, label] of Object.entries(CERTIFICATE_KIND_LABELS) as [CertificateKind, string][]) {
    kinds.set(label, k);
    kinds.set(k, k);
  }
  kinds.set('技能等级证书', 'skill');
  kinds.set('职业技能等级证书', 'skill');
  kinds.set('上岗证', 'licence');
  kinds.set('特种作业操作证', 'licence');
  const how = '证书请写成“职业技能等级证书：证书名称，发证：发证机构”，多个证书用“；”隔开';
  for (const part of raw.split(/[;；\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const i = part.search(/[:：]/);
    if (i < 0) return { ok: false, message: how };
    const kind = kinds.get(part.slice(0, i).trim());
    if (!kind) return { ok: false, message: `证书类型只能是：${Object.values(CERTIFICATE_KIND_LABELS).join('、')}` };
    const rest = part.slice(i + 1);
    const j = rest.search(/[,，]\s*发证[:：]/);
    if (j < 0) return { ok: false, message: how };
    const name = rest.slice(0, j).trim();
    const issuer = rest.slice(j).replace(/^[,，]\s*发证[:：]/, '').trim();
    if (!name || !issuer) return { ok: false, message: how };
    if (name.length > 100 || issuer.length > 100) return { ok: false, message: '证书名称和发证机构各不能超过 100 个字' };
    certs.push({ kind, name, issuer });
  }
  return { ok: true, certs };
}

export const RUN_COLUMNS: ImportColumn[] = [
  { key: 'id', header: '班期编号', help: '留空表示新建班期；填已有班期的编号（可从“导出班期”得到）表示更新它。', example: '', width: 10 },
  { key: 'courseId', header: '课程编号', help: '课程编号和课程名称填一个即可；两个都填时必须是同一门课。', example: '', width: 10 },
  { key: 'courseTitle', header: '课程名称', help: '和后台课程名称完全一致，例如 园林绿化工（五级/初级工）培训班。', example: '园林绿化工（五级/初级工）培训班', width: 36 },
  { key: 'label', header: '期次', help: '必填，例如 2026年第16期。', example: '2027年第1期', width: 14 },
  { key: 'startDate', header: '开课日期', help: '必填，写成 2027-01-11。', example: '2027-01-11', width: 12 },
  { key: 'endDate', header: '结课日期', help: '必填，不能早于开课日期。', example: '2027-01-15', width: 12 },
  { key: 'deadline', header: '报名截止', help: '必填，最后一天可以报名的日期，不能晚于结课日期。', example: '2027-01-06', width: 12 },
  { key: 'classDays', header: '上课日', help: '例如 周一至周五、周六、周日、每天；留空为周一至周五。', example: '周一至周五', width: 14 },
  { key: 'dailyTime', header: '上课时间', help: '每天的上课时间，写成 09:00-16:30；留空为 09:00-16:30。', example: '09:00-16:30', width: 14 },
  { key: 'theoryPlace', header: '上课地点', help: '必填，和后台地点名称完全一致（见“导出”里的课程班期表）。', example: '区职业技能培训学院（丰台北路校区）', width: 30 },
  { key: 'practicePlace', header: '实训地点', help: '选填，实训基地名称，和后台地点名称完全一致。', example: '', width: 24 },
  { key: 'seats', header: '总名额', help: '必填，整数。', example: '30', width: 8 },
  { key: 'seatsLeft', header: '剩余名额', help: '不能多于总名额；新建时留空等于总名额。', example: '', width: 10 },
  { key: 'costType', header: '费用类型', help: `必填，只能填：${Object.values(COST_TYPE_LABELS).join('、')}。`, example: COST_TYPE_LABELS.free, width: 10 },
  { key: 'fee', header: '原价（元）', help: '“自费”“补贴”时填全价，整数。', example: '', width: 10 },
  { key: 'subsidy', header: '补贴（元）', help: '“补贴”时必填，不能多于原价。', example: '', width: 10 },
  { key: 'contactName', header: '联系人', help: '必填。', example: '陈老师', width: 10 },
  { key: 'contactPhone', header: '联系电话', help: '必填，例如 010-63812345。', example: '010-5555-1110', width: 16 },
  { key: 'targetGroups', header: '适合人群', help: '选填，用“、”隔开，例如 失业人员、农村劳动力。', example: '失业人员、农村劳动力', width: 24 },
  { key: 'certificates', header: '证书', help: '选填，写成“职业技能等级证书：证书名称，发证：发证机构”，多个用“；”隔开。更新时留空表示去掉证书。', example: '', width: 40 },
  { key: 'note', header: '备注', help: '选填，居民需要知道的其他事项。', example: '', width: 30 },
];

/**
 * One row of the runs sheet. The fields a run form has are read with the form's own builders and
 * checked with the form's own rules (./run.ts runFields, runSaveProblems), so they are refused for
 * the same reasons and answer in the same codes, worded with the column's header on the preview
 * page (components/admin/spreadsheets/strings.ts). What only a sheet has (course and places by
 * name, a 上课时间 cell, the template's 必填 columns) is read here.
 */
export const runRowSchema = z
  .object({
    id: optionalRecordId('班期编号'),
    courseId: optionalRecordId('课程编号'),
    courseTitle: optionalName('课程名称', 200),
    label: runFields.label,
    startDate: runFields.startDate,
    endDate: runFields.endDate,
    deadline: runFields.deadline,
    classDays: z.string().transform((v, ctx) => {
      if (v.trim() === '') return '1,2,3,4,5';
      const days = parseWeekdays(v);
      if (days && days.length) return days.join(',');
      ctx.addIssue({ code: 'custom', message: '上课日请写成 周一至周五、周六、周日 或 每天' });
      return z.NEVER;
    }),
    dailyTime: z.string().transform((v, ctx) => {
      if (v.trim() === '') return { opens: '09:00', closes: '16:30' };
      const r = parseSessions(v);
      if (r.ok && r.sessions.length === 1) return r.sessions[0]!;
      ctx.addIssue({ code: 'custom', message: r.ok ? '上课时间只写一段，例如 09:00-16:30' : '上课时间请写成 09:00-16:30' });
      return z.NEVER;
    }),
    theoryPlace: text('上课地点', 100),
    practicePlace: optionalText('实训地点', 100),
    seats: runFields.seats,
    // Blank keeps the seats left (a new run: all of them); otherwise the form's rule.
    seatsLeft: optionalInt(null, { min: 0, max: 2000 }),
    costType: labelled(COST_TYPE_LABELS, '费用类型'),
    fee: runFields.fee,
    subsidy: runFields.subsidy,
    // The template asks for a contact on every row; its length is the form's.
    contactName: name('联系人', 20),
    contactPhone: phone('联系电话'),
    targetGroups: optionalText('适合人群', 200),
    certificates: z.string().transform((v, ctx) => {
      const r = parseCertificates(v);
      if (r.ok) return r.certs;
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }),
    note: runFields.note,
  })
  .superRefine((r, ctx) => {
    if (r.courseId === null && r.courseTitle === '') ctx.addIssue({ code: 'custom', path: ['courseTitle'], message: '请填写课程名称或课程编号' });
    // The form's rules for every save; the 上课时间 cell holds its daily start and end.
    const problems = runSaveProblems({ ...r, dailyStart: r.dailyTime.opens, dailyEnd: r.dailyTime.closes, seatsLeft: r.seatsLeft ?? 0 });
    for (const [field, code] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [RUN_RULE_COLUMN[field] ?? field], message: code });
  });

/** The sheet column that holds a field the run rules name (the daily times share one cell). */
const RUN_RULE_COLUMN: Record<string, string> = { dailyStart: 'dailyTime', dailyEnd: 'dailyTime' };

export type RunRow = z.output<typeof runRowSchema>;

/** '1,2,3,4,5' → '周一至周五' (for export cells; parseWeekdays reads it back). */
export function classDaysCell(classDays: string): string {
  return weekdayList(classDays.split(',').map(Number));
}

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = { stations: STATION_COLUMNS, runs: RUN_COLUMNS };
export const IMPORT_SCHEMAS = { stations: stationRowSchema, runs: runRowSchema } as const;

export { COST_TYPES, HOST_TYPES, STATION_STATUSES };
