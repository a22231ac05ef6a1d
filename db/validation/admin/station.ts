/**
 * Admin schemas for 医保服务驿站: details, weekly hours, dated exceptions, services,
 * 今日临时闭站 and lifecycle moves. Shared by the forms (checked in the browser) and the server
 * actions (checked again). Saving a draft is lenient; publishing runs the stricter
 * checkPublishable in db/admin/stations.ts.
 */
import { z } from 'zod';
import { HOST_TYPES, HOURS_SCOPES, SERVICE_MODES, STATION_STATUSES } from '../../enums';
import { beijingToday, toMinutes } from '../../domain/time';
import { checkbox, date, id, oneOf, optionalDate, optionalText, phone, recordId, text, time, version, name } from './fields';

/** Beijing municipality, roughly (WGS-84): coordinates outside are a typo, not a station. */
export const BEIJING_BOUNDS = { latMin: 39.4, latMax: 41.1, lngMin: 115.4, lngMax: 117.6 } as const;

export function insideBeijing(lat: number, lng: number): boolean {
  const b = BEIJING_BOUNDS;
  return lat >= b.latMin && lat <= b.latMax && lng >= b.lngMin && lng <= b.lngMax;
}

/** A decimal number typed into a form field. */
function coordinate(label: string, example: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({ error: (i) => (i.input === undefined ? `请填写${label}` : `${label}请填写数字，例如 ${example}`) })
      .refine(Number.isFinite, `${label}请填写数字，例如 ${example}`)
      .refine((n) => n >= min && n <= max, `${label}应在 ${min} 到 ${max} 之间，例如 ${example}`),
  );
}

// ---------------------------------------------------------------------------
// Details
// ---------------------------------------------------------------------------

/** How long a station's texts may be, in the form and in the spreadsheet import alike. */
export const STATION_TEXT_MAX = { name: 60, hostName: 60, address: 120, statusReason: 200, directions: 1000 } as const;

export const stationDetailsSchema = z
  .object({
    /** Absent when creating. */
    id: z.union([recordId, z.literal(''), z.null(), z.undefined()]).transform((v) => (typeof v === 'number' ? v : null)),
    version: z.union([version, z.literal(''), z.null(), z.undefined()]).transform((v) => (typeof v === 'number' ? v : null)),
    name: name('驿站名称', STATION_TEXT_MAX.name),
    hostType: oneOf(HOST_TYPES, '承办单位类型'),
    hostName: name('承办单位名称', STATION_TEXT_MAX.hostName),
    streetId: id('所在街镇'),
    address: text('详细地址', STATION_TEXT_MAX.address),
    lat: coordinate('纬度', '39.8652', -90, 90),
    lng: coordinate('经度', '116.3581', -180, 180),
    phone: phone('咨询电话'),
    hasWindow: checkbox,
    hasSelfService: checkbox,
    hasAiAvatar: checkbox,
    isAccessible: checkbox,
    status: oneOf(STATION_STATUSES, '运行状态'),
    openingDate: optionalDate('开放日期'),
    statusReason: optionalText('暂停原因', STATION_TEXT_MAX.statusReason),
    lastVerifiedOn: date('最近核实日期'),
    directions: optionalText('怎么走', STATION_TEXT_MAX.directions),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'planned' && !v.openingDate)
      ctx.addIssue({ code: 'custom', path: ['openingDate'], message: '“尚未启用”的驿站请填写开放日期' });
    if (v.status === 'suspended' && !v.statusReason)
      ctx.addIssue({ code: 'custom', path: ['statusReason'], message: '“暂停服务”的驿站请写明原因，居民会看到这段话' });
    if (v.lastVerifiedOn > beijingToday())
      ctx.addIssue({ code: 'custom', path: ['lastVerifiedOn'], message: '最近核实日期不能晚于今天' });
  });

export type StationDetailsInput = z.input<typeof stationDetailsSchema>;

// ---------------------------------------------------------------------------
// Sessions and weekly hours
// ---------------------------------------------------------------------------

export const sessionSchema = z.object({ opens: time('开门时间'), closes: time('关门时间') });
export type SessionInput = { opens: string; closes: string };

const TIME_OK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Order and overlap of the sessions of one day. Adds issues under `path`, one per session
 * (`[...path, i, 'closes']`), saying what to change.
 */
function checkDay(sessions: readonly SessionInput[], path: (string | number)[], ctx: z.RefinementCtx) {
  const ok: { i: number; from: number; to: number }[] = [];
  sessions.forEach((s, i) => {
    const opens = s.opens.trim();
    const closes = s.closes.trim();
    if (!TIME_OK.test(opens) || !TIME_OK.test(closes)) return; // the field's own message says it
    if (toMinutes(closes) <= toMinutes(opens)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'closes'], message: `关门时间要晚于开门时间（${opens}）` });
      return;
    }
    ok.push({ i, from: toMinutes(opens), to: toMinutes(closes) });
  });
  const sorted = [...ok].sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.from < prev.to) {
      const p = sessions[prev.i]!;
      ctx.addIssue({
        code: 'custom',
        path: [...path, cur.i, 'opens'],
        message: `这一段和 ${p.opens.trim()}–${p.closes.trim()} 重叠了，请调整开门时间或删掉其中一段`,
      });
    }
  }
}

