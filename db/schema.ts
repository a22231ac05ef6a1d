/**
 * The portal's tables. The only place row types are born: everything else infers from here.
 *
 * Conventions
 * - Dates that residents read as calendar days are stored as 'YYYY-MM-DD' text in Beijing time.
 * - Local times of day are 'HH:MM' text (24 h, Beijing time); '24:00' may close a session.
 * - Fair start/end are 'YYYY-MM-DDTHH:MM' Beijing local time (China has no daylight saving,
 *   so local text sorts and compares correctly).
 * - Audit timestamps (createdAt/updatedAt) are real instants (integer ms).
 * - Coordinates are WGS-84; conversion to GCJ-02 / BD-09 happens only when building map links.
 */
import { relations, sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  CERTIFICATE_KINDS,
  COST_TYPES,
  FAIR_STATUSES,
  FAIR_TYPES,
  HOST_TYPES,
  HOURS_SCOPES,
  PAY_UNITS,
  PLACE_KINDS,
  AUDIT_ENTITIES,
  PUBLICATION,
  ROLES,
  SEARCH_KINDS,
  SEARCH_MISS_KINDS,
  SUBSIDY_OUTCOMES,
  SUBSIDY_RESIDENCY,
  SERVICE_MODES,
  STATION_STATUSES,
  type Recurrence,
  type Session,
} from './enums';

export * from './enums';

const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
};

/** Columns every publishable, editable record carries. */
const publishable = {
  publication: text('publication', { enum: PUBLICATION }).notNull().default('draft'),
  /** Optimistic-locking version: bumped on every write, checked by admin saves. */
  version: integer('version').notNull().default(1),
  ...timestamps,
};

/**
 * The note that goes with the record's present state: what the editor asked to fix when it
 * returned a submission (退回修改), or why it was taken off the public site (撤下). Cleared by the
 * next move; every note stays in the audit log.
 */
const stateNote = {
  stateNote: text('state_note').notNull().default(''),
  /** Display name of whoever wrote the note. */
  stateNoteBy: text('state_note_by'),
  stateNoteAt: integer('state_note_at', { mode: 'timestamp_ms' }),
};

// ---------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------

/** The 26 街镇 of Fengtai (24 街道 + 2 镇). */
export const streets = sqliteTable('streets', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['街道', '镇'] }).notNull(),
  lat: real('lat').notNull(),
  lng: real('lng').notNull(),
  sort: integer('sort').notNull().default(0),
});

/**
 * A physical place: a provider's classroom, a practice base (实训基地), a fair venue, or a
 * landmark residents can pick as "where I am" when they share no location.
 */
export const places = sqliteTable(
  'places',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    providerId: integer('provider_id').references(() => providers.id),
    streetId: integer('street_id').references(() => streets.id),
    address: text('address').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    /** Practice bases may lie outside Fengtai (e.g. 顺义杨镇), so streetId is optional. */
    note: text('note'),
    /** Optimistic-locking version for admin edits. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('places_kind_idx').on(t.kind), index('places_street_idx').on(t.streetId)],
);

// ---------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------

export const providers = sqliteTable('providers', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
  shortName: text('short_name').notNull(),
  intro: text('intro').notNull().default(''),
  phone: text('phone').notNull(),
  address: text('address').notNull(),
  /** Optimistic-locking version for admin edits. */
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** 工种. Levels it can certify live in occupation_levels. */
export const occupations = sqliteTable('occupations', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
  category: text('category').notNull(),
  description: text('description').notNull().default(''),
  sort: integer('sort').notNull().default(0),
});

/** Skill levels: 5 = 五级/初级工 … 1 = 一级/高级技师 (the national numbering). */
export const occupationLevels = sqliteTable(
  'occupation_levels',
  {
    occupationId: integer('occupation_id')
      .notNull()
      .references(() => occupations.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.occupationId, t.level] }),
    check('occupation_levels_level_ck', sql`${t.level} between 1 and 5`),
  ],
);

