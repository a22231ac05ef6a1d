/**
 * Every action code the audit log is written with has words: the list in db/admin/audit-actions.ts
 * is worded, and every code the writers actually pass (read from their source, so a new writer
 * cannot slip one past) is on that list.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AUDIT_ACTIONS, CHANGE_ACTIONS, SESSION_ACTIONS } from '@/db/admin/audit-actions';
import { TRANSITIONS } from '@/db/auth/permissions';
import { actionWords } from './action-words';
import { auditText } from './strings';

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Files that write audit rows: they call recordAudit or one of the wrappers around it. */
const WRITERS = /\brecordAudit\(|\blogChange\(|\brecordFairPartChange\(/;

/**
 * `action:` values in a writer file that are not audit codes: an import plan's row that is left
 * as it is never reaches the log (db/admin/spreadsheets/import-*.ts write only create and update).
 */
const NOT_AUDIT = new Set(['unchanged']);

/** Every string literal in an `action: …` expression (a ternary gives two). */
function actionCodesIn(text: string): string[] {
  const codes: string[] = [];
  for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g)) {
    for (const lit of m[1]!.matchAll(/'([^']+)'/g)) codes.push(lit[1]!);
  }
  return codes;
}

describe('audit action words', () => {
  it('words every code on the list, none left as a code', () => {
    for (const code of AUDIT_ACTIONS) {
      const words = auditText.actions[code];
      assert.ok(words && words !== code && /[\u4e00-\u9fff]/.test(words), `${code} has no words`);
      assert.equal(actionWords(code), words);
    }
    assert.equal(actionWords('closeToday'), '今日临时闭站');
  });

  it('lists every lifecycle move, and keeps sign-in events apart from changes', () => {
    for (const move of Object.keys(TRANSITIONS)) assert.ok((AUDIT_ACTIONS as readonly string[]).includes(move), move);
    for (const code of SESSION_ACTIONS) assert.ok(!(CHANGE_ACTIONS as readonly string[]).includes(code), code);
  });

  it('finds every code the writers in db/ and app/ pass on the list', () => {
    const files = [...sources(join(ROOT, 'db')), ...sources(join(ROOT, 'app'))].filter((f) => WRITERS.test(readFileSync(f, 'utf8')));
    // The writers are where we expect them: a broken scan would pass vacuously.
    assert.ok(files.length >= 15, `only ${files.length} writer files found`);
    const seen = new Set<string>();
    for (const file of files) {
      for (const code of actionCodesIn(readFileSync(file, 'utf8'))) {
        if (NOT_AUDIT.has(code)) continue;
        seen.add(code);
        assert.ok((AUDIT_ACTIONS as readonly string[]).includes(code), `${file.slice(ROOT.length + 1)} writes action '${code}', which db/admin/audit-actions.ts does not list`);
      }
    }
    for (const code of ['closeToday', 'reopenToday', 'verify', 'signin.failed', 'signout', 'password.reset']) assert.ok(seen.has(code), `scan missed ${code}`);
  });

  it('reads an unknown code from an older log as words with the code', () => {
    assert.equal(actionWords('teleport'), '其他操作（teleport）');
  });
});
