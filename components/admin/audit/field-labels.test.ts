/** Every column a snapshot of an audited record can hold has words, and coded values read as words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getTableColumns, type Table } from 'drizzle-orm';
import { calendarDays, courseRuns, courses, fairEmployers, fairPositions, fairs, places, providers, services, stations, subsidyRules, users } from '@/db/schema';
import type { AuditEntity } from '@/db/enums';
import { fieldLabel, valueWords } from './field-labels';

const TABLES: [AuditEntity, Table, string?][] = [
  ['course', courses],
  ['run', courseRuns],
  ['station', stations],
  ['fair', fairs],
  ['fair', fairEmployers, 'employer'],
  ['fair', fairPositions, 'position'],
  ['calendar', calendarDays],
  ['user', users],
  ['provider', providers],
  ['place', places],
  ['subsidy_rule', subsidyRules],
  ['service', services],
];

/** Never in a snapshot (snapshot() drops it) or never shown (bookkeeping). */
const NOT_SHOWN = new Set(['passwordHash', 'createdAt', 'updatedAt']);

describe('audit field words', () => {
  it('has words for every column of every audited table', () => {
    const missing: string[] = [];
    for (const [entity, table, part] of TABLES) {
      for (const key of Object.keys(getTableColumns(table))) {
        if (NOT_SHOWN.has(key)) continue;
        const field = part ? `${part}.${key}` : key;
        const words = fieldLabel(entity, field);
        if (!/[\u4e00-\u9fff]/.test(words)) missing.push(`${entity}.${field}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('names a station’s own words first, and the logged lists', () => {
    assert.equal(fieldLabel('station', 'hours'), '每周开放时间');
    assert.equal(fieldLabel('station', 'exceptions'), '临时调整');
    assert.equal(fieldLabel('fair', 'employer.name'), '参展单位 · 单位名称');
  });

  it('words coded values by field and entity', () => {
    assert.equal(valueWords('course', 'publication', 'published'), '已发布');
    assert.equal(valueWords('station', 'status', 'suspended'), '暂停服务');
    assert.equal(valueWords('user', 'role', 'editor'), '编辑');
    assert.equal(valueWords('station', 'name', 'published'), null);
  });
});
