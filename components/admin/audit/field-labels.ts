/**
 * Field names and coded values of audit snapshots, in words: each entity's own labels (the same
 * ones its form and conflict notices use), then the log's general ones. A nested part
 * ('employer.name') reads as its part's label and its own.
 */
import type { AuditEntity } from '@/db/enums';
import { PUBLICATION_LABELS, ROLE_LABELS } from '@/db/auth/permissions';
import { COST_TYPE_LABELS, CERTIFICATE_KIND_LABELS } from '@/db/domain/labels-courses';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS, PAY_UNIT_LABELS } from '@/db/domain/labels-fairs';
import { HOST_TYPE_LABELS, SERVICE_MODE_LABELS, STATION_STATUS_LABELS } from '@/db/domain/labels-stations';
import { USER_FIELD_LABELS } from '@/db/validation/admin/user';
import { CALENDAR_FIELD_LABELS } from '@/db/validation/admin/calendar';
import { COURSE_FIELD_LABELS, RUN_WORDS } from '@/components/admin/courses/strings';
import { EMPLOYER_FIELD_LABELS, FAIR_FIELD_LABELS, POSITION_FIELD_LABELS } from '@/components/admin/fairs/strings';
import { PLACE_FIELD_LABELS, PLACE_KIND_LABELS, PROVIDER_FIELD_LABELS } from '@/components/admin/orgs/strings';
import { serviceAdmin } from '@/components/admin/services/strings';
import { STATION_FIELD_LABELS } from '@/components/admin/stations/strings';
import { subsidyText } from '@/components/subsidy/strings';
import { calendarText } from '@/components/admin/calendar/strings';
import { auditText } from './strings';

const ENTITY_LABELS: Partial<Record<AuditEntity, Readonly<Record<string, string>>>> = {
  course: COURSE_FIELD_LABELS,
  run: RUN_WORDS.labels,
  station: STATION_FIELD_LABELS,
  fair: { ...FAIR_FIELD_LABELS, employer: '参展单位', position: '岗位' },
  provider: PROVIDER_FIELD_LABELS,
  place: PLACE_FIELD_LABELS,
  subsidy_rule: subsidyText.fieldLabels,
  service: serviceAdmin.fieldLabels,
  user: USER_FIELD_LABELS,
  calendar: CALENDAR_FIELD_LABELS,
};

/** Labels of a fair's parts, by the part's key. */
const PART_LABELS: Record<string, Readonly<Record<string, string>>> = { employer: EMPLOYER_FIELD_LABELS, position: POSITION_FIELD_LABELS };

/** The words for one field of an entity's snapshot ('employer.name' → 参展单位 · 单位名称). */
export function fieldLabel(entity: AuditEntity, field: string): string {
  const [head, sub] = field.split('.', 2) as [string, string | undefined];
  const own = (k: string) => ENTITY_LABELS[entity]?.[k] ?? auditText.fields[k];
  if (sub === undefined) return own(head) ?? field;
  return `${own(head) ?? head} · ${PART_LABELS[head]?.[sub] ?? own(sub) ?? sub}`;
}

/** Coded values, by the field that holds them. */
const VALUE_WORDS: Record<string, Readonly<Record<string, string>>> = {
  publication: PUBLICATION_LABELS,
  role: ROLE_LABELS,
  costType: COST_TYPE_LABELS,
  hostType: HOST_TYPE_LABELS,
  mode: SERVICE_MODE_LABELS,
  payUnit: PAY_UNIT_LABELS,
};

/** Value words that depend on the entity too (a station's status is not a fair's). */
const ENTITY_VALUE_WORDS: Partial<Record<AuditEntity, Record<string, Readonly<Record<string, string>>>>> = {
  station: { status: STATION_STATUS_LABELS },
  fair: { status: FAIR_STATUS_LABELS, type: FAIR_TYPE_LABELS },
  place: { kind: PLACE_KIND_LABELS },
  calendar: { kind: calendarText.kinds },
  run: { kind: CERTIFICATE_KIND_LABELS },
};

/** A coded value in words, when the field holds codes this log knows; otherwise null. */
export function valueWords(entity: AuditEntity, field: string, value: string): string | null {
  const key = field.split('.').at(-1) ?? field;
  return ENTITY_VALUE_WORDS[entity]?.[key]?.[value] ?? VALUE_WORDS[key]?.[value] ?? null;
}
