// The main job with live media: the real mediasoup Node library spawns and drives our worker;
// this script plays a VP8 camera over loopback UDP into a PlainTransport producer, which the
// worker fans out to several consumers on their own PlainTransports, whose output the script
// receives and checks; two microphones take turns talking (Opus with ssrc-audio-level) and an
// ActiveSpeakerObserver names the dominant one. Every second it prints what went in and out
// (packets, bitrates, the worker's scores, the dominant speaker), and a summary at the end.
// The library is 3.8.4's or, with MEDIASOUP_ERA=3.32, 3.32.2's (scripts/demo --era installs it).
//
//   scripts/demo [--era 3.8|3.32] [--seconds 10] [--consumers 3] [--kbps 1000]
'use strict';

const { mediasoup, listen, udpSocket } = require('./e2e/harness');
const rtp = require('./e2e/rtp');

const options = parseOptions(process.argv.slice(2), { seconds: 10, consumers: 3, kbps: 1000 });
const FPS = 30;
const CLOCK_RATE = 90000;
const MAX_PAYLOAD = 1100;
const KEY_FRAME_INTERVAL_S = 4;
const SSRC = 0x1234abcd;
const AUDIO_LEVEL_ID = 1;
const TURN_S = 3;

const mediaCodecs = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: CLOCK_RATE }
];

function parseOptions(args, defaults) {
  const parsed = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const [ flag, inline ] = args[i].split('=');
    const name = flag.replace(/^--/, '');
    if (!(name in defaults)) {
      console.error(`unknown option ${flag}; options: ${Object.keys(defaults).map((key) => `--${key} N`).join(' ')}`);
      process.exit(2);
    }
    const value = Number(inline ?? args[++i]);
    if (!(value > 0)) {
      console.error(`${flag} needs a positive number`);
      process.exit(2);
    }
    parsed[name] = value;
  }
  return parsed;
}

/**
 * A VP8 camera as RTP (RFC 7741): FPS frames a second at the given bitrate, each split into
 * packets with a payload descriptor (15-bit picture ID); a key frame every few seconds and
 * whenever a PLI or FIR asks for one.
 */
class Camera {
  constructor(socket, port) {
    this.socket = socket;
    this.port = port;
    this.seq = 1000;
    this.pictureId = 0;
    this.frame = 0;
    this.keyFrameRequested = true;
    this.packets = 0;
    this.bytes = 0;
    this.keyFrames = 0;
    this.keyFramesOnRequest = 0;
    this.keyFrameRequests = 0;
    socket.on('message', (data) => this.receiveRtcp(data));
  }

  start() {
    this.timer = setInterval(() => this.sendFrame(), 1000 / FPS);
    this.reportTimer = setInterval(() => this.sendSenderReport(), 1000);
  }

  stop() {
    clearInterval(this.timer);
    clearInterval(this.reportTimer);
  }

  sendFrame() {
    const periodic = this.frame % (KEY_FRAME_INTERVAL_S * FPS) === 0;
    const keyFrame = periodic || this.keyFrameRequested;
    if (keyFrame) {
      this.keyFrames++;
      if (!periodic) this.keyFramesOnRequest++;
      this.keyFrameRequested = false;
    }
    const frameBytes = Math.round(options.kbps * 1000 / 8 / FPS * (keyFrame ? 3 : 1));
    const count = Math.ceil(frameBytes / MAX_PAYLOAD);
    const timestamp = (this.frame * CLOCK_RATE / FPS) >>> 0;
    for (let i = 0; i < count; i++) {
      const size = i < count - 1 ? MAX_PAYLOAD : frameBytes - MAX_PAYLOAD * (count - 1);
      this.send(this.packet(i === 0, i === count - 1, keyFrame, timestamp, size));
    }
    this.frame++;
    this.pictureId = (this.pictureId + 1) & 0x7fff;
  }

  packet(start, last, keyFrame, timestamp, size) {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xffff;
    // X=1, S on the frame's first packet, I=1 and a 15-bit picture ID.
    const descriptor = Buffer.from([ start ? 0x90 : 0x80, 0x80, 0x80 | (this.pictureId >> 8), this.pictureId & 0xff ]);
    const payload = Buffer.alloc(Math.max(size, 4), 0x5a);
    if (start) {
      // VP8 payload header: P=0 (key frame) with the key frame's start code, else P=1.
      Buffer.from(keyFrame ? [ 0x10, 0x9d, 0x01, 0x2a ] : [ 0x11, 0x00, 0x00, 0x00 ]).copy(payload);
    }
    return rtp.build({ payloadType: 96, seq, timestamp, ssrc: SSRC, marker: last, payload: Buffer.concat([ descriptor, payload ]) });
  }

