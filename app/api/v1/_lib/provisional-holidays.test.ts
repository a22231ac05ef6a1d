/**
 * Provisional holidays: the seed marks 2027 as a guess (calendar_years), and wherever residents
 * see a 2027 holiday — the station page's week and changes, its status line, the 办事卡, the
 * API's next_days, special_days and list items — they are told «2027年节假日安排尚未公布，按往年
 * 惯例预估，以官方通知为准». An admin clearing the flag removes it; a 2026 holiday never has it.
 * Fixed instants around New Year 2027 (the seed's stations keep weekday hours).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { auditLog, calendarYears } from '@/db/schema';
import type { Actor } from '@/db/auth/permissions';
import { Forbidden } from '@/db/auth/permissions';
import { insertUser } from '@/db/admin/user-store';
import { calendarYear, setCalendarYearProvisional } from '@/db/admin/calendar';
import { readCalendar } from '@/db/queries/station-schedules';
import { holidayText } from '@/components/calendar/strings';
import { parseApiParams } from './params';

const db = useSeededTestDb();
const BASE = 'http://test.local';
const NOTICE = '2027年节假日安排尚未公布，按往年惯例预估，以官方通知为准';
/** Monday 2026-12-28, 10:00: this week's table runs to Sunday 2027-01-03 (元旦 2027-01-01…03). */
const BEFORE_NEW_YEAR = new Date('2026-12-28T10:00:00+08:00');
/** 元旦 itself. */
const NEW_YEAR = new Date('2027-01-01T10:00:00+08:00');
/** A 2026 holiday week (国庆节 2026-10-01…07), official. */
const NATIONAL_DAY = new Date('2026-09-28T10:00:00+08:00');

let api: typeof import('./stations');
let page: typeof import('@/db/queries/stations');
let cards: typeof import('@/components/cards/card-data');
let admin: Actor;
let editor: Actor;
let stationId: number;

before(async () => {
  api = await import('./stations');
  page = await import('@/db/queries/stations');
  cards = await import('@/components/cards/card-data');
  const a = await insertUser(db, { username: 'boss', displayName: '局管理员', password: 'boss-password-1', role: 'admin' });
  const e = await insertUser(db, { username: 'writer', displayName: '编辑甲', password: 'writer-password-1', role: 'editor' });
  admin = { id: a, username: 'boss', displayName: '局管理员', role: 'admin', providerId: null, stationId: null };
  editor = { id: e, username: 'writer', displayName: '编辑甲', role: 'editor', providerId: null, stationId: null };
  stationId = db.get<{ id: number }>(sql`SELECT id FROM stations WHERE status = 'operating' AND publication = 'published' AND opening_date IS NULL ORDER BY id LIMIT 1`)!.id;
});

async function listed(now: Date) {
  const v = parseApiParams('stations', new URLSearchParams('per_page=100'));
  assert.ok(v.ok);
  return api.listApiStations(v.values, 'all', BASE, now);
}

describe('provisional holidays', () => {
  it('the words', () => {
    assert.equal(holidayText.provisional([2027]), NOTICE);
    assert.equal(holidayText.provisional([2028, 2027, 2028]), '2027、2028年节假日安排尚未公布，按往年惯例预估，以官方通知为准');
  });

  it('the seed marks 2027 as a guess and 2026 as official; the calendar carries it to each day', async () => {
    assert.deepEqual(db.select().from(calendarYears).orderBy(calendarYears.year).all(), [
      { year: 2026, provisional: false },
      { year: 2027, provisional: true },
    ]);
    const cal = readCalendar('2026-10-01', '2027-01-03', db);
    assert.equal(cal.get('2026-10-01')?.provisional, false);
    assert.equal(cal.get('2027-01-01')?.provisional, true);
    assert.equal((await calendarYear(db, 2027)).provisional, true);
    assert.equal((await calendarYear(db, 2026)).provisional, false);
  });

  it('the station page, its card and the API say so before New Year 2027', async () => {
    const d = (await page.getStationDetail(stationId, BEFORE_NEW_YEAR))!;
    assert.deepEqual(d.week.filter((r) => r.provisional).map((r) => r.date), ['2027-01-01', '2027-01-02', '2027-01-03']);
    const newYear = d.changes.find((c) => c.startDate === '2027-01-01')!;
    assert.ok(newYear, 'the 元旦 closure is among the changes');
    assert.equal(newYear.provisional, true);
    assert.deepEqual(d.provisionalYears, [2027]);
    // Open on Monday morning: the status itself does not rest on a guessed day.
    assert.deepEqual(d.status.provisionalYears, []);
    const card = cards.stationCard(d, BASE);
    assert.ok(card.rows.some((r) => r.lines.includes(NOTICE)), JSON.stringify(card.rows));

    const one = (await api.getApiStation(stationId, BASE, BEFORE_NEW_YEAR))!.detail;
    assert.equal(one.holiday_notice, NOTICE);
    assert.deepEqual(one.next_days.filter((x) => x.provisional).map((x) => x.date), ['2027-01-01', '2027-01-02', '2027-01-03']);
    assert.ok(one.next_days.filter((x) => x.date < '2027-01-01').every((x) => !x.provisional));
    assert.equal(one.special_days.find((x) => x.start_date === '2027-01-01')?.provisional, true);
  });

  it('on a guessed holiday the status line says so, on the page and in the API list', async () => {
    const d = (await page.getStationDetail(stationId, NEW_YEAR))!;
    assert.equal(d.status.open, false);
    assert.deepEqual(d.status.provisionalYears, [2027]);
    const list = await listed(NEW_YEAR);
    const item = list.items.find((s) => s.id === stationId)!;
    assert.equal(item.open_now, false);
    assert.equal(item.holiday_notice, NOTICE);
  });

  it('an official year (2026) has no notice', async () => {
    const d = (await page.getStationDetail(stationId, NATIONAL_DAY))!;
    assert.ok(d.week.some((r) => r.date === '2026-10-01'));
    assert.deepEqual(d.provisionalYears, []);
    assert.ok(d.changes.every((c) => !c.provisional));
    const one = (await api.getApiStation(stationId, BASE, NATIONAL_DAY))!.detail;
    assert.equal(one.holiday_notice, null);
    assert.ok(one.next_days.every((x) => !x.provisional));
  });

  it('only an admin clears the flag (audited); then residents no longer see the notice', async () => {
    assert.throws(() => setCalendarYearProvisional(db, editor, { year: 2027, provisional: false }), Forbidden);
    assert.equal((await calendarYear(db, 2027)).provisional, true);
    setCalendarYearProvisional(db, admin, { year: 2027, provisional: false });
    const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'calendar')).all().filter((a) => a.entityId === 2027);
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.after, { year: 2027, provisional: false });
    const d = (await page.getStationDetail(stationId, BEFORE_NEW_YEAR))!;
    assert.deepEqual(d.provisionalYears, []);
    assert.equal((await api.getApiStation(stationId, BASE, BEFORE_NEW_YEAR))!.detail.holiday_notice, null);
    // Set again: the notice is back.
    setCalendarYearProvisional(db, admin, { year: 2027, provisional: true });
    assert.equal((await api.getApiStation(stationId, BASE, BEFORE_NEW_YEAR))!.detail.holiday_notice, NOTICE);
  });
});
