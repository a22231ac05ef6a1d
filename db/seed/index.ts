/**
 * Sample data for an empty database: everything dated relative to `today` (a Beijing
 * 'YYYY-MM-DD'), except the holiday calendar, so the portal always has something running,
 * open, full and coming up. Same `today` → identical rows (fixed-seed variation, explicit ids
 * and audit timestamps).
 */
import { count, getTableName, type Table } from 'drizzle-orm';
import type { DB } from '../client';
import {
  calendarDays,
  calendarYears,
  courseRuns,
  courses,
  fairEmployers,
  fairPositions,
  fairs,
  occupationLevels,
  occupations,
  places,
  providers,
  runCertificates,
  runTargetGroups,
  searchDocs,
  searchGrams,
  services,
  SAMPLE_DATA_KEY,
  siteMeta,
  stationExceptions,
  stationHours,
  stationServices,
  stations,
  streets,
  subsidyRules,
  targetGroups,
} from '../schema';
import { addDays, isDateString } from '../domain/time';
import { reindexAll } from '../search/documents';
import { markSearchDocumentsCurrent } from '../search/refresh';
import { CALENDAR_DAYS, CALENDAR_YEARS } from './calendar';
import { ensureDefaultSubsidyRules } from './subsidy-rules';
import { COURSES } from './courses';
import { buildFairs, EMPLOYERS } from './fairs';
import { OCCUPATIONS, TARGET_GROUPS } from './occupations';
import { PLACE_JITTER_METRES, PLACES } from './places';
import { PROVIDERS } from './providers';
import { beijingInstant, jitter, rngFor } from './random';
import { buildRuns } from './runs';
import { SERVICES } from './services';
import { materialsOf } from './service-materials';
import { buildStations } from './stations';
import { STREETS } from './streets';

export { CALENDAR_2027_NOTE } from './calendar';

/** Tables in insertion order (parents first); counts are reported in this order. */
const SEEDED_TABLES: readonly Table[] = [
  streets,
  providers,
  places,
  occupations,
  occupationLevels,
  targetGroups,
  courses,
  courseRuns,
  runCertificates,
  runTargetGroups,
  services,
  stations,
  stationHours,
  stationExceptions,
  stationServices,
  calendarDays,
  calendarYears,
  fairs,
  fairEmployers,
  fairPositions,
  searchDocs,
  searchGrams,
];

/** Fills an empty database. Throws if it already holds data (use clearAllData first). */
export function seedSampleData(db: DB, opts: { today: string }): Record<string, number> {
  const { today } = opts;
  if (!isDateString(today)) throw new Error(`seedSampleData: today must be 'YYYY-MM-DD', got ${JSON.stringify(today)}`);
  const existing = db.select({ n: count() }).from(streets).get()!.n;
  if (existing > 0) throw new Error('seedSampleData: the database already has data (streets is not empty); clear it first.');
  db.$client.transaction(() => {
    insertAll(db, today);
    db.insert(siteMeta).values({ key: SAMPLE_DATA_KEY, value: today }).run();
  })();
  return countRows(db);
}

export function countRows(db: DB): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of SEEDED_TABLES) counts[getTableName(t)] = db.select({ n: count() }).from(t).get()!.n;
  return counts;
}

/**
 * Deletes every row of every table (not the migration journal), children first, so `reset`
 * can reseed. The order comes from the foreign keys themselves, so tables added later are
 * covered without editing this list.
 */
export function clearAllData(db: DB): void {
  const client = db.$client;
  const all = client.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string | null }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const tables = all
    .map((t) => t.name)
    .filter(
      (n) =>
        !n.startsWith('sqlite_') &&
        n !== '__drizzle_migrations' &&
        // FTS5 tables (and their shadow tables) follow search_docs through its triggers.
        !virtual.some((v) => n === v || n.startsWith(`${v}_`)),
    );
  const parents = new Map<string, string[]>();
  for (const t of tables) {
    const fks = client.prepare(`SELECT "table" AS parent FROM pragma_foreign_key_list(?)`).all(t) as { parent: string }[];
    parents.set(
      t,
      fks.map((f) => f.parent).filter((p) => p !== t),
    );
  }
  // Delete a table only once nothing left still references it.
  const order: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => ![...remaining].some((other) => other !== t && parents.get(other)!.includes(t)));
    if (ready.length === 0) throw new Error(`clearAllData: foreign-key cycle among ${[...remaining].join(', ')}`);
    for (const t of ready.sort()) {
      order.push(t);
      remaining.delete(t);
    }
  }
  client.transaction(() => {
    for (const t of order) client.prepare(`DELETE FROM "${t.replace(/"/g, '""')}"`).run();
  })();
}

