import { expect, test } from '@playwright/test';
import { withDb } from '../helpers/db';
import { readIcs, type IcsEvent } from '../helpers/ical';
import { beijingDay, isoWeekday, suiteNow } from '../helpers/clock';

/*
 * «添加到日历» files as a resident's phone reads them, parsed with a real iCalendar parser
 * (ical.js): a course run reminds before each class and once of the registration deadline, and
 * leaves its classes on public holidays out (EXDATE); a cancelled fair has no reminder; an
 * online fair over several days reminds once. Date-sensitive (@clock): the seed is dated from
 * the run's instant, and holidays are absolute days.
 */

const DAY_MS = 86_400_000;
const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const utcOf = (date: string, time: string) => new Date(`${date}T${time.padStart(5, '0')}:00+08:00`).toISOString();

type ApiRun = { id: number; course_id: number; start_date: string; end_date: string; class_days: number[]; daily_start: string; deadline: string; status: string };

function holidays(from: string, to: string): Set<string> {
  return withDb((db) => new Set((db.prepare(`SELECT date FROM calendar_days WHERE kind = 'holiday' AND date BETWEEN ? AND ?`).all(from, to) as { date: string }[]).map((r) => r.date)));
}

/** The class days of a run that are public holidays, by an independent reading of the calendar. */
function holidayClasses(r: ApiRun): string[] {
  const off = holidays(r.start_date, r.end_date);
  const out: string[] = [];
  for (let t = Date.parse(`${r.start_date}T00:00:00Z`); t <= Date.parse(`${r.end_date}T00:00:00Z`); t += DAY_MS) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (off.has(d) && r.class_days.includes(isoWeekday(d))) out.push(d);
  }
  return out;
}

async function icsAt(request: import('@playwright/test').APIRequestContext, path: string): Promise<IcsEvent[]> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type']).toContain('text/calendar');
  return readIcs(await res.text());
}

