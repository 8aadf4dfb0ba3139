// A bandwidth cap for the layers tests and recordings: tc on this network namespace's
// loopback (scripts/e2e-browser and scripts/record-bwe make one), shaping only UDP that leaves
// the worker's side of the receiving transport.
'use strict';

const { execFileSync } = require('node:child_process');

const tc = (...args) => execFileSync('tc', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** Caps what leaves `port` to `rate` (tc syntax, e.g. '300kbit'). */
function capPort(port, rate) {
  tc('qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '10');
  tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:10', 'htb', 'rate', '10gbit');
  tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:20', 'htb', 'rate', rate, 'ceil', rate, 'burst', '6k');
  // A short queue: past the cap packets are lost, not just delayed without end.
  tc('qdisc', 'add', 'dev', 'lo', 'parent', '1:20', 'handle', '20:', 'pfifo', 'limit', '30');
  tc('filter', 'add', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32',
    'match', 'ip', 'protocol', '17', '0xff', 'match', 'ip', 'sport', String(port), '0xffff', 'flowid', '1:20');
}

/** The capped class's counters, on one line. */
function capStats() {
  return tc('-s', 'class', 'show', 'dev', 'lo', 'classid', '1:20').replace(/\s+/g, ' ');
}

function uncap() {
  try {
    tc('qdisc', 'del', 'dev', 'lo', 'root');
  } catch (error) {
    // Nothing to remove is fine; anything else is worth seeing.
    if (!/No such file|Cannot delete qdisc with handle of zero/.test(String(error.stderr))) throw error;
  }
}

module.exports = { capPort, capStats, uncap };