const MAX_SESSIONS_A_DAY = 6;
const dayList = z.array(sessionSchema).max(MAX_SESSIONS_A_DAY, `每天最多 ${MAX_SESSIONS_A_DAY} 段`);
const week = z.array(dayList).length(7, '每周开放时间需要周一到周日 7 天');

export const hoursSchema = z
  .object({
    id: recordId,
    version,
    station: week,
    /** The staffed counter (人工窗口) keeps its own, shorter hours. */
    counterSeparate: checkbox,
    counter: week,
    /**
     * The first day the new week is in force (Beijing); absent or empty: today. Whether it is
     * too early or too late is the writer's check (it knows Beijing today; the browser may not).
     */
    effectiveFrom: optionalDate('生效日期').optional(),
  })
  .superRefine((v, ctx) => {
    v.station.forEach((day, d) => checkDay(day, ['station', d], ctx));
    if (v.counterSeparate) {
      v.counter.forEach((day, d) => checkDay(day, ['counter', d], ctx));
      if (v.counter.every((day) => day.length === 0))
        ctx.addIssue({ code: 'custom', path: ['counterSeparate'], message: '人工窗口单独设时间时，请至少填写一段窗口时间；否则取消勾选' });
    }
  });

export type HoursInput = z.input<typeof hoursSchema>;
export type WeekInput = SessionInput[][];
export { HOURS_SCOPES };

// ---------------------------------------------------------------------------
// Dated exceptions
// ---------------------------------------------------------------------------

export const EXCEPTION_KINDS = ['closed', 'hours'] as const;

export const exceptionSchema = z
  .object({
    stationId: recordId,
    version,
    /** Absent for a new exception. */
    exceptionId: z.union([recordId, z.literal(''), z.null(), z.undefined()]).transform((v) => (typeof v === 'number' ? v : null)),
    startDate: date('开始日期'),
    endDate: date('结束日期'),
    kind: oneOf(EXCEPTION_KINDS, '这几天是闭站还是调整时间'),
    sessions: z.array(sessionSchema).max(MAX_SESSIONS_A_DAY, `每天最多 ${MAX_SESSIONS_A_DAY} 段`),
    reason: text('原因', 200),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    if (v.endDate && v.endDate < beijingToday())
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期已经过去了，请填写今天或以后的日期' });
    if (v.kind === 'hours') {
      if (v.sessions.length === 0) ctx.addIssue({ code: 'custom', path: ['sessions'], message: '调整时间时请至少填写一段开放时间；整天不开请选“闭站”' });
      checkDay(v.sessions, ['sessions'], ctx);
    }
  });

export type ExceptionInput = z.input<typeof exceptionSchema>;

export const deleteExceptionSchema = z.object({ stationId: recordId, version, exceptionId: recordId });

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

export const servicesSchema = z
  .object({
    id: recordId,
    version,
    services: z
      .array(z.object({ serviceId: recordId, mode: oneOf(SERVICE_MODES, '办理方式') }))
      .max(500, '勾选的业务太多了'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    for (const s of v.services) {
      if (seen.has(s.serviceId)) ctx.addIssue({ code: 'custom', path: ['services'], message: '同一项业务只能勾选一次' });
      seen.add(s.serviceId);
    }
  });

export type ServicesInput = z.input<typeof servicesSchema>;

// ---------------------------------------------------------------------------
// 今日临时闭站, 今天已核实, lifecycle
// ---------------------------------------------------------------------------

/** Reasons offered with one tap; 'other' asks for words. */
export const CLOSE_TODAY_PRESETS = ['系统维护', '停电', '工作人员培训', '网络故障', '设备故障', 'other'] as const;

export const closeTodaySchema = z
  .object({
    id: recordId,
    preset: oneOf(CLOSE_TODAY_PRESETS, '闭站原因'),
    note: optionalText('补充说明', 100),
  })
  .superRefine((v, ctx) => {
    if (v.preset === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '选了“其他原因”时，请写明原因，居民会看到这段话' });
  })
  .transform((v) => ({ id: v.id, reason: v.preset === 'other' ? v.note : v.note ? `${v.preset}，${v.note}` : v.preset }));

export const reopenTodaySchema = z.object({ id: recordId, exceptionId: recordId });

export const verifySchema = z.object({ id: recordId, version });

export const STATION_MOVES = ['publish', 'withdraw', 'archive', 'restore'] as const;
export const transitionSchema = z.object({ id: recordId, version, move: oneOf(STATION_MOVES, '操作') });

/** Just the record id, read first so an action can authorise before checking the rest. */
export const idOnly = z.object({ id: recordId }).loose();
export const stationIdOnly = z.object({ stationId: recordId }).loose();
