/**
 * What a provider's and a place's forms say when the schema refuses (the schema answers in codes,
 * db/admin/orgs/orgs.test.ts; the words are PROVIDER_WORDS and PLACE_WORDS, used by the forms and the
 * actions alike).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { placeCreateSchema, providerCreateSchema } from '@/db/validation/admin/org';
import { zodFieldErrors } from '@/db/admin/zod-errors';
import { inUseCode } from '@/db/admin/orgs/refusals';
import type { ActionResult } from '@/db/admin/result';
import { fieldMessages, wordRefusal, type EntityWords } from '../field-words';
import { PLACE_WORDS, PROVIDER_WORDS, placeSavedMessage } from './strings';
import { orgWorded } from './worded';

function wordsFor(schema: z.ZodType, input: unknown, words: EntityWords): Record<string, string> {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return fieldMessages(zodFieldErrors(r.error!), words);
}

const provider = { name: '', shortName: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一', intro: '', phone: '打这个', address: '北京市丰台区某路1号' };
const place = { name: 'x', kind: 'classroom', providerId: '4', streetId: '2', address: '北京市丰台区某路2号', lat: '', lng: '', note: '' };

describe('org words', () => {
  it('a provider: each refused field in a sentence that names it', () => {
    assert.deepEqual(wordsFor(providerCreateSchema, provider, PROVIDER_WORDS), {
      name: '请填写机构全称',
      shortName: '简称不能超过 30 个字',
      phone: '联系电话只能包含数字、空格、横线和括号，例如 010-63812345',
    });
  });

  it('a place: swapped coordinates, a word for a number, one coordinate alone, no street, a classroom without provider', () => {
    const swapped = wordsFor(placeCreateSchema, { ...place, lat: '116.3', lng: '39.8' }, PLACE_WORDS);
    assert.equal(swapped.lat, '纬度应在 39.4 到 41.1 之间（北京一带）。请核对，是不是把纬度和经度填反了？');
    assert.equal(swapped.lng, '经度应在 115.4 到 117.6 之间（北京一带）。请核对，是不是把纬度和经度填反了？');
    assert.equal(wordsFor(placeCreateSchema, { ...place, lat: '北纬39度' }, PLACE_WORDS).lat, '纬度请填写数字，例如 39.8583');
    assert.equal(wordsFor(placeCreateSchema, { ...place, lat: '39.86' }, PLACE_WORDS).lng, '填了纬度，也请填写经度；或者两项都不填，使用街镇中心点');
    assert.equal(wordsFor(placeCreateSchema, { ...place, streetId: '' }, PLACE_WORDS).lat, '丰台区以外的场地没有街镇中心点可用，请填写坐标（在地图软件里查）');
    assert.equal(wordsFor(placeCreateSchema, { ...place, providerId: '' }, PLACE_WORDS).providerId, '教室要选择所属培训机构');
    assert.deepEqual(wordsFor(placeCreateSchema, { ...place, name: '', kind: 'shop' }, PLACE_WORDS), { name: '请填写场地名称', kind: '请选择场地类型' });
  });

  it('the writers\' refusals: a taken name, a rename by a 培训机构, an unknown street or provider, a missing record', () => {
    const refused = wordRefusal({ ok: false, code: 'invalid', message: '', fieldErrors: { name: 'nameTaken' } }, PROVIDER_WORDS);
    assert.equal(refused.fieldErrors!.name, '已经有一家同名的培训机构，请检查是否重复添加；如是不同机构，请写全称以示区别。');
    assert.equal(wordRefusal({ ok: false, code: 'forbidden', message: 'renameForbidden' }, PROVIDER_WORDS).message, '机构名称和简称只能由区人社局的编辑修改。其他内容没有保存，请把名称改回原样再保存，或联系编辑。');
    const place = wordRefusal({ ok: false, code: 'invalid', message: '', fieldErrors: { streetId: 'streetMissing', providerId: 'providerMissing' } }, PLACE_WORDS);
    assert.deepEqual(place.fieldErrors, { streetId: '请从列表中选择街镇', providerId: '请从列表中选择培训机构' });
    assert.equal(wordRefusal({ ok: false, code: 'not_found', message: 'placeNotFound' }, PLACE_WORDS).message, '找不到这个场地，可能已被删除。');
  });

  it('a conflict names the changed fields in words', () => {
    const conflict = { changes: [{ by: 'editor', at: '2026-12-01 09:00', fields: ['address'] }], currentVersion: 3 };
    assert.deepEqual(wordRefusal({ ok: false, code: 'conflict', message: '', conflict }, PROVIDER_WORDS).conflict!.changes[0]!.fields, ['地址']);
    assert.deepEqual(wordRefusal({ ok: false, code: 'conflict', message: '', conflict: { ...conflict, changes: [{ ...conflict.changes[0]!, fields: ['note'] }] } }, PLACE_WORDS).conflict!.changes[0]!.fields, ['备注']);
  });

  it('a record still in use says what uses it, at the action\'s edge', async () => {
    const refuse = (message: string) => orgWorded(async (): Promise<ActionResult> => ({ ok: false, code: 'state', message }), PROVIDER_WORDS)(undefined);
    const provider = await refuse(inUseCode({ entity: 'provider', name: '某培训学校', courses: 3, places: 2, users: 0 }));
    assert.ok(!provider.ok);
    assert.equal(provider.message, '「某培训学校」还在使用中（3 门课程、2 个场地），不能删除。请先把这些课程、场地或账号改到别的机构或删除，再来删除这家机构。');
    const place = await refuse(inUseCode({ entity: 'place', name: '某教室', runs: 4, fairs: 0 }));
    assert.ok(!place.ok);
    assert.match(place.message, /「某教室」还在使用中（4 个班期）/);
    // Any other message passes as it was.
    const other = await refuse('这条记录当前的状态不允许这项操作。');
    assert.ok(!other.ok && other.message === '这条记录当前的状态不允许这项操作。');
  });

  it('a saved place says which street\'s centre it took, only when it took one', () => {
    assert.equal(placeSavedMessage('created', '卢沟桥街道'), '已新建场地。没有填写坐标，已使用「卢沟桥街道」的中心点作为坐标。');
    assert.equal(placeSavedMessage('saved', null), '已保存。用到这个场地的课程和招聘会页面已更新。');
    assert.doesNotMatch(placeSavedMessage('created', null), /中心点/);
  });
});
