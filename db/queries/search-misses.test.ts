/**
 * Zero-result searches: what is kept of the words and filters, and how the per-day counts add
 * up in Beijing time on a real (seeded) database. Runs under any server clock zone.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { openDatabase } from '@/db/client';
import { searchMisses } from '@/db/schema';
import { MASK, canonicalFilters, isProbe, normaliseTerms, rerunHref, searchMissKey } from '@/db/domain/search-misses';

const db = useSeededTestDb();

type Queries = typeof import('./search-misses');
let q: Queries;

before(async () => {
  q = await import('./search-misses');
});

function rowsFor(terms: string) {
  return db.select().from(searchMisses).where(eq(searchMisses.terms, terms)).all();
}

describe('normaliseTerms', () => {
  it('trims, collapses spaces and turns full-width characters into ordinary ones', async () => {
    assert.equal(normaliseTerms('  电工\u3000\u3000 培训  '), '电工 培训');
    assert.equal(normaliseTerms('ＰＬＣ编程'), 'PLC编程');
    assert.equal(normaliseTerms('a\u0000b\tc'), 'a b c');
  });

  it('masks phone numbers, ID numbers and e-mail addresses but keeps short numbers', async () => {
    assert.equal(normaliseTerms('张三 13812345678'), `张三 ${MASK}`);
    assert.equal(normaliseTerms('电话 138 1234 5678'), `电话 ${MASK}`);
    assert.equal(normaliseTerms('010-6386-1234 驿站'), `${MASK} 驿站`);
    assert.equal(normaliseTerms('１３８１２３４５６７８'), MASK);
    assert.equal(normaliseTerms('身份证11010519491231002X'), `身份证${MASK}`);
    assert.equal(normaliseTerms('110105194912310021 补贴'), `${MASK} 补贴`);
    assert.equal(normaliseTerms('写信 zhang.san@example.cn'), `写信 ${MASK}`);
    assert.equal(normaliseTerms('2026年 3级 电工'), '2026年 3级 电工');
    assert.equal(normaliseTerms('1234'), '1234');
  });

  it('caps the words at 40 characters', async () => {
    assert.equal(Array.from(normaliseTerms('养'.repeat(60))).length, 40);
  });
});

describe('canonicalFilters', () => {
  it('keeps known keys only, sorted, without words, paging, order or empty fields', async () => {
    assert.equal(
      canonicalFilters('courses', 'sort=new&level=4&q=电工&occupation=7&page=3&utm=x&street=&cost=subsidy&level=3'),
      'cost=subsidy&level=3&level=4&occupation=7',
    );
    assert.equal(canonicalFilters('fairs', 'when=upcoming&type=graduates&street=9'), 'street=9&type=graduates');
    assert.equal(canonicalFilters('fairs', 'when=past'), 'when=past');
    assert.equal(canonicalFilters('jobs', 'q=厨师&pay=m5000&street=9&page=3&pay=bogus'), 'pay=m5000&street=9');
  });

  it('never keeps the device position, but keeps a chosen 街镇 or landmark', async () => {
    assert.equal(canonicalFilters('stations', 'lat=39.85&lng=116.30&open=1&service=3'), 'open=1&service=3');
    assert.equal(canonicalFilters('stations', 'near=s12&lat=39.85&lng=116.30&weekend=on'), 'near=s12&weekend=1');
    assert.equal(canonicalFilters('courses', 'from=place-28&dual=1'), 'dual=1&near=p28');
    assert.equal(canonicalFilters('courses', 'near=p28&dual=1'), 'dual=1&near=p28');
  });

  it('drops unreadable values and has no filters for the site-wide search', async () => {
    assert.equal(canonicalFilters('courses', 'level=9&occupation=abc&cost=gratis'), '');
    assert.equal(canonicalFilters('search', 'q=电工&street=3'), '');
  });
});

describe('searchMissKey', () => {
  it('needs words or a filter; a place alone is no search', async () => {
    assert.equal(searchMissKey('courses', ''), null);
    assert.equal(searchMissKey('courses', 'sort=near&from=street-3'), null);
    assert.equal(searchMissKey('stations', 'lat=39.85&lng=116.30'), null);
    assert.equal(searchMissKey('search', 'q=%20%20'), null);
    assert.deepEqual(searchMissKey('stations', 'near=s3&host=bank'), { kind: 'stations', terms: '', filters: 'host=bank&near=s3' });
    assert.deepEqual(searchMissKey('fairs', 'q=  厨师 '), { kind: 'fairs', terms: '厨师', filters: '' });
    assert.deepEqual(searchMissKey('jobs', 'q=  手语 '), { kind: 'jobs', terms: '手语', filters: '' });
  });

  it('repeats the search as a resident would type it', async () => {
    assert.equal(rerunHref({ kind: 'courses', terms: '花 艺', filters: 'level=4&occupation=7' }), '/courses?q=%E8%8A%B1+%E8%89%BA&level=4&occupation=7');
    assert.equal(rerunHref({ kind: 'search', terms: '电工', filters: '' }), '/search?q=%E7%94%B5%E5%B7%A5');
    assert.equal(rerunHref({ kind: 'stations', terms: '', filters: 'open=1' }), '/stations?open=1');
  });
});

describe('recordSearchMiss', () => {
  it('counts per Beijing day: 23:59 and 00:01 Beijing are two days, either side of midnight UTC one', async () => {
    const terms = '测试甲乙丙';
    const qs = `q=${encodeURIComponent(terms)}`;
    // 2026-11-23 23:59 and 2026-11-24 00:01 in Beijing (15:59 and 16:01 UTC).
    assert.equal(q.recordSearchMiss('courses', qs, new Date('2026-11-23T15:59:00Z'), db), true);
    assert.equal(q.recordSearchMiss('courses', qs, new Date('2026-11-23T16:01:00Z'), db), true);
    // 23:30 and 00:30 UTC are both 24 November in Beijing (07:30 and 08:30).
    assert.equal(q.recordSearchMiss('courses', qs, new Date('2026-11-23T23:30:00Z'), db), true);
    assert.equal(q.recordSearchMiss('courses', qs, new Date('2026-11-24T00:30:00Z'), db), true);
    const rows = rowsFor(terms).map((r) => ({ day: r.day, count: r.count, lastAt: r.lastAt.toISOString() }));
    rows.sort((a, b) => a.day.localeCompare(b.day));
    assert.deepEqual(rows, [
      { day: '2026-11-23', count: 1, lastAt: '2026-11-23T15:59:00.000Z' },
      { day: '2026-11-24', count: 3, lastAt: '2026-11-24T00:30:00.000Z' },
    ]);

    const list = await q.listSearchMisses({ days: 7, kind: 'courses', sort: 'most' }, new Date('2026-11-24T04:00:00Z'), db);
    const mine = list.rows.find((r) => r.terms === terms);
    assert.ok(mine);
    assert.equal(mine.searches, 4);
    assert.equal(mine.days, 2);
    assert.equal(mine.lastAt.toISOString(), '2026-11-24T00:30:00.000Z');
    assert.equal(mine.href, `/courses?${qs}`);
    // A 1-day period starting 24 November (Beijing) sees only that day's three.
    const today = await q.listSearchMisses({ days: 1, kind: null, sort: 'most' }, new Date('2026-11-24T04:00:00Z'), db);
    assert.equal(today.rows.find((r) => r.terms === terms)?.searches, 3);
  });

  it('keeps the same words with other filters or on another list apart, and skips later pages and empty searches', async () => {
    const at = new Date('2026-11-25T02:00:00Z');
    q.recordSearchMiss('stations', 'q=%E6%B5%8B%E8%AF%95%E4%B8%81&open=1', at, db);
    q.recordSearchMiss('stations', 'q=%E6%B5%8B%E8%AF%95%E4%B8%81&open=1&lat=39.8&lng=116.3', at, db);
    q.recordSearchMiss('stations', 'q=%E6%B5%8B%E8%AF%95%E4%B8%81', at, db);
    q.recordSearchMiss('fairs', 'q=%E6%B5%8B%E8%AF%95%E4%B8%81', at, db);
    assert.equal(q.recordSearchMiss('fairs', 'q=%E6%B5%8B%E8%AF%95%E4%B8%81&page=2', at, db), false);
    assert.equal(q.recordSearchMiss('courses', 'sort=new', at, db), false);
    const rows = rowsFor('测试丁').map((r) => `${r.kind}|${r.filters}|${r.count}`).sort();
    assert.deepEqual(rows, ['fairs||1', 'stations|open=1|2', 'stations||1']);
  });

  it('stores masked words only', async () => {
    q.recordSearchMiss('search', 'q=%E6%B5%8B%E8%AF%95%E6%88%8A+13812345678', new Date('2026-11-25T02:00:00Z'), db);
    assert.equal(rowsFor(`测试戊 ${MASK}`).length, 1);
    const leaked = db.all<{ n: number }>(`SELECT count(*) AS n FROM search_misses WHERE terms LIKE '%1381234%'`);
    assert.equal(leaked[0]?.n, 0);
  });

  it('lists the most searched or the newest first, and the top five for the dashboard', async () => {
    const base = new Date('2026-11-26T02:00:00Z');
    for (let i = 0; i < 3; i++) q.recordSearchMiss('fairs', 'q=%E6%B5%8B%E8%AF%95%E5%BA%9A', base, db);
    q.recordSearchMiss('fairs', 'q=%E6%B5%8B%E8%AF%95%E8%BE%9B', new Date(base.getTime() + 60_000), db);
    const later = new Date('2026-11-26T04:00:00Z');
    const most = (await q.listSearchMisses({ days: 1, kind: 'fairs', sort: 'most' }, later, db)).rows.map((r) => r.terms);
    assert.deepEqual(most.slice(0, 2), ['测试庚', '测试辛']);
    const newest = (await q.listSearchMisses({ days: 1, kind: 'fairs', sort: 'newest' }, later, db)).rows.map((r) => r.terms);
    assert.deepEqual(newest.slice(0, 2), ['测试辛', '测试庚']);
    const top = await q.topSearchMisses(later, db);
    assert.ok(top.length <= 5);
    assert.equal(top[0]?.terms, '测试甲乙丙');
    assert.ok(top.every((r) => !r.scan));
    const limited = await q.listSearchMisses({ days: 90, kind: null, sort: 'most', limit: 2 }, later, db);
    assert.equal(limited.rows.length, 2);
    // Seven different searches so far: 甲乙丙, 丁 ×3 (two on stations, one on fairs), 戊, 庚, 辛.
    assert.equal(limited.more, 5);
  });

  it('the dashboard ranks residents’ words above scanner-looking ones, which stay on the full list', async () => {
    const at = new Date('2026-11-28T02:00:00Z');
    // Stored before isProbe refused such words, or let through by it: searched far more often than any resident's.
    for (const terms of ['/etc/passwd', 'wp-login.php', 'admin', '.env', '?'])
      db.insert(searchMisses).values({ kind: 'search', terms, filters: '', day: '2026-11-28', count: 50, lastAt: at }).run();
    const later = new Date('2026-11-28T04:00:00Z');
    const top = await q.topSearchMisses(later, db);
    assert.equal(top.length, 5);
    assert.ok(top.every((r) => !r.scan), top.map((r) => r.terms).join());
    assert.equal(top[0]?.terms, '测试甲乙丙');
    const list = await q.listSearchMisses({ days: 30, kind: null, sort: 'most' }, later, db);
    assert.deepEqual(list.rows.filter((r) => r.scan).map((r) => r.terms).sort(), ['.env', '/etc/passwd', '?', 'admin', 'wp-login.php']);
    assert.equal(list.rows[0]?.scan, true, 'the full list keeps them, by count');
    db.delete(searchMisses).where(eq(searchMisses.day, '2026-11-28')).run();
  });

  it('deletes days older than 180 days and never throws when the write fails', async () => {
    db.insert(searchMisses).values({ kind: 'courses', terms: '很久以前', filters: '', day: '2026-01-01', count: 2, lastAt: new Date('2026-01-01T01:00:00Z') }).run();
    assert.equal(q.pruneSearchMisses(db, '2026-11-26'), 1);
    assert.equal(rowsFor('很久以前').length, 0);
    assert.equal(rowsFor('测试庚').length, 1);

    // A real connection that has been closed: every write fails.
    const broken = openDatabase(':memory:');
    broken.$client.close();
    const errors: string[] = [];
    const original = console.error;
    console.error = (msg: string) => void errors.push(msg);
    try {
      assert.equal(q.recordSearchMiss('courses', 'q=x', new Date(), broken), false);
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /search-misses/);
  });
});

describe('filterNames', () => {
  it('has the names behind the ids the filters store', async () => {
    const names = await q.filterNames(db);
    assert.ok(names.occupations.size > 0 && names.streets.size > 0 && names.groups.size > 0 && names.services.size > 0 && names.landmarks.size > 0);
  });
});

describe('probes are not residents', () => {
  const residents = ['电工', '养老护理员 初级', 'PLC编程', 'C++ 培训', 'UI/UX设计', '2026年 3级 电工', '异地就医备案', '西罗园 驿站', '中式面点师（四级）', 'O2O 运营', '叉车·证'];
  const probes = [
    "1' AND 1=1-- ",
    '电工) AND SLEEP(5)#',
    '电工" OR "1"="1',
    '1 UNION SELECT NULL,NULL,NULL',
    '电工 ORDER BY 1-- -',
    "电工' AND EXTRACTVALUE(1,CONCAT(0x7e,version()))",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '{{7*7}}',
    '${jndi:ldap://x}',
    '../../etc/passwd',
    '%27%20or%201%3D1',
    '电工\u0000\u0001'.replace(/\\u0000\\u0001/, '\u0000\u0001'),
    '!!!???***',
    '养'.repeat(61),
  ];

  it('a resident’s words pass, a scanner’s payloads do not', async () => {
    for (const w of residents) assert.equal(isProbe(w), false, w);
    for (const w of probes) assert.equal(isProbe(w), true, w);
  });

  it('probes leave nothing on the bureau’s list', async () => {
    const at = new Date('2026-11-27T02:00:00Z');
    for (const w of probes) assert.equal(q.recordSearchMiss('search', `q=${encodeURIComponent(w)}`, at, db, '198.51.100.20'), false, w);
    assert.equal(q.recordSearchMiss('search', `q=${encodeURIComponent('测试壬 电工')}`, at, db, '198.51.100.20'), true);
    const day = db.select().from(searchMisses).where(eq(searchMisses.day, '2026-11-27')).all();
    assert.deepEqual(day.map((r) => r.terms), ['测试壬 电工']);
  });
});

describe('bounded per address and per day', () => {
  it('one address adds at most its daily share; another address and the next Beijing day are not affected', async () => {
    q.resetSearchMissAllowances();
    const at = new Date('2026-11-28T02:00:00Z');
    const results = Array.from({ length: q.MISSES_PER_ADDRESS_PER_DAY + 10 }, (_, i) =>
      q.recordSearchMiss('courses', `q=${encodeURIComponent(`测试癸${i}`)}`, at, db, '198.51.100.30'),
    );
    assert.equal(results.filter(Boolean).length, q.MISSES_PER_ADDRESS_PER_DAY);
    assert.equal(q.recordSearchMiss('courses', `q=${encodeURIComponent('测试子')}`, at, db, '198.51.100.31'), true);
    // 16:00 UTC is midnight in Beijing: a new day, a new share.
    assert.equal(q.recordSearchMiss('courses', `q=${encodeURIComponent('测试丑')}`, new Date('2026-11-28T16:00:00Z'), db, '198.51.100.30'), true);
    // The address is not stored anywhere in the table.
    const cols = db.all<{ name: string }>(`SELECT name FROM pragma_table_info('search_misses')`).map((c) => c.name);
    assert.deepEqual(cols.sort(), ['count', 'day', 'filters', 'id', 'kind', 'last_at', 'terms']);
    const leaked = db.all<{ n: number }>(`SELECT count(*) AS n FROM search_misses WHERE terms LIKE '%198.51%' OR filters LIKE '%198.51%'`);
    assert.equal(leaked[0]?.n, 0);
  });

  it('at most NEW_MISSES_PER_DAY different searches a day; searches already kept still count', async () => {
    const at = new Date('2026-11-30T02:00:00Z');
    for (let i = 0; i < q.NEW_MISSES_PER_DAY; i++) assert.equal(q.recordSearchMiss('fairs', `q=${encodeURIComponent(`测试寅${i}`)}`, at, db), true, `search ${i}`);
    assert.equal(q.recordSearchMiss('fairs', `q=${encodeURIComponent('测试卯')}`, at, db), false);
    assert.equal(q.recordSearchMiss('fairs', `q=${encodeURIComponent('测试寅7')}`, at, db), true);
    const day = db.select().from(searchMisses).where(eq(searchMisses.day, '2026-11-30')).all();
    assert.equal(day.length, q.NEW_MISSES_PER_DAY);
    assert.equal(day.find((r) => r.terms === '测试寅7')?.count, 2);
  });
});
