/**
 * GET /admin/spreadsheets/template/<stations|runs>?format=csv|xlsx — an empty import template:
 * the header row (and in Excel a second sheet, 填写说明, with every column's rules and an example).
 */
import { beijingToday } from '@/db/domain/time';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '@/db/validation/admin/import';
import { mayImport } from '@/db/admin/spreadsheets/gate';
import { toCsv, toXlsx } from '@/db/admin/spreadsheets/sheet';
import { CSV_TYPE, downloadResponse, routeActor, textResponse, XLSX_TYPE } from '@/app/_server/route-handlers';
import { sheets } from '@/components/admin/spreadsheets/strings';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ kind: string }> }) {
  const { kind } = await ctx.params;
  const known = (IMPORT_KINDS as readonly string[]).includes(kind);
  // An unknown kind passes the gate only to be answered 404 below, as before.
  const actor = await routeActor({ unauthenticated: sheets.refused.unauthenticated, forbidden: sheets.refused.forbiddenImport }, (a) => !known || mayImport(a, kind as ImportKind));
  if (actor instanceof Response) return actor;
  if (!known) return textResponse(404, sheets.refused.unknownTable);
  const k = kind as ImportKind;
  const columns = IMPORT_COLUMNS[k];
  const label = sheets.import.kinds[k]!;
  const name = `${k === 'stations' ? '驿站导入模板' : '班期导入模板'}`;
  const slug = `${k}-import-template`;
  const day = beijingToday();
  const sheet = { headers: columns.map((c) => c.header), widths: columns.map((c) => c.width ?? 12), rows: [] };
  if (new URL(req.url).searchParams.get('format') === 'xlsx') {
    const help = {
      name: '填写说明',
      rows: [
        [sheets.import.columnHeader, sheets.import.columnHelp, sheets.import.columnExample],
        ...columns.map((c) => [c.header, c.help, c.example]),
        [],
        [label, sheets.import.kindHelp[k]!, ''],
        ...sheets.import.tips.map((t) => ['', t, '']),
      ],
      widths: [14, 90, 36],
    };
    const buf = await toXlsx(sheet, name, [help]);
    return downloadResponse(new Uint8Array(buf), XLSX_TYPE, `${name}-${day}.xlsx`, `${slug}-${day}.xlsx`);
  }
  return downloadResponse(toCsv(sheet), CSV_TYPE, `${name}-${day}.csv`, `${slug}-${day}.csv`);
}
