// Transport-wide congestion control, receive side, driven by the real mediasoup Node
// library: a producer that negotiated transport-cc and the transport-wide-cc extension gets
// transport-cc feedback (RTPFB, FMT 15) about the packets it sent, lost ones included.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, listen, traceInfo, udpSocket, until, workerAndRouter } = require('./harness');

const TWCC_URI = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';

const room = workerAndRouter({ mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 } ] });

/** An RTP packet with one one-byte header extension (RFC 8285): the transport-wide sequence number under id 3. */
function packetWithTransportSeq(ssrc, seq, transportSeq) {
  const packet = rtp.build({ payloadType: 96, seq, timestamp: seq * 3000, ssrc, payload: Buffer.from([ 0x10, 0x01, 0x00, 0x00 ]) });
  return rtp.withExtension(packet, 3, [ transportSeq >> 8, transportSeq & 0xff ]);
}

/** The statuses (0 lost, 1 small delta, 2 large) of a transport-cc feedback packet, by transport sequence number. */
function statuses({ data, offset }) {
  const base = data.readUInt16BE(offset + 12);
  const count = data.readUInt16BE(offset + 14);
  const result = new Map();
  let position = offset + 20;
  let n = 0;
  while (n < count) {
    const chunk = data.readUInt16BE(position);
    position += 2;
    if (!(chunk & 0x8000)) {
      for (let i = 0; i < (chunk & 0x1fff) && n < count; i++) result.set((base + n++) & 0xffff, (chunk >> 13) & 3);
    } else if (chunk & 0x4000) {
      for (let i = 0; i < 7 && n < count; i++) result.set((base + n++) & 0xffff, (chunk >> (12 - 2 * i)) & 3);
    } else {
      for (let i = 0; i < 14 && n < count; i++) result.set((base + n++) & 0xffff, (chunk >> (13 - i)) & 1);
    }
  }
  return result;
}

test('a producer with transport-cc gets feedback on the packets that arrived and those that did not', async () => {
  const sender = await udpSocket();
  const transport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await transport.produce({ kind: 'video', rtpParameters: {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [ { type: 'transport-cc' } ] } ],
    headerExtensions: [ { uri: TWCC_URI, id: 3 } ],
    encodings: [ { ssrc: 8000 } ] } });
  const reported = new Map();
  sender.on('message', (data) => {
    for (const p of rtp.rtcpPackets(data)) {
      if (p.type === 205 && p.count === 15) {
        assert.equal(p.data.readUInt32BE(p.offset + 8), 8000, 'media SSRC of the packets reported');
        for (const [ seq, status ] of statuses(p)) reported.set(seq, status);
      }
    }
  });
  try {
    for (let i = 0; i < 20; i++) {
      if (i !== 7) sender.send(packetWithTransportSeq(8000, 100 + i, (65530 + i) & 0xffff), transport.tuple.localPort, '127.0.0.1');
    }
    assert.ok(await until(() => reported.size >= 20), 'feedback covers every transport sequence number');
    for (let i = 0; i < 20; i++) {
      const seq = (65530 + i) & 0xffff;
      assert.equal(reported.get(seq) === 0, i === 7, `packet ${seq} ${i === 7 ? 'lost' : 'received'}`);
    }
    assert.equal(producer.closed, false);
  } finally {
    sender.close();
  }
});

/**
 * Transport-cc feedback (2-bit status vectors, small deltas of 1 ms) for the transport-wide
 * sequence numbers `seqs`, in order; those in `lost` are reported as not received.
 */