  send(packet) {
    this.socket.send(packet, this.port, '127.0.0.1');
    this.packets++;
    this.bytes += packet.length;
  }

  /** An SR (RFC 3550 §6.4.1) so that the worker can score the stream. */
  sendSenderReport() {
    const report = rtp.senderReport({ ssrc: SSRC, rtpTimestamp: this.frame * CLOCK_RATE / FPS, ntpMs: Date.now(),
      packetCount: this.packets, octetCount: this.bytes });
    this.socket.send(report, this.port, '127.0.0.1');
  }

  /** PLI (PSFB FMT 1) and FIR (PSFB FMT 4) ask for a key frame. */
  receiveRtcp(data) {
    const requests = rtp.keyFrameRequests(data).length;
    if (requests > 0) {
      this.keyFrameRequests += requests;
      this.keyFrameRequested = true;
    }
  }
}

/**
 * Two microphones as Opus RTP (20 ms packets) with their voice level in ssrc-audio-level
 * (RFC 6464, -dBov): they take turns talking every TURN_S seconds; the one not talking
 * sends its room's noise.
 */
class Microphones {
  constructor(socket, port, names) {
    this.socket = socket;
    this.port = port;
    this.mics = names.map((name, i) => ({ name, ssrc: 0xa0000000 + i, seq: 0 }));
    this.startMs = Date.now();
  }

  start() {
    this.timer = setInterval(() => this.sendPackets(), 20);
  }

  stop() {
    clearInterval(this.timer);
  }

  /** Which microphone talks now. */
  talking() {
    return this.mics[Math.floor((Date.now() - this.startMs) / 1000 / TURN_S) % this.mics.length];
  }

  sendPackets() {
    const talking = this.talking();
    for (const mic of this.mics) {
      // Speech comes and goes around -25 dBov; room noise stays near -100 dBov.
      const level = mic === talking && Math.random() < 0.85 ? 15 + Math.floor(Math.random() * 20)
        : 95 + Math.floor(Math.random() * 10);
      const packet = rtp.withExtension(rtp.build({ payloadType: 100, seq: mic.seq, timestamp: mic.seq * 960, ssrc: mic.ssrc,
        payload: Buffer.alloc(80, 0xfc) }), AUDIO_LEVEL_ID, [ 0x80 | level ]);
      mic.seq = (mic.seq + 1) & 0xffff;
      this.socket.send(packet, this.port, '127.0.0.1');
    }
  }
}

/**
 * What a consumer's remote end receives: its RTP, checked packet by packet (SSRC, sequence),
 * answered with a receiver report (RFC 3550 §6.4.2) every second, as a real receiver does.
 */
class Receiver {
  constructor(socket) {
    this.socket = socket;
    this.packets = 0;
    this.bytes = 0;
    this.gaps = 0;
    this.outOfOrder = 0;
    this.ssrcs = new Set();
    this.keyFrames = 0;
    socket.on('message', (data) => this.receive(data));
  }

  receive(data) {
    const packet = rtp.parse(data);
    // Bandwidth probation (the worker probes a consumer that negotiated transport-cc or REMB) is no part of the stream.
    if (!packet || rtp.isProbation(packet)) return;
    const { seq, ssrc } = packet;
    this.ssrcs.add(ssrc);
    this.ssrc = ssrc;
    if (this.maxSeq === undefined) {
      this.baseSeq = seq;
      this.maxSeq = seq;
      this.cycles = 0;
    } else {
      const delta = (seq - this.maxSeq) & 0xffff;
      if (delta === 0 || delta > 0x8000) {
        this.outOfOrder++;
      } else {
        if (delta > 1) this.gaps += delta - 1;
        if (seq < this.maxSeq) this.cycles += 0x10000;
        this.maxSeq = seq;
      }
    }
    this.packets++;
    this.bytes += data.length;
  }

