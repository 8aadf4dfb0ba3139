// SRTP on PlainTransports and PipeTransports (enableSrtp), driven by the real mediasoup
// Node library: media crosses an SRTP link between two transports intact; what the worker
// sends is RFC 3711 as node:crypto reads it, and what node:crypto sends it gets through; a peer
// keyed otherwise, or sending in clear, gets nothing through.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const rtp = require('./rtp');
const srtp = require('./srtp');
const { is332, mediasoup, listen, oneWorkerPipe, udpSocket, until, workerAndRouter } = require('./harness');

const OPUS = { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 };
const PRODUCER_RTP_PARAMETERS = {
  codecs: [ { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 } ],
  encodings: [ { ssrc: 3333 } ]
};
const COUNT = 100;

const room = workerAndRouter({ mediaCodecs: [ OPUS ] });

/** COUNT packets of the producer's stream, each with a distinct ~1 KB payload. */
function stream(firstSeq = 65500) {
  return Array.from({ length: COUNT }, (_, i) => rtp.build({
    payloadType: 111,
    seq: firstSeq + i,
    timestamp: 1000 + 960 * i,
    ssrc: 3333,
    payload: Buffer.concat([ Buffer.from(`frame ${i} `), crypto.randomBytes(1000) ])
  }));
}

/**
 * Sends `packets` from `socket` to a local port, 10 at a time every 10 ms: a kernel receive
 * buffer holds ~90 such datagrams, which a worker whose JIT is still cold can take longer to read.
 */
