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

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const [binDir, consumers, rate, payload, warmup, duration, churnMs] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function loadgen() {
  const child = spawn(path.join(binDir, 'loadgen'), [consumers, rate, payload, warmup, duration],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const queue = [];
  const waiting = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()(line) : queue.push(line)));
  const nextLine = () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : waiting.push(resolve)));
  return { child, nextLine: async () => JSON.parse(await nextLine()) };
}

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

async function main() {
  const mediasoup = require(path.join(__dirname, '..', '..', 'scripts', 'conformance-suite', 'node_modules', 'mediasoup'));
  const generator = loadgen();
  const { sinkPorts } = await generator.nextLine();
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const errors = [];
  worker.on('died', (error) => errors.push(`worker died: ${error}`));
  const router = await worker.createRouter({
    mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }],
  });
  const listenIp = { ip: '127.0.0.1' };
  const input = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: true });
  const producer = await input.produce({
    kind: 'audio',
    rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc: 1111 }] },
  });
  const rtpCapabilities = {
    codecs: [{ kind: 'audio', mimeType: 'audio/opus', preferredPayloadType: 100, clockRate: 48000, channels: 2 }],
    headerExtensions: [],
  };
  const join = async (port) => {
    const transport = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: false });
    await transport.connect({ ip: '127.0.0.1', port });
    await transport.consume({ producerId: producer.id, rtpCapabilities });
    return transport;
  };
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