export const courses = sqliteTable(
  'courses',
  {
    id: integer('id').primaryKey(),
    title: text('title').notNull(),
    occupationId: integer('occupation_id')
      .notNull()
      .references(() => occupations.id),
    level: integer('level').notNull(),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    summary: text('summary').notNull().default(''),
    /** 适合人群 */
    suitableFor: text('suitable_for').notNull().default(''),
    /** 报名条件 */
    requirements: text('requirements').notNull().default(''),
    /** 学什么 */
    content: text('content').notNull().default(''),
    /** 怎么学 */
    method: text('method').notNull().default(''),
    /** 需携带材料 */
    materials: text('materials').notNull().default(''),
    /** 考核方式 */
    assessment: text('assessment').notNull().default(''),
    /** 结业后去向 */
    outcomes: text('outcomes').notNull().default(''),
    /** Typical length in days (a 园林绿化工 course: 5–8). */
    durationDays: integer('duration_days'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    ...stateNote,
    ...publishable,
  },
  (t) => [
    index('courses_pub_occ_idx').on(t.publication, t.occupationId),
    index('courses_pub_level_idx').on(t.publication, t.level),
    index('courses_provider_idx').on(t.providerId),
    index('courses_pub_published_idx').on(t.publication, t.publishedAt),
    check('courses_level_ck', sql`${t.level} between 1 and 5`),
  ],
);

/** 班期: one run of a course at given dates, venue and seats. */
export const courseRuns = sqliteTable(
  'course_runs',
  {
    id: integer('id').primaryKey(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** e.g. 2026年第12期 */
    label: text('label').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** ISO weekdays the class meets, e.g. '1,2,3,4,5'. */
    classDays: text('class_days').notNull().default('1,2,3,4,5'),
    dailyStart: text('daily_start').notNull().default('09:00'),
    dailyEnd: text('daily_end').notNull().default('16:30'),
    theoryPlaceId: integer('theory_place_id')
      .notNull()
      .references(() => places.id),
    practicePlaceId: integer('practice_place_id').references(() => places.id),
    seats: integer('seats').notNull(),
    seatsLeft: integer('seats_left').notNull(),
    /** Last day to register (inclusive, Beijing time). */
    deadline: text('deadline').notNull(),
    costType: text('cost_type', { enum: COST_TYPES }).notNull(),
    /** Full price in yuan (自费, or before subsidy). */
    fee: integer('fee'),
    /** Subsidy in yuan an eligible learner gets back (补贴). */
    subsidy: integer('subsidy'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    note: text('note').notNull().default(''),
    ...stateNote,
    ...publishable,
  },
  (t) => [
    // Course first, then publication: without ANALYZE statistics SQLite weighs indexes by how many
    // equality columns they match, and a course's published runs (course page, search document)
    // otherwise went through runs_pub_start_idx — every published run in the district, per course.
    index('runs_course_pub_start_idx').on(t.courseId, t.publication, t.startDate),
    index('runs_pub_start_idx').on(t.publication, t.startDate),
    index('runs_theory_place_idx').on(t.theoryPlaceId),
    check('runs_seats_ck', sql`${t.seatsLeft} >= 0 and ${t.seatsLeft} <= ${t.seats}`),
    check('runs_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** Certificates a run awards. A run with both a 'skill' and a 'licence' row is 一培双证. */
export const runCertificates = sqliteTable(
  'run_certificates',
  {
    id: integer('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => courseRuns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
  },
  (t) => [index('run_certs_run_idx').on(t.runId, t.kind)],
);

/** 在职职工, 失业人员, 农村劳动力 … */
export const targetGroups = sqliteTable('target_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sort: integer('sort').notNull().default(0),
});

export const runTargetGroups = sqliteTable(
  'run_target_groups',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => courseRuns.id, { onDelete: 'cascade' }),
    groupCode: text('group_code')
      .notNull()
      .references(() => targetGroups.code),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.groupCode] }),
    index('run_groups_group_idx').on(t.groupCode, t.runId),
  ],
);

// ---------------------------------------------------------------------------
// Medical-insurance stations
// ---------------------------------------------------------------------------

export const stations = sqliteTable(
  'stations',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    hostType: text('host_type', { enum: HOST_TYPES }).notNull(),
    /** The organisation that hosts the station (e.g. 北京银行丰台支行). */
    hostName: text('host_name').notNull(),
    streetId: integer('street_id')
      .notNull()
      .references(() => streets.id),
    address: text('address').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    phone: text('phone').notNull(),
    hasWindow: integer('has_window', { mode: 'boolean' }).notNull().default(true),
    hasSelfService: integer('has_self_service', { mode: 'boolean' }).notNull().default(false),
    hasAiAvatar: integer('has_ai_avatar', { mode: 'boolean' }).notNull().default(false),
    isAccessible: integer('is_accessible', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: STATION_STATUSES }).notNull().default('operating'),
    /** For 'planned': the day it opens. */
    openingDate: text('opening_date'),
    /** For 'suspended': why, in words residents understand. */
    statusReason: text('status_reason'),
    /** The day staff last checked these details against reality. */
    lastVerifiedOn: text('last_verified_on').notNull(),
    /** Getting there, parking, which door: free text. */
    directions: text('directions').notNull().default(''),
    ...publishable,
  },
  (t) => [
    index('stations_pub_street_idx').on(t.publication, t.streetId),
    index('stations_pub_host_idx').on(t.publication, t.hostType),
    index('stations_pub_lat_idx').on(t.publication, t.lat),
  ],
);

