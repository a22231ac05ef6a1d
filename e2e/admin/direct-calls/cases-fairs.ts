import type { Database } from 'better-sqlite3';
import type { Cases } from './types';

/**
 * Direct-call cases for the fairs actions (see types.ts). No 培训机构 or 驿站 account may touch
 * any fair, so every call aims at a real, published fair with well-formed input: the refusal
 * must come from the role check, not from bad arguments.
 */
const FILE = 'app/admin/(console)/fairs/actions.ts';

type Target = { fairId: number; version: number; employerId: number; positionId: number };

function target(db: Database): Target {
  return db
    .prepare(
      `SELECT f.id AS fairId, f.version AS version, e.id AS employerId, p.id AS positionId
       FROM fairs f JOIN fair_employers e ON e.fair_id = f.id JOIN fair_positions p ON p.employer_id = e.id
       WHERE f.publication = 'published' ORDER BY f.id, e.id, p.id LIMIT 1`,
    )
    .get() as Target;
}

const fields = {
  title: '直接调用测试招聘会',
  type: 'general',
  organiser: '丰台区人力资源和社会保障局',
  placeId: '',
  onlineUrl: 'https://example.org/live',
  startsAt: '2027-01-10T09:00',
  endsAt: '2027-01-10T12:00',
  weekdays: [],
  opens: '',
  closes: '',
  status: 'scheduled',
  statusNote: '',
  description: '',
  howToAttend: '带身份证',
  contactPhone: '010-63800000',
};

export const fairsCases: Cases = {
  [`${FILE}#createFairAction`]: { args: () => [fields], scoped: 'kangxin' },
  [`${FILE}#updateFairAction`]: {
    args: (db) => {
      const t = target(db);
      return [{ ...fields, id: t.fairId, version: t.version }];
    },
    scoped: 'youanmen',
  },
  [`${FILE}#transitionFairAction`]: {
    args: (db) => {
      const t = target(db);
      return [{ id: t.fairId, version: t.version, move: 'withdraw' }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#saveEmployerAction`]: {
    args: (db) => {
      const t = target(db);
      return [{ fairId: t.fairId, fairVersion: t.version, employerId: t.employerId, name: '改名的单位', industry: '物流', intro: '', booth: '' }];
    },
    scoped: 'youanmen',
  },
  [`${FILE}#deleteEmployerAction`]: {
    args: (db) => {
      const t = target(db);
      return [{ fairId: t.fairId, fairVersion: t.version, employerId: t.employerId }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#savePositionAction`]: {
    args: (db) => {
      const t = target(db);
      return [
        {
          fairId: t.fairId,
          fairVersion: t.version,
          employerId: t.employerId,
          positionId: t.positionId,
          title: '改名的岗位',
          headcount: '9',
          payMin: '5000',
          payMax: '6000',
          payUnit: 'month',
          requirements: '',
          courseId: '',
        },
      ];
    },
    scoped: 'youanmen',
  },
  [`${FILE}#deletePositionAction`]: {
    args: (db) => {
      const t = target(db);
      return [{ fairId: t.fairId, fairVersion: t.version, positionId: t.positionId }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#cloneFairAction`]: {
    args: (db) => [{ id: target(db).fairId, title: '直接调用复制', startsAt: '2027-02-01T09:00', endsAt: '2027-02-01T12:00' }],
    scoped: 'youanmen',
  },
};
