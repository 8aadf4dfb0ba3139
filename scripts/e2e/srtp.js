// SRTP and SRTCP (RFC 3711) with AES_CM_128_HMAC_SHA1_80/_32, written on node:crypto (OpenSSL) for the
// end-to-end tests: an implementation independent of the worker's, to read what it sends and
// to send it what a conforming peer would.
'use strict';

const crypto = require('node:crypto');

const TAG_LENGTH = { AES_CM_128_HMAC_SHA1_80: 10, AES_CM_128_HMAC_SHA1_32: 4, AEAD_AES_128_GCM: 16, AEAD_AES_256_GCM: 16 };
/** SRTCP keeps the 80-bit tag with either suite (RFC 5764 §4.1.2). */
const SRTCP_TAG_LENGTH = 10;

/** Fresh srtpParameters as transport.connect() takes them. */
function randomParameters(cryptoSuite = 'AES_CM_128_HMAC_SHA1_80') {
  return { cryptoSuite, keyBase64: crypto.randomBytes(30).toString('base64') };
}

/** Encryption, authentication and salting keys from the labels first, first + 1, first + 2 (§4.3.2). */
function keys(masterKey, masterSalt, first) {
  return {
    key: derive(masterKey, masterSalt, first, 16),
    authKey: derive(masterKey, masterSalt, first + 1, 20),
    salt: derive(masterKey, masterSalt, first + 2, 14)
  };
}

/** The AES-CM PRF of §4.3.3 with key derivation rate 0. */
function derive(masterKey, masterSalt, label, length) {
  const iv = Buffer.alloc(16);
  masterSalt.copy(iv);
  iv[7] ^= label;
  return crypto.createCipheriv('aes-128-ctr', masterKey, iv).update(Buffer.alloc(length));
}

/**
 * One direction of SRTP for RTP packets keyed by `srtpParameters`; it follows each SSRC's
 * rollover counter from the sequence numbers it sees (no reordering in these tests).
 */
function context({ cryptoSuite, keyBase64 }) {
  const master = Buffer.from(keyBase64, 'base64');
  const masterKey = master.subarray(0, 16);
  const masterSalt = master.subarray(16, 30);
  const rtpKeys = keys(masterKey, masterSalt, 0x00);
  const rtcpKeys = keys(masterKey, masterSalt, 0x03);
  const tagLength = TAG_LENGTH[cryptoSuite];
  const streams = new Map();
  let srtcpIndex = 0;

  function roc(ssrc, seq) {
    const state = streams.get(ssrc) || { roc: 0, seq };
    if (seq < state.seq && state.seq - seq > 0x8000) state.roc++;
    state.seq = seq;
    streams.set(ssrc, state);
    return state.roc;
  }

  function headerLength(packet) {
    let length = 12 + 4 * (packet[0] & 0x0f);
    if (packet[0] & 0x10) length += 4 + 4 * packet.readUInt16BE(length + 2);
    return length;
  }

  function keystreamXor({ key, salt }, ssrc, index, data) {
    const iv = Buffer.alloc(16);
    salt.copy(iv);
    iv.writeUInt32BE((iv.readUInt32BE(4) ^ ssrc) >>> 0, 4);
    iv.writeUInt16BE(iv.readUInt16BE(8) ^ Math.floor(index / 0x100000000), 8);
    iv.writeUInt32BE((iv.readUInt32BE(10) ^ (index % 0x100000000)) >>> 0, 10);
    return crypto.createCipheriv('aes-128-ctr', key, iv).update(data);
  }

  function tag(authenticated, rolloverCounter) {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(rolloverCounter);
    return crypto.createHmac('sha1', rtpKeys.authKey).update(authenticated).update(counter).digest()
      .subarray(0, tagLength);
  }

  function rtcpTag(authenticated) {
    return crypto.createHmac('sha1', rtcpKeys.authKey).update(authenticated).digest().subarray(0, SRTCP_TAG_LENGTH);
  }

  return {
    /** The SRTP packet of an RTP packet. */
    protect(packet) {
      const ssrc = packet.readUInt32BE(8);
      const seq = packet.readUInt16BE(2);
      const rolloverCounter = roc(ssrc, seq);
      const header = headerLength(packet);
      const encrypted = Buffer.concat([
        packet.subarray(0, header),
        keystreamXor(rtpKeys, ssrc, rolloverCounter * 0x10000 + seq, packet.subarray(header))
      ]);
      return Buffer.concat([ encrypted, tag(encrypted, rolloverCounter) ]);
    },
    /** The RTP packet of an SRTP packet, or null when its tag is not right. */
    unprotect(srtp) {
      const ssrc = srtp.readUInt32BE(8);
      const seq = srtp.readUInt16BE(2);
      const rolloverCounter = roc(ssrc, seq);
      const authenticated = srtp.subarray(0, srtp.length - tagLength);
      if (!crypto.timingSafeEqual(tag(authenticated, rolloverCounter), srtp.subarray(srtp.length - tagLength))) {
        return null;
      }
      const header = headerLength(authenticated);
      return Buffer.concat([
        authenticated.subarray(0, header),
        keystreamXor(rtpKeys, ssrc, rolloverCounter * 0x10000 + seq, authenticated.subarray(header))
      ]);
    },
    /** The SRTCP packet of an RTCP (compound) packet: encrypted after its first 8 bytes, E flag and index, tag. */
    protectRtcp(packet) {
      srtcpIndex++;
      const index = Buffer.alloc(4);
      index.writeUInt32BE((0x80000000 | srtcpIndex) >>> 0);
      const authenticated = Buffer.concat([
        packet.subarray(0, 8),
        keystreamXor(rtcpKeys, packet.readUInt32BE(4), srtcpIndex, packet.subarray(8)),
        index
      ]);
      return Buffer.concat([ authenticated, rtcpTag(authenticated) ]);
    },
    /** The RTCP packet of an SRTCP packet, or null when its tag is not right. */
    unprotectRtcp(srtcp) {
      const authenticated = srtcp.subarray(0, srtcp.length - SRTCP_TAG_LENGTH);
      if (!crypto.timingSafeEqual(rtcpTag(authenticated), srtcp.subarray(srtcp.length - SRTCP_TAG_LENGTH))) {
        return null;
      }
      const word = authenticated.readUInt32BE(authenticated.length - 4);
      const body = authenticated.subarray(8, authenticated.length - 4);
      const clear = (word & 0x80000000) ? keystreamXor(rtcpKeys, srtcp.readUInt32BE(4), word & 0x7fffffff, body) : body;
      return Buffer.concat([ srtcp.subarray(0, 8), clear ]);
    }
  };
}

module.exports = { randomParameters, context, TAG_LENGTH };
