/**
 * What both spreadsheet imports share: the plan they make (what would be created, updated or
 * left alone, and every row's problems) and reading the header row against the import columns.
 */
import type { ImportColumn, ImportKind } from '../../validation/admin/import';
import type { ReadTable } from './sheet';
import { normalizeHeader } from './sheet';

/**
 * One problem of one row. `message` is a sentence, or a code of the shared rules (a run's fields
 * are checked with the run form's own schema, ./import-runs.ts) that the preview words with the
 * column's header; `field` is the column's key then.
 */
export type RowError = { line: number; column: string; message: string; field?: string };

export type PlanItem = {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  id: number | null;
  /** The version the record had when planned (updates only). */
  version: number | null;
  title: string;
  detail: string;
  /** Column names whose values change (updates). */
  changes: string[];
  /** An update to a published record reaches residents at once. */
  published: boolean;
};

export type ImportPlan = {
  kind: ImportKind;
  items: PlanItem[];
  errors: RowError[];
  /** Things worth knowing that are not errors (ignored columns, coordinates taken from the street). */
  notes: string[];
  counts: { rows: number; create: number; update: number; unchanged: number; errors: number };
};

/** Columns our exports add that an import reads (版本) or quietly ignores. */
export const EXPORT_ONLY_HEADERS = ['版本', '发布状态', '最后修改', '培训机构'];

// ---------------------------------------------------------------------------
// Reading the header
// ---------------------------------------------------------------------------

export type Mapped = { index: Map<string, number>; versionIndex: number | null; missing: string[]; ignored: string[] };

export function mapHeaders(table: ReadTable, columns: ImportColumn[]): Mapped {
  const index = new Map<string, number>();
  const seen = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (h !== '' && !seen.has(h)) seen.set(h, i);
  });
  const missing: string[] = [];
  for (const c of columns) {
    const i = seen.get(normalizeHeader(c.header));
    if (i === undefined) missing.push(c.header);
    else index.set(c.key, i);
  }
  const known = new Set([...columns.map((c) => normalizeHeader(c.header)), ...EXPORT_ONLY_HEADERS]);
  const ignored = table.headers.filter((h) => h !== '' && !known.has(h));
  return { index, versionIndex: seen.get('版本') ?? null, missing, ignored };
}

export function rowObject(cells: string[], mapped: Mapped, columns: ImportColumn[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const c of columns) o[c.key] = cells[mapped.index.get(c.key)!] ?? '';
  return o;
}

export function rowErrors(line: number, issues: { path: PropertyKey[]; message: string }[], columns: ImportColumn[]): RowError[] {
  const byKey = new Map(columns.map((c) => [c.key, c.header]));
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const i of issues) {
    const key = String(i.path[0] ?? '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line, column: byKey.get(key) ?? '', message: i.message, field: key });
  }
  return out;
}

export function fileVersion(cells: string[], mapped: Mapped): number | null {
  if (mapped.versionIndex === null) return null;
  const v = (cells[mapped.versionIndex] ?? '').trim();
  return /^\d+$/.test(v) ? Number(v) : null;
}

/** The plan with its rows counted by action and its errors in line order. */
export function finish(kind: ImportKind, table: ReadTable, items: PlanItem[], errors: RowError[], notes: string[]): ImportPlan {
  errors.sort((a, b) => a.line - b.line);
  return {
    kind,
    items,
    errors,
    notes,
    counts: {
      rows: table.rows.length,
      create: items.filter((i) => i.action === 'create').length,
      update: items.filter((i) => i.action === 'update').length,
      unchanged: items.filter((i) => i.action === 'unchanged').length,
      errors: errors.length,
    },
  };
}

