// Audio levels through the real mediasoup Node library: two Opus producers send
// ssrc-audio-level (RFC 6464) in their RTP header extensions; an AudioLevelObserver reports
// their average volumes, loudest first, then silence when they stop, and an
// ActiveSpeakerObserver names the one that speaks as the dominant speaker.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { mediasoup, listen, udpSocket, until, workerAndRouter } = require('./harness');

const AUDIO_LEVEL_ID = 1;

const room = workerAndRouter({ mediaCodecs: [ { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 } ] });

/** An Opus packet whose one-byte header extension (RFC 8285) carries a voice level in -dBov. */
function opusWithLevel(ssrc, seq, level) {
  const packet = rtp.build({ payloadType: 100, seq, timestamp: 960 * seq, ssrc, payload: Buffer.alloc(20, 0xfc) });
  return rtp.withExtension(packet, AUDIO_LEVEL_ID, [ 0x80 | level ]);
}

async function audioProducer(transport, ssrc) {
  return transport.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [ { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 } ],
      encodings: [ { ssrc } ],
      headerExtensions: [ { uri: 'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id: AUDIO_LEVEL_ID } ]
    }
  });
}

test('an AudioLevelObserver reports the producers\' volumes, loudest first, then silence', async () => {
  const loud = await udpSocket();
  const quiet = await udpSocket();
  const loudTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const quietTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const loudProducer = await audioProducer(loudTransport, 1111);
  const quietProducer = await audioProducer(quietTransport, 2222);
  const observer = await room.router.createAudioLevelObserver({ maxEntries: 2, threshold: -70, interval: 300 });
  await observer.addProducer({ producerId: loudProducer.id });
  await observer.addProducer({ producerId: quietProducer.id });
  const receiver = await udpSocket();
  const sendTransport = await room.router.createPlainTransport(listen());
  await sendTransport.connect({ ip: '127.0.0.1', port: receiver.address().port });
  const consumer = await sendTransport.consume({ producerId: loudProducer.id, rtpCapabilities: room.router.rtpCapabilities });
  const forwarded = [];
  receiver.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet && !rtp.isProbation(packet)) forwarded.push(data);
  });
  const volumes = [];
  let silences = 0;
  observer.on('volumes', (entries) => volumes.push(entries.map(({ producer, volume }) => ({ id: producer.id, volume }))));
  observer.on('silence', () => silences++);

  let seq = 0;
  const talking = setInterval(() => {
    for (let i = 0; i < 5; i++, seq++) {
      loud.send(opusWithLevel(1111, seq, 20), loudTransport.tuple.localPort, '127.0.0.1');
      quiet.send(opusWithLevel(2222, seq, 60), quietTransport.tuple.localPort, '127.0.0.1');
    }
  }, 20);
  await until(() => volumes.some((entries) => entries.length === 2));
  clearInterval(talking);
  const both = volumes.find((entries) => entries.length === 2);
  assert.ok(both, 'a volumes event with both producers');
  assert.deepEqual(both, [ { id: loudProducer.id, volume: -20 }, { id: quietProducer.id, volume: -60 } ]);

  await until(() => silences > 0);

  // The consumer's packets carry its MID and the level under the ids it negotiated.
  const ids = Object.fromEntries(consumer.rtpParameters.headerExtensions.map(({ uri, id }) => [ uri, id ]));
  assert.ok(forwarded.length > 0);
  const extensions = rtp.extensions(forwarded[0]);
  assert.equal(extensions[ids['urn:ietf:params:rtp-hdrext:sdes:mid']].toString(), consumer.rtpParameters.mid);
  assert.equal(extensions[ids['urn:ietf:params:rtp-hdrext:ssrc-audio-level']][0], 0x80 | 20);
  receiver.close();
  assert.equal(silences, 1, 'silence once the producers stop');
  loud.close();
  quiet.close();
});

test('an ActiveSpeakerObserver names the producer that speaks as the dominant speaker', async () => {
  const talker = await udpSocket();
  const listener = await udpSocket();
  const talkerTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const listenerTransport = await room.router.createPlainTransport({ ...listen(), comedia: true });
  const listenerProducer = await audioProducer(listenerTransport, 3333);
  const talkerProducer = await audioProducer(talkerTransport, 4444);
  const observer = await room.router.createActiveSpeakerObserver({ interval: 100 });
  // The first producer added is the one elected while nobody speaks.
  await observer.addProducer({ producerId: listenerProducer.id });
  await observer.addProducer({ producerId: talkerProducer.id });
  const dominant = [];
  observer.on('dominantspeaker', ({ producer }) => dominant.push(producer.id));

  let seq = 0;
  const send = (talkerLevel) => {
    talker.send(opusWithLevel(4444, seq, talkerLevel), talkerTransport.tuple.localPort, '127.0.0.1');
    listener.send(opusWithLevel(3333, seq, 127), listenerTransport.tuple.localPort, '127.0.0.1');
    seq++;
  };
  // Both silent: the first producer is elected, and kept.
  let sending = setInterval(() => send(127), 20);
  assert.ok(await until(() => dominant.length > 0));
  await new Promise((resolve) => setTimeout(resolve, 300));
  clearInterval(sending);
  assert.deepEqual(dominant, [ listenerProducer.id ]);

  // The talker's room noise (-110 dBov) sets its noise floor, then it speaks at -20 dBov.
  send(110);
  sending = setInterval(() => send(20), 20);
  assert.ok(await until(() => dominant.length > 1), 'the talker takes over');
  await new Promise((resolve) => setTimeout(resolve, 300));
  clearInterval(sending);
  assert.deepEqual(dominant, [ listenerProducer.id, talkerProducer.id ]);

  // Silence keeps the last dominant speaker.
  sending = setInterval(() => send(127), 20);
  await new Promise((resolve) => setTimeout(resolve, 500));
  clearInterval(sending);
  assert.deepEqual(dominant, [ listenerProducer.id, talkerProducer.id ]);
  talker.close();
  listener.close();
});
