// Start-up of a worker binary, N spawns one after another through the mediasoup 3.8.4 Node
// library: per spawn the time from spawn to a created router, the worker's CPU time (every
// thread) at that moment, which a busy machine distorts less than the wall time, and the idle
// RSS 1 s later, then the time the first WebRtcTransport takes (the DTLS certificate is made for
// it); and the time to a rejected createWorker() with a wrong log level (the worker's exit 42).
// Prints the medians and every run.
//
//   MEDIASOUP_WORKER_BIN=scripts/mediasoup-worker node benchmarks/floor/startup.js [N]
'use strict';

const { mediasoup: ms, OPUS_MEDIA_CODECS, rssKiB } = require('./common');
const fs = require('node:fs');
function cpuMs(pid) {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(s[11]) + Number(s[12])) * 10; // utime+stime of the process, all threads, ticks of 10 ms
}
(async () => {
  const n = Number(process.argv[2] || 5);
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const worker = await ms.createWorker({ logLevel: 'warn' });
    const router = await worker.createRouter({ mediaCodecs: OPUS_MEDIA_CODECS });
    const ready = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = cpuMs(worker.pid);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = Number((rssKiB(worker.pid) / 1024).toFixed(1));
    const t1 = process.hrtime.bigint();
    await router.createWebRtcTransport({ listenIps: [{ ip: '127.0.0.1' }] });
    const webRtc = Number(process.hrtime.bigint() - t1) / 1e6;
    out.push([Math.round(ready), cpu, rss, Math.round(webRtc)]);
    worker.close();
    await new Promise((r) => setTimeout(r, 300));
    const t2 = process.hrtime.bigint();
    await ms.createWorker({ logLevel: 'chicken' }).then(() => { throw new Error('a wrong logLevel was accepted'); }, () => {});
    out[i].push(Math.round(Number(process.hrtime.bigint() - t2) / 1e6));
  }
  const med = (k) => out.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(n / 2)];
  console.log(`median ready ${med(0)} ms cpu ${med(1)} ms rss ${med(2)} MiB webRtcTransport ${med(3)} ms badSettings ${med(4)} ms  runs ${JSON.stringify(out)}`);
})();
