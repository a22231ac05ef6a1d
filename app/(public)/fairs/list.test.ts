/**
 * The fair list as residents get it (the engine's results, their words, the read action, the
 * calendar file) against the seeded sample data, with the clock fixed at noon on TEST_TODAY
 * (Monday 2026-11-23, Beijing). Assertions compare the queries with each other and with the
 * rows themselves, so they hold whatever the seed's exact fairs are.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { fairEmployers, fairPositions, fairs, courses } from '@/db/schema';
import { dateWindow, clipWindow, isPast, matchesWindow, splitLocal, DATE_WINDOWS } from '@/db/domain/fair-dates';
import { common } from '@/components/ui/strings';

const db = useSeededTestDb();

type Queries = typeof import('@/db/queries/fairs/list') &
  typeof import('@/db/queries/fairs/detail') &
  typeof import('@/db/queries/fairs/calendar') &
  typeof import('@/db/queries/fairs/for-course') &
  typeof import('@/db/queries/fairs/upcoming');
type Strings = typeof import('@/components/fairs/strings');
type Ics = typeof import('@/app/(public)/fairs/[id]/calendar/fair-ics');
let q: Queries;
let words: Strings;
let ics: Ics;

before(async () => {
  // Imported only now, so the query modules read the seeded test database.
  const [list, detail, calendar, forCourse, upcoming] = await Promise.all([
    import('@/db/queries/fairs/list'),
    import('@/db/queries/fairs/detail'),
    import('@/db/queries/fairs/calendar'),
    import('@/db/queries/fairs/for-course'),
    import('@/db/queries/fairs/upcoming'),
  ]);
  q = { ...list, ...detail, ...calendar, ...forCourse, ...upcoming };
  words = await import('@/components/fairs/strings');
  ics = await import('@/app/(public)/fairs/[id]/calendar/fair-ics');
});

/** Monday noon in Beijing. */
const NOW = new Date(`${TEST_TODAY}T12:00:00+08:00`);

/** The list as the page shows it: the engine's codes in words (components/fairs/strings.ts). */
async function search(qs: string, now = NOW) {
  return words.fairSearchPage(await q.searchFairs(qs, now));
}

/** Every item of a search, across all its pages. */
async function everything(qs: string, now = NOW) {
  const first = await search(qs, now);
  const items = [...first.items];
  for (let p = 2; p <= first.pageCount; p++) {
    const sp = new URLSearchParams(qs);
    sp.set('page', String(p));
    items.push(...(await search(sp.toString(), now)).items);
  }
  return { total: first.total, items };
}

/** The query string with one parameter set (or removed when it is the default). */
function withParam(qs: string, key: string, value: string) {
  const sp = new URLSearchParams(qs);
  sp.delete('page');
  if (key === 'when' && value === 'upcoming') sp.delete(key);
  else sp.set(key, value);
  return sp.toString();
}

const published = () => db.select().from(fairs).where(eq(fairs.publication, 'published')).all();
const drafts = () => db.select().from(fairs).where(eq(fairs.publication, 'draft')).all();