function feedbackFor(seqs, lost, count) {
  const statuses = seqs.map((seq) => (lost.has(seq) ? 0 : 1));
  const chunks = [];
  for (let i = 0; i < statuses.length; i += 7) {
    let chunk = 0xc000;
    for (let j = 0; j < 7 && i + j < statuses.length; j++) chunk |= statuses[i + j] << (12 - 2 * j);
    chunks.push(chunk);
  }
  const received = statuses.filter((s) => s === 1).length;
  const fci = Buffer.alloc(8 + 2 * chunks.length + received + 3);
  fci.writeUInt16BE(seqs[0], 0);
  fci.writeUInt16BE(seqs.length, 2);
  fci.writeUIntBE(count & 0xffffff, 4, 3);
  fci.writeUInt8(count & 0xff, 7);
  chunks.forEach((chunk, i) => fci.writeUInt16BE(chunk, 8 + 2 * i));
  fci.fill(4, 8 + 2 * chunks.length, 8 + 2 * chunks.length + received);
  const length = 12 + fci.length - (fci.length % 4);
  return rtp.feedback(205, 15, 1, 0, fci.subarray(0, length - 12));
}

/**
 * Sends VP8 simulcast from `sender` to `recvTransport` at 30 fps: streams `ssrcs` of about 30,
 * 120 and 480 kbit/s, a sender report for each every half second, a key frame whenever one is
 * asked for. Returns the timer (clearInterval stops it).
 */
function sendSimulcast(sender, recvTransport, ssrcs) {
  const keyFrameDue = new Set(ssrcs);
  sender.on('message', (data) => {
    for (const ssrc of rtp.keyFrameRequests(data)) keyFrameDue.add(ssrc);
  });
  let frame = 0;
  const startMs = Date.now();
  return setInterval(() => {
    ssrcs.forEach((ssrc, i) => {
      const payload = Buffer.alloc([ 125, 500, 2000 ][i]);
      payload.set([ 0x10, keyFrameDue.has(ssrc) ? 0x00 : 0x01, 0x9d, 0x01, 0x2a ]);
      keyFrameDue.delete(ssrc);
      sender.send(rtp.build({ payloadType: 96, seq: 1000 * (i + 1) + frame, timestamp: 3000 * frame, ssrc, marker: true, payload }),
        recvTransport.tuple.localPort, '127.0.0.1');
    });
    if (frame % 15 === 0) {
      const ntpMs = startMs + (frame * 1000) / 30;
      ssrcs.forEach((ssrc) => sender.send(rtp.senderReport({ ssrc, rtpTimestamp: 3000 * frame, ntpMs }), recvTransport.tuple.localPort, '127.0.0.1'));
    }
    frame++;
  }, 33);
}

/** The REMBs in an RTCP compound: the SSRCs each names and its bitrate (mantissa times 2^exponent). */
function rembsIn(data) {
  const rembs = [];
  for (const p of rtp.rtcpPackets(data)) {
    if (p.type === 206 && p.count === 15 && p.data.toString('latin1', p.offset + 12, p.offset + 16) === 'REMB') {
      const field = p.data.readUIntBE(p.offset + 17, 3);
      const ssrcs = [];
      for (let i = 0; i < p.data[p.offset + 16]; i++) ssrcs.push(p.data.readUInt32BE(p.offset + 20 + 4 * i));
      rembs.push({ ssrcs, bitrate: (field & 0x3ffff) * 2 ** (field >> 18) });
    }
  }
  return rembs;
}

/** A REMB (draft-alvestrand-rmcat-remb-03) of `bitrate` (bps, under 2^24) for one SSRC. */
function remb(bitrate) {
  const fci = Buffer.alloc(12);
  fci.write('REMB', 0);
  fci.writeUInt8(1, 4);
  fci.writeUIntBE(bitrate, 5, 3);
  fci.writeUInt32BE(1234, 8);
  return rtp.feedback(206, 15, 1, 0, fci);
}

/**
 * A VP8 simulcast producer of streams `ssrcs` on a comedia PlainTransport, and a PlainTransport
 * sending to `receiver` to consume it on.
 */
async function simulcastPipeline(ssrcs, receiver) {
  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({ kind: 'video', rtpParameters: {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [ { type: 'nack', parameter: 'pli' } ] } ],
    encodings: ssrcs.map((ssrc) => ({ ssrc, scalabilityMode: 'L1T1' })) } });
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  return { recvTransport, producer, sendTransport };
}

