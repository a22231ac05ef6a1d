/**
 * Building blocks for the admin schemas. Each schema is shared by the form (checked in the
 * browser before sending) and the server action (checked again, since anyone can POST). Inputs
 * arrive as the strings form controls hold; these turn them into typed values.
 *
 * What a refused field says is a code (FieldProblem: 'required', 'too_long:60' …), keyed by the
 * field's path; the entity's words in components/ turn it into a sentence with the field's label
 * (components/admin/field-words.ts). Builders given `null` for the label return those codes.
 *
 * Transitional: schemas whose labels still live in db/ (stations, fairs, the calendar, users,
 * the spreadsheet import) pass their Chinese label and get today's sentence from
 * sentence() below. The same sentences are worded in components/admin/field-words.ts; its test
 * checks every builder both ways so the two cannot drift while those schemas move over.
 */
import { z } from 'zod';
import { isDateString } from '../../domain/time';
import { isPlainName } from '../markup';

/** What can be wrong with one field, as a code the form's words turn into a sentence. */
export type FieldProblem =
  | 'required'
  | 'choose'
  | 'number'
  | 'integer'
  | 'date'
  | 'time'
  | 'phone'
  /** A name or label with markup-like junk in it (db/validation/markup.ts). */
  | 'markup'
  | `too_long:${number}`
  | `min:${number}`
  | `max:${number}`;

/** Today's sentence for a labelled (not yet coded) schema; mirrors components/admin/field-words.ts. */
function sentence(problem: FieldProblem, label: string): string {
  const [kind, n] = problem.split(':');
  switch (kind) {
    case 'required':
      return `请填写${label}`;
    case 'choose':
      return `请选择${label}`;
    case 'number':
      return `${label}请填写数字`;
    case 'integer':
      return `${label}请填写整数`;
    case 'date':
      return `${label}请按 2026-12-01 的格式填写真实存在的日期`;
    case 'time':
      return `${label}请按 09:00 的格式填写（24 小时制）`;
    case 'phone':
      return `${label}只能包含数字、空格、横线和括号，例如 010-63812345`;
    case 'markup':
      return `${label}只能填写文字，不能含有 <b>、<script>、javascript:、{{、\${ 这类标记或代码，也不能含有控制字符`;
    case 'too_long':
      return `${label}不能超过 ${n} 个字`;
    case 'min':
      return `${label}不能小于 ${n}`;
    default:
      return `${label}不能大于 ${n}`;
  }
}

/** The code itself for a coded schema (no label), or today's sentence for a labelled one. */
const say = (problem: FieldProblem, label: string | null): string => (label === null ? problem : sentence(problem, label));

const trimmed = z.string().transform((s) => s.trim());

/** Required text, at most `max` characters. */
export function text(label: string | null, max = 200) {
  return trimmed.pipe(
    z
      .string()
      .min(1, say('required', label))
      .max(max, say(`too_long:${max}`, label)),
  );
}

/**
 * A required name or label (a title, a person's or an organisation's name, a run's 期次): text
 * that must also be plain words — no tags, script URLs, template syntax or control characters.
 */
export function name(label: string | null, max = 200) {
  return text(label, max).refine(isPlainName, say('markup', label));
}

/** An optional name ('' allowed), held to the same plain-words rule. */
export function optionalName(label: string | null, max = 200) {
  return optionalText(label, max).refine(isPlainName, say('markup', label));
}

/** Optional text ('' allowed), at most `max` characters. */
export function optionalText(label: string | null, max = 2000) {
  return trimmed.pipe(z.string().max(max, say(`too_long:${max}`, label)));
}

/** A whole number from a form field ('' → missing). */
export function int(label: string | null, opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000 } = opts;
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({ error: (i) => (i.input === undefined ? say('required', label) : say('number', label)) })
      .int(say('integer', label))
      .min(min, say(`min:${min}`, label))
      .max(max, say(`max:${max}`, label)),
  );
}

/** An optional whole number: '' → null. */
export function optionalInt(label: string | null, opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000 } = opts;
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? Number(v.trim()) : v),
    z
      .number({ error: say('number', label) })
      .int(say('integer', label))
      .min(min, say(`min:${min}`, label))
      .max(max, say(`max:${max}`, label))
      .nullable(),
  );
}

/** An id chosen from a list (a select's value). */
export function id(label: string | null) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    z.number({ error: say('choose', label) }).int(say('choose', label)).positive(say('choose', label)),
  );
}

export function optionalId(label: string | null) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? null : typeof v === 'string' ? Number(v) : v),
    z.number({ error: say('choose', label) }).int().positive().nullable(),
  );
}

/** A calendar day 'YYYY-MM-DD' (what <input type="date"> gives). */
export function date(label: string | null) {
  return trimmed.pipe(
    z
      .string()
      .min(1, say('required', label))
      .refine(isDateString, say('date', label)),
  );
}

export function optionalDate(label: string | null) {
  return trimmed.pipe(
    z
      .string()
      .refine((s) => s === '' || isDateString(s), say('date', label))
      .transform((s) => (s === '' ? null : s)),
  );
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A time of day 'HH:MM' (24-hour; '24:00' may close a day). */
export function time(label: string | null) {
  return trimmed.pipe(
    z
      .string()
      .min(1, say('required', label))
      .regex(TIME_RE, say('time', label)),
  );
}

/** Phone numbers as residents dial them: digits, spaces, dashes, brackets; 5 to 20 long. */
export function phone(label: string | null) {
  return trimmed.pipe(
    z
      .string()
      .min(1, say('required', label))
      .regex(/^[0-9()（）\-\s转]{5,30}$/, say('phone', label)),
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
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string | null) {
  return z.enum(values, { error: say('choose', label) });
}
