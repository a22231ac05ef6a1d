/**
 * What every admin server action returns: a small object, never a row. Refusals carry a
 * Chinese message fit to show as is, plus field errors or conflict details where relevant.
 */
export type RefusalCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'state' | 'error';

export type ConflictInfo = {
  /** Who saved in between, and when (Beijing time, formatted). */
  changes: { by: string; at: string; fields: string[] }[];
  /** The version now in the database, to reload against. */
  currentVersion: number;
  /**
   * The fields both people changed to different values, with each value in the form's parsed
   * shape: the other person's (as stored now) and the editor's (as sent). Absent when the
   * save could not be compared field by field.
   */
  fields?: { field: string; theirs: unknown; mine: unknown }[];
};

/**
 * A save that started from an older version and was merged with the changes made since: who
 * made them and when the last was, the fields taken from them (with their values, so the form
 * can show them) and the fields of the editor's that stand. Field names are keys until the
 * action words them.
 */
export type MergeNotice = {
  by: string[];
  at: string;
  theirs: string[];
  mine: string[];
  values: Record<string, unknown>;
};

export type Refusal = {
  ok: false;
  code: RefusalCode;
  message: string;
  /** Field path (e.g. 'endDate', 'hours.3.opens') → what to do about it. */
  fieldErrors?: Record<string, string>;
  conflict?: ConflictInfo;
};

export type Ok<T extends object = object> = { ok: true; message?: string; merged?: MergeNotice } & T;

export type ActionResult<T extends object = object> = Ok<T> | Refusal;

export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  unauthenticated: '登录已失效，请重新登录后再试。',
  forbidden: '您没有权限进行这项操作。',
  not_found: '找不到这条记录，可能已被删除。',
  invalid: '有些内容需要修改，请看下面的提示。',
  conflict: '这条记录在您编辑期间已被他人修改，您的修改没有保存。',
  state: '这条记录当前的状态不允许这项操作。',
  error: '保存时出了问题，什么也没有改动。请稍后再试，或联系系统管理员。',
};

/**
 * A server action as a form holds it: called with what the form sends (`I`, the form's values and
 * the record's id and version), answered with a result. The server reads the input again with
 * its schema whatever this type says; adminAction() makes actions that accept any input, so one
 * fits every form that names its own input type.
 */
export type AdminAction<T extends object = object, I = unknown> = (input: I) => Promise<ActionResult<T>>;
