/**
 * Open data (/api/v1, CSV, JSON-LD): pure mapping from database rows and query results to the
 * published shapes, and reading API parameters strictly (a bad value is a 400, never a default).
 *
 * Conventions of API v1 — fields are only ever added, never renamed or removed:
 * - field names in snake_case;
 * - dates 'YYYY-MM-DD', clock times 'HH:MM' (Beijing), instants ISO 8601 with +08:00;
 * - coordinates WGS-84.
 * No I/O here: `now`/`today` and the site's base URL are passed in.
 */
import * as z from 'zod/mini';
import { COST_TYPES, FAIR_TYPES, HOST_TYPES, type CostType, type FairStatus, type FairType, type HostType, type PayUnit, type Recurrence, type ServiceMode, type Session, type StationStatus } from '../enums';
import { fields, parseParams } from '../validation/search-params';
import { RUN_STATUSES, RUN_STATUS_LABELS, runStatus, type RunStatus } from './course-run';
import { DATE_WINDOWS } from './fair-dates';
import { COST_TYPE_LABELS, levelLabel } from './labels-courses';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS, PAY_UNIT_LABELS } from './labels-fairs';
import { HOST_TYPE_LABELS, SERVICE_MODE_LABELS, STATION_STATUS_LABELS } from './labels-stations';
import type { HoursChange, HoursException, OpenState, WeekRow, WeeklySession } from './hours';
import { WEEKDAY_NAMES, isDateString } from './calendar';

export const API_VERSION = 'v1';
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Days ahead the station detail lists exceptions and special days for. */
export const EXCEPTION_DAYS = 60;
/** Days ahead JSON-LD lists special opening hours for. */
export const JSON_LD_SPECIAL_DAYS = 30;

// ---------------------------------------------------------------------------
// Times
// ---------------------------------------------------------------------------

/** 'H:MM' or 'HH:MM' → 'HH:MM'. */
export function hhmm(t: string): string {
  return t.length === 4 ? `0${t}` : t.slice(0, 5);
}

/** A stored Beijing local time 'YYYY-MM-DDTHH:MM' → '2026-11-23T09:00:00+08:00'. */
export function localToIso(local: string): string {
  return `${local.slice(0, 10)}T${hhmm(local.slice(11, 16))}:00+08:00`;
}

/** An instant (ms or Date) → ISO 8601 in Beijing time with +08:00. */
export function instantToIso(at: number | Date): string {
  const ms = at instanceof Date ? at.getTime() : at;
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

function sessionsOut(sessions: readonly Session[]): { opens: string; closes: string }[] {
  return sessions.map((s) => ({ opens: hhmm(s.opens), closes: hhmm(s.closes) }));
}

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

/**
 * A list query refused: the parameters that could not be read, by name ('per_page', or
 * 'start_from' and 'start_to' together when the range is reversed). The API's words for it are
 * in components/open-data/strings.ts.
 */
export type ApiParamsProblem = { status: 400; code: 'bad_request'; params: string[] };

const bool = z.pipe(z.enum(['1', 'true', '0', 'false']), z.transform((s: '1' | 'true' | '0' | 'false') => s === '1' || s === 'true'));
const date = z.string().check(z.refine((s: string) => isDateString(s)));
const level = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5));
const perPage = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PER_PAGE));
const one = <T,>(schema: z.ZodMiniType<T>, fallback: T) => ({ kind: 'one' as const, schema, fallback });
const many = <T,>(schema: z.ZodMiniType<T>, max: number) => ({ kind: 'many' as const, schema, max });

const paging = { page: one(fields.page, 1), per_page: one(perPage, DEFAULT_PER_PAGE) };

