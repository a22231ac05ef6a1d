/** The client address: from the connection, from X-Forwarded-For only behind a named proxy. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AddressSet, PEER_HEADER, clientIp, isRelayed, normaliseAddress, peerAddress, peerHeaderValue, resolveClient, stampFor } from './client-ip';

const headers = (h: Record<string, string>) => new Headers(h);
const stamped = (peer: string, xff?: string) => headers({ [PEER_HEADER]: peerHeaderValue(peer), ...(xff ? { 'x-forwarded-for': xff } : {}) });

describe('AddressSet', () => {
  it('holds addresses and CIDR ranges, IPv4 and IPv6, and reports what it cannot read', () => {
    const s = new AddressSet('127.0.0.1, 10.0.0.0/8 ::1 fd00::/8,, nginx, 10.0.0.0/33, 1.2.3.4/8/1');
    assert.deepEqual(s.entries, ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    assert.deepEqual(s.invalid, ['nginx', '10.0.0.0/33', '1.2.3.4/8/1']);
    for (const a of ['127.0.0.1', '::ffff:127.0.0.1', '10.255.0.3', '::1', 'FD00::5']) assert.equal(s.has(a), true, a);
    for (const a of ['127.0.0.2', '11.0.0.1', '::2', 'fe80::1', 'unknown', '', '127.0.0.1, 1.1.1.1']) assert.equal(s.has(a), false, a);
  });

  it('normalises IPv4 on a dual-stack socket and rejects what is no address', () => {
    assert.equal(normaliseAddress('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(normaliseAddress(' 2001:DB8::1 '), '2001:db8::1');
    assert.equal(normaliseAddress('192.0.2.1:80'), null);
    assert.equal(normaliseAddress('<script>'), null);
    assert.equal(normaliseAddress(undefined), null);
  });
});

describe('resolveClient', () => {
  const trusted = new AddressSet('127.0.0.1,10.0.0.0/8');

  it('a direct client is its connection, whatever X-Forwarded-For says', () => {
    assert.equal(resolveClient('203.0.113.9', '127.0.0.1', trusted), '203.0.113.9');
    assert.equal(resolveClient('203.0.113.9', '1.1.1.1, 2.2.2.2', trusted), '203.0.113.9');
    assert.equal(resolveClient('203.0.113.9', null, new AddressSet('')), '203.0.113.9');
  });

  it('behind a trusted proxy the first untrusted entry from the right is the client; entries left of it are the client’s own words', () => {
    // nginx appended the address it saw (198.51.100.4); the client had written 127.0.0.1 itself.
    assert.equal(resolveClient('127.0.0.1', '127.0.0.1, 198.51.100.4', trusted), '198.51.100.4');
    // Two trusted hops: a load balancer 10.1.2.3 in front of nginx.
    assert.equal(resolveClient('127.0.0.1', '9.9.9.9, 198.51.100.4, 10.1.2.3', trusted), '198.51.100.4');
    // The proxy reached directly from a trusted machine with no header: that machine.
    assert.equal(resolveClient('127.0.0.1', null, trusted), '127.0.0.1');
    assert.equal(resolveClient('127.0.0.1', '10.1.2.3', trusted), '10.1.2.3');
  });

  it('an entry that is no address stops the walk at the last proxy that passed it on', () => {
    assert.equal(resolveClient('127.0.0.1', "1.1.1.1, ' OR 1=1--, 10.1.2.3", trusted), '10.1.2.3');
    assert.equal(resolveClient('127.0.0.1', 'garbage', trusted), '127.0.0.1');
  });
});

describe('clientIp', () => {
  it('reads the stamped connection address; X-Forwarded-For only from a trusted proxy', () => {
    const trusted = new AddressSet('127.0.0.1');
    assert.equal(clientIp(stamped('198.51.100.7', '127.0.0.1'), trusted), '198.51.100.7');
    assert.equal(clientIp(stamped('::ffff:198.51.100.7'), trusted), '198.51.100.7');
    assert.equal(clientIp(stamped('127.0.0.1', '5.6.7.8, 198.51.100.8'), trusted), '198.51.100.8');
  });

  it('a peer header the client wrote itself (without this process’s token) is worth nothing', () => {
    const trusted = new AddressSet('127.0.0.1');
    assert.equal(peerAddress(headers({ [PEER_HEADER]: '198.51.100.9' })), null);
    assert.equal(peerAddress(headers({ [PEER_HEADER]: 'deadbeef 198.51.100.9' })), null);
    assert.equal(clientIp(headers({ [PEER_HEADER]: 'x 127.0.0.1', 'x-forwarded-for': '1.2.3.4' }), trusted), 'unknown');
    assert.equal(clientIp(headers({ 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }), trusted), 'unknown');
  });
});

describe('stampFor (what the server writes on each incoming request)', () => {
  it('overwrites whatever a client sent with the connection’s address', () => {
    for (const forged of [undefined, '127.0.0.1', 'deadbeef 127.0.0.1', 'deadbeef 127.0.0.1 relayed', ['a', 'b']]) {
      const v = stampFor(forged, '198.51.100.40');
      assert.equal(peerAddress(headers({ [PEER_HEADER]: v })), '198.51.100.40');
      assert.equal(isRelayed(headers({ [PEER_HEADER]: v })), false);
    }
  });

  it('keeps the original client on Next’s own forwarding of an action call (it carries our token), marked as relayed', () => {
    const first = stampFor(undefined, '198.51.100.41');
    const forwarded = stampFor(first, '127.0.0.1');
    assert.equal(peerAddress(headers({ [PEER_HEADER]: forwarded })), '198.51.100.41');
    assert.equal(isRelayed(headers({ [PEER_HEADER]: forwarded })), true);
    assert.equal(stampFor(forwarded, '127.0.0.1'), forwarded);
  });
});
