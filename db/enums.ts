/**
 * The fixed value sets of the schema, with no dependencies, so browser code (filters, labels,
 * URL parsing) can use them without pulling in the database library. db/schema.ts re-exports
 * everything here.
 */

/**
 * draft → (review, for a training provider's submissions) → published → withdrawn → archived.
 * Residents only ever see 'published'.
 */
export const PUBLICATION = ['draft', 'review', 'published', 'withdrawn', 'archived'] as const;
export type Publication = (typeof PUBLICATION)[number];

export const PLACE_KINDS = ['classroom', 'practice_base', 'venue', 'landmark'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const COST_TYPES = ['free', 'subsidy', 'self'] as const;
export type CostType = (typeof COST_TYPES)[number];

export const CERTIFICATE_KINDS = ['skill', 'licence'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const HOST_TYPES = ['street_centre', 'community_health', 'bank', 'hospital', 'park'] as const;
export type HostType = (typeof HOST_TYPES)[number];

export const STATION_STATUSES = ['operating', 'planned', 'suspended'] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];

/**
 * Which opening hours a row belongs to: the station as a whole, or its staffed counter
 * (人工窗口) where that keeps shorter hours than the host (a bank branch's insurance window).
 */
export const HOURS_SCOPES = ['station', 'counter'] as const;
export type HoursScope = (typeof HOURS_SCOPES)[number];

export const SERVICE_MODES = ['counter', 'self', 'both'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const FAIR_TYPES = [
  'general',
  'special',
  'short_training',
  'spring_breeze',
  'graduates',
  'disability',
  'new_forms',
  'gig_market',
  'online',
] as const;
export type FairType = (typeof FAIR_TYPES)[number];

export const FAIR_STATUSES = ['scheduled', 'postponed', 'cancelled'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

export const PAY_UNITS = ['month', 'day', 'hour'] as const;
export type PayUnit = (typeof PAY_UNITS)[number];

export const SEARCH_KINDS = ['course', 'station', 'fair', 'position'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type Session = { opens: string; closes: string };

/** A weekly standing schedule (零工市场): the weekdays it runs and the daily hours. */
export type Recurrence = { weekdays: number[]; opens: string; closes: string };

/** Admin roles: 管理员, 编辑, 培训机构 (scoped to one provider), 驿站 (scoped to one station). */
export const ROLES = ['admin', 'editor', 'provider', 'station'] as const;
export type Role = (typeof ROLES)[number];

/** What an audit row is about. */
export const AUDIT_ENTITIES = [
  'course',
  'run',
  'station',
  'fair',
  'calendar',
  'user',
  'session',
  'import',
  'provider',
  'place',
  'subsidy_rule',
  'service',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Which public search a zero-result search was made on. */
export const SEARCH_MISS_KINDS = ['courses', 'stations', 'fairs', 'jobs', 'search'] as const;
export type SearchMissKind = (typeof SEARCH_MISS_KINDS)[number];

/** What a subsidy rule gives a learner who meets it (需自费 is what is left when none does). */
export const SUBSIDY_OUTCOMES = ['free', 'subsidy'] as const;
export type SubsidyOutcome = (typeof SUBSIDY_OUTCOMES)[number];

/** The residency a subsidy rule asks for: 北京户籍 only, 户籍 or 居住证, or anyone. */
export const SUBSIDY_RESIDENCY = ['hukou', 'hukou_or_permit', 'any'] as const;
export type SubsidyResidency = (typeof SUBSIDY_RESIDENCY)[number];

/** Work statuses the self-check asks about (the run target-group codes, plus retired and other). */
export const WORK_STATUSES = ['employed', 'unemployed', 'rural', 'graduate', 'new_forms', 'disabled', 'veteran', 'hardship', 'retired', 'other'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
