// Transport options each era's C++ worker refuses are refused by ours with the same TypeError,
// as the Node library reports it: under 3.8 also those the C++ 3.8.4 worker wraps or accepts as
// they come (a port over 65535, 70000 or 0 SCTP streams, a 2^53-byte maxSctpMessageSize). And
// the dumps' message sizes are the C++ worker's for each transport kind.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { is332, listen, listenWebRtc, sctp, workerAndRouter } = require('./harness');

const room = workerAndRouter();

const streamsRange = /wrong numSctpStreams\.OS and\/or numSctpStreams\.MIS \(must be from 1 to 65535\)/;

// 3.32's library writes ports into 16-bit fields and negotiates no SCTP stream counts: what its
// worker refuses is a TCP listen where only UDP serves, and a too small SCTP receive window.
const refused = is332 ? [
  [ 'createPlainTransport', { listenInfo: { protocol: 'tcp', ip: '127.0.0.1' } }, /^unsupported listen protocol$/ ],
  [ 'createPipeTransport', { listenInfo: { protocol: 'tcp', ip: '127.0.0.1' } }, /^unsupported listen protocol$/ ],
  [ 'createPlainTransport', { ...listen(), ...sctp(), sctpMaxReceiverWindowBufferSize: 65535 },
    /^sctpMaxReceiverWindowBufferSize must be at least 65536$/ ]
] : [
  [ 'createPlainTransport', listen(70000), /wrong port \(greater than 65535\)/ ],
  [ 'createPipeTransport', listen(65536), /wrong port \(greater than 65535\)/ ],
  [ 'createWebRtcTransport', listenWebRtc({ port: 70000 }), /wrong port \(greater than 65535\)/ ],
  [ 'createPlainTransport', { ...listen(), ...sctp({ OS: 70000, MIS: 16 }) }, streamsRange ],
  [ 'createWebRtcTransport', { ...listenWebRtc(), ...sctp({ OS: 16, MIS: 0 }) }, streamsRange ],
  [ 'createPipeTransport', { ...listen(), ...sctp({ OS: 16, MIS: 70000 }) }, streamsRange ],
  [ 'createPlainTransport', { ...listen(), ...sctp({ OS: 16, MIS: 16, maxMessageSize: 2 ** 53 }) },
    /wrong maxSctpMessageSize \(maximum value exceeded\)/ ]
];

for (const [ method, options, reason ] of refused) {
  test(`${method}(${JSON.stringify(options)}) is refused`, async () => {
    await assert.rejects(room.router[method](options), (error) => error.name === 'TypeError' && reason.test(error.message));
  });
}

test('connect() refuses a port over 65535', { skip: is332 && '3.32\'s library writes the port into a 16-bit field' }, async () => {
  const transport = await room.router.createPlainTransport(listen());
  await assert.rejects(transport.connect({ ip: '127.0.0.2', port: 70000 }),
    (error) => error.name === 'TypeError' && /wrong port \(greater than 65535\)/.test(error.message));
  transport.close();
});

test('connect() without a port is refused', async () => {
  const transport = await room.router.createPlainTransport(listen());
  await assert.rejects(transport.connect({ ip: '127.0.0.2' }), (error) => error.name === 'TypeError' && /missing port/.test(error.message));
  transport.close();
});

test('dumps carry the C++ worker\'s message sizes for each transport kind', async () => {
  // 3.32 keeps a send and a receive limit, as created (the library's default is 262144).
  const kinds = is332 ? [
    [ 'createPlainTransport', listen(), { maxSendMessageSize: 262144, maxReceiveMessageSize: 262144 } ],
    [ 'createPipeTransport', { ...listen(), enableSctp: true }, { maxSendMessageSize: 262144, maxReceiveMessageSize: 262144 } ],
    [ 'createWebRtcTransport', listenWebRtc(), { maxSendMessageSize: 262144, maxReceiveMessageSize: 262144 } ],
    [ 'createDirectTransport', { maxSendMessageSize: 1000, maxReceiveMessageSize: 2000 },
      { maxSendMessageSize: 1000, maxReceiveMessageSize: 2000 } ]
  ] : [
    [ 'createPlainTransport', listen(), { maxMessageSize: 262144 } ],
    [ 'createPipeTransport', listen(), { maxMessageSize: 262144 } ],
    [ 'createWebRtcTransport', listenWebRtc(), { maxMessageSize: 262144 } ],
    [ 'createPipeTransport', { ...listen(), enableSctp: true }, { maxMessageSize: 268435456 } ],
    [ 'createDirectTransport', { maxMessageSize: 1000 }, { maxMessageSize: 1000 } ]
  ];
  for (const [ method, options, sizes ] of kinds) {
    const transport = await room.router[method](options);
    const dump = await transport.dump();
    for (const [ field, size ] of Object.entries(sizes)) assert.equal(dump[field], size, `${method} ${field}`);
    transport.close();
  }
});