async function sendAll(socket, packets, port) {
  for (let i = 0; i < packets.length; i++) {
    socket.send(packets[i], port, '127.0.0.1');
    if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** RTP packets (parsed, with their raw bytes; probation aside) arriving on `socket`, through `transform` if given. */
function collect(socket, transform = (data) => data) {
  const received = [];
  socket.on('message', (data) => {
    const clear = transform(data);
    const packet = clear && rtp.parse(clear);
    if (packet && !rtp.isProbation(packet)) received.push(packet);
  });
  return received;
}

/** Every packet arrived, in order, with consecutive sequence numbers and the payload sent. */
function assertIntact(received, sent) {
  assert.equal(received.length, sent.length);
  received.forEach((packet, i) => {
    assert.ok(packet.payload.equals(rtp.parse(sent[i]).payload), `packet ${i}: payload intact`);
    if (i > 0) assert.equal(packet.seq, (received[i - 1].seq + 1) & 0xffff, `packet ${i}: consecutive sequence numbers`);
  });
}

/** A comedia PlainTransport with the producer, fed by the returned `send`. */
async function ingress() {
  const transport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await transport.produce({ kind: 'audio', rtpParameters: PRODUCER_RTP_PARAMETERS });
  const sender = await udpSocket();
  return { producer, sender, send: (packets) => sendAll(sender, packets, transport.tuple.localPort) };
}

/** A plain consumer of `producer` sending to a test socket; resolves to the packets it receives. */
async function egress(producer) {
  const receiver = await udpSocket();
  const transport = await room.router.createPlainTransport(listen());
  await transport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  await transport.consume({ producerId: producer.id, rtpCapabilities: room.router.rtpCapabilities });
  return { receiver, received: collect(receiver) };
}

// 3.8.4's PlainTransport takes only the AES_CM suites; 3.32.2's the AEAD (GCM) ones too.
const PLAIN_SUITES = [ 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32',
  ...(is332 ? [ 'AEAD_AES_128_GCM', 'AEAD_AES_256_GCM' ] : []) ];

for (const srtpCryptoSuite of PLAIN_SUITES) {
  test(`media crosses a ${srtpCryptoSuite} link between two PlainTransports intact`, async () => {
    const source = await ingress();
    const a = await room.router.createPlainTransport({ ...listen(), enableSrtp: true, srtpCryptoSuite });
    const b = await room.router.createPlainTransport({ ...listen(), enableSrtp: true, srtpCryptoSuite });
    await a.connect({ ip: '127.0.0.1', port: b.tuple.localPort, srtpParameters: b.srtpParameters });
    await b.connect({ ip: '127.0.0.1', port: a.tuple.localPort, srtpParameters: a.srtpParameters });
    const linkConsumer = await a.consume({ producerId: source.producer.id, rtpCapabilities: room.router.rtpCapabilities });
    const linkProducer = await b.produce({ kind: 'audio', rtpParameters: linkConsumer.rtpParameters });
    const sink = await egress(linkProducer);

    const sent = stream();
    await source.send(sent);
    assert.ok(await until(() => sink.received.length === COUNT), `received ${sink.received.length} of ${COUNT}`);
    assertIntact(sink.received, sent);
    const [ aStats ] = await a.getStats();
    const tagLength = srtp.TAG_LENGTH[srtpCryptoSuite];
    assert.ok(aStats.bytesSent >= sent.reduce((sum, packet) => sum + packet.length + tagLength, 0),
      'A sent the packets with their tags');
    source.sender.close();
    sink.receiver.close();
  });
}

test('what the worker sends over SRTP and SRTCP is RFC 3711 as node:crypto reads it, and the SRTCP it sends back counts', async () => {
  const source = await ingress();
  const peer = await udpSocket();
  const peerParameters = srtp.randomParameters();
  const transport = await room.router.createPlainTransport({ ...listen(), enableSrtp: true });
  await transport.connect({ ip: '127.0.0.1', port: peer.address().port, srtpParameters: peerParameters });
  const consumer = await transport.consume({ producerId: source.producer.id, rtpCapabilities: room.router.rtpCapabilities });
  const consumerSsrc = consumer.rtpParameters.encodings[0].ssrc;
  const reader = srtp.context(transport.srtpParameters);
  let clearOnTheWire = 0;
  const rtcp = [];
  const received = collect(peer, (data) => {
    if (!rtp.parse(data)) {
      const clear = reader.unprotectRtcp(data);
      if (clear) rtcp.push(...rtp.rtcpPackets(clear));
      return null;
    }
    if (data.includes(Buffer.from('frame '))) clearOnTheWire++;
    return reader.unprotect(data);
  });

  const sent = stream();
  await source.send(sent);
  assert.ok(await until(() => received.length === COUNT), `decrypted ${received.length} of ${COUNT}`);
  assertIntact(received, sent);
  assert.equal(clearOnTheWire, 0, 'no payload in clear on the wire');
  // The first SR may have gone out while the stream was still arriving (on a loaded machine):
  // the one after the stream counts all of it.
  const srAfterStream = () => rtcp.find((packet) => packet.type === 200 && packet.data.readUInt32BE(packet.offset + 20) === COUNT);
  assert.ok(await until(srAfterStream, 4000), 'an SR arrives as SRTCP, counting the whole stream');
  const sr = srAfterStream();
  assert.equal(sr.data.readUInt32BE(sr.offset + 4), consumerSsrc, 'SR of the consumer stream');

  const writer = srtp.context(peerParameters);
  // 3.8.4 shows the report's totals, 3.32.2 what its own link lost of the packets it sent.
  const report = rtp.receiverReport(consumerSsrc, 25, 7, received.at(-1).seq);
  peer.send(writer.protectRtcp(report), transport.tuple.localPort, '127.0.0.1');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const [ outbound ] = await consumer.getStats();
  assert.equal(outbound.packetsLost, 7, 'the RR sent as SRTCP reached the consumer');
  assert.equal(outbound.fractionLost, is332 ? Math.floor(7 * 256 / COUNT) : 25);
  source.sender.close();
  peer.close();
});

test('what node:crypto sends over SRTP gets through; another key or clear RTP does not', async () => {
  const peer = await udpSocket();
  const peerParameters = srtp.randomParameters();
  const transport = await room.router.createPlainTransport({ ...listen(), comedia: true, enableSrtp: true });
  await transport.connect({ srtpParameters: peerParameters });
  const producer = await transport.produce({ kind: 'audio', rtpParameters: PRODUCER_RTP_PARAMETERS });
  const sink = await egress(producer);
  const tuples = [];
  transport.on('tuple', (tuple) => tuples.push(tuple));

  const forged = srtp.context(srtp.randomParameters());
  await sendAll(peer, stream(100).map((packet) => forged.protect(packet)), transport.tuple.localPort);
  await sendAll(peer, stream(300), transport.tuple.localPort);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(sink.received.length, 0, 'nothing from a peer keyed otherwise, nor in clear');
  assert.equal(tuples.length, 0, 'comedia learns no tuple from packets that do not authenticate');

  const genuine = srtp.context(peerParameters);
  const sent = stream(500);
  await sendAll(peer, sent.map((packet) => genuine.protect(packet)), transport.tuple.localPort);
  assert.ok(await until(() => sink.received.length === COUNT), `received ${sink.received.length} of ${COUNT}`);
  assertIntact(sink.received, sent);
  assert.equal(tuples.length, 1);
  peer.close();
  sink.receiver.close();
});

test('a wrongly keyed SRTP PlainTransport peer gets nothing through', async () => {
  const source = await ingress();
  const a = await room.router.createPlainTransport({ ...listen(), enableSrtp: true });
  const b = await room.router.createPlainTransport({ ...listen(), enableSrtp: true });
  await a.connect({ ip: '127.0.0.1', port: b.tuple.localPort, srtpParameters: b.srtpParameters });
  await b.connect({ ip: '127.0.0.1', port: a.tuple.localPort, srtpParameters: srtp.randomParameters() });
  const linkConsumer = await a.consume({ producerId: source.producer.id, rtpCapabilities: room.router.rtpCapabilities });
  const linkProducer = await b.produce({ kind: 'audio', rtpParameters: linkConsumer.rtpParameters });
  const sink = await egress(linkProducer);

  await source.send(stream());
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(sink.received.length, 0);
  assert.deepEqual(await linkProducer.getStats(), [], 'the producer on B received nothing');
  source.sender.close();
  sink.receiver.close();
});

test('pipeToRouter({ enableSrtp: true }) carries media intact', async () => {
  const target = await room.worker.createRouter({ mediaCodecs: [ OPUS ] });
  const source = await ingress();
  const { pipeProducer } = await room.router.pipeToRouter({
    producerId: source.producer.id, router: target, enableSrtp: true, ...oneWorkerPipe
  });
  const receiver = await udpSocket();
  const transport = await target.createPlainTransport(listen());
  await transport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  await transport.consume({ producerId: pipeProducer.id, rtpCapabilities: target.rtpCapabilities });
  const received = collect(receiver);

  const sent = stream();
  await source.send(sent);
  assert.ok(await until(() => received.length === COUNT), `received ${received.length} of ${COUNT}`);
  assertIntact(received, sent);
  source.sender.close();
  receiver.close();
});
