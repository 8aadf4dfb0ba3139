// What the floor's Node runners (bench-run.js, soak-run.js, startup.js) share: the mediasoup
// library they drive the worker with (3.8.4's, or the one at MEDIASOUP_LIBRARY), the C helpers'
// line protocol, RSS from /proc, and the set-up an application would make for one Opus producer
// fanned out over PlainTransports.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const mediasoup = require(process.env.MEDIASOUP_LIBRARY
  || path.join(__dirname, '..', '..', 'scripts', 'conformance-suite', 'node_modules', 'mediasoup'));

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

/** The SDES suites bench-forward can key, and the length of their master key + salt. */
const SRTP_KEY_LENGTHS = { AES_CM_128_HMAC_SHA1_80: 30, AEAD_AES_128_GCM: 28, AEAD_AES_256_GCM: 44 };

/**
 * An Opus producer on a comedia PlainTransport of `router` (created with OPUS_MEDIA_CODECS);
 * `join(port)` adds a consumer on a PlainTransport of its own sending to `port` and returns
 * that transport. With `srtpKey` (base64 master key + salt), every transport is SDES-keyed
 * with `suite`: the producer's peer protects with `srtpKey`, and each consumer's transport
 * protects with its own `srtpParameters.keyBase64`.
 */
async function opusFanout(router, srtpKey, suite) {
  const listenIp = { ip: '127.0.0.1' };
  const srtp = srtpKey ? { enableSrtp: true, srtpCryptoSuite: suite } : {};
  const srtpParameters = srtpKey ? { srtpParameters: { cryptoSuite: suite, keyBase64: srtpKey } } : {};
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

module.exports = { mediasoup, OPUS_MEDIA_CODECS, SRTP_KEY_LENGTHS, helper, rssKiB, opusFanout };
