// mediasoup 3.32's bandwidth estimation options, driven by the real Node library: a Plain
// transport consuming a producer that negotiated transport-cc, connected to a loopback socket,
// reports the limits as its C++ worker keeps them (initialAvailableOutgoingBitrate,
// min/maxOutgoingBitrate within 30 kbps..1 Gbps, the maximum raised to the minimum, 0 lifting
// a limit set later) in getStats() and in "bwe" trace events, traced on each change of the
// estimate only; with enableBwe false there is no estimation at all. A producing transport
// reports its maxIncomingBitrate once it has connected, as its receiving controller is made then.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, listen, udpSocket, until, workerAndRouter } = require('./harness');

const only332 = !is332 && 'mediasoup 3.8.4 has neither enableBwe nor these limits';
const TRANSPORT_CC = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';

const room = workerAndRouter({
    mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, rtcpFeedback: [ { type: 'transport-cc' } ] } ]
  });

/** A consuming transport with `options`, connected to a socket, and its "bwe" traces. */
async function consuming(options) {
  const socket = await udpSocket();
  const producing = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await producing.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [ { mimeType: 'video/VP8', payloadType: 100, clockRate: 90000, rtcpFeedback: [ { type: 'transport-cc' } ] } ],
      headerExtensions: [ { uri: TRANSPORT_CC, id: 5 } ],
      encodings: [ { ssrc: 1111 } ]
    }
  });
  const transport = await room.router.createPlainTransport({ ...listen(), ...options });
  await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
  const traces = [];
  await transport.enableTraceEvent([ 'bwe' ]);
  transport.on('trace', (trace) => traces.push(trace.info));
  await transport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities });
  return {
    transport,
    traces,
    close() {
      socket.close();
      producing.close();
      transport.close();
    }
  };
}

async function limits(transport) {
  const [ { availableOutgoingBitrate, maxOutgoingBitrate, minOutgoingBitrate } ] = await transport.getStats();
  return { availableOutgoingBitrate, maxOutgoingBitrate, minOutgoingBitrate };
}

test('without options: the initial estimate 600 kbps, limits 30 kbps..1 Gbps', { skip: only332 }, async () => {
  const { transport, traces, close } = await consuming({});
  try {
    assert.deepEqual(await limits(transport),
      { availableOutgoingBitrate: 600000, maxOutgoingBitrate: 1000000000, minOutgoingBitrate: 30000 });
    assert.ok(await until(() => traces.length > 0));
    assert.deepEqual(traces[0], { desiredBitrate: 0, minBitrate: 30000, maxBitrate: 1000000000, availableBitrate: 600000 });
  } finally {
    close();
  }
});

test('the options are the limits and the initial estimate', { skip: only332 }, async () => {
  const { transport, traces, close } = await consuming({
    initialAvailableOutgoingBitrate: 1000000, minOutgoingBitrate: 50000, maxOutgoingBitrate: 2000000
  });
  try {
    assert.deepEqual(await limits(transport),
      { availableOutgoingBitrate: 1000000, maxOutgoingBitrate: 2000000, minOutgoingBitrate: 50000 });
    assert.ok(await until(() => traces.length > 0));
    assert.deepEqual(traces[0], { desiredBitrate: 0, minBitrate: 50000, maxBitrate: 2000000, availableBitrate: 1000000 });
  } finally {
    close();
  }
});

test('limits below 30 kbps are raised to it, and the initial estimate kept within them', { skip: only332 }, async () => {
  const { transport, close } = await consuming({
    initialAvailableOutgoingBitrate: 100, minOutgoingBitrate: 5000, maxOutgoingBitrate: 1000
  });
  try {
    assert.deepEqual(await limits(transport),
      { availableOutgoingBitrate: 30000, maxOutgoingBitrate: 30000, minOutgoingBitrate: 30000 });
  } finally {
    close();
  }
});

test('setMaxOutgoingBitrate below 30 kbps takes 30 kbps, a minimum above the maximum raises it, 0 lifts both',
  { skip: only332 }, async () => {
    const { transport, close } = await consuming({});
    try {
      await transport.setMaxOutgoingBitrate(10);
      assert.equal((await limits(transport)).maxOutgoingBitrate, 30000);
      await transport.setMinOutgoingBitrate(3000000);
      assert.deepEqual(await limits(transport),
        { availableOutgoingBitrate: 3000000, maxOutgoingBitrate: 3000000, minOutgoingBitrate: 3000000 });
      await transport.setMaxOutgoingBitrate(0);
      await transport.setMinOutgoingBitrate(0);
      const lifted = await limits(transport);
      assert.equal(lifted.maxOutgoingBitrate, 1000000000);
      assert.equal(lifted.minOutgoingBitrate, 30000);
    } finally {
      close();
    }
  });

test('a "bwe" trace on each change of the estimate: a floor lifted before the next update leaves the estimate, '
  + 'one held past it keeps it raised', { skip: only332 }, async () => {
  const { transport, traces, close } = await consuming({});
  try {
    assert.ok(await until(() => traces.length === 1));
    await Promise.all([ transport.setMinOutgoingBitrate(3000000), transport.setMinOutgoingBitrate(0) ]);
    assert.equal((await limits(transport)).availableOutgoingBitrate, 600000);
    await transport.setMinOutgoingBitrate(3000000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await transport.setMinOutgoingBitrate(0);
    assert.equal((await limits(transport)).availableOutgoingBitrate, 3000000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(traces.map(({ minBitrate, availableBitrate }) => [ minBitrate, availableBitrate ]),
      [ [ 30000, 600000 ], [ 3000000, 3000000 ], [ 30000, 600000 ], [ 3000000, 3000000 ] ]);
  } finally {
    close();
  }
});

test('enableBwe false: no estimation, no limits reported, no "bwe" traces', { skip: only332 }, async () => {
  const { transport, traces, close } = await consuming({ enableBwe: false, maxOutgoingBitrate: 2000000 });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.deepEqual(await limits(transport),
      { availableOutgoingBitrate: undefined, maxOutgoingBitrate: undefined, minOutgoingBitrate: undefined });
    assert.deepEqual(traces, []);
  } finally {
    close();
  }
});

test('maxIncomingBitrate: in the stats once the producing transport has connected', { skip: only332 }, async () => {
  const sender = await udpSocket();
  const producing = await room.router.createPlainTransport({ ...listen(), comedia: true });
  try {
    await producing.setMaxIncomingBitrate(500000);
    await producing.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [ { mimeType: 'video/VP8', payloadType: 100, clockRate: 90000, rtcpFeedback: [ { type: 'transport-cc' } ] } ],
        headerExtensions: [ { uri: TRANSPORT_CC, id: 5 } ],
        encodings: [ { ssrc: 1111 } ]
      }
    });
    const before = (await producing.getStats())[0].maxIncomingBitrate;
    assert.equal(before, undefined, 'not before it is connected');
    const packet = rtp.build({ payloadType: 100, seq: 1, timestamp: 90, ssrc: 1111, payload: Buffer.from([ 0x10, 0, 0, 0 ]) });
    sender.send(packet, producing.tuple.localPort, '127.0.0.1');
    assert.ok(await until(async () => (await producing.getStats())[0].maxIncomingBitrate === 500000),
      'from its first packet (comedia) on');
  } finally {
    sender.close();
    producing.close();
  }
});
