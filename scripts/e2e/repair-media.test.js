// Repairing a forwarded video stream, driven by the real mediasoup Node library: a gap
// upstream is NACKed and its RTX retransmission forwarded in place; a NACK downstream is
// answered with RTX; a resumed consumer waits for a key frame and asks the sender for one;
// the producer's score is 10 on a clean stream and drops when packets are lost.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, listen, traceInfo, udpSocket, until, workerAndRouter } = require('./harness');

const VP8_KEY_FRAME = [ 0x10, 0x00, 0x9d, 0x01 ];
const VP8_DELTA_FRAME = [ 0x10, 0x01, 0x00, 0x00 ];

const room = workerAndRouter({ mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 } ] });

/** RTP packets (probation aside) and RTCP packets (rtp.rtcpPackets()) a socket receives. */
function collect(socket) {
  const received = { rtp: [], rtcp: [] };
  socket.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet) {
      if (!rtp.isProbation(packet)) received.rtp.push(packet);
      return;
    }
    received.rtcp.push(...rtp.rtcpPackets(data));
  });
  return received;
}

/** The sequence numbers a generic NACK (RFC 4585 §6.2.1) asks for. */
function nackedSeqs({ data, offset }) {
  const seqs = [];
  const end = offset + 4 * (data.readUInt16BE(offset + 2) + 1);
  for (let item = offset + 12; item + 4 <= end; item += 4) {
    const pid = data.readUInt16BE(item);
    const blp = data.readUInt16BE(item + 2);
    seqs.push(pid);
    for (let bit = 0; bit < 16; bit++) if (blp & (1 << bit)) seqs.push((pid + bit + 1) & 0xffff);
  }
  return seqs;
}

/** A generic NACK (RTPFB, FMT 1) for one packet. */
function nack(mediaSsrc, seq) {
  const item = Buffer.alloc(4);
  item.writeUInt16BE(seq, 0);
  return rtp.feedback(205, 1, 1, mediaSsrc, item);
}

function senderReport(ssrc, rtpTimestamp, packetCount) {
  return rtp.senderReport({ ssrc, rtpTimestamp, ntpMs: Math.floor(Date.now() / 1000) * 1000, packetCount,
    octetCount: packetCount * 100 });
}

/** A plain transport taking RTP from `sender` (comedia), one sending to `receiver`, and a video producer/consumer pair. */
async function pipeline({ sender, receiver, producerSsrc, rtx = true, nack: withNack = true, paused = false, headerExtensions = [] }) {
  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const rtcpFeedback = [ { type: 'nack', parameter: 'pli' } ];
  if (withNack) rtcpFeedback.push({ type: 'nack' });
  const codecs = [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback } ];
  const encoding = { ssrc: producerSsrc };
  if (rtx) {
    codecs.push({ mimeType: 'video/rtx', payloadType: 97, clockRate: 90000, parameters: { apt: 96 } });
    encoding.rtx = { ssrc: producerSsrc + 1 };
  }
  const producer = await recvTransport.produce({ kind: 'video', rtpParameters: { codecs, encodings: [ encoding ], headerExtensions } });
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumer = await sendTransport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities, paused });
  const send = (packet) => sender.send(packet, recvTransport.tuple.localPort, '127.0.0.1');
  const feedback = (packet) => receiver.send(packet, sendTransport.tuple.localPort, '127.0.0.1');
  return { producer, consumer, send, feedback };
}

function videoPacket(ssrc, seq, frame, payloadType = 96) {
  return rtp.build({ payloadType, seq, timestamp: 3000 * seq, ssrc, payload: Buffer.from([ ...frame, seq & 0xff ]) });
}