export const API_PARAMS = {
  stations: {
    q: one(fields.keyword, ''),
    street: one(z.nullable(fields.id), null),
    host_type: one(z.nullable(z.enum(HOST_TYPES)), null as HostType | null),
    service: one(z.nullable(fields.id), null),
    open_now: one(z.nullable(bool), null as boolean | null),
    ...paging,
  },
  courses: {
    q: one(fields.keyword, ''),
    occupation: one(z.nullable(fields.id), null),
    level: many(level, 5),
    street: one(z.nullable(fields.id), null),
    cost: many(z.enum(COST_TYPES), COST_TYPES.length),
    ...paging,
  },
  runs: {
    q: one(fields.keyword, ''),
    course: one(z.nullable(fields.id), null),
    occupation: one(z.nullable(fields.id), null),
    level: many(level, 5),
    street: one(z.nullable(fields.id), null),
    cost: many(z.enum(COST_TYPES), COST_TYPES.length),
    status: many(z.enum(RUN_STATUSES), RUN_STATUSES.length),
    start_from: one(z.nullable(date), null as string | null),
    start_to: one(z.nullable(date), null as string | null),
    ...paging,
  },
  fairs: {
    q: one(fields.keyword, ''),
    type: one(z.nullable(z.enum(FAIR_TYPES)), null as FairType | null),
    street: one(z.nullable(fields.id), null),
    date: one(z.nullable(z.enum(DATE_WINDOWS)), null as (typeof DATE_WINDOWS)[number] | null),
    when: one(z.enum(['upcoming', 'past', 'all']), 'upcoming' as 'upcoming' | 'past' | 'all'),
    ...paging,
  },
} as const;

export type ApiListKind = keyof typeof API_PARAMS;
type Shape<K extends ApiListKind> = (typeof API_PARAMS)[K];
export type ApiParams<K extends ApiListKind> = ReturnType<typeof parseParams<Shape<K>>>['values'];

/**
 * Reads a list endpoint's query strictly: every value that cannot be read is named in a 400.
 * A keyword longer than 100 characters is refused too. Unknown parameters are ignored.
 */
export function parseApiParams<K extends ApiListKind>(
  kind: K,
  sp: URLSearchParams,
): { ok: true; values: ApiParams<K> } | { ok: false; error: ApiParamsProblem } {
  const shape = API_PARAMS[kind];
  const { values, invalid } = parseParams(sp, shape);
  if (invalid.length > 0) return { ok: false, error: { status: 400, code: 'bad_request', params: invalid } };
  const v = values as Record<string, unknown>;
  if (typeof v.start_from === 'string' && typeof v.start_to === 'string' && v.start_from > v.start_to) {
    return { ok: false, error: { status: 400, code: 'bad_request', params: ['start_from', 'start_to'] } };
  }
  return { ok: true, values: values as ApiParams<K> };
}

/** The id segment of a detail address: digits only, else a 404 (not a 400: it is not a record). */
export function parseApiId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

export type ListEnvelope<T> = {
  version: string;
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
  items: T[];
};

export function listEnvelope<T>(items: T[], total: number, page: number, perPage: number): ListEnvelope<T> {
  return { version: API_VERSION, page, per_page: perPage, total, total_pages: Math.ceil(total / perPage), items };
}

// ---------------------------------------------------------------------------
// Stations
// ---------------------------------------------------------------------------

export type StationRow = {
  id: number;
  name: string;
  host_type: HostType;
  host_name: string;
  street_id: number;
  street_name: string;
  address: string;
  phone: string;
  lat: number;
  lng: number;
  status: StationStatus;
  opening_date: string | null;
  status_reason: string | null;
  has_window: number;
  has_self_service: number;
  has_ai_avatar: number;
  is_accessible: number;
  last_verified_on: string;
  directions: string;
};

export type ApiStation = {
  id: number;
  name: string;
  url: string;
  host_type: HostType;
  host_type_label: string;
  host_name: string;
  street: { id: number; name: string };
  address: string;
  phone: string;
  location: { lat: number; lng: number; crs: 'WGS-84' };
  status: StationStatus;
  status_label: string;
  opening_date: string | null;
  status_reason: string | null;
  open_now: boolean;
  open_state: { label: string; text: string };
  facilities: { window: boolean; self_service: boolean; ai_avatar: boolean; accessible: boolean };
  last_verified_on: string;
};

export type ApiWeekday = { weekday: number; weekday_name: string; sessions: { opens: string; closes: string }[] };

