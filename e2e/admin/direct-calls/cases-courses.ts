import type { Database } from 'better-sqlite3';
import type { Cases } from './types';

/**
 * Direct-call cases for the courses actions (see types.ts). Every attempt is aimed at a course
 * or run of provider 1 (金匠人), which the 培训机构 demo account kangxin (provider 4) does not own.
 */
const FILE = 'app/admin/(console)/courses/actions.ts';

function otherCourse(db: Database): { id: number; version: number } {
  return db.prepare(`SELECT id, version FROM courses WHERE provider_id = 1 ORDER BY id LIMIT 1`).get() as { id: number; version: number };
}

function otherRun(db: Database): { id: number; version: number; courseId: number } {
  return db
    .prepare(`SELECT r.id, r.version, r.course_id AS courseId FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE c.provider_id = 1 ORDER BY r.id LIMIT 1`)
    .get() as { id: number; version: number; courseId: number };
}

const courseFields = {
  title: '直接调用测试课程',
  occupationId: '1',
  level: '5',
  providerId: '1',
  durationDays: '5',
  summary: '',
  suitableFor: '',
  requirements: '',
  content: '',
  method: '',
  materials: '',
  assessment: '',
  outcomes: '',
};

function runFields(db: Database) {
  const place = db.prepare(`SELECT id FROM places WHERE provider_id = 1 AND kind = 'classroom' LIMIT 1`).pluck().get() as number;
  return {
    label: '直接调用测试班',
    startDate: '2030-03-02',
    endDate: '2030-03-06',
    classDays: ['1', '2', '3', '4', '5'],
    dailyStart: '09:00',
    dailyEnd: '16:00',
    theoryPlaceId: String(place),
    practicePlaceId: '',
    seats: '30',
    seatsLeft: '30',
    deadline: '2030-02-25',
    costType: 'free',
    fee: '',
    subsidy: '',
    contactName: '王老师',
    contactPhone: '010-63800000',
    note: '',
    certificates: [],
    groups: [],
  };
}

export const coursesCases: Cases = {
  [`${FILE}#createCourseAction`]: { args: () => [courseFields], scoped: 'kangxin' },
  [`${FILE}#updateCourseAction`]: {
    args: (db) => {
      const c = otherCourse(db);
      // A stale version with a forged decision: the session and ownership are still asked first.
      return [{ ...courseFields, id: c.id, version: Math.max(1, c.version - 1), title: '被改掉的标题', resolved: { against: c.version, fields: ['title'] } }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#deleteCourseAction`]: {
    args: (db) => {
      const c = otherCourse(db);
      return [{ id: c.id, version: c.version }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#transitionCourseAction`]: {
    args: (db) => {
      const c = otherCourse(db);
      // With the reason 撤下 needs (issue 17), so the only thing wrong is whose course it is.
      return [{ id: c.id, version: c.version, move: 'withdraw', note: '直接调用测试' }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#createRunAction`]: {
    args: (db) => [{ ...runFields(db), courseId: otherCourse(db).id }],
    scoped: 'kangxin',
  },
  [`${FILE}#updateRunAction`]: {
    args: (db) => {
      const r = otherRun(db);
      return [{ ...runFields(db), id: r.id, version: r.version, seatsLeft: '0', resolved: { against: r.version, fields: ['seatsLeft'] } }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#cloneRunAction`]: {
    args: (db) => [{ id: otherRun(db).id, startDate: '2030-05-04', label: '复制出的班' }],
    scoped: 'kangxin',
  },
  [`${FILE}#deleteRunAction`]: {
    args: (db) => {
      const r = otherRun(db);
      return [{ id: r.id, version: r.version }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#transitionRunAction`]: {
    args: (db) => {
      const r = otherRun(db);
      return [{ id: r.id, version: r.version, move: 'withdraw', note: '直接调用测试' }];
    },
    scoped: 'kangxin',
  },
};
