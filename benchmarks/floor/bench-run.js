// One measured run of scripts/bench-forward, printed as one JSON line.
//
//   node bench-run.js floor  BIN_DIR CONSUMERS RATE PAYLOAD WARMUP_S MEASURE_S
//   node bench-run.js worker BIN_DIR CONSUMERS RATE PAYLOAD WARMUP_S MEASURE_S
//
// "worker" spawns the worker named by MEDIASOUP_WORKER_BIN through the real mediasoup 3.8.4
// Node library and sets it up as an application would: a router, an Opus producer on a
// comedia PlainTransport, and CONSUMERS consumers, each on its own PlainTransport connected
// to one of the load generator's sinks. "floor" puts the C relay in the worker's place.
// Either way the C load generator (loadgen) sends and receives, and measures.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const [kind, binDir, consumers, rate, payload, warmup, measure] = process.argv.slice(2);

/** Spawns a helper that speaks one JSON line first and reads its instructions on stdin. */
function helper(file, args) {
  const child = spawn(path.join(binDir, file), args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const queue = [];
  const waiting = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()(line) : queue.push(line)));
  const nextLine = () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : waiting.push(resolve)));
  return { child, nextLine: async () => JSON.parse(await nextLine()) };
}

function rssKiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

async function setUpWorker(sinkPorts) {
  const mediasoup = require(path.join(__dirname, '..', '..', 'scripts', 'conformance-suite', 'node_modules', 'mediasoup'));
  const spawned = process.hrtime.bigint();
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const router = await worker.createRouter({
    mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }],
  });
  const readyMs = Number(process.hrtime.bigint() - spawned) / 1e6;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRssKiB = rssKiB(worker.pid);
  const listenIp = { ip: '127.0.0.1' };
  const input = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: true });
  const producer = await input.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc: 1111 }],
    },
  });
  const rtpCapabilities = {
    codecs: [{ kind: 'audio', mimeType: 'audio/opus', preferredPayloadType: 100, clockRate: 48000, channels: 2 }],
    headerExtensions: [],
  };
  for (const port of sinkPorts) {
    const output = await router.createPlainTransport({ listenIp, rtcpMux: true, comedia: false });
    await output.connect({ ip: '127.0.0.1', port });
    await output.consume({ producerId: producer.id, rtpCapabilities });
  }
  return { worker, port: input.tuple.localPort, pid: worker.pid, readyMs, idleRssKiB };
}

async function setUpFloor(sinkPorts) {
  const relay = helper('relay', []);
  const { port } = await relay.nextLine();
  relay.child.stdin.write(sinkPorts.join(' ') + '\n');
  return { relay, port, pid: relay.child.pid };
}

async function main() {
  const loadgen = helper('loadgen', [consumers, rate, payload, warmup, measure]);
  const { sinkPorts } = await loadgen.nextLine();
  const target = kind === 'floor' ? await setUpFloor(sinkPorts) : await setUpWorker(sinkPorts);
  loadgen.child.stdin.write(`${target.port} ${target.pid}\n`);
  const result = await loadgen.nextLine();
  result.kind = kind;
  if (kind === 'floor') {
    target.relay.child.kill();
  } else {
    result.workerBin = process.env.MEDIASOUP_WORKER_BIN;
    result.spawnToRouterReadyMs = Math.round(target.readyMs);
    result.idleRssKiB = target.idleRssKiB;
    target.worker.close();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
