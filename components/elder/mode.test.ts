import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { modeFromCookie, parseModeParam, safeBack, switchHref } from './mode';

describe('elder mode: where the switch may send residents back to', () => {
  it('keeps local paths with their query and fragment', () => {
    assert.equal(safeBack('/'), '/');
    assert.equal(safeBack('/stations?open=1'), '/stations?open=1');
    assert.equal(safeBack('/courses/12'), '/courses/12');
    assert.equal(safeBack('/search?q=电工'), '/search?q=%E7%94%B5%E5%B7%A5');
    assert.equal(safeBack('/fairs?date=week#list'), '/fairs?date=week#list');
  });

  it('refuses other sites in every spelling', () => {
    for (const bad of [
      '//evil.example',
      '//evil.example/stations',
      '/\\evil.example',
      '/\\/evil.example',
      '/stations\\..\\..\\/evil.example',
      'https://evil.example/',
      'http:/evil.example',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,hi',
      'evil.example',
      ' /stations',
      '/\t/evil.example',
      '/\n/evil.example',
      '/%0a/x\u0000',
    ]) {
      assert.equal(safeBack(bad), '/', JSON.stringify(bad));
    }
  });

  it('gives the home page for missing, empty, over-long or looping values', () => {
    assert.equal(safeBack(null), '/');
    assert.equal(safeBack(undefined), '/');
    assert.equal(safeBack(''), '/');
    assert.equal(safeBack('/' + 'a'.repeat(3000)), '/');
    assert.equal(safeBack('/elder?mode=on'), '/');
    assert.equal(safeBack('/elder/'), '/');
    assert.equal(safeBack('/elderly-care'), '/elderly-care');
  });

  it('normalises dot segments without leaving the site', () => {
    assert.equal(safeBack('/a/../../stations'), '/stations');
    assert.equal(safeBack('/./courses'), '/courses');
  });

  it('reads the cookie and the mode parameter strictly', () => {
    assert.equal(modeFromCookie('elder'), 'elder');
    assert.equal(modeFromCookie('ELDER'), 'standard');
    assert.equal(modeFromCookie(undefined), 'standard');
    assert.equal(parseModeParam('on'), 'elder');
    assert.equal(parseModeParam('off'), 'standard');
    assert.equal(parseModeParam('yes'), null);
    assert.equal(parseModeParam(null), null);
  });

  it('builds the switch link for the other mode with a safe way back', () => {
    assert.equal(switchHref('standard', '/stations?open=1'), '/elder?mode=on&back=%2Fstations%3Fopen%3D1');
    assert.equal(switchHref('elder', '/'), '/elder?mode=off&back=%2F');
    assert.equal(switchHref('standard', '//evil.example'), '/elder?mode=on&back=%2F');
  });
});
