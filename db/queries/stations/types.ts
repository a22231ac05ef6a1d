/**
 * What the station reads return: codes and data, no words (components/stations/strings.ts says
 * them). Plain data only: results cross to the browser.
 */
import type { FacetCount, NoticeCode } from '@/db/search/engine/types';
import type { FacilityKey } from '@/db/domain/labels-stations';
import type { OpenLabel } from '@/db/domain/hours';
import type { LatLng } from '@/db/domain/geo';
import type { HostType, HoursScope, Publication, ServiceMode, StationStatus } from '@/db/schema';
import type { StationFinderValues } from '@/db/validation/station-search';

export type StationStatusView = {
  open: boolean;
  label: OpenLabel;
  text: string;
  /** 'counter' when the status is the staffed window's (the filtered service is counter-only). */
  scope: HoursScope;
  /** Years whose guessed holidays (calendar_years.provisional) this status leans on; empty when none. */
  provisionalYears: number[];
};

export type StationDistance = { metres: number; minutes: number; text: string; within15: boolean };

export type StationListItem = {
  id: number;
  name: string;
  hostType: HostType;
  hostName: string;
  address: string;
  streetName: string;
  phone: string;
  planned: boolean;
  status: StationStatusView;
  distance: StationDistance | null;
  /** How the filtered service is offered here, what to bring and whether a phone will do (only when a service is filtered). */
  service: { id: number; name: string; mode: ServiceMode; online: boolean; materials: string[] } | null;
  facilities: FacilityKey[];
  /** WGS-84, for the list's map. */
  at: LatLng;
};

/** An active filter as a code: its key, its value, and a data name where there is one (a 街镇, a service, a place). */
export type StationChip = { key: string; value?: string; name?: string | null };

export type ServiceGroup = { category: string; options: FacetCount[] };
export type OriginOption = { value: string; label: string };

export type StationSearchResult = {
  items: StationListItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: Record<string, FacetCount[]>;
  /** Every active filter, then the origin ('near' or 'lat'). */
  chips: StationChip[];
  notice: NoticeCode | null;
  /** The canonical query string (old origin forms rewritten). */
  query: string;
  /** The filters as applied (unreadable or unknown ones back at their defaults), with the origin's parameters. */
  values: StationFinderValues & { near: string | null; lat: number | null; lng: number | null };
  /** The service catalogue for the select, grouped by category, with counts. */
  serviceGroups: ServiceGroup[];
  /** Choices for "我在哪里": 街镇 centres and landmarks (canonical `near` values and their names). */
  origins: { streets: OriginOption[]; places: OriginOption[] };
  /** The location results are sorted by: a picked place (with its name) or the device. */
  origin: { kind: 'device' | 'near'; name: string | null; at: LatLng } | null;
  /** With a location: how many of all matches lie within about 15 minutes' walk. */
  within15: number | null;
  /** Only when nothing matched: each filter whose removal finds something, with how many. */
  widen: (StationChip & { count: number })[];
  /** Beijing date and time "open now" was judged at, e.g. '11月23日（周一）10:00'. */
  clock: string;
};

export type AdminStationItem = {
  id: number;
  name: string;
  streetName: string;
  hostType: HostType;
  publication: Publication;
  stationStatus: StationStatus;
  status: StationStatusView;
  lastVerifiedOn: string;
  stale: boolean;
  updatedAt: number;
};

export type AdminStationSearch = {
  items: AdminStationItem[];
  total: number;
  page: number;
  pageCount: number;
  notice: NoticeCode | null;
  streets: OriginOption[];
  serviceGroups: ServiceGroup[];
  /** How many stations are in each publication state with the other filters applied. */
  publicationCounts: Record<string, number>;
  staleCount: number;
  today: string;
};
