// Transport options the C++ 3.8.4 worker wraps or accepts as they come (a port over 65535, 70000
// or 0 SCTP streams, a 2^53-byte maxSctpMessageSize) are refused by ours with a TypeError, as
// the Node library reports it; and the dumps' maxMessageSize is the C++ worker's for each kind.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { mediasoup } = require('./harness');

let worker;
let router;

before(async () => {
  worker = await mediasoup.createWorker({ logLevel: 'warn' });
  router = await worker.createRouter();
});

after(() => worker.close());

const listenIp = '127.0.0.1';
const sctp = (numSctpStreams, maxSctpMessageSize = 262144) => ({ enableSctp: true, numSctpStreams, maxSctpMessageSize });
const streamsRange = /wrong numSctpStreams\.OS and\/or numSctpStreams\.MIS \(must be from 1 to 65535\)/;

const refused = [
  [ 'createPlainTransport', { listenIp, port: 70000 }, /wrong port \(greater than 65535\)/ ],
  [ 'createPipeTransport', { listenIp, port: 65536 }, /wrong port \(greater than 65535\)/ ],
  [ 'createWebRtcTransport', { listenIps: [ listenIp ], port: 70000 }, /wrong port \(greater than 65535\)/ ],
  [ 'createPlainTransport', { listenIp, ...sctp({ OS: 70000, MIS: 16 }) }, streamsRange ],
  [ 'createWebRtcTransport', { listenIps: [ listenIp ], ...sctp({ OS: 16, MIS: 0 }) }, streamsRange ],
  [ 'createPipeTransport', { listenIp, ...sctp({ OS: 16, MIS: 70000 }) }, streamsRange ],
  [ 'createPlainTransport', { listenIp, ...sctp({ OS: 16, MIS: 16 }, 2 ** 53) },
    /wrong maxSctpMessageSize \(maximum value exceeded\)/ ]
];

for (const [ method, options, reason ] of refused) {
  test(`${method}(${JSON.stringify(options)}) is refused`, async () => {
    await assert.rejects(router[method](options), (error) => error.name === 'TypeError' && reason.test(error.message));
  });
}

test('connect() refuses a port over 65535', async () => {
  const transport = await router.createPlainTransport({ listenIp });
  await assert.rejects(transport.connect({ ip: '127.0.0.2', port: 70000 }),
    (error) => error.name === 'TypeError' && /wrong port \(greater than 65535\)/.test(error.message));
  transport.close();
});

test('dumps carry the C++ worker\'s maxMessageSize for each transport kind', async () => {
  const kinds = [
    [ 'createPlainTransport', { listenIp }, 262144 ],
    [ 'createPipeTransport', { listenIp }, 262144 ],
    [ 'createWebRtcTransport', { listenIps: [ listenIp ] }, 262144 ],
    [ 'createPipeTransport', { listenIp, enableSctp: true }, 268435456 ],
    [ 'createDirectTransport', { maxMessageSize: 1000 }, 1000 ]
  ];
  for (const [ method, options, maxMessageSize ] of kinds) {
    const transport = await router[method](options);
    assert.equal((await transport.dump()).maxMessageSize, maxMessageSize, method);
    transport.close();
  }
});
