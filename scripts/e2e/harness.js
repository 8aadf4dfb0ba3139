// What every end-to-end test needs: the real mediasoup Node library of the era under test
// (MEDIASOUP_ERA: 3.8 for 3.8.4, the default, or 3.32 for 3.32.2, from the conformance suites'
// pinned installs), the transport options each era spells its own way, loopback UDP sockets,
// and waiting for a condition.
'use strict';

const dgram = require('node:dgram');
const { before, after } = require('node:test');
const path = require('node:path');

const era = process.env.MEDIASOUP_ERA || '3.8';
const suites = { '3.8': 'conformance-suite', '3.32': 'conformance-suite-3.32' };
if (!suites[era]) throw new Error(`MEDIASOUP_ERA=${era}: not an era we serve (3.8 or 3.32)`);
const mediasoup = require(path.join(__dirname, '..', suites[era], 'node_modules', 'mediasoup'));
const is332 = era === '3.32';

const LOOPBACK = '127.0.0.1';

/**
 * Where a Plain or Pipe transport listens: 3.8's listenIp (and port), or 3.32's listenInfo
 * (its listenIp is deprecated).
 */
function listen(port) {
  if (is332) return { listenInfo: { protocol: 'udp', ip: LOOPBACK, ...(port === undefined ? {} : { port }) } };
  return { listenIp: LOOPBACK, ...(port === undefined ? {} : { port }) };
}

/**
 * Where a WebRtcTransport listens on loopback: 3.8's listenIps with enableUdp and enableTcp,
 * or 3.32's listenInfos, one per protocol.
 */
function listenWebRtc({ udp = true, tcp = false, port } = {}) {
  if (is332) {
    const protocols = [ ...(udp ? [ 'udp' ] : []), ...(tcp ? [ 'tcp' ] : []) ];
    return { listenInfos: protocols.map((protocol) => ({ protocol, ip: LOOPBACK, ...(port === undefined ? {} : { port }) })) };
  }
  return { listenIps: [ LOOPBACK ], enableUdp: udp, enableTcp: tcp, ...(port === undefined ? {} : { port }) };
}

/**
 * SCTP options of a transport: 3.8's numSctpStreams and maxSctpMessageSize; 3.32 has no
 * stream counts to negotiate and splits the message size into send and receive limits.
 */
function sctp({ OS = 1024, MIS = 1024, maxMessageSize = 262144 } = {}) {
  if (is332) return { enableSctp: true, maxSendMessageSize: maxMessageSize, maxReceiveMessageSize: maxMessageSize };
  return { enableSctp: true, numSctpStreams: { OS, MIS }, maxSctpMessageSize: maxMessageSize };
}

/**
 * pipeToRouter() options between two routers of one worker: 3.32's worker finds every entity by
 * its id alone, so there the piped producers take new ids (keepId, new in 3.32), as its docs say.
 */
const oneWorkerPipe = is332 ? { keepId: false } : {};

/** A transport tuple as the era's library reports it: 3.32 adds localAddress beside localIp. */
function tuple({ localIp, localPort, remoteIp, remotePort, protocol }) {
  if (is332) return { localIp, localAddress: localIp, localPort, remoteIp, remotePort, protocol };
  return { localIp, localPort, remoteIp, remotePort, protocol };
}

/**
 * A trace event's info in 3.8's shape: 3.32's library hands the worker's FlatBuffers tables
 * unpacked (an RTP packet's fields under rtpPacket, beside isRtx; absent fields as null).
 */
function traceInfo(trace) {
  if (!is332 || !trace.info) return trace.info;
  const fields = trace.info.rtpPacket || trace.info;
  return Object.fromEntries(Object.entries(fields).filter(([ , value ]) => value !== null));
}

/**
 * A UDP socket bound to an ephemeral loopback port. It does not keep the process alive: a test
 * that fails before closing its sockets must not hold its file's process open.
 */
function udpSocket() {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, LOOPBACK, () => resolve(socket.unref()));
  });
}

/** Resolves true once `condition()` (or the promise it returns) holds, false after `timeoutMs`. */
async function until(condition, timeoutMs = 4000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/**
 * A worker and a router made with routerOptions for the tests of one file: made before the
 * first, closed after the last. The object returned holds them as worker and router once made.
 */
function workerAndRouter(routerOptions) {
  const room = {};
  before(async () => {
    room.worker = await mediasoup.createWorker({ logLevel: 'warn' });
    room.router = await room.worker.createRouter(routerOptions);
  });
  after(() => room.worker.close());
  return room;
}

module.exports = {
  era, is332, mediasoup, listen, listenWebRtc, sctp, oneWorkerPipe, tuple, traceInfo, udpSocket, until, workerAndRouter
};
