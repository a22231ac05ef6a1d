/**
 * Reading a list's URL: its own parameters through its shape (unreadable ones fall back and are
 * reported), the near-me origin in any of its forms, and the canonical query string back.
 */
import { parseParams, toSearchParams } from '../../validation/search-params';
import { originParams, parseOrigin } from './origin';
import type { OriginRef } from './types';

type Shape = Parameters<typeof parseParams>[1];
type Input = Parameters<typeof parseParams>[0];

export type ParsedQuery<Values> = { values: Values; invalid: string[]; origin: OriginRef | null };

/** The list's values, the keys that fell back, and the origin (bad origins count as invalid). */
export function parseQuery<S extends Shape>(input: Input, shape: S): ParsedQuery<ReturnType<typeof parseParams<S>>['values']> {
  const sp = toSearchParams(input);
  const { values, invalid } = parseParams(sp, shape);
  const origin = parseOrigin(sp);
  const bad: string[] = [...invalid];
  if (origin === 'invalid') bad.push('near');
  return { values, invalid: bad, origin: origin === 'invalid' ? null : origin };
}

/**
 * The canonical query string: parameters in the shape's order, defaults and empty values left
 * out, `true` written as '1', then the origin in its canonical form, then the page.
 */
export function writeQuery<S extends Shape>(shape: S, values: ReturnType<typeof parseParams<S>>['values'], origin: OriginRef | null): string {
  const sp = new URLSearchParams();
  const record = values as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape)) {
    if (key === 'page') continue;
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) sp.append(key, String(item));
      continue;
    }
    if (field.kind === 'one' && value === field.fallback) continue;
    if (value === null || value === undefined || value === '' || value === false) continue;
    sp.set(key, value === true ? '1' : String(value));
  }
  if (origin) for (const [k, v] of originParams(origin)) sp.set(k, v);
  const page = record.page;
  if (typeof page === 'number' && page > 1) sp.set('page', String(page));
  return sp.toString();
}
