/**
 * The calendar file (.ics) for one fair. Times are written as UTC instants converted from
 * Beijing wall-clock time, so a phone in any zone shows the right moment; a weekly market
 * gets a weekly RRULE (see icsTiming for why its BYDAY may shift a day).
 */
import { createEvent, type EventAttributes } from 'ics';
import type { FairCalendarInfo } from '@/db/queries/fairs/types';
import { icsTiming } from '@/db/domain/fair-dates';
import { FAIR_STATUS_LABELS } from '@/db/domain/labels-fairs';
import { fairText, fairTimeText } from '@/components/fairs/strings';

const STATUS: Record<FairCalendarInfo['status'], EventAttributes['status']> = {
  scheduled: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
};

/** The reminder's offset, serialised as TRIGGER:-PT24H. */
export const ALARM_DAY_BEFORE = { hours: 24, before: true } as const;

/**
 * RFC 5545 limits lines to 75 octets; the library folds by characters, which lets Chinese
 * lines run to three times that. Refold by UTF-8 octets without splitting a character.
 */
export function foldByOctets(ics: string): string {
  const enc = new TextEncoder();
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let size = 0;
      let limit = 75;
      for (const ch of line) {
        const n = enc.encode(ch).length;
        if (size + n > limit) {
          parts.push(current);
          current = '';
          size = 0;
          limit = 74; // continuation lines start with one space
        }
        current += ch;
        size += n;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** The .ics text for a fair, or null if the library refuses the event. */
export function fairIcs(f: FairCalendarInfo, pageUrl: string, now: Date = new Date()): string | null {
  const t = icsTiming(f.timing, now);
  const lines = [
    `${fairText.schedule}：${fairTimeText(f.timing)}${fairText.icsBeijingTime}`,
    f.status !== 'scheduled' ? `${FAIR_STATUS_LABELS[f.status]}${f.statusNote ? `：${f.statusNote}` : ''}` : null,
    f.location ? `${fairText.whereHeading}：${f.location}` : fairText.online,
    f.onlineUrl ? `${fairText.openOnline}：${f.onlineUrl}` : null,
    `${fairText.organiser}：${f.organiser}`,
    `${fairText.contactPhone}：${f.contactPhone}`,
    f.description || null,
    pageUrl,
  ].filter((l): l is string => Boolean(l));
  const event: EventAttributes = {
    uid: `fair-${f.id}@fengtai-portal`,
    productId: 'fengtai-portal/fairs',
    start: t.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: t.end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: f.status === 'cancelled' ? `【${FAIR_STATUS_LABELS.cancelled}】${f.title}` : f.title,
    description: lines.join('\n'),
    location: f.location ?? f.onlineUrl ?? fairText.online,
    url: pageUrl,
    status: STATUS[f.status],
    ...(f.lat !== null && f.lng !== null ? { geo: { lat: f.lat, lon: f.lng } } : {}),
    ...(t.rrule ? { recurrenceRule: t.rrule } : {}),
    // A reminder the day before a one-off fair; a daily market would nag every morning. Given
    // as 24 hours: the library writes { days: 1 } as `-P1DT`, which RFC 5545 rejects; this is `-PT24H`.
    ...(f.timing.recurrence ? {} : { alarms: [{ action: 'display' as const, description: f.title, trigger: ALARM_DAY_BEFORE }] }),
  };
  const { error, value } = createEvent(event);
  if (error || !value) return null;
  return foldByOctets(value);
}
