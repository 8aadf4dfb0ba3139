// One measured run of scripts/bench-forward, printed as one JSON line.
//
//   node bench-run.js floor  BIN_DIR CONSUMERS RATE PAYLOAD WARMUP_S MEASURE_S [SRTP_SUITE]
//   node bench-run.js worker BIN_DIR CONSUMERS RATE PAYLOAD WARMUP_S MEASURE_S [SRTP_SUITE]
//
// "worker" spawns the worker named by MEDIASOUP_WORKER_BIN through the real mediasoup 3.8.4
// Node library and sets it up as an application would: a router, an Opus producer on a
// comedia PlainTransport, and CONSUMERS consumers, each on its own PlainTransport connected
// to one of the load generator's sinks. "floor" puts the C relay in the worker's place.
// Either way the C load generator (loadgen) sends and receives, and measures. With an SRTP
// suite (its mediasoup name) every hop is SDES-keyed SRTP and BIN_DIR's loadgen must be built
// for it: the floor relays the sender's packets unchanged, so its sinks use the sender's key.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { mediasoup, OPUS_MEDIA_CODECS, SRTP_KEY_LENGTHS, helper, rssKiB, opusFanout } = require('./common');

const [kind, binDir, consumers, rate, payload, warmup, measure, suite] = process.argv.slice(2);
if (suite && !SRTP_KEY_LENGTHS[suite]) throw new Error(`unknown SRTP suite ${suite}`);
const srtpKey = suite ? crypto.randomBytes(SRTP_KEY_LENGTHS[suite]).toString('base64') : undefined;
const hex = (base64) => Buffer.from(base64, 'base64').toString('hex');

// A JVM worker (ours) logs its collections here; other workers ignore the variable.
const gcLog = path.join(os.tmpdir(), `bench-forward-gc-${process.pid}.log`);

/**
 * The collections logged after `sinceS` seconds of JVM uptime (the set-up done, so the
 * forwarding only): how many, the longest and the sum of their pauses; null without a log.
 */
function gcPauses(sinceS) {
  if (!fs.existsSync(gcLog)) return null;
  const pauses = fs.readFileSync(gcLog, 'utf8').split('\n')
    .map((line) => /^\[([\d.]+)s\].* Pause .* ([\d.]+)ms$/.exec(line))
    .filter((match) => match && Number(match[1]) >= sinceS)
    .map((match) => Number(match[2]));
  fs.unlinkSync(gcLog);
  return { count: pauses.length, maxMs: Math.max(0, ...pauses), totalMs: pauses.reduce((a, b) => a + b, 0) };
}

async function setUpWorker(sinkPorts) {
  process.env.MEDIASOUP_WORKER_JAVA_OPTS = `${process.env.MEDIASOUP_WORKER_JAVA_OPTS || ''} -Xlog:gc:file=${gcLog}`;
  const spawned = process.hrtime.bigint();
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const router = await worker.createRouter({ mediaCodecs: OPUS_MEDIA_CODECS });
  const readyMs = Number(process.hrtime.bigint() - spawned) / 1e6;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRssKiB = rssKiB(worker.pid);
  const { input, join } = await opusFanout(router, srtpKey, suite);
  const sinkKeys = [];
  for (const port of sinkPorts) sinkKeys.push((await join(port)).srtpParameters?.keyBase64);
  const setUpS = Number(process.hrtime.bigint() - spawned) / 1e9;
  return { worker, port: input.tuple.localPort, pid: worker.pid, readyMs, idleRssKiB, sinkKeys, setUpS };
}

async function setUpFloor(sinkPorts) {
  const relay = helper(binDir, 'relay', []);
  const { port } = await relay.nextLine();
  relay.child.stdin.write(sinkPorts.join(' ') + '\n');
  return { relay, port, pid: relay.child.pid, sinkKeys: sinkPorts.map(() => srtpKey) };
}

async function main() {
  const loadgen = helper(binDir, 'loadgen', [consumers, rate, payload, warmup, measure]);
  const { sinkPorts } = await loadgen.nextLine();
  const target = kind === 'floor' ? await setUpFloor(sinkPorts) : await setUpWorker(sinkPorts);
  loadgen.child.stdin.write(`${target.port} ${target.pid}\n`);
  if (srtpKey) loadgen.child.stdin.write(`${suite} ${hex(srtpKey)} ${target.sinkKeys.map(hex).join(' ')}\n`);
  const result = await loadgen.nextLine();
  result.kind = kind;
  result.srtp = suite || false;
  if (kind === 'floor') {
    target.relay.child.kill();
  } else {
    result.workerBin = process.env.MEDIASOUP_WORKER_BIN;
    result.spawnToRouterReadyMs = Math.round(target.readyMs);
    result.idleRssKiB = target.idleRssKiB;
    // The JVM writes each line of its log as it happens.
    const pauses = gcPauses(target.setUpS);
    target.worker.close();
    if (pauses) {
      result.gcPauses = pauses.count;
      result.gcPauseMaxMs = pauses.maxMs;
      result.gcPauseTotalMs = pauses.totalMs;
    }
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
