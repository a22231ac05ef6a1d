/** Turning a stored run into what the run form holds, and the defaults of a new one. */
import type { RunFormValues } from '@/db/validation/admin/run';

type Stored = {
  id: number;
  version: number;
  courseId: number;
  label: string;
  startDate: string;
  endDate: string;
  classDays: string;
  dailyStart: string;
  dailyEnd: string;
  theoryPlaceId: number;
  practicePlaceId: number | null;
  seats: number;
  seatsLeft: number;
  deadline: string;
  costType: string;
  fee: number | null;
  subsidy: number | null;
  contactName: string;
  contactPhone: string;
  note: string;
  certificates: { kind: string; name: string; issuer: string }[];
  groups: string[];
};

const str = (n: number | null) => (n === null ? '' : String(n));

export function runToFormValues(r: Stored): RunFormValues {
  return {
    id: r.id,
    version: r.version,
    label: r.label,
    startDate: r.startDate,
    endDate: r.endDate,
    classDays: r.classDays.split(',').map((d) => d.trim()).filter(Boolean),
    dailyStart: r.dailyStart,
    dailyEnd: r.dailyEnd,
    theoryPlaceId: String(r.theoryPlaceId),
    practicePlaceId: str(r.practicePlaceId),
    seats: String(r.seats),
    seatsLeft: String(r.seatsLeft),
    deadline: r.deadline,
    costType: r.costType,
    fee: str(r.fee),
    subsidy: str(r.subsidy),
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    note: r.note,
    certificates: r.certificates.map((c) => ({ ...c })),
    groups: [...r.groups],
  };
}

export function newRunValues(courseId: number, defaults: { startDate: string; endDate: string; deadline: string; theoryPlaceId: string; contactPhone: string }): RunFormValues {
  return {
    courseId,
    label: '',
    startDate: defaults.startDate,
    endDate: defaults.endDate,
    classDays: ['1', '2', '3', '4', '5'],
    dailyStart: '09:00',
    dailyEnd: '16:30',
    theoryPlaceId: defaults.theoryPlaceId,
    practicePlaceId: '',
    seats: '30',
    seatsLeft: '30',
    deadline: defaults.deadline,
    costType: 'free',
    fee: '',
    subsidy: '',
    contactName: '',
    contactPhone: defaults.contactPhone,
    note: '',
    certificates: [],
    groups: [],
  };
}
