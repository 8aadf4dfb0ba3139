// What every end-to-end test needs: the real mediasoup 3.8.4 Node library (from the
// conformance suite's install), loopback UDP sockets, and waiting for a condition.
'use strict';

const dgram = require('node:dgram');
const path = require('node:path');

const mediasoup = require(path.join(__dirname, '..', 'conformance-suite', 'node_modules', 'mediasoup'));

/** A UDP socket bound to an ephemeral loopback port. */
function udpSocket() {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => resolve(socket));
  });
}

/** Resolves true once `condition()` holds, false after `timeoutMs`. */
async function until(condition, timeoutMs = 4000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

module.exports = { mediasoup, udpSocket, until };