test('a packet lost upstream is NACKed, and its RTX retransmission is forwarded in its place', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const upstream = collect(sender);
  const downstream = collect(receiver);
  const ssrc = 5000;
  const { producer, send } = await pipeline({ sender, receiver, producerSsrc: ssrc });

  for (let seq = 1000; seq < 1010; seq++) {
    if (seq !== 1005) send(videoPacket(ssrc, seq, seq === 1000 ? VP8_KEY_FRAME : VP8_DELTA_FRAME));
  }
  assert.ok(await until(() => upstream.rtcp.some((p) => p.type === 205 && p.count === 1)), 'a NACK reaches the sender');
  const request = upstream.rtcp.find((p) => p.type === 205 && p.count === 1);
  assert.equal(request.data.readUInt32BE(request.offset + 8), ssrc, 'NACK for the producer SSRC');
  assert.deepEqual(nackedSeqs(request), [ 1005 ]);
  assert.ok(await until(() => downstream.rtp.length === 9));

  // RFC 4588: the original sequence number first, then the original payload.
  const original = videoPacket(ssrc, 1005, VP8_DELTA_FRAME);
  const osn = Buffer.alloc(2);
  osn.writeUInt16BE(1005);
  send(rtp.build({ payloadType: 97, seq: 1, timestamp: 3000 * 1005, ssrc: ssrc + 1,
    payload: Buffer.concat([ osn, rtp.parse(original).payload ]) }));
  assert.ok(await until(() => downstream.rtp.length === 10), 'the retransmission is forwarded');
  const first = downstream.rtp[0];
  const repaired = downstream.rtp[9];
  assert.equal((repaired.seq - first.seq) & 0xffff, 5, 'in the lost packet\'s place in the sequence');
  assert.equal(repaired.timestamp, 3000 * 1005);
  assert.deepEqual([ ...repaired.payload ], [ ...VP8_DELTA_FRAME, 1005 & 0xff ], 'payload intact');

  const [ inbound ] = await producer.getStats();
  assert.equal(inbound.packetsRetransmitted, 1);
  assert.equal(inbound.packetsRepaired, 1);
  assert.ok(inbound.nackCount >= 1);
  assert.equal(inbound.rtxSsrc, ssrc + 1);
  sender.close();
  receiver.close();
});

test('a NACK from the receiver is answered with RTX', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const downstream = collect(receiver);
  const ssrc = 6000;
  const { consumer, send, feedback } = await pipeline({ sender, receiver, producerSsrc: ssrc });
  const mediaSsrc = consumer.rtpParameters.encodings[0].ssrc;
  const rtxSsrc = consumer.rtpParameters.encodings[0].rtx.ssrc;
  const rtxPayloadType = consumer.rtpParameters.codecs.find((c) => c.mimeType === 'video/rtx').payloadType;

  for (let seq = 0; seq < 10; seq++) send(videoPacket(ssrc, 2000 + seq, seq === 0 ? VP8_KEY_FRAME : VP8_DELTA_FRAME));
  assert.ok(await until(() => downstream.rtp.length === 10));
  const lost = downstream.rtp[4];
  feedback(nack(mediaSsrc, lost.seq));

  assert.ok(await until(() => downstream.rtp.some((p) => p.ssrc === rtxSsrc)), 'an RTX packet arrives');
  const retransmission = downstream.rtp.find((p) => p.ssrc === rtxSsrc);
  assert.equal(retransmission.payloadType, rtxPayloadType);
  assert.equal(retransmission.payload.readUInt16BE(0), lost.seq, 'OSN is the NACKed sequence number');
  assert.deepEqual([ ...retransmission.payload.subarray(2) ], [ ...lost.payload ], 'original payload');
  assert.equal(retransmission.timestamp, lost.timestamp);

  const [ outbound ] = await consumer.getStats();
  assert.equal(outbound.nackCount, 1);
  assert.equal(outbound.nackPacketCount, 1);
  assert.equal(outbound.packetsRetransmitted, 1);
  sender.close();
  receiver.close();
});

test('a resumed consumer waits for a key frame, asks the sender for one, and continues its sequence', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const upstream = collect(sender);
  const downstream = collect(receiver);
  const ssrc = 7000;
  const { consumer, send } = await pipeline({ sender, receiver, producerSsrc: ssrc });

  send(videoPacket(ssrc, 100, VP8_KEY_FRAME));
  send(videoPacket(ssrc, 101, VP8_DELTA_FRAME));
  assert.ok(await until(() => downstream.rtp.length === 2));
  await consumer.pause();
  for (let seq = 102; seq < 110; seq++) send(videoPacket(ssrc, seq, VP8_DELTA_FRAME));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(downstream.rtp.length, 2, 'nothing forwarded while paused');

  const plisBefore = upstream.rtcp.filter((p) => p.type === 206 && p.count === 1).length;
  await consumer.resume();
  assert.ok(await until(() => upstream.rtcp.filter((p) => p.type === 206 && p.count === 1).length > plisBefore),
    'resume sends a PLI upstream');
  for (let seq = 110; seq < 115; seq++) send(videoPacket(ssrc, seq, VP8_DELTA_FRAME));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(downstream.rtp.length, 2, 'delta frames wait for a key frame');

  send(videoPacket(ssrc, 115, VP8_KEY_FRAME));
  send(videoPacket(ssrc, 116, VP8_DELTA_FRAME));
  assert.ok(await until(() => downstream.rtp.length === 4));
  assert.deepEqual(downstream.rtp.map((p) => (p.seq - downstream.rtp[0].seq) & 0xffff), [ 0, 1, 2, 3 ],
    'sequence numbers consecutive across the pause');
  assert.equal(downstream.rtp[2].payload[VP8_KEY_FRAME.length], 115, 'the key frame comes first');
  sender.close();
  receiver.close();
});

