// Simulcast through the worker, driven by the real mediasoup Node library: a VP8
// producer of three streams (L1T3 each) on a PlainTransport fed by the test, which answers
// PLI/FIR with a key frame of the stream asked for; a simulcast consumer forwards one stream
// at a time as one continuous stream, and setPreferredLayers moves it between them with
// "layerschange" events.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { mediasoup, listen, traceInfo, udpSocket, until, workerAndRouter } = require('./harness');

const SSRCS = [ 7001, 7002, 7003 ];
const TIDS = [ 0, 2, 1, 2 ];

const room = workerAndRouter({ mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 } ] });

/**
 * One VP8 packet per frame: the descriptor with a 15-bit picture id, TL0PICIDX and TID, the
 * payload header (key frame or not), then which stream and frame it is, for the test to read.
 */
function vp8Packet(stream, frame, keyFrame) {
  const tid = TIDS[frame % 4];
  const payload = Buffer.from([
    0x90, 0xe0, 0x80 | (((stream.pictureIdBase + frame) >> 8) & 0x7f), (stream.pictureIdBase + frame) & 0xff,
    (stream.tl0Base + Math.floor(frame / 4)) & 0xff, (tid << 6) | (tid > 0 ? 0x20 : 0),
    keyFrame ? 0x00 : 0x01, stream.index, frame & 0xff
  ]);
  return rtp.build({ payloadType: 96, seq: stream.seqBase + frame, timestamp: stream.tsBase + 3000 * frame,
    ssrc: stream.ssrc, marker: true, payload });
}

/** An SR tying each stream's RTP clock to the same wall-clock time. */
function senderReport(stream, frame, ntpMs) {
  return rtp.senderReport({ ssrc: stream.ssrc, rtpTimestamp: stream.tsBase + 3000 * frame, ntpMs,
    packetCount: frame + 1, octetCount: (frame + 1) * 9 });
}

test('a simulcast consumer forwards one stream at a time and setPreferredLayers moves it on key frames', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const codecs = [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000,
    rtcpFeedback: [ { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' } ] } ];
  const producer = await recvTransport.produce({ kind: 'video', rtpParameters: { codecs,
    encodings: SSRCS.map((ssrc) => ({ ssrc, scalabilityMode: 'L1T3' })) } });
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumer = await sendTransport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities,
    preferredLayers: { spatialLayer: 2 } });
  assert.equal(consumer.type, 'simulcast');
  const layers = [];
  consumer.on('layerschange', (l) => layers.push(l));
  const traces = [];
  await consumer.enableTraceEvent([ 'rtp', 'keyframe' ]);
  consumer.on('trace', (trace) => traces.push(trace));

  const streams = SSRCS.map((ssrc, index) => ({ ssrc, index, seqBase: 1000 * (index + 1) + 60000 * (index === 2),
    tsBase: 1e6 * (index + 1) + 4.29e9 * (index === 2), pictureIdBase: 100 + 10000 * index, tl0Base: 50 * index,
    keyFrameDue: true }));
  sender.on('message', (data) => {
    for (const ssrc of rtp.keyFrameRequests(data)) {
      const stream = streams.find((s) => s.ssrc === ssrc);
      if (stream) stream.keyFrameDue = true;
    }
  });
  const received = [];
  receiver.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet && !rtp.isProbation(packet)) received.push(packet);
  });

  const send = (packet) => sender.send(packet, recvTransport.tuple.localPort, '127.0.0.1');
  const startMs = Date.now();
  let frame = 0;
  const feeder = setInterval(() => {
    for (const stream of streams) {
      send(vp8Packet(stream, frame, stream.keyFrameDue));
      stream.keyFrameDue = false;
      if (frame % 15 === 0) send(senderReport(stream, frame, startMs + (frame * 1000) / 30));
    }
    frame++;
  }, 33);
  const source = (packet) => packet.payload[7];
  let atTop;
  try {
    // Until all three streams have a score the consumer may start lower; it settles on the top one.
    assert.ok(await until(() => received.length > 0 && source(received[received.length - 1]) === 2, 6000),
      'the top stream is forwarded');
    assert.ok(await until(() => layers.some((l) => l && l.spatialLayer === 2)), 'layerschange to spatial layer 2');
    assert.ok(traces.some((t) => t.type === 'keyframe' && t.direction === 'out' && traceInfo(t).isKeyFrame),
      'a "keyframe" trace for what it sent');
    assert.ok(traces.some((t) => t.type === 'rtp' && t.direction === 'out' && traceInfo(t).ssrc === consumer.rtpParameters.encodings[0].ssrc),
      '"rtp" traces with its own SSRC');
    atTop = layers.findIndex((l) => l && l.spatialLayer === 2) + 1;

    await consumer.setPreferredLayers({ spatialLayer: 0 });
    assert.ok(await until(() => source(received[received.length - 1]) === 0, 6000), 'moves down to stream 0');
    assert.ok(await until(() => consumer.currentLayers && consumer.currentLayers.spatialLayer === 0));

    await consumer.setPreferredLayers({ spatialLayer: 1, temporalLayer: 0 });
    assert.ok(await until(() => source(received[received.length - 1]) === 1, 6000), 'moves up to stream 1');
    const atSwitch = received.length;
    assert.ok(await until(() => received.length >= atSwitch + 4, 6000));
    assert.ok(received.slice(atSwitch).every((p) => source(p) === 1 && (p.payload[5] >> 6) === 0),
      'only temporal layer 0 of stream 1');
    assert.deepEqual(consumer.currentLayers, { spatialLayer: 1, temporalLayer: 0 });
    const dump = await consumer.dump();
    assert.equal(dump.preferredSpatialLayer, 1);
    assert.equal(dump.targetSpatialLayer, 1);
    assert.equal(dump.currentSpatialLayer, 1);
    assert.equal(dump.currentTemporalLayer, 0);
  } finally {
    clearInterval(feeder);
    sender.close();
    receiver.close();
  }

  const ssrc = consumer.rtpParameters.encodings[0].ssrc;
  assert.ok(received.every((p) => p.ssrc === ssrc), 'one SSRC whatever the source');
  for (let i = 1; i < received.length; i++) {
    const [ previous, current ] = [ received[i - 1], received[i] ];
    assert.equal(current.seq, (previous.seq + 1) & 0xffff, `seq continuous at ${i}`);
    const pictureId = (p) => p.payload.readUInt16BE(2) & 0x7fff;
    assert.equal(pictureId(current), (pictureId(previous) + 1) & 0x7fff, `picture id continuous at ${i}`);
    assert.ok(((current.timestamp - previous.timestamp) >>> 0) > 0 && ((current.timestamp - previous.timestamp) >>> 0) < 90000 * 2,
      `timestamp goes forward at ${i}`);
  }
  assert.deepEqual(layers.slice(atTop - 1).filter((l) => l).map((l) => l.spatialLayer).filter((s, i, all) => s !== all[i - 1]), [ 2, 0, 1 ],
    'layerschange follows the preferred layers');
});
