// Many workers on one port range: two workers share a small rtcMinPort..rtcMaxPort with ports
// held by another program (this test process), and create Plain, Pipe and WebRtc transports until
// the range is full. A port taken elsewhere is skipped; "no more available ports" comes only
// once no port of the range is left to anyone. Driven by the real mediasoup Node library.
'use strict';

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const dgram = require('node:dgram');
const net = require('node:net');
const { is332, mediasoup, listen, listenWebRtc } = require('./harness');

const RANGE_SIZE = 16;
const LOOPBACK = '127.0.0.1';
const workers = [];
const heldSockets = [];

after(() => {
  workers.forEach((worker) => worker.close());
  heldSockets.forEach((socket) => socket.close());
});

/** A socket of `protocol` holding `port` on loopback, or null when the port is taken. */
function hold(protocol, port) {
  return new Promise((resolve) => {
    if (protocol === 'udp') {
      const socket = dgram.createSocket('udp4');
      socket.once('error', () => resolve(null));
      socket.bind(port, LOOPBACK, () => resolve({ close: () => socket.close() }));
    } else {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, LOOPBACK, () => resolve({ close: () => server.close() }));
    }
  });
}

async function isFree(protocol, port) {
  const socket = await hold(protocol, port);
  if (socket) socket.close();
  return socket !== null;
}

/** The ports of the range taken by nobody, for `protocol`. */
async function freePorts(protocol, range) {
  const free = [];
  for (const port of range) {
    if (await isFree(protocol, port)) free.push(port);
  }
  return free;
}

/** RANGE_SIZE consecutive ports free for UDP and TCP, below the kernel's ephemeral ones. */
async function freeRange() {
  for (let tries = 0; tries < 100; tries++) {
    const first = 20000 + Math.floor(Math.random() * (10000 - RANGE_SIZE));
    const range = Array.from({ length: RANGE_SIZE }, (_, i) => first + i);
    if ((await freePorts('udp', range)).length === RANGE_SIZE && (await freePorts('tcp', range)).length === RANGE_SIZE) {
      return range;
    }
  }
  throw new Error(`no free range of ${RANGE_SIZE} ports`);
}

/** The transport kinds in turn, each with the UDP and TCP ports it took. */
const KINDS = [
  async (router) => {
    const transport = await router.createPlainTransport(listen());
    return { udp: [ transport.tuple.localPort ], tcp: [] };
  },
  async (router) => {
    const transport = await router.createPipeTransport(listen());
    return { udp: [ transport.tuple.localPort ], tcp: [] };
  },
  async (router) => {
    const transport = await router.createWebRtcTransport(listenWebRtc({ udp: true, tcp: true }));
    const ports = (protocol) => transport.iceCandidates.filter((c) => c.protocol === protocol).map((c) => c.port);
    return { udp: ports('udp'), tcp: ports('tcp') };
  }
];

test('two workers share a port range with another program until it is full', async () => {
  const range = await freeRange();
  // The C++ worker's text: 3.8's with the request's method appended as to every error.
  const exhausted = (protocol) => (is332
    ? new RegExp(`^no more available ports \\[protocol:${protocol}, ip:'127\\.0\\.0\\.1', numAttempt:${RANGE_SIZE}\\]$`)
    : new RegExp(`^no more available ports \\[transport:${protocol}, ip:'127\\.0\\.0\\.1', `
      + `numAttempt:${RANGE_SIZE}\\] \\[method:router\\.create(Plain|Pipe|WebRtc)Transport\\]$`));
  const routers = [];
  for (let i = 0; i < 2; i++) {
    const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: range[0], rtcMaxPort: range[RANGE_SIZE - 1] });
    workers.push(worker);
    routers.push(await worker.createRouter({ mediaCodecs: [] }));
  }

  // Another program holds every third port of the range, UDP and TCP.
  const elsewhere = { udp: new Set(), tcp: new Set() };
  for (const protocol of [ 'udp', 'tcp' ]) {
    for (const port of range.filter((_, i) => i % 3 === 1)) {
      heldSockets.push(await hold(protocol, port));
      elsewhere[protocol].add(port);
    }
  }

  const taken = { udp: new Set(), tcp: new Set() };
  const check = (ports) => {
    for (const protocol of [ 'udp', 'tcp' ]) {
      for (const port of ports[protocol]) {
        assert.ok(range.includes(port), `${protocol} port ${port} outside the range`);
        assert.ok(!elsewhere[protocol].has(port), `${protocol} port ${port} is held by another program`);
        assert.ok(!taken[protocol].has(port), `${protocol} port ${port} given twice`);
        taken[protocol].add(port);
      }
    }
  };

  // Plain, Pipe and WebRtc (UDP and TCP) in turn, alternating between the two workers, until one refuses.
  let created = 0;
  let error;
  while (!error) {
    try {
      check(await KINDS[created % KINDS.length](routers[created % routers.length]));
      created++;
    } catch (e) {
      error = e;
    }
    assert.ok(created <= RANGE_SIZE, 'more transports than ports');
  }
  assert.match(error.message, exhausted('udp'));
  assert.deepEqual(await freePorts('udp', range), [], 'UDP ports were free when the range ran out');
  assert.ok(created >= 3, `only ${created} transports`);
  // Full for both workers: the other one refuses too.
  await assert.rejects(KINDS[0](routers[created % routers.length]), { message: exhausted('udp') });

  // TCP alone until its range is full as well.
  const tcpOnly = async (router) => {
    const transport = await router.createWebRtcTransport(listenWebRtc({ udp: false, tcp: true }));
    return { udp: [], tcp: transport.iceCandidates.map((c) => c.port) };
  };
  error = undefined;
  for (let i = 0; !error; i++) {
    try {
      check(await tcpOnly(routers[i % routers.length]));
    } catch (e) {
      error = e;
    }
    assert.ok(i <= RANGE_SIZE, 'more TCP transports than ports');
  }
  assert.match(error.message, exhausted('tcp'));
  assert.deepEqual(await freePorts('tcp', range), [], 'TCP ports were free when the range ran out');

  // The other program leaves: its ports serve the workers again.
  heldSockets.splice(0).forEach((socket) => socket.close());
  await new Promise((resolve) => setTimeout(resolve, 50));
  const reused = await KINDS[0](routers[0]);
  assert.ok(elsewhere.udp.has(reused.udp[0]), `port ${reused.udp[0]} is not one the other program left`);
});