/** One dated day of a station's hours; `text` is the cell residents read ('9:00–12:00、13:30–17:00', '休息（元旦）'). */
export type ApiDay = {
  date: string;
  weekday: number;
  weekday_name: string;
  is_today: boolean;
  closed: boolean;
  sessions: { opens: string; closes: string }[];
  note: string | null;
  text: string;
};

export function dayToApi(d: WeekRow): ApiDay {
  return {
    date: d.date,
    weekday: d.weekday,
    weekday_name: d.weekdayName,
    is_today: d.isToday,
    closed: d.sessions.length === 0,
    sessions: sessionsOut(d.sessions),
    note: d.note,
    text: d.display,
  };
}

export type ApiStationDetail = ApiStation & {
  directions: string;
  weekly_hours: ApiWeekday[];
  /** The staffed counter's own hours, when it keeps them; null when it follows the station's. */
  counter_hours: ApiWeekday[] | null;
  /** The station's own dated exceptions overlapping the next 60 days. */
  exceptions: { start_date: string; end_date: string; closed: boolean; sessions: { opens: string; closes: string }[]; reason: string }[];
  /** The seven days from today (Beijing), as the station page's table shows them: calendar and exceptions applied. */
  next_days: ApiDay[];
  /** Days in the next 60 whose hours differ from the regular week (exceptions, holidays, 调休), merged into ranges. */
  special_days: { start_date: string; end_date: string; kind: string; closed: boolean; sessions: { opens: string; closes: string }[]; text: string }[];
  services: { id: number; name: string; category: string; mode: ServiceMode; mode_label: string; online: boolean }[];
};

export function stationUrl(base: string, id: number): string {
  return `${base}/stations/${id}`;
}

export function stationToApi(r: StationRow, state: Pick<OpenState, 'open' | 'label' | 'text'>, base: string): ApiStation {
  return {
    id: r.id,
    name: r.name,
    url: stationUrl(base, r.id),
    host_type: r.host_type,
    host_type_label: HOST_TYPE_LABELS[r.host_type],
    host_name: r.host_name,
    street: { id: r.street_id, name: r.street_name },
    address: r.address,
    phone: r.phone,
    location: { lat: r.lat, lng: r.lng, crs: 'WGS-84' },
    status: r.status,
    status_label: STATION_STATUS_LABELS[r.status],
    opening_date: r.opening_date,
    status_reason: r.status === 'suspended' ? (r.status_reason ?? '') : null,
    open_now: state.open,
    open_state: { label: state.label, text: state.text },
    facilities: {
      window: r.has_window === 1,
      self_service: r.has_self_service === 1,
      ai_avatar: r.has_ai_avatar === 1,
      accessible: r.is_accessible === 1,
    },
    last_verified_on: r.last_verified_on,
  };
}

/** Regular weekly sessions of one scope, Monday to Sunday (every day present; closed = no sessions). */
export function weekOf(hours: readonly WeeklySession[], scope: 'station' | 'counter'): ApiWeekday[] {
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    weekday: d,
    weekday_name: WEEKDAY_NAMES[d] ?? '',
    sessions: sessionsOut(
      hours
        .filter((h) => h.scope === scope && h.weekday === d)
        .map((h) => ({ opens: hhmm(h.opens), closes: hhmm(h.closes) }))
        .sort((a, b) => a.opens.localeCompare(b.opens)),
    ),
  }));
}

export function stationDetailToApi(
  base: ApiStation,
  extra: {
    directions: string;
    hours: readonly WeeklySession[];
    exceptions: readonly HoursException[];
    changes: readonly HoursChange[];
    days: readonly WeekRow[];
    services: ApiStationDetail['services'];
    today: string;
    until: string;
  },
): ApiStationDetail {
  const counter = extra.hours.some((h) => h.scope === 'counter');
  return {
    ...base,
    directions: extra.directions,
    weekly_hours: weekOf(extra.hours, 'station'),
    counter_hours: counter ? weekOf(extra.hours, 'counter') : null,
    exceptions: extra.exceptions
      .filter((e) => e.endDate >= extra.today && e.startDate <= extra.until)
      .map((e) => ({ start_date: e.startDate, end_date: e.endDate, closed: e.closed, sessions: sessionsOut(e.closed ? [] : e.sessions), reason: e.reason })),
    next_days: extra.days.map(dayToApi),
    special_days: extra.changes.map((c) => ({
      start_date: c.startDate,
      end_date: c.endDate,
      kind: c.kind,
      closed: c.closed,
      sessions: sessionsOut(c.sessions),
      text: c.text,
    })),
    services: extra.services,
  };
}

