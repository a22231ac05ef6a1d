/**
 * Open data: strict parameter reading, row → API object, API object → schema.org JSON-LD.
 * Pure; every instant is written with its offset so the zone the tests run in does not matter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PER_PAGE, listEnvelope, parseApiId, parseApiParams } from './params';
import { instantToIso, localToIso } from './format';
import { stationDetailToApi, stationToApi, weekOf } from './stations';
import { courseToApi, runToApi, type ApiCourseDetail } from './courses';
import { attendanceMode, fairToApi } from './fairs';
import { courseJsonLd, jsonLdText, stationJsonLd } from './json-ld';
import { makeCalendar, weekTable, type HoursException, type WeeklySession } from '@/db/domain/hours';
import type { OpenStationRow } from '@/db/queries/open-data-stations';
import type { OpenCourse, OpenRun } from '@/db/queries/open-data-courses';
import type { OpenFair } from '@/db/queries/open-data-fairs';

const BASE = 'https://example.gov.cn';
const sp = (s: string) => new URLSearchParams(s);

describe('parameters', () => {
  it('reads defaults and paging', () => {
    const r = parseApiParams('stations', sp(''));
    assert.ok(r.ok);
    assert.equal(r.values.page, 1);
    assert.equal(r.values.per_page, 20);
    assert.equal(r.values.open_now, null);
    const r2 = parseApiParams('runs', sp('per_page=100&page=3&status=open&status=full&level=4&start_from=2026-12-01'));
    assert.ok(r2.ok);
    assert.equal(r2.values.per_page, 100);
    assert.equal(r2.values.page, 3);
    assert.deepEqual(r2.values.status, ['open', 'full']);
    assert.deepEqual(r2.values.level, [4]);
    assert.equal(r2.values.start_from, '2026-12-01');
  });

  it('reads booleans both ways', () => {
    const yes = parseApiParams('stations', sp('open_now=true'));
    const no = parseApiParams('stations', sp('open_now=0'));
    assert.ok(yes.ok && no.ok);
    assert.equal(yes.values.open_now, true);
    assert.equal(no.values.open_now, false);
  });

  it('refuses what it cannot read, naming the parameter (worded in components/open-data/strings.test.ts)', () => {
    for (const q of ['per_page=101', 'per_page=0', 'per_page=abc', 'page=0', 'page=-1', 'page=1.5', 'street=x', 'open_now=maybe', 'host_type=castle']) {
      const r = parseApiParams('stations', sp(q));
      assert.ok(!r.ok, q);
      assert.equal(r.error.status, 400);
      assert.equal(r.error.code, 'bad_request');
      assert.deepEqual(r.error.params, [q.split('=')[0]], q);
    }
    const per = parseApiParams('courses', sp(`per_page=${MAX_PER_PAGE + 1}`));
    assert.ok(!per.ok);
    assert.deepEqual(per.error.params, ['per_page']);
    const reversed = parseApiParams('runs', sp('start_from=2026-12-10&start_to=2026-12-01'));
    assert.ok(!reversed.ok);
    assert.deepEqual(reversed.error.params, ['start_from', 'start_to']);
    for (const q of ['level=6', 'cost=cheap', 'occupation=0']) assert.ok(!parseApiParams('courses', sp(q)).ok, q);
    for (const q of ['status=soon', 'start_from=2026-02-30', 'start_to=tomorrow', 'start_from=2026-12-10&start_to=2026-12-01']) {
      assert.ok(!parseApiParams('runs', sp(q)).ok, q);
    }
    for (const q of ['type=party', 'when=future', 'date=yesterday']) assert.ok(!parseApiParams('fairs', sp(q)).ok, q);
    assert.ok(!parseApiParams('fairs', sp(`q=${'长'.repeat(101)}`)).ok);
  });

  it('ignores parameters it does not know', () => {
    assert.ok(parseApiParams('fairs', sp('_=123&foo=bar')).ok);
  });

  it('reads detail ids as digits only', () => {
    assert.equal(parseApiId('12'), 12);
    for (const raw of ['0', '01', '-1', '1e3', '1.0', 'abc', '99999999999', '']) assert.equal(parseApiId(raw), null, raw);
  });

  it('wraps a page with totals', () => {
    assert.deepEqual(listEnvelope([1, 2], 45, 2, 20), { version: 'v1', page: 2, per_page: 20, total: 45, total_pages: 3, items: [1, 2] });
    assert.equal(listEnvelope([], 0, 1, 20).total_pages, 0);
  });
});

describe('times', () => {
  it('writes Beijing local times and instants with +08:00', () => {
    assert.equal(localToIso('2026-11-28T09:00'), '2026-11-28T09:00:00+08:00');
    assert.equal(localToIso('2026-11-28T9:00'), '2026-11-28T09:00:00+08:00');
    assert.equal(instantToIso(new Date('2026-11-23T01:30:00Z')), '2026-11-23T09:30:00+08:00');
    assert.equal(instantToIso(Date.parse('2026-12-31T20:00:00Z')), '2027-01-01T04:00:00+08:00');
  });
});

const station: OpenStationRow = {
  id: 7,
  name: '右安门医保驿站',
  hostType: 'bank',
  hostName: '北京银行右安门支行',
  streetId: 3,
  streetName: '右安门街道',
  address: '右安门外大街1号',
  phone: '010-1234',
  lat: 39.86,
  lng: 116.36,
  status: 'operating',
  openingDate: null,
  statusReason: 'ignored while operating',
  hasWindow: true,
  hasSelfService: false,
  hasAiAvatar: true,
  isAccessible: false,
  lastVerifiedOn: '2026-11-01',
  directions: '东门进',
};

describe('stations', () => {
  it('maps a row with its open state', () => {
    const s = stationToApi(station, { open: true, label: '营业中', text: '营业中，17:00 结束' }, BASE);
    assert.equal(s.url, 'https://example.gov.cn/stations/7');
    assert.equal(s.host_type_label, '银行网点');
    assert.deepEqual(s.street, { id: 3, name: '右安门街道' });
    assert.deepEqual(s.location, { lat: 39.86, lng: 116.36, crs: 'WGS-84' });
    assert.equal(s.open_now, true);
    assert.deepEqual(s.open_state, { label: '营业中', text: '营业中，17:00 结束' });
    assert.deepEqual(s.facilities, { window: true, self_service: false, ai_avatar: true, accessible: false });
    assert.equal(s.status_reason, null);
  });

  it('lists the week Monday first, with lunch breaks in order and HH:MM times', () => {
    const week = weekOf(
      [
        { scope: 'station', weekday: 1, opens: '13:30', closes: '17:00' },
        { scope: 'station', weekday: 1, opens: '9:00', closes: '12:00' },
        { scope: 'counter', weekday: 1, opens: '10:00', closes: '15:00' },
      ],
      'station',
    );
    assert.equal(week.length, 7);
    assert.deepEqual(week[0], { weekday: 1, weekday_name: '周一', sessions: [{ opens: '09:00', closes: '12:00' }, { opens: '13:30', closes: '17:00' }] });
    assert.deepEqual(week[6]!.sessions, []);
  });

  it('builds the detail and a GovernmentService with regular and special hours', () => {
    const base = stationToApi(station, { open: false, label: '休息中', text: '休息中' }, BASE);
    const hours: WeeklySession[] = [
      { scope: 'station', weekday: 1, opens: '09:00', closes: '17:00' },
      { scope: 'station', weekday: 2, opens: '09:00', closes: '17:00' },
    ];
    const exceptions: HoursException[] = [
      { startDate: '2026-11-01', endDate: '2026-11-02', closed: true, sessions: [], reason: 'old' },
      { startDate: '2026-11-23', endDate: '2026-11-23', closed: true, sessions: [], reason: '系统升级' },
      { startDate: '2027-03-01', endDate: '2027-03-01', closed: true, sessions: [], reason: 'too far' },
    ];
    // Sunday 2026-11-22: the seven days from today, Monday's closure among them.
    const days = weekTable({ status: 'operating', openingDate: null, statusReason: null, hours, exceptions }, makeCalendar([]), '2026-11-22');
    const detail = stationDetailToApi(base, {
      directions: '东门进',
      hours,
      exceptions,
      days,
      changes: [
        { startDate: '2026-11-23', endDate: '2026-11-23', reason: '系统升级', kind: 'exception', closed: true, sessions: [], text: '11月23日 系统升级', days: [] },
        { startDate: '2026-12-01', endDate: '2026-12-01', reason: '缩短', kind: 'exception', closed: false, sessions: [{ opens: '9:00', closes: '12:00' }], text: '12月1日 只上午', days: [] },
        { startDate: '2027-01-10', endDate: '2027-01-10', reason: 'x', kind: 'holiday', closed: true, sessions: [], text: 'later', days: [] },
      ],
      services: [{ id: 1, name: '参保登记', category: '参保', mode: 'counter', mode_label: '人工', online: false, online_note: '', materials: ['本人身份证'] }],
      today: '2026-11-23',
      until: '2027-01-21',
    });
    assert.equal(detail.counter_hours, null);
    assert.deepEqual(
      detail.next_days.map((d) => [d.date, d.weekday_name, d.is_today, d.closed, d.text]),
      [
        ['2026-11-22', '周日', true, true, '休息'],
        ['2026-11-23', '周一', false, true, '休息（系统升级）'],
        ['2026-11-24', '周二', false, false, '9:00–17:00'],
        ['2026-11-25', '周三', false, true, '休息'],
        ['2026-11-26', '周四', false, true, '休息'],
        ['2026-11-27', '周五', false, true, '休息'],
        ['2026-11-28', '周六', false, true, '休息'],
      ],
    );
    assert.deepEqual(detail.next_days[2]!.sessions, [{ opens: '09:00', closes: '17:00' }]);
    assert.deepEqual(
      detail.exceptions.map((e) => e.reason),
      ['系统升级'],
    );
    assert.deepEqual(detail.special_days[1]!.sessions, [{ opens: '09:00', closes: '12:00' }]);

    const ld = stationJsonLd(detail, '2026-11-23', '2026-12-22');
    assert.equal(ld['@type'], 'GovernmentService');
    assert.deepEqual(ld.provider, { '@type': 'GovernmentOrganization', name: '北京市丰台区医疗保障局' });
    const channel = ld.availableChannel as Record<string, unknown>;
    const place = channel.serviceLocation as Record<string, unknown>;
    assert.equal(place['@type'], 'Place');
    const opening = place.openingHoursSpecification as Record<string, unknown>[];
    assert.deepEqual(opening[0], { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '09:00', closes: '17:00' });
    assert.equal(opening.length, 2);
    const special = place.specialOpeningHoursSpecification as Record<string, unknown>[];
    // The January holiday is beyond 30 days; the closure is 00:00–00:00.
    assert.equal(special.length, 2);
    assert.deepEqual([special[0]!.opens, special[0]!.closes, special[0]!.validFrom, special[0]!.validThrough], ['00:00', '00:00', '2026-11-23', '2026-11-23']);
    assert.deepEqual([special[1]!.opens, special[1]!.closes], ['09:00', '12:00']);
  });
});

const run: OpenRun = {
  id: 31,
  courseId: 4,
  courseTitle: '养老护理员（四级）',
  label: '2026年第12期',
  startDate: '2026-12-07',
  endDate: '2026-12-18',
  classDays: '1,2,3,4,5',
  dailyStart: '9:00',
  dailyEnd: '16:30',
  seats: 30,
  seatsLeft: 0,
  deadline: '2026-12-01',
  costType: 'free',
  fee: null,
  subsidy: null,
  contactName: '王老师',
  contactPhone: '010-5678',
  note: '',
  theory: { name: '康馨学校教室', address: '丰台路1号', street: '丰台街道', lat: 39.85, lng: 116.28 },
  practice: null,
  certificates: [],
  targetGroups: [],
};

const course = (over: Partial<OpenCourse>): OpenCourse => ({
  id: 4,
  title: '养老护理员（四级）',
  occupationId: 2,
  occupationName: '养老护理员',
  level: 4,
  providerId: 1,
  providerName: '康馨养老护理学校',
  summary: '学照护',
  durationDays: 10,
  publishedAt: new Date('2026-11-01T02:00:00Z'),
  runsCount: 2,
  nextStartDate: '2026-12-07',
  ...over,
});

describe('courses and runs', () => {
  it('maps a course row', () => {
    const c = courseToApi(course({}), BASE);
    assert.equal(c.url, `${BASE}/courses/4`);
    assert.equal(c.published_at, '2026-11-01T10:00:00+08:00');
    assert.deepEqual(c.occupation, { id: 2, name: '养老护理员' });
    assert.equal(c.level_label, '四级/中级工');
  });

  it('gives a run its status on the day asked', () => {
    const before = runToApi(run, '2026-11-23', BASE);
    assert.equal(before.status, 'full');
    assert.equal(before.status_label, '已满');
    assert.deepEqual(before.class_days, [1, 2, 3, 4, 5]);
    assert.equal(before.daily_start, '09:00');
    assert.equal(runToApi({ ...run, seatsLeft: 3 }, '2026-11-23', BASE).status_label, '报名中');
    assert.equal(runToApi({ ...run, seatsLeft: 3 }, '2026-12-02', BASE).status, 'closed');
    assert.equal(runToApi(run, '2026-12-10', BASE).status, 'running');
    assert.equal(runToApi(run, '2026-12-19', BASE).status, 'ended');
  });

  it('builds a Course with its runs as CourseInstances and a free run at price 0', () => {
    const r = runToApi({ ...run, seatsLeft: 3 }, '2026-11-23', BASE);
    const self = runToApi({ ...run, id: 32, costType: 'self', fee: 1800, seatsLeft: 3 }, '2026-11-23', BASE);
    const detail = {
      ...courseToApi(course({ providerName: '康馨', summary: '', durationDays: null, publishedAt: null, nextStartDate: null }), BASE),
      occupation_description: '',
      provider_detail: { name: '康馨养老护理学校', phone: '010-1', address: '丰台路1号', intro: '' },
      sections: { suitable_for: '', requirements: '', content: '照护技能', method: '', materials: '', assessment: '', outcomes: '' },
      runs: [r, self],
    } satisfies ApiCourseDetail;
    const ld = courseJsonLd(detail);
    assert.equal(ld['@type'], 'Course');
    assert.equal(ld.description, '照护技能');
    assert.deepEqual(ld.provider, { '@type': 'Organization', name: '康馨养老护理学校', telephone: '010-1', address: { '@type': 'PostalAddress', streetAddress: '丰台路1号', addressLocality: '丰台区', addressRegion: '北京市', addressCountry: 'CN' } });
    const instances = ld.hasCourseInstance as Record<string, Record<string, unknown>>[];
    assert.equal(instances.length, 2);
    assert.equal(instances[0]!['@type'], 'CourseInstance');
    assert.equal(instances[0]!.startDate, '2026-12-07');
    assert.equal(instances[0]!.location!['@type'], 'Place');
    assert.equal(instances[0]!.offers!.price, 0);
    assert.equal(instances[0]!.offers!.priceCurrency, 'CNY');
    assert.equal(instances[1]!.offers!.price, 1800);
  });
});

const fair: OpenFair = {
  id: 9,
  title: '春风行动专场招聘会',
  type: 'spring_breeze',
  status: 'postponed',
  statusNote: '改期另行通知',
  organiser: '丰台区人力资源和社会保障局',
  startsAt: '2026-12-05T09:00',
  endsAt: '2026-12-05T12:00',
  recurrence: null,
  onlineUrl: null,
  contactPhone: '010-9',
  description: '',
  howToAttend: '',
  placeName: '丰台体育中心',
  placeAddress: '西四环南路55号',
  streetName: '卢沟桥街道',
  placeLat: 39.85,
  placeLng: 116.27,
};

describe('fairs', () => {
  it('maps a fair with +08:00 instants and its attendance mode', () => {
    const f = fairToApi(fair, BASE);
    assert.equal(f.starts_at, '2026-12-05T09:00:00+08:00');
    assert.equal(f.ends_at, '2026-12-05T12:00:00+08:00');
    assert.equal(f.attendance_mode, 'offline');
    assert.deepEqual(f.venue, { name: '丰台体育中心', address: '西四环南路55号', street: '卢沟桥街道', lat: 39.85, lng: 116.27, crs: 'WGS-84' });
    assert.equal(fairToApi({ ...fair, placeName: null, placeAddress: null, streetName: null, placeLat: null, placeLng: null, onlineUrl: 'https://x' }, BASE).attendance_mode, 'online');
    assert.equal(f.status_label, '延期');
    assert.equal(attendanceMode(null, 'https://x'), 'online');
    assert.equal(attendanceMode({}, 'https://x'), 'mixed');
  });
});

describe('JSON-LD text', () => {
  it('cannot close its script tag', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script> & <!-- \u2028' });
    assert.doesNotMatch(text, /</);
    assert.doesNotMatch(text, />/);
    assert.ok(text.includes('\\u003c/script\\u003e'));
    assert.deepEqual(JSON.parse(text), { name: '</script><script>alert(1)</script> & <!-- \u2028' });
  });
});
