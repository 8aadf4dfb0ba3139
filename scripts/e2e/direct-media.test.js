// RTP and RTCP through DirectTransports, driven by the real mediasoup Node library: packets
// given to producer.send() on one come out of a consumer's "rtp" event on another, checked
// packet by packet; RTCP given to transport.sendRtcp() reaches the consumer (a NACK answered
// with RTX, a receiver report counted, and forgotten in part on a pause as each era's C++ worker
// does), and the producer's key frame request comes out of its transport's "rtcp" event.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, until, workerAndRouter } = require('./harness');

const OPUS = { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 };
const VP8 = { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 };
const VP8_KEY_FRAME = [ 0x10, 0x00, 0x9d, 0x01 ];
const VP8_DELTA_FRAME = [ 0x10, 0x01, 0x00, 0x00 ];

const room = workerAndRouter({ mediaCodecs: [ OPUS, VP8 ] });

/** A producer on one DirectTransport, a consumer of it on another, and the packets of its "rtp" event. */
async function pipeline(kind, rtpParameters) {
  const producerTransport = await room.router.createDirectTransport();
  const consumerTransport = await room.router.createDirectTransport();
  const producer = await producerTransport.produce({ kind, rtpParameters });
  const consumer = await consumerTransport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities });
  const received = [];
  consumer.on('rtp', (data) => received.push(rtp.parse(data)));
  return { producerTransport, consumerTransport, producer, consumer, received };
}

function close({ producerTransport, consumerTransport }) {
  producerTransport.close();
  consumerTransport.close();
}

test('RTP given to producer.send() comes out of the consumer\'s "rtp" event, packet by packet', async () => {
  const ssrc = 3333;
  const flow = await pipeline('audio', {
    codecs: [ { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 } ],
    encodings: [ { ssrc } ]
  });
  const { producer, consumer, received } = flow;
  const count = 100;
  try {
    for (let i = 0; i < count; i++) {
      producer.send(rtp.build({ payloadType: 111, seq: 40000 + i, timestamp: 7000 + 960 * i, ssrc,
        payload: Buffer.from(`direct ${i}`) }));
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.ok(await until(() => received.length === count), `received ${received.length} of ${count}`);

    const consumerSsrc = consumer.rtpParameters.encodings[0].ssrc;
    const payloadType = consumer.rtpParameters.codecs[0].payloadType;
    received.forEach((packet, i) => {
      assert.equal(packet.ssrc, consumerSsrc, `packet ${i}: consumer SSRC`);
      assert.equal(packet.payloadType, payloadType, `packet ${i}: consumer payload type`);
      assert.equal(packet.payload.toString(), `direct ${i}`, `packet ${i}: payload intact`);
      if (i > 0) {
        assert.equal(packet.seq, (received[i - 1].seq + 1) & 0xffff, `packet ${i}: consecutive sequence numbers`);
        assert.equal((packet.timestamp - received[i - 1].timestamp) >>> 0, 960, `packet ${i}: timestamps as sent`);
      }
    });
    // 3.8.4 numbers a consumer's packets from 1; 3.32.2 from a random start clear of the wrap.
    if (is332) {
      assert.ok(received[0].seq >= 1001 && received[0].seq <= 32768, `first sequence number ${received[0].seq}`);
    } else {
      assert.equal(received[0].seq, 1);
    }

    const [ outbound, inbound ] = await consumer.getStats();
    assert.equal(outbound.type, 'outbound-rtp');
    assert.equal(outbound.packetCount, count);
    assert.equal(inbound.type, 'inbound-rtp');
    assert.equal(inbound.ssrc, ssrc);
    assert.equal(inbound.packetCount, count);
  } finally {
    close(flow);
  }
});

test('transport.sendRtcp() reaches the consumer, and a key frame request comes out of "rtcp"', async () => {
  const ssrc = 4444;
  const flow = await pipeline('video', {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000,
      rtcpFeedback: [ { type: 'nack' }, { type: 'nack', parameter: 'pli' } ] } ],
    encodings: [ { ssrc } ]
  });
  const { producerTransport, consumerTransport, producer, consumer, received } = flow;
  const upstream = [];
  producerTransport.on('rtcp', (data) => upstream.push(data));
  try {
    for (let i = 0; i < 10; i++) {
      const frame = i === 0 ? VP8_KEY_FRAME : VP8_DELTA_FRAME;
      producer.send(rtp.build({ payloadType: 96, seq: 500 + i, timestamp: 3000 * i, ssrc,
        payload: Buffer.from([ ...frame, i ]) }));
    }
    assert.ok(await until(() => received.length === 10), `received ${received.length} of 10`);
    const mediaSsrc = consumer.rtpParameters.encodings[0].ssrc;
    const rtxSsrc = consumer.rtpParameters.encodings[0].rtx.ssrc;
    const rtxPayloadType = consumer.rtpParameters.codecs.find((c) => c.mimeType === 'video/rtx').payloadType;

    // A NACK for the fifth packet: answered with its RTX retransmission.
    const lost = received[4];
    const item = Buffer.alloc(4);
    item.writeUInt16BE(lost.seq, 0);
    consumerTransport.sendRtcp(rtp.feedback(205, 1, 1, mediaSsrc, item));
    assert.ok(await until(() => received.some((p) => p.ssrc === rtxSsrc)), 'an RTX packet arrives');
    const retransmission = received.find((p) => p.ssrc === rtxSsrc);
    assert.equal(retransmission.payloadType, rtxPayloadType);
    assert.equal(retransmission.payload.readUInt16BE(0), lost.seq, 'OSN is the NACKed sequence number');
    assert.deepEqual([ ...retransmission.payload.subarray(2) ], [ ...lost.payload ], 'original payload');

    // A receiver report: 3 of the 10 packets lost, a fraction of 25/256 and a jitter of 100. 3.8.4
    // shows the report's fraction, 3.32.2 its own (3/10) and the jitter.
    const report = rtp.receiverReport(mediaSsrc, 25, 3, received[9].seq);
    report.writeUInt32BE(100, 20);
    consumerTransport.sendRtcp(report);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [ outbound ] = await consumer.getStats();
    assert.equal(outbound.nackCount, 1);
    assert.equal(outbound.packetsRetransmitted, 1);
    assert.equal(outbound.packetsLost, 3);
    assert.equal(outbound.fractionLost, is332 ? Math.floor(3 * 256 / 10) : 25);
    if (is332) assert.equal(outbound.jitter, 100);

    // A pause measures nothing: 3.32.2 clears the fraction lost and the jitter, 3.8.4 keeps them.
    await consumer.pause();
    await consumer.resume();
    const [ resumed ] = await consumer.getStats();
    assert.equal(resumed.packetsLost, 3);
    assert.equal(resumed.fractionLost, is332 ? 0 : 25);
    if (is332) assert.equal(resumed.jitter, 0);

    await consumer.requestKeyFrame();
    assert.ok(await until(() => upstream.some((data) => rtp.keyFrameRequests(data).includes(ssrc))),
      'a PLI for the producer\'s stream comes out of its transport\'s "rtcp" event');
  } finally {
    close(flow);
  }
});
