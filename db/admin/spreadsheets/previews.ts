/**
 * Uploaded files waiting for "确认导入": kept in this server process's memory for 30 minutes
 * under a random token, tied to the account that uploaded them. Holds the rows as read from
 * the file (confirming plans them again) and the versions the preview showed. Capped in count
 * and rows so uploads cannot fill the memory; the oldest go first.
 */
import { randomBytes } from 'node:crypto';
import type { ImportKind } from '../../validation/admin/import';
import type { ImportPlan, ImportResult } from './import';
import type { ReadTable } from './sheet';

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
const MAX_PREVIEWS = 20;
const MAX_TOTAL_ROWS = 60_000;

export type Preview = {
  token: string;
  userId: number;
  kind: ImportKind;
  fileName: string;
  createdAt: number;
  table: ReadTable;
  plan: ImportPlan;
  versions: Record<number, number>;
  /** Set once confirmed: the same token then shows the result instead of a second import. */
  result?: ImportResult;
};

type Store = Map<string, Preview>;

// On globalThis so route handlers, pages and actions (bundled separately) share one store.
const g = globalThis as unknown as { __portalImportPreviews?: Store };
function store(): Store {
  g.__portalImportPreviews ??= new Map();
  return g.__portalImportPreviews;
}

function sweep(now: number) {
  const s = store();
  for (const [k, p] of s) if (now - p.createdAt > PREVIEW_TTL_MS) s.delete(k);
}

export function savePreview(p: Omit<Preview, 'token' | 'createdAt'>, now = Date.now()): Preview {
  sweep(now);
  const s = store();
  const token = randomBytes(18).toString('base64url');
  const entry: Preview = { ...p, token, createdAt: now };
  s.set(token, entry);
  // Oldest first (Map keeps insertion order).
  let rows = [...s.values()].reduce((n, x) => n + x.table.rows.length, 0);
  for (const [k, x] of s) {
    if (s.size <= MAX_PREVIEWS && rows <= MAX_TOTAL_ROWS) break;
    if (k === token) continue;
    s.delete(k);
    rows -= x.table.rows.length;
  }
  return entry;
}

/** The preview for this token if it is still fresh and belongs to this user. */
export function getPreview(token: unknown, userId: number, now = Date.now()): Preview | null {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
  sweep(now);
  const p = store().get(token);
  return p && p.userId === userId ? p : null;
}

export function markDone(token: string, result: ImportResult) {
  const p = store().get(token);
  if (p) {
    p.result = result;
    p.table = { headers: [], rows: [] };
  }
}

export function dropPreview(token: string, userId: number): boolean {
  const p = store().get(token);
  if (!p || p.userId !== userId) return false;
  return store().delete(token);
}
