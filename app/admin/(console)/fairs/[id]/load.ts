import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import type { Actor } from '@/db/auth/permissions';
import { loadAdminFair } from '@/db/admin/fairs/edit';
import { parseRouteId } from '@/db/validation/search-params';

/** The fair an admin page is about (once per request); null for a garbled or unknown id. */
export const loadFairPage = cache((actor: Actor, raw: string) => {
  const id = parseRouteId(raw);
  return id === null ? Promise.resolve(null) : loadAdminFair(getDb(), actor, id);
});