describe('fair list: upcoming and past', async () => {
  it('lists every published fair that has not ended, and nothing else', async () => {
    const { total, items } = await everything('');
    const expected = published().filter((f) => !isPast(f, NOW));
    assert.ok(expected.length >= 8, 'the seed has upcoming fairs');
    assert.equal(total, expected.length);
    assert.deepEqual(new Set(items.map((i) => i.id)), new Set(expected.map((f) => f.id)));
    assert.ok(items.every((i) => !i.past));
  });

  it('shows cancelled and postponed fairs with their note rather than hiding them', async () => {
    const { items } = await everything('');
    const cancelled = items.filter((i) => i.status === 'cancelled');
    const postponed = items.filter((i) => i.status === 'postponed');
    assert.ok(cancelled.length > 0 && postponed.length > 0);
    for (const i of [...cancelled, ...postponed]) assert.ok(i.statusNote, `${i.title} explains why`);
  });

  it('sorts upcoming fairs by the day one can next go', async () => {
    const { items } = await everything('');
    const key = (i: (typeof items)[number]) =>
      i.nextSession
        ? `${i.nextSession.date}T${i.nextSession.opens}`
        : i.startsAt < TEST_TODAY
            ? TEST_TODAY
            : i.startsAt;
    const keys = items.map(key);
    assert.deepEqual(keys, [...keys].sort(), keys.join(' | '));
    // At noon the markets have closed for the day, so today's fair comes before them.
    const firstMarket = items.findIndex((i) => i.type === 'gig_market');
    const todaysFair = items.findIndex((i) => !i.recurrence && i.startsAt.startsWith(TEST_TODAY));
    assert.ok(todaysFair >= 0 && todaysFair < firstMarket);
  });

  it('a fair that ended earlier today is past: gone from upcoming, listed under 往期 and 往期 + 今天', async () => {
    const evening = new Date(`${TEST_TODAY}T20:00:00+08:00`);
    const todays = published().filter((f) => !f.recurrence && f.endsAt.startsWith(TEST_TODAY));
    assert.ok(todays.length > 0, 'the seed has a fair today');
    const upcoming = await everything('', evening);
    const past = await everything('when=past', evening);
    const pastToday = await everything('when=past&date=today', evening);
    for (const f of todays) {
      assert.ok(!upcoming.items.some((i) => i.id === f.id), `${f.title} not upcoming`);
      const p = past.items.find((i) => i.id === f.id);
      assert.ok(p && p.past && p.over, `${f.title} under 往期`);
      assert.ok(pastToday.items.some((i) => i.id === f.id), `${f.title} under 往期 + 今天`);
    }
    assert.ok(upcoming.items.every((i) => !i.past && !i.over), 'nothing finished in the upcoming list');
    assert.ok(pastToday.items.every((i) => i.past));
    // Upcoming and past split the published fairs between them, in the counts too.
    const r = await search('', evening);
    assert.equal(upcoming.total + past.total, published().length);
    assert.deepEqual(r.facets.when!.map((o) => o.count), [upcoming.total, past.total]);
    // At noon, when it ends, it is still on.
    const atNoon = (await everything('')).items;
    for (const f of todays.filter((x) => x.endsAt >= `${TEST_TODAY}T12:00`)) assert.ok(atNoon.some((i) => i.id === f.id && !i.over));
  });

  it('to the minute: upcoming while its end is at or after now, past the minute after', async () => {
    const f = published().find((x) => !x.recurrence && x.endsAt.startsWith(TEST_TODAY))!;
    const at = new Date(`${f.endsAt}:00+08:00`);
    const after = new Date(at.getTime() + 60_000);
    assert.ok((await everything('', at)).items.some((i) => i.id === f.id && !i.past));
    assert.ok(!(await everything('', after)).items.some((i) => i.id === f.id));
    assert.ok((await everything('when=past', after)).items.some((i) => i.id === f.id && i.past));
  });

  it('lists past fairs newest first on request, with a chip', async () => {
    const r = await search('when=past');
    const { items, total } = await everything('when=past');
    const expected = published().filter((f) => isPast(f, NOW));
    assert.ok(expected.length > 0);
    assert.equal(total, expected.length);
    assert.ok(items.every((i) => i.past));
    const ends = items.map((i) => i.endsAt);
    assert.deepEqual(ends, [...ends].sort().reverse());
    assert.deepEqual(r.chips.map((c) => c.key), ['when']);
    assert.equal(r.query, 'when=past');
  });

  it('pages through results ten at a time without repeats', async () => {
    const p1 = await search('');
    const p2 = await search('page=2');
    assert.equal(p1.pageSize, 10);
    assert.equal(p1.items.length, Math.min(10, p1.total));
    assert.ok(p1.pageCount >= 2, 'enough fairs for two pages');
    assert.equal(p2.page, 2);
    const ids1 = new Set(p1.items.map((i) => i.id));
    assert.ok(p2.items.every((i) => !ids1.has(i.id)));
    assert.equal(p1.items.length + p2.items.length, p1.total);
    assert.equal(p2.query, 'page=2');
  });

  it('clamps a page past the end to the last page', async () => {
    const r = await search('page=40');
    assert.equal(r.page, r.pageCount);
    assert.equal(r.notice, null);
  });
});

