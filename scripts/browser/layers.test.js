// Layers through the worker with a real browser: headless Chromium sends its fake camera at
// 1280x720 as VP8 simulcast (three encodings) or VP9 or AV1 SVC (one encoding, three spatial layers)
// and receives it back; the server moves the consumer's preferred layers, and a bandwidth cap
// on the receiving path makes the worker's bandwidth estimation drop the layers. Run through
// scripts/e2e-browser with E2E_BROWSER_LAYERS=1, which runs this file as root inside a network
// namespace of its own, so the cap (tc on that namespace's loopback) touches nothing else.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const test = require('node:test');
const { capPort, capStats, uncap } = require('./bandwidth-cap');
const { withBrowser, DEPENDENCY_DESCRIPTOR_FLAGS } = require('./harness');

const TEST_TIMEOUT_MS = 150000;
const BODY_TIMEOUT_MS = 140000;
// The cap on what the worker sends to the receiving browser, and how long each move may take.
const CAP = '300kbit';
const SWITCH_TIMEOUT_MS = 20000;
// Chromium's own estimate starts low and turns on its 720p layer as it grows.
const SENDER_TIMEOUT_MS = 45000;
const DROP_TIMEOUT_MS = 20000;
const RECOVER_TIMEOUT_MS = 60000;
const CAP_SETTLE_MS = 8000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done(value)`; returns the value and when it came, or throws with the last one. */
async function waitFor(what, read, done, timeoutMs, intervalMs = 250) {
  const start = Date.now();
  let value;
  for (;;) {
    value = await read();
    if (done(value)) return { value, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) {
      throw new Error(`${what}: not within ${timeoutMs} ms; last seen ${JSON.stringify(value)}`);
    }
    await sleep(intervalMs);
  }
}

/** Everything one poll looks at: the consumer on the server, and both ends in the browser. */
function observer(page, rpc, consumerId) {
  return async () => {
    const [server, receiver, sender] = await Promise.all([
      rpc('consumerLayers', { consumerId }),
      page.evaluate(() => window.layersReceiver()),
      page.evaluate(() => window.senderLayers()),
    ]);
    return {
      spatialLayer: server.currentLayers ? server.currentLayers.spatialLayer : null,
      currentLayers: server.currentLayers,
      receivedWidth: receiver.frameWidth,
      framesDecoded: receiver.framesDecoded,
      // The widest layer the browser encodes right now (Chromium may adapt it down).
      topWidth: Math.max(0, ...sender.map((layer) => layer.frameWidth || 0)),
      layersChanges: server.layersChanges.length,
      estimate: server.availableOutgoingBitrate,
      producerBitrates: server.producerBitrateByLayer,
    };
  };
}

async function startLayers(page, options) {
  const start = await page.evaluate((o) => window.startLayers(o), options);
  assert.equal(start.error, undefined, `the page hit an error after steps ${start.steps}`);
  return start;
}

/**
 * Once the consumer forwards the top layer (the worker's bandwidth estimate ramps up to it),
 * prefers spatial layer 0, then 2, and checks that the received frames shrink and grow back,
 * and that the server saw the consumer's "layerschange" for both moves.
 */
async function checkPreferredLayers(t, page, rpc, consumerId) {
  const observe = observer(page, rpc, consumerId);
  const decoding = (o) => o.framesDecoded > 0 && o.receivedWidth > 0;
  const top = await waitFor('spatial layer 2 received at first', observe,
    (o) => decoding(o) && o.spatialLayer === 2 && o.receivedWidth >= o.topWidth / 1.5, RECOVER_TIMEOUT_MS, 500);

  const downAt = Date.now();
  await rpc('setConsumerPreferredLayers', { consumerId, spatialLayer: 0, temporalLayer: 2 });
  const down = await waitFor('spatial layer 0 received', observe,
    (o) => decoding(o) && o.spatialLayer === 0 && o.receivedWidth < o.topWidth / 1.5, SWITCH_TIMEOUT_MS);

  const upAt = Date.now();
  await rpc('setConsumerPreferredLayers', { consumerId, spatialLayer: 2, temporalLayer: 2 });
  const up = await waitFor('spatial layer 2 received', observe,
    (o) => decoding(o) && o.spatialLayer === 2 && o.receivedWidth > down.value.receivedWidth
      && o.receivedWidth >= o.topWidth / 1.5, SWITCH_TIMEOUT_MS);

  assert.ok(down.value.receivedWidth < up.value.receivedWidth,
    `frame width down then up: ${down.value.receivedWidth} then ${up.value.receivedWidth}`);
  const { layersChanges } = await rpc('consumerLayers', { consumerId });
  const changedTo = (spatialLayer, since) => layersChanges.some(
    (change) => change.at >= since && change.layers && change.layers.spatialLayer === spatialLayer);
  assert.ok(changedTo(0, downAt), `layerschange to spatial layer 0: ${JSON.stringify(layersChanges)}`);
  assert.ok(changedTo(2, upAt), `layerschange to spatial layer 2: ${JSON.stringify(layersChanges)}`);
  t.diagnostic(`received width ${top.value.receivedWidth} at spatial layer 2 after ${top.ms} ms; `
    + `${down.value.receivedWidth} after ${down.ms} ms at spatial layer 0, `
    + `${up.value.receivedWidth} after ${up.ms} ms at spatial layer 2 (sender top ${up.value.topWidth}); `
    + `${layersChanges.length} layerschange events`);
}

test('VP8 simulcast: the consumer follows its preferred spatial layer', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await withBrowser('layers-vp8', async (page, serverState, rpc) => {
    const start = await startLayers(page, { codec: 'vp8' });
    assert.equal(start.captured.width, 1280, `captured ${JSON.stringify(start.captured)}`);
    assert.equal(start.captured.height, 720, `captured ${JSON.stringify(start.captured)}`);

    // Chromium really sends three layers: one outbound-rtp per rid, each growing, widths ordered.
    // Its own bandwidth estimate starts low and turns the upper layers on as it grows.
    const readSender = () => page.evaluate(() => window.senderLayers());
    const { value: before, ms } = await waitFor(
      'three layers sent (Chromium turns the upper ones on as the worker\'s transport-cc feedback raises its estimate)',
      readSender,
      (layers) => layers.length === 3 && layers.every((layer) => layer.framesEncoded > 0), SENDER_TIMEOUT_MS, 500);
    await sleep(2000);
    const after = await readSender();
    assert.deepEqual(after.map((layer) => layer.rid), ['r0', 'r1', 'r2'], `sender layers ${JSON.stringify(after)}`);
    for (const layer of after) {
      const earlier = before.find((b) => b.rid === layer.rid);
      assert.ok(layer.bytesSent > earlier.bytesSent, `layer ${layer.rid} sends: ${JSON.stringify({ earlier, layer })}`);
    }
    const widths = after.map((layer) => layer.frameWidth);
    assert.ok(widths[0] < widths[1] && widths[1] < widths[2], `layer widths ordered: ${widths}`);
    t.diagnostic(`all three layers sent after ${ms} ms: ${after.map((l) => `${l.rid} ${l.frameWidth}x${l.frameHeight} `
      + `${l.qualityLimitationReason}`).join(', ')}`);

    const { type } = await rpc('consumerLayers', { consumerId: start.consumerId });
    assert.equal(type, 'simulcast');
    await checkPreferredLayers(t, page, rpc, start.consumerId);
  }, { timeoutMs: BODY_TIMEOUT_MS });
});

test('VP9 SVC: the consumer follows its preferred spatial layer', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await withBrowser('layers-vp9', async (page, serverState, rpc) => {
    const start = await page.evaluate(() => window.startLayers({ codec: 'vp9', scalabilityMode: 'L3T3_KEY' }));
    if (start.unsupported) {
      t.skip(start.unsupported);
      return;
    }
    assert.equal(start.error, undefined, `the page hit an error after steps ${start.steps}`);
    await sleep(2000);
    const sender = await page.evaluate(() => window.senderLayers());
    assert.equal(sender.length, 1, `one SVC stream: ${JSON.stringify(sender)}`);
    assert.equal(sender[0].scalabilityMode, 'L3T3_KEY', `sender ${JSON.stringify(sender)}`);
    t.diagnostic(`sender ${sender[0].frameWidth}x${sender[0].frameHeight} ${sender[0].scalabilityMode} `
      + `${sender[0].encoderImplementation} ${sender[0].qualityLimitationReason}`);

    const { type } = await rpc('consumerLayers', { consumerId: start.consumerId });
    assert.equal(type, 'svc');
    await checkPreferredLayers(t, page, rpc, start.consumerId);
  }, { timeoutMs: BODY_TIMEOUT_MS });
});

// AV1 layers come only from the dependency descriptor, which the worker reads as 3.32.2's does.
test('AV1 SVC: the consumer follows its preferred spatial layer', {
  timeout: TEST_TIMEOUT_MS,
  skip: process.env.MEDIASOUP_ERA !== '3.32' && 'AV1 came with mediasoup 3.9: 3.32 only',
}, async (t) => {
  await withBrowser('layers-av1', async (page, serverState, rpc) => {
    const offers = await page.evaluate(() => window.videoCodecOffers('video/AV1'));
    if (!offers.send || !offers.receive || !offers.router) {
      t.skip(`AV1 is not offered here: ${JSON.stringify(offers)}`);
      return;
    }
    const start = await page.evaluate(() => window.startLayers({ codec: 'av1', scalabilityMode: 'L3T3_KEY' }));
    if (start.unsupported) {
      t.skip(start.unsupported);
      return;
    }
    assert.equal(start.error, undefined, `the page hit an error after steps ${start.steps}`);
    await sleep(2000);
    const sender = await page.evaluate(() => window.senderLayers());
    assert.equal(sender.length, 1, `one SVC stream: ${JSON.stringify(sender)}`);
    t.diagnostic(`sender ${sender[0].frameWidth}x${sender[0].frameHeight} ${sender[0].scalabilityMode} `
      + `${sender[0].encoderImplementation} ${sender[0].qualityLimitationReason}`);

    const { type } = await rpc('consumerLayers', { consumerId: start.consumerId });
    assert.equal(type, 'svc');
    await checkPreferredLayers(t, page, rpc, start.consumerId);
  }, { timeoutMs: BODY_TIMEOUT_MS, chromiumFlags: DEPENDENCY_DESCRIPTOR_FLAGS });
});

/** Why the bandwidth test cannot shape this network, or null when it can. */
function whyNoPrivateNetwork() {
  if (process.getuid() !== 0) return 'needs root (tc)';
  let namespace = '';
  try {
    namespace = execFileSync('ip', ['netns', 'identify', String(process.pid)]).toString().trim();
  } catch (error) {
    return `cannot tell the network namespace: ${error.message}`;
  }
  return namespace ? null
    : 'needs a network namespace of its own (scripts/e2e-browser with E2E_BROWSER_LAYERS=1 makes one)';
}

test(`VP8 simulcast: a ${CAP} cap on the receiving path drops the layers, lifting it restores them`,
  { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const why = whyNoPrivateNetwork();
    if (why) {
      t.skip(why);
      return;
    }
    await withBrowser('layers-bwe', async (page, serverState, rpc) => {
      const start = await startLayers(page, { codec: 'vp8' });
      const observe = observer(page, rpc, start.consumerId);
      const top = await waitFor('spatial layer 2 before the cap', observe,
        (o) => o.spatialLayer === 2, RECOVER_TIMEOUT_MS, 500);
      const state = await serverState();
      const recv = state.transports.find((transport) => transport.id === start.recvTransportId);
      assert.equal(recv?.iceSelectedTuple?.protocol, 'udp', `receiving transport ${JSON.stringify(recv)}`);
      const port = recv.iceSelectedTuple.localPort;

      let capped;
      let capAt;
      let liftAt;
      const underCap = [];
      try {
        capPort(port, CAP);
        capAt = Date.now();
        capped = await waitFor('layers drop under the cap', observe,
          (o) => o.spatialLayer !== null && o.spatialLayer < 2, DROP_TIMEOUT_MS, 500);
        // The estimate keeps settling for a while: what the consumer forwards meanwhile.
        const settleUntil = Date.now() + CAP_SETTLE_MS;
        while (Date.now() < settleUntil) {
          underCap.push(await observe());
          await sleep(1000);
        }
        t.diagnostic(`cap on UDP from port ${port}: ${capStats()}`);
      } finally {
        uncap();
        liftAt = Date.now();
      }
      assert.ok(underCap.every((o) => o.spatialLayer !== 2), `the top layer stays off under the cap: ${JSON.stringify(underCap)}`);
      const recovered = await waitFor('spatial layer 2 after the cap', observe,
        (o) => o.spatialLayer === 2, RECOVER_TIMEOUT_MS, 500);
      const { layersChanges } = await rpc('consumerLayers', { consumerId: start.consumerId });
      const layers = (l) => (l ? `${l.spatialLayer}/${l.temporalLayer}` : 'none');
      t.diagnostic(`spatial layer 2 after ${top.ms} ms; capped: below 2 after ${capped.ms} ms `
        + `(then ${underCap.map((o) => `${layers(o.currentLayers)} ${o.receivedWidth}px`).join(', ')}); `
        + `lifted: 2 again after ${recovered.ms} ms; layerschange: ${layersChanges.map((c) => layers(c.layers)).join(' ')}; `
        + `cap from ${capAt} to ${liftAt} ms since the epoch`);
    }, { timeoutMs: BODY_TIMEOUT_MS });
  });
