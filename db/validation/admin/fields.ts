/**
 * Building blocks for the admin schemas. Each schema is shared by the form (checked in the
 * browser before sending) and the server action (checked again, since anyone can POST). Inputs
 * arrive as the strings form controls hold; these turn them into typed values with messages
 * that say what to do.
 */
import { z } from 'zod';
import { isDateString } from '../../domain/time';

const trimmed = z.string().transform((s) => s.trim());

/** Required text, at most `max` characters. */
export function text(label: string, max = 200) {
  return trimmed.pipe(
    z
      .string()
      .min(1, `请填写${label}`)
      .max(max, `${label}不能超过 ${max} 个字`),
  );
}

/** Optional text ('' allowed), at most `max` characters. */
export function optionalText(label: string, max = 2000) {
  return trimmed.pipe(z.string().max(max, `${label}不能超过 ${max} 个字`));
}

/** A whole number from a form field ('' → missing). */
export function int(label: string, opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000 } = opts;
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({ error: (i) => (i.input === undefined ? `请填写${label}` : `${label}请填写数字`) })
      .int(`${label}请填写整数`)
      .min(min, `${label}不能小于 ${min}`)
      .max(max, `${label}不能大于 ${max}`),
  );
}

/** An optional whole number: '' → null. */
export function optionalInt(label: string, opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000 } = opts;
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? Number(v.trim()) : v),
    z
      .number({ error: `${label}请填写数字` })
      .int(`${label}请填写整数`)
      .min(min, `${label}不能小于 ${min}`)
      .max(max, `${label}不能大于 ${max}`)
      .nullable(),
  );
}

/** An id chosen from a list (a select's value). */
export function id(label: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`),
  );
}

export function optionalId(label: string) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? null : typeof v === 'string' ? Number(v) : v),
    z.number({ error: `请选择${label}` }).int().positive().nullable(),
  );
}

/** A calendar day 'YYYY-MM-DD' (what <input type="date"> gives). */
export function date(label: string) {
  return trimmed.pipe(
    z
      .string()
      .min(1, `请填写${label}`)
      .refine(isDateString, `${label}请按 2026-12-01 的格式填写真实存在的日期`),
  );
}

export function optionalDate(label: string) {
  return trimmed.pipe(
    z
      .string()
      .refine((s) => s === '' || isDateString(s), `${label}请按 2026-12-01 的格式填写真实存在的日期`)
      .transform((s) => (s === '' ? null : s)),
  );
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A time of day 'HH:MM' (24-hour; '24:00' may close a day). */
export function time(label: string) {
  return trimmed.pipe(
    z
      .string()
      .min(1, `请填写${label}`)
      .regex(TIME_RE, `${label}请按 09:00 的格式填写（24 小时制）`),
  );
}

/** Phone numbers as residents dial them: digits, spaces, dashes, brackets; 5 to 20 long. */
export function phone(label = '联系电话') {
  return trimmed.pipe(
    z
      .string()
      .min(1, `请填写${label}`)
      .regex(/^[0-9()（）\-\s转]{5,30}$/, `${label}只能包含数字、空格、横线和括号，例如 010-63812345`),
  );
}

/** A checkbox: true/'on'/'true' → true. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** A form's number as written in decimal digits; '0x1', '1e3', '1.0' or '' stay text and are refused. */
function decimal(v: unknown): unknown {
  return typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v;
}

/** The version the editor started from (optimistic locking). */
export const version = z.preprocess(
  decimal,
  z.number({ error: '缺少版本号，请刷新页面后重试' }).int().positive(),
);

export const recordId = z.preprocess(
  decimal,
  z.number({ error: '缺少记录编号' }).int().positive(),
);

/** One of a fixed set, with a message naming the field. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `请选择${label}` });
}