test('the producer score is 10 on a clean stream and drops when packets are lost', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const ssrc = 8000;
  const { producer, consumer, send } = await pipeline({ sender, receiver, producerSsrc: ssrc, rtx: false, nack: false });
  const producerScores = [];
  const consumerScores = [];
  producer.on('score', (score) => producerScores.push(score));
  consumer.on('score', (score) => consumerScores.push(score));

  // Not from sequence number 0: the C++ workers take a stream that starts there for a wrapped one
  // and score its first interval 0.
  const first = 1000;
  for (let seq = first; seq < first + 50; seq++) send(videoPacket(ssrc, seq, seq === first ? VP8_KEY_FRAME : VP8_DELTA_FRAME));
  assert.ok(await until(() => producerScores.length > 0), 'a score event when the stream starts');
  send(senderReport(ssrc, 3000 * (first + 49), 50));
  await new Promise((resolve) => setTimeout(resolve, 100));
  // 3.32 adds the encoding's rid, undefined here.
  assert.deepEqual(producer.score.map(({ encodingIdx, ssrc: scored, score }) => ({ encodingIdx, ssrc: scored, score })),
    [ { encodingIdx: 0, ssrc, score: 10 } ]);
  assert.equal(consumerScores.at(-1).producerScore, 10);

  // Every other packet lost in the next interval.
  for (let seq = first + 50; seq < first + 150; seq += 2) send(videoPacket(ssrc, seq, VP8_DELTA_FRAME));
  await new Promise((resolve) => setTimeout(resolve, 100));
  send(senderReport(ssrc, 3000 * (first + 148), 100));
  assert.ok(await until(() => producer.score[0].score < 10), 'the score drops');
  assert.ok(producerScores.at(-1)[0].score < 10);
  assert.ok(await until(() => consumerScores.at(-1).producerScore < 10), 'consumers hear of it');
  const [ inbound ] = await producer.getStats();
  assert.ok(inbound.packetsLost >= 0);
  sender.close();
  receiver.close();
});

test('video orientation from the sender becomes videoorientationchange events', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const ssrc = 9000;
  const { producer, send } = await pipeline({ sender, receiver, producerSsrc: ssrc,
    headerExtensions: [ { uri: 'urn:3gpp:video-orientation', id: 3 } ] });
  const changes = [];
  // Copied: 3.32's library hands the notification's unpacked FlatBuffers table.
  producer.on('videoorientationchange', (orientation) => changes.push({ ...orientation }));
  const withOrientation = (seq, value) => rtp.withExtension(videoPacket(ssrc, seq, VP8_KEY_FRAME), 3, [ value ]);
  send(withOrientation(1, 0x01));
  send(withOrientation(2, 0x01));
  send(withOrientation(3, 0x0e));
  assert.ok(await until(() => changes.length === 2));
  assert.deepEqual(changes, [ { camera: false, flip: false, rotation: 90 }, { camera: true, flip: true, rotation: 180 } ]);
  sender.close();
  receiver.close();
});