export function serviceToApi(s: { id: number; name: string; category: string; mode: ServiceMode; online: number }) {
  return { id: s.id, name: s.name, category: s.category, mode: s.mode, mode_label: SERVICE_MODE_LABELS[s.mode], online: s.online === 1 };
}

// ---------------------------------------------------------------------------
// Courses and runs
// ---------------------------------------------------------------------------

export type CourseRow = {
  id: number;
  title: string;
  occupation_id: number;
  occupation_name: string;
  level: number;
  provider_id: number;
  provider_name: string;
  summary: string;
  duration_days: number | null;
  published_at: number | null;
  runs_count: number;
  next_start_date: string | null;
};

export type ApiCourse = {
  id: number;
  title: string;
  url: string;
  occupation: { id: number; name: string };
  level: number;
  level_label: string;
  provider: { id: number; name: string };
  summary: string;
  duration_days: number | null;
  published_at: string | null;
  runs_count: number;
  next_start_date: string | null;
};

export function courseUrl(base: string, id: number): string {
  return `${base}/courses/${id}`;
}

export function courseToApi(r: CourseRow, base: string): ApiCourse {
  return {
    id: r.id,
    title: r.title,
    url: courseUrl(base, r.id),
    occupation: { id: r.occupation_id, name: r.occupation_name },
    level: r.level,
    level_label: levelLabel(r.level),
    provider: { id: r.provider_id, name: r.provider_name },
    summary: r.summary,
    duration_days: r.duration_days,
    published_at: r.published_at === null ? null : instantToIso(r.published_at),
    runs_count: r.runs_count,
    next_start_date: r.next_start_date,
  };
}

export type PlaceOut = { name: string; address: string; street: string | null; lat: number; lng: number };

export type RunRow = {
  id: number;
  course_id: number;
  course_title: string;
  label: string;
  start_date: string;
  end_date: string;
  class_days: string;
  daily_start: string;
  daily_end: string;
  seats: number;
  seats_left: number;
  deadline: string;
  cost_type: CostType;
  fee: number | null;
  subsidy: number | null;
  contact_name: string;
  contact_phone: string;
  note: string;
  theory: PlaceOut;
  practice: PlaceOut | null;
  certificates?: { kind: string; name: string; issuer: string }[];
  target_groups?: string[];
};

export type ApiRun = {
  id: number;
  course_id: number;
  course_title: string;
  url: string;
  label: string;
  start_date: string;
  end_date: string;
  class_days: number[];
  daily_start: string;
  daily_end: string;
  status: RunStatus;
  status_label: string;
  seats: number;
  seats_left: number;
  deadline: string;
  cost_type: CostType;
  cost_label: string;
  fee: number | null;
  subsidy: number | null;
  theory_place: PlaceOut & { crs: 'WGS-84' };
  practice_place: (PlaceOut & { crs: 'WGS-84' }) | null;
  contact_name: string;
  contact_phone: string;
  note: string;
  certificates: { kind: string; name: string; issuer: string }[];
  target_groups: string[];
};

