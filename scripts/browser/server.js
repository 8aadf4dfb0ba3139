// The server end of the browser tests: the real mediasoup library on one worker and one
// router (3.8.4, pinned here, or with MEDIASOUP_ERA=3.32 the conformance suite's 3.32.2), a
// page (page.js bundled by esbuild with the era's mediasoup-client: 3.18.7 for 3.8, 3.24.1 for
// 3.32) and a JSON-over-HTTP signalling, all on 127.0.0.1. It
// prints "listening <url>" on stdout once ready; everything else it says (its own events, and
// with DEBUG=mediasoup* the library's and the worker's logs) is the server log the tests print
// when they fail.
'use strict';

const http = require('node:http');
const path = require('node:path');
const esbuild = require('esbuild');

const is332 = process.env.MEDIASOUP_ERA === '3.32';
const mediasoup = require(is332 ? path.join(__dirname, '..', 'conformance-suite-3.32', 'node_modules', 'mediasoup') : 'mediasoup');

const LISTEN_IP = '127.0.0.1';
const MAX_SCTP_MESSAGE_SIZE = 262144;

const mediaCodecs = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
  // For the SVC test (layers.test.js); the other tests ask for VP8 by name.
  { kind: 'video', mimeType: 'video/VP9', clockRate: 90000, parameters: { 'profile-id': 0 } },
  // AV1 came with 3.9; the AV1 test asks for it by name when Chromium offers it.
  ...(is332 ? [ { kind: 'video', mimeType: 'video/AV1', clockRate: 90000 } ] : []),
];

function log(...args) {
  console.log(new Date().toISOString(), ...args);
}

async function bundlePage() {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'page.js')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    alias: is332 ? { 'mediasoup-client': 'mediasoup-client-3.24' } : {},
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const indexHtml = `<!doctype html>
<html><head><meta charset="utf-8"><title>jmediasoup browser test</title></head>
<body><script src="/page.js"></script></body></html>
`;

/** The mediasoup objects the page created, by id, so requests can name them. */
class Session {
  constructor(worker, router) {
    this.worker = worker;
    this.router = router;
    /** 3.32's WebRtcServer (one UDP and one TCP port for every transport), made on first use. */
    this.webRtcServer = undefined;
    this.transports = new Map();
    this.producers = new Map();
    this.consumers = new Map();
    this.consumerTransportIds = new Map();
    this.dataProducers = new Map();
    this.dataConsumers = new Map();
    /** Per consumer id, every "layerschange" it emitted: { at (ms since epoch), layers }. */
    this.layersChanges = new Map();
  }

  consumer(id) {
    const consumer = this.consumers.get(id);
    if (!consumer) throw new Error(`no consumer ${id}`);
    return consumer;
  }

  transport(id) {
    const transport = this.transports.get(id);
    if (!transport) throw new Error(`no transport ${id}`);
    return transport;
  }

  async createWebRtcTransport({ tcp = false, sctp = false, webRtcServer = false }) {
    if (webRtcServer && !is332) throw new Error('a WebRtcServer needs 3.32');
    if (webRtcServer && !this.webRtcServer) {
      this.webRtcServer = await this.worker.createWebRtcServer({
        listenInfos: [{ protocol: 'udp', ip: LISTEN_IP }, { protocol: 'tcp', ip: LISTEN_IP }],
      });
      log(`webRtcServer ${this.webRtcServer.id}`);
    }
    // 3.32 listens by listenInfos (or through the WebRtcServer) and negotiates no SCTP stream counts.
    const listen = is332 ? {
      ...(webRtcServer
        ? { webRtcServer: this.webRtcServer, enableUdp: !tcp, enableTcp: tcp }
        : { listenInfos: [{ protocol: tcp ? 'tcp' : 'udp', ip: LISTEN_IP }] }),
      maxSendMessageSize: MAX_SCTP_MESSAGE_SIZE,
      maxReceiveMessageSize: MAX_SCTP_MESSAGE_SIZE,
    } : {
      listenIps: [{ ip: LISTEN_IP }],
      enableUdp: !tcp,
      enableTcp: tcp,
      preferUdp: !tcp,
      numSctpStreams: { OS: 1024, MIS: 1024 },
      maxSctpMessageSize: MAX_SCTP_MESSAGE_SIZE,
    };
    const transport = await this.router.createWebRtcTransport({
      ...listen,
      enableSctp: sctp,
      // The default (256 KiB) cannot take a maximum-size message with its chunk overhead.
      sctpSendBufferSize: 4 * MAX_SCTP_MESSAGE_SIZE,
    });
    const id = transport.id;
    this.transports.set(id, transport);
    transport.on('icestatechange', (state) => log(`transport ${id} icestatechange ${state}`));
    transport.on('iceselectedtuplechange', (tuple) =>
      log(`transport ${id} iceselectedtuplechange ${JSON.stringify(tuple)}`));
    transport.on('dtlsstatechange', (state) => log(`transport ${id} dtlsstatechange ${state}`));
    transport.on('sctpstatechange', (state) => log(`transport ${id} sctpstatechange ${state}`));
    // The estimate's course, for the log of a failing layers test.
    transport.on('trace', (trace) => log(`transport ${id} trace ${trace.type} ${JSON.stringify(trace.info)}`));
    await transport.enableTraceEvent(['bwe']);
    return {
      id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      sctpParameters: transport.sctpParameters,
    };
  }