test('trace events: rtp and keyframe into the producer, pli from the receiver into the consumer', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const downstream = collect(receiver);
  const ssrc = 10000;
  const { producer, consumer, send, feedback } = await pipeline({ sender, receiver, producerSsrc: ssrc });
  const producerTraces = [];
  const consumerTraces = [];
  producer.on('trace', (trace) => producerTraces.push(trace));
  consumer.on('trace', (trace) => consumerTraces.push(trace));
  await producer.enableTraceEvent([ 'rtp', 'keyframe' ]);
  await consumer.enableTraceEvent([ 'pli' ]);

  send(videoPacket(ssrc, 300, VP8_KEY_FRAME));
  send(videoPacket(ssrc, 301, VP8_DELTA_FRAME));
  assert.ok(await until(() => producerTraces.length === 2 && downstream.rtp.length === 2));
  const [ keyFrame, delta ] = producerTraces;
  assert.equal(keyFrame.type, 'keyframe');
  assert.equal(keyFrame.direction, 'in');
  assert.equal(typeof keyFrame.timestamp, 'number');
  assert.deepEqual(traceInfo(keyFrame), { payloadType: 96, sequenceNumber: 300, timestamp: 3000 * 300, marker: false, ssrc,
    isKeyFrame: true, size: 12 + VP8_KEY_FRAME.length + 1, payloadSize: VP8_KEY_FRAME.length + 1, spatialLayer: 0, temporalLayer: 0 });
  assert.equal(delta.type, 'rtp');
  assert.equal(traceInfo(delta).sequenceNumber, 301);
  assert.equal(traceInfo(delta).isKeyFrame, false);

  const mediaSsrc = consumer.rtpParameters.encodings[0].ssrc;
  feedback(rtp.feedback(206, 1, 1, mediaSsrc));
  // 3.32.2's Consumer emits each "trace" notification twice (its handler calls safeEmit twice).
  const emitted = is332 ? 2 : 1;
  assert.ok(await until(() => consumerTraces.length === emitted), `${consumerTraces.length} consumer traces`);
  for (const pli of consumerTraces) {
    assert.equal(pli.type, 'pli');
    assert.equal(pli.direction, 'in');
    assert.deepEqual(traceInfo(pli), { ssrc: mediaSsrc });
  }
  sender.close();
  receiver.close();
});

test('RTX of a stream known by its RID is found by its repaired RID (RFC 8852) and repairs the stream', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const upstream = collect(sender);
  const downstream = collect(receiver);
  const RID_ID = 2;
  const RRID_ID = 3;
  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({ kind: 'video', rtpParameters: {
    codecs: [
      { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [ { type: 'nack' } ] },
      { mimeType: 'video/rtx', payloadType: 97, clockRate: 90000, parameters: { apt: 96 } }
    ],
    encodings: [ { rid: 'r0' } ],
    headerExtensions: [
      { uri: 'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id', id: RID_ID },
      { uri: 'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id', id: RRID_ID }
    ]
  } });
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  await sendTransport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities });
  const send = (packet) => sender.send(packet, recvTransport.tuple.localPort, '127.0.0.1');
  const ssrc = 12000;
  const rtxSsrc = 12001;

  for (let seq = 500; seq < 510; seq++) {
    if (seq !== 505) send(rtp.withExtension(videoPacket(ssrc, seq, seq === 500 ? VP8_KEY_FRAME : VP8_DELTA_FRAME), RID_ID, Buffer.from('r0')));
  }
  assert.ok(await until(() => upstream.rtcp.some((p) => p.type === 205 && p.count === 1)), 'the gap is NACKed');
  assert.ok(await until(() => downstream.rtp.length === 9));

  const osn = Buffer.alloc(2);
  osn.writeUInt16BE(505);
  const retransmission = rtp.build({ payloadType: 97, seq: 1, timestamp: 3000 * 505, ssrc: rtxSsrc,
    payload: Buffer.concat([ osn, rtp.parse(videoPacket(ssrc, 505, VP8_DELTA_FRAME)).payload ]) });
  send(rtp.withExtension(retransmission, RRID_ID, Buffer.from('r0')));
  assert.ok(await until(() => downstream.rtp.length === 10), 'the retransmission is forwarded');
  assert.equal((downstream.rtp[9].seq - downstream.rtp[0].seq) & 0xffff, 5);

  const [ inbound ] = await producer.getStats();
  assert.equal(inbound.rid, 'r0');
  assert.equal(inbound.rtxSsrc, rtxSsrc);
  assert.equal(inbound.packetsRepaired, 1);
  sender.close();
  receiver.close();
});

test('a PLI that brings no key frame is sent once more after a second, then given up', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const ssrc = 13000;
  const { consumer, send } = await pipeline({ sender, receiver, producerSsrc: ssrc });
  const times = [];
  sender.on('message', (data) => {
    if (rtp.rtcpPackets(data).some((p) => p.type === 206 && p.count === 1)) times.push(Date.now());
  });

  send(videoPacket(ssrc, 1, VP8_KEY_FRAME));
  await new Promise((resolve) => setTimeout(resolve, 100));
  await consumer.requestKeyFrame();
  await consumer.requestKeyFrame();
  assert.ok(await until(() => times.length === 2, 3000), 'asked again when no key frame came');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(times.length, 2, 'two consumer requests while pending make one PLI, retried once');
  const gap = times[1] - times[0];
  assert.ok(gap >= 900 && gap < 1600, `retried after ${gap} ms`);
  sender.close();
  receiver.close();
});
