/**
 * The admin fair list: the resident list's filters and rows on the same engine, in the admin
 * scope (any publication, past and upcoming together by default) with publication and status
 * filters. It takes the signed-in actor and shows what that actor may view; there is no admin
 * read without one.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import * as zm from 'zod/mini';
import type { DB } from '../../client';
import { FAIR_STATUSES, PUBLICATION, fairs, places, type FairStatus, type FairType, type Publication } from '../../schema';
import { authorize, can, type Actor } from '../../auth/permissions';
import { defineList, type SearchResult, type ValuesOf } from '../../search/engine';
import { adminFairOrders, fairFilters, oneCode } from '../../queries/fairs/filters';
import { fairSource } from '../../queries/fairs/rows';
import { fairSearchShape } from '../../validation/fair-search';
import { one, parseParams } from '../../validation/search-params';

const FAIR: { kind: 'fair' } = { kind: 'fair' };

export const ADMIN_FAIR_WHEN = ['all', 'upcoming', 'past'] as const;
export const ADMIN_FAIR_PAGE_SIZE = 20;

const adminFairSearchShape = {
  q: fairSearchShape.q,
  type: fairSearchShape.type,
  street: fairSearchShape.street,
  date: fairSearchShape.date,
  when: one(zm.enum(ADMIN_FAIR_WHEN), 'all' as (typeof ADMIN_FAIR_WHEN)[number]),
  pub: one(zm.nullable(zm.enum(PUBLICATION)), null as Publication | null),
  status: one(zm.nullable(zm.enum(FAIR_STATUSES)), null as FairStatus | null),
  page: fairSearchShape.page,
};

export type AdminFairSearch = ValuesOf<typeof adminFairSearchShape>;

/** Reads the admin list's query string; unreadable parameters fall back and are named. */
export function parseAdminFairSearch(input: Parameters<typeof parseParams>[0]) {
  return parseParams(input, adminFairSearchShape);
}

export type AdminFairRow = {
  id: number;
  title: string;
  type: FairType;
  publication: Publication;
  status: FairStatus;
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  venue: string | null;
  online: boolean;
  employers: number;
  positions: number;
  updatedAt: Date;
};

/** The rows of the given fairs, in the given order. */
async function adminRows(db: DB, ids: readonly number[]): Promise<AdminFairRow[]> {
  const rows = db
    .select({
      id: fairs.id,
      title: fairs.title,
      type: fairs.type,
      publication: fairs.publication,
      status: fairs.status,
      startsAt: fairs.startsAt,
      endsAt: fairs.endsAt,
      recurring: sql<boolean>`${fairs.recurrence} is not null`.mapWith(Boolean),
      venue: places.name,
      online: sql<boolean>`${fairs.onlineUrl} is not null`.mapWith(Boolean),
      employers: sql<number>`(select count(*) from fair_employers e where e.fair_id = ${fairs.id})`,
      positions: sql<number>`(select count(*) from fair_positions p join fair_employers e on e.id = p.employer_id where e.fair_id = ${fairs.id})`,
      updatedAt: fairs.updatedAt,
    })
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .where(inArray(fairs.id, [...ids]))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AdminFairRow => r !== undefined);
}

export const adminFairList = defineList({
  name: 'admin-fairs',
  shape: adminFairSearchShape,
  source: fairSource,
  filters: [
    ...fairFilters<AdminFairSearch>({ whenDefault: 'all', facets: false }),
    oneCode<AdminFairSearch, 'pub'>({ key: 'pub', param: 'pub', codes: PUBLICATION, of: (r) => r.publication, facet: false }),
    oneCode<AdminFairSearch, 'status'>({ key: 'status', param: 'status', codes: FAIR_STATUSES, of: (r) => r.status, facet: false }),
  ],
  orders: adminFairOrders,
  orderParam: 'when',
  clock: 'minute',
  pageSize: ADMIN_FAIR_PAGE_SIZE,
  // What the actor may view: every fair for 管理员 and 编辑, nothing for anyone else (and
  // nothing at all for a public scope: this list is never read without an actor).
  scope: (scope) => (scope.kind === 'admin' && can(scope.actor, 'view', FAIR) ? null : () => false),
  items: (db, page) => adminRows(db, page.map((m) => m.group)),
});

export type AdminFairResult = SearchResult<AdminFairRow, AdminFairSearch>;

/** One page of the admin list for this actor (Forbidden when it may not view fairs). */
export async function listAdminFairs(db: DB, actor: Actor, input: Parameters<typeof parseParams>[0], now: Date = new Date()): Promise<AdminFairResult> {
  authorize(actor, 'view', FAIR);
  return adminFairList.search(db, input, { kind: 'admin', actor }, { now });
}

/** The list's address for these values at another page. */
export function adminFairQuery(v: AdminFairSearch, page = v.page): string {
  return adminFairList.query({ ...v, page });
}