export function runToApi(r: RunRow, today: string, base: string): ApiRun {
  const status = runStatus({ startDate: r.start_date, endDate: r.end_date, seatsLeft: r.seats_left, deadline: r.deadline }, today);
  return {
    id: r.id,
    course_id: r.course_id,
    course_title: r.course_title,
    url: courseUrl(base, r.course_id),
    label: r.label,
    start_date: r.start_date,
    end_date: r.end_date,
    class_days: r.class_days
      .split(',')
      .map((d) => Number(d.trim()))
      .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7),
    daily_start: hhmm(r.daily_start),
    daily_end: hhmm(r.daily_end),
    status,
    status_label: RUN_STATUS_LABELS[status],
    seats: r.seats,
    seats_left: r.seats_left,
    deadline: r.deadline,
    cost_type: r.cost_type,
    cost_label: COST_TYPE_LABELS[r.cost_type],
    fee: r.fee,
    subsidy: r.subsidy,
    theory_place: { ...r.theory, crs: 'WGS-84' },
    practice_place: r.practice ? { ...r.practice, crs: 'WGS-84' } : null,
    contact_name: r.contact_name,
    contact_phone: r.contact_phone,
    note: r.note,
    certificates: r.certificates ?? [],
    target_groups: r.target_groups ?? [],
  };
}

export type ApiCourseDetail = ApiCourse & {
  occupation_description: string;
  provider_detail: { name: string; phone: string; address: string; intro: string };
  sections: {
    suitable_for: string;
    requirements: string;
    content: string;
    method: string;
    materials: string;
    assessment: string;
    outcomes: string;
  };
  runs: ApiRun[];
};

// ---------------------------------------------------------------------------
// Fairs
// ---------------------------------------------------------------------------

export type FairRow = {
  id: number;
  title: string;
  type: FairType;
  status: FairStatus;
  status_note: string | null;
  organiser: string;
  starts_at: string;
  ends_at: string;
  recurrence: Recurrence | null;
  online_url: string | null;
  contact_phone: string;
  venue: PlaceOut | null;
};

export type ApiFair = {
  id: number;
  title: string;
  url: string;
  type: FairType;
  type_label: string;
  status: FairStatus;
  status_label: string;
  status_note: string | null;
  organiser: string;
  starts_at: string;
  ends_at: string;
  recurrence: { weekdays: number[]; opens: string; closes: string } | null;
  attendance_mode: 'offline' | 'online' | 'mixed';
  venue: (PlaceOut & { crs: 'WGS-84' }) | null;
  online_url: string | null;
  contact_phone: string;
};

export type ApiPosition = {
  id: number;
  title: string;
  headcount: number;
  pay_min: number | null;
  pay_max: number | null;
  pay_unit: PayUnit;
  pay_unit_label: string;
  requirements: string;
  course_id: number | null;
};

export type ApiFairDetail = ApiFair & {
  description: string;
  how_to_attend: string;
  employers: { id: number; name: string; industry: string; intro: string; booth: string | null; positions: ApiPosition[] }[];
};

export function fairUrl(base: string, id: number): string {
  return `${base}/fairs/${id}`;
}

export function attendanceMode(venue: unknown, onlineUrl: string | null): 'offline' | 'online' | 'mixed' {
  if (venue && onlineUrl) return 'mixed';
  return venue ? 'offline' : 'online';
}

export function fairToApi(r: FairRow, base: string): ApiFair {
  return {
    id: r.id,
    title: r.title,
    url: fairUrl(base, r.id),
    type: r.type,
    type_label: FAIR_TYPE_LABELS[r.type],
    status: r.status,
    status_label: FAIR_STATUS_LABELS[r.status],
    status_note: r.status_note,
    organiser: r.organiser,
    starts_at: localToIso(r.starts_at),
    ends_at: localToIso(r.ends_at),
    recurrence: r.recurrence
      ? { weekdays: [...r.recurrence.weekdays], opens: hhmm(r.recurrence.opens), closes: hhmm(r.recurrence.closes) }
      : null,
    attendance_mode: attendanceMode(r.venue, r.online_url),
    venue: r.venue ? { ...r.venue, crs: 'WGS-84' } : null,
    online_url: r.online_url,
    contact_phone: r.contact_phone,
  };
}

export function positionToApi(p: {
  id: number;
  title: string;
  headcount: number;
  pay_min: number | null;
  pay_max: number | null;
  pay_unit: PayUnit;
  requirements: string;
  course_id: number | null;
}): ApiPosition {
  return { ...p, pay_unit_label: PAY_UNIT_LABELS[p.pay_unit] };
}