  async connectWebRtcTransport({ transportId, dtlsParameters }) {
    await this.transport(transportId).connect({ dtlsParameters });
    return {};
  }

  async produce({ transportId, kind, rtpParameters }) {
    const producer = await this.transport(transportId).produce({ kind, rtpParameters });
    this.producers.set(producer.id, producer);
    producer.on('score', (score) => log(`producer ${producer.id} score ${JSON.stringify(score)}`));
    return { id: producer.id };
  }

  async consume({ transportId, producerId, rtpCapabilities }) {
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new Error(`cannot consume producer ${producerId}`);
    }
    const consumer = await this.transport(transportId).consume({ producerId, rtpCapabilities, paused: true });
    this.consumers.set(consumer.id, consumer);
    this.consumerTransportIds.set(consumer.id, transportId);
    consumer.on('score', (score) => log(`consumer ${consumer.id} score ${JSON.stringify(score)}`));
    const layersChanges = [];
    this.layersChanges.set(consumer.id, layersChanges);
    consumer.on('layerschange', (layers) => {
      layersChanges.push({ at: Date.now(), layers: layers || null });
      log(`consumer ${consumer.id} layerschange ${JSON.stringify(layers)}`);
    });
    return { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters };
  }

  async resumeConsumer({ consumerId }) {
    await this.consumer(consumerId).resume();
    return {};
  }

  async setConsumerPreferredLayers({ consumerId, spatialLayer, temporalLayer }) {
    await this.consumer(consumerId).setPreferredLayers({ spatialLayer, temporalLayer });
    return this.consumerLayers({ consumerId });
  }

  /**
   * A consumer's layers as the library knows them, the "layerschange" events so far, and what
   * they are chosen from: its transport's estimate and the producer's bitrate per layer.
   */
  async consumerLayers({ consumerId }) {
    const consumer = this.consumer(consumerId);
    const [transportStats] = await this.transport(this.consumerTransportIds.get(consumerId)).getStats();
    const producer = this.producers.get(consumer.producerId);
    const producerStats = producer ? await producer.getStats() : [];
    return {
      type: consumer.type,
      score: consumer.score,
      preferredLayers: consumer.preferredLayers || null,
      currentLayers: consumer.currentLayers || null,
      layersChanges: this.layersChanges.get(consumerId),
      availableOutgoingBitrate: transportStats.availableOutgoingBitrate,
      producerBitrateByLayer: producerStats.map((stream) => stream.bitrateByLayer || stream.bitrate),
    };
  }

  async produceData({ transportId, sctpStreamParameters, label, protocol }) {
    const dataProducer = await this.transport(transportId).produceData({ sctpStreamParameters, label, protocol });
    this.dataProducers.set(dataProducer.id, dataProducer);
    return { id: dataProducer.id };
  }

  async consumeData({ transportId, dataProducerId }) {
    const dataConsumer = await this.transport(transportId).consumeData({ dataProducerId });
    this.dataConsumers.set(dataConsumer.id, dataConsumer);
    return {
      id: dataConsumer.id,
      dataProducerId,
      sctpStreamParameters: dataConsumer.sctpStreamParameters,
      label: dataConsumer.label,
      protocol: dataConsumer.protocol,
    };
  }

  /** What the server saw, for the test's assertions and for diagnosing a failure. */
  async state() {
    const stats = async (objects) => Promise.all([...objects.values()].map(async (o) => ({
      id: o.id,
      kind: o.kind,
      stats: await o.getStats().catch((error) => String(error)),
    })));
    return {
      webRtcServer: this.webRtcServer ? await this.webRtcServer.dump() : null,
      transports: await Promise.all([...this.transports.values()].map(async (t) => ({
        id: t.id,
        iceState: t.iceState,
        iceSelectedTuple: t.iceSelectedTuple,
        dtlsState: t.dtlsState,
        sctpState: t.sctpState,
        stats: await t.getStats().catch((error) => String(error)),
      }))),
      producers: (await stats(this.producers)).map((p) => ({
        ...p,
        headerExtensions: this.producers.get(p.id).rtpParameters.headerExtensions.map(({ uri }) => uri),
      })),
      consumers: await Promise.all((await stats(this.consumers)).map(async (c) => ({
        ...c,
        ...await this.consumerLayers({ consumerId: c.id }),
      }))),
      dataProducers: await stats(this.dataProducers),
      dataConsumers: await stats(this.dataConsumers),
    };
  }
}

