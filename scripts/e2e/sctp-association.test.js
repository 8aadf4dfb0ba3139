// mediasoup 3.32's SCTP association seen on the wire. It starts (sends its INIT) only once its
// transport is connected and has a data producer or consumer, as the C++ worker's does, and
// tells "connecting" when its INIT goes out and again when the INIT ACK comes back.
// RFC 9653 zero checksums, as its sctpZeroChecksum negotiates them, seen on the
// wire: a loopback socket sends an INIT to a Plain transport with SCTP, offering a method or
// none; the INIT ACK offers the method asked for (none without it), and goes without a
// checksum exactly when both offered the same method, as the C++ worker sends it; its
// advertised receive window is sctpMaxReceiverWindowBufferSize.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const zlib = require('node:zlib');
const { is332, mediasoup, listen, sctp, udpSocket, until, workerAndRouter } = require('./harness');

const only332 = !is332 && 'mediasoup 3.8.4 has no sctpZeroChecksum';

const room = workerAndRouter();

/** CRC32c (Castagnoli), bit by bit: fast enough for a handful of packets. */
function crc32c(data) {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0x82f63b78 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The parameters of the INIT or INIT ACK (`chunkType`) in `packet`, by type, or null when it holds none. */
function initParameters(packet, chunkType) {
  if (packet.length < 32 || packet[12] !== chunkType) return null;
  const parameters = {};
  const end = 12 + packet.readUInt16BE(14);
  for (let offset = 12 + 20; offset + 4 <= end;) {
    const type = packet.readUInt16BE(offset);
    const length = packet.readUInt16BE(offset + 2);
    parameters[type] = packet.subarray(offset + 4, offset + length);
    offset += Math.ceil(length / 4) * 4;
  }
  return parameters;
}

/**
 * An INIT (1) or INIT ACK (2) chunk from ports 5000 to 5000 with verification tag `tag`, our
 * initiate tag, window, streams and TSN, then the parameter `type` holding `value` when given,
 * with its CRC32c.
 */
function initChunkPacket(chunkType, tag, type, value) {
  const chunk = Buffer.alloc(20 + (value ? 4 + value.length : 0));
  chunk.writeUInt8(chunkType, 0);
  chunk.writeUInt16BE(chunk.length, 2);
  chunk.writeUInt32BE(0x12345678, 4);
  chunk.writeUInt32BE(1 << 20, 8);
  chunk.writeUInt16BE(1024, 12);
  chunk.writeUInt16BE(1024, 14);
  chunk.writeUInt32BE(1, 16);
  if (value) {
    chunk.writeUInt16BE(type, 20);
    chunk.writeUInt16BE(4 + value.length, 22);
    value.copy(chunk, 24);
  }
  const packet = Buffer.concat([ Buffer.from([ 0x13, 0x88, 0x13, 0x88, 0, 0, 0, 0, 0, 0, 0, 0 ]), chunk ]);
  packet.writeUInt32BE(tag, 4);
  packet.writeUInt32LE(crc32c(packet), 8);
  return packet;
}

/** An INIT offering zero checksums with `method` unless undefined. */
function init(method) {
  const value = method === undefined ? undefined : Buffer.alloc(4);
  value?.writeUInt32BE(method, 0);
  return initChunkPacket(1, 0, 0x8001, value);
}

/** The INIT ACK the transport answers an INIT offering `peerMethod` with. */
async function initAck(sctpZeroChecksum, peerMethod) {
  const socket = await udpSocket();
  const transport = await room.router.createPlainTransport({ ...listen(), ...sctp(), sctpZeroChecksum });
  try {
    const answer = new Promise((resolve, reject) => {
      socket.on('message', (packet) => {
        if (initParameters(packet, 2)) resolve(packet);
      });
      setTimeout(() => reject(new Error('no INIT ACK within 5 s')), 5000).unref();
    });
    await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
    socket.send(init(peerMethod), transport.tuple.localPort, '127.0.0.1');
    return await answer;
  } finally {
    socket.close();
    transport.close();
  }
}

/** The INIT ACK of a peer answering an INIT whose initiate tag is `tag`, with an 8-byte state cookie. */
function initAckTo(tag) {
  return initChunkPacket(2, tag, 7, Buffer.from('cookie!!'));
}

const TRUSTED_NETWORK = 0xfffffffe;
const SCTP_OVER_DTLS = 1;

for (const [ sctpZeroChecksum, method, peerMethod, zero ] of [
  [ 'trusted-network', TRUSTED_NETWORK, TRUSTED_NETWORK, true ],
  [ 'trusted-network', TRUSTED_NETWORK, SCTP_OVER_DTLS, false ],
  [ 'trusted-network', TRUSTED_NETWORK, undefined, false ],
  [ 'sctp-over-dtls', SCTP_OVER_DTLS, SCTP_OVER_DTLS, true ],
  [ 'none', undefined, TRUSTED_NETWORK, false ]
]) {
  test(`sctpZeroChecksum '${sctpZeroChecksum}', a peer offering ${peerMethod ?? 'nothing'}: the INIT ACK offers `
    + `${method ?? 'nothing'}, ${zero ? 'without' : 'with'} a checksum`, { skip: only332 }, async () => {
    const packet = await initAck(sctpZeroChecksum, peerMethod);
    const zeroChecksumAcceptable = initParameters(packet, 2)[0x8001];
    if (method === undefined) {
      assert.equal(zeroChecksumAcceptable, undefined);
    } else {
      assert.equal(zeroChecksumAcceptable.length, 4);
      assert.equal(zeroChecksumAcceptable.readUInt32BE(0), method);
    }
    const covered = Buffer.from(packet);
    covered.writeUInt32LE(0, 8);
    assert.equal(packet.readUInt32LE(8), zero ? 0 : crc32c(covered));
    // a_rwnd: sctpMaxReceiverWindowBufferSize, the library's default.
    assert.equal(packet.readUInt32BE(12 + 8), 5242880);
  });
}

test('the association starts once the transport is connected and has a data producer', { skip: only332 }, async () => {
  const socket = await udpSocket();
  const transport = await room.router.createPlainTransport({ ...listen(), ...sctp() });
  try {
    const chunkTypes = [];
    socket.on('message', (packet) => chunkTypes.push(packet[12]));
    const states = [];
    transport.on('sctpstatechange', (state) => states.push(state));
    await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(transport.sctpState, 'new');
    assert.deepEqual(chunkTypes, []);
    await transport.produceData({ sctpStreamParameters: { streamId: 1 } });
    assert.ok(await until(() => chunkTypes.length > 0));
    assert.equal(chunkTypes[0], 1);
    assert.deepEqual(states, [ 'connecting' ]);
  } finally {
    socket.close();
    transport.close();
  }
});

test('"connecting" when the INIT goes out, and again when its INIT ACK comes back', { skip: only332 }, async () => {
  const socket = await udpSocket();
  const transport = await room.router.createPlainTransport({ ...listen(), ...sctp() });
  try {
    const chunkTypes = [];
    socket.on('message', (packet) => {
      chunkTypes.push(packet[12]);
      if (packet[12] === 1) socket.send(initAckTo(packet.readUInt32BE(16)), transport.tuple.localPort, '127.0.0.1');
    });
    const states = [];
    transport.on('sctpstatechange', (state) => states.push(state));
    await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
    await transport.produceData({ sctpStreamParameters: { streamId: 1 } });
    assert.ok(await until(() => chunkTypes.includes(10)), 'a COOKIE ECHO after the INIT ACK');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(states, [ 'connecting', 'connecting' ]);
  } finally {
    socket.close();
    transport.close();
  }
});