  sendReceiverReport(port) {
    if (this.ssrc === undefined) return;
    const expected = this.cycles + this.maxSeq - this.baseSeq + 1;
    const lost = Math.max(0, expected - this.packets);
    const report = Buffer.alloc(32);
    report[0] = 0x81;
    report[1] = 201;
    report.writeUInt16BE(7, 2);
    report.writeUInt32BE(0x0bad0bad, 4);
    report.writeUInt32BE(this.ssrc, 8);
    report.writeUInt32BE(lost & 0xffffff, 12);
    report.writeUInt32BE((this.cycles + this.maxSeq) >>> 0, 16);
    this.socket.send(report, port, '127.0.0.1');
  }
}

function kbps(bytes) {
  return (bytes * 8 / 1000).toFixed(0);
}

function pad(value, width) {
  return String(value).padStart(width);
}

async function main() {
  const spawnStart = process.hrtime.bigint();
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  const spawnMs = Number(process.hrtime.bigint() - spawnStart) / 1e6;
  worker.on('died', (error) => {
    console.error(`worker died: ${error.message}`);
    process.exit(1);
  });
  console.log(`mediasoup ${mediasoup.version}: worker running: pid ${worker.pid}, spawn to "running" in ${spawnMs.toFixed(0)} ms`);

  const router = await worker.createRouter({ mediaCodecs });
  console.log(`router ${router.id}`);
  const recvTransport = await router.createPlainTransport({ ...listen(), comedia: true });
  const producer = await recvTransport.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: CLOCK_RATE,
        rtcpFeedback: [ { type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' } ] } ],
      encodings: [ { ssrc: SSRC } ]
    }
  });

  const consumers = [];
  const addConsumer = async () => {
    const socket = await udpSocket();
    const transport = await router.createPlainTransport(listen());
    await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
    const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
    consumers.push({ consumer, transport, receiver: new Receiver(socket), last: { packets: 0, sent: 0 } });
  };
  // The last consumer joins halfway, as a late participant does: the worker asks for a key frame.
  const lateJoiner = options.consumers > 1 && options.seconds > 2;
  const joinAt = Math.ceil(options.seconds / 2);
  for (let i = 0; i < options.consumers - (lateJoiner ? 1 : 0); i++) await addConsumer();
  console.log(`producer ${producer.id}: VP8, ${options.kbps} kbit/s, ${FPS} fps, into PlainTransport `
    + `:${recvTransport.tuple.localPort}; ${options.consumers} consumers on PlainTransports`
    + (lateJoiner ? `, the last joining after ${joinAt} s` : ''));

  const micTransport = await router.createPlainTransport({ ...listen(), comedia: true });
  const microphones = new Microphones(await udpSocket(), micTransport.tuple.localPort, [ 'A', 'B' ]);
  const observer = await router.createActiveSpeakerObserver({ interval: 300 });
  const micNames = new Map();
  for (const mic of microphones.mics) {
    const micProducer = await micTransport.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [ { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 } ],
        encodings: [ { ssrc: mic.ssrc } ],
        headerExtensions: [ { uri: 'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id: AUDIO_LEVEL_ID } ]
      }
    });
    micNames.set(micProducer.id, mic.name);
    await observer.addProducer({ producerId: micProducer.id });
  }
  let dominant = '-';
  const dominantChanges = [];
  observer.on('dominantspeaker', ({ producer: speaker }) => {
    dominant = micNames.get(speaker.id);
    dominantChanges.push(`${dominant} at ${((Date.now() - microphones.startMs) / 1000).toFixed(1)} s`);
  });
  console.log(`microphones ${microphones.mics.map(({ name }) => name).join(' and ')}: Opus with ssrc-audio-level into `
    + `PlainTransport :${micTransport.tuple.localPort}, taking turns every ${TURN_S} s, watched by an ActiveSpeakerObserver`);

  const camera = new Camera(await udpSocket(), recvTransport.tuple.localPort);
  camera.start();
  microphones.start();

  // Columns: t | mics: talking dominant | camera: pkt/s PLI | producer: pkt/s kbit/s score | per consumer: pkt/s kbit/s score recv/s
  const row = (t, mics, camera, producerColumns, consumerColumns) => `${pad(t, 4)} | ${pad(mics[0], 4)} ${pad(mics[1], 8)} | `
    + `${camera.map((v) => pad(v, 5)).join(' ')} | `
    + `${[ pad(producerColumns[0], 5), pad(producerColumns[1], 6), pad(producerColumns[2], 5) ].join(' ')} | `
    + consumerColumns.map((c) => [ pad(c[0], 5), pad(c[1], 6), pad(c[2], 5), pad(c[3], 6) ].join(' ')).join(' | ');
  const none = [ '-', '-', '-', '-' ];
  console.log('');
  console.log(`${' '.repeat(4)} | ${'mics'.padEnd(13)} | ${'camera'.padEnd(11)} | ${'producer'.padEnd(18)} | `
    + Array.from({ length: options.consumers }, (_, i) => `consumer ${i + 1}`.padEnd(25)).join(' | '));
  console.log(row('t', [ 'talk', 'dominant' ], [ 'pkt/s', 'PLI' ], [ 'pkt/s', 'kbit/s', 'score' ],
    Array.from({ length: options.consumers }, () => [ 'pkt/s', 'kbit/s', 'score', 'recv/s' ])));
  let lastCamera = { packets: 0, keyFrameRequests: 0 };
  let lastProducerPackets = 0;
  const startMs = Date.now();
  for (let second = 1; second <= options.seconds; second++) {
    await new Promise((resolve) => setTimeout(resolve, startMs + second * 1000 - Date.now()));
    const [ inbound ] = await producer.getStats();
    const columns = [];
    for (const entry of consumers) {
      const [ outbound ] = await entry.consumer.getStats();
      const { receiver, last } = entry;
      columns.push([ outbound.packetCount - last.sent, (outbound.bitrate / 1000).toFixed(0), outbound.score,
        receiver.packets - last.packets ]);
      entry.last = { packets: receiver.packets, sent: outbound.packetCount };
      receiver.sendReceiverReport(entry.transport.tuple.localPort);
    }
    while (columns.length < options.consumers) columns.push(none);
    const producerPackets = inbound ? inbound.packetCount : 0;
    console.log(row(`${second}s`, [ microphones.talking().name, dominant ], [ camera.packets - lastCamera.packets, camera.keyFrameRequests - lastCamera.keyFrameRequests ],
      inbound ? [ producerPackets - lastProducerPackets, (inbound.bitrate / 1000).toFixed(0), inbound.score ] : none, columns));
    lastCamera = { packets: camera.packets, keyFrameRequests: camera.keyFrameRequests };
    lastProducerPackets = producerPackets;
    if (lateJoiner && second === joinAt) await addConsumer();
  }
  camera.stop();
  microphones.stop();
  // Let the last packets arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));

  const [ inbound ] = await producer.getStats();
  console.log('');
  console.log(`summary after ${options.seconds} s:`);
  console.log(`  camera sent ${camera.packets} RTP packets (${kbps(camera.bytes / options.seconds)} kbit/s), `
    + `${camera.keyFrames} key frames (${camera.keyFramesOnRequest} on ${camera.keyFrameRequests} PLI/FIR from the worker)`);
  console.log(`  producer received ${inbound.packetCount} packets, lost ${inbound.packetsLost}, score ${inbound.score}`);
  let ok = inbound.packetCount > 0;
  for (const [ i, { consumer, receiver } ] of consumers.entries()) {
    const stats = await consumer.getStats();
    const outbound = stats.find((entry) => entry.type === 'outbound-rtp');
    const ownSsrc = receiver.ssrcs.size === 1 && receiver.ssrcs.has(consumer.rtpParameters.encodings[0].ssrc);
    console.log(`  consumer ${i + 1}: the worker sent ${outbound.packetCount}, the demo received ${receiver.packets} `
      + `(${kbps(receiver.bytes / options.seconds)} kbit/s), ${receiver.gaps} missing, ${receiver.outOfOrder} out of order, `
      + `${ownSsrc ? 'all with its own SSRC' : `SSRCs ${[ ...receiver.ssrcs ].join(',')}`}, score ${outbound.score}`);
    ok = ok && ownSsrc && receiver.packets > 0 && receiver.packets === outbound.packetCount && receiver.gaps === 0;
  }
  console.log(`  dominant speaker: ${dominantChanges.join(', ') || 'never named'}`);
  ok = ok && dominantChanges.length > 0;
  const usage = await worker.getResourceUsage();
  console.log(`  worker: ${usage.ru_utime} ms user CPU, ${usage.ru_stime} ms system CPU, `
    + `max RSS ${(usage.ru_maxrss / 1024).toFixed(1)} MiB`);

  worker.close();
  for (const { receiver } of consumers) receiver.socket.close();
  camera.socket.close();
  microphones.socket.close();
  if (!ok) {
    console.error('FAILED: a consumer did not get the stream whole');
    process.exit(1);
  }
  console.log('ok');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
