// The main job in miniature: the real mediasoup 3.8.4 Node library spawns and drives our
// worker. Grows with each part of the worker that lands.
const path = require('path');
const mediasoup = require(path.join(__dirname, 'conformance-suite', 'node_modules', 'mediasoup'));

const mediaCodecs = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 }
];

async function main() {
  const spawnStart = process.hrtime.bigint();
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  const spawnMs = Number(process.hrtime.bigint() - spawnStart) / 1e6;
  console.log(`worker running: pid ${worker.pid}, spawn to "running" in ${spawnMs.toFixed(0)} ms`);

  worker.on('died', (error) => {
    console.error(`worker died: ${error.message}`);
    process.exitCode = 1;
  });

  const router = await worker.createRouter({ mediaCodecs });
  console.log(`router ${router.id}: ${router.rtpCapabilities.codecs.length} codecs, `
    + `${router.rtpCapabilities.headerExtensions.length} header extensions`);

  console.log('worker.dump():', JSON.stringify(await worker.dump()));
  console.log('router.dump():', JSON.stringify(await router.dump(), null, 2));

  const usage = await worker.getResourceUsage();
  console.log(`worker.getResourceUsage(): user ${usage.ru_utime} ms, system ${usage.ru_stime} ms, `
    + `max RSS ${(usage.ru_maxrss / 1024).toFixed(1)} MiB, ${usage.ru_nvcsw} voluntary context switches`);

  await worker.updateSettings({ logLevel: 'debug', logTags: [ 'info' ] });
  await worker.updateSettings({ logLevel: 'loud' })
    .catch((error) => console.log(`updateSettings({ logLevel: 'loud' }) rejected: ${error.name}: ${error.message}`));

  router.close();
  worker.close();
  console.log('closed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