/** Regular weekly sessions. Several rows per weekday make a lunch break. */
export const stationHours = sqliteTable(
  'station_hours',
  {
    id: integer('id').primaryKey(),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: HOURS_SCOPES }).notNull().default('station'),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    opens: text('opens').notNull(),
    closes: text('closes').notNull(),
    /**
     * The first Beijing day this row's week is in force ('YYYY-MM-DD'). A station's rows with the
     * same date form one week; it holds until the next later date (db/domain/hours-sets.ts).
     * '0000-01-01': since before anyone recorded a change.
     */
    effectiveFrom: text('effective_from').notNull().default('0000-01-01'),
  },
  (t) => [
    index('station_hours_station_idx').on(t.stationId, t.scope, t.weekday),
    check('station_hours_weekday_ck', sql`${t.weekday} between 1 and 7`),
    check('station_hours_order_ck', sql`${t.closes} > ${t.opens}`),
  ],
);

/**
 * A dated exception for one station: closed, or other hours, over a range of days, with a
 * reason. It wins over the district calendar for that station.
 */
export const stationExceptions = sqliteTable(
  'station_exceptions',
  {
    id: integer('id').primaryKey(),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    closed: integer('closed', { mode: 'boolean' }).notNull(),
    /** When not closed: the sessions kept on those days. */
    sessions: text('sessions', { mode: 'json' }).$type<Session[]>().notNull().default([]),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('station_exc_station_idx').on(t.stationId, t.endDate),
    index('station_exc_dates_idx').on(t.startDate, t.endDate),
    check('station_exc_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * The district calendar: statutory holidays (stations close) and 调休 make-up working days
 * (stations open with the hours of `asWeekday`, Monday unless the notice says otherwise).
 */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    date: text('date').primaryKey(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    asWeekday: integer('as_weekday'),
  },
  (t) => [check('calendar_days_weekday_ck', sql`${t.asWeekday} is null or ${t.asWeekday} between 1 and 7`)],
);

/**
 * Per year of the district calendar: whether its holidays and 调休 days are still a guess
 * (`provisional`: the State Council's notice is not out yet). Residents are told so wherever
 * those days are shown; an admin clears the flag when the official notice has been entered.
 * A year without a row is taken as official.
 */
export const calendarYears = sqliteTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [check('calendar_years_year_ck', sql`${t.year} between 2000 and 2100`)],
);

/** 医保经办事项: the catalogue of services (79 in Fengtai's first batch). */
export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull().unique(),
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    /** Can also be done on the phone (北京医保公共服务平台 / 国家医保服务平台 app). */
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    /** Where on the phone, in a few words ('国家医保服务平台App «异地备案»'); '' = no note. */
    onlineNote: text('online_note').notNull().default(''),
    /** What to bring to the station (办理需带), in the order a resident packs them. */
    materials: text('materials', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('services_category_idx').on(t.category, t.sort)],
);

