/**
 * GET /admin/spreadsheets/export/<table>?format=csv|xlsx — one admin table as a download.
 * Checks the session and the 'export' permission itself (401 / 403 with a Chinese message).
 */
import { getDb } from '@/db/index';
import { beijingToday } from '@/db/domain/time';
import { canExport, EXPORTS, isExportTable } from '@/db/admin/spreadsheets/exports';
import { toCsv, toXlsx } from '@/db/admin/spreadsheets/sheet';
import { CSV_TYPE, downloadResponse, routeActor, textResponse, XLSX_TYPE } from '@/db/admin/spreadsheets/http';
import { sheets } from '@/components/admin/spreadsheets/strings';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ table: string }> }) {
  const actor = await routeActor(sheets.refused.unauthenticated);
  if (actor instanceof Response) return actor;
  const { table } = await ctx.params;
  if (!isExportTable(table)) return textResponse(404, sheets.refused.unknownTable);
  if (!canExport(actor, table)) return textResponse(403, sheets.refused.forbidden);
  const format = new URL(req.url).searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const def = EXPORTS[table];
  const sheet = def.sheet(getDb());
  const day = beijingToday();
  if (format === 'xlsx') {
    const buf = await toXlsx(sheet, def.label);
    return downloadResponse(new Uint8Array(buf), XLSX_TYPE, `${def.label}-${day}.xlsx`, `${def.slug}-${day}.xlsx`);
  }
  return downloadResponse(toCsv(sheet), CSV_TYPE, `${def.label}-${day}.csv`, `${def.slug}-${day}.csv`);
}
