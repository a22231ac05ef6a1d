/**
 * The markup-junk check on names and labels: the classifier on its own, then through the forms'
 * own schemas (what the browser and the server action both run), with the Chinese sentence the
 * admin reads. Real names with brackets, ampersands and percent signs stay accepted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { isPlainName, markupKind } from './markup';
import { createUserSchema } from './admin/user';
import { courseFields } from './admin/course';
import { runFields } from './admin/run';
import { employerSchema, fairCreateSchema, positionSchema } from './admin/fair';
import { stationDetailsSchema } from './admin/station';

describe('markupKind', () => {
  it('finds tags, script URLs, template syntax and control characters', () => {
    const junk: [string, string][] = [
      ['<script>alert(1)</script>', 'tag'],
      ['<b>养老护理</b>', 'tag'],
      ['名称</a>', 'tag'],
      ['<!-- x -->', 'tag'],
      ['< img src=x onerror=alert(1)>', 'tag'],
      ['<?php echo 1 ?>', 'tag'],
      ['javascript:alert(1)', 'script-url'],
      ['JavaScript :void(0)', 'script-url'],
      ['vbscript:msgbox', 'script-url'],
      ['data:text/html,<x>', 'tag'],
      ['data: text/html;base64,AAAA', 'script-url'],
      ['{{7*7}}', 'template'],
      ['${jndi:ldap://x}', 'template'],
      ['<%= 1 %>', 'template'],
      ['#{1+1}', 'template'],
      ['养老\u0000护理', 'control'],
      ['养老\n护理', 'control'],
      ['养老\t护理', 'control'],
      ['\u202e理护老养', 'control'],
      ['养老\u200b护理', 'control'],
    ];
    for (const [s, kind] of junk) assert.equal(markupKind(s), kind, JSON.stringify(s));
  });

  it('leaves real names alone', () => {
    for (const s of [
      '养老护理员（四级）',
      '丰台区右安门街道社区卫生服务中心',
      'C++ 程序设计',
      'R&D 助理',
      '100% 就业保障班',
      '小于 <5 人的小班',
      '1 < 2 > 0',
      '《电工》培训',
      '【春季】第 1 期',
      'Java 开发：入门',
      '{周末班}',
      '$50 补贴',
      "O'Brien",
      '张三',
    ])
      assert.equal(isPlainName(s), true, s);
  });
});

/** The message the schema gives at `field` for `input` (whatever else the input lacks). */
function messageAt(schema: z.ZodType, input: unknown, field: string): string | undefined {
  const r = schema.safeParse(input);
  return r.success ? undefined : r.error.issues.find((i) => i.path.join('.') === field)?.message;
}

describe('every name field refuses junk through its form schema', () => {
  it('an account’s display name, with the sentence the form shows', () => {
    const ok = { username: 'zhangsan', displayName: '张三', role: 'editor', providerId: '', stationId: '', password: 'a-good-password-1', passwordConfirm: 'a-good-password-1' };
    assert.equal(createUserSchema.safeParse(ok).success, true);
    assert.equal(
      messageAt(createUserSchema, { ...ok, displayName: '<b>张三</b>' }, 'displayName'),
      '姓名或单位名称只能填写文字，不能含有 <b>、<script>、javascript:、{{、${ 这类标记或代码，也不能含有控制字符',
    );
  });

  it('a course title (a coded schema: the code, worded by components/admin/field-words.ts)', () => {
    assert.equal(messageAt(courseFields.title, '{{title}}', ''), 'markup');
    assert.equal(courseFields.title.safeParse('养老护理员（四级）').success, true);
  });

  it('a run’s 期次 and contact name', () => {
    assert.equal(messageAt(runFields.label, 'javascript:alert(1)', ''), 'markup');
    assert.equal(runFields.label.safeParse('2027 年春季第 1 期').success, true);
    assert.equal(runFields.contactName.safeParse('').success, true);
    assert.equal(messageAt(runFields.contactName, '王\u0007老师', ''), 'markup');
  });

  it('a fair title, an employer and a position, a station name', () => {
    assert.match(messageAt(fairCreateSchema, { title: '${x}' }, 'title') ?? '', /^招聘会名称只能填写文字/);
    assert.match(messageAt(employerSchema, { name: '<a href=x>某公司</a>' }, 'name') ?? '', /^单位名称只能填写文字/);
    assert.match(messageAt(positionSchema, { title: '<script>' }, 'title') ?? '', /^岗位名称只能填写文字/);
    assert.match(messageAt(stationDetailsSchema, { name: '<i>右安门</i>' }, 'name') ?? '', /^驿站名称只能填写文字/);
    assert.equal(messageAt(stationDetailsSchema, { name: '右安门驿站' }, 'name'), undefined);
  });
});
