// One scenario, run against whichever worker MEDIASOUP_WORKER_BIN names, through the real
// mediasoup 3.8.4 Node library; prints what an application could observe as JSON: dumps, stats,
// events and what reached the remote ends on the wire. scripts/compare-reference runs it against
// ours and a C++ build and compare.js tells the differences.
//
// RTP (VP8 with RTX, transport-cc) goes in over UDP to a PlainTransport producer, two packets lost
// and repaired by RTX, with sender reports; it goes out to a PlainTransport consumer that
// negotiated transport-cc (its remote end sends receiver reports and a NACK), through
// pipeToRouter to a second router, and to a DirectTransport consumer.
'use strict';

const path = require('node:path');
const e2e = path.join(__dirname, '..', 'e2e');
const rtp = require(path.join(e2e, 'rtp'));
const { mediasoup, udpSocket } = require(path.join(e2e, 'harness'));

const TWCC_URI = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';
const PROBATION_SSRC = 1234;
const MEDIA_SSRC = 1111;
const RTX_SSRC = 1112;
const PACKETS = 150;
// Not 0: the C++ worker 3.8.4 counts a stream whose first sequence number is 0 as having
// wrapped (its maxSeq starts at seq - 1), scores its first interval 0 and stops the consumers
// for a second. Senders pick a random first sequence number (RFC 3550 §5.1); so does this one.
const FIRST_SEQ = 21000;
const INTERVAL_MS = 20;
const LOST = new Set([ 10, 11 ]);

const mediaCodecs = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 }
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts of named things, kept in insertion order. */
function counter() {
  const counts = {};
  return { add: (name) => { counts[name] = (counts[name] || 0) + 1; }, counts };
}

/** What an RTCP compound holds, as names: "SR", "RR", "SDES", "RTPFB/1" (NACK), "PSFB/1" (PLI), ... */
function rtcpNames(data) {
  const names = { 200: 'SR', 201: 'RR', 202: 'SDES', 203: 'BYE', 204: 'APP', 205: 'RTPFB', 206: 'PSFB', 207: 'XR' };
  return rtp.rtcpPackets(data).map((p) => (p.type === 205 || p.type === 206 ? `${names[p.type]}/${p.count}` : names[p.type] || String(p.type)));
}

/**
 * A VP8 packet: an extended payload descriptor (RFC 7741 §4.2: X and S set, a 15-bit picture ID;
 * the C++ worker 3.8.4 reads no key frame from a descriptor without X, and widens a 7-bit picture
 * ID in place), then a payload header that says key frame for the first.
 */
function vp8Packet(seq, transportSeq) {
  const keyFrame = seq === 0;
  const payload = Buffer.alloc(300, 0xab);
  payload[0] = 0x90;
  payload[1] = 0x80;
  payload[2] = 0x80 | ((seq >> 8) & 0x7f);
  payload[3] = seq & 0xff;
  payload[4] = keyFrame ? 0x00 : 0x01;
  const packet = rtp.build({ payloadType: 96, seq: FIRST_SEQ + seq, timestamp: seq * 3000, ssrc: MEDIA_SSRC, marker: true,
    payload });
  return rtp.withExtension(packet, 3, [ (transportSeq >> 8) & 0xff, transportSeq & 0xff ]);
}

/** The RTX packet (RFC 4588) repairing media packet `seq`: the original sequence number before the payload. */
function rtxPacket(rtxSeq, seq, transportSeq) {
  const original = rtp.parse(vp8Packet(seq, transportSeq));
  const payload = Buffer.concat([ Buffer.from([ original.seq >> 8, original.seq & 0xff ]), original.payload ]);
  const packet = rtp.build({ payloadType: 97, seq: rtxSeq, timestamp: seq * 3000, ssrc: RTX_SSRC, marker: true, payload });
  return rtp.withExtension(packet, 3, [ (transportSeq >> 8) & 0xff, transportSeq & 0xff ]);
}

/** A generic NACK (RTPFB FMT 1) from SSRC 1 for packet `seq` of `mediaSsrc`. */
function nack(mediaSsrc, seq) {
  const fci = Buffer.alloc(4);
  fci.writeUInt16BE(seq, 0);
  return rtp.feedback(205, 1, 1, mediaSsrc, fci);
}

