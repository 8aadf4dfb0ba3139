// Records a session for the send-side estimator's replay tests (rtp/src/test/resources/
// io/jmediasoup/rtp/bwe/recordings): Chromium sends its fake camera as VP8 simulcast
// (CODEC=vp9: VP9 SVC) and receives it back, as in layers.test.js, for UNCAPPED_MS; then what
// the worker sends to the receiving browser is capped for CAP_MS; then the cap is lifted for
// AFTER_MS. The worker
// records each transport's estimator inputs into $JMEDIASOUP_BWE_RECORD/<transportId>.bwe.
// Run through scripts/record-bwe, which makes the network namespace the cap needs.
'use strict';

const { capPort, uncap } = require('./bandwidth-cap');
const { withBrowser } = require('./harness');

const CAP = process.env.CAP || '300kbit';
const CODEC = process.env.CODEC || 'vp8';
const UNCAPPED_MS = Number(process.env.UNCAPPED_MS || 30000);
const CAP_MS = Number(process.env.CAP_MS || 15000);
const AFTER_MS = Number(process.env.AFTER_MS || 25000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function main() {
  if (!process.env.JMEDIASOUP_BWE_RECORD) throw new Error('set JMEDIASOUP_BWE_RECORD to a directory');
  await withBrowser('record-bwe', async (page, serverState, rpc) => {
    const version = await page.context().browser().version();
    const start = await page.evaluate((codec) => window.startLayers({ codec }), CODEC);
    if (start.error) throw new Error(`the page hit an error after steps ${start.steps}: ${start.error}`);
    const t0 = Date.now();
    const say = (text) => console.log(`${Date.now()} +${((Date.now() - t0) / 1000).toFixed(1)} s ${text}`);
    say(`Chromium ${version}; receiving transport ${start.recvTransportId} (recording `
      + `${process.env.JMEDIASOUP_BWE_RECORD}/${start.recvTransportId}.bwe)`);
    const watch = async (ms) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const [server, receiver, sender] = await Promise.all([
          rpc('consumerLayers', { consumerId: start.consumerId }),
          page.evaluate(() => window.layersReceiver()),
          page.evaluate(() => window.senderLayers()),
        ]);
        const layers = server.currentLayers ? `${server.currentLayers.spatialLayer}/${server.currentLayers.temporalLayer}` : 'none';
        say(`consumer layers ${layers}, received ${receiver.frameWidth}px, sender `
          + sender.map((l) => `${l.rid} ${l.frameWidth || 0}px`).join(' '));
        await sleep(1000);
      }
    };
    await watch(UNCAPPED_MS);
    const state = await serverState();
    const recv = state.transports.find((transport) => transport.id === start.recvTransportId);
    if (recv?.iceSelectedTuple?.protocol !== 'udp') throw new Error(`receiving transport ${JSON.stringify(recv)}`);
    try {
      capPort(recv.iceSelectedTuple.localPort, CAP);
      say(`cap ${CAP} on UDP from port ${recv.iceSelectedTuple.localPort}`);
      await watch(CAP_MS);
    } finally {
      uncap();
      say('cap lifted');
    }
    await watch(AFTER_MS);
    say('done');
  }, { timeoutMs: UNCAPPED_MS + CAP_MS + AFTER_MS + 60000 });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
