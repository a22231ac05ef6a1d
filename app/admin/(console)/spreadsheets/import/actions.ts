'use server';
/**
 * Confirming or discarding an uploaded import. The file itself never comes back from the
 * browser: the action names the preview token, and the server plans the stored rows again
 * against the database as it is now before writing anything.
 */
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { requireActor } from '@/db/auth/guard';
import { authorize, can, Forbidden } from '@/db/auth/permissions';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, NotFound, parseInput, StateError, type ActionResult } from '@/db/admin/action';
import { applyImport, importResource } from '@/db/admin/spreadsheets/import';
import { dropPreview, getPreview, markDone } from '@/db/admin/spreadsheets/previews';
import { sheets } from '@/components/admin/spreadsheets/strings';

const tokenInput = z.object({ token: z.string({ error: '缺少预览编号，请重新上传文件' }).trim().min(1, '缺少预览编号，请重新上传文件').max(100) });

/** No scoped account may import at all: refuse before looking at anything else. */
function requireImporter(actor: Parameters<typeof can>[0]) {
  if (!can(actor, 'import', importResource('stations')) && !can(actor, 'import', importResource('runs'))) throw new Forbidden(sheets.refused.forbiddenImport);
}

export async function confirmImport(input: unknown): Promise<ActionResult<{ created: number; updated: number; unchanged: number }>> {
  return guarded('spreadsheets.confirmImport', async () => {
    const actor = await requireActor();
    requireImporter(actor);
    const { token } = parseInput(tokenInput, input);
    const preview = getPreview(token, actor.id);
    if (!preview) throw new NotFound(sheets.preview.gone);
    authorize(actor, 'import', importResource(preview.kind));
    if (preview.result) throw new StateError('这个文件已经导入过了，不会重复导入。');
    const result = applyImport(getDb(), actor, preview.kind, preview.table, {
      fileName: preview.fileName,
      previewVersions: preview.versions,
      ip: clientIp(await headers()),
    });
    markDone(token, result);
    return { ok: true, message: sheets.result.summary(result.created, result.updated, result.unchanged), created: result.created, updated: result.updated, unchanged: result.unchanged };
  });
}

export async function discardImport(input: unknown): Promise<ActionResult> {
  return guarded('spreadsheets.discardImport', async () => {
    const actor = await requireActor();
    requireImporter(actor);
    const { token } = parseInput(tokenInput, input);
    dropPreview(token, actor.id);
    return { ok: true, message: sheets.preview.discarded };
  });
}
