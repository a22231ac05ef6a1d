/**
 * A city-scale dataset for the benchmark (issue 5): the sample seed's reference data, then
 * ~150 providers, ~3 000 places, 2 000 courses with 100 000 runs, 5 000 stations and 20 000
 * fairs with 200 000 positions, all generated from fixed-seed streams (same `today` and scale →
 * identical rows), and the search index built by the app's own reindexAll.
 *
 *   npx tsx e2e/bench/dataset.ts [file]        (default bench/.data/city.sqlite)
 *
 * No ANALYZE: the app never runs it, so a real portal.sqlite has no sqlite_stat1 and the query
 * planner must be measured under the same conditions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from '@/db/client';
import { SAMPLE_DATA_KEY } from '@/db/schema';
import { beijingToday, isDateString } from '@/db/domain/time';
import { levelLabel } from '@/db/domain/labels-courses';
import { reindexAll } from '@/db/search/documents';
import { countRows, seedReferenceData } from '@/db/seed';
import { HOLIDAY_DATES } from '@/db/seed/calendar';
import { COURSES, type CourseSeed } from '@/db/seed/courses';
import { buildFairs, EMPLOYERS, type EmployerKey } from '@/db/seed/fairs';
import { OCCUPATIONS, TARGET_GROUPS } from '@/db/seed/occupations';
import { PLACES } from '@/db/seed/places';
import { PROVIDERS } from '@/db/seed/providers';
import { beijingInstant, jitter, rngFor, type Rng } from '@/db/seed/random';
import { buildStations, type StationSeed } from '@/db/seed/stations';
import { STREETS } from '@/db/seed/streets';

export const DEFAULT_CITY_FILE = 'bench/.data/city.sqlite';

/** Full-scale row targets (scale 1). */
export const CITY_SIZES = {
  providers: 150,
  places: 3000,
  courses: 2000,
  runs: 100_000,
  stations: 5000,
  fairs: 20_000,
  positions: 200_000,
} as const;

export type CityOptions = { scale?: number; today?: string; log?: (line: string) => void };
export type CityResult = { counts: Record<string, number>; seconds: { generate: number; index: number; total: number } };

const DAY_MS = 86_400_000;

/** Calendar arithmetic on 'YYYY-MM-DD' strings through UTC midnights: no server-zone dependence. */
function dayCalendar(today: string) {
  const base = Date.parse(`${today}T00:00:00Z`);
  return {
    date: (offset: number) => new Date(base + offset * DAY_MS).toISOString().slice(0, 10),
    /** ISO weekday (1 = Monday) of today + offset. */
    weekday: (offset: number) => {
      const d = new Date(base + offset * DAY_MS).getUTCDay();
      return d === 0 ? 7 : d;
    },
  };
}

const n = (full: number, scale: number) => Math.max(1, Math.round(full * scale));

/** Picks by weight: [[value, weight], …]. */
function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

const COURSE_SUFFIXES = ['培训班', '短训快聘班', '周末班', '晚间班', '提升班', '一培双证班', '精品班', '速成班'] as const;
const PLACE_SUFFIXES = { classroom: '教学点', practice_base: '实训基地', venue: '人才市场', landmark: '社区服务中心' } as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = ['老师', '主任', '女士', '先生'];

