// ICE-lite of a WebRtcTransport, driven by the real mediasoup Node library: a loopback
// socket plays the browser and sends STUN Binding requests built here; the responses are
// checked byte by byte (HMAC-SHA1, CRC-32) and the transport's iceState and iceSelectedTuple
// must follow, through the library's events and getters.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const stun = require('./stun');
const { is332, mediasoup, listenWebRtc, tuple, udpSocket, until, workerAndRouter } = require('./harness');

const room = workerAndRouter({ mediaCodecs: [] });

/** Sends `request` from `socket` and resolves with the first datagram back. */
function exchange(socket, port, request) {
  return new Promise((resolve) => {
    socket.once('message', resolve);
    socket.send(request, port, '127.0.0.1');
  });
}

test('a nominating Binding request over UDP completes ICE and selects its tuple', async () => {
  const transport = await room.router.createWebRtcTransport(listenWebRtc());
  const socket = await udpSocket();
  try {
    const { usernameFragment, password } = transport.iceParameters;
    const [ candidate ] = transport.iceCandidates;
    assert.equal(transport.iceState, 'new');
    const states = [];
    const tuples = [];
    transport.on('icestatechange', (state) => states.push(state));
    transport.on('iceselectedtuplechange', (tuple) => tuples.push(tuple));

    const wrong = stun.parse(await exchange(socket, candidate.port,
      stun.bindingRequest({ username: `${usernameFragment}:browser`, password: 'not the password' })), password);
    assert.equal(wrong.type, 0x0111);
    // ERROR-CODE 401; 3.32's worker adds a reason phrase, 3.8's none.
    assert.deepEqual(wrong.attributes[0x0009], Buffer.concat([ Buffer.from([ 0, 0, 4, 1 ]),
      Buffer.from(is332 ? 'wrong authentication in STUN Binding request' : '') ]));
    assert.equal(wrong.fingerprintOk, true);

    const request = stun.bindingRequest({ username: `${usernameFragment}:browser`, password, useCandidate: true });
    const response = await exchange(socket, candidate.port, request);
    const success = stun.parse(response, password);
    assert.equal(success.type, 0x0101);
    assert.deepEqual(success.transactionId, request.subarray(8, 20));
    assert.deepEqual(success.order, [ 0x0020, 0x0008, 0x8028 ]);
    assert.deepEqual(stun.xorMappedAddress(success), { family: 1, ip: '127.0.0.1', port: socket.address().port });
    assert.equal(success.integrityOk, true);
    assert.equal(success.fingerprintOk, true);

    const expectedTuple = tuple({
      localIp: '127.0.0.1', localPort: candidate.port, remoteIp: '127.0.0.1', remotePort: socket.address().port, protocol: 'udp'
    });
    assert.ok(await until(() => transport.iceState === 'completed'));
    assert.deepEqual(states, [ 'completed' ]);
    assert.deepEqual(tuples, [ expectedTuple ]);
    assert.deepEqual(transport.iceSelectedTuple, expectedTuple);
    const dump = await transport.dump();
    assert.equal(dump.iceState, 'completed');
    // 3.32's library reads no iceSelectedTuple out of the worker's dump (its getStats does).
    assert.deepEqual(dump.iceSelectedTuple, is332 ? undefined : expectedTuple);
    const [ stats ] = await transport.getStats();
    assert.equal(stats.iceState, 'completed');
    assert.deepEqual(stats.iceSelectedTuple, expectedTuple);
  } finally {
    socket.close();
    transport.close();
  }
});

test('ICE-TCP: a framed Binding request connects, closing the connection disconnects', async () => {
  const transport = await room.router.createWebRtcTransport(listenWebRtc({ udp: false, tcp: true }));
  const { usernameFragment, password } = transport.iceParameters;
  const [ candidate ] = transport.iceCandidates;
  assert.equal(candidate.tcpType, 'passive');
  const connection = net.connect(candidate.port, '127.0.0.1');
  try {
    await new Promise((resolve) => connection.once('connect', resolve));
    const received = [];
    connection.on('data', (chunk) => received.push(chunk));
    const request = stun.bindingRequest({ username: `${usernameFragment}:browser`, password });
    const frame = Buffer.alloc(2 + request.length);
    frame.writeUInt16BE(request.length);
    request.copy(frame, 2);
    connection.write(frame);

    assert.ok(await until(() => transport.iceState === 'connected'));
    assert.ok(await until(() => Buffer.concat(received).length >= 2));
    const stream = Buffer.concat(received);
    assert.equal(stream.readUInt16BE(0), stream.length - 2);
    const success = stun.parse(stream.subarray(2), password);
    assert.equal(success.type, 0x0101);
    assert.equal(success.integrityOk, true);
    assert.equal(success.fingerprintOk, true);
    assert.deepEqual(transport.iceSelectedTuple, tuple({
      localIp: '127.0.0.1', localPort: candidate.port, remoteIp: '127.0.0.1', remotePort: connection.localPort, protocol: 'tcp'
    }));

    connection.end();
    assert.ok(await until(() => transport.iceState === 'disconnected'));
  } finally {
    connection.destroy();
    transport.close();
  }
});
