/**
 * What a provider's and a place's forms say when the schema refuses (the schema answers in codes,
 * db/admin/orgs.test.ts; the words are PROVIDER_WORDS and PLACE_WORDS, used by the forms and the
 * actions alike).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { placeCreateSchema, providerCreateSchema } from '@/db/validation/admin/org';
import { zodFieldErrors } from '@/db/admin/zod-errors';
import { fieldMessages, type EntityWords } from '../field-words';
import { PLACE_WORDS, PROVIDER_WORDS } from './strings';

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
});
