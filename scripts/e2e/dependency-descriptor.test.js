// The dependency descriptor (AV1 RTP specification, Appendix A) and the other header extensions
// mediasoup 3.32 added, through the real Node library: an AV1 L1T3 producer on a PlainTransport
// sends one packet per frame with its descriptor; SVC consumers, one on the same router and one
// across pipeToRouter, keep the temporal layers they prefer, and every consumer gets the
// descriptor as it came. A VP8 producer's abs-capture-time, playout-delay and mediasoup packet id
// arrive as 3.32.2's worker forwards them, and audio gets the transport-wide sequence number as
// video does. 3.8 has none of these.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, listen, oneWorkerPipe, udpSocket, until } = require('./harness');

const DD_URI = 'https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension';
const ABS_CAPTURE_TIME_URI = 'http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time';
const PLAYOUT_DELAY_URI = 'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay';
const DD_ID = 3;
const TIDS = [ 0, 2, 1, 2 ];
// After the mandatory fields: libwebrtc's L1T3 structure (templates S0T0 S0T0 S0T1 S0T2 S0T2,
// template id offset 1, three decode targets, one chain) with a 640x480 render resolution.
const L1T3_STRUCTURE = Buffer.from('802214eaa860414d1410208427027f01df', 'hex');
// The template id of a frame of each temporal layer: offset 1 plus the template's index.
const TEMPLATE_IDS = [ 2, 3, 4 ];
const skip = !is332 && 'the dependency descriptor and these extensions came after 3.8';
let worker;

before(async () => {
  if (is332) worker = await mediasoup.createWorker({ logLevel: 'warn' });
});

after(() => worker && worker.close());

/** A frame's descriptor: start and end of frame (one packet per frame), its template, its number. */
function descriptor(frame, keyFrame) {
  const templateId = keyFrame ? 1 : TEMPLATE_IDS[TIDS[frame % 4]];
  const mandatory = Buffer.from([ 0xc0 | templateId, (frame >> 8) & 0xff, frame & 0xff ]);
  return keyFrame ? Buffer.concat([ mandatory, L1T3_STRUCTURE ]) : mandatory;
}

/** One AV1 packet per frame: its payload names the temporal layer and frame for the test to read. */
function av1Packet(frame, keyFrame) {
  const temporalLayer = keyFrame ? 0 : TIDS[frame % 4];
  const packet = rtp.build({ payloadType: 96, seq: 40000 + frame, timestamp: 3000 * frame, ssrc: 8001, marker: true,
    payload: Buffer.from([ 0x18, temporalLayer, frame >> 8, frame & 0xff, keyFrame ? 1 : 0 ]) });
  return rtp.withExtensions(packet, [ [ DD_ID, descriptor(frame, keyFrame) ] ]);
}

const tid = ({ packet }) => packet.payload[1];
const frameOf = ({ packet }) => packet.payload.readUInt16BE(2);

/**
 * What a consumer forwarded from frame `since` on: once a frame of `target` went out (which
 * brings the consumer down to it), none above it; and frames of every layer up to it.
 */
function checkTemporalLayers(received, since, target, name) {
  const after = received.filter((p) => frameOf(p) >= since);
  const reached = after.findIndex((p) => tid(p) === target);
  assert.ok(reached >= 0, `${name}: a frame of temporal layer ${target} from frame ${since}: ${layers(after)}`);
  const settled = after.slice(reached);
  assert.ok(settled.every((p) => tid(p) <= target), `${name}: nothing above temporal layer ${target}: ${layers(after)}`);
  for (let layer = 0; layer <= target; layer++) {
    assert.ok(settled.some((p) => tid(p) === layer), `${name}: temporal layer ${layer} forwarded: ${layers(after)}`);
  }
}

const layers = (packets) => packets.map((p) => `${frameOf(p)}:${tid(p)}`).join(' ');

async function consumerOn(router, producerId, receiver, preferredLayers) {
  // Without bandwidth estimation the consumer's layers follow its preferred ones alone.
  const transport = await router.createPlainTransport({ ...listen(), enableBwe: false });
  await transport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  return transport.consume({ producerId, rtpCapabilities: router.rtpCapabilities, preferredLayers });
}

function collect(socket) {
  const received = [];
  socket.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet && !rtp.isProbation(packet)) received.push({ packet, extensions: rtp.extensions(data) });
  });
  return received;
}

