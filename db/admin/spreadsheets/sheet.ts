/**
 * Writing and reading spreadsheets: a table of plain cells (text, whole numbers or nothing) to
 * CSV (UTF-8 with a BOM, so Excel shows Chinese) or XLSX (one sheet, bold frozen header, widths),
 * and an uploaded CSV or XLSX back to rows of text. Server code only (exceljs is large).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type Cell = string | number | null;

export type Column<R> = {
  header: string;
  /** Width in Excel character units (a Chinese character counts about 2). */
  width?: number;
  value: (row: R) => Cell;
};

export type SheetData = { headers: string[]; widths: number[]; rows: Cell[][] };

export function buildSheet<R>(columns: readonly Column<R>[], rows: readonly R[]): SheetData {
  return {
    headers: columns.map((c) => c.header),
    widths: columns.map((c) => c.width ?? Math.max(10, displayWidth(c.header) + 2)),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
  };
}

/** A rough on-screen width: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

export const BOM = '\uFEFF';

/**
 * A text cell that Excel would read as a formula (=, +, -, @, or a tab/CR that some programs
 * strip first) gets a leading apostrophe, so opening an export can never run anything.
 */
export function neutralizeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Undoes neutralizeFormula when a file we exported comes back as an import. */
export function restoreFormula(s: string): string {
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

export function toCsv(sheet: SheetData): string {
  const data = [sheet.headers, ...sheet.rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : neutralizeFormula(c))))];
  // CRLF: what Excel writes and expects.
  return BOM + Papa.unparse(data, { newline: '\r\n', quotes: false }) + '\r\n';
}

export async function toXlsx(sheet: SheetData, sheetName: string, extraSheets: { name: string; rows: string[][]; widths?: number[] }[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '丰台公共就业与医保服务门户';
  wb.created = new Date();
  const ws = wb.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.headers.map((h, i) => ({ header: h, width: Math.min(60, sheet.widths[i] ?? 12) }));
  for (const r of sheet.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  // Text columns stay text when a clerk edits them (09:00 must not turn into a time, 010… keep its zero).
  sheet.headers.forEach((_, i) => {
    const isNumeric = sheet.rows.length > 0 && sheet.rows.every((r) => r[i] === null || typeof r[i] === 'number');
    if (!isNumeric) ws.getColumn(i + 1).numFmt = '@';
  });
  for (const extra of extraSheets) {
    const es = wb.addWorksheet(safeSheetName(extra.name));
    extra.rows.forEach((r) => es.addRow(r));
    es.getRow(1).font = { bold: true };
    (extra.widths ?? []).forEach((w, i) => (es.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
}

// ---------------------------------------------------------------------------
// Reading uploads
// ---------------------------------------------------------------------------

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 5000;

export type ReadTable = { headers: string[]; rows: { line: number; cells: string[] }[] };

/** Why a file could not be read at all (before any row is looked at). */
export const SHEET_ERRORS = {
  empty: '上传的文件是空的。',
  tooBig: '文件超过 5 MB。请删去不需要的列或分成几个文件再导入。',
  format: '只能导入 .xlsx 或 .csv 文件。旧版 .xls 请在 Excel 中“另存为” .xlsx 后再上传。',
  quotes: 'CSV 文件里有引号没有配对，请用 Excel 打开后另存为 CSV 再试。',
  xlsx: '无法读取这个 Excel 文件。请确认它是 .xlsx 格式（不是 .xls），并且没有设置密码。',
  noSheet: '这个 Excel 文件里没有工作表。',
  noHeader: '文件是空的：没有找到表头。请使用下载的模板填写。',
  tooManyRows: `文件超过 ${MAX_DATA_ROWS} 行数据。请分成几个文件分别导入。`,
} as const;
export type SheetErrorCode = keyof typeof SHEET_ERRORS;

export class SheetError extends Error {
  constructor(readonly code: SheetErrorCode, message: string = SHEET_ERRORS[code]) {
    super(message);
  }
}

export type UploadFormat = 'csv' | 'xlsx';

/** Which reader a file needs, by its name and first bytes; null for anything else. */
export function detectFormat(fileName: string, bytes: Uint8Array): UploadFormat | null {
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xlsx')) return isZip ? 'xlsx' : null;
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return isZip ? null : 'csv';
  return null;
}

/**
 * CSV text from bytes: UTF-8 (with or without BOM) or, failing that, GB18030 — what Excel on a
 * Chinese Windows writes when a clerk picks "CSV（逗号分隔）".
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function readCsv(bytes: Uint8Array): ReadTable {
  const text = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new SheetError('quotes', `CSV 文件第 ${(fatal.row ?? 0) + 1} 行附近有引号没有配对，请用 Excel 打开后另存为 CSV 再试。`);
  return toTable(parsed.data.map((r) => r.map((c) => String(c ?? ''))));
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('xlsx');
  }
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0) ?? wb.worksheets[0];
  if (!ws) throw new SheetError('noSheet');
  const grid: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > MAX_DATA_ROWS + 50 && grid.length > MAX_DATA_ROWS + 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    grid[n - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return toTable(grid);
}

/** One XLSX cell as the text a clerk sees: dates as 2026-12-01, times as 09:00. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) {
    const iso = v.toISOString();
    // Excel stores a time of day as a fraction of 1899-12-30 (exceljs reads it as UTC).
    if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return iso.slice(11, 16);
    const time = iso.slice(11, 16);
    return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
    if ('result' in v) return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/** First non-empty row is the header; blank rows are dropped; line numbers are as Excel shows them. */
function toTable(grid: string[][]): ReadTable {
  const isBlank = (r: string[] | undefined) => !r || r.every((c) => c.trim() === '');
  let h = 0;
  while (h < grid.length && isBlank(grid[h])) h++;
  if (h >= grid.length) throw new SheetError('noHeader');
  const headers = (grid[h] ?? []).map((c) => normalizeHeader(c));
  const rows: ReadTable['rows'] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const r = grid[i];
    if (isBlank(r)) continue;
    rows.push({ line: i + 1, cells: (r ?? []).map((c) => restoreFormula(c.replace(/\r\n?/g, '\n').trim())) });
    if (rows.length > MAX_DATA_ROWS) throw new SheetError('tooManyRows');
  }
  return { headers, rows };
}

/** Header text without spaces, a required-mark star or full-width brackets differences. */
export function normalizeHeader(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

export async function readUpload(fileName: string, bytes: Uint8Array): Promise<ReadTable> {
  if (bytes.byteLength === 0) throw new SheetError('empty');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new SheetError('tooBig');
  const format = detectFormat(fileName, bytes);
  if (!format) throw new SheetError('format');
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}
