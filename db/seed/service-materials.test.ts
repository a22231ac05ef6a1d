/** Every service of the sample catalogue says what to bring, and where on the phone when it can be done there. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SERVICES } from './services';
import { SERVICE_MATERIALS, materialsOf } from './service-materials';

describe('sample catalogue: what to bring', () => {
  it('names materials for every service, and only for services in the catalogue', () => {
    const names = new Set(SERVICES.map((s) => s.name));
    for (const s of SERVICES) assert.ok(materialsOf(s.name).materials.length > 0, `${s.name} has no materials`);
    assert.deepEqual(Object.keys(SERVICE_MATERIALS).filter((n) => !names.has(n)), []);
  });

  it('gives a phone note to exactly the services that can be done on a phone', () => {
    for (const s of SERVICES) assert.equal(materialsOf(s.name).onlineNote !== '', s.online, s.name);
  });

  it('asks for the ID card for a 异地就医备案 and for the bills for a 手工报销', () => {
    assert.ok(materialsOf('异地就医备案').materials.includes('本人身份证'));
    assert.ok(materialsOf('门诊费用手工报销申请').materials.some((m) => m.includes('发票')));
  });

  it('has no duplicate item within a service, and none blank', () => {
    for (const s of SERVICES) {
      const m = materialsOf(s.name).materials;
      assert.equal(new Set(m).size, m.length, s.name);
      assert.ok(m.every((x) => x.trim() !== ''), s.name);
    }
  });

  it('gives unknown names nothing rather than throwing', () => {
    assert.deepEqual(materialsOf('不存在的事项'), { materials: [], onlineNote: '' });
  });
});
