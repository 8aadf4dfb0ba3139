// mediasoup 3.32's TransportListenInfo applied to the sockets, driven by the real Node library:
// udpReusePort shares a UDP port between workers (as the C++ worker's libuv does on Linux, the
// socket bound last receives), ipv6Only leaves an IPv6 wildcard's port to IPv4, buffer sizes
// reach the socket (the C++ worker's TypeError for a size it cannot pass on), and the
// announced address is the local address of tuples and candidates.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { is332, mediasoup, udpSocket, until } = require('./harness');

const only332 = !is332 && 'mediasoup 3.8.4 has no listenInfo';

let workers = [];
let routers = [];

before(async () => {
  if (!is332) return;
  workers = await Promise.all([ 1, 2 ].map(() => mediasoup.createWorker({ logLevel: 'warn' })));
  routers = await Promise.all(workers.map((worker) => worker.createRouter({ mediaCodecs: [] })));
});

after(() => workers.forEach((worker) => worker.close()));

/** A free UDP port on loopback, found by binding and closing a socket. */
async function freeUdpPort() {
  const socket = await udpSocket();
  const { port } = socket.address();
  socket.close();
  return port;
}

test('udpReusePort: two workers share a port, the transport bound last receives; without it the port is taken',
  { skip: only332 }, async () => {
    const port = await freeUdpPort();
    const listenInfo = { protocol: 'udp', ip: '127.0.0.1', port, flags: { udpReusePort: true } };
    const first = await routers[0].createPlainTransport({ listenInfo, comedia: true });
    const second = await routers[1].createPlainTransport({ listenInfo, comedia: true });
    const sender = await udpSocket();
    try {
      assert.equal(first.tuple.localPort, port);
      assert.equal(second.tuple.localPort, port);
      await assert.rejects(routers[0].createPlainTransport({ listenInfo: { ...listenInfo, flags: {} } }),
        (error) => error.name === 'Error' && error.message.startsWith('uv_udp_bind() failed [')
          && error.message.includes(`port:${port}`));

      sender.send(rtp.build({ payloadType: 100, seq: 1, timestamp: 1, ssrc: 1111, payload: Buffer.alloc(10) }), port, '127.0.0.1');
      assert.ok(await until(() => second.tuple.remotePort === sender.address().port));
      assert.equal(first.tuple.remotePort, 0);
    } finally {
      sender.close();
      first.close();
      second.close();
    }
  });

test('ipv6Only: an IPv6 wildcard socket leaves its port to IPv4; without it the port is taken on both',
  { skip: only332 }, async () => {
    const port = await freeUdpPort();
    const v6only = await routers[0].createPlainTransport({ listenInfo: { protocol: 'udp', ip: '::', port, flags: { ipv6Only: true } } });
    const v4 = await routers[0].createPlainTransport({ listenInfo: { protocol: 'udp', ip: '0.0.0.0', port } });
    v4.close();
    v6only.close();
    const dual = await routers[0].createPlainTransport({ listenInfo: { protocol: 'udp', ip: '::', port } });
    try {
      await assert.rejects(routers[0].createPlainTransport({ listenInfo: { protocol: 'udp', ip: '0.0.0.0', port } }),
        (error) => error.name === 'Error' && /^uv_udp_bind\(\) failed/.test(error.message));
    } finally {
      dual.close();
    }
  });

test('buffer sizes are passed to the socket as an int, refused when not positive', { skip: only332 }, async () => {
  const transport = await routers[0].createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1', sendBufferSize: 65536, recvBufferSize: 1 }
  });
  transport.close();
  for (const size of [ 'sendBufferSize', 'recvBufferSize' ]) {
    await assert.rejects(routers[0].createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1', [size]: 3000000000 } }),
      (error) => error.name === 'TypeError' && error.message === 'invalid size: -1294967296');
  }
});

test('the announced address is the local address of tuples and ICE candidates; exposeInternalIp adds the IP\'s',
  { skip: only332 }, async () => {
    const plain = await routers[0].createPlainTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1', announcedAddress: '9.9.9.9', exposeInternalIp: true },
      rtcpMux: false
    });
    const pipe = await routers[0].createPipeTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1', announcedAddress: 'pipe.example.com' }
    });
    const webRtc = await routers[0].createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ip: '127.0.0.1', announcedAddress: '9.9.9.9', exposeInternalIp: true },
        { protocol: 'tcp', ip: '127.0.0.1', announcedAddress: 'host.example.com' }
      ]
    });
    try {
      await plain.connect({ ip: '127.0.0.2', port: 5000, rtcpPort: 5001 });
      for (const tuple of [ plain.tuple, plain.rtcpTuple ]) {
        assert.equal(tuple.localIp, '9.9.9.9');
        assert.equal(tuple.localAddress, '9.9.9.9');
      }
      assert.equal(pipe.tuple.localAddress, 'pipe.example.com');
      assert.deepEqual(webRtc.iceCandidates.map(({ address, protocol, priority }) => [ address, protocol, priority ]), [
        [ '9.9.9.9', 'udp', 1076302079 ],
        [ '127.0.0.1', 'udp', 1076301079 ],
        [ 'host.example.com', 'tcp', 1076276479 ]
      ]);
    } finally {
      plain.close();
      pipe.close();
      webRtc.close();
    }
  });