// ---------------------------------------------------------------------------------------------

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seed: unknown ${what} ${key}`);
  return v;
}

/**
 * The facts every deployment needs, sample or real: the 26 街镇, the 医保 services, 工种 with
 * their levels, target groups and the holiday / 调休 calendar (see DOMAIN.md). No providers,
 * places, courses, stations, fairs or accounts.
 */
function insertReference(db: DB) {
  const streetIds = new Map<string, number>();
  STREETS.forEach((s, i) => {
    const id = i + 1;
    db.insert(streets).values({ id, name: s.name, kind: s.kind, lat: s.lat, lng: s.lng, sort: i + 1 }).run();
    streetIds.set(s.name, id);
  });
  const occupationIds = new Map<string, number>();
  OCCUPATIONS.forEach((o, i) => {
    const id = i + 1;
    db.insert(occupations).values({ id, name: o.name, category: o.category, description: o.description, sort: i + 1 }).run();
    for (const level of o.levels) db.insert(occupationLevels).values({ occupationId: id, level }).run();
    occupationIds.set(o.name, id);
  });
  TARGET_GROUPS.forEach((g, i) => db.insert(targetGroups).values({ code: g.code, name: g.name, sort: i + 1 }).run());
  const serviceIds = new Map<string, number>();
  SERVICES.forEach((s, i) => {
    const id = i + 1;
    db.insert(services).values({ id, name: s.name, category: s.category, description: s.description, online: s.online, ...materialsOf(s.name), sort: s.sort }).run();
    serviceIds.set(s.name, id);
  });
  for (const d of CALENDAR_DAYS) db.insert(calendarDays).values(d).run();
  for (const y of CALENDAR_YEARS) db.insert(calendarYears).values(y).onConflictDoUpdate({ target: calendarYears.year, set: { provisional: y.provisional } }).run();
  ensureDefaultSubsidyRules(db);
  return { streetIds, occupationIds, serviceIds };
}

/** Reference tables only (see insertReference), for a real deployment. Throws if not empty. */
export function seedReferenceData(db: DB): Record<string, number> {
  const existing = db.select({ n: count() }).from(streets).get()!.n;
  if (existing > 0) throw new Error('seedReferenceData: the database already has data (streets is not empty).');
  db.$client.transaction(() => insertReference(db))();
  const counts: Record<string, number> = {};
  for (const t of [streets, services, occupations, occupationLevels, targetGroups, calendarDays, calendarYears, subsidyRules]) counts[getTableName(t)] = db.select({ n: count() }).from(t).get()!.n;
  return counts;
}

function insertAll(db: DB, today: string): void {
  // A fixed instant long before any sample activity, for reference records.
  const longAgo = beijingInstant(addDays(today, -400), '09:00');

  // --- Reference data (also what a real deployment starts from) ------------------------------
  const { streetIds, occupationIds, serviceIds } = insertReference(db);

  // --- Providers and places ------------------------------------------------------------------

  const providerIds = new Map<string, number>();
  const providerNames = new Map<string, { name: string; shortName: string }>();
  PROVIDERS.forEach((p, i) => {
    const id = i + 1;
    db.insert(providers)
      .values({ id, name: p.name, shortName: p.shortName, intro: p.intro, phone: p.phone, address: p.address, createdAt: longAgo, updatedAt: longAgo })
      .run();
    providerIds.set(p.key, id);
    providerNames.set(p.key, { name: p.name, shortName: p.shortName });
  });

  const placeRng = rngFor('places');
  const placeIds = new Map<string, number>();
  PLACES.forEach((pl, i) => {
    const id = i + 1;
    const street = pl.street === null ? null : STREETS.find((s) => s.name === pl.street);
    if (pl.street !== null && !street) throw new Error(`seed: unknown 街镇 ${pl.street}`);
    const pos = pl.at ?? jitter(placeRng, street!, PLACE_JITTER_METRES);
    db.insert(places)
      .values({
        id,
        name: pl.name,
        kind: pl.kind,
        providerId: pl.provider ? must(providerIds, pl.provider, 'provider') : null,
        streetId: pl.street === null ? null : must(streetIds, pl.street, '街镇'),
        address: pl.address,
        lat: pos.lat,
        lng: pos.lng,
        note: pl.note ?? null,
      })
      .run();
    placeIds.set(pl.key, id);
  });

  // --- Courses ------------------------------------------------------------------------------
  // Published dates spread over the last 60 days, in an order unrelated to the list above, so
  // "newest first" mixes providers the way real publishing would.
  const pubRng = rngFor('course-published');
  const publishedKeys = COURSES.filter((c) => c.publication !== 'draft' && c.publication !== 'review')
    .map((c) => ({ key: c.key, r: pubRng.next() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.key);
  const daysAgo = new Map(publishedKeys.map((k, i) => [k, 2 + Math.round((i * 56) / Math.max(1, publishedKeys.length - 1))]));

  const courseIds = new Map<string, number>();
  COURSES.forEach((c, i) => {
    const id = i + 1;
    for (const key of [...c.theory, ...(c.practice ? [c.practice] : [])]) must(placeIds, key, 'place');
    const ago = daysAgo.get(c.key);
    const publishedAt = ago === undefined ? null : beijingInstant(addDays(today, -ago), `${String(9 + (i % 8)).padStart(2, '0')}:30`);
    const createdAt = publishedAt ? new Date(publishedAt.getTime() - 3 * 86_400_000) : beijingInstant(addDays(today, -5), '14:00');
    const updatedAt = c.publication === 'withdrawn' ? beijingInstant(addDays(today, -1), '16:00') : (publishedAt ?? createdAt);
    db.insert(courses)
      .values({
        id,
        title: c.title,
        occupationId: must(occupationIds, c.occupation, 'occupation'),
        level: c.level,
        providerId: must(providerIds, c.provider, 'provider'),
        summary: c.summary,
        suitableFor: c.suitableFor,
        requirements: c.requirements,
        content: c.content,
        method: c.method,
        materials: c.materials,
        assessment: c.assessment,
        outcomes: c.outcomes,
        durationDays: c.durationDays,
        publishedAt,
        publication: c.publication,
        createdAt,
        updatedAt,
      })
      .run();
    courseIds.set(c.key, id);
  });

  // --- Runs -----------------------------------------------------------------------------------
  const runs = buildRuns(today);
  runs.forEach((r, i) => {
    const id = i + 1;
    db.insert(courseRuns)
      .values({
        id,
        courseId: must(courseIds, r.courseKey, 'course'),
        label: r.label,
        startDate: r.startDate,
        endDate: r.endDate,
        classDays: r.classDays,
        dailyStart: r.dailyStart,
        dailyEnd: r.dailyEnd,
        theoryPlaceId: must(placeIds, r.theoryPlace, 'place'),
        practicePlaceId: r.practicePlace ? must(placeIds, r.practicePlace, 'place') : null,
        seats: r.seats,
        seatsLeft: r.seatsLeft,
        deadline: r.deadline,
        costType: r.costType,
        fee: r.fee,
        subsidy: r.subsidy,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
        note: r.note,
        publication: r.publication,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
      })
      .run();
    for (const cert of r.certificates) db.insert(runCertificates).values({ runId: id, ...cert }).run();
    for (const g of r.groups) db.insert(runTargetGroups).values({ runId: id, groupCode: g }).run();
  });

  // --- Stations -------------------------------------------------------------------------------

  const stationSeeds = buildStations(today);
  stationSeeds.forEach((s, i) => {
    const id = i + 1;
    db.insert(stations)
      .values({
        id,
        name: s.name,
        hostType: s.hostType,
        hostName: s.hostName,
        streetId: must(streetIds, s.street, '街镇'),
        address: s.address,
        lat: s.lat,
        lng: s.lng,
        phone: s.phone,
        hasWindow: s.hasWindow,
        hasSelfService: s.hasSelfService,
        hasAiAvatar: s.hasAiAvatar,
        isAccessible: s.isAccessible,
        status: s.status,
        openingDate: s.openingDate,
        statusReason: null,
        lastVerifiedOn: s.lastVerifiedOn,
        directions: s.directions,
        publication: s.publication,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
      })
      .run();
    for (const h of s.hours) db.insert(stationHours).values({ stationId: id, ...h }).run();
    for (const e of s.exceptions) db.insert(stationExceptions).values({ stationId: id, ...e }).run();
    for (const sv of s.services) db.insert(stationServices).values({ stationId: id, serviceId: must(serviceIds, sv.name, 'service'), mode: sv.mode }).run();
  });

  // --- Fairs ---------------------------------------------------------------------------------
  const venueNotes = Object.fromEntries(PLACES.filter((p) => p.kind === 'venue' && p.note).map((p) => [p.key, p.note!]));
  const fairSeeds = buildFairs(today, venueNotes);
  let employerId = 0;
  let positionId = 0;
  fairSeeds.forEach((f, i) => {
    const id = i + 1;
    db.insert(fairs)
      .values({
        id,
        title: f.title,
        type: f.type,
        organiser: f.organiser,
        placeId: f.place === null ? null : must(placeIds, f.place, 'place'),
        onlineUrl: f.onlineUrl,
        startsAt: f.startsAt,
        endsAt: f.endsAt,
        recurrence: f.recurrence,
        status: f.status,
        statusNote: f.statusNote,
        description: f.description,
        howToAttend: f.howToAttend,
        contactPhone: f.contactPhone,
        publication: f.publication,
        createdAt: f.createdAt,
        updatedAt: f.createdAt,
      })
      .run();
    for (const e of f.employers) {
      const emp = EMPLOYERS[e.key];
      employerId++;
      db.insert(fairEmployers).values({ id: employerId, fairId: id, name: emp.name, industry: emp.industry, intro: emp.intro, booth: e.booth }).run();
      for (const pos of emp.positions) {
        positionId++;
        db.insert(fairPositions)
          .values({
            id: positionId,
            employerId,
            title: pos.title,
            headcount: pos.headcount,
            payMin: pos.pay?.[0] ?? null,
            payMax: pos.pay?.[1] ?? null,
            payUnit: pos.unit ?? 'month',
            requirements: pos.requirements,
            courseId: pos.course ? must(courseIds, pos.course, 'course') : null,
          })
          .run();
      }
    }
  });

  // --- Search documents, from what was just written ---------------------------------------
  reindexAll(db);
  markSearchDocumentsCurrent(db);
}