export const stationServices = sqliteTable(
  'station_services',
  {
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    mode: text('mode', { enum: SERVICE_MODES }).notNull().default('counter'),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.serviceId] }),
    index('station_services_service_idx').on(t.serviceId, t.stationId),
  ],
);

// ---------------------------------------------------------------------------
// Job fairs
// ---------------------------------------------------------------------------

export const fairs = sqliteTable(
  'fairs',
  {
    id: integer('id').primaryKey(),
    title: text('title').notNull(),
    type: text('type', { enum: FAIR_TYPES }).notNull(),
    organiser: text('organiser').notNull(),
    /** Physical venue; null for an online-only fair. */
    placeId: integer('place_id').references(() => places.id),
    onlineUrl: text('online_url'),
    /** 'YYYY-MM-DDTHH:MM' Beijing time. For a recurring market: the first session. */
    startsAt: text('starts_at').notNull(),
    /** For a recurring market: the end of the last session (or far ahead). */
    endsAt: text('ends_at').notNull(),
    recurrence: text('recurrence', { mode: 'json' }).$type<Recurrence>(),
    status: text('status', { enum: FAIR_STATUSES }).notNull().default('scheduled'),
    statusNote: text('status_note'),
    description: text('description').notNull().default(''),
    /** 如何参加: what to bring, registration, transport. */
    howToAttend: text('how_to_attend').notNull().default(''),
    contactPhone: text('contact_phone').notNull(),
    ...publishable,
  },
  (t) => [
    // With the title: the job list's fair names (db/queries/jobs/rows.ts, reloaded on every fair save) read from the index alone.
    index('fairs_pub_ends_idx').on(t.publication, t.endsAt, t.title),
    index('fairs_pub_starts_idx').on(t.publication, t.startsAt),
    index('fairs_pub_type_idx').on(t.publication, t.type, t.startsAt),
    index('fairs_place_idx').on(t.placeId),
    check('fairs_dates_ck', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const fairEmployers = sqliteTable(
  'fair_employers',
  {
    id: integer('id').primaryKey(),
    fairId: integer('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    industry: text('industry').notNull(),
    intro: text('intro').notNull().default(''),
    booth: text('booth'),
  },
  (t) => [index('fair_employers_fair_idx').on(t.fairId)],
);

export const fairPositions = sqliteTable(
  'fair_positions',
  {
    id: integer('id').primaryKey(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => fairEmployers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    headcount: integer('headcount').notNull(),
    payMin: integer('pay_min'),
    payMax: integer('pay_max'),
    payUnit: text('pay_unit', { enum: PAY_UNITS }).notNull().default('month'),
    requirements: text('requirements').notNull().default(''),
    /** The course that qualifies for this job (短训快聘). */
    courseId: integer('course_id').references(() => courses.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('fair_positions_employer_idx').on(t.employerId),
    index('fair_positions_course_idx').on(t.courseId),
    check('fair_positions_pay_ck', sql`${t.payMax} is null or ${t.payMin} is null or ${t.payMax} >= ${t.payMin}`),
  ],
);

// ---------------------------------------------------------------------------
// Search index (the FTS5 trigram table itself is created in a custom migration)
// ---------------------------------------------------------------------------

/** One searchable document per course, station and fair; its rowid is the FTS rowid. */
export const searchDocs = sqliteTable(
  'search_docs',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    refId: integer('ref_id').notNull(),
    body: text('body').notNull(),
  },
  (t) => [uniqueIndex('search_docs_ref_idx').on(t.kind, t.refId)],
);

/**
 * 1- and 2-character grams of each document, so short words (电工, 花艺) have an indexed
 * path: the trigram tokenizer silently matches nothing for them. `kind` is the document's kind
 * (copied from search_docs, never changed), first in the key, so a course search reads only
 * courses' grams: one range of the key per (kind, gram), not every kind's documents.
 * The table is WITHOUT ROWID (migration 0011, written by hand: drizzle cannot declare it), so the
 * key is the table and the doc-id index holds (doc_id, kind, gram). A later migration that
 * recreates this table must keep `WITHOUT ROWID` in its CREATE TABLE.
 */
export const searchGrams = sqliteTable(
  'search_grams',
  {
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    gram: text('gram').notNull(),
    docId: integer('doc_id')
      .notNull()
      .references(() => searchDocs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.kind, t.gram, t.docId] }), index('search_grams_doc_idx').on(t.docId)],
);

// ---------------------------------------------------------------------------
// Site facts
// ---------------------------------------------------------------------------

/**
 * Facts about this database, key → value. `sample_data` (the day the sample data was dated
 * from) exists only in sample mode; the public footer labels the site as a demo when it does.
 */
export const siteMeta = sqliteTable('site_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * One counter that moves whenever published content or reference data changes (triggers in
 * migration 0006 on every content table), and never for sign-ins, sessions, the audit log or
 * zero-result searches. The page cache keys on it (db/queries/content-stamp.ts).
 */
export const contentVersion = sqliteTable(
  'content_version',
  {
    id: integer('id').primaryKey(),
    n: integer('n').notNull().default(0),
  },
  (t) => [check('content_version_one_row', sql`${t.id} = 1`)],
);

/**
 * What changed, row by row, for the list-search indexes (db/search/engine): triggers on the
 * content tables append the entity a write touched (a run's write names its course) with an
 * increasing seq. Each index polls max(seq) and reloads only what changed; old rows are pruned.
 */
export const changeLog = sqliteTable('change_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  entity: text('entity').notNull(),
  entityId: integer('entity_id').notNull(),
});

/** The site_meta key whose presence marks a database holding the (fictitious) sample data. */
export const SAMPLE_DATA_KEY = 'sample_data';

// ---------------------------------------------------------------------------
// What the bureau learns from residents: zero-result searches, subsidy rules, 街镇 boundaries
// ---------------------------------------------------------------------------

/**
 * A public search that found nothing, counted per day. Only the words (with long digit runs
 * masked) and the filters are kept: no address, no session, no location, nothing personal.
 */
export const searchMisses = sqliteTable(
  'search_misses',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: SEARCH_MISS_KINDS }).notNull(),
    /** The words as typed, normalised (trimmed, spaces collapsed, digit runs masked); '' for filters only. */
    terms: text('terms').notNull(),
    /** The filters as a canonical query string (sorted keys, no page), '' for words only. */
    filters: text('filters').notNull(),
    /** Beijing date, YYYY-MM-DD. */
    day: text('day').notNull(),
    count: integer('count').notNull().default(1),
    lastAt: integer('last_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('search_misses_key_uq').on(t.kind, t.terms, t.filters, t.day), index('search_misses_day_idx').on(t.day)],
);

/**
 * One subsidy rule of the self-check. Rules are tried in `sort` order against a run and the
 * resident's answers; the first active rule whose every condition holds gives its outcome.
 * When none holds the run is 需自费. Admins edit these rows; the public page explains them.
 */
export const subsidyRules = sqliteTable(
  'subsidy_rules',
  {
    id: integer('id').primaryKey(),
    sort: integer('sort').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    outcome: text('outcome', { enum: SUBSIDY_OUTCOMES }).notNull(),
    /** A short name, e.g. 政府补贴性培训（免费）. */
    title: text('title').notNull(),
    /** The plain explanation residents read on the self-check page. */
    explanation: text('explanation').notNull().default(''),
    /** Comma list of run cost types the rule applies to ('free,subsidy'); '' = any run. */
    runCostTypes: text('run_cost_types').notNull().default(''),
    residency: text('residency', { enum: SUBSIDY_RESIDENCY }).notNull().default('any'),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    /** Comma list of work statuses that qualify; '' = any. */
    workStatuses: text('work_statuses').notNull().default(''),
    /** The run must list the resident's work status among its target groups. */
    matchRunTargetGroup: integer('match_run_target_group', { mode: 'boolean' }).notNull().default(false),
    /** The resident must not already hold this occupation's certificate at the run's level or higher. */
    requireLevelUp: integer('require_level_up', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('subsidy_rules_sort_idx').on(t.sort),
    check('subsidy_rules_age_ck', sql`${t.minAge} is null or ${t.maxAge} is null or ${t.minAge} <= ${t.maxAge}`),
  ],
);

/**
 * A 街镇's real boundary (GeoJSON Polygon or MultiPolygon, WGS-84), when one has been imported.
 * Without one, the 15-minute coverage view approximates each 街镇 from its centre point.
 */
export const streetBoundaries = sqliteTable('street_boundaries', {
  streetId: integer('street_id')
    .primaryKey()
    .references(() => streets.id, { onDelete: 'cascade' }),
  geojson: text('geojson').notNull(),
  /** Where it came from, e.g. a file name and date. */
  source: text('source').notNull().default(''),
  ...timestamps,
});

// ---------------------------------------------------------------------------
// Admin accounts, sessions, sign-in attempts and the audit log
// ---------------------------------------------------------------------------

/**
 * A bureau staff account. 'provider' users are tied to one training provider, 'station' users
 * to one station; the check keeps that true whatever code writes the row.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    /** Sign-in name, stored lower-case. */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    providerId: integer('provider_id').references(() => providers.id),
    stationId: integer('station_id').references(() => stations.id),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** Bumped by sign-out everywhere, a password change or disabling: older sessions die. */
    sessionVersion: integer('session_version').notNull().default(1),
    /**
     * The password was set by a 管理员 (new account or reset), so it is one-time: until the user
     * sets their own, the session guard lets them do nothing but that (db/auth/guard.ts).
     */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [
    check(
      'users_scope_ck',
      sql`(${t.role} = 'provider') = (${t.providerId} is not null) and (${t.role} = 'station') = (${t.stationId} is not null)`,
    ),
  ],
);

/**
 * One signed-in browser. The cookie only names the row; the row decides whether the session
 * is still alive (idle and absolute limits, the user's session version).
 */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionVersion: integer('session_version').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('admin_sessions_user_idx').on(t.userId)],
);

