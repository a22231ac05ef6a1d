/**
 * GET /admin/spreadsheets/export/<table>?format=csv|xlsx — one admin table as a download.
 * Goes through the spreadsheet routes' gate: the session and the 'export' permission (401 / 403 with a Chinese message).
 */
import { getDb } from '@/db/index';
import { beijingToday } from '@/db/domain/time';
import { canExport, EXPORTS, isExportTable } from '@/db/admin/spreadsheets/exports';
import { toCsv, toXlsx } from '@/db/admin/spreadsheets/sheet';
import { CSV_TYPE, downloadResponse, routeActor, textResponse, XLSX_TYPE } from '@/app/_server/route-handlers';
import { sheets } from '@/components/admin/spreadsheets/strings';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ table: string }> }) {
  const { table } = await ctx.params;
  // An unknown table passes the gate only to be answered 404 below, as before.
  const actor = await routeActor({ unauthenticated: sheets.refused.unauthenticated, forbidden: sheets.refused.forbidden }, (a) => !isExportTable(table) || canExport(a, table));
  if (actor instanceof Response) return actor;
  if (!isExportTable(table)) return textResponse(404, sheets.refused.unknownTable);
  const format = new URL(req.url).searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const def = EXPORTS[table];
  const sheet = await def.sheet(getDb());
  const day = beijingToday();
  if (format === 'xlsx') {
    const buf = await toXlsx(sheet, def.label);
    return downloadResponse(new Uint8Array(buf), XLSX_TYPE, `${def.label}-${day}.xlsx`, `${def.slug}-${day}.xlsx`);
  }
  return downloadResponse(toCsv(sheet), CSV_TYPE, `${def.label}-${day}.csv`, `${def.slug}-${day}.csv`);
}
