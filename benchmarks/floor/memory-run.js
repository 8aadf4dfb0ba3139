// Memory per consumer transport, one run of scripts/bench-memory printed as one JSON line: the
// worker named by MEDIASOUP_WORKER_BIN gets a router, an Opus producer on a comedia
// PlainTransport and CONSUMERS consumers, each on a PlainTransport of its own sending to one
// loopback sink; an Opus-like stream (RATE packets/s of PAYLOAD bytes) then flows for
// SECONDS so every stream, buffer and timer a consumer has in use is live. A warm-up round of
// WARMUP consumers that join, receive the stream and leave first makes the base a worker that
// has served consumers before (its code compiled, its pools grown), so that the figures are
// what more consumers cost, not what the first one does. RSS is read before the consumers
// join, at the end of the stream, and 8 s after it: a JVM worker holds, while its JIT compiles
// the forwarding path, up to ~15 MiB of compiler arenas; HotSpot frees the chunks it pools
// every 5 s, and the launcher's -XX:TrimNativeHeapInterval returns them to the system every 2 s.
//
//   MEDIASOUP_WORKER_BIN=BIN node memory-run.js CONSUMERS [RATE] [PAYLOAD] [SECONDS] [WARMUP]
'use strict';

const dgram = require('node:dgram');
const { mediasoup, OPUS_MEDIA_CODECS, rssKiB, opusFanout } = require('./common');

const [consumers, rate = 50, payload = 160, seconds = 5, warmup = 50] = process.argv.slice(2).map(Number);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function bound(socket) {
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
}

function rtpPacket(seq) {
  const packet = Buffer.alloc(12 + payload);
  packet[0] = 0x80;
  packet[1] = 100;
  packet.writeUInt16BE(seq & 0xffff, 2);
  packet.writeUInt32BE((seq * 960) >>> 0, 4);
  packet.writeUInt32BE(1111, 8);
  return packet;
}

/** Sends the stream into `port` for `seconds`, paced against the clock so a late timer sends what it owes. */
async function stream(source, port, first) {
  const total = rate * seconds;
  const started = Date.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    for (; sent < due; sent++) source.send(rtpPacket(first + sent), port, '127.0.0.1');
    await sleep(20);
  }
  return sent;
}

async function main() {
  const sink = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
  let received = 0;
  sink.on('message', (data) => { if ((data[1] & 0x7f) === 100) received++; });
  await bound(sink);
  const source = dgram.createSocket('udp4');
  await bound(source);

  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const router = await worker.createRouter({ mediaCodecs: OPUS_MEDIA_CODECS });
  const { input, join } = await opusFanout(router);
  const warm = [];
  for (let i = 0; i < warmup; i++) warm.push(await join(sink.address().port));
  const warmupSent = await stream(source, input.tuple.localPort, 0);
  warm.forEach((transport) => transport.close());
  await sleep(1000);
  received = 0;
  const baseRssKiB = rssKiB(worker.pid);
  for (let i = 0; i < consumers; i++) await join(sink.address().port);
  const joinedRssKiB = rssKiB(worker.pid);

  const sent = await stream(source, input.tuple.localPort, warmupSent);
  const streamingRssKiB = rssKiB(worker.pid);
  await sleep(8000);
  const settledRssKiB = rssKiB(worker.pid);

  process.stdout.write(JSON.stringify({
    workerBin: process.env.MEDIASOUP_WORKER_BIN, consumers, rate, payload, seconds, warmup,
    packetsSent: sent, packetsReceived: received, expected: sent * consumers,
    baseRssKiB, joinedRssKiB, streamingRssKiB, settledRssKiB,
  }) + '\n');
  worker.close();
  sink.close();
  source.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
