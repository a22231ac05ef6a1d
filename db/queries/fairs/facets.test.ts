/**
 * The fair list's facet counts and totals against a brute-force count on the sample data,
 * written independently of the engine and of ./timing.ts: each fair is read from the schema and
 * judged with db/domain/fair-dates.ts (isPast, matchesWindow) on its text fields, as a resident
 * would choose one option at a time.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { keywordOracle, TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { FAIR_TYPES, fairs, places, type FairType } from '@/db/schema';
import { clipWindow, dateWindow, isPast, matchesWindow, DATE_WINDOWS, type DateWindow } from '@/db/domain/fair-dates';

const db = useSeededTestDb();

let list: typeof import('./list');
before(async () => {
  list = await import('./list');
});

type Want = { q?: string; type?: FairType; street?: number; date?: DateWindow; when: 'upcoming' | 'past' };
type Facet = 'type' | 'street' | 'date' | 'when';

function published() {
  return db
    .select({ id: fairs.id, type: fairs.type, startsAt: fairs.startsAt, endsAt: fairs.endsAt, recurrence: fairs.recurrence, street: places.streetId })
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .where(eq(fairs.publication, 'published'))
    .all();
}

/** The published fairs matching `w`, with filter `omit` left out and `extra` required instead. */
function brute(w: Want, now: Date, omit: Facet | null, extra: (f: ReturnType<typeof published>[number], when: 'upcoming' | 'past') => boolean): number {
  const today = TEST_TODAY;
  const ids = w.q ? new Set(keywordOracle(db, 'fair', w.q)) : null;
  let n = 0;
  for (const f of published()) {
    const when = isPast(f, now) ? 'past' : 'upcoming';
    if (ids && !ids.has(f.id)) continue;
    if (omit !== 'type' && w.type && f.type !== w.type) continue;
    if (omit !== 'street' && w.street !== undefined && f.street !== w.street) continue;
    if (omit !== 'when' && when !== w.when) continue;
    if (omit !== 'date' && w.date && !matchesWindow(f, clipWindow(dateWindow(w.date, today), today, when), now, when)) continue;
    if (!extra(f, when)) continue;
    n++;
  }
  return n;
}

function qs(w: Want): string {
  const sp = new URLSearchParams();
  if (w.q) sp.set('q', w.q);
  if (w.type) sp.set('type', w.type);
  if (w.street !== undefined) sp.set('street', String(w.street));
  if (w.date) sp.set('date', w.date);
  if (w.when === 'past') sp.set('when', 'past');
  return sp.toString();
}

describe('fair list facets equal a brute-force count', () => {
  it('for a spread of filter sets, at noon and in the evening', async () => {
    const streets = [...new Set(published().map((f) => f.street).filter((s): s is number => s !== null))];
    assert.ok(streets.length >= 3, 'fairs in several 街镇');
    const sets: Want[] = [
      { when: 'upcoming' },
      { when: 'past' },
      { when: 'upcoming', type: 'gig_market' },
      { when: 'upcoming', date: 'today' },
      { when: 'upcoming', date: 'week', street: streets[0] },
      { when: 'past', date: 'month' },
      { when: 'past', date: 'tomorrow' },
      { when: 'upcoming', q: '招聘', date: 'month' },
      { when: 'upcoming', street: streets[1], type: 'general' },
    ];
    for (const at of ['12:00', '20:00']) {
      const now = new Date(`${TEST_TODAY}T${at}:00+08:00`);
      for (const w of sets) {
        const r = await list.searchFairs(qs(w), now);
        const label = `${at} ${qs(w)}`;
        assert.equal(r.total, brute(w, now, null, () => true), `${label}: total`);
        for (const t of FAIR_TYPES) assert.equal(r.facets.type!.find((o) => o.value === t)!.count, brute(w, now, 'type', (f) => f.type === t), `${label}: type=${t}`);
        for (const s of streets) assert.equal(r.facets.street!.find((o) => o.value === String(s))!.count, brute(w, now, 'street', (f) => f.street === s), `${label}: street=${s}`);
        for (const d of DATE_WINDOWS) {
          const count = brute(w, now, 'date', (f, when) => matchesWindow(f, clipWindow(dateWindow(d, TEST_TODAY), TEST_TODAY, when), now, when));
          assert.equal(r.facets.date!.find((o) => o.value === d)!.count, count, `${label}: date=${d}`);
        }
        for (const when of ['upcoming', 'past'] as const) {
          assert.equal(r.facets.when!.find((o) => o.value === when)!.count, brute({ ...w, when }, now, null, () => true), `${label}: when=${when}`);
        }
      }
    }
  });
});
