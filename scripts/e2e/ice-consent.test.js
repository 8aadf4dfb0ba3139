// What mediasoup 3.32's ICE-lite agent adds, driven by the real Node library over loopback:
// RFC 7675 consent (a peer silent for iceConsentTimeout seconds is disconnected, and
// connected again by its next Binding request; 0 disables it), renomination by the NOMINATION
// attribute, and each era's ICE credential lengths.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const stun = require('./stun');
const { is332, mediasoup, listenWebRtc, udpSocket, until, workerAndRouter } = require('./harness');

const only332 = !is332 && 'mediasoup 3.8.4 has no ICE consent checks nor renomination';

const room = workerAndRouter({ mediaCodecs: [] });

/** Sends a Binding request signed for `transport` from `socket` and resolves with the parsed answer. */
function bind(transport, socket, options = {}) {
  const { usernameFragment, password } = transport.iceParameters;
  const request = stun.bindingRequest({ username: `${usernameFragment}:browser`, password, ...options });
  return new Promise((resolve) => {
    socket.once('message', (message) => resolve(stun.parse(message, password)));
    socket.send(request, transport.iceCandidates[0].port, '127.0.0.1');
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('ICE credentials have the era\'s lengths', async () => {
  const transport = await room.router.createWebRtcTransport(listenWebRtc());
  try {
    const { usernameFragment, password } = transport.iceParameters;
    assert.match(usernameFragment, is332 ? /^[0-9a-z]{32}$/ : /^[0-9a-z]{16}$/);
    assert.match(password, /^[0-9a-z]{32}$/);
    const restarted = await transport.restartIce();
    assert.equal(restarted.usernameFragment.length, usernameFragment.length);
    assert.notEqual(restarted.usernameFragment, usernameFragment);
  } finally {
    transport.close();
  }
});

test('a peer silent for iceConsentTimeout is disconnected, and connected again by its next request',
  { skip: only332 }, async () => {
    const expiring = await room.router.createWebRtcTransport({ ...listenWebRtc(), iceConsentTimeout: 10 });
    const unchecked = await room.router.createWebRtcTransport({ ...listenWebRtc(), iceConsentTimeout: 0 });
    const socket = await udpSocket();
    try {
      const states = [];
      expiring.on('icestatechange', (state) => states.push({ state, at: Date.now() }));
      assert.equal((await bind(expiring, socket, { useCandidate: true })).type, 0x0101);
      assert.equal((await bind(unchecked, socket, { useCandidate: true })).type, 0x0101);
      assert.ok(await until(() => expiring.iceState === 'completed' && unchecked.iceState === 'completed'));

      // Consent given again 6 s in: 12 s after the first request it still holds.
      await sleep(6000);
      await bind(expiring, socket);
      const lastConsent = Date.now();
      await sleep(6000);
      assert.equal(expiring.iceState, 'completed');

      assert.ok(await until(() => expiring.iceState === 'disconnected', 6000));
      const expiredAfter = states.at(-1).at - lastConsent;
      assert.ok(expiredAfter >= 9900 && expiredAfter < 11500, `consent expired ${expiredAfter} ms after the last request`);
      // The library's getter keeps the last tuple; the worker has none.
      const dump = await expiring.dump();
      assert.equal(dump.iceState, 'disconnected');
      assert.equal(dump.iceSelectedTuple, undefined);
      assert.equal(unchecked.iceState, 'completed');

      assert.equal((await bind(expiring, socket)).type, 0x0101);
      assert.ok(await until(() => expiring.iceState === 'connected'));
      assert.deepEqual(states.map(({ state }) => state), [ 'completed', 'disconnected', 'connected' ]);
      assert.equal(expiring.iceSelectedTuple.remotePort, socket.address().port);
    } finally {
      socket.close();
      expiring.close();
      unchecked.close();
    }
  });

test('a higher NOMINATION moves the selected tuple, a stale one does not', { skip: only332 }, async () => {
  const transport = await room.router.createWebRtcTransport(listenWebRtc());
  const first = await udpSocket();
  const second = await udpSocket();
  try {
    const tuples = [];
    transport.on('iceselectedtuplechange', (tuple) => tuples.push(tuple.remotePort));
    assert.equal((await bind(transport, first, { nomination: 0 })).type, 0x0101);
    // NOMINATION 0 nominates nothing: the tuple is valid, ICE stays new.
    await sleep(200);
    assert.equal(transport.iceState, 'new');

    await bind(transport, first, { nomination: 2 });
    assert.ok(await until(() => transport.iceState === 'completed'));
    await bind(transport, second, { nomination: 2 });
    await bind(transport, second, { nomination: 1 });
    await sleep(200);
    assert.equal(transport.iceSelectedTuple.remotePort, first.address().port);

    await bind(transport, second, { nomination: 3 });
    assert.ok(await until(() => transport.iceSelectedTuple.remotePort === second.address().port));
    assert.deepEqual(tuples, [ first.address().port, second.address().port ]);
  } finally {
    first.close();
    second.close();
    transport.close();
  }
});
