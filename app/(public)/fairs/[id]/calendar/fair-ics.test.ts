/**
 * A fair's calendar file, read back with a real iCalendar parser (ical.js): a one-off fair is
 * reminded a day before; a fair over several days once, before its next session; a weekly
 * market and a cancelled fair not at all (the cancelled one says STATUS:CANCELLED).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FairCalendarInfo } from '@/db/queries/fairs/types';
import { readIcs } from '@/e2e/helpers/ical';
import { fairIcs, remindedSession } from './fair-ics';

const NOW = new Date('2026-11-23T12:00:00+08:00');
const utc = (beijing: string) => new Date(`${beijing}:00+08:00`).toISOString();

function fair(over: Partial<FairCalendarInfo> & Pick<FairCalendarInfo, 'timing'>): FairCalendarInfo {
  return {
    id: 7,
    title: '“职”播丰台·线上直播带岗周',
    status: 'scheduled',
    statusNote: null,
    organiser: '丰台区职业介绍服务中心',
    location: null,
    onlineUrl: 'https://example.org/live/week',
    lat: null,
    lng: null,
    description: '连续一周直播带岗。',
    contactPhone: '010-63800000',
    ...over,
  };
}

const oneDay = { startsAt: '2026-11-25T09:00', endsAt: '2026-11-25T15:30', recurrence: null };
const week = { startsAt: '2026-11-21T09:00', endsAt: '2026-11-28T18:00', recurrence: null };
const market = { startsAt: '2026-11-02T08:00', endsAt: '2027-03-31T11:30', recurrence: { weekdays: [2, 4], opens: '08:00', closes: '11:30' } };

const alarmsIn = (text: string) => readIcs(text).flatMap((e) => e.alarms);

describe('fair calendar file', () => {
  it('a one-off fair: one event, reminded a day before', () => {
    const [e, ...rest] = readIcs(fairIcs(fair({ timing: oneDay }), 'http://example.test/fairs/7', NOW)!);
    assert.equal(rest.length, 0);
    assert.equal(e!.start, utc('2026-11-25T09:00'));
    assert.equal(e!.status, 'CONFIRMED');
    assert.equal(e!.rrule, null);
    assert.deepEqual(e!.alarms.map((a) => [a.action, a.trigger]), [['DISPLAY', '-PT24H']]);
  });

  it('a cancelled fair has no reminder and says CANCELLED, one-off or over several days', () => {
    for (const timing of [oneDay, week]) {
      const events = readIcs(fairIcs(fair({ timing, status: 'cancelled', statusNote: '场地维修' }), 'http://example.test/', NOW)!);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.status, 'CANCELLED');
      assert.match(events[0]!.summary, /^【已取消】/);
      assert.deepEqual(events[0]!.alarms, []);
    }
  });

  it('a multi-day online fair repeats daily and reminds once, a day before its next session', () => {
    const text = fairIcs(fair({ timing: week }), 'http://example.test/', NOW)!;
    const events = readIcs(text);
    const series = events.filter((e) => e.recurrenceId === null);
    const once = events.filter((e) => e.recurrenceId !== null);
    assert.equal(series.length, 1);
    assert.equal(series[0]!.rrule, 'FREQ=DAILY;COUNT=8');
    assert.equal(series[0]!.occurrences().length, 8);
    assert.deepEqual(series[0]!.alarms, []);
    // Today's session (Monday 9:00) has begun: the next one is Tuesday's.
    assert.equal(once.length, 1);
    assert.equal(once[0]!.uid, series[0]!.uid);
    assert.equal(once[0]!.recurrenceId, utc('2026-11-24T09:00'));
    assert.equal(once[0]!.start, utc('2026-11-24T09:00'));
    assert.equal(once[0]!.end, utc('2026-11-24T18:00'));
    assert.ok(series[0]!.occurrences().includes(once[0]!.recurrenceId!), 'the override is one of the series');
    assert.deepEqual(alarmsIn(text).map((a) => a.trigger), ['-PT24H']);
    // Before it starts the reminder is for the first day; on its last day after opening, none.
    assert.equal(remindedSession(fair({ timing: week }), new Date('2026-11-01T12:00:00+08:00')), Date.parse(utc('2026-11-21T09:00')));
    const late = fairIcs(fair({ timing: week }), 'http://example.test/', new Date('2026-11-28T10:00:00+08:00'))!;
    assert.deepEqual(alarmsIn(late), []);
    assert.equal(readIcs(late).length, 1);
  });

  it('a weekly market repeats weekly with no reminder', () => {
    const events = readIcs(fairIcs(fair({ title: '丰台零工市场', timing: market }), 'http://example.test/', NOW)!);
    assert.equal(events.length, 1);
    assert.match(events[0]!.rrule ?? '', /^FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=/);
    assert.deepEqual(events[0]!.alarms, []);
  });
});
