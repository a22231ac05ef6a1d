/**
 * The calendar file (.ics) for one fair. Times are written as UTC instants converted from
 * Beijing wall-clock time, so a phone in any zone shows the right moment; a weekly market
 * gets a weekly RRULE (see icsTiming for why its BYDAY may shift a day).
 */
import { createEvents, type EventAttributes } from 'ics';
import type { FairCalendarInfo } from '@/db/queries/fairs/types';
import { beijingInstant, icsTiming } from '@/db/domain/fair-dates';
import { addDays } from '@/db/domain/calendar';
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

/**
 * The session a multi-day fair reminds of: the first whose start is still to come (a resident
 * adding a fair on its third day is reminded of the fourth), or null when none is.
 */
export function remindedSession(f: FairCalendarInfo, now: Date): number | null {
  const opens = f.timing.startsAt.slice(11, 16);
  const first = f.timing.startsAt.slice(0, 10);
  const last = f.timing.endsAt.slice(0, 10);
  for (let d = first, i = 0; d <= last && i < 366; d = addDays(d, 1), i++) {
    const at = beijingInstant(d, opens);
    if (at > now.getTime()) return at;
  }
  return null;
}

/**
 * The .ics text for a fair, or null if the library refuses the event.
 *
 * Reminders: a one-off fair, a day before; a fair over several days (a daily series), once, a
 * day before its next session: the series carries no alarm and that one session is written
 * again (RECURRENCE-ID) with it, so phones do not remind every morning. A weekly market would
 * nag every week, and a cancelled fair has nothing to go to: neither has a reminder.
 */
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
  };
  // Given as 24 hours: the library writes { days: 1 } as `-P1DT`, which RFC 5545 rejects; this is `-PT24H`.
  const alarms = [{ action: 'display' as const, description: f.title, trigger: ALARM_DAY_BEFORE }];
  const reminds = f.status !== 'cancelled' && !f.timing.recurrence;
  const events: EventAttributes[] = [];
  if (!t.rrule) {
    events.push({ ...event, ...(reminds ? { alarms } : {}) });
  } else {
    events.push({ ...event, recurrenceRule: t.rrule });
    const once = reminds ? remindedSession(f, now) : null;
    if (once !== null) {
      const length = t.end - t.start;
      // The library writes RECURRENCE-ID (as UTC, like DTSTART) but its type does not declare it.
      const session: EventAttributes & { recurrenceId: number } = { ...event, start: once, end: once + length, recurrenceId: once, alarms };
      events.push(session);
    }
  }
  const { error, value } = createEvents(events);
  if (error || !value) return null;
  return foldByOctets(value);
}
