// What the floor's Node runners (bench-run.js, soak-run.js, startup.js) share: the mediasoup
// 3.8.4 library they drive the worker with, the C helpers' line protocol, RSS from /proc, and
// the set-up an application would make for one Opus producer fanned out over PlainTransports.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const mediasoup = require(path.join(__dirname, '..', '..', 'scripts', 'conformance-suite', 'node_modules', 'mediasoup'));

const OPUS_MEDIA_CODECS = [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }];

/** Spawns a C helper of `binDir` that speaks one JSON line at a time and reads its instructions on stdin. */
function helper(binDir, file, args) {
  const child = spawn(path.join(binDir, file), args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const queue = [];
  const waiting = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()(line) : queue.push(line)));
  const nextLine = () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : waiting.push(resolve)));
  return { child, nextLine: async () => JSON.parse(await nextLine()) };
}

function rssKiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

const SRTP_SUITE = 'AES_CM_128_HMAC_SHA1_80';

/**
 * An Opus producer on a comedia PlainTransport of `router` (created with OPUS_MEDIA_CODECS);
 * `join(port)` adds a consumer on a PlainTransport of its own sending to `port` and returns
 * that transport. With `srtpKey` (base64 master key + salt), every transport is SDES-keyed
 * AES_CM_128_HMAC_SHA1_80: the producer's peer protects with `srtpKey`, and each consumer's
 * transport protects with its own `srtpParameters.keyBase64`.
 */
async function opusFanout(router, srtpKey) {
  const listenIp = { ip: '127.0.0.1' };
  const srtp = srtpKey ? { enableSrtp: true, srtpCryptoSuite: SRTP_SUITE } : {};
  const srtpParameters = srtpKey ? { srtpParameters: { cryptoSuite: SRTP_SUITE, keyBase64: srtpKey } } : {};
  const input = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: true, ...srtp });
  if (srtpKey) await input.connect(srtpParameters);
  const producer = await input.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc: 1111 }],
    },
  });
  const rtpCapabilities = {
    codecs: [{ kind: 'audio', mimeType: 'audio/opus', preferredPayloadType: 100, clockRate: 48000, channels: 2 }],
    headerExtensions: [],
  };
  const join = async (port) => {
    const transport = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: false, ...srtp });
    await transport.connect({ ip: '127.0.0.1', port, ...srtpParameters });
    await transport.consume({ producerId: producer.id, rtpCapabilities });
    return transport;
  };
  return { input, producer, join };
}

module.exports = { mediasoup, OPUS_MEDIA_CODECS, helper, rssKiB, opusFanout };
