// The soak of scripts/soak, printed as one JSON line.
//
//   node soak-run.js BIN_DIR CONSUMERS RATE PAYLOAD WARMUP_S DURATION_S CHURN_MS
//
// Our worker (MEDIASOUP_WORKER_BIN) under the load of loadgen: one Opus producer fanned out to
// CONSUMERS consumers. The first CONSUMERS - 1 stay; the last one leaves and joins again every
// CHURN_MS (its transport closed, a new one connected to the same sink, a new consumer), while
// a further consumer on a transport of its own comes and goes in between. RSS is sampled every
// second; at the end the worker's garbage collector is run (jcmd) so that Netty's leak detector
// reports what it found: its "LEAK" lines reach stderr through the library's error log
// (DEBUG=mediasoup:ERROR*), where scripts/soak counts them.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { mediasoup, OPUS_MEDIA_CODECS, helper, rssKiB, opusFanout } = require('./common');

const [binDir, consumers, rate, payload, warmup, duration, churnMs] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const generator = helper(binDir, 'loadgen', [consumers, rate, payload, warmup, duration]);
  const { sinkPorts } = await generator.nextLine();
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const errors = [];
  worker.on('died', (error) => errors.push(`worker died: ${error}`));
  const router = await worker.createRouter({ mediaCodecs: OPUS_MEDIA_CODECS });
  const { input, join } = await opusFanout(router);
  for (const port of sinkPorts.slice(0, -1)) await join(port);
  let churning = await join(sinkPorts[sinkPorts.length - 1]);

  generator.child.stdin.write(`${input.tuple.localPort} ${worker.pid}\n`);
  const result = generator.nextLine();
  let running = true;
  result.then(() => (running = false));

  const samples = [];
  const started = Date.now();
  let churns = 0;
  let nextChurn = started + Number(churnMs);
  while (running) {
    await sleep(100);
    try {
      if (Date.now() >= nextChurn) {
        churning.close();
        // A passer-by: joins on a port nobody reads and leaves before the next churn.
        const visitor = await join(9);
        churning = await join(sinkPorts[sinkPorts.length - 1]);
        visitor.close();
        churns++;
        nextChurn += Number(churnMs);
      }
      const seconds = Math.floor((Date.now() - started) / 1000);
      if (samples.length === 0 || samples[samples.length - 1].s < seconds) samples.push({ s: seconds, rssKiB: rssKiB(worker.pid) });
    } catch (error) {
      errors.push(String(error));
      break;
    }
  }
  const load = await result;

  // Netty's leak detector reports a leaked buffer when the collector finds it, on a later allocation.
  const jcmd = path.join(process.env.JAVA_HOME || path.dirname(path.dirname(fs.realpathSync('/usr/bin/java'))), 'bin', 'jcmd');
  let gcRun = false;
  try {
    execFileSync(jcmd, [String(worker.pid), 'GC.run'], { stdio: 'ignore' });
    gcRun = true;
  } catch (error) {
    errors.push(`jcmd GC.run failed: ${error.message}`);
  }
  for (let i = 0; i < 5; i++) {
    const transport = await join(9);
    await transport.dump();
    transport.close();
    await sleep(100);
  }
  await worker.dump();

  // The JVM touches its young generation's pages for the first minutes: growth is counted from a fifth of the run on.
  const baselineS = Math.max(Number(warmup), Number(duration) / 5);
  const afterWarmup = samples.find((sample) => sample.s >= baselineS) || samples[0];
  const last = samples[samples.length - 1];
  worker.close();
  process.stdout.write(JSON.stringify({
    consumers: Number(consumers), rate: Number(rate), durationS: Number(duration), churnMs: Number(churnMs), churns,
    rssBaselineS: afterWarmup.s, rssAfterWarmupKiB: afterWarmup.rssKiB, rssEndKiB: last.rssKiB, rssMaxKiB: Math.max(...samples.map((s) => s.rssKiB)),
    rssGrowth: (last.rssKiB - afterWarmup.rssKiB) / afterWarmup.rssKiB,
    gcRun, javaOpts: process.env.MEDIASOUP_WORKER_JAVA_OPTS,
    errors, load, samples,
  }) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
