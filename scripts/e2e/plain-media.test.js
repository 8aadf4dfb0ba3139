// RTP through the worker, driven by the real mediasoup Node library: a PlainTransport
// in comedia mode receives a stream from a local UDP socket; a consumer on a second
// PlainTransport sends it to another local socket, where every packet is checked.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { mediasoup, listen, udpSocket, until, workerAndRouter } = require('./harness');

const OPUS = { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 };
const PRODUCER_SSRC = 11111111;
const PRODUCER_PT = 111;

const room = workerAndRouter({ mediaCodecs: [ OPUS ] });

/** Collects RTP packets (probation aside, and RTCP ones apart) arriving on a socket. */
function collect(socket) {
  const received = { rtp: [], rtcp: [] };
  socket.on('message', (data) => {
    const packet = rtp.parse(data);
    if (!packet) received.rtcp.push(data);
    else if (!rtp.isProbation(packet)) received.rtp.push(packet);
  });
  return received;
}

/** A producer fed by `sender` through a comedia PlainTransport, and a consumer sending to `receiver`. */
async function pipeline(sender, receiver, { paused = false } = {}) {
  const recvTransport = await room.router.createPlainTransport({ ...listen(), comedia: true, rtcpMux: true });
  const producer = await recvTransport.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [ { mimeType: 'audio/opus', payloadType: PRODUCER_PT, clockRate: 48000, channels: 2 } ],
      encodings: [ { ssrc: PRODUCER_SSRC } ]
    }
  });
  const sendTransport = await room.router.createPlainTransport({ ...listen(), rtcpMux: true });
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumer = await sendTransport.consume({
    producerId: producer.id,
    rtpCapabilities: room.router.rtpCapabilities,
    paused
  });
  const tuples = [];
  recvTransport.on('tuple', (tuple) => tuples.push(tuple));
  const send = (packet) => sender.send(packet, recvTransport.tuple.localPort, '127.0.0.1');
  return { recvTransport, sendTransport, producer, consumer, tuples, send };
}

function audioPacket(index, firstSeq = 4000, firstTimestamp = 100000) {
  return rtp.build({
    payloadType: PRODUCER_PT,
    seq: firstSeq + index,
    timestamp: firstTimestamp + 960 * index,
    ssrc: PRODUCER_SSRC,
    payload: Buffer.from(`audio frame ${index}`)
  });
}

test('a stream sent to a comedia PlainTransport reaches the consumer packet by packet', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const received = collect(receiver);
  const { recvTransport, consumer, tuples, send } = await pipeline(sender, receiver);
  const count = 200;

  for (let i = 0; i < count; i++) {
    send(audioPacket(i));
    if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(await until(() => received.rtp.length === count), `received ${received.rtp.length} of ${count}`);

  assert.equal(tuples.length, 1, 'one "tuple" event in comedia mode');
  assert.equal(tuples[0].remotePort, sender.address().port);
  assert.equal(recvTransport.tuple.remotePort, sender.address().port);

  const ssrc = consumer.rtpParameters.encodings[0].ssrc;
  const payloadType = consumer.rtpParameters.codecs[0].payloadType;
  received.rtp.forEach((packet, i) => {
    assert.equal(packet.ssrc, ssrc, `packet ${i}: consumer SSRC`);
    assert.equal(packet.payloadType, payloadType, `packet ${i}: consumer payload type`);
    if (i > 0) {
      const previous = received.rtp[i - 1];
      assert.equal(packet.seq, (previous.seq + 1) & 0xffff, `packet ${i}: consecutive sequence numbers`);
      assert.equal((packet.timestamp - previous.timestamp) >>> 0, 960, `packet ${i}: timestamps spaced as sent`);
    }
    assert.equal(packet.payload.toString(), `audio frame ${i}`, `packet ${i}: payload intact`);
  });

  // The consumer's stream, then the producer's stream it forwards, as the C++ worker lists them.
  const stats = await consumer.getStats();
  assert.equal(stats.length, 2);
  const [ outbound, inbound ] = stats;
  assert.equal(outbound.type, 'outbound-rtp');
  assert.equal(outbound.packetCount, count);
  assert.equal(inbound.type, 'inbound-rtp');
  assert.equal(inbound.ssrc, PRODUCER_SSRC);
  assert.equal(inbound.packetCount, count);
  sender.close();
  receiver.close();
});

test('sequence numbers stay consecutive across consumer pause and resume', async () => {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const received = collect(receiver);
  const { consumer, send } = await pipeline(sender, receiver);

  for (let i = 0; i < 10; i++) send(audioPacket(i));
  assert.ok(await until(() => received.rtp.length === 10));
  await consumer.pause();
  for (let i = 10; i < 20; i++) send(audioPacket(i));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(received.rtp.length, 10, 'nothing forwarded while paused');
  await consumer.resume();
  for (let i = 20; i < 30; i++) send(audioPacket(i));
  assert.ok(await until(() => received.rtp.length === 20));

  for (let i = 1; i < received.rtp.length; i++) {
    assert.equal(received.rtp[i].seq, (received.rtp[i - 1].seq + 1) & 0xffff, `packet ${i}: no gap after resume`);
  }
  assert.equal(received.rtp[10].payload.toString(), 'audio frame 20');
  sender.close();
  receiver.close();
});

test('packets from another address than the learnt tuple are dropped', async () => {
  const sender = await udpSocket();
  const intruder = await udpSocket();
  const receiver = await udpSocket();
  const received = collect(receiver);
  const { recvTransport, send } = await pipeline(sender, receiver);

  send(audioPacket(0));
  assert.ok(await until(() => received.rtp.length === 1));
  intruder.send(audioPacket(1), recvTransport.tuple.localPort, '127.0.0.1');
  send(audioPacket(2));
  assert.ok(await until(() => received.rtp.length === 2));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(received.rtp.map((packet) => packet.payload.toString()), [ 'audio frame 0', 'audio frame 2' ]);
  sender.close();
  intruder.close();
  receiver.close();
});
