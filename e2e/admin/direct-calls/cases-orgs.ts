import type { Database } from 'better-sqlite3';
import type { Cases } from './types';

/**
 * Direct-call cases for the 机构与场地 actions (see types.ts). The 培训机构 demo account kangxin
 * (provider 4) aims at provider 1 (金匠人) and its classroom, which it does not own, with input
 * that would otherwise be valid — so a refusal can only come from the permission check. Creating
 * a provider and deleting anything are the bureau's alone, so kangxin is refused those outright;
 * the 驿站 account youanmen may touch neither providers nor places.
 */
const FILE = 'app/admin/(console)/orgs/actions.ts';

function provider(db: Database, id = 1): { id: number; version: number; name: string; shortName: string; intro: string; phone: string; address: string } {
  return db.prepare('SELECT id, version, name, short_name AS shortName, intro, phone, address FROM providers WHERE id = ?').get(id) as never;
}

function place(db: Database): { id: number; version: number; name: string; streetId: number | null; address: string; lat: number; lng: number } {
  return db
    .prepare(`SELECT id, version, name, street_id AS streetId, address, lat, lng FROM places WHERE provider_id = 1 AND kind = 'classroom' ORDER BY id LIMIT 1`)
    .get() as never;
}

const placeFields = (p: ReturnType<typeof place>) => ({
  name: `${p.name}（被篡改）`,
  kind: 'classroom',
  providerId: '1',
  streetId: p.streetId === null ? '' : String(p.streetId),
  address: p.address,
  lat: String(p.lat),
  lng: String(p.lng),
  note: '',
});

export const orgsCases: Cases = {
  [`${FILE}#createProviderAction`]: {
    args: () => [{ name: '直接调用测试机构', shortName: '直调机构', intro: '', phone: '010-63800000', address: '北京市丰台区某路1号' }],
    scoped: 'kangxin',
  },
  [`${FILE}#updateProviderAction`]: {
    args: (db) => {
      const p = provider(db);
      return [{ ...p, phone: '010-60000000', intro: '被篡改的介绍' }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#deleteProviderAction`]: {
    args: (db) => {
      const p = provider(db);
      return [{ id: p.id, version: p.version }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#createPlaceAction`]: {
    args: (db) => [{ ...placeFields(place(db)), name: '直接调用测试教室' }],
    scoped: 'kangxin',
  },
  [`${FILE}#updatePlaceAction`]: {
    args: (db) => {
      const p = place(db);
      return [{ ...placeFields(p), id: p.id, version: p.version }];
    },
    scoped: 'kangxin',
  },
  [`${FILE}#deletePlaceAction`]: {
    args: (db) => {
      const p = place(db);
      return [{ id: p.id, version: p.version }];
    },
    scoped: 'youanmen',
  },
};
