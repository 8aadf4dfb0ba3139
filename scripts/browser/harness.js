// What every browser test needs: the server (server.js, in its own process so its log and
// the worker's are kept apart per test), a fresh headless Chromium on the page, and, when
// a test fails, everything both sides said. Full logs go to scripts/browser/results/.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const RESULTS = path.join(__dirname, 'results');
const BODY_TIMEOUT_MS = 90000;

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

/** Starts server.js; resolves once it listens, with its URL and its log so far. */
function startServer(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const logFile = path.join(RESULTS, `${name}-server.log`);
  const lines = [];
  const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
    env: { ...process.env, DEBUG: process.env.DEBUG || 'mediasoup*', DEBUG_COLORS: 'false' },
    // The server exits when its stdin closes, so it never outlives the tests.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    lines.push(`server exited (${signal || code})`);
    resolve();
  }));
  const collect = (stream) => readline.createInterface({ input: stream }).on('line', (line) => lines.push(line));
  collect(child.stderr);
  return new Promise((resolve, reject) => {
    const stdout = readline.createInterface({ input: child.stdout });
    stdout.on('line', (line) => {
      const match = /^listening (\S+)$/.exec(line);
      if (!match) {
        lines.push(line);
        return;
      }
      resolve({
        url: match[1],
        lines,
        async stop() {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(timer);
          fs.writeFileSync(logFile, `${lines.join('\n')}\n`);
        },
        logFile,
      });
    });
    exited.then(() => reject(new Error(`server exited before listening:\n${lines.join('\n')}`)));
  });
}

/**
 * A headless Chromium with a fresh profile, one page on `url`, and its console collected.
 * Started here rather than by Playwright (which then attaches over CDP) so that its stderr,
 * where WebRTC logs ICE, DTLS and SRTP, is ours to keep.
 */
async function openBrowser(name, url, extraFlags = []) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmediasoup-chromium-'));
  const chromiumLines = [];
  const child = spawn(CHROMIUM, [
    ...CHROMIUM_FLAGS,
    ...extraFlags,
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    '--enable-logging=stderr',
    '--vmodule=*/webrtc/*=1',
    'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const endpoint = new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      chromiumLines.push(line);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]);
    });
    exited.then(() => reject(new Error(`chromium exited before listening:\n${chromiumLines.join('\n')}`)));
  });
  const close = async () => {
    // Chromium's own children (renderer, GPU, audio) share its process group.
    try { process.kill(-child.pid, 'SIGTERM'); } catch {}
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, 3000);
    await exited;
    clearTimeout(timer);
    fs.writeFileSync(path.join(RESULTS, `${name}-chromium.log`), `${chromiumLines.join('\n')}\n`);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const browser = await chromium.connectOverCDP(await endpoint);
    const context = browser.contexts()[0];
    await context.addInitScript(() => {
      localStorage.setItem('debug', 'mediasoup-client:WARN* mediasoup-client:ERROR*');
    });
    const consoleLines = [];
    const page = await context.newPage();
    // The debug module's %c styling means nothing outside DevTools.
    const plain = (text) => text.replace(/%c/g, '').replace(/ ?color: (\\?#[0-9A-Fa-f]{6}|inherit)/g, '');
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${plain(message.text())}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack || error}`));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.loopbackMedia === 'function');
    return {
      page,
      consoleLines,
      chromiumLines,
      chromiumLog: path.join(RESULTS, `${name}-chromium.log`),
      async close() {
        await browser.close().catch(() => {});
        fs.writeFileSync(path.join(RESULTS, `${name}-console.log`), `${consoleLines.join('\n')}\n`);
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function tail(lines, count) {
  return lines.length <= count ? lines : [`... (${lines.length - count} earlier lines)`, ...lines.slice(-count)];
}

/** The lines of Chromium's log about the connection (ICE, DTLS, SRTP, SCTP), but each ping. */
function connectionLines(lines) {
  const perPing = /Sending STUN ping|Sent STUN BINDING|Received STUN|UpdateState\(\)|Ping|ping /;
  return lines.filter((line) => (/third_party\/webrtc\/(p2p|pc|media\/sctp|net)\//.test(line)
    || /dtls|srtp|sctp/i.test(line)) && !perPing.test(line));
}

/** Calls one of server.js's signalling methods, as the page does. */
async function serverRpc(url, method, data) {
  const response = await fetch(new URL(`/rpc/${method}`, url), { method: 'POST', body: JSON.stringify(data) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} failed: ${text}`);
  return JSON.parse(text);
}

/**
 * Runs `body(page, serverState, rpc)` with a fresh server and browser; if it throws or takes longer
 * than `timeoutMs`, prints the browser console, the server's state and log, and
 * Chromium's WebRTC log before failing.
 */
async function withBrowser(name, body, { timeoutMs = BODY_TIMEOUT_MS, chromiumFlags = [] } = {}) {
  const server = await startServer(name);
  const serverState = async () => (await fetch(new URL('/state', server.url))).json();
  let browser;
  let timer;
  try {
    browser = await openBrowser(name, server.url, chromiumFlags);
    await Promise.race([
      body(browser.page, serverState, (method, data) => serverRpc(server.url, method, data)),
      new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} took longer than ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    const state = await serverState().catch((stateError) => `unavailable: ${stateError}`);
    const report = [
      `=== ${name}: browser console ===`,
      ...(browser ? browser.consoleLines : ['(browser did not start)']),
      `=== ${name}: server state ===`,
      JSON.stringify(state, null, 2),
      `=== ${name}: server log (last lines; whole log in ${server.logFile}) ===`,
      ...tail(server.lines, 300),
      ...(browser ? [
        `=== ${name}: Chromium WebRTC log (last lines; whole log in ${browser.chromiumLog}) ===`,
        ...tail(connectionLines(browser.chromiumLines), 120),
      ] : []),
    ];
    process.stderr.write(`${report.join('\n')}\n`);
    throw error;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close();
    await server.stop();
  }
}

/**
 * Chromium advertises the dependency descriptor (AV1 RTP specification, Appendix A) only
 * behind this field trial; the AV1 tests turn it on, since AV1's layers travel in it.
 */
const DEPENDENCY_DESCRIPTOR_FLAGS = ['--force-fieldtrials=WebRTC-DependencyDescriptorAdvertised/Enabled/'];

module.exports = { withBrowser, DEPENDENCY_DESCRIPTOR_FLAGS };