test('AV1 SVC consumers keep the temporal layers they prefer, read from the dependency descriptor', { skip },
  async () => {
    const mediaCodecs = [ { kind: 'video', mimeType: 'video/AV1', clockRate: 90000 } ];
    const router = await worker.createRouter({ mediaCodecs });
    const router2 = await worker.createRouter({ mediaCodecs });
    const ddRouterId = router.rtpCapabilities.headerExtensions.find((e) => e.uri === DD_URI).preferredId;
    const sender = await udpSocket();
    const recvTransport = await router.createPlainTransport({ ...listen(), comedia: true });
    const producer = await recvTransport.produce({ kind: 'video', rtpParameters: {
      codecs: [ { mimeType: 'video/AV1', payloadType: 96, clockRate: 90000,
        rtcpFeedback: [ { type: 'nack', parameter: 'pli' } ] } ],
      encodings: [ { ssrc: 8001, scalabilityMode: 'L1T3' } ],
      headerExtensions: [ { uri: DD_URI, id: DD_ID } ] } });
    assert.equal(producer.type, 'svc');
    const local = await udpSocket();
    const piped = await udpSocket();
    const localConsumer = await consumerOn(router, producer.id, local);
    const { pipeProducer } = await router.pipeToRouter({ producerId: producer.id, router: router2, ...oneWorkerPipe });
    const pipedConsumer = await consumerOn(router2, pipeProducer.id, piped);
    assert.equal(localConsumer.type, 'svc');
    assert.equal(pipedConsumer.type, 'svc');
    const fromLocal = collect(local);
    const fromPiped = collect(piped);

    let keyFrameDue = true;
    sender.on('message', (data) => {
      if (rtp.keyFrameRequests(data).includes(8001)) keyFrameDue = true;
    });
    let frame = 0;
    const sent = new Map();
    const feeder = setInterval(() => {
      sent.set(frame, descriptor(frame, keyFrameDue));
      sender.send(av1Packet(frame, keyFrameDue), recvTransport.tuple.localPort, '127.0.0.1');
      keyFrameDue = false;
      frame++;
    }, 33);
    const descriptorAsSent = (received) => received.extensions[ddRouterId]
      && received.extensions[ddRouterId].equals(sent.get(frameOf(received)));
    try {
      // 3.32.2's worker works out a consumer's layers when its producer stream's score changes
      // or its preferred layers change: a stream scored at its first packet, before any
      // bitrate was measured, waits for the latter.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await localConsumer.setPreferredLayers({ spatialLayer: 0, temporalLayer: 0 });
      await pipedConsumer.setPreferredLayers({ spatialLayer: 0, temporalLayer: 1 });
      const since = frame;
      assert.ok(await until(() => fromLocal.filter((p) => frameOf(p) >= since + 20).length >= 3
        && fromPiped.filter((p) => frameOf(p) >= since + 20).length >= 3, 8000),
        `both consumers forward (${layers(fromLocal)}; ${layers(fromPiped)})`);
      checkTemporalLayers(fromLocal, since, 0, 'the local consumer');
      checkTemporalLayers(fromPiped, since, 1, 'the consumer across pipeToRouter');
      for (const received of [ ...fromLocal, ...fromPiped ]) {
        assert.ok(descriptorAsSent(received), `the descriptor forwarded as sent: ${JSON.stringify(received.extensions)}`);
      }
      const keyFrame = fromLocal.find(({ packet }) => packet.payload[4] === 1);
      assert.ok(keyFrame && keyFrame.packet.extensionProfile === 0x1000,
        'a 20-byte descriptor goes out in two-byte header extensions');

      await localConsumer.setPreferredLayers({ spatialLayer: 0, temporalLayer: 2 });
      const raised = frame;
      assert.ok(await until(() => fromLocal.some((p) => frameOf(p) >= raised && tid(p) === 2), 6000),
        `temporal layer 2 after the change: ${layers(fromLocal)}`);
      assert.ok(await until(() => localConsumer.currentLayers && localConsumer.currentLayers.temporalLayer === 2));

      const [ stats ] = await producer.getStats();
      assert.deepEqual(Object.keys(stats.bitrateByLayer).sort(), [ '0.0', '0.1', '0.2' ],
        `the producer counts each temporal layer: ${JSON.stringify(stats.bitrateByLayer)}`);
    } finally {
      clearInterval(feeder);
      for (const socket of [ sender, local, piped ]) socket.close();
      router.close();
      router2.close();
    }
  });

