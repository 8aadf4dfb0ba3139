// Summarises the runs of scripts/bench-forward: reads their JSON lines, writes the result
// JSON and an SVG chart, and prints a table.
//
//   node report.js RUNS_JSONL RESULT_JSON CHART_SVG
'use strict';

const fs = require('node:fs');

const [runsFile, resultFile, chartFile] = process.argv.slice(2);
const runs = fs.readFileSync(runsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
// Per packet the forwarder read: a datagram the kernel dropped at its input socket cost it
// nothing, so per packet sent (cpuUsPerPacketIn) flatters whoever lost the most.
for (const run of runs) {
  run.cpuUsPerPacketRead = run.forwarderCpuUs / (run.measuredPackets - run.forwarderInputDrops);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const floor = runs.filter((run) => run.kind === 'floor');
const ours = runs.filter((run) => run.kind === 'ours');
const reference = runs.filter((run) => run.kind === 'reference');

function summary(group) {
  if (group.length === 0) return null;
  const pick = (key) => median(group.map((run) => run[key]));
  const out = {
    runs: group.length,
    cpuUsPerPacketIn: pick('cpuUsPerPacketIn'),
    cpuUsPerPacketRead: pick('cpuUsPerPacketRead'),
    cpuUsPerPacketOut: pick('cpuUsPerPacketOut'),
    loss: pick('loss'),
    latencyP50Us: pick('latencyP50Us'),
    latencyP99Us: pick('latencyP99Us'),
    rssKiB: pick('rssKiB'),
    achievedRate: pick('achievedRate'),
    loadgenCpuShare: pick('loadgenCpuShare'),
    forwarderInputDrops: pick('forwarderInputDrops'),
    sinkDrops: pick('sinkDrops'),
    srtpFailures: pick('srtpFailures'),
  };
  if (group[0].gcPauses !== undefined) {
    out.gcPauses = pick('gcPauses');
    out.gcPauseMaxMs = pick('gcPauseMaxMs');
    out.gcPauseTotalMs = pick('gcPauseTotalMs');
  }
  if (group[0].spawnToRouterReadyMs !== undefined) {
    out.spawnToRouterReadyMs = pick('spawnToRouterReadyMs');
    out.idleRssKiB = pick('idleRssKiB');
  }
  return out;
}

// Ours and the floor ran back to back; with a reference, ours and it alternated in pairs.
const result = {
  settings: { consumers: runs[0].sinks, rate: runs[0].rate, payload: runs[0].payload, srtp: runs[0].srtp,
    warmupPackets: runs[0].warmupPackets, measuredPackets: runs[0].measuredPackets },
  floor: summary(floor),
  ours: summary(ours),
  reference: summary(reference),
  oursToFloor: summary(ours).cpuUsPerPacketRead / summary(floor).cpuUsPerPacketRead,
  oursToReference: reference.length
    ? median(ours.slice(0, reference.length).map((run, i) => run.cpuUsPerPacketRead / reference[i].cpuUsPerPacketRead))
    : null,
  runs,
};
if (reference.length) result.referenceToFloor = result.reference.cpuUsPerPacketRead / result.floor.cpuUsPerPacketRead;
fs.writeFileSync(resultFile, JSON.stringify(result, null, 2) + '\n');

// A bar per forwarder: CPU per packet read, with loss and latency written beside it.
const bars = [['floor relay (C)', result.floor], ['jmediasoup', result.ours], ['mediasoup 3.8.4 (C++)', result.reference]]
  .filter(([, value]) => value);
const max = Math.max(...bars.map(([, value]) => value.cpuUsPerPacketRead));
const width = 640;
const barHeight = 34;
const left = 170;
const scale = (width - left - 190) / max;
const rows = bars.map(([name, value], i) => {
  const y = 50 + i * (barHeight + 14);
  const w = Math.max(1, value.cpuUsPerPacketRead * scale);
  const colour = ['#8a8a8a', '#d9792b', '#3b6fb6'][i];
  return `<text x="${left - 8}" y="${y + 22}" text-anchor="end">${name}</text>`
    + `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${colour}"/>`
    + `<text x="${(left + w + 6).toFixed(1)}" y="${y + 15}">${value.cpuUsPerPacketRead.toFixed(2)} µs/packet</text>`
    + `<text x="${(left + w + 6).toFixed(1)}" y="${y + 30}" class="small">loss ${(value.loss * 100).toFixed(2)}%, `
    + `p50 ${value.latencyP50Us} µs, p99 ${value.latencyP99Us} µs</text>`;
});
const height = 70 + bars.length * (barHeight + 14);
const s = result.settings;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<style>.small { font-size: 11px; fill: #444; }</style>
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="22" font-weight="bold">CPU per packet read (sent less dropped at the input socket), forwarded to ${s.consumers} consumers (${s.rate} packets/s, ${s.payload}-byte payloads${s.srtp ? `, SRTP ${s.srtp}` : ''})</text>
<text x="10" y="38" class="small">jmediasoup: ${result.oursToFloor.toFixed(2)}× the floor${result.oursToReference ? `, ${result.oursToReference.toFixed(2)}× mediasoup (median of pairs)` : ''}; lower is better</text>
${rows.join('\n')}
</svg>
`;
fs.writeFileSync(chartFile, svg);

const line = (name, value) => value && console.log(`${name.padEnd(12)} ${value.cpuUsPerPacketRead.toFixed(2).padStart(8)} µs/packet read `
  + `${value.cpuUsPerPacketIn.toFixed(2).padStart(7)} µs/packet in `
  + `${value.cpuUsPerPacketOut.toFixed(2).padStart(7)} µs/packet out  loss ${(value.loss * 100).toFixed(3).padStart(7)}%  `
  + `latency p50 ${String(value.latencyP50Us).padStart(6)} µs p99 ${String(value.latencyP99Us).padStart(6)} µs  `
  + `RSS ${(value.rssKiB / 1024).toFixed(1).padStart(6)} MiB  drops in ${value.forwarderInputDrops} at sinks ${value.sinkDrops}`
  + (value.gcPauses !== undefined ? `  GC pauses ${value.gcPauses} (max ${value.gcPauseMaxMs.toFixed(1)} ms, `
    + `total ${value.gcPauseTotalMs.toFixed(1)} ms)` : '')
  + (value.spawnToRouterReadyMs !== undefined ? `  spawn→router ${value.spawnToRouterReadyMs} ms  idle RSS ${(value.idleRssKiB / 1024).toFixed(1)} MiB` : ''));
line('floor', result.floor);
line('jmediasoup', result.ours);
line('mediasoup', result.reference);
console.log(`per packet read: jmediasoup / floor: ${result.oursToFloor.toFixed(2)}`
  + (result.oursToReference ? `; jmediasoup / mediasoup (median of ${reference.length} pairs): ${result.oursToReference.toFixed(2)}` : ''));
console.log(`result: ${resultFile}\nchart:  ${chartFile}`);
