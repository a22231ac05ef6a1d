/**
 * The import gate answers in codes (db/admin/spreadsheets/gate.ts); the confirm and discard
 * actions word them with IMPORT_WORDS. Each thrown refusal is read as guarded() reads it
 * (db/admin/action.ts, which needs a request to load, so not imported here).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSeededTestDb } from '@/db/test-helpers';
import type { Actor } from '@/db/auth/permissions';
import type { Refusal } from '@/db/admin/result';
import { wordRefusal } from '../field-words';
import { IMPORT_WORDS, sheets } from './strings';

const db = useSeededTestDb();
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };

let gate: typeof import('@/db/admin/spreadsheets/gate');
before(async () => {
  gate = await import('@/db/admin/spreadsheets/gate');
});

/** The refusal guarded() makes of what `run` throws: the error's code, message and field errors. */
async function refusalOf(run: () => unknown): Promise<Refusal> {
  try {
    await run();
  } catch (e) {
    const err = e as Error & { code: Refusal['code']; fieldErrors?: Record<string, string> };
    assert.equal(typeof err.code, 'string', String(e));
    return { ok: false, code: err.code, message: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
  }
  assert.fail('expected a refusal');
}

describe('import gate words', () => {
  it('a 培训机构 account may not import: the gate says so in a code, the page in words', async () => {
    const r = (await refusalOf(() => gate.confirmImportWrite(db, kangxin, { token: 'any' })));
    assert.deepEqual([r.code, r.message], ['forbidden', 'importForbidden']);
    assert.equal(wordRefusal(r, IMPORT_WORDS).message, sheets.refused.forbiddenImport);
  });

  it('a preview that is gone, and a missing token', async () => {
    const gone = (await refusalOf(() => gate.confirmImportWrite(db, admin, { token: 'no-such-preview' })));
    assert.deepEqual([gone.code, gone.message], ['not_found', 'previewGone']);
    assert.equal(wordRefusal(gone, IMPORT_WORDS).message, '这份预览已经过期或不存在（预览只保留 30 分钟）。请重新上传文件。');
    const missing = (await refusalOf(() => gate.discardImportWrite(db, admin, { token: '  ' })));
    assert.deepEqual([missing.code, missing.fieldErrors], ['invalid', { token: 'tokenMissing' }]);
    assert.deepEqual(wordRefusal(missing, IMPORT_WORDS).fieldErrors, { token: '缺少预览编号，请重新上传文件' });
  });
});
