/** Spreadsheet writing and reading: CSV with BOM, formula guard, encodings, XLSX round trip, limits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import {
  BOM,
  buildSheet,
  cellText,
  decodeCsv,
  detectFormat,
  neutralizeFormula,
  readCsv,
  readUpload,
  readXlsx,
  restoreFormula,
  SheetError,
  toCsv,
  toXlsx,
  MAX_DATA_ROWS,
} from './sheet';

type Row = { id: number; name: string; note: string | null };
const sheet = buildSheet<Row>(
  [
    { header: '编号', value: (r) => r.id },
    { header: '名称', value: (r) => r.name },
    { header: '备注', value: (r) => r.note },
  ],
  [
    { id: 1, name: '右安门驿站', note: '含,逗号和"引号"' },
    { id: 2, name: '=HYPERLINK("http://x")', note: null },
    { id: 3, name: '-2+3', note: '@SUM(A1)' },
  ],
);

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and Chinese headers, CRLF lines', () => {
    const csv = toCsv(sheet);
    assert.ok(csv.startsWith(`${BOM}编号,名称,备注\r\n`));
    assert.ok(csv.includes('1,右安门驿站,"含,逗号和""引号"""\r\n'));
  });

  it('neutralises cells Excel would run as formulas', () => {
    const csv = toCsv(sheet);
    assert.ok(csv.includes(`2,"'=HYPERLINK(""http://x"")",\r\n`));
    assert.ok(csv.includes(`3,'-2+3,'@SUM(A1)`));
    assert.equal(neutralizeFormula('+8610'), "'+8610");
    assert.equal(neutralizeFormula('普通文字'), '普通文字');
    assert.equal(restoreFormula("'=1+1"), '=1+1');
    assert.equal(restoreFormula("'普通"), "'普通");
  });

  it('reads its own export back to the same text', () => {
    const t = readCsv(new TextEncoder().encode(toCsv(sheet)));
    assert.deepEqual(t.headers, ['编号', '名称', '备注']);
    assert.deepEqual(
      t.rows.map((r) => r.cells),
      [
        ['1', '右安门驿站', '含,逗号和"引号"'],
        ['2', '=HYPERLINK("http://x")', ''],
        ['3', '-2+3', '@SUM(A1)'],
      ],
    );
    assert.deepEqual(
      t.rows.map((r) => r.line),
      [2, 3, 4],
    );
  });
});

describe('CSV import', () => {
  it('reads GB18030 files (what Chinese Excel saves as plain CSV)', () => {
    // "名称\r\n驿站\r\n" in GB18030.
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a, 0xe6, 0xe4, 0xd5, 0xbe, 0x0d, 0x0a]);
    assert.equal(decodeCsv(gbk), '名称\r\n驿站\r\n');
    const t = readCsv(gbk);
    assert.deepEqual(t.headers, ['名称']);
    assert.deepEqual(t.rows[0]!.cells, ['驿站']);
  });

  it('skips blank rows but keeps the line numbers Excel shows, and tidies headers', () => {
    const t = readCsv(new TextEncoder().encode('\n 驿站 名称*,原价(元)\n,\na,b\n\nc,d\n'));
    assert.deepEqual(t.headers, ['驿站名称', '原价（元）']);
    assert.deepEqual(
      t.rows.map((r) => [r.line, r.cells[0]]),
      [
        [4, 'a'],
        [6, 'c'],
      ],
    );
  });

  it('refuses more than the row limit', () => {
    const text = 'a\n' + 'x\n'.repeat(MAX_DATA_ROWS + 1);
    assert.throws(() => readCsv(new TextEncoder().encode(text)), (e: unknown) => e instanceof SheetError && e.code === 'tooManyRows');
  });
});

describe('file kinds and limits', () => {
  it('accepts .csv and .xlsx only, checking the bytes', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4]);
    const txt = new TextEncoder().encode('a,b');
    assert.equal(detectFormat('a.xlsx', zip), 'xlsx');
    assert.equal(detectFormat('A.CSV', txt), 'csv');
    assert.equal(detectFormat('a.xls', zip), null);
    assert.equal(detectFormat('a.xlsx', txt), null);
    assert.equal(detectFormat('a.pdf', txt), null);
    await assert.rejects(readUpload('a.docx', txt), (e: unknown) => e instanceof SheetError && e.code === 'format');
    await assert.rejects(readUpload('a.csv', new Uint8Array()), (e: unknown) => e instanceof SheetError && e.code === 'empty');
    await assert.rejects(readUpload('a.csv', new Uint8Array(5 * 1024 * 1024 + 1)), (e: unknown) => e instanceof SheetError && e.code === 'tooBig');
    await assert.rejects(readUpload('a.xlsx', new Uint8Array([0x50, 0x4b, 0, 0, 1, 2])), (e: unknown) => e instanceof SheetError && e.code === 'xlsx');
  });
});

describe('XLSX', () => {
  it('writes one sheet with a bold, frozen header and widths, and reads it back', async () => {
    const buf = await toXlsx(sheet, '驿站');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    assert.equal(wb.worksheets.length, 1);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.name, '驿站');
    assert.equal(ws.getRow(1).getCell(2).value, '名称');
    assert.equal(ws.getRow(1).font?.bold, true);
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
    assert.ok((ws.getColumn(2).width ?? 0) >= 8);
    assert.equal(ws.getRow(2).getCell(1).value, 1);
    // Text stays text in XLSX: no formula is created from "=…".
    assert.equal(ws.getRow(3).getCell(2).value, '=HYPERLINK("http://x")');
    const back = await readXlsx(new Uint8Array(buf));
    assert.deepEqual(back.headers, ['编号', '名称', '备注']);
    assert.deepEqual(back.rows[0]!.cells, ['1', '右安门驿站', '含,逗号和"引号"']);
  });

  it('reads dates, times, rich text and formulas as the text a clerk sees', () => {
    assert.equal(cellText(new Date(Date.UTC(2026, 11, 1))), '2026-12-01');
    assert.equal(cellText(new Date(Date.UTC(1899, 11, 30, 9, 30))), '09:30');
    assert.equal(cellText({ richText: [{ text: '09:00' }, { text: '-12:00' }] }), '09:00-12:00');
    assert.equal(cellText({ formula: 'A1+1', result: 42 } as ExcelJS.CellValue), '42');
    assert.equal(cellText(39.86375), '39.86375');
    assert.equal(cellText(null), '');
  });
});
