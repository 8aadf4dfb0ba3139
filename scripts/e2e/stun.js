// Minimal STUN (RFC 5389) as a browser's ICE agent sends it, for the end-to-end tests: Binding
// requests signed with HMAC-SHA1 (node:crypto) and FINGERPRINT (zlib's CRC-32), and response
// parsing with both checked, so the worker under test is not trusted to check its own output.
'use strict';

const crypto = require('node:crypto');
const zlib = require('node:zlib');

const MAGIC_COOKIE = 0x2112a442;

function attribute(type, value) {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

function header(type, length, transactionId) {
  const buffer = Buffer.alloc(20);
  buffer.writeUInt16BE(type, 0);
  buffer.writeUInt16BE(length, 2);
  buffer.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(buffer, 8);
  return buffer;
}

function uint32(value) {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

function hmac(password, data) {
  return crypto.createHmac('sha1', password).update(data).digest();
}

function fingerprint(data) {
  return (zlib.crc32(data) ^ 0x5354554e) >>> 0;
}

/**
 * A Binding request from the controlling agent, with USE-CANDIDATE when `useCandidate` and a
 * NOMINATION attribute (renomination, 0x0030) when `nomination` is a number.
 */
function bindingRequest({ username, password, useCandidate = false, nomination, transactionId = crypto.randomBytes(12) }) {
  const priority = Buffer.alloc(4);
  priority.writeUInt32BE(0x6e0001ff);
  let attributes = Buffer.concat([
    attribute(0x0006, Buffer.from(username)),
    attribute(0x0024, priority),
    attribute(0x802a, crypto.randomBytes(8)),
    useCandidate ? attribute(0x0025, Buffer.alloc(0)) : Buffer.alloc(0),
    nomination === undefined ? Buffer.alloc(0) : attribute(0x0030, uint32(nomination))
  ]);
  const integrity = hmac(password, Buffer.concat([ header(0x0001, attributes.length + 24, transactionId), attributes ]));
  attributes = Buffer.concat([ attributes, attribute(0x0008, integrity) ]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(fingerprint(Buffer.concat([ header(0x0001, attributes.length + 8, transactionId), attributes ])));
  attributes = Buffer.concat([ attributes, attribute(0x8028, crc) ]);
  return Buffer.concat([ header(0x0001, attributes.length, transactionId), attributes ]);
}

/**
 * The type, transaction id, attributes (by type, and their types in order), whether MESSAGE-INTEGRITY matches `password`
 * and whether FINGERPRINT matches, or null when `data` is not a STUN message.
 */
function parse(data, password) {
  if (data.length < 20 || data.readUInt32BE(4) !== MAGIC_COOKIE || data.readUInt16BE(2) !== data.length - 20) return null;
  const message = { type: data.readUInt16BE(0), transactionId: data.subarray(8, 20), attributes: {}, order: [] };
  let offset = 20;
  while (offset + 4 <= data.length) {
    const type = data.readUInt16BE(offset);
    const length = data.readUInt16BE(offset + 2);
    const value = data.subarray(offset + 4, offset + 4 + length);
    message.attributes[type] = value;
    message.order.push(type);
    if (type === 0x0008) {
      const covered = Buffer.from(data.subarray(0, offset));
      covered.writeUInt16BE(offset + 24 - 20, 2);
      message.integrityOk = hmac(password, covered).equals(value);
    } else if (type === 0x8028) {
      message.fingerprintOk = value.readUInt32BE(0) === fingerprint(data.subarray(0, offset));
    }
    offset += 4 + Math.ceil(length / 4) * 4;
  }
  return message;
}

/** The XOR-MAPPED-ADDRESS of an IPv4 response as { ip, port }. */
function xorMappedAddress(message) {
  const value = message.attributes[0x0020];
  const port = value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const ip = [ 0, 1, 2, 3 ].map((i) => value[4 + i] ^ ((MAGIC_COOKIE >>> (24 - 8 * i)) & 0xff)).join('.');
  return { family: value[1], ip, port };
}

module.exports = { bindingRequest, parse, xorMappedAddress };
