// Compares two records of scripts/compare/scenario.js (ours, then the reference's) structurally and
// prints each difference as "path: what"; exits 1 when there is any.
//
// Objects must have the same keys (maps keyed by SSRC only the same number of keys, SSRCs being
// random), arrays the same length, values the same type. Strings and booleans must be equal, except
// identifiers and addresses. Numbers must agree on being zero, except the few that depend on timing
// (VOLATILE); those in EQUAL must be equal: what the scenario sent is fixed, so what arrived is too.
'use strict';

const fs = require('node:fs');

/** Numbers whose zero-ness depends on when the stats were taken or on the estimator's state. */
const VOLATILE = [
  /\.(recvBitrate|sendBitrate|rtpRecvBitrate|rtpSendBitrate|rtxRecvBitrate|rtxSendBitrate|probationSendBitrate)$/,
  /\.(bitrate|jitter|roundTripTime|rtxPacketsDiscarded|packetsDiscarded|packetsRepaired|nackCount|nackPacketCount|pliCount|firCount|fractionLost|packetsLost)$/,
  /\.bitrateByLayer\./,
  /\.(availableOutgoingBitrate|availableIncomingBitrate|rtpPacketLossReceived|rtpPacketLossSent)$/,
  /^events\.[^.]+\.trace\//,
  /^wire\./,
  /\.(remotePort|localPort|port)$/
];

/**
 * Keys present only once something has happened whose time is not fixed: a stream's
 * roundTripTime appears with the first receiver report that echoes one of its sender reports,
 * and both run on randomised ~1 s RTCP timers.
 */
const OPTIONAL_KEY = /^roundTripTime$/;

/** Numbers that must be equal: what arrived of the fixed input. */
const EQUAL = [
  /^stats\.ingress\.0\.(bytesReceived|rtpBytesReceived|rtxBytesReceived)$/,
  /^stats\.producer\.\d+\.(packetCount|byteCount)$/,
  /^events\.directConsumer\.rtp$/
];

/** Strings that differ between runs: identifiers, random SSRC-derived names, addresses. */
const VOLATILE_STRING = /(^|\.)(id|[a-zA-Z]*Id|cname|transportId|mid|rtpStreams\.\d+\.params\.cname)$|Ids\.\d+$|\.(localIp|remoteIp|ip)$/;

const isSsrcMap = (object) => Object.keys(object).length > 0 && Object.keys(object).every((key) => /^\d+$/.test(key));

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function compare(ours, reference, path, differences) {
  const ourType = typeOf(ours);
  const referenceType = typeOf(reference);
  if (ourType !== referenceType) {
    differences.push(`${path}: ${ourType} (${JSON.stringify(ours)}), reference ${referenceType} (${JSON.stringify(reference)})`);
    return;
  }
  switch (ourType) {
    case 'object': {
      if (isSsrcMap(ours) || isSsrcMap(reference)) {
        if (Object.keys(ours).length !== Object.keys(reference).length) {
          differences.push(`${path}: ${Object.keys(ours).length} SSRCs, reference ${Object.keys(reference).length}`);
        }
        return;
      }
      for (const key of Object.keys(reference)) {
        if (!(key in ours) && !OPTIONAL_KEY.test(key)) differences.push(`${path}.${key}: missing (reference ${JSON.stringify(reference[key])})`);
      }
      for (const key of Object.keys(ours)) {
        if (!(key in reference)) {
          if (!OPTIONAL_KEY.test(key)) differences.push(`${path}.${key}: extra (${JSON.stringify(ours[key])})`);
        } else compare(ours[key], reference[key], `${path}.${key}`, differences);
      }
      return;
    }
    case 'array':
      if (ours.length !== reference.length) {
        differences.push(`${path}: ${ours.length} elements, reference ${reference.length}`);
      }
      for (let i = 0; i < Math.min(ours.length, reference.length); i++) {
        compare(ours[i], reference[i], `${path}.${i}`, differences);
      }
      return;
    case 'number': {
      const bare = path.replace(/^\./, '');
      if (EQUAL.some((pattern) => pattern.test(bare))) {
        if (ours !== reference) differences.push(`${bare}: ${ours}, reference ${reference}`);
      } else if (!VOLATILE.some((pattern) => pattern.test(bare)) && (ours === 0) !== (reference === 0)) {
        differences.push(`${bare}: ${ours}, reference ${reference} (zero in one only)`);
      }
      return;
    }
    case 'string':
      if (ours !== reference && !VOLATILE_STRING.test(path)) {
        differences.push(`${path.replace(/^\./, '')}: ${JSON.stringify(ours)}, reference ${JSON.stringify(reference)}`);
      }
      return;
    default:
      if (ours !== reference) differences.push(`${path.replace(/^\./, '')}: ${ours}, reference ${reference}`);
  }
}

const [ ourFile, referenceFile ] = process.argv.slice(2);
const ours = JSON.parse(fs.readFileSync(ourFile, 'utf8'));
const reference = JSON.parse(fs.readFileSync(referenceFile, 'utf8'));
const differences = [];
compare(ours, reference, '', differences);
const normalise = (d) => d.replace(/^\./, '');
for (const difference of differences) console.log(normalise(difference));
console.log(differences.length === 0 ? 'compare: no difference' : `compare: ${differences.length} difference(s)`);
process.exit(differences.length === 0 ? 0 : 1);
