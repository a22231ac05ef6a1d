/**
 * The course-run calendar file, read back with a real iCalendar parser (ical.js): the classes
 * repeat on the class days with a reminder before each, statutory holidays are left out
 * (EXDATE), and the registration deadline is its own event reminded once. Seeded sample data,
 * clock at noon on TEST_TODAY (Monday 2026-11-23, Beijing).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { readIcs } from '@/e2e/helpers/ical';
import { makeCalendar } from '@/db/domain/hours';

const db = useSeededTestDb();
const NOW = new Date(`${TEST_TODAY}T12:00:00+08:00`);
const ORIGIN = 'https://fuwu.example.cn';

let ics: typeof import('./run-ics');
let courses: typeof import('@/db/queries/courses');
let dates: typeof import('@/db/domain/fair-dates');
let schedules: typeof import('@/db/queries/station-schedules');

before(async () => {
  ics = await import('./run-ics');
  courses = await import('@/db/queries/courses');
  dates = await import('@/db/domain/fair-dates');
  schedules = await import('@/db/queries/station-schedules');
});

function ids(query: string): number[] {
  return (db.$client.prepare(query).all() as { id: number }[]).map((r) => r.id);
}

const utc = (date: string, time: string) => new Date(dates.beijingInstant(date, time)).toISOString();

describe('course-run calendar file', () => {
  it('first class day and weekdays', () => {
    // 2026-11-28 is a Saturday: a Monday-to-Friday run starting then begins on the 30th.
    assert.equal(ics.firstClassDay({ startDate: '2026-11-28', endDate: '2026-12-05', classDays: '1,2,3,4,5' }), '2026-11-30');
    assert.equal(ics.firstClassDay({ startDate: '2026-11-28', endDate: '2026-11-29', classDays: '1' }), '2026-11-28');
    assert.deepEqual(ics.runWeekdays('5, 1,9,x'), [1, 5]);
    assert.deepEqual(ics.runWeekdays(''), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('the class days on statutory holidays, not the holidays on other days nor 调休 workdays', () => {
    const cal = makeCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', asWeekday: null, provisional: true },
      { date: '2027-01-02', kind: 'holiday', name: '元旦', asWeekday: null, provisional: true },
      { date: '2027-01-09', kind: 'workday', name: '调休上班', asWeekday: 1 },
    ]);
    const run = { startDate: '2026-12-28', endDate: '2027-01-15', classDays: '1,2,3,4,5' };
    assert.deepEqual(ics.holidayClassDays(run, cal), [{ date: '2027-01-01', name: '元旦', provisional: true }]);
    assert.deepEqual(ics.holidayClassDays({ ...run, classDays: '6' }, cal), [{ date: '2027-01-02', name: '元旦', provisional: true }]);
    assert.deepEqual(ics.holidayClassDays({ ...run, classDays: '2,4' }, cal), []);
  });

  it('every seeded run: classes in UTC from Beijing time, weekly until the last day, one reminder before each class', async () => {
    let open = 0;
    for (const courseId of ids(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 6`)) {
      const c = (await courses.getCourseDetail(courseId, NOW))!;
      for (const r of c.runs) {
        const calendar = await schedules.loadCalendar(r.startDate, r.endDate);
        const text = ics.runIcs(c, r, `${ORIGIN}/courses/${c.id}#run-${r.id}`, calendar);
        assert.ok(text, `run ${r.id}`);
        const first = ics.firstClassDay(r);
        assert.ok(text.includes(`DTSTART:${dates.icsUtc(dates.beijingInstant(first, r.dailyStart))}`));
        assert.ok(text.includes(`DTEND:${dates.icsUtc(dates.beijingInstant(first, r.dailyEnd))}`));
        if (first < r.endDate) assert.match(text, new RegExp(`RRULE:FREQ=WEEKLY;BYDAY=[A-Z,]+;UNTIL=${dates.icsUtc(dates.beijingInstant(r.endDate, r.dailyEnd))}`));
        for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
        assert.ok(text.replace(/\r\n /g, '').includes(`URL:${ORIGIN}/courses/${c.id}#run-${r.id}`));

        const events = readIcs(text);
        const classes = events.filter((e) => e.uid === `course-run-${r.id}@fengtai-portal`);
        const deadline = events.filter((e) => e.uid === `course-run-${r.id}-deadline@fengtai-portal`);
        assert.equal(classes.length, 1, `run ${r.id}`);
        assert.equal(events.length, r.status === 'open' ? 2 : 1, `run ${r.id}: a deadline event only while registration is open`);
        const k = classes[0]!;
        assert.equal(k.start, utc(first, r.dailyStart));
        assert.equal(k.status, 'CONFIRMED');
        // The class reminder is relative to each class: one alarm, an hour before, on the series.
        assert.deepEqual(k.alarms.map((a) => [a.action, a.trigger]), [['DISPLAY', '-PT1H']]);
        // Every occurrence is a class day in Beijing time, none on a statutory holiday.
        const occurrences = k.occurrences();
        const weekdays = ics.runWeekdays(r.classDays);
        for (const o of occurrences) {
          const day = new Date(Date.parse(o) + 8 * 3_600_000).toISOString().slice(0, 10);
          assert.ok(day >= r.startDate && day <= r.endDate, `${r.id}: ${day}`);
          if (first < r.endDate) assert.ok(weekdays.includes(((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1), `${r.id}: ${day}`);
          assert.notEqual(calendar.get(day)?.kind, 'holiday', `${r.id}: class on the holiday ${day}`);
        }
        if (r.status === 'open') {
          open++;
          const d = deadline[0]!;
          assert.equal(d.allDay, true);
          assert.equal(d.start, r.deadline);
          assert.equal(d.rrule, null);
          assert.deepEqual(d.alarms.map((a) => [a.action, a.trigger]), [['DISPLAY', '-PT15H']]);
          assert.match(d.summary, /^报名截止：/);
          assert.match(d.alarms[0]!.description, /明天.+报名截止/);
        }
      }
    }
    assert.ok(open > 0, 'some seeded run is open for registration');
  });

  it('a run over New Year leaves out the holiday, says so, and reminds of the deadline once', async () => {
    const courseId = ids(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`)[0]!;
    const c = (await courses.getCourseDetail(courseId, NOW))!;
    const base = c.runs[0]!;
    const r = { ...base, startDate: '2026-12-28', endDate: '2027-01-15', classDays: '1,2,3,4,5', deadline: '2026-12-20', status: 'open' as const, dailyStart: '09:00', dailyEnd: '16:00' };
    const calendar = makeCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', asWeekday: null, provisional: true },
      { date: '2027-01-02', kind: 'holiday', name: '元旦', asWeekday: null, provisional: true },
    ]);
    const text = ics.runIcs(c, r, `${ORIGIN}/courses/${c.id}#run-${r.id}`, calendar)!;
    const [classes, deadline, ...rest] = readIcs(text);
    assert.equal(rest.length, 0);
    assert.equal(classes!.rrule, `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=${dates.icsUtc(dates.beijingInstant('2027-01-15', '16:00'))}`);
    assert.deepEqual(classes!.exdates, [utc('2027-01-01', '09:00')]);
    const occ = classes!.occurrences();
    // 12-28 … 12-31 (4), 1-4 … 1-8 (5), 1-11 … 1-15 (5): 14 classes, New Year's Day left out.
    assert.equal(occ.length, 14);
    assert.ok(!occ.includes(utc('2027-01-01', '09:00')));
    assert.ok(occ.includes(utc('2026-12-31', '09:00')) && occ.includes(utc('2027-01-04', '09:00')));
    assert.equal(classes!.alarms.length, 1);
    const plain = text.replace(/\r\n /g, '');
    assert.match(plain, /法定节假日不上课，日历中已去掉：1月1日（元旦）/);
    assert.match(plain, /2027年节假日安排尚未公布，按往年惯例预估，以官方通知为准/);
    // The deadline: one all-day event, one alarm, at 9:00 the day before (15 h before midnight).
    assert.equal(deadline!.start, '2026-12-20');
    assert.equal(deadline!.occurrences().length, 1);
    assert.deepEqual(deadline!.alarms.map((a) => a.trigger), ['-PT15H']);
    // A run no longer open has no deadline event.
    assert.equal(readIcs(ics.runIcs(c, { ...r, status: 'full' }, ORIGIN, calendar)!).length, 1);
  });
});
