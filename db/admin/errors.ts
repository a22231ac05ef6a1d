/**
 * Errors an admin action throws to stop; `guarded()` turns each into a Refusal. Throwing inside
 * writeTransaction() also rolls the transaction back, so a refusal never leaves a half-write.
 */
import type { ConflictInfo } from './result';

export class Invalid extends Error {
  readonly code = 'invalid';
  constructor(
    readonly fieldErrors: Record<string, string>,
    message?: string,
  ) {
    super(message ?? '有些内容需要修改，请看下面的提示。');
  }
}

export class NotFound extends Error {
  readonly code = 'not_found';
  constructor(message = '找不到这条记录，可能已被删除。') {
    super(message);
  }
}

export class Conflict extends Error {
  readonly code = 'conflict';
  constructor(readonly info: ConflictInfo) {
    super('这条记录在您编辑期间已被他人修改，您的修改没有保存。');
  }
}

/** The record's state does not allow the move (publishing an archived course …). */
export class StateError extends Error {
  readonly code = 'state';
}