/** Every sign-in attempt, for throttling (per account and per IP) and for the record. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** What was typed, lower-cased and trimmed (may name no account). */
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure', 'throttled'] }).notNull(),
  },
  (t) => [
    index('login_attempts_user_idx').on(t.username, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
  ],
);

/**
 * Who did what, when, with the record before and after. Written in the same transaction as
 * the change it describes.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Null for an anonymous event (a failed sign-in for an unknown name). */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name at the time, kept even if the account is later renamed. */
    actor: text('actor').notNull(),
    /** e.g. create, update, publish, withdraw, archive, submit, return, delete, signin … */
    action: text('action').notNull(),
    entity: text('entity', { enum: AUDIT_ENTITIES }).notNull(),
    entityId: integer('entity_id'),
    /** The record's version after the change, so a conflict can say what changed since. */
    entityVersion: integer('entity_version'),
    /** One line in Chinese for the log list. */
    summary: text('summary').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    ip: text('ip'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_user_idx').on(t.userId, t.at),
  ],
);

// ---------------------------------------------------------------------------
// Relations (for db.query … with)
// ---------------------------------------------------------------------------

export const streetsRelations = relations(streets, ({ many }) => ({
  stations: many(stations),
  places: many(places),
}));

export const placesRelations = relations(places, ({ one }) => ({
  street: one(streets, { fields: [places.streetId], references: [streets.id] }),
  provider: one(providers, { fields: [places.providerId], references: [providers.id] }),
}));

