/**
 * Turns what the data layer says about a form — field problem codes (db/validation/admin/fields.ts:
 * 'required', 'too_long:60' …, and each entity's own codes), refusal codes and the keys of the
 * fields changed under a conflict — into the sentences an admin reads, with one entity's words:
 * its field labels and its own problems, written once in that entity's strings module.
 *
 * A message that is no code passes through unchanged: refusals already in words (the generic
 * refusals, writers not yet moved to codes) read as they did. Safe on the server and in the browser.
 */
import type { FieldProblem } from '@/db/validation/admin/fields';
import type { ActionResult, MergeNotice, Refusal } from '@/db/admin/result';

export type EntityWords = {
  /** Field key → label ('title' → '规则名称'). */
  labels: Readonly<Record<string, string>>;
  /** The entity's own problem codes (and refusal codes) → sentence. */
  problems?: Readonly<Record<string, string>>;
};

/** What any field can be refused for, worded with its label (the same sentences as before the codes). */
type KindOf<P> = P extends `${infer K}:${number}` ? K : P;
const FIELD: Record<KindOf<FieldProblem>, (label: string, n: string) => string> = {
  required: (l) => `请填写${l}`,
  choose: (l) => `请选择${l}`,
  number: (l) => `${l}请填写数字`,
  integer: (l) => `${l}请填写整数`,
  date: (l) => `${l}请按 2026-12-01 的格式填写真实存在的日期`,
  time: (l) => `${l}请按 09:00 的格式填写（24 小时制）`,
  phone: (l) => `${l}只能包含数字、空格、横线和括号，例如 010-63812345`,
  markup: (l) => `${l}只能填写文字，不能含有 <b>、<script>、javascript:、{{、\${ 这类标记或代码，也不能含有控制字符`,
  too_long: (l, n) => `${l}不能超过 ${n} 个字`,
  min: (l, n) => `${l}不能小于 ${n}`,
  max: (l, n) => `${l}不能大于 ${n}`,
};

const CODE = /^([a-z_]+)(?::(-?\d+))?$/;

/** The sentence for `message` on the field at `path` ('hours.2.opens' is labelled by its last key). */
export function fieldMessage(message: string, path: string, words: EntityWords): string {
  const own = words.problems?.[message];
  if (own !== undefined) return own;
  const m = CODE.exec(message);
  const say = m ? FIELD[m[1] as keyof typeof FIELD] : undefined;
  if (!m || !say) return message;
  const label = words.labels[path] ?? words.labels[path.split('.').at(-1) ?? path] ?? path;
  return say(label, m[2] ?? '');
}

/** Every field error of a form, worded. */
export function fieldMessages(errors: Readonly<Record<string, string>>, words: EntityWords): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, fieldMessage(message, path, words)]));
}

/** A refusal worded: its message (when it is one of the entity's codes), its field errors, and the fields a conflict names. */
export function wordRefusal(refusal: Refusal, words: EntityWords): Refusal {
  return {
    ...refusal,
    message: words.problems?.[refusal.message] ?? refusal.message,
    ...(refusal.fieldErrors ? { fieldErrors: fieldMessages(refusal.fieldErrors, words) } : {}),
    ...(refusal.conflict
      ? { conflict: { ...refusal.conflict, changes: refusal.conflict.changes.map((c) => ({ ...c, fields: [...new Set(c.fields.map((f) => words.labels[f] ?? f))] })) } }
      : {}),
  };
}

/** A merge notice with the fields' names in words (the values stay keyed by field, for the form). */
export function wordMergeNotice(notice: MergeNotice, words: EntityWords): MergeNotice {
  const say = (f: string) => words.labels[f] ?? f;
  return { ...notice, theirs: notice.theirs.map(say), mine: notice.mine.map(say) };
}

/**
 * A server action whose refusals reach the browser worded: what the data layer answered in codes
 * is put into the entity's words at the action's edge (app/…/actions.ts), so every caller — form,
 * button, spreadsheet page — shows the same sentences.
 */
export function worded<I, T extends object>(action: (input: I) => Promise<ActionResult<T>>, words: EntityWords): (input: I) => Promise<ActionResult<T>> {
  return async (input: I) => {
    const result = await action(input);
    if (!result.ok) return wordRefusal(result, words);
    return result.merged ? { ...result, merged: wordMergeNotice(result.merged, words) } : result;
  };
}
