// The launcher answers wrong settings itself, before a JVM starts, and must answer exactly as
// the worker would: for each command line, either the launcher refuses it (exit 42) with the
// very line the JVM prints for it, or it leaves the judgement to the JVM. Which of the two
// happened is seen by pointing JAVA_HOME at a folder without a JVM.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { mediasoup } = require('./harness');

const root = path.resolve(__dirname, '..', '..');
const launcher = path.join(root, 'scripts', 'mediasoup-worker');
const jar = path.join(root, 'worker', 'target', 'mediasoup-worker.jar');
const noJvm = fs.mkdtempSync(path.join(os.tmpdir(), 'no-jvm-'));
const readable = path.join(noJvm, 'cert.pem');
// The version the era's library tells its worker.
const VERSION = mediasoup.version;
fs.writeFileSync(readable, 'not checked before the worker reads it');

function run(command, args, env) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status, stderr: result.stderr };
}

const ANSWERED_BY_LAUNCHER = [
  ['--logLevel=chicken'],
  ['--logLevel=WARN', '--logLevel=Chicken'],
  ['--logLevel='],
  ['--rtcMinPort=1000', '--rtcMaxPort=999'],
  ['--rtcMinPort=1000', '--rtcMaxPort=65536'],
  ['--rtcMaxPort=0099', '--rtcMinPort=100'],
  ['--dtlsCertificateFile=/notfound/cert.pem'],
  ['--dtlsPrivateKeyFile=/notfound/priv.pem'],
  ['--dtlsCertificateFile=/notfound/cert.pem', '--dtlsPrivateKeyFile=/notfound/priv.pem'],
  [`--dtlsCertificateFile=${readable}`, '--dtlsPrivateKeyFile=/notfound/priv.pem'],
  ['--logLevel=debug', '--rtcMinPort=70000', '--logTags=chicken'],
];

const LEFT_TO_THE_JVM = [
  ['--logLevel=warn', '--rtcMinPort=10000', '--rtcMaxPort=59999'],
  ['--logTags=chicken', '--logLevel=chicken'],
  ['--rtcMinPort=abc', '--logLevel=chicken'],
  ['--rtcMinPort=99999999999', '--rtcMaxPort=1'],
  ['-logLevel=chicken'],
  ['--logLev=chicken'],
  ['--dtlsCertificateFile=', '--dtlsPrivateKeyFile=/notfound/priv.pem'],
  ['--', '--logLevel=chicken'],
];

for (const args of ANSWERED_BY_LAUNCHER) {
  test(`the launcher refuses ${args.join(' ')} as the worker does`, () => {
    const env = { MEDIASOUP_VERSION: VERSION };
    const jvm = run('java', ['-jar', jar, ...args], env);
    assert.equal(jvm.status, 42, jvm.stderr);
    const fast = run(launcher, args, { ...env, JAVA_HOME: noJvm });
    assert.deepEqual(fast, jvm);
  });
}

for (const args of LEFT_TO_THE_JVM) {
  test(`the launcher leaves ${args.join(' ')} to the worker`, () => {
    const fast = run(launcher, args, { MEDIASOUP_VERSION: VERSION, JAVA_HOME: noJvm });
    assert.notEqual(fast.status, 42, fast.stderr);
  });
}

test('the launcher judges nothing for a MEDIASOUP_VERSION the worker does not speak', () => {
  const fast = run(launcher, ['--logLevel=chicken'], { MEDIASOUP_VERSION: '3.9.0', JAVA_HOME: noJvm });
  assert.notEqual(fast.status, 42, fast.stderr);
});
