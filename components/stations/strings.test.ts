/**
 * The station reads return codes; these are the words residents read for them (what the finder's
 * chips, notice and result rows said before the data layer stopped saying words).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facilityLabels, hostTypeLabel, originLabel, serviceModeLabel, serviceModeMark, stationChipLabel, stationChips, stationNotice } from './strings';

describe('station words from codes', () => {
  it('says every chip of the finder', () => {
    assert.equal(stationChipLabel({ key: 'q', value: '银行' }), '关键词：银行');
    assert.equal(stationChipLabel({ key: 'street', value: '9', name: '丰台街道' }), '丰台街道');
    assert.equal(stationChipLabel({ key: 'host', value: 'bank' }), '银行网点');
    assert.equal(stationChipLabel({ key: 'service', value: '3', name: '异地就医备案' }), '办理：异地就医备案');
    assert.equal(stationChipLabel({ key: 'open' }), '现在营业');
    assert.equal(stationChipLabel({ key: 'evening' }), '工作日晚上开放');
    assert.equal(stationChipLabel({ key: 'weekend' }), '周末开放');
    assert.equal(stationChipLabel({ key: 'near', name: '丰台街道' }), '位置：丰台街道');
    assert.equal(stationChipLabel({ key: 'lat', name: null }), '位置：我的位置');
    // The shared chip control removes single-valued keys whole.
    assert.deepEqual(stationChips([{ key: 'host', value: 'bank' }]), [{ key: 'host', label: '银行网点' }]);
  });

  it('says the notice, the origin, host types, service modes and facilities', () => {
    assert.equal(stationNotice('invalid-params'), '网址里有些条件无法识别，已按默认条件显示。');
    assert.equal(stationNotice(null), null);
    assert.equal(originLabel({ kind: 'device', name: null }), '我的位置');
    assert.equal(originLabel({ kind: 'near', name: '北京南站' }), '北京南站');
    assert.equal(hostTypeLabel('street_centre'), '街镇便民服务中心');
    assert.equal(serviceModeLabel('counter'), '窗口办理');
    assert.equal(serviceModeMark('counter'), '窗口');
    assert.deepEqual(facilityLabels(['window', 'ai']), ['人工窗口', 'AI数字人']);
  });
});
