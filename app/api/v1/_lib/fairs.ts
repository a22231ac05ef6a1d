/** Job fairs in API v1: rows from db/queries/open-data-fairs.ts → ApiFair and ApiFairDetail. */
import type { FairStatus, FairType, PayUnit } from '@/db/enums';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS, PAY_UNIT_LABELS } from '@/db/domain/labels-fairs';
import { getOpenFair, listOpenFairs, type OpenFair, type OpenPosition } from '@/db/queries/open-data-fairs';
import type { Listed, Paging } from '@/db/queries/open-data';
import { hhmm, localToIso, type PlaceOut } from './format';
import type { ApiParams } from './params';

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

/** The fair's venue, when it has one (a left join gives an online-only fair nulls). */
function venueOf(r: OpenFair): PlaceOut | null {
  return r.placeName !== null && r.placeLat !== null && r.placeLng !== null
    ? { name: r.placeName, address: r.placeAddress ?? '', street: r.streetName, lat: r.placeLat, lng: r.placeLng }
    : null;
}

export function fairToApi(r: OpenFair, base: string): ApiFair {
  const venue = venueOf(r);
  return {
    id: r.id,
    title: r.title,
    url: fairUrl(base, r.id),
    type: r.type,
    type_label: FAIR_TYPE_LABELS[r.type],
    status: r.status,
    status_label: FAIR_STATUS_LABELS[r.status],
    status_note: r.statusNote,
    organiser: r.organiser,
    starts_at: localToIso(r.startsAt),
    ends_at: localToIso(r.endsAt),
    recurrence: r.recurrence
      ? { weekdays: [...r.recurrence.weekdays], opens: hhmm(r.recurrence.opens), closes: hhmm(r.recurrence.closes) }
      : null,
    attendance_mode: attendanceMode(venue, r.onlineUrl),
    venue: venue ? { ...venue, crs: 'WGS-84' } : null,
    online_url: r.onlineUrl,
    contact_phone: r.contactPhone,
  };
}

export function positionToApi(p: OpenPosition): ApiPosition {
  return {
    id: p.id,
    title: p.title,
    headcount: p.headcount,
    pay_min: p.payMin,
    pay_max: p.payMax,
    pay_unit: p.payUnit,
    requirements: p.requirements,
    course_id: p.courseId,
    pay_unit_label: PAY_UNIT_LABELS[p.payUnit],
  };
}

/** GET /api/v1/fairs: published fairs, filtered and ordered like the fair list. */
export async function listApiFairs(v: ApiParams<'fairs'>, paging: Paging, base: string, now: Date = new Date()): Promise<Listed<ApiFair>> {
  const { items, total } = await listOpenFairs(v, paging, now);
  return { items: items.map((f) => fairToApi(f, base)), total };
}

/** GET /api/v1/fairs/{id}: the fair with its employers and their positions. */
export async function getApiFair(id: number, base: string): Promise<ApiFairDetail | null> {
  const d = await getOpenFair(id);
  if (!d) return null;
  return {
    ...fairToApi(d.fair, base),
    description: d.fair.description,
    how_to_attend: d.fair.howToAttend,
    employers: d.employers.map((e) => ({ ...e, positions: d.positions.filter((p) => p.employerId === e.id).map(positionToApi) })),
  };
}
