// router.pipeToRouter() carrying real RTP: between two routers of one worker and between
// routers of two workers, driven by the real mediasoup Node library.
'use strict';

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, listen, oneWorkerPipe, udpSocket, until } = require('./harness');

const OPUS = { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 };
const workers = [];

after(() => workers.forEach((worker) => worker.close()));

async function router() {
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  workers.push(worker);
  return worker.createRouter({ mediaCodecs: [ OPUS ] });
}

/**
 * Sends 50 packets into a producer on `source` and checks they come out of a consumer on `target`
 * (`pipeOptions` for pipeToRouter()).
 */
async function checkPipe(source, target, pipeOptions = {}) {
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const received = [];
  receiver.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet && !rtp.isProbation(packet)) received.push(packet);
  });

  const recvTransport = await source.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [ { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 } ],
      encodings: [ { ssrc: 2222 } ]
    }
  });
  const { pipeConsumer, pipeProducer } = await source.pipeToRouter({ producerId: producer.id, router: target, ...pipeOptions });
  const pipeScores = [];
  pipeConsumer.on('score', (score) => pipeScores.push(score));
  const sendTransport = await target.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumer = await sendTransport.consume({ producerId: pipeProducer.id, rtpCapabilities: target.rtpCapabilities });

  for (let i = 0; i < 50; i++) {
    sender.send(rtp.build({ payloadType: 111, seq: 100 + i, timestamp: 5000 + 960 * i, ssrc: 2222,
      payload: Buffer.from(`piped ${i}`) }), recvTransport.tuple.localPort, '127.0.0.1');
  }
  assert.ok(await until(() => received.length === 50), `received ${received.length} of 50`);
  received.forEach((packet, i) => {
    assert.equal(packet.ssrc, consumer.rtpParameters.encodings[0].ssrc);
    assert.equal(packet.payload.toString(), `piped ${i}`);
    if (i > 0) assert.equal(packet.seq, (received[i - 1].seq + 1) & 0xffff);
  });
  // A simple consumer lists the producer stream it forwards after its own; 3.8's pipe consumer lists
  // its own streams only, 3.32's the producer's too.
  assert.deepEqual((await pipeConsumer.getStats()).map(({ type }) => type), is332 ? [ 'outbound-rtp', 'inbound-rtp' ] : [ 'outbound-rtp' ]);
  assert.deepEqual((await consumer.getStats()).map(({ type }) => type), [ 'outbound-rtp', 'inbound-rtp' ]);
  // A pipe's scores are fixed at 10: the C++ worker never tells of them in a "score" event.
  assert.deepEqual(pipeScores, []);
  assert.equal(pipeConsumer.score.score, 10);
  sender.close();
  receiver.close();
}

test('pipeToRouter() carries media between two routers of one worker', async () => {
  const source = await router();
  const target = await workers[workers.length - 1].createRouter({ mediaCodecs: [ OPUS ] });
  await checkPipe(source, target, oneWorkerPipe);
});

test('pipeToRouter() carries media between routers of two workers', async () => {
  await checkPipe(await router(), await router());
});
