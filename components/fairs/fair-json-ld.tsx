import type { FairDetail } from '@/db/queries/fairs/types';
import { fairText } from './strings';

const STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  postponed: 'https://schema.org/EventPostponed',
  cancelled: 'https://schema.org/EventCancelled',
} as const;

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Beijing local 'YYYY-MM-DDTHH:MM' as an ISO date-time with its offset. */
const withOffset = (local: string) => `${local}:00+08:00`;

/**
 * schema.org Event data for one fair (status, place or online room, weekly schedule), so
 * search engines and WeChat previews show the real date and a cancellation. No hooks.
 */
export function FairJsonLd({ fair }: { fair: FairDetail }) {
  const mode = fair.place && fair.onlineUrl ? 'Mixed' : fair.place ? 'Offline' : 'Online';
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: fair.title,
    description: fair.description || undefined,
    startDate: withOffset(fair.startsAt),
    endDate: withOffset(fair.endsAt),
    eventStatus: STATUS[fair.status],
    eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
    isAccessibleForFree: true,
    organizer: { '@type': 'Organization', name: fair.organiser, telephone: fair.contactPhone },
    location: [
      ...(fair.place
        ? [{ '@type': 'Place', name: fair.place.name, address: { '@type': 'PostalAddress', streetAddress: fair.place.address, addressLocality: fairText.locality, addressCountry: 'CN' } }]
        : []),
      ...(fair.onlineUrl ? [{ '@type': 'VirtualLocation', url: fair.onlineUrl }] : []),
    ],
    ...(fair.recurrence
      ? {
          eventSchedule: {
            '@type': 'Schedule',
            repeatFrequency: 'P1W',
            byDay: fair.recurrence.weekdays.map((d) => `https://schema.org/${DAYS[d]}`),
            startTime: fair.recurrence.opens,
            endTime: fair.recurrence.closes,
            scheduleTimezone: 'Asia/Shanghai',
          },
        }
      : {}),
  };
  // '<' escaped so text typed by staff can never close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
