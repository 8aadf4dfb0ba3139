// Minimal RTP (RFC 3550) building and parsing for the end-to-end tests: the worker under test
// must not be trusted to check its own output.
'use strict';

function build({ payloadType, seq, timestamp, ssrc, marker = false, payload }) {
  const packet = Buffer.alloc(12 + payload.length);
  packet[0] = 0x80;
  packet[1] = (marker ? 0x80 : 0) | payloadType;
  packet.writeUInt16BE(seq & 0xffff, 2);
  packet.writeUInt32BE(timestamp >>> 0, 4);
  packet.writeUInt32BE(ssrc >>> 0, 8);
  payload.copy(packet, 12);
  return packet;
}

/** The fields of an RTP packet, or null when it is RTCP or not RTP at all. */
function parse(data) {
  if (data.length < 12 || (data[0] >> 6) !== 2) return null;
  const payloadTypeByte = data[1] & 0x7f;
  if (data[1] >= 192 && data[1] <= 223) return null;
  const csrcCount = data[0] & 0x0f;
  let offset = 12 + 4 * csrcCount;
  let extensionProfile = null;
  let extensionLength = 0;
  if (data[0] & 0x10) {
    extensionProfile = data.readUInt16BE(offset);
    extensionLength = 4 * data.readUInt16BE(offset + 2);
    offset += 4 + extensionLength;
  }
  let end = data.length;
  if (data[0] & 0x20) end -= data[data.length - 1];
  return {
    marker: (data[1] & 0x80) !== 0,
    payloadType: payloadTypeByte,
    seq: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    extensionProfile,
    extensionLength,
    payload: data.subarray(offset, end)
  };
}

/** Header extensions (RFC 8285: one-byte §4.2 or two-byte §4.3 elements) of a packet's raw data, by id. */
function extensions(data) {
  const found = {};
  if (!(data[0] & 0x10)) return found;
  const profile = data.readUInt16BE(12 + 4 * (data[0] & 0x0f));
  const twoByte = (profile & 0xfff0) === 0x1000;
  if (profile !== 0xbede && !twoByte) return found;
  const start = 12 + 4 * (data[0] & 0x0f) + 4;
  const end = start + 4 * data.readUInt16BE(start - 2);
  for (let offset = start; offset < end;) {
    if (data[offset] === 0) { offset++; continue; }
    const id = twoByte ? data[offset] : data[offset] >> 4;
    const length = twoByte ? data[offset + 1] : (data[offset] & 0x0f) + 1;
    if (!twoByte && id === 15) break;
    const valueAt = offset + (twoByte ? 2 : 1);
    found[id] = data.subarray(valueAt, valueAt + length);
    offset = valueAt + length;
  }
  return found;
}

/**
 * `packet` (built without extensions) with the header extensions `elements` ([id, value] pairs):
 * one-byte elements (RFC 8285 §4.2) when every value fits in 16 bytes, else two-byte ones (§4.3).
 */
