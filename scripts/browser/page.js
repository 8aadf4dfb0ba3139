// The browser end of the tests, bundled by esbuild into /page.js: mediasoup-client sends
// the fake camera and microphone through the server and receives them back, or round-trips
// DataChannel messages. Every step is logged to the console (the tests print it on failure)
// and each entry point resolves with what it observed rather than throwing on a timeout, so
// a failing run says how far it got. Transports stay open (the test then asks the server for
// their state); closing the browser ends them.
import { Device, version } from 'mediasoup-client';

function log(...args) {
  console.log(`[page ${(performance.now() / 1000).toFixed(3)}]`, ...args);
}

async function rpc(method, data) {
  const response = data === undefined
    ? await fetch(`/rpc/${method}`)
    : await fetch(`/rpc/${method}`, { method: 'POST', body: JSON.stringify(data) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} failed: ${text}`);
  return JSON.parse(text);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function loadDevice() {
  // Named explicitly rather than detected from HeadlessChrome's user agent.
  const device = new Device({ handlerName: 'Chrome111' });
  await device.load({ routerRtpCapabilities: await rpc('routerRtpCapabilities') });
  log(`mediasoup-client ${version}: device loaded`, device.handlerName);
  return device;
}

async function createTransport(device, direction, options) {
  const params = await rpc('createWebRtcTransport', options);
  log(`${direction} transport`, params.id, 'candidates', JSON.stringify(params.iceCandidates));
  const transportOptions = { ...params, appData: { sctpParameters: params.sctpParameters } };
  const transport = direction === 'send'
    ? device.createSendTransport(transportOptions)
    : device.createRecvTransport(transportOptions);
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    log(`${direction} transport connect`, dtlsParameters.role);
    rpc('connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(callback, errback);
  });
  transport.on('connectionstatechange', (state) => log(`${direction} transport connectionstate ${state}`));
  if (direction === 'send') {
    transport.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      rpc('produce', { transportId: transport.id, kind, rtpParameters }).then(callback, errback);
    });
    transport.on('producedata', ({ sctpStreamParameters, label, protocol }, callback, errback) => {
      rpc('produceData', { transportId: transport.id, sctpStreamParameters, label, protocol })
        .then(callback, errback);
    });
  }
  return transport;
}

/** The fields of one receiver's stats that say whether media really arrived and decoded. */
async function receiverStats(consumer) {
  const report = await consumer.getStats();
  const summary = {};
  for (const stats of report.values()) {
    if (stats.type === 'inbound-rtp') {
      for (const key of [
        'kind', 'ssrc', 'packetsReceived', 'packetsLost', 'bytesReceived', 'framesReceived',
        'framesDecoded', 'keyFramesDecoded', 'frameWidth', 'frameHeight', 'decoderImplementation',
        'totalSamplesReceived', 'concealedSamples', 'silentConcealedSamples', 'totalAudioEnergy',
        'audioLevel', 'jitterBufferEmittedCount', 'nackCount', 'pliCount', 'firCount',
      ]) {
        if (stats[key] !== undefined) summary[key] = stats[key];
      }
    }
  }
  for (const stats of report.values()) {
    if (stats.type === 'candidate-pair' && stats.nominated && stats.state === 'succeeded') {
      const local = report.get(stats.localCandidateId);
      const remote = report.get(stats.remoteCandidateId);
      summary.selectedPair = {
        local: local && `${local.protocol} ${local.address}:${local.port} ${local.candidateType}`,
        remote: remote && `${remote.protocol} ${remote.address}:${remote.port} ${remote.candidateType}`,
      };
    }
    if (stats.type === 'transport') {
      summary.dtlsState = stats.dtlsState;
      summary.dtlsCipher = stats.dtlsCipher;
      summary.srtpCipher = stats.srtpCipher;
      summary.tlsVersion = stats.tlsVersion;
    }
  }
  return summary;
}

/**
 * Video frames decoded, and audio samples mostly decoded rather than concealed. (Chromium's
 * fake microphone sends silence, so audio energy proves nothing; concealment would be all
 * there is if no Opus packet arrived.)
 */
function mediaFlows(video, audio) {
  return video.framesDecoded > 0 && video.frameWidth > 0
    && audio.totalSamplesReceived > 0 && audio.concealedSamples < audio.totalSamplesReceived / 2;
}

/** Consumes `producer` on `recvTransport`, resumes it, and plays it in a muted element: a sink keeps the receiver decoding. */
async function consumeAndPlay(device, recvTransport, producer) {
  const params = await rpc('consume', {
    transportId: recvTransport.id,
    producerId: producer.id,
    rtpCapabilities: device.rtpCapabilities,
  });
  const consumer = await recvTransport.consume(params);
  await rpc('resumeConsumer', { consumerId: consumer.id });
  const element = document.createElement(consumer.kind);
  element.autoplay = true;
  element.muted = true;
  element.srcObject = new MediaStream([consumer.track]);
  document.body.appendChild(element);
  element.play().catch((error) => log(`${consumer.kind} play()`, String(error)));
  return consumer;
}

/** Whether Chromium can send and receive `mimeType`, and whether the router has it. */
async function videoCodecOffers(mimeType) {
  const offered = (capabilities) => Boolean(capabilities && capabilities.codecs
    .some((codec) => codec.mimeType.toLowerCase() === mimeType.toLowerCase()));
  const routerRtpCapabilities = await rpc('routerRtpCapabilities');
  return {
    send: offered(RTCRtpSender.getCapabilities('video')),
    receive: offered(RTCRtpReceiver.getCapabilities('video')),
    router: offered(routerRtpCapabilities),
  };
}

/**
 * Sends the fake camera (`videoCodec`, VP8 unless given) and microphone (Opus) over a
 * WebRtcTransport (through the server's WebRtcServer with `webRtcServer`) and consumes both
 * back over a second one; resolves with the receivers' stats once both decode, or after `timeoutMs`.
 */
async function loopbackMedia({ tcp = false, webRtcServer = false, videoCodec = 'video/VP8', timeoutMs = 20000 } = {}) {
  const steps = [];
  const step = (name) => { steps.push(name); log('step', name); };
  const result = { steps, clientVersion: version, video: {}, audio: {} };
  try {
    const device = await loadDevice();
    step('device');
    const sendTransport = await createTransport(device, 'send', { tcp, webRtcServer });
    const recvTransport = await createTransport(device, 'recv', { tcp, webRtcServer });
    step('transports');

    const stream = await navigator.mediaDevices.getUserMedia({
      audio: true,
      video: { width: 640, height: 480, frameRate: 15 },
    });
    step('getUserMedia');
    const codec = device.rtpCapabilities.codecs.find((c) => c.mimeType.toLowerCase() === videoCodec.toLowerCase());
    if (!codec) throw new Error(`${videoCodec} is not a codec both the browser and the router have`);
    const videoProducer = await sendTransport.produce({ track: stream.getVideoTracks()[0], codec });
    const audioProducer = await sendTransport.produce({ track: stream.getAudioTracks()[0] });
    step('produce');

    const consumers = {};
    for (const producer of [videoProducer, audioProducer]) {
      const consumer = await consumeAndPlay(device, recvTransport, producer);
      consumers[consumer.kind] = consumer;
    }
    step('consume');

    const deadline = performance.now() + timeoutMs;
    for (;;) {
      result.video = await receiverStats(consumers.video);
      result.audio = await receiverStats(consumers.audio);
      if (mediaFlows(result.video, result.audio)) break;
      const failed = [sendTransport, recvTransport].filter((t) => t.connectionState === 'failed');
      if (failed.length > 0) {
        log(`${failed.map((t) => t.direction).join(' and ')} transport failed`);
        break;
      }
      if (performance.now() > deadline) {
        log('media did not flow before the deadline');
        break;
      }
      await sleep(500);
    }
    if (mediaFlows(result.video, result.audio)) {
      step('media');
      // A little longer, so the counters show a flow rather than a first packet.
      await sleep(2000);
      result.video = await receiverStats(consumers.video);
      result.audio = await receiverStats(consumers.audio);
    }
    log('video', JSON.stringify(result.video));
    log('audio', JSON.stringify(result.audio));
    result.connectionStates = { send: sendTransport.connectionState, recv: recvTransport.connectionState };
  } catch (error) {
    result.error = String(error && error.stack || error);
    log('error', result.error);
  }
  return result;
}

function messageKey(data) {
  if (typeof data === 'string') return `string:${data.length}:${data.slice(0, 32)}`;
  const bytes = new Uint8Array(data);
  let sum = 0;
  for (const byte of bytes) sum = (sum * 31 + byte) >>> 0;
  return `binary:${bytes.length}:${sum}`;
}

function binaryMessage(length, seed) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + seed) & 0xff;
  return bytes.buffer;
}

function testMessages() {
  return [
    'hello',
    '',
    'ünïcødé ✓ '.repeat(50),
    binaryMessage(1, 1),
    binaryMessage(1200, 2),
    binaryMessage(64 * 1024, 3),
    'x'.repeat(20000),
  ];
}

/**
 * Produces an ordered and an unordered DataChannel and consumes both back over a second
 * transport; resolves with, per channel, the messages sent and received (as keys).
 */
async function loopbackData({ tcp = false, timeoutMs = 20000 } = {}) {
  const steps = [];
  const step = (name) => { steps.push(name); log('step', name); };
  const result = { steps, channels: {} };
  try {
    const device = await loadDevice();
    step('device');
    const sendTransport = await createTransport(device, 'send', { tcp, sctp: true });
    const recvTransport = await createTransport(device, 'recv', { tcp, sctp: true });
    result.maxMessageSize = sendTransport.appData.sctpParameters.maxMessageSize;
    step('transports');

    const options = {
      ordered: { ordered: true },
      unordered: { ordered: false },
    };
    for (const [label, option] of Object.entries(options)) {
      const dataProducer = await sendTransport.produceData({ ...option, label });
      const params = await rpc('consumeData', { transportId: recvTransport.id, dataProducerId: dataProducer.id });
      const dataConsumer = await recvTransport.consumeData(params);
      const channel = { producer: dataProducer, consumer: dataConsumer, sent: [], received: [] };
      dataConsumer.on('message', (data) => channel.received.push(messageKey(data)));
      result.channels[label] = channel;
    }
    step('produceData/consumeData');

    const opened = (channel) => channel.readyState === 'open';
    const deadline = performance.now() + timeoutMs;
    while (!Object.values(result.channels).every((c) => opened(c.producer) && opened(c.consumer))) {
      if (performance.now() > deadline) throw new Error('data channels did not open');
      await sleep(100);
    }
    step('open');

    const channels = Object.values(result.channels);
    const arrived = async (subset) => {
      while (!subset.every((c) => c.received.length >= c.sent.length)) {
        if (performance.now() > deadline) throw new Error('not every message arrived before the deadline');
        await sleep(50);
      }
    };
    // A burst on both channels, then the largest message alone on each, so that it never
    // meets a full SCTP send buffer in the worker (which drops what does not fit).
    for (const channel of channels) {
      for (const message of testMessages()) {
        channel.producer.send(message);
        channel.sent.push(messageKey(message));
      }
    }
    await arrived(channels);
    step('burst received');
    for (const channel of channels) {
      const message = binaryMessage(result.maxMessageSize - 16, 4);
      channel.producer.send(message);
      channel.sent.push(messageKey(message));
      await arrived([channel]);
    }
    step('largest received');
  } catch (error) {
    result.error = String(error && error.stack || error);
    log('error', result.error);
  }
  for (const [label, channel] of Object.entries(result.channels)) {
    result.channels[label] = { sent: channel.sent, received: channel.received };
  }
  return result;
}

/** The simulcast or SVC session the layers tests drive (layers.test.js), between calls. */
let layered;

/**
 * Sends the fake camera at 1280x720 with layers (VP8: three simulcast encodings scaled down
 * by 4, 2 and 1; VP9: one encoding with `scalabilityMode`) and consumes it back over a second
 * transport. Resolves once the consumer decodes, with the ids the test needs.
 */
async function startLayers({ codec = 'vp8', scalabilityMode = 'L3T3_KEY', timeoutMs = 20000 } = {}) {
  const mimeType = `video/${codec}`;
  const result = { steps: [] };
  const step = (name) => { result.steps.push(name); log('step', name); };
  try {
    const device = await loadDevice();
    const sendTransport = await createTransport(device, 'send', {});
    const recvTransport = await createTransport(device, 'recv', {});
    step('transports');
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { exact: 1280 }, height: { exact: 720 }, frameRate: 15 },
    });
    const track = stream.getVideoTracks()[0];
    result.captured = track.getSettings();
    step('getUserMedia');
    const deviceCodec = device.rtpCapabilities.codecs.find((c) => c.mimeType.toLowerCase() === mimeType);
    if (!deviceCodec) throw new Error(`the router and the browser share no ${mimeType}`);
    const encodings = codec === 'vp8'
      ? [
        { scaleResolutionDownBy: 4, maxBitrate: 150000 },
        { scaleResolutionDownBy: 2, maxBitrate: 500000 },
        { scaleResolutionDownBy: 1, maxBitrate: 1500000 },
      ]
      : [{ scalabilityMode, maxBitrate: 1800000 }];
    let producer;
    try {
      producer = await sendTransport.produce({ track, codec: deviceCodec, encodings });
    } catch (error) {
      // Chromium refuses a scalability mode no encoder of it offers (WebRTC-SVC).
      if (codec === 'vp8' || error.name !== 'OperationError') throw error;
      result.unsupported = `Chromium does not send ${mimeType} ${scalabilityMode}: ${error}`;
      return result;
    }
    // A busy machine would otherwise make Chromium drop the top layers for CPU.
    const parameters = producer.rtpSender.getParameters();
    parameters.degradationPreference = 'maintain-resolution';
    await producer.rtpSender.setParameters(parameters)
      .catch((error) => log('degradationPreference not set:', String(error)));
    step('produce');

    const consumer = await consumeAndPlay(device, recvTransport, producer);
    step('consume');
    layered = { producer, consumer, sendTransport, recvTransport };
    result.producerId = producer.id;
    result.consumerId = consumer.id;
    result.sendTransportId = sendTransport.id;
    result.recvTransportId = recvTransport.id;

    const deadline = performance.now() + timeoutMs;
    for (;;) {
      result.video = await receiverStats(consumer);
      if (result.video.framesDecoded > 0 && result.video.frameWidth > 0) break;
      if (performance.now() > deadline) throw new Error('the consumer decoded nothing before the deadline');
      await sleep(250);
    }
    step('media');
  } catch (error) {
    result.error = String(error && error.stack || error);
    log('error', result.error);
  }
  return result;
}

/** What the sender says per layer (one outbound-rtp per simulcast rid, one for SVC). */
async function senderLayers() {
  const report = await layered.producer.getStats();
  const layers = [];
  for (const stats of report.values()) {
    if (stats.type !== 'outbound-rtp') continue;
    const layer = {};
    for (const key of [
      'rid', 'ssrc', 'active', 'packetsSent', 'bytesSent', 'framesEncoded', 'frameWidth', 'frameHeight',
      'scalabilityMode', 'qualityLimitationReason', 'encoderImplementation', 'targetBitrate',
    ]) {
      if (stats[key] !== undefined) layer[key] = stats[key];
    }
    layers.push(layer);
  }
  return layers.sort((a, b) => String(a.rid).localeCompare(String(b.rid)));
}

/** The receiving side's view of the layered consumer. */
async function layersReceiver() {
  return receiverStats(layered.consumer);
}

window.startLayers = startLayers;
window.senderLayers = senderLayers;
window.layersReceiver = layersReceiver;
window.loopbackMedia = loopbackMedia;
window.videoCodecOffers = videoCodecOffers;
window.loopbackData = loopbackData;
log('page ready');