test('abs-capture-time, playout-delay and the mediasoup packet id go on as 3.32.2 forwards them', { skip }, async () => {
  const router = await worker.createRouter({ mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 } ] });
  const ids = Object.fromEntries(router.rtpCapabilities.headerExtensions
    .filter((e) => e.kind === 'video').map((e) => [ e.uri, e.preferredId ]));
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const recvTransport = await router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({ kind: 'video', enableMediasoupPacketIdHeaderExtension: true,
    rtpParameters: {
      codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 } ],
      encodings: [ { ssrc: 9001 } ],
      headerExtensions: [ { uri: ABS_CAPTURE_TIME_URI, id: 5 }, { uri: PLAYOUT_DELAY_URI, id: 6 } ] } });
  await consumerOn(router, producer.id, receiver);
  const received = collect(receiver);
  const captureTime = Buffer.from('e6a1b2c3d4e5f607', 'hex');
  const playoutDelay = Buffer.from('00a00b', 'hex');
  let seq = 0;
  const feeder = setInterval(() => {
    const packet = rtp.build({ payloadType: 96, seq: seq++, timestamp: 3000 * seq, ssrc: 9001, marker: true,
      payload: Buffer.from([ 0x90, 0x80, 0x80 | (seq >> 8), seq & 0xff, 0x00 ]) });
    sender.send(rtp.withExtensions(packet, [ [ 5, captureTime ], [ 6, playoutDelay ] ]), recvTransport.tuple.localPort,
      '127.0.0.1');
  }, 20);
  try {
    assert.ok(await until(() => received.length >= 5, 6000), 'packets forwarded');
    const extensions = received.map((r) => r.extensions);
    for (const e of extensions) {
      assert.equal(e[ids[ABS_CAPTURE_TIME_URI]].toString('hex'), `${captureTime.toString('hex')}0000000000000000`,
        'abs-capture-time with its capture clock offset (no sender reports yet: the same clock as ours)');
      assert.ok(e[ids[PLAYOUT_DELAY_URI]].equals(playoutDelay), 'playout-delay as sent');
    }
    const packetIds = extensions.map((e) => e[ids['urn:mediasoup:params:rtp-hdrext:packet-id']].readUInt32BE(0));
    for (let i = 1; i < packetIds.length; i++) {
      assert.equal(packetIds[i], (packetIds[i - 1] + 1) >>> 0, `packet ids count up: ${packetIds}`);
    }

    // Sender reports whose NTP time runs a second behind ours: from the third on, the capture
    // clock offset forwarded is the sender's less that second (Q32.32 seconds).
    for (let i = 0; i < 3; i++) {
      sender.send(rtp.senderReport({ ssrc: 9001, rtpTimestamp: 3000 * seq, ntpMs: Date.now() - 1000 }),
        recvTransport.tuple.localPort, '127.0.0.1');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const after = received.length;
    assert.ok(await until(() => received.length >= after + 3, 6000), 'packets forwarded after the reports');
    for (const { extensions: e } of received.slice(after)) {
      const offsetMs = (Number(e[ids[ABS_CAPTURE_TIME_URI]].readBigInt64BE(8)) / 2 ** 32) * 1000;
      assert.ok(offsetMs < -950 && offsetMs > -1100, `capture clock offset about -1000 ms: ${offsetMs}`);
    }
  } finally {
    clearInterval(feeder);
    sender.close();
    receiver.close();
    router.close();
  }
});

test('audio carries the transport-wide sequence number too, as 3.32.2 sends it', { skip }, async () => {
  const TWCC_URI = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';
  const router = await worker.createRouter({ mediaCodecs: [ { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000,
    channels: 2 } ] });
  const sender = await udpSocket();
  const receiver = await udpSocket();
  const recvTransport = await router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({ kind: 'audio', rtpParameters: {
    codecs: [ { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 } ],
    encodings: [ { ssrc: 9101 } ] } });
  const sendTransport = await router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumer = await sendTransport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
  const twccId = consumer.rtpParameters.headerExtensions.find((e) => e.uri === TWCC_URI).id;
  assert.ok(consumer.rtpParameters.codecs[0].rtcpFeedback.some((fb) => fb.type === 'transport-cc'));
  const received = collect(receiver);
  let seq = 0;
  const feeder = setInterval(() => {
    sender.send(rtp.build({ payloadType: 100, seq, timestamp: 960 * seq, ssrc: 9101, payload: Buffer.alloc(20, 0xfc) }),
      recvTransport.tuple.localPort, '127.0.0.1');
    seq++;
  }, 20);
  try {
    assert.ok(await until(() => received.length >= 10, 6000), 'audio forwarded');
    const numbers = received.map(({ extensions }) => extensions[twccId] && extensions[twccId].readUInt16BE(0));
    assert.ok(numbers.every((n) => n !== undefined), `every packet numbered: ${numbers}`);
    // Probation packets, also numbered, may come in between.
    for (let i = 1; i < numbers.length; i++) {
      assert.ok(((numbers[i] - numbers[i - 1]) & 0xffff) > 0 && ((numbers[i] - numbers[i - 1]) & 0xffff) < 1000,
        `numbers grow: ${numbers}`);
    }
  } finally {
    clearInterval(feeder);
    sender.close();
    receiver.close();
    router.close();
  }
});