// ---------------------------------------------------------------------------
// schema.org JSON-LD
// ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

/** JSON for a <script type="application/ld+json">: nothing in it can close the tag or open a comment. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function postalAddress(address: string): Json {
  return { '@type': 'PostalAddress', streetAddress: address, addressLocality: '丰台区', addressRegion: '北京市', addressCountry: 'CN' };
}

function place(p: PlaceOut): Json {
  return {
    '@type': 'Place',
    name: p.name,
    address: postalAddress(p.address),
    geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lng },
  };
}

const AVAILABILITY: Record<RunStatus, string> = {
  open: 'https://schema.org/InStock',
  full: 'https://schema.org/SoldOut',
  closed: 'https://schema.org/Discontinued',
  running: 'https://schema.org/Discontinued',
  ended: 'https://schema.org/Discontinued',
};

export function courseJsonLd(c: ApiCourseDetail): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: c.title,
    description: c.summary || c.sections.content || c.title,
    url: c.url,
    inLanguage: 'zh-CN',
    educationalLevel: c.level_label,
    about: c.occupation.name,
    ...(c.duration_days ? { timeRequired: `P${c.duration_days}D` } : {}),
    provider: {
      '@type': 'Organization',
      name: c.provider_detail.name,
      ...(c.provider_detail.phone ? { telephone: c.provider_detail.phone } : {}),
      ...(c.provider_detail.address ? { address: postalAddress(c.provider_detail.address) } : {}),
    },
    hasCourseInstance: c.runs.map((r) => ({
      '@type': 'CourseInstance',
      name: r.label,
      courseMode: 'onsite',
      startDate: r.start_date,
      endDate: r.end_date,
      location: place(r.theory_place),
      offers: {
        '@type': 'Offer',
        price: r.cost_type === 'free' ? 0 : (r.fee ?? 0),
        priceCurrency: 'CNY',
        availability: AVAILABILITY[r.status],
        validThrough: r.deadline,
        url: r.url,
      },
    })),
  };
}

const DAY_URLS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => (d ? `https://schema.org/${d}` : ''));

/**
 * A station as a GovernmentService whose channel is the station itself: a Place with its
 * regular hours and, for the next 30 days, its closures and changed hours (exceptions and
 * holidays). A closed day is opens = closes = '00:00', as schema.org recommends.
 */
/** `provider`: the bureau that runs the service, as the page words it (components/open-data/strings.ts). */
export function stationJsonLd(s: ApiStationDetail, today: string, until: string, provider: string): Json {
  const opening = s.weekly_hours.flatMap((d) =>
    d.sessions.map((x) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: DAY_URLS[d.weekday], opens: x.opens, closes: x.closes })),
  );
  const special = s.special_days
    .filter((c) => c.end_date >= today && c.start_date <= until)
    .flatMap((c) => {
      const validFrom = c.start_date < today ? today : c.start_date;
      const validThrough = c.end_date > until ? until : c.end_date;
      const sessions = c.closed || c.sessions.length === 0 ? [{ opens: '00:00', closes: '00:00' }] : c.sessions;
      return sessions.map((x) => ({ '@type': 'OpeningHoursSpecification', opens: x.opens, closes: x.closes, validFrom, validThrough, description: c.text }));
    });
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: `${s.name}（医保服务）`,
    serviceType: '医疗保障经办服务',
    url: s.url,
    areaServed: { '@type': 'AdministrativeArea', name: '北京市丰台区' },
    provider: { '@type': 'GovernmentOrganization', name: provider },
    ...(s.services.length ? { description: s.services.map((x) => x.name).join('、') } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      name: s.name,
      servicePhone: { '@type': 'ContactPoint', telephone: s.phone },
      serviceLocation: {
        '@type': 'Place',
        name: s.name,
        address: postalAddress(s.address),
        telephone: s.phone,
        geo: { '@type': 'GeoCoordinates', latitude: s.location.lat, longitude: s.location.lng },
        openingHoursSpecification: opening,
        ...(special.length ? { specialOpeningHoursSpecification: special } : {}),
      },
    },
  };
}