export const providersRelations = relations(providers, ({ many }) => ({
  courses: many(courses),
  places: many(places),
}));

export const occupationsRelations = relations(occupations, ({ many }) => ({
  levels: many(occupationLevels),
  courses: many(courses),
}));

export const occupationLevelsRelations = relations(occupationLevels, ({ one }) => ({
  occupation: one(occupations, { fields: [occupationLevels.occupationId], references: [occupations.id] }),
}));

export const coursesRelations = relations(courses, ({ one, many }) => ({
  occupation: one(occupations, { fields: [courses.occupationId], references: [occupations.id] }),
  provider: one(providers, { fields: [courses.providerId], references: [providers.id] }),
  runs: many(courseRuns),
  positions: many(fairPositions),
}));

export const courseRunsRelations = relations(courseRuns, ({ one, many }) => ({
  course: one(courses, { fields: [courseRuns.courseId], references: [courses.id] }),
  theoryPlace: one(places, { fields: [courseRuns.theoryPlaceId], references: [places.id], relationName: 'theory' }),
  practicePlace: one(places, {
    fields: [courseRuns.practicePlaceId],
    references: [places.id],
    relationName: 'practice',
  }),
  certificates: many(runCertificates),
  targetGroups: many(runTargetGroups),
}));

export const runCertificatesRelations = relations(runCertificates, ({ one }) => ({
  run: one(courseRuns, { fields: [runCertificates.runId], references: [courseRuns.id] }),
}));

