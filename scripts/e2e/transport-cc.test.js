// Transport-wide congestion control, receive side, driven by the real mediasoup 3.8.4 Node
// library: a producer that negotiated transport-cc and the transport-wide-cc extension gets
// transport-cc feedback (RTPFB, FMT 15) about the packets it sent, lost ones included.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const rtp = require('./rtp');
const { mediasoup, udpSocket, until } = require('./harness');

const TWCC_URI = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';
let worker;
let router;

before(async () => {
  worker = await mediasoup.createWorker({ logLevel: 'warn' });
  router = await worker.createRouter({ mediaCodecs: [ { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 } ] });
});

after(() => worker.close());

/** An RTP packet with one one-byte header extension (RFC 8285): the transport-wide sequence number under id 3. */
function packetWithTransportSeq(ssrc, seq, transportSeq) {
  const payload = Buffer.from([ 0x10, 0x01, 0x00, 0x00 ]);
  const packet = Buffer.alloc(12 + 8 + payload.length);
  packet[0] = 0x90;
  packet[1] = 96;
  packet.writeUInt16BE(seq, 2);
  packet.writeUInt32BE(seq * 3000, 4);
  packet.writeUInt32BE(ssrc, 8);
  packet.writeUInt16BE(0xbede, 12);
  packet.writeUInt16BE(1, 14);
  packet[16] = (3 << 4) | 1;
  packet.writeUInt16BE(transportSeq, 17);
  payload.copy(packet, 20);
  return packet;
}

/** The statuses (0 lost, 1 small delta, 2 large) of a transport-cc feedback packet, by transport sequence number. */
function statuses({ data, offset }) {
  const base = data.readUInt16BE(offset + 12);
  const count = data.readUInt16BE(offset + 14);
  const result = new Map();
  let position = offset + 20;
  let n = 0;
  while (n < count) {
    const chunk = data.readUInt16BE(position);
    position += 2;
    if (!(chunk & 0x8000)) {
      for (let i = 0; i < (chunk & 0x1fff) && n < count; i++) result.set((base + n++) & 0xffff, (chunk >> 13) & 3);
    } else if (chunk & 0x4000) {
      for (let i = 0; i < 7 && n < count; i++) result.set((base + n++) & 0xffff, (chunk >> (12 - 2 * i)) & 3);
    } else {
      for (let i = 0; i < 14 && n < count; i++) result.set((base + n++) & 0xffff, (chunk >> (13 - i)) & 1);
    }
  }
  return result;
}

test('a producer with transport-cc gets feedback on the packets that arrived and those that did not', async () => {
  const sender = await udpSocket();
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', comedia: true });
  const producer = await transport.produce({ kind: 'video', rtpParameters: {
    codecs: [ { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [ { type: 'transport-cc' } ] } ],
    headerExtensions: [ { uri: TWCC_URI, id: 3 } ],
    encodings: [ { ssrc: 8000 } ] } });
  const reported = new Map();
  sender.on('message', (data) => {
    for (const p of rtp.rtcpPackets(data)) {
      if (p.type === 205 && p.count === 15) {
        assert.equal(p.data.readUInt32BE(p.offset + 8), 8000, 'media SSRC of the packets reported');
        for (const [ seq, status ] of statuses(p)) reported.set(seq, status);
      }
    }
  });
  try {
    for (let i = 0; i < 20; i++) {
      if (i !== 7) sender.send(packetWithTransportSeq(8000, 100 + i, (65530 + i) & 0xffff), transport.tuple.localPort, '127.0.0.1');
    }
    assert.ok(await until(() => reported.size >= 20), 'feedback covers every transport sequence number');
    for (let i = 0; i < 20; i++) {
      const seq = (65530 + i) & 0xffff;
      assert.equal(reported.get(seq) === 0, i === 7, `packet ${seq} ${i === 7 ? 'lost' : 'received'}`);
    }
    assert.equal(producer.closed, false);
  } finally {
    sender.close();
  }
});
