/**
 * The shapes the fair reads hand to pages: plain objects with codes (types, statuses) and
 * Beijing local times; components/fairs/ says them in words.
 */
import type { FairStatus, FairType, Recurrence } from '../../schema';
import type { LatLng } from '../../domain/geo';
import type { FairSession, FairTiming } from '../../domain/fair-dates';

/** One fair on the list, the home page and anywhere else a card is shown. */
export type FairListItem = {
  id: number;
  title: string;
  type: FairType;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  /** The day on the date tile: the next session (a market's, or the next day of a long fair), else the first day. */
  date: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  /** A market's session under way or next to come (null for one-off fairs and when over). */
  nextSession: FairSession | null;
  /** That session is today (Beijing), so cards say 今天 rather than today's date. */
  nextSessionToday: boolean;
  /** `at` (WGS-84) places the fair on the list's map; null for a venue without coordinates. */
  venue: { name: string; street: string | null; at: LatLng | null } | null;
  /** Has an online room (a 线上 fair, or 直播带岗 beside a venue). */
  online: boolean;
  employerCount: number;
  positionCount: number;
  headcount: number;
  /** Some positions name the training course that qualifies for them (先学后聘). */
  linkedToCourses: boolean;
  /** A 短训快聘 fair: held together with a short course so trainees are hired on finishing. */
  matchedToCourse: boolean;
  happeningNow: boolean;
  /** Has ended (a market: no session now or later), even earlier today: belongs to «往期». */
  past: boolean;
  /** No session left at this moment (the same moment as `past`, from the sessions' side). */
  over: boolean;
};

export type FairPositionItem = {
  id: number;
  title: string;
  headcount: number;
  pay: string;
  requirements: string;
  /** The published course that qualifies for the job (短训快聘), if any. */
  course: { id: number; title: string } | null;
};

export type FairEmployerItem = {
  id: number;
  name: string;
  industry: string;
  intro: string;
  booth: string | null;
  positions: FairPositionItem[];
};

export type FairDetail = FairListItem & {
  description: string;
  howToAttend: string;
  contactPhone: string;
  onlineUrl: string | null;
  place: {
    name: string;
    address: string;
    street: string | null;
    note: string | null;
    navigationUrl: string;
    /** WGS-84, for the navigation buttons. */
    at: LatLng;
  } | null;
  /** The next sessions (a market's coming days, or the remaining days of a long fair). */
  upcomingSessions: FairSession[];
  employers: FairEmployerItem[];
};

/** What a calendar file needs. */
export type FairCalendarInfo = {
  id: number;
  title: string;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  timing: FairTiming;
  location: string | null;
  onlineUrl: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  contactPhone: string;
};

/** A job at an upcoming fair that a course prepares for (shown on the course page). */
export type FairForCourse = {
  fairId: number;
  fairTitle: string;
  /** The day to go: the next session of a market, otherwise the first day. */
  date: string;
  startsAt: string;
  endsAt: string;
  status: FairStatus;
  employer: string;
  position: string;
  pay: string;
};