export const runTargetGroupsRelations = relations(runTargetGroups, ({ one }) => ({
  run: one(courseRuns, { fields: [runTargetGroups.runId], references: [courseRuns.id] }),
  group: one(targetGroups, { fields: [runTargetGroups.groupCode], references: [targetGroups.code] }),
}));

export const stationsRelations = relations(stations, ({ one, many }) => ({
  street: one(streets, { fields: [stations.streetId], references: [streets.id] }),
  hours: many(stationHours),
  exceptions: many(stationExceptions),
  services: many(stationServices),
}));

export const stationHoursRelations = relations(stationHours, ({ one }) => ({
  station: one(stations, { fields: [stationHours.stationId], references: [stations.id] }),
}));

export const stationExceptionsRelations = relations(stationExceptions, ({ one }) => ({
  station: one(stations, { fields: [stationExceptions.stationId], references: [stations.id] }),
}));

export const stationServicesRelations = relations(stationServices, ({ one }) => ({
  station: one(stations, { fields: [stationServices.stationId], references: [stations.id] }),
  service: one(services, { fields: [stationServices.serviceId], references: [services.id] }),
}));

export const servicesRelations = relations(services, ({ many }) => ({
  stations: many(stationServices),
}));

export const fairsRelations = relations(fairs, ({ one, many }) => ({
  place: one(places, { fields: [fairs.placeId], references: [places.id] }),
  employers: many(fairEmployers),
}));

export const fairEmployersRelations = relations(fairEmployers, ({ one, many }) => ({
  fair: one(fairs, { fields: [fairEmployers.fairId], references: [fairs.id] }),
  positions: many(fairPositions),
}));

export const fairPositionsRelations = relations(fairPositions, ({ one }) => ({
  employer: one(fairEmployers, { fields: [fairPositions.employerId], references: [fairEmployers.id] }),
  course: one(courses, { fields: [fairPositions.courseId], references: [courses.id] }),
}));

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

export type Street = typeof streets.$inferSelect;
export type Place = typeof places.$inferSelect;
export type Provider = typeof providers.$inferSelect;
export type Occupation = typeof occupations.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type CourseRun = typeof courseRuns.$inferSelect;
export type RunCertificate = typeof runCertificates.$inferSelect;
export type TargetGroup = typeof targetGroups.$inferSelect;
export type Station = typeof stations.$inferSelect;
export type StationHour = typeof stationHours.$inferSelect;
export type StationException = typeof stationExceptions.$inferSelect;
export type CalendarDay = typeof calendarDays.$inferSelect;
export type CalendarYearFlag = typeof calendarYears.$inferSelect;
export type Service = typeof services.$inferSelect;
export type StationService = typeof stationServices.$inferSelect;
export type Fair = typeof fairs.$inferSelect;
export type FairEmployer = typeof fairEmployers.$inferSelect;
export type FairPosition = typeof fairPositions.$inferSelect;
export type User = typeof users.$inferSelect;
export type AdminSession = typeof adminSessions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type SearchMiss = typeof searchMisses.$inferSelect;
export type SubsidyRule = typeof subsidyRules.$inferSelect;
export type StreetBoundary = typeof streetBoundaries.$inferSelect;
