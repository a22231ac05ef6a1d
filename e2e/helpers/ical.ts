/**
 * Reads an .ics file with a real iCalendar parser (ical.js), for the unit and browser tests of
 * the calendar files: a file that does not parse throws. Each VEVENT comes back as plain data
 * — instants as ISO strings in UTC — so tests compare with what the page says.
 */
import ICAL from 'ical.js';

export type IcsAlarm = { action: string; trigger: string; description: string };

export type IcsEvent = {
  uid: string;
  summary: string;
  status: string | null;
  /** DTSTART as an ISO instant, or 'YYYY-MM-DD' for an all-day event. */
  start: string;
  end: string | null;
  allDay: boolean;
  rrule: string | null;
  /** EXDATE values as ISO instants. */
  exdates: string[];
  /** RECURRENCE-ID as an ISO instant: this VEVENT overrides one occurrence of a series. */
  recurrenceId: string | null;
  alarms: IcsAlarm[];
  /** The occurrences of the series (EXDATEs left out) as ISO instants, at most `max`. */
  occurrences: (max?: number) => string[];
};

function iso(t: ICAL.Time): string {
  return t.isDate ? t.toString() : t.toJSDate().toISOString();
}

function text(c: ICAL.Component, name: string): string | null {
  const v = c.getFirstPropertyValue(name);
  return v === null ? null : String(v);
}

/** Every VEVENT of the file, in file order. Throws if the text is not iCalendar. */
export function readIcs(body: string): IcsEvent[] {
  const cal = new ICAL.Component(ICAL.parse(body));
  if (cal.name !== 'vcalendar') throw new Error(`not a VCALENDAR: ${cal.name}`);
  return cal.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    const dtend = c.getFirstPropertyValue('dtend');
    const rid = c.getFirstPropertyValue('recurrence-id');
    const rrule = c.getFirstPropertyValue('rrule');
    return {
      uid: event.uid,
      summary: event.summary,
      status: text(c, 'status'),
      start: iso(event.startDate),
      end: dtend instanceof ICAL.Time ? iso(dtend) : null,
      allDay: event.startDate.isDate,
      rrule: rrule instanceof ICAL.Recur ? rrule.toString() : null,
      exdates: c
        .getAllProperties('exdate')
        .flatMap((p) => p.getValues())
        .filter((v): v is ICAL.Time => v instanceof ICAL.Time)
        .map(iso),
      recurrenceId: rid instanceof ICAL.Time ? iso(rid) : null,
      alarms: c.getAllSubcomponents('valarm').map((a) => ({
        action: text(a, 'action') ?? '',
        trigger: text(a, 'trigger') ?? '',
        description: text(a, 'description') ?? '',
      })),
      occurrences: (max = 400) => {
        const out: string[] = [];
        const it = event.iterator();
        for (let next = it.next(); next && out.length < max; next = it.next()) out.push(iso(next));
        return out;
      },
    };
  });
}
