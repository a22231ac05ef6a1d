/**
 * The admin list of training providers (培训机构) as a declaration on the list-search engine:
 * in id order, 100 a page, no filters yet. Scope: what the actor may view (permissions.ts —
 * 编辑 and 管理员 every provider, a 培训机构 its own; the page itself still sends a 培训机构 to
 * its provider's page, as before). Usage counts are read fresh for the page's providers
 * (./usage.ts): accounts are not in the change log.
 */
import 'server-only';
import { inArray } from 'drizzle-orm';
import type { DB } from '../../client';
import { providers } from '../../schema';
import { can } from '../../auth/permissions';
import { fields, one } from '../../validation/search-params';
import { defineList, type Scope, type ValuesOf } from '../../search/engine';
import { providerUsage, type ProviderUsage } from './usage';

export const PROVIDER_PAGE_SIZE = 100;

export const providerListShape = { page: one(fields.page, 1) };
export type ProviderListValues = ValuesOf<typeof providerListShape>;

type ProviderIndexRow = { group: number; name: string; shortName: string; phone: string; updatedAt: Date };

const columns = { group: providers.id, name: providers.name, shortName: providers.shortName, phone: providers.phone, updatedAt: providers.updatedAt };


export const adminProviderList = defineList({
  name: 'admin-providers',
  shape: providerListShape,
  source: {
    name: 'providers',
    loadAll: async (db) => db.select(columns).from(providers).all(),
    loadGroups: async (db, ids) => db.select(columns).from(providers).where(inArray(providers.id, [...ids])).all(),
    loadRefs: async () => null,
    changes: { providers: 'group' },
  },
  filters: [],
  // In id order (ties fall to the group id).
  orders: { id: { key: () => [] } },
  pageSize: PROVIDER_PAGE_SIZE,
  scope: (scope) => (scope.kind === 'admin' ? (r) => can(scope.actor, 'view', { kind: 'provider', providerId: r.group }) : () => false),
  items: async (_db, page) => page.map(({ rows: [r] }) => ({ id: r!.group, name: r!.name, shortName: r!.shortName, phone: r!.phone, updatedAt: r!.updatedAt })),
});

type Input = Parameters<typeof adminProviderList.search>[1];
export type ProviderListItem = Awaited<ReturnType<typeof adminProviderList.search>>['items'][number] & ProviderUsage;

/** One page of the providers list, for a signed-in actor: what it may view, with each provider's usage. */
export async function listProvidersForAdmin(db: DB, input: Input, scope: Extract<Scope, { kind: 'admin' }>) {
  const result = await adminProviderList.search(db, input, scope);
  const usage = await providerUsage(db, result.items.map((i) => i.id));
  const items: ProviderListItem[] = result.items.map((i) => ({ ...i, ...usage.get(i.id)! }));
  return { ...result, items };
}

/** The list's address at another page (the pager's links). */
export function providerListQuery(values: ProviderListValues, page: number): string {
  return adminProviderList.query({ ...values, page });
}
