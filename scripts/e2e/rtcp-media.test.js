// RTCP around a forwarded video stream, driven by the real mediasoup Node library: the
// worker reports upstream (RR) and downstream (SR + SDES), takes the receiver's reports into
// the consumer's stats, and relays a receiver's PLI to the sender as a PLI for its own SSRC.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, listen, udpSocket, until, workerAndRouter } = require('./harness');

const PRODUCER_SSRC = 3333;

const room = workerAndRouter({ mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 } ] });

/** Every RTCP compound packet a socket receives, as arrays of rtp.rtcpPackets(). */
function collectRtcp(socket) {
  const compounds = [];
  socket.on('message', (data) => {
    if (!rtp.parse(data)) compounds.push(rtp.rtcpPackets(data));
  });
  return compounds;
}

test('RR goes upstream, SR and SDES downstream, RR from the receiver reaches the consumer stats, PLI is relayed', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const upstream = collectRtcp(sender);
  const downstream = collectRtcp(receiver);
  const media = [];
  receiver.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet) media.push(packet);
  });

  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000,
        rtcpFeedback: [ { type: 'nack' }, { type: 'nack', parameter: 'pli' } ] } ],
      encodings: [ { ssrc: PRODUCER_SSRC } ]
    }
  });
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const producerId = (await recvTransport.dump()).producerIds[0];
  const consumer = await sendTransport.consume({ producerId, rtpCapabilities: room.router.rtpCapabilities });
  const consumerSsrc = consumer.rtpParameters.encodings[0].ssrc;

  for (let i = 0; i < 30; i++) {
    sender.send(rtp.build({ payloadType: 96, seq: 700 + i, timestamp: 90000 + 3000 * i, ssrc: PRODUCER_SSRC,
      payload: Buffer.from([ 0x10, 0, 0, 0 ]) }), recvTransport.tuple.localPort, '127.0.0.1');
  }

  // The first SR may come before the worker took all 30 packets on a busy machine: the next one counts them.
  const srOfAll = (c) => c[0].type === 200 && c[0].data.readUInt32BE(c[0].offset + 20) === 30;
  assert.ok(await until(() => downstream.some(srOfAll)), 'an SR of the 30 packets reaches the receiver');
  const sr = downstream.find(srOfAll);
  assert.equal(sr[0].data.readUInt32BE(sr[0].offset + 4), consumerSsrc, 'SR of the consumer SSRC');
  assert.equal(sr[0].data.readUInt32BE(sr[0].offset + 20), 30, 'SR packet count');
  assert.equal(sr[1].type, 202, 'SDES follows the SR');

  assert.ok(await until(() => upstream.some((c) => c[0].type === 201)), 'an RR reaches the sender');
  const rr = upstream.find((c) => c[0].type === 201)[0];
  assert.equal(rr.count, 1);
  assert.equal(rr.data.readUInt32BE(rr.offset + 8), PRODUCER_SSRC, 'RR block about the producer SSRC');
  assert.equal(rr.data.readUInt32BE(rr.offset + 16), 729, 'extended highest sequence number');
  assert.equal(rr.data.readUIntBE(rr.offset + 13, 3), 0, 'nothing lost');

  // As the C++ worker, an XR Receiver Reference Time follows the RR; the sender's DLRR answer
  // (RFC 3611 §4.5) gives the producer stream its round-trip time.
  const withRr = upstream.find((c) => c[0].type === 201);
  const xr = withRr.find((p) => p.type === 207);
  assert.ok(xr, 'an XR follows the RR');
  assert.equal(xr.data.readUInt8(xr.offset + 8), 4, 'Receiver Reference Time block');
  const lastRr = ((xr.data.readUInt32BE(xr.offset + 12) & 0xffff) << 16 | xr.data.readUInt32BE(xr.offset + 16) >>> 16) >>> 0;
  const dlrr = Buffer.alloc(24);
  dlrr.writeUInt32BE(0x80cf0005, 0);
  dlrr.writeUInt32BE(PRODUCER_SSRC, 4);
  dlrr.writeUInt32BE(0x05000003, 8);
  dlrr.writeUInt32BE(PRODUCER_SSRC, 12);
  dlrr.writeUInt32BE(lastRr, 16);
  dlrr.writeUInt32BE(1, 20);
  sender.send(dlrr, recvTransport.tuple.localPort, '127.0.0.1');
  let roundTripTime = 0;
  for (let i = 0; i < 50 && !(roundTripTime > 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    roundTripTime = (await producer.getStats())[0].roundTripTime;
  }
  assert.ok(roundTripTime > 0 && roundTripTime < 5000, `the DLRR gives an RTT (${roundTripTime} ms)`);

  // A report up to the last packet received: 3.8.4 shows its totals, 3.32.2 what its own link
  // lost since the first packet it sent, so its fraction is of the 30 packets.
  const forwarded = () => media.filter((packet) => packet.ssrc === consumerSsrc);
  assert.ok(await until(() => forwarded().length === 30), 'the receiver got the 30 packets');
  const highestSeq = forwarded().at(-1).seq;
  receiver.send(rtp.receiverReport(consumerSsrc, 25, 7, highestSeq), sendTransport.tuple.localPort, '127.0.0.1');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const [ outbound ] = await consumer.getStats();
  assert.equal(outbound.packetsLost, 7);
  assert.equal(outbound.fractionLost, is332 ? Math.floor(7 * 256 / 30) : 25);

  const before = upstream.length;
  receiver.send(rtp.feedback(206, 1, 1, consumerSsrc), sendTransport.tuple.localPort, '127.0.0.1');
  assert.ok(await until(() => upstream.slice(before).some((c) => c[0].type === 206 && c[0].count === 1)),
    'a PLI reaches the sender');
  const relayed = upstream.slice(before).find((c) => c[0].type === 206)[0];
  assert.equal(relayed.data.readUInt32BE(relayed.offset + 8), PRODUCER_SSRC, 'PLI for the producer SSRC');
  const [ afterPli ] = await consumer.getStats();
  assert.equal(afterPli.pliCount, 1);

  sender.close();
  receiver.close();
});