async function main() {
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const router = await worker.createRouter({ mediaCodecs });
  const router2 = await worker.createRouter({ mediaCodecs });
  const events = {};
  const track = (name, emitter, eventNames) => {
    const count = counter();
    events[name] = count.counts;
    for (const event of eventNames) {
      emitter.on(event, (data) => count.add(event === 'trace' ? `trace/${data.type}` : event));
    }
  };

  const sender = await udpSocket();
  const receiver = await udpSocket();
  const wire = { toSender: counter(), toReceiver: counter() };
  sender.on('message', (data) => {
    const packet = rtp.parse(data);
    if (packet) wire.toSender.add(`rtp/${packet.ssrc}`);
    else rtcpNames(data).forEach(wire.toSender.add);
  });

  const ingress = await router.createPlainTransport({ listenIp: '127.0.0.1', comedia: true, rtcpMux: true });
  track('ingress', ingress, [ 'trace', 'tuple', 'rtcptuple' ]);
  const producer = await ingress.produce({ kind: 'video', rtpParameters: {
    codecs: [
      { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000,
        rtcpFeedback: [ { type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'transport-cc' } ] },
      { mimeType: 'video/rtx', payloadType: 97, clockRate: 90000, parameters: { apt: 96 } }
    ],
    headerExtensions: [ { uri: TWCC_URI, id: 3 } ],
    encodings: [ { ssrc: MEDIA_SSRC, rtx: { ssrc: RTX_SSRC } } ] } });
  track('producer', producer, [ 'score', 'videoorientationchange', 'trace' ]);

  const egress = await router.createPlainTransport({ listenIp: '127.0.0.1', comedia: false, rtcpMux: true });
  await egress.connect({ ip: '127.0.0.1', port: receiver.address().port });
  await egress.enableTraceEvent([ 'probation', 'bwe' ]);
  track('egress', egress, [ 'trace' ]);
  const consumer = await egress.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
  track('consumer', consumer, [ 'score', 'layerschange', 'trace' ]);
  const consumerSsrc = consumer.rtpParameters.encodings[0].ssrc;
  const consumerRtxSsrc = consumer.rtpParameters.encodings[0].rtx && consumer.rtpParameters.encodings[0].rtx.ssrc;
  const consumerSeqs = [];
  receiver.on('message', (data) => {
    const packet = rtp.parse(data);
    if (!packet) {
      rtcpNames(data).forEach(wire.toReceiver.add);
      return;
    }
    if (packet.ssrc === consumerSsrc) {
      wire.toReceiver.add('rtp/media');
      consumerSeqs.push(packet.seq);
    } else if (packet.ssrc === consumerRtxSsrc) {
      wire.toReceiver.add('rtp/rtx');
    } else if (packet.ssrc === PROBATION_SSRC) {
      wire.toReceiver.add('rtp/probation');
    } else {
      wire.toReceiver.add('rtp/other');
    }
  });

  const { pipeConsumer, pipeProducer } = await router.pipeToRouter({ producerId: producer.id, router: router2 });
  track('pipeConsumer', pipeConsumer, [ 'score', 'layerschange' ]);
  track('pipeProducer', pipeProducer, [ 'score' ]);
  const pipeTransport = [ ...router._transports.values() ].find((t) => t.constructor.name === 'PipeTransport');
  const pipeTransport2 = [ ...router2._transports.values() ].find((t) => t.constructor.name === 'PipeTransport');

  const direct = await router.createDirectTransport();
  track('direct', direct, [ 'rtcp', 'trace' ]);
  const directConsumer = await direct.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
  track('directConsumer', directConsumer, [ 'rtp', 'score', 'layerschange' ]);

  const port = ingress.tuple.localPort;
  const startMs = Date.now();
  let transportSeq = 1;
  let rtxSeq = 500;
  for (let seq = 0; seq < PACKETS; seq++) {
    const packet = vp8Packet(seq, transportSeq++);
    if (!LOST.has(seq)) sender.send(packet, port, '127.0.0.1');
    if (seq === 25) {
      for (const lost of LOST) sender.send(rtxPacket(rtxSeq++, lost, transportSeq++), port, '127.0.0.1');
    }
    if (seq % 50 === 49) {
      sender.send(rtp.senderReport({ ssrc: MEDIA_SSRC, rtpTimestamp: seq * 3000, ntpMs: startMs + seq * INTERVAL_MS,
        packetCount: seq + 1, octetCount: (seq + 1) * 300 }), port, '127.0.0.1');
    }
    if (seq === 75 && consumerSeqs.length > 20) {
      const rr = rtp.receiverReport(consumerSsrc, 0, 0);
      receiver.send(Buffer.concat([ rr, nack(consumerSsrc, consumerSeqs[20]) ]), egress.tuple.localPort, '127.0.0.1');
    }
    await sleep(INTERVAL_MS);
  }
  await sleep(200);

  const record = { stats: {}, dumps: {}, events, wire: { toSender: wire.toSender.counts, toReceiver: wire.toReceiver.counts } };
  const entities = { ingress, egress, pipeTransport, pipeTransport2, direct, producer, consumer, pipeConsumer,
    pipeProducer, directConsumer };
  for (const [ name, entity ] of Object.entries(entities)) record.stats[name] = await entity.getStats();
  for (const [ name, entity ] of Object.entries(entities)) record.dumps[name] = await entity.dump();
  // Events that come late (the periodic ones) have a second to show.
  await sleep(1000);
  process.stdout.write(JSON.stringify(record, null, 2) + '\n');
  sender.close();
  receiver.close();
  worker.close();
}

main().catch((error) => {
  process.stderr.write(`scenario: ${error.stack}\n`);
  process.exit(1);
});
