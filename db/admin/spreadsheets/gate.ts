/**
 * Who may import, declared once for the import actions and the spreadsheet route handlers:
 * no scoped account (培训机构, 驿站) may import at all, and each import is asked again for its
 * kind (stations or runs). The confirm and discard writes go through the same gate as every
 * other admin write (../write.ts). Refusals are codes (ImportProblem), worded by the import
 * actions (components/admin/spreadsheets/strings.ts).
 */
import 'server-only';
import { z } from 'zod';
import type { DB } from '../../client';
import { can, Forbidden, type Actor } from '../../auth/permissions';
import type { ImportKind } from '../../validation/admin/import';
import { StateError } from '../errors';
import { writer } from '../write';
import { applyImport, importResource } from './import';
import { dropPreview, getPreview, markDone } from './previews';

/** Why a confirm or discard is refused, beyond the generic refusals. */
export const IMPORT_PROBLEMS = ['importForbidden', 'previewGone', 'alreadyImported', 'tokenMissing'] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];
const problem = <P extends ImportProblem>(p: P): P => p;

/** Anything an import can be of: an account that may import none of them is refused first. */
const ANY_IMPORT = [importResource('stations'), importResource('runs')] as const;

export function mayImport(actor: Actor, kind?: ImportKind): boolean {
  return kind ? can(actor, 'import', importResource(kind)) : ANY_IMPORT.some((r) => can(actor, 'import', r));
}

/** No scoped account may import at all: refused before anything else is looked at. */
function requireImporter(actor: Actor) {
  if (!mayImport(actor)) throw new Forbidden(problem('importForbidden'));
}

const tokenInput = z.object({ token: z.string({ error: problem('tokenMissing') }).trim().min(1, problem('tokenMissing')).max(100) });

/** The actor's own preview (another account's token finds nothing). */
const byToken = { key: tokenInput, row: (_db: DB, k: { token: string }, actor: Actor) => getPreview(k.token, actor.id), missing: problem('previewGone') };

/**
 * Writes the previewed file. The file never comes back from the browser: the action names the
 * preview token, and the server plans the stored rows again against the database as it is now.
 */
export const confirmImportWrite = writer({
  name: 'spreadsheets.confirmImport',
  account: requireImporter,
  permission: 'import',
  on: (preview) => importResource(preview!.kind),
  schema: tokenInput,
  load: byToken,
  run: (db, { actor, ip, data, row: preview }) => {
    if (preview.result) throw new StateError(problem('alreadyImported'));
    const result = applyImport(db, actor, preview.kind, preview.table, { fileName: preview.fileName, previewVersions: preview.versions, ip });
    markDone(data.token, result);
    return { created: result.created, updated: result.updated, unchanged: result.unchanged };
  },
});

/** Forgets the actor's own preview (someone else's token drops nothing). */
export const discardImportWrite = writer({
  name: 'spreadsheets.discardImport',
  account: requireImporter,
  permission: 'import',
  on: () => ANY_IMPORT,
  schema: tokenInput,
  run: (_db, { actor, data }) => {
    dropPreview(data.token, actor.id);
    return {};
  },
});