/** `rtpCapabilities` without transport-cc (extension and feedback): the receiver's REMB is the estimate. */
function withoutTransportCc(rtpCapabilities) {
  const copy = JSON.parse(JSON.stringify(rtpCapabilities));
  copy.headerExtensions = copy.headerExtensions.filter((e) => e.uri !== TWCC_URI);
  copy.codecs.forEach((c) => { c.rtcpFeedback = (c.rtcpFeedback || []).filter((fb) => fb.type !== 'transport-cc'); });
  return copy;
}

test('feedback with heavy loss lowers the outgoing estimate and a simulcast consumer moves down', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const ssrcs = [ 9001, 9002, 9003 ];
  const { recvTransport, producer, sendTransport } = await simulcastPipeline(ssrcs, receiver);
  const consumer = await sendTransport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities });
  const twccId = consumer.rtpParameters.headerExtensions.find((e) => e.uri === TWCC_URI).id;
  const bweTraces = [];
  await sendTransport.enableTraceEvent([ 'bwe' ]);
  sendTransport.on('trace', (trace) => bweTraces.push(trace));

  // The receiver reports every 100 ms; half the packets as lost.
  let pending = [];
  let feedbackCount = 0;
  receiver.on('message', (data) => {
    const packet = rtp.parse(data);
    if (!packet) return;
    const extension = rtp.extensions(data)[twccId];
    if (extension) pending.push(extension.readUInt16BE(0));
  });
  const reporter = setInterval(() => {
    if (pending.length === 0) return;
    const seqs = [];
    for (let seq = pending[0]; seqs.length === 0 || seqs[seqs.length - 1] !== pending[pending.length - 1]; seq = (seq + 1) & 0xffff) seqs.push(seq);
    const lost = new Set(seqs.filter((seq) => seq % 2 === 1));
    receiver.send(feedbackFor(seqs, lost, feedbackCount++), sendTransport.tuple.localPort, '127.0.0.1');
    pending = [];
  }, 100);

  const feeder = sendSimulcast(sender, recvTransport, ssrcs);
  try {
    assert.ok(await until(() => consumer.currentLayers && consumer.currentLayers.spatialLayer === 2, 6000), 'starts on the top stream');
    const estimates = [];
    for (let i = 0; i < 40 && !(consumer.currentLayers && consumer.currentLayers.spatialLayer < 2); i++) {
      const [ stats ] = await sendTransport.getStats();
      estimates.push(stats.availableOutgoingBitrate);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const [ stats ] = await sendTransport.getStats();
    assert.ok(stats.availableOutgoingBitrate < 480000, `the estimate falls under the top stream: ${stats.availableOutgoingBitrate}`);
    assert.ok(consumer.currentLayers.spatialLayer < 2, `the consumer moves down: ${JSON.stringify(consumer.currentLayers)} ${estimates}`);
    const trace = bweTraces[bweTraces.length - 1];
    assert.ok(trace, 'a "bwe" trace event');
    assert.equal(trace.type, 'bwe');
    assert.equal(trace.direction, 'out');
    // 3.32's trace names no estimator and keeps four of 3.8's bitrates.
    if (is332) {
      assert.deepEqual(Object.keys(trace.info).sort(), [ 'availableBitrate', 'desiredBitrate', 'maxBitrate', 'minBitrate' ]);
    } else {
      assert.equal(trace.info.type, 'transport-cc');
      assert.deepEqual(Object.keys(trace.info).sort(), [ 'availableBitrate', 'desiredBitrate', 'effectiveDesiredBitrate',
        'maxBitrate', 'maxPaddingBitrate', 'minBitrate', 'startBitrate', 'type' ]);
    }
    assert.ok(bweTraces.some((t) => t.info.availableBitrate < 480000), `traces follow the estimate down: ${JSON.stringify(bweTraces.map((t) => t.info.availableBitrate))}`);
  } finally {
    clearInterval(feeder);
    clearInterval(reporter);
    sender.close();
    receiver.close();
  }
});

