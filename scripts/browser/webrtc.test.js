// A real browser against the worker: headless Chromium runs mediasoup-client on a page
// served by the mediasoup library, sends its fake camera (VP8) and microphone (Opus)
// over one WebRtcTransport (ICE-lite, DTLS 1.2, SRTP) and receives both back over another.
// The worker is the one MEDIASOUP_WORKER_BIN names; run through scripts/e2e-browser.
'use strict';

const assert = require('node:assert/strict');
const test = require('node:test');
const { withBrowser } = require('./harness');

// Above the harness's own bound on a test body, so that a hung test still prints its logs.
const TEST_TIMEOUT_MS = 120000;

const mediaVariants = [
  { name: 'UDP', tcp: false, protocol: 'udp' },
  { name: 'forced TCP', tcp: true, protocol: 'tcp' },
];

for (const variant of mediaVariants) {
  test(`media loops back through the worker over ${variant.name}`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    await withBrowser(`media-${variant.protocol}`, async (page, serverState) => {
      const result = await page.evaluate((options) => window.loopbackMedia(options), { tcp: variant.tcp });
      const state = await serverState();
      const { video, audio } = result;

      assert.equal(result.error, undefined, `the page hit an error after steps ${result.steps}`);
      assert.deepEqual(result.connectionStates, { send: 'connected', recv: 'connected' },
        'browser transports connected (ICE, then DTLS)');
      assert.equal(state.transports.length, 2);
      for (const transport of state.transports) {
        assert.equal(transport.dtlsState, 'connected', `server transport ${transport.id}: ICE ${transport.iceState}, DTLS ${transport.dtlsState}`);
        assert.equal(transport.iceSelectedTuple?.protocol, variant.protocol, `transport ${transport.id} selected tuple`);
      }
      assert.ok(video.framesDecoded > 0, `video frames decoded: ${JSON.stringify(video)}`);
      assert.ok(video.frameWidth > 0, `video frame width: ${JSON.stringify(video)}`);
      assert.ok(audio.packetsReceived > 0, `audio packets received: ${JSON.stringify(audio)}`);
      assert.ok(audio.totalSamplesReceived > 0, `audio samples received: ${JSON.stringify(audio)}`);
      // Without Opus frames to decode, the receiver would play out concealment only.
      assert.ok(audio.concealedSamples < audio.totalSamplesReceived / 2, `audio concealment: ${JSON.stringify(audio)}`);
      t.diagnostic(`video: ${video.framesDecoded} frames ${video.frameWidth}x${video.frameHeight}; `
        + `audio: ${audio.totalSamplesReceived} samples, ${audio.concealedSamples} concealed; `
        + `pair ${JSON.stringify(video.selectedPair)}; ${video.dtlsCipher} ${video.srtpCipher}`);
    });
  });
}

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