describe('fair list: filters narrow and facets count', async () => {
  it('the type filter returns only that type', async () => {
    for (const opt of (await search('')).facets.type!) {
      const { items, total } = await everything(`type=${opt.value}`);
      assert.equal(total, opt.count, `count beside ${opt.label}`);
      assert.ok(items.every((i) => i.type === opt.value));
    }
    assert.ok((await search('type=gig_market')).total >= 1);
  });

  it('the 街镇 filter returns fairs held there; online fairs have none', async () => {
    const options = (await search('')).facets.street!;
    assert.equal(options.length, 26, 'all 26 街镇 are offered');
    const used = options.filter((o) => o.count > 0);
    assert.ok(used.length >= 3);
    for (const opt of used) {
      const { items, total } = await everything(`street=${opt.value}`);
      assert.equal(total, opt.count, `count beside ${opt.label}`);
      assert.ok(items.every((i) => i.venue?.street === opt.label));
    }
    const online = (await everything('type=online')).items;
    assert.ok(online.length > 0 && online.every((i) => i.venue === null && i.online));
  });

  it('date shortcuts keep fairs with a session in the window (Beijing days)', async () => {
    for (const w of DATE_WINDOWS) {
      const range = clipWindow(dateWindow(w, TEST_TODAY), TEST_TODAY, 'upcoming');
      const { items, total } = await everything(`date=${w}`);
      const all = (await everything('')).items;
      const expected = all.filter((i) => matchesWindow(i, range, NOW));
      assert.equal(total, expected.length, w);
      assert.deepEqual(new Set(items.map((i) => i.id)), new Set(expected.map((i) => i.id)), w);
    }
    assert.ok((await search('date=today')).total > 0 && (await search('date=tomorrow')).total > 0);
  });

  it('a Mon–Sat market matches 今天 on Monday but not on Sunday', async () => {
    const mondayMorning = new Date(`${TEST_TODAY}T08:00:00+08:00`);
    assert.ok((await everything('date=today', mondayMorning)).items.some((i) => i.type === 'gig_market'));
    const sunday = new Date('2026-11-29T08:00:00+08:00');
    const r = await everything('date=today', sunday);
    assert.ok(r.items.every((i) => !(i.recurrence && !i.recurrence.weekdays.includes(7))));
  });

  it('in the evening 今天 no longer matches a morning market, and counts agree', async () => {
    for (const at of ['06:30', '08:00', '11:00', '11:01', '19:00']) {
      const now = new Date(`${TEST_TODAY}T${at}:00+08:00`);
      const range = dateWindow('today', TEST_TODAY);
      const { items, total } = await everything('date=today', now);
      const expected = (await everything('', now)).items.filter((i) => matchesWindow(i, range, now));
      assert.deepEqual(new Set(items.map((i) => i.id)), new Set(expected.map((i) => i.id)), at);
      assert.equal((await search('', now)).facets.date!.find((o) => o.value === 'today')!.count, total, at);
      const markets = items.filter((i) => i.recurrence);
      if (at <= '11:00') assert.ok(markets.length > 0, `${at}: the markets are on today`);
      else assert.equal(markets.length, 0, `${at}: the markets have closed for today`);
    }
  });

  it('a market under way is today’s session, not “下一场” on another day', async () => {
    const { items } = await everything('type=gig_market', new Date(`${TEST_TODAY}T08:00:00+08:00`));
    const on = items.filter((i) => i.happeningNow);
    assert.ok(on.length > 0);
    for (const i of on) {
      assert.equal(i.nextSession?.date, TEST_TODAY);
      assert.equal(i.nextSessionToday, true);
    }
    const evening = (await everything('type=gig_market', new Date(`${TEST_TODAY}T19:00:00+08:00`))).items;
    assert.ok(evening.length > 0 && evening.every((i) => !i.nextSessionToday && i.nextSession!.date > TEST_TODAY));
  });

  it('each option count equals what choosing it returns, with the other filters applied', async () => {
    const bases = ['', 'type=short_training', 'date=week', 'q=电工', 'when=past', 'street=9&date=month', 'when=past&date=today'];
    for (const now of [NOW, new Date(`${TEST_TODAY}T20:00:00+08:00`)]) {
      for (const base of bases) {
        const r = await search(base, now);
        for (const [key, options] of Object.entries(r.facets)) {
          for (const opt of options) {
            assert.equal((await search(withParam(base, key, opt.value), now)).total, opt.count, `${now.toISOString()} ${base} → ${key}=${opt.value}`);
          }
        }
      }
    }
  });

  it('filters combine, and chips name each one', async () => {
    const r = await search('type=short_training&date=week&q=电工');
    assert.ok(r.total >= 1);
    assert.ok(r.items.every((i) => i.type === 'short_training'));
    assert.deepEqual(r.chips.map((c) => c.key), ['q', 'type', 'date']);
    assert.deepEqual(r.chips.map((c) => c.label), ['关键词：电工', '类型：短训快聘', '时间：7天内']);
    assert.equal(r.query, 'q=%E7%94%B5%E5%B7%A5&type=short_training&date=week');
  });
});