export function buildCityDataset(file: string, opts: CityOptions = {}): CityResult {
  const scale = opts.scale ?? 1;
  const today = opts.today ?? beijingToday();
  const log = opts.log ?? (() => {});
  if (!isDateString(today)) throw new Error(`buildCityDataset: today must be 'YYYY-MM-DD', got ${JSON.stringify(today)}`);
  if (!(scale > 0 && scale <= 4)) throw new Error(`buildCityDataset: scale must be in (0, 4], got ${scale}`);
  const t0 = performance.now();

  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const client = db.$client;
  seedReferenceData(db);
  // Bulk load: no journal, no fsync. WAL is restored (and checkpointed) at the end.
  client.pragma('journal_mode = OFF');
  client.pragma('synchronous = OFF');
  // 6 million search_grams rows go into B-tree indexes: a big page cache (1 GB) keeps them in memory.
  client.pragma('cache_size = -1048576');

  const cal = dayCalendar(today);
  const longAgoMs = beijingInstant(cal.date(-900), '09:00').getTime();
  const streetIds = STREETS.map((_, i) => i + 1);
  const occupationIds = new Map(OCCUPATIONS.map((o, i) => [o.name, i + 1]));
  const serviceIds = new Map(
    (client.prepare('SELECT id, name FROM services').all() as { id: number; name: string }[]).map((s) => [s.name, s.id]),
  );

  const ins = {
    provider: client.prepare('INSERT INTO providers (id, name, short_name, intro, phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    place: client.prepare('INSERT INTO places (id, name, kind, provider_id, street_id, address, lat, lng, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    course: client.prepare(
      `INSERT INTO courses (id, title, occupation_id, level, provider_id, summary, suitable_for, requirements, content, method, materials, assessment, outcomes, duration_days, published_at, publication, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    run: client.prepare(
      `INSERT INTO course_runs (id, course_id, label, start_date, end_date, class_days, daily_start, daily_end, theory_place_id, practice_place_id, seats, seats_left, deadline, cost_type, fee, subsidy, contact_name, contact_phone, note, publication, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    cert: client.prepare('INSERT INTO run_certificates (run_id, kind, name, issuer) VALUES (?, ?, ?, ?)'),
    group: client.prepare('INSERT INTO run_target_groups (run_id, group_code) VALUES (?, ?)'),
    station: client.prepare(
      `INSERT INTO stations (id, name, host_type, host_name, street_id, address, lat, lng, phone, has_window, has_self_service, has_ai_avatar, is_accessible, status, opening_date, status_reason, last_verified_on, directions, publication, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    hours: client.prepare('INSERT INTO station_hours (station_id, scope, weekday, opens, closes) VALUES (?, ?, ?, ?, ?)'),
    exception: client.prepare('INSERT INTO station_exceptions (station_id, start_date, end_date, closed, sessions, reason) VALUES (?, ?, ?, ?, ?, ?)'),
    service: client.prepare('INSERT INTO station_services (station_id, service_id, mode) VALUES (?, ?, ?)'),
    fair: client.prepare(
      `INSERT INTO fairs (id, title, type, organiser, place_id, online_url, starts_at, ends_at, recurrence, status, status_note, description, how_to_attend, contact_phone, publication, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    employer: client.prepare('INSERT INTO fair_employers (id, fair_id, name, industry, intro, booth) VALUES (?, ?, ?, ?, ?, ?)'),
    position: client.prepare(
      'INSERT INTO fair_positions (id, employer_id, title, headcount, pay_min, pay_max, pay_unit, requirements, course_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };

  client.transaction(() => {
    // --- Providers ---------------------------------------------------------------------------
    const rng = rngFor('city-providers');
    const providerCount = n(CITY_SIZES.providers, scale);
    const providers: { id: number; short: string; issuer: string }[] = [];
    for (let i = 0; i < providerCount; i++) {
      const id = i + 1;
      const tmpl = PROVIDERS[i % PROVIDERS.length]!;
      const street = rng.pick(STREETS);
      const short = `${street.name.replace(/(街道|镇)$/, '')}${['职业技能', '技工', '家政', '新城', '兴业', '康乐'][i % 6]}培训学校${i + 1}分校`;
      ins.provider.run(id, `北京市丰台区${short}`, short, tmpl.intro, `010-6${String(1000000 + i).slice(1)}`, `北京市丰台区${rng.pick(street.roads)}${rng.int(1, 299)}号`, longAgoMs, longAgoMs);
      providers.push({ id, short, issuer: tmpl.skillIssuer });
    }

    // --- Places ------------------------------------------------------------------------------
    const placeRng = rngFor('city-places');
    const placeCount = n(CITY_SIZES.places, scale);
    const classroomsByProvider = new Map<number, number[]>();
    const practiceBases: number[] = [];
    const venues: number[] = [];
    for (let i = 0; i < placeCount; i++) {
      const id = i + 1;
      // Every provider gets a classroom first; the rest by weight.
      const kind = i < providerCount ? 'classroom' : weighted(placeRng, [['classroom', 55], ['practice_base', 15], ['venue', 22], ['landmark', 8]] as const);
      const s = placeRng.int(0, STREETS.length - 1);
      const street = STREETS[s]!;
      const road = placeRng.pick(street.roads);
      const at = jitter(placeRng, street, 1500);
      const provider = kind === 'classroom' || kind === 'practice_base' ? providers[i < providerCount ? i : placeRng.int(0, providerCount - 1)]! : null;
      const name = provider ? `${provider.short}${road}${PLACE_SUFFIXES[kind as 'classroom']}` : `${road}${street.name.replace(/(街道|镇)$/, '')}${PLACE_SUFFIXES[kind]}${id}`;
      ins.place.run(id, name, kind, provider?.id ?? null, streetIds[s]!, `北京市丰台区${road}${placeRng.int(1, 399)}号`, at.lat, at.lng, kind === 'venue' && placeRng.chance(0.3) ? '乘公交到附近站下车步行5分钟。' : null);
      if (kind === 'classroom') classroomsByProvider.set(provider!.id, [...(classroomsByProvider.get(provider!.id) ?? []), id]);
      if (kind === 'practice_base') practiceBases.push(id);
      if (kind === 'venue') venues.push(id);
    }
    if (venues.length === 0) venues.push(placeCount); // tiny scales: one place serves as venue row id
    if (practiceBases.length === 0) practiceBases.push(1);

    // --- Courses -----------------------------------------------------------------------------
    const courseRng = rngFor('city-courses');
    const courseCount = n(CITY_SIZES.courses, scale);
    const templatesByOcc = new Map<string, CourseSeed[]>();
    for (const c of COURSES) templatesByOcc.set(c.occupation, [...(templatesByOcc.get(c.occupation) ?? []), c]);
    type GenCourse = { id: number; tmpl: CourseSeed; occupation: string; level: number; provider: (typeof providers)[number]; publication: string; duration: number };
    const genCourses: GenCourse[] = [];
    const publishedByOcc = new Map<string, number[]>();
    for (let i = 0; i < courseCount; i++) {
      const id = i + 1;
      const occ = courseRng.pick(OCCUPATIONS);
      const level = courseRng.pick(occ.levels);
      const tmpl = courseRng.pick(templatesByOcc.get(occ.name) ?? COURSES);
      const provider = courseRng.pick(providers);
      const publication = weighted(courseRng, [['published', 90], ['draft', 4], ['review', 2], ['withdrawn', 3], ['archived', 1]] as const);
      const title = `${occ.name}（${levelLabel(level)}）${courseRng.pick(COURSE_SUFFIXES)}`;
      const publishedAt = publication === 'draft' || publication === 'review' ? null : beijingInstant(cal.date(-courseRng.int(1, 720)), '10:30').getTime();
      const createdAt = publishedAt ? publishedAt - 3 * DAY_MS : beijingInstant(cal.date(-courseRng.int(1, 30)), '14:00').getTime();
      const duration = Math.max(2, tmpl.durationDays + courseRng.int(-2, 4));
      ins.course.run(
        id,
        title,
        occupationIds.get(occ.name)!,
        level,
        provider.id,
        `${provider.short}开设：${tmpl.summary}`,
        tmpl.suitableFor,
        tmpl.requirements,
        tmpl.content,
        tmpl.method,
        tmpl.materials,
        tmpl.assessment,
        tmpl.outcomes,
        duration,
        publishedAt,
        publication,
        createdAt,
        publishedAt ?? createdAt,
      );
      genCourses.push({ id, tmpl, occupation: occ.name, level, provider, publication, duration });
      if (publication === 'published') publishedByOcc.set(occ.name, [...(publishedByOcc.get(occ.name) ?? []), id]);
    }

    // --- Runs: spread over the last two years and the next half year -------------------------
    const runRng = rngFor('city-runs');
    const runCount = n(CITY_SIZES.runs, scale);
    const groupCodes = TARGET_GROUPS.map((g) => g.code);
    let certCount = 0;
    for (let r = 0; r < runCount; r++) {
      const id = r + 1;
      const c = genCourses[r % courseCount]!;
      const t = c.tmpl;
      const weekend = t.classDays.includes('6') || t.classDays.includes('7');
      const classDays = weekend ? '6,7' : runRng.chance(0.85) ? '1,2,3,4,5' : '1,3,5';
      const days = new Set(classDays.split(',').map(Number));
      // Most runs are history; a slice is under way or open; the rest lie ahead.
      let offset = weighted(runRng, [[-1, 70], [0, 8], [1, 22]] as const) === -1 ? -runRng.int(20, 730) : runRng.int(-15, 180);
      for (let k = 0; k < 14 && (!days.has(cal.weekday(offset)) || HOLIDAY_DATES.has(cal.date(offset))); k++) offset++;
      const start = cal.date(offset);
      const span = Math.ceil((c.duration * 7) / days.size) - 1;
      const end = cal.date(offset + Math.max(0, span));
      const deadline = cal.date(offset - runRng.int(1, 7));
      const seats = runRng.int(Math.min(t.seats[0], 20), Math.max(t.seats[1], 25));
      const seatsLeft = offset < 0 ? (runRng.chance(0.8) ? 0 : runRng.int(0, 3)) : runRng.chance(0.1) ? 0 : runRng.chance(0.2) ? runRng.int(1, 2) : runRng.int(0, seats);
      const costType = weighted(runRng, [['free', 40], ['subsidy', 35], ['self', 25]] as const);
      const fee = costType === 'free' ? null : Math.max(300, t.fee + runRng.int(-3, 6) * 100);
      const subsidy = costType === 'subsidy' ? Math.min(fee!, [0, 2000, 2000, 2000, 1500, 1000][c.level]!) : null;
      const publication =
        c.publication === 'draft' || c.publication === 'review' ? 'draft' : runRng.chance(0.03) ? 'draft' : runRng.chance(0.01) ? 'withdrawn' : 'published';
      const practice = t.practice && runRng.chance(0.7) ? runRng.pick(practiceBases) : null;
      const contact = `${SURNAMES[runRng.int(0, SURNAMES.length - 1)]}${runRng.pick(GIVEN)}`;
      const createdMs = beijingInstant(cal.date(Math.min(offset - 40, -1)), '10:00').getTime();
      const label = `${start.slice(0, 4)}年${Number(start.slice(5, 7))}月${Number(start.slice(8, 10)) <= 15 ? '上' : '下'}旬第${(r % 97) + 1}期`;
      ins.run.run(
        id,
        c.id,
        label,
        start,
        end,
        classDays,
        t.dailyStart,
        t.dailyEnd,
        runRng.pick(classroomsByProvider.get(c.provider.id)!),
        practice,
        seats,
        seatsLeft,
        deadline,
        costType,
        fee,
        subsidy,
        contact,
        `010-6${String(2000000 + (r % 999_999)).slice(1)}`,
        costType === 'free' ? '符合条件的人员免费参加，报名时审核资格。' : costType === 'subsidy' ? `先交培训费${fee}元，取证后可申请补贴${subsidy}元。` : `培训费${fee}元，含教材和考核费用。`,
        publication,
        createdMs,
        createdMs,
      );
      ins.cert.run(id, 'skill', `${c.occupation}${levelLabel(c.level)}职业技能等级证书`, c.provider.issuer);
      certCount++;
      if (t.licence) {
        ins.cert.run(id, 'licence', t.licence.name, t.licence.issuer);
        certCount++;
      }
      const groups = costType === 'free' ? t.groups.filter((g) => g !== 'employed') : [...t.groups];
      if (groups.length === 0 || runRng.chance(0.2)) groups.push(runRng.pick(groupCodes));
      for (const g of new Set(groups)) ins.group.run(id, g);
    }

    // --- Stations: copies of the sample stations' hours and services by host type ------------
    const stRng = rngFor('city-stations');
    const stationCount = n(CITY_SIZES.stations, scale);
    const templates = new Map<string, StationSeed[]>();
    for (const s of buildStations(today)) if (s.hours.length > 0) templates.set(s.hostType, [...(templates.get(s.hostType) ?? []), s]);
    const hostWeights = [['street_centre', 20], ['community_health', 45], ['bank', 25], ['hospital', 7], ['park', 3]] as const;
    for (let i = 0; i < stationCount; i++) {
      const id = i + 1;
      const hostType = weighted(stRng, hostWeights.filter(([h]) => templates.has(h)));
      const tmpl = stRng.pick(templates.get(hostType)!);
      const s = stRng.int(0, STREETS.length - 1);
      const street = STREETS[s]!;
      const road = stRng.pick(street.roads);
      const at = jitter(stRng, street, 1800);
      const host = `${road}${['社区', '东里', '西里', '南里', '北里', '家园'][i % 6]}${id}号${{ street_centre: '社区服务站', community_health: '社区卫生服务站', bank: '银行网点', hospital: '医院', park: '产业园' }[hostType]}`;
      const status = weighted(stRng, [['operating', 92], ['planned', 5], ['suspended', 3]] as const);
      const publication = weighted(stRng, [['published', 95], ['draft', 3], ['withdrawn', 2]] as const);
      const verified = cal.date(-stRng.int(2, 200));
      const createdMs = beijingInstant(cal.date(-stRng.int(220, 700)), '10:00').getTime();
      const updatedMs = Math.max(createdMs, beijingInstant(verified, '15:00').getTime());
      ins.station.run(
        id,
        `${host}医保服务驿站`,
        hostType,
        `丰台区${host}`,
        streetIds[s]!,
        `北京市丰台区${road}${stRng.int(1, 299)}号`,
        at.lat,
        at.lng,
        `010-6${String(3000000 + i).slice(1)}`,
        tmpl.hasWindow ? 1 : 0,
        tmpl.hasSelfService ? 1 : 0,
        tmpl.hasAiAvatar ? 1 : 0,
        stRng.chance(0.6) ? 1 : 0,
        status,
        status === 'planned' ? cal.date(stRng.int(10, 60)) : null,
        status === 'suspended' ? '场地改造，暂停服务。急办的业务请到就近的其他驿站。' : null,
        verified,
        tmpl.directions,
        publication,
        createdMs,
        updatedMs,
      );
      for (const h of tmpl.hours) ins.hours.run(id, h.scope, h.weekday, h.opens, h.closes);
      for (const sv of tmpl.services) ins.service.run(id, serviceIds.get(sv.name)!, sv.mode);
      const exceptions = stRng.chance(0.3) ? stRng.int(1, 3) : 0;
      for (let e = 0; e < exceptions; e++) {
        const from = stRng.int(-60, 60);
        const closed = stRng.chance(0.6);
        ins.exception.run(
          id,
          cal.date(from),
          cal.date(from + stRng.int(0, 3)),
          closed ? 1 : 0,
          JSON.stringify(closed ? [] : [{ opens: '09:00', closes: '12:00' }]),
          closed ? '系统升级，暂停服务。' : '工作人员参加培训，只上午办理。',
        );
      }
    }

    // --- Fairs, employers, positions -----------------------------------------------------------
    const fairRng = rngFor('city-fairs');
    const fairCount = n(CITY_SIZES.fairs, scale);
    const fairTemplates = buildFairs(today, {});
    const sampleCourseOcc = new Map(COURSES.map((c) => [c.key, c.occupation]));
    const employerKeys = Object.keys(EMPLOYERS) as EmployerKey[];
    const positionsPerFair = CITY_SIZES.positions / CITY_SIZES.fairs;
    let employerId = 0;
    let positionId = 0;
    for (let i = 0; i < fairCount; i++) {
      const id = i + 1;
      const tmpl = fairRng.pick(fairTemplates);
      const street = fairRng.pick(STREETS);
      const online = tmpl.type === 'online' || (tmpl.place === null && tmpl.type !== 'gig_market');
      const recurring = tmpl.recurrence !== null && fairRng.chance(0.1);
      const offset = weighted(fairRng, [[-1, 80], [1, 20]] as const) === -1 ? -fairRng.int(1, 900) : fairRng.int(0, 120);
      const date = cal.date(offset);
      const morning = fairRng.chance(0.7);
      const startsAt = `${date}T${recurring ? tmpl.recurrence!.opens : morning ? '09:00' : '14:00'}`;
      const endsAt = recurring ? `${cal.date(offset + 365)}T${tmpl.recurrence!.closes}` : `${date}T${morning ? '12:00' : '17:00'}`;
      const status = weighted(fairRng, [['scheduled', 95], ['postponed', 3], ['cancelled', 2]] as const);
      const publication = weighted(fairRng, [['published', 95], ['draft', 4], ['withdrawn', 1]] as const);
      const createdMs = beijingInstant(cal.date(Math.min(offset - 20, -1)), '10:00').getTime();
      ins.fair.run(
        id,
        `${street.name}${tmpl.title}`,
        online ? 'online' : tmpl.type,
        tmpl.organiser,
        online ? null : fairRng.pick(venues),
        online ? `https://example.org/live/fengtai-${id}` : null,
        startsAt,
        endsAt,
        recurring ? JSON.stringify(tmpl.recurrence) : null,
        status,
        status === 'postponed' ? '因场地原因延期，新日期另行通知。' : status === 'cancelled' ? '因天气原因取消，敬请谅解。' : null,
        tmpl.description,
        tmpl.howToAttend,
        `010-6${String(4000000 + i).slice(1)}`,
        publication,
        createdMs,
        createdMs,
      );
      // Employers until the fair has its share of positions (on average 10 per fair).
      const want = fairRng.int(Math.round(positionsPerFair * 0.4), Math.round(positionsPerFair * 1.6));
      let have = 0;
      let booth = 0;
      while (have < want) {
        const emp = EMPLOYERS[fairRng.pick(employerKeys)];
        employerId++;
        booth++;
        ins.employer.run(employerId, id, emp.name, emp.industry, emp.intro, online ? null : `A${String(booth).padStart(2, '0')}`);
        for (const pos of emp.positions) {
          if (have >= want) break;
          positionId++;
          have++;
          const occ = pos.course ? sampleCourseOcc.get(pos.course) : undefined;
          const linkable = occ ? publishedByOcc.get(occ) : undefined;
          ins.position.run(
            positionId,
            employerId,
            pos.title,
            Math.max(1, pos.headcount + fairRng.int(-2, 5)),
            pos.pay?.[0] ?? null,
            pos.pay?.[1] ?? null,
            pos.unit ?? 'month',
            pos.requirements,
            linkable && linkable.length > 0 ? fairRng.pick(linkable) : null,
          );
        }
      }
    }
    client.prepare('INSERT INTO site_meta (key, value) VALUES (?, ?)').run(SAMPLE_DATA_KEY, today);
    log(`generated: ${certCount} certificates, ${employerId} employers, ${positionId} positions`);
  })();
  const t1 = performance.now();
  log(`rows written in ${((t1 - t0) / 1000).toFixed(1)} s; building the search index …`);

  // The app's own indexer, so the documents are exactly what admin writes would produce. The
  // secondary index on search_grams.doc_id is dropped meanwhile and rebuilt in one sorted pass
  // from its own CREATE statement (same name, same definition).
  const gramsDocIndex = client.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'search_grams_doc_idx'`).pluck().get() as string | undefined;
  client.transaction(() => {
    if (gramsDocIndex) client.exec('DROP INDEX search_grams_doc_idx');
    reindexAll(db);
    if (gramsDocIndex) client.exec(gramsDocIndex);
  })();
  const t2 = performance.now();

  client.pragma('synchronous = NORMAL');
  client.pragma('journal_mode = WAL');
  const counts = countRows(db);
  const fkProblems = client.prepare('PRAGMA foreign_key_check').all();
  if (fkProblems.length > 0) throw new Error(`buildCityDataset: ${fkProblems.length} foreign-key violations`);
  client.close();
  const t3 = performance.now();
  return { counts, seconds: { generate: (t1 - t0) / 1000, index: (t2 - t1) / 1000, total: (t3 - t0) / 1000 } };
}

export type { DB };

// CLI --------------------------------------------------------------------------------------------
if (/e2e[\\/]bench[\\/]dataset\.ts$/.test(process.argv[1] ?? '')) {
  const file = path.resolve(process.argv[2] ?? DEFAULT_CITY_FILE);
  const { counts, seconds } = buildCityDataset(file, { log: (l) => console.log(l) });
  for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(22)} ${String(count).padStart(8)}`);
  console.log(`${file}: rows ${seconds.generate.toFixed(1)} s + search index ${seconds.index.toFixed(1)} s = ${seconds.total.toFixed(1)} s`);
}