function withExtensions(packet, elements) {
  const twoByte = elements.some(([ , value ]) => value.length > 16);
  const parts = elements.map(([ id, value ]) => Buffer.concat([
    Buffer.from(twoByte ? [ id, value.length ] : [ (id << 4) | (value.length - 1) ]), Buffer.from(value) ]));
  let body = Buffer.concat(parts);
  body = Buffer.concat([ body, Buffer.alloc((4 - (body.length % 4)) % 4) ]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(twoByte ? 0x1000 : 0xbede, 0);
  header.writeUInt16BE(body.length / 4, 2);
  const result = Buffer.concat([ packet.subarray(0, 12), header, body, packet.subarray(12) ]);
  result[0] |= 0x10;
  return result;
}

/** `packet` (built without extensions) with one one-byte header extension (RFC 8285 §4.2) of 1 to 3 bytes. */
function withExtension(packet, id, value) {
  const extension = Buffer.alloc(8);
  extension.writeUInt16BE(0xbede, 0);
  extension.writeUInt16BE(1, 2);
  extension[4] = (id << 4) | (value.length - 1);
  Buffer.from(value).copy(extension, 5);
  const result = Buffer.concat([ packet.subarray(0, 12), extension, packet.subarray(12) ]);
  result[0] |= 0x10;
  return result;
}

/** An RTCP feedback packet (RFC 4585 §6.1): header with FMT, sender and media SSRC, then the FCI. */
function feedback(type, fmt, senderSsrc, mediaSsrc, fci = Buffer.alloc(0)) {
  const packet = Buffer.alloc(12 + fci.length);
  packet.writeUInt8(0x80 | fmt, 0);
  packet.writeUInt8(type, 1);
  packet.writeUInt16BE(packet.length / 4 - 1, 2);
  packet.writeUInt32BE(senderSsrc, 4);
  packet.writeUInt32BE(mediaSsrc, 8);
  fci.copy(packet, 12);
  return packet;
}

/**
 * The packets of an RTCP compound packet (RFC 3550 §6) as { type, count, data, offset };
 * count is the header's low five bits: report count, or FMT for feedback.
 */
function rtcpPackets(data) {
  const packets = [];
  for (let offset = 0; offset + 4 <= data.length;) {
    if ((data[offset] >> 6) !== 2) break;
    packets.push({ type: data[offset + 1], count: data[offset] & 0x1f, data, offset });
    offset += 4 * (data.readUInt16BE(offset + 2) + 1);
  }
  return packets;
}

/**
 * A sender report (RFC 3550 §6.4.1) without report blocks: `ntpMs` (ms since the Unix epoch) tied
 * to `rtpTimestamp`, and the sender's packet and octet counts.
 */
function senderReport({ ssrc, rtpTimestamp, ntpMs, packetCount = 0, octetCount = 0 }) {
  const packet = Buffer.alloc(28);
  packet.writeUInt8(0x80, 0);
  packet.writeUInt8(200, 1);
  packet.writeUInt16BE(6, 2);
  packet.writeUInt32BE(ssrc >>> 0, 4);
  packet.writeUInt32BE((Math.floor(ntpMs / 1000) + 2208988800) >>> 0, 8);
  packet.writeUInt32BE(Math.floor(((ntpMs % 1000) / 1000) * 2 ** 32) >>> 0, 12);
  packet.writeUInt32BE(rtpTimestamp >>> 0, 16);
  packet.writeUInt32BE(packetCount >>> 0, 20);
  packet.writeUInt32BE(octetCount >>> 0, 24);
  return packet;
}

/** A receiver report (RFC 3550 §6.4.2) from SSRC 1 with one report block about `reportedSsrc`. */
function receiverReport(reportedSsrc, fractionLost, totalLost, highestSeq = 0) {
  const packet = Buffer.alloc(32);
  packet.writeUInt8(0x81, 0);
  packet.writeUInt8(201, 1);
  packet.writeUInt16BE(7, 2);
  packet.writeUInt32BE(1, 4);
  packet.writeUInt32BE(reportedSsrc, 8);
  packet.writeUInt8(fractionLost, 12);
  packet.writeUIntBE(totalLost, 13, 3);
  packet.writeUInt32BE(highestSeq, 16);
  return packet;
}

/** The SSRCs the PLIs and FIRs (PSFB FMT 1 and 4) of an RTCP compound ask key frames of. */
function keyFrameRequests(data) {
  const ssrcs = [];
  for (const p of rtcpPackets(data)) {
    if (p.type !== 206) continue;
    if (p.count === 1) ssrcs.push(p.data.readUInt32BE(p.offset + 8));
    if (p.count === 4) ssrcs.push(p.data.readUInt32BE(p.offset + 12));
  }
  return ssrcs;
}

/**
 * Whether a parsed packet is bandwidth probation (SSRC 1234): padding a transport sends, as the C++
 * worker does, once a consumer negotiated transport-cc or REMB (3.8: a video consumer; 3.32: any,
 * under MID "probator"); not part of any stream.
 */
function isProbation(packet) {
  return packet.ssrc === 1234;
}

module.exports = { build, parse, extensions, withExtension, withExtensions, feedback, rtcpPackets, senderReport, receiverReport,
  keyFrameRequests, isProbation };