describe('fair list: keyword search', async () => {
  /** Titles, organisers, employers and positions of a fair, as one string. */
  async function textOf(id: number) {
    const d = (await q.getFairDetail(id, NOW))!;
    return [d.title, d.organiser, ...d.employers.flatMap((e) => [e.name, ...e.positions.map((p) => p.title)])].join(' ');
  }

  it('finds fairs by a 2-character word in positions or employers (电工, 保安, 花艺)', async () => {
    for (const word of ['电工', '保安', '花艺']) {
      const { items } = await everything(`q=${word}`);
      assert.ok(items.length > 0, word);
      for (const i of items) assert.ok((await textOf(i.id)).includes(word), `${i.title} mentions ${word}`);
    }
  });

  it('finds a fair by its organiser and by an employer name', async () => {
    assert.ok((await everything('q=残疾人联合会')).items.some((i) => i.type === 'disability'));
    assert.ok((await everything('q=花乡花木')).total > 0);
  });

  it('finds fairs by pinyin initials (yllh → 园林绿化, lgsc → 零工市场)', async () => {
    assert.ok((await everything('q=yllh')).items.some((i) => i.title.includes('园林绿化')));
    const markets = (await everything('q=lgsc')).items;
    const texts = await Promise.all(markets.map((i) => textOf(i.id)));
    assert.ok(markets.length > 0 && markets.every((i, n) => i.title.includes('零工市场') || texts[n]!.includes('零工')));
  });

  it('a word nobody uses finds nothing, with no notice', async () => {
    const r = await search('q=潜水艇驾驶');
    assert.equal(r.total, 0);
    assert.equal(r.notice, null);
    assert.deepEqual(r.items, []);
  });
});

describe('fair list: unpublished fairs never show', async () => {
  it('drafts are absent from every list, search and page', async () => {
    const hidden = drafts();
    assert.ok(hidden.length > 0, 'the seed has a draft fair');
    for (const f of hidden) {
      const word = f.title.slice(0, 4);
      assert.ok((await everything(`q=${encodeURIComponent(word)}`)).items.every((i) => i.id !== f.id));
      assert.ok((await everything('')).items.every((i) => i.id !== f.id));
      assert.ok((await everything('when=past')).items.every((i) => i.id !== f.id));
      assert.equal(await q.getFairDetail(f.id, NOW), null);
      assert.equal(await q.getFairCalendarInfo(f.id), null);
      assert.ok((await q.listUpcomingFairs(50, NOW)).every((i) => i.id !== f.id));
    }
  });
});