test('without transport-cc, the receiver\'s REMB is the outgoing estimate', async () => {
  const receiver = await udpSocket();
  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({ kind: 'video', rtpParameters: {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 } ], encodings: [ { ssrc: 9100 } ] } });
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const rtpCapabilities = withoutTransportCc(room.router.rtpCapabilities);
  await sendTransport.consume({ producerId: producer.id, rtpCapabilities });
  try {
    receiver.send(remb(250000), sendTransport.tuple.localPort, '127.0.0.1');
    let stats;
    for (let i = 0; i < 20; i++) {
      [ stats ] = await sendTransport.getStats();
      if (stats.availableOutgoingBitrate === 250000) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(stats.availableOutgoingBitrate, 250000);
  } finally {
    receiver.close();
  }
});

test('two simulcast consumers share a REMB estimate layer by layer, the higher priority climbing first', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const ssrcs = [ 9201, 9202, 9203 ];
  const { recvTransport, producer, sendTransport } = await simulcastPipeline(ssrcs, receiver);
  const rtpCapabilities = withoutTransportCc(room.router.rtpCapabilities);
  const a = await sendTransport.consume({ producerId: producer.id, rtpCapabilities });
  const b = await sendTransport.consume({ producerId: producer.id, rtpCapabilities });
  await a.setPriority(2);
  const feeder = sendSimulcast(sender, recvTransport, ssrcs);
  const estimate = (bitrate) => receiver.send(remb(bitrate), sendTransport.tuple.localPort, '127.0.0.1');
  const spatial = (consumer) => (consumer.currentLayers ? consumer.currentLayers.spatialLayer : -1);
  const layers = () => `a ${JSON.stringify(a.currentLayers)} b ${JSON.stringify(b.currentLayers)}`;
  try {
    // 700 kbit/s: the first to climb reaches the top stream (~480k), the other what is left (~120k).
    estimate(700000);
    assert.ok(await until(() => spatial(a) === 2 && spatial(b) === 1, 8000), `priority 2 first: ${layers()}`);
    await a.setPriority(1);
    await b.setPriority(2);
    // Shared out again at the next available-bitrate event, every 2 s.
    estimate(700000);
    assert.ok(await until(() => spatial(a) === 1 && spatial(b) === 2, 8000), `then priority 2 is b: ${layers()}`);
    estimate(1500000);
    assert.ok(await until(() => spatial(a) === 2 && spatial(b) === 2, 8000), `room for both: ${layers()}`);
  } finally {
    clearInterval(feeder);
    sender.close();
    receiver.close();
  }
});

test('with transport-cc, setMaxIncomingBitrate reaches the sender in REMBs, and lifting it in a REMB of 0', async () => {
  const sender = await udpSocket();
  const transport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  await transport.produce({ kind: 'video', rtpParameters: {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [ { type: 'transport-cc' } ] } ],
    headerExtensions: [ { uri: TWCC_URI, id: 3 } ],
    encodings: [ { ssrc: 8100 } ] } });
  const rembs = [];
  sender.on('message', (data) => rembs.push(...rembsIn(data)));
  try {
    await transport.setMaxIncomingBitrate(300000);
    let seq = 0;
    const send = () => sender.send(packetWithTransportSeq(8100, seq, seq++), transport.tuple.localPort, '127.0.0.1');
    send();
    assert.ok(await until(() => rembs.length >= 1), 'a REMB with the maximum');
    assert.deepEqual(rembs[0], { ssrcs: [], bitrate: 300000 });
    send();
    await transport.setMaxIncomingBitrate(0);
    assert.ok(await until(() => rembs.some((r) => r.bitrate === 0)), 'a REMB of 0 once the limit is lifted');
    assert.equal(rembs.filter((r) => r.bitrate === 300000).length, 1, 'one per 1.5 s');
  } finally {
    sender.close();
  }
});