test.describe('calendar files', () => {
  test('a course run: a reminder before each class, the deadline once, no class on a public holiday @clock', async ({ page, request }) => {
    const runs = ((await (await request.get('/api/v1/runs?status=open&per_page=100')).json()) as { items: ApiRun[] }).items;
    expect(runs.length, 'some run is open for registration').toBeGreaterThan(0);
    // A run with a class on a holiday when the sample data has one at this instant, else the first.
    const run = runs.find((r) => holidayClasses(r).length > 0 && r.start_date < r.end_date) ?? runs[0]!;
    test.info().annotations.push({ type: 'run', description: `${run.id} ${run.start_date}…${run.end_date}, holidays on class days: ${holidayClasses(run).join(' ') || 'none'}` });

    await page.goto(`/courses/${run.course_id}`);
    const link = page.locator(`a[href="/courses/${run.course_id}/runs/${run.id}/calendar"]`);
    await expect(link.first()).toHaveText(/添加到日历/);
    const events = await icsAt(request, `/courses/${run.course_id}/runs/${run.id}/calendar`);
    expect(events.map((e) => e.uid).sort()).toEqual([`course-run-${run.id}-deadline@fengtai-portal`, `course-run-${run.id}@fengtai-portal`]);

    const classes = events.find((e) => e.uid === `course-run-${run.id}@fengtai-portal`)!;
    expect(classes.status).toBe('CONFIRMED');
    expect(classes.alarms.map((a) => a.trigger)).toEqual(['-PT1H']);
    if (run.start_date < run.end_date) expect(classes.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=[A-Z,]+;UNTIL=\d{8}T\d{6}Z$/);
    const skipped = holidayClasses(run);
    expect(classes.exdates.map(beijingDate)).toEqual(skipped);
    for (const d of skipped) expect(classes.exdates).toContain(utcOf(d, run.daily_start));
    const occurrences = classes.occurrences().map(beijingDate);
    expect(occurrences.length).toBeGreaterThan(0);
    for (const d of occurrences) {
      expect(d >= run.start_date && d <= run.end_date, d).toBe(true);
      expect(run.class_days, d).toContain(isoWeekday(d));
      expect(skipped, d).not.toContain(d);
    }

    const deadline = events.find((e) => e.uid.endsWith('-deadline@fengtai-portal'))!;
    expect(deadline.allDay).toBe(true);
    expect(deadline.start).toBe(run.deadline);
    expect(deadline.rrule).toBeNull();
    expect(deadline.occurrences()).toHaveLength(1);
    expect(deadline.alarms.map((a) => [a.action, a.trigger])).toEqual([['DISPLAY', '-PT15H']]);
    expect(deadline.summary).toMatch(/^报名截止：/);
  });

  test('a cancelled fair says CANCELLED and has no reminder', async ({ request }) => {
    const id = withDb((db) => (db.prepare(`SELECT id FROM fairs WHERE status = 'cancelled' AND publication = 'published' ORDER BY id LIMIT 1`).get() as { id: number }).id);
    const events = await icsAt(request, `/fairs/${id}/calendar`);
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBe('CANCELLED');
    expect(events[0]!.summary).toMatch(/^【已取消】/);
    expect(events[0]!.alarms).toEqual([]);
  });

  test('an online fair over several days repeats daily and reminds once, a day before its next session @clock', async ({ request }) => {
    const fair = withDb(
      (db) =>
        db
          .prepare(
            `SELECT id, starts_at AS startsAt, ends_at AS endsAt FROM fairs
             WHERE type = 'online' AND status = 'scheduled' AND publication = 'published' AND recurrence IS NULL
               AND substr(starts_at, 1, 10) < substr(ends_at, 1, 10) AND substr(ends_at, 1, 10) > ? ORDER BY id LIMIT 1`,
          )
          .get(beijingDay()) as { id: number; startsAt: string; endsAt: string } | undefined,
    );
    expect(fair, 'the sample data has an online fair over several days still to come').toBeDefined();
    const events = await icsAt(request, `/fairs/${fair!.id}/calendar`);
    const series = events.filter((e) => e.recurrenceId === null);
    expect(series).toHaveLength(1);
    const days = Math.round((Date.parse(`${fair!.endsAt.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fair!.startsAt.slice(0, 10)}T00:00:00Z`)) / DAY_MS) + 1;
    expect(series[0]!.rrule).toBe(`FREQ=DAILY;COUNT=${days}`);
    expect(series[0]!.occurrences()).toHaveLength(days);
    expect(series[0]!.alarms).toEqual([]);
    // The next session not yet begun, by an independent reading of the clock.
    const opens = fair!.startsAt.slice(11, 16);
    const now = suiteNow().getTime();
    const next = series[0]!.occurrences().find((o) => Date.parse(o) > now);
    const all = events.flatMap((e) => e.alarms);
    if (next) {
      expect(all.map((a) => a.trigger)).toEqual(['-PT24H']);
      const once = events.find((e) => e.recurrenceId !== null)!;
      expect(once.recurrenceId).toBe(next);
      expect(once.start).toBe(utcOf(beijingDate(next), opens));
    } else {
      expect(all).toEqual([]);
    }
  });

  test('a one-day fair reminds once, a day before', async ({ request }) => {
    const id = withDb(
      (db) =>
        (
          db
            .prepare(
              `SELECT id FROM fairs WHERE status = 'scheduled' AND publication = 'published' AND recurrence IS NULL
                 AND substr(starts_at, 1, 10) = substr(ends_at, 1, 10) AND starts_at > ? ORDER BY starts_at LIMIT 1`,
            )
            .get(`${beijingDay()}T23:59`) as { id: number }
        ).id,
    );
    const events = await icsAt(request, `/fairs/${id}/calendar`);
    expect(events).toHaveLength(1);
    expect(events[0]!.rrule).toBeNull();
    expect(events[0]!.alarms.map((a) => [a.action, a.trigger])).toEqual([['DISPLAY', '-PT24H']]);
  });
});
