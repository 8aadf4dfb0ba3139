// A real browser against the worker: headless Chromium runs mediasoup-client on a page
// served by the mediasoup library, sends its fake camera (VP8) and microphone (Opus)
// over one WebRtcTransport (ICE-lite, DTLS 1.2, SRTP) and receives both back over another.
// The worker is the one MEDIASOUP_WORKER_BIN names; run through scripts/e2e-browser.
'use strict';

const assert = require('node:assert/strict');
const test = require('node:test');
const { withBrowser, DEPENDENCY_DESCRIPTOR_FLAGS } = require('./harness');

// Above the harness's own bound on a test body, so that a hung test still prints its logs.
const TEST_TIMEOUT_MS = 120000;

const is332 = process.env.MEDIASOUP_ERA === '3.32';
const DEPENDENCY_DESCRIPTOR_URI = 'https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension';

/** The page's loopbackMedia() result and the server's state show media both ways over `protocol`. */
function assertMediaFlowed(t, result, state, protocol) {
  const { video, audio } = result;
  assert.equal(result.error, undefined, `the page hit an error after steps ${result.steps}`);
  assert.deepEqual(result.connectionStates, { send: 'connected', recv: 'connected' },
    'browser transports connected (ICE, then DTLS)');
  assert.equal(state.transports.length, 2);
  for (const transport of state.transports) {
    assert.equal(transport.dtlsState, 'connected', `server transport ${transport.id}: ICE ${transport.iceState}, DTLS ${transport.dtlsState}`);
    assert.equal(transport.iceSelectedTuple?.protocol, protocol, `transport ${transport.id} selected tuple`);
  }
  assert.ok(video.framesDecoded > 0, `video frames decoded: ${JSON.stringify(video)}`);
  assert.ok(video.frameWidth > 0, `video frame width: ${JSON.stringify(video)}`);
  assert.ok(audio.packetsReceived > 0, `audio packets received: ${JSON.stringify(audio)}`);
  assert.ok(audio.totalSamplesReceived > 0, `audio samples received: ${JSON.stringify(audio)}`);
  // Without Opus frames to decode, the receiver would play out concealment only.
  assert.ok(audio.concealedSamples < audio.totalSamplesReceived / 2, `audio concealment: ${JSON.stringify(audio)}`);
  t.diagnostic(`mediasoup-client ${result.clientVersion}; video: ${video.framesDecoded} frames ${video.frameWidth}x${video.frameHeight} ${video.decoderImplementation}; `
    + `audio: ${audio.totalSamplesReceived} samples, ${audio.concealedSamples} concealed; `
    + `pair ${JSON.stringify(video.selectedPair)}; ${video.dtlsCipher} ${video.srtpCipher}`);
}

const mediaVariants = [
  { name: 'UDP', tcp: false, protocol: 'udp' },
  { name: 'forced TCP', tcp: true, protocol: 'tcp' },
];

for (const variant of mediaVariants) {
  test(`media loops back through the worker over ${variant.name}`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    await withBrowser(`media-${variant.protocol}`, async (page, serverState) => {
      const result = await page.evaluate((options) => window.loopbackMedia(options), { tcp: variant.tcp });
      assertMediaFlowed(t, result, await serverState(), variant.protocol);
    });
  });
}

for (const variant of mediaVariants) {
  test(`media loops back through a WebRtcServer over ${variant.name}`, {
    timeout: TEST_TIMEOUT_MS,
    skip: !is332 && 'WebRtcServer came with mediasoup 3.10: 3.32 only',
  }, async (t) => {
    await withBrowser(`server-${variant.protocol}`, async (page, serverState) => {
      const result = await page.evaluate((options) => window.loopbackMedia(options),
        { tcp: variant.tcp, webRtcServer: true });
      const state = await serverState();
      assertMediaFlowed(t, result, state, variant.protocol);
      // Both transports share the server's one port of the protocol.
      const sockets = variant.tcp ? state.webRtcServer.tcpServers : state.webRtcServer.udpSockets;
      assert.equal(sockets.length, 1, JSON.stringify(state.webRtcServer));
      for (const transport of state.transports) {
        assert.equal(transport.iceSelectedTuple.localPort, sockets[0].port, `transport ${transport.id} on the server's port`);
      }
      assert.deepEqual(state.webRtcServer.webRtcTransportIds.sort(), state.transports.map(({ id }) => id).sort());
    });
  });
}

test('AV1 video loops back through the worker', {
  timeout: TEST_TIMEOUT_MS,
  skip: !is332 && 'AV1 came with mediasoup 3.9: 3.32 only',
}, async (t) => {
  await withBrowser('media-av1', async (page, serverState) => {
    const offers = await page.evaluate(() => window.videoCodecOffers('video/AV1'));
    if (!offers.send || !offers.receive || !offers.router) {
      t.skip(`AV1 is not offered here: ${JSON.stringify(offers)}`);
      return;
    }
    const result = await page.evaluate(() => window.loopbackMedia({ videoCodec: 'video/AV1' }));
    const state = await serverState();
    assertMediaFlowed(t, result, state, 'udp');
    const [ consumer ] = state.consumers.filter(({ kind }) => kind === 'video');
    assert.match(consumer.stats[0].mimeType, /^video\/AV1$/i, 'the video consumer sends AV1');
    const [ producer ] = state.producers.filter(({ kind }) => kind === 'video');
    assert.ok(producer.headerExtensions.includes(DEPENDENCY_DESCRIPTOR_URI),
      `Chromium sends the dependency descriptor: ${producer.headerExtensions}`);
  }, { chromiumFlags: DEPENDENCY_DESCRIPTOR_FLAGS });
});

test('DataChannel messages loop back through the worker', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await withBrowser('data-udp', async (page, serverState) => {
    const result = await page.evaluate(() => window.loopbackData({ tcp: false }));
    const state = await serverState();

    assert.equal(result.error, undefined, `the page hit an error after steps ${result.steps}`);
    const { ordered, unordered } = result.channels;
    assert.deepEqual(ordered.received, ordered.sent, 'ordered channel: every message, in order');
    assert.deepEqual([...unordered.received].sort(), [...unordered.sent].sort(), 'unordered channel: every message');
    for (const transport of state.transports) {
      assert.equal(transport.sctpState, 'connected', `transport ${transport.id} SCTP state`);
    }
    t.diagnostic(`ordered: ${ordered.received.length} messages, unordered: ${unordered.received.length}, `
      + `largest ${result.maxMessageSize - 16} bytes`);
  });
});
