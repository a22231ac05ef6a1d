/**
 * What an audit entry is about, in words: the record's name now and, for stations, places and
 * fairs, its address — so an entry about a station's hours (whose snapshot holds only the hours)
 * still says which station and where. One query per kind of record on the page, never per entry.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DB } from '../client';
import { calendarDays, courseRuns, courses, fairs, places, providers, services, stations, subsidyRules, users, type AuditEntity } from '../schema';

/** `courseId`: a run's course, whose page holds the run. */
export type AuditRecord = { name: string; address: string | null; online?: boolean; courseId?: number };

/** 'station:12' → the record's name and address, for the records that still exist. */
export type AuditRecords = Map<string, AuditRecord>;

export const recordKey = (entity: AuditEntity, id: number) => `${entity}:${id}`;

/** The calendar's audit id is the date without dashes (20261001). */
function dateOfCalendarId(id: number): string {
  const s = String(id);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Names and addresses of the records `refs` point at (管理员 and 编辑: called by queryAudit after its check). */
export async function auditRecordsOf(db: DB, refs: readonly { entity: AuditEntity; entityId: number | null }[]): Promise<AuditRecords> {
  const ids = new Map<AuditEntity, number[]>();
  for (const r of refs) {
    if (r.entityId === null || r.entity === 'session' || r.entity === 'import') continue;
    const list = ids.get(r.entity) ?? [];
    if (!list.includes(r.entityId)) list.push(r.entityId);
    ids.set(r.entity, list);
  }
  const out: AuditRecords = new Map();
  const put = (entity: AuditEntity, id: number, rec: AuditRecord) => out.set(recordKey(entity, id), rec);
  for (const [entity, list] of ids) {
    switch (entity) {
      case 'station':
        for (const s of db.select({ id: stations.id, name: stations.name, address: stations.address }).from(stations).where(inArray(stations.id, list)).all())
          put(entity, s.id, { name: s.name, address: s.address });
        break;
      case 'place':
        for (const p of db.select({ id: places.id, name: places.name, address: places.address }).from(places).where(inArray(places.id, list)).all())
          put(entity, p.id, { name: p.name, address: p.address });
        break;
      case 'fair':
        for (const f of db
          .select({ id: fairs.id, title: fairs.title, place: places.name, address: places.address })
          .from(fairs)
          .leftJoin(places, eq(places.id, fairs.placeId))
          .where(inArray(fairs.id, list))
          .all())
          put(entity, f.id, f.address === null ? { name: f.title, address: null, online: true } : { name: f.title, address: `${f.place}（${f.address}）` });
        break;
      case 'course':
        for (const c of db.select({ id: courses.id, title: courses.title }).from(courses).where(inArray(courses.id, list)).all())
          put(entity, c.id, { name: c.title, address: null });
        break;
      case 'run':
        for (const r of db
          .select({ id: courseRuns.id, courseId: courseRuns.courseId, label: courseRuns.label, title: courses.title })
          .from(courseRuns)
          .innerJoin(courses, eq(courses.id, courseRuns.courseId))
          .where(inArray(courseRuns.id, list))
          .all())
          put(entity, r.id, { name: `${r.title} ${r.label}`, address: null, courseId: r.courseId });
        break;
      case 'provider':
        for (const p of db.select({ id: providers.id, name: providers.name, address: providers.address }).from(providers).where(inArray(providers.id, list)).all())
          put(entity, p.id, { name: p.name, address: p.address });
        break;
      case 'subsidy_rule':
        for (const s of db.select({ id: subsidyRules.id, title: subsidyRules.title }).from(subsidyRules).where(inArray(subsidyRules.id, list)).all())
          put(entity, s.id, { name: s.title, address: null });
        break;
      case 'service':
        for (const s of db.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, list)).all())
          put(entity, s.id, { name: s.name, address: null });
        break;
      case 'user':
        for (const u of db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, list)).all())
          put(entity, u.id, { name: `${u.displayName}（${u.username}）`, address: null });
        break;
      case 'calendar': {
        const dates = list.map(dateOfCalendarId);
        const byDate = new Map(db.select({ date: calendarDays.date, name: calendarDays.name }).from(calendarDays).where(inArray(calendarDays.date, dates)).all().map((d) => [d.date, d.name]));
        for (const id of list) {
          const date = dateOfCalendarId(id);
          const name = byDate.get(date);
          put(entity, id, { name: name ? `${date} ${name}` : date, address: null });
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Names of the service catalogue, for entries that change which services a station offers. */
export async function serviceNamesOf(db: DB): Promise<Record<number, string>> {
  return Object.fromEntries(db.select({ id: services.id, name: services.name }).from(services).all().map((s) => [s.id, s.name]));
}