const methods = [
  'createWebRtcTransport', 'connectWebRtcTransport', 'produce', 'consume', 'resumeConsumer',
  'setConsumerPreferredLayers', 'consumerLayers', 'produceData', 'consumeData',
];

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? JSON.parse(text) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function reply(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function main() {
  const pageJs = await bundlePage();
  const worker = await mediasoup.createWorker({
    logLevel: 'debug',
    logTags: ['info', 'ice', 'dtls', 'rtp', 'srtp', 'rtcp', 'sctp', 'simulcast', 'svc', 'bwe'],
  });
  log(`mediasoup ${mediasoup.version}: worker pid ${worker.pid} (${process.env.MEDIASOUP_WORKER_BIN || 'built-in'})`);
  worker.on('died', (error) => {
    log(`worker died: ${error}`);
    process.exit(1);
  });
  const router = await worker.createRouter({ mediaCodecs });
  const session = new Session(worker, router);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/') return reply(res, 200, 'text/html', indexHtml);
      if (req.method === 'GET' && url.pathname === '/page.js') return reply(res, 200, 'text/javascript', pageJs);
      if (req.method === 'GET' && url.pathname === '/favicon.ico') return reply(res, 204, 'image/x-icon', '');
      if (req.method === 'GET' && url.pathname === '/state') {
        return reply(res, 200, 'application/json', JSON.stringify(await session.state()));
      }
      if (req.method === 'GET' && url.pathname === '/rpc/routerRtpCapabilities') {
        return reply(res, 200, 'application/json', JSON.stringify(router.rtpCapabilities));
      }
      const method = url.pathname.startsWith('/rpc/') && url.pathname.slice(5);
      if (req.method === 'POST' && methods.includes(method)) {
        const data = await readJson(req);
        log(`rpc ${method} ${JSON.stringify(data)}`);
        const result = await session[method](data);
        log(`rpc ${method} -> ${JSON.stringify(result)}`);
        return reply(res, 200, 'application/json', JSON.stringify(result));
      }
      return reply(res, 404, 'text/plain', 'not found');
    } catch (error) {
      log(`${req.method} ${url.pathname} failed: ${error.stack || error}`);
      return reply(res, 500, 'text/plain', String(error.message || error));
    }
  });

  const shutdown = () => {
    server.close();
    worker.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The tests hold our stdin: if they die, so do we and our worker.
  process.stdin.on('close', shutdown);
  process.stdin.resume();

  server.listen(0, LISTEN_IP, () => {
    const { port } = server.address();
    process.stdout.write(`listening http://${LISTEN_IP}:${port}/\n`);
  });
}

main().catch((error) => {
  log(`server failed: ${error.stack || error}`);
  process.exit(1);
});
