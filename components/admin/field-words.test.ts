/**
 * The words of a form's field problems: a coded schema, worded here, says exactly what the same
 * schema said when it carried its Chinese label (db/validation/admin/fields.ts keeps those
 * sentences for the schemas not yet moved to codes — this is what keeps the two from drifting).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import * as f from '@/db/validation/admin/fields';
import { fieldMessage, fieldMessages, wordRefusal, worded, type EntityWords } from './field-words';

const LABEL = '培训天数';
const words: EntityWords = { labels: { x: LABEL }, problems: { tooFar: '太远了' } };

/** The first message `schema` gives for `input` at field x. */
function messageOf(schema: z.ZodType, input: unknown): string {
  const r = z.object({ x: schema }).safeParse({ x: input });
  assert.equal(r.success, false, `expected ${JSON.stringify(input)} to be refused`);
  return r.error!.issues[0]!.message;
}

/** Each builder, with the inputs that reach each of its sentences. */
const CASES: [string, (label: string | null) => z.ZodType, unknown[]][] = [
  ['text', (l) => f.text(l, 5), ['', '   ', '六个字太长了']],
  ['optionalText', (l) => f.optionalText(l, 3), ['四个字了']],
  ['name', (l) => f.name(l, 12), ['', '<b>名字</b>', 'javascript:alert(1)', '{{7*7}}', '名\u0007字', '十三个字的名字实在是太长了']],
  ['optionalName', (l) => f.optionalName(l, 12), ['${x}', '<script>', '十三个字的名字实在是太长了']],
  ['int', (l) => f.int(l, { min: 2, max: 9 }), ['', 'abc', '1.5', '1', '10']],
  ['optionalInt', (l) => f.optionalInt(l, { min: 2, max: 9 }), ['abc', '2.5', '0', '99']],
  ['id', (l) => f.id(l), ['', 'x', '-1', '1.5']],
  ['optionalId', (l) => f.optionalId(l), ['x']],
  ['date', (l) => f.date(l), ['', '2026-02-30', '12/01/2026']],
  ['optionalDate', (l) => f.optionalDate(l), ['2026-13-01']],
  ['time', (l) => f.time(l), ['', '25:00', '9点']],
  ['phone', (l) => f.phone(l), ['', '打这个']],
  ['oneOf', (l) => f.oneOf(['a', 'b'], l), ['c', '']],
];

describe('field words', () => {
  for (const [name, build, inputs] of CASES) {
    it(`${name}: the coded schema, worded, says what the labelled one says`, () => {
      for (const input of inputs) {
        const code = messageOf(build(null), input);
        const sentence = messageOf(build(LABEL), input);
        assert.doesNotMatch(code, /[\u4e00-\u9fff]/, `${name}(${JSON.stringify(input)}) should give a code, gave ${code}`);
        assert.match(sentence, /[\u4e00-\u9fff]/);
        assert.equal(fieldMessage(code, 'x', words), sentence, `${name}(${JSON.stringify(input)})`);
      }
    });
  }

  it('words the sentences residents of the admin console know', () => {
    assert.equal(fieldMessage('required', 'x', words), '请填写培训天数');
    assert.equal(fieldMessage('too_long:60', 'x', words), '培训天数不能超过 60 个字');
    assert.equal(fieldMessage('max:120', 'x', words), '培训天数不能大于 120');
    // A nested path is labelled by its last key; the entity's own codes come first.
    assert.equal(fieldMessage('required', 'rows.2.x', words), '请填写培训天数');
    assert.equal(fieldMessage('tooFar', 'x', words), '太远了');
  });

  it('passes words through: a message already in Chinese, or a code it does not know', () => {
    assert.equal(fieldMessage('已经有一家同名的培训机构', 'x', words), '已经有一家同名的培训机构');
    assert.equal(fieldMessage('not_a_code', 'x', words), 'not_a_code');
    assert.deepEqual(fieldMessages({ x: 'required', y: '请刷新' }, words), { x: '请填写培训天数', y: '请刷新' });
  });

  it('words a refusal: its own message code, its field errors and the fields a conflict names', () => {
    const r = wordRefusal(
      {
        ok: false,
        code: 'conflict',
        message: 'tooFar',
        fieldErrors: { x: 'integer' },
        conflict: { currentVersion: 3, changes: [{ by: 'editor', at: '12月1日 09:00', fields: ['x', 'x', '规则名称'] }] },
      },
      words,
    );
    assert.equal(r.message, '太远了');
    assert.deepEqual(r.fieldErrors, { x: '培训天数请填写整数' });
    assert.deepEqual(r.conflict?.changes[0]?.fields, [LABEL, '规则名称']);
    assert.equal(r.conflict?.currentVersion, 3);
  });

  it('worded(): an action answers in words, and its successes are left alone', async () => {
    const refused = worded(async () => ({ ok: false as const, code: 'invalid' as const, message: '有些内容需要修改', fieldErrors: { x: 'required' } }), words);
    const r = await refused({});
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.fieldErrors, { x: '请填写培训天数' });
    const ok = worded(async () => ({ ok: true as const, message: 'tooFar', id: 7 }), words);
    assert.deepEqual(await ok({}), { ok: true, message: 'tooFar', id: 7 });
  });
});