describe('fair list: bad parameters fall back with a notice', async () => {
  const cases: [string, string][] = [
    ['page=abc', ''],
    ['type=party', ''],
    ['street=999999', ''],
    ['street=-3', ''],
    ['date=yesterday', ''],
    ['when=future', ''],
    [`q=${'电'.repeat(500)}`, ''],
    ['page=99999', ''],
    ['type=gig_market&date=someday', 'type=gig_market'],
  ];
  for (const [qs, canonical] of cases) {
    it(`${qs.slice(0, 30)} → defaults and the notice`, async () => {
      const r = await search(qs);
      assert.equal(r.notice, common.invalidParams);
      assert.equal(r.query, canonical);
      assert.equal(r.total, (await search(canonical)).total);
    });
  }

  it('odd Unicode in q is cleaned, not an error', async () => {
    const r = await search(`q=${encodeURIComponent('\u0000电工\u200b')}`);
    assert.equal(r.notice, null);
    assert.ok(r.total > 0);
  });

  it('the read action parses the same way and caps its input', async () => {
    // What the action finds (it then renders it on the server: components/fairs/fair-results.tsx).
    const { readFairs } = await import('@/app/(public)/fairs/read');
    const searchFairsAction = async (qs: string) => (await readFairs(qs)).result;
    const r = await searchFairsAction('type=short_training');
    assert.ok(r.items.every((i) => i.type === 'short_training'));
    const odd = await searchFairsAction(42 as unknown as string);
    assert.equal(odd.query, '');
    const long = await searchFairsAction(`q=${'a'.repeat(10_000)}`);
    assert.equal(long.notice, common.invalidParams);
  });
});

describe('fair detail', async () => {
  it('returns employers with positions, pay with its unit, and course links for 短训快聘', async () => {
    const st = published().find((f) => f.type === 'short_training' && splitLocal(f.endsAt).date >= TEST_TODAY)!;
    const d = (await q.getFairDetail(st.id, NOW))!;
    assert.ok(d.employers.length > 0);
    assert.equal(d.employerCount, d.employers.length);
    assert.equal(d.positionCount, d.employers.reduce((n, e) => n + e.positions.length, 0));
    const positions = d.employers.flatMap((e) => e.positions);
    assert.ok(positions.every((p) => /元\/(月|天|小时)|面议/.test(p.pay)));
    const linked = positions.filter((p) => p.course);
    assert.ok(linked.length > 0, 'some jobs point at a course');
    for (const p of linked) {
      const c = db.select().from(courses).where(eq(courses.id, p.course!.id)).get()!;
      assert.equal(c.publication, 'published');
      assert.equal(c.title, p.course!.title);
    }
    assert.ok(d.linkedToCourses);
    assert.ok(d.place?.navigationUrl.startsWith('https://uri.amap.com/navigation?'));
  });

  it('a weekly market shows its schedule and next sessions on its weekdays', async () => {
    const m = published().find((f) => f.recurrence)!;
    const d = (await q.getFairDetail(m.id, NOW))!;
    assert.ok(d.recurrence);
    assert.equal(d.upcomingSessions.length, 6);
    const weekdays = new Set(d.recurrence.weekdays);
    for (const s of d.upcomingSessions) {
      const wd = new Date(`${s.date}T12:00:00Z`).getUTCDay() || 7;
      assert.ok(weekdays.has(wd), s.date);
      assert.ok(s.date > TEST_TODAY, 'today’s session closed before noon');
    }
    assert.equal(d.nextSession?.date, d.upcomingSessions[0]!.date);
  });

  it('a postponed fair lists no sessions (its date is not known)', async () => {
    const p = published().find((f) => f.status === 'postponed')!;
    assert.deepEqual((await q.getFairDetail(p.id, NOW))!.upcomingSessions, []);
  });

  it('an online fair has its link and no place', async () => {
    const o = published().find((f) => f.type === 'online' && f.onlineUrl)!;
    const d = (await q.getFairDetail(o.id, NOW))!;
    assert.equal(d.place, null);
    assert.equal(d.onlineUrl, o.onlineUrl);
  });

  it('unknown or malformed ids give null', async () => {
    for (const id of [0, -1, 1.5, Number.NaN, 999_999]) assert.equal(await q.getFairDetail(id, NOW), null);
  });
});

