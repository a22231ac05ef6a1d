/**
 * «最早开门» (sort=opens) on the seeded sample data, at fixed Beijing instants: a weekday night,
 * when no station is open, and 元旦 2027 (a holiday). The expected order is worked out here from
 * the hours engine directly (nextOpening over each station's schedule and the district calendar).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { nextOpening, openState } from '@/db/domain/hours';
import { useSeededTestDb } from '@/db/test-helpers';
import type * as StationQueries from './index';
import type { StationListItem } from './index';

const db = useSeededTestDb();

let q: typeof StationQueries;
before(async () => {
  q = await import('./index');
});

function bj(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

async function all(qs: string, now: Date): Promise<{ items: StationListItem[]; openCount: number | undefined }> {
  const first = await q.searchStations(qs, now);
  const items = [...first.items];
  for (let p = 2; p <= first.pageCount; p++) items.push(...(await q.searchStations(`${qs}&page=${p}`, now)).items);
  assert.equal(items.length, first.total);
  return { items, openCount: first.facets.open?.[0]?.count };
}

/** Minutes (Beijing, since 1970) when each published station next opens by the hours engine; null: open now; Infinity: never within the look-ahead. */
async function expectedNext(now: Date): Promise<Map<number, number | null>> {
  const heads = db.$client
    .prepare("SELECT id, status, opening_date AS openingDate, status_reason AS statusReason FROM stations WHERE publication = 'published'")
    .all() as { id: number; status: 'operating' | 'planned' | 'suspended'; openingDate: string | null; statusReason: string | null }[];
  const schedules = await q.loadSchedules(heads, '2026-01-01');
  const calendar = await q.loadCalendar('2026-11-01', '2027-03-31');
  const out = new Map<number, number | null>();
  for (const [id, s] of schedules) {
    if (openState(s, calendar, now).open) out.set(id, null);
    else {
      const n = s.status === 'suspended' ? null : nextOpening(s, calendar, now);
      out.set(id, n ? new Date(`${n.date}T${n.time.padStart(5, '0')}:00+08:00`).getTime() / 60_000 : Infinity);
    }
  }
  return out;
}

function assertEarliestFirst(items: StationListItem[], next: Map<number, number | null>) {
  const keys = items.map((i) => next.get(i.id));
  for (const k of keys) assert.notEqual(k, undefined);
  // Open now first, then by next opening, then those with none.
  const rank = (k: number | null | undefined) => (k === null ? -Infinity : k!);
  for (let i = 1; i < keys.length; i++) assert.ok(rank(keys[i - 1]) <= rank(keys[i]), `item ${i}: ${keys[i - 1]} before ${keys[i]}`);
}

describe('«最早开门» order', () => {
  it('on a weekday night, when no station is open, lists them by when they open next', async () => {
    const night = bj('2026-11-23T23:00');
    const { items, openCount } = await all('sort=opens', night);
    assert.equal(openCount, 0, 'nothing is open at 23:00');
    const next = await expectedNext(night);
    assertEarliestFirst(items, next);
    // The first opens tomorrow morning; planned stations (opening later) are not first.
    assert.ok(!items[0]!.planned);
    assert.ok(items.some((i) => i.planned), 'the seed has planned stations');
    // Not the default order (by 街镇): the order says something.
    const byStreet = (await all('', night)).items.map((i) => i.id);
    assert.notDeepEqual(items.map((i) => i.id), byStreet);
    assert.deepEqual([...items.map((i) => i.id)].sort((a, b) => a - b), [...byStreet].sort((a, b) => a - b), 'the same stations');
  });

  it('on a holiday (元旦 2027) it follows the calendar: the first to open are those opening on the next working day', async () => {
    const holiday = bj('2027-01-01T07:00');
    const { items } = await all('sort=opens', holiday);
    const next = await expectedNext(holiday);
    assertEarliestFirst(items, next);
    // 元旦 runs 1–3 January: no station opens before Monday the 4th, and the first ones open then.
    const monday = new Date('2027-01-04T00:00:00+08:00').getTime() / 60_000;
    assert.ok(items.every((i) => (next.get(i.id) ?? Infinity) >= monday), 'nothing opens during the holiday');
    assert.match(items[0]!.status.text, /元旦.*周一 \d+:\d+ 开门/);
  });

  it('during opening hours, the open stations come first', async () => {
    const { items } = await all('sort=opens', bj('2026-11-23T10:00'));
    const firstClosed = items.findIndex((i) => !i.status.open);
    assert.ok(firstClosed > 0);
    assert.ok(items.slice(firstClosed).every((i) => !i.status.open));
  });

  it('keeps every filter: sort only orders', async () => {
    const night = bj('2026-11-23T23:00');
    const a = await q.searchStations('q=银行&sort=opens', night);
    const b = await q.searchStations('q=银行', night);
    assert.equal(a.total, b.total);
    assert.equal(a.values.sort, 'opens');
    assert.match(a.query, /sort=opens/);
    assert.equal(b.values.sort, 'default');
  });
});