test('with goog-remb and abs-send-time, the worker estimates the incoming bitrate and sends it in REMBs, capped by setMaxIncomingBitrate', async () => {
  const ABS_SEND_TIME_URI = 'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time';
  const sender = await udpSocket();
  const transport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  await transport.produce({ kind: 'video', rtpParameters: {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [ { type: 'goog-remb' } ] } ],
    headerExtensions: [ { uri: ABS_SEND_TIME_URI, id: 2 } ],
    encodings: [ { ssrc: 8200 } ] } });
  const rembs = [];
  sender.on('message', (data) => rembs.push(...rembsIn(data)));
  try {
    await transport.setMaxIncomingBitrate(300000);
    const start = Date.now();
    // About 1 Mbps: 1200-byte packets every 10 ms, each stamped with its send time.
    for (let seq = 0; Date.now() - start < 2500; seq++) {
      const absSendTime = Math.floor(((Date.now() - start) * 2 ** 18) / 1000) & 0xffffff;
      const value = [ absSendTime >> 16, (absSendTime >> 8) & 0xff, absSendTime & 0xff ];
      const packet = rtp.build({ payloadType: 96, seq, timestamp: seq * 900, ssrc: 8200,
        payload: Buffer.concat([ Buffer.from([ 0x10, 0x01, 0x00, 0x00 ]), Buffer.alloc(1196) ]) });
      sender.send(rtp.withExtension(packet, 2, value), transport.tuple.localPort, '127.0.0.1');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(await until(() => rembs.length >= 1), 'REMBs after a second of packets');
    for (const remb of rembs) {
      assert.deepEqual(remb.ssrcs, [ 8200 ], 'the REMB names the stream');
      assert.ok(remb.bitrate > 0 && remb.bitrate <= 300000, `capped: ${remb.bitrate}`);
    }
    const [ stats ] = await transport.getStats();
    assert.ok(stats.availableIncomingBitrate > 0, 'availableIncomingBitrate in the stats');
    assert.equal(stats.maxIncomingBitrate, 300000);
  } finally {
    sender.close();
  }
});

for (const [ name, capabilities ] of [ [ 'transport-cc', () => room.router.rtpCapabilities ],
  [ 'REMB', () => withoutTransportCc(room.router.rtpCapabilities) ] ]) {
  test(`a PlainTransport consumer with ${name} gets the initial probation packets (ssrc 1234) once connected, as from the C++ worker`, async () => {
    const receiver = await udpSocket();
    const { recvTransport, producer, sendTransport } = await simulcastPipeline([ 9101 ], receiver);
    const probation = [];
    receiver.on('message', (data) => {
      const packet = rtp.parse(data);
      if (packet && packet.ssrc === 1234) probation.push(data.length);
    });
    const traces = [];
    await sendTransport.enableTraceEvent([ 'probation' ]);
    sendTransport.on('trace', (trace) => traces.push(trace));
    try {
      await sendTransport.consume({ producerId: producer.id, rtpCapabilities: capabilities() });
      // Two clusters, at 3 and 6 times the initial 600 kbit/s for 15 ms: 3,375 and 6,750 bytes.
      const bytes = () => probation.reduce((sum, size) => sum + size, 0);
      assert.ok(await until(() => bytes() >= 10125), `probation arrived: ${bytes()} bytes`);
      const [ stats ] = await sendTransport.getStats();
      assert.equal(stats.probationBytesSent, bytes());
      assert.equal(stats.rtpBytesSent, 0, 'probation is not counted as media');
      assert.ok(await until(() => traces.length === probation.length), 'a "probation" trace per packet');
      assert.deepEqual(Object.keys(traces[0]), [ 'type', 'timestamp', 'direction', 'info' ]);
      assert.equal(traceInfo(traces[0]).ssrc, 1234);
    } finally {
      receiver.close();
      recvTransport.close();
      sendTransport.close();
    }
  });
}