describe('fairs for other pages', async () => {
  it('lists upcoming, not-cancelled fairs with jobs a course prepares for', async () => {
    const links = db
      .select({ courseId: fairPositions.courseId, fairId: fairs.id, status: fairs.status })
      .from(fairPositions)
      .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
      .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
      .where(and(isNotNull(fairPositions.courseId), eq(fairs.publication, 'published'), gte(fairs.endsAt, TEST_TODAY)))
      .all();
    const courseId = links.find((l) => l.status === 'scheduled')!.courseId!;
    const rows = await q.listFairsForCourse(courseId, TEST_TODAY);
    const expectedFairs = new Set(links.filter((l) => l.courseId === courseId && l.status !== 'cancelled').map((l) => l.fairId));
    assert.deepEqual(new Set(rows.map((r) => r.fairId)), expectedFairs);
    assert.ok(rows.every((r) => r.status !== 'cancelled' && r.employer && r.position && r.pay));
    assert.ok(rows.every((r) => r.date >= TEST_TODAY));
    assert.deepEqual(await q.listFairsForCourse(-1, TEST_TODAY), []);
  });

  it('gives the home page the next few fairs, none cancelled or over', async () => {
    const next = await q.listUpcomingFairs(3, NOW);
    assert.equal(next.length, 3);
    assert.ok(next.every((f) => f.status !== 'cancelled' && !f.past));
    // In the upcoming list's own order, cancelled fairs left out.
    const listed = (await q.searchFairs('', NOW)).items.filter((f) => f.status !== 'cancelled');
    assert.ok(listed.length >= 5);
    assert.deepEqual((await q.listUpcomingFairs(5, NOW)).map((f) => f.id), listed.slice(0, 5).map((f) => f.id));
  });
});

describe('calendar file', async () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;

  it('a one-day fair has its Beijing start and end as UTC instants', async () => {
    const f = published().find((x) => !x.recurrence && x.startsAt.startsWith(TEST_TODAY))!;
    const info = (await q.getFairCalendarInfo(f.id))!;
    const text = ics.fairIcs(info, `http://example.test/fairs/${f.id}`, NOW)!;
    const [, h = '0', m = '0'] = /T(\d{2}):(\d{2})/.exec(f.startsAt) ?? [];
    const utcHour = String(Number(h) - 8).padStart(2, '0');
    assert.match(text, new RegExp(`DTSTART:${TEST_TODAY.replace(/-/g, '')}T${utcHour}${m}00Z`));
    assert.match(text, /LOCATION:/);
    assert.match(text, new RegExp(`URL:http://example.test/fairs/${f.id}`));
    assert.doesNotMatch(text, /RRULE/);
    // The reminder a day before, as a valid RFC 5545 duration (the library writes days: 1 as -P1DT).
    const triggers = text.split('\r\n').filter((l) => l.startsWith('TRIGGER'));
    assert.deepEqual(triggers, ['TRIGGER:-PT24H']);
    assert.match(text, /BEGIN:VALARM\r\nACTION:DISPLAY/);
    for (const line of text.split('\r\n')) assert.ok(octets(line) <= 75, line);
  });

  it('a weekly market repeats weekly on its weekdays until its last day', async () => {
    const m = published().find((x) => x.recurrence)!;
    const info = (await q.getFairCalendarInfo(m.id))!;
    const text = ics.fairIcs(info, 'http://example.test/', NOW)!;
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    assert.match(unfolded, /RRULE:FREQ=WEEKLY;BYDAY=[A-Z,]+;UNTIL=\d{8}T\d{6}Z/);
    assert.match(unfolded, /SUMMARY:.+零工/);
  });

  it('every one-off fair’s reminder has a valid TRIGGER', async () => {
    const durations = /^TRIGGER:[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/;
    for (const f of published().filter((x) => !x.recurrence)) {
      const text = ics.fairIcs((await q.getFairCalendarInfo(f.id))!, 'http://example.test/', NOW)!;
      for (const line of text.split('\r\n').filter((l) => l.startsWith('TRIGGER'))) {
        assert.match(line, durations, `${f.id}: ${line}`);
        assert.doesNotMatch(line, /T$/, `${f.id}: no empty time part`);
      }
    }
  });

  it('a cancelled fair says so', async () => {
    const c = published().find((x) => x.status === 'cancelled')!;
    const text = ics.fairIcs((await q.getFairCalendarInfo(c.id))!, 'http://example.test/', NOW)!;
    assert.match(text, /STATUS:CANCELLED/);
  });
});
