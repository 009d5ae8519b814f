// The Electron runtime: finding it without triggering electron's lazy download, running Electron's own
// installer once (time-limited) for `npm start`, and the pure decision "desktop window or browser shell".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPkg = path.join(root, 'node_modules', 'electron');

/** How long `npm start` lets Electron's installer download the runtime (it shows its own progress). */
export const INSTALL_TIMEOUT_MS = 5 * 60_000;
/** How long `npm start` lets @electron/rebuild make the better-sqlite3 build for Electron (a source build is ~2–3 min). */
export const BUILD_TIMEOUT_MS = 10 * 60_000;

/** The directory holding the runtime: node_modules/electron/dist, or ELECTRON_OVERRIDE_DIST_PATH. */
export function electronDistDir() {
  return process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronPkg, 'dist');
}

/** The Electron executable, or null when the runtime is not there. Never downloads (unlike `require('electron')`). */
export function electronBinary() {
  const pathFile = path.join(electronPkg, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const dist = electronDistDir();
  const candidates = rel ? [path.join(dist, rel)] : [path.join(dist, 'electron'), path.join(dist, 'electron.exe'), path.join(dist, 'Electron.app/Contents/MacOS/Electron')];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** The version of the runtime that is there (dist/version), else the one the electron package installs. */
export function electronVersion() {
  try {
    return fs.readFileSync(path.join(electronDistDir(), 'version'), 'utf8').trim().replace(/^v/, '');
  } catch {
    return JSON.parse(fs.readFileSync(path.join(electronPkg, 'package.json'), 'utf8')).version;
  }
}

/** Human-readable duration for the messages: "5 min", "90 s", "300 ms". */
export function formatMs(ms) {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 10_000) return `${Math.round(ms / 1000)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms} ms`;
}

/**
 * Runs a command with a time limit. Its output goes straight to this terminal (progress bars included).
 * On POSIX it gets its own process group, so a timeout or Ctrl-C ends its children too (node-gyp's
 * compiler, for instance): SIGTERM first, SIGKILL after `graceMs`. Resolves, never rejects:
 * `{ ok, code, signal, timedOut, interrupted, error, ms }`.
 */
export function runTimed(command, args, { timeoutMs, env = process.env, cwd = root, graceMs = 3000, stdio = ['ignore', 'inherit', 'inherit'] } = {}) {
  const t0 = Date.now();
  const posix = process.platform !== 'win32';
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, args, { env, cwd, stdio, detached: posix, windowsHide: true });
    } catch (e) {
      resolve({ ok: false, code: null, signal: null, timedOut: false, interrupted: null, error: e.message, ms: Date.now() - t0 });
      return;
    }
    let timedOut = false;
    let interrupted = null;
    let killTimer = null;
    let settled = false;
    const killTree = (sig) => {
      if (!child.pid) return;
      try {
        if (posix) process.kill(-child.pid, sig);
        else spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    };
    const stop = (sig) => {
      killTree(sig);
      killTimer ??= setTimeout(() => killTree('SIGKILL'), graceMs);
    };
    const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; stop('SIGTERM'); }, timeoutMs) : null;
    const onSignal = (sig) => { interrupted = sig; stop(sig); };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const finish = (result) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      // Anything the command left behind in its group goes too when it was stopped.
      if (timedOut || interrupted) killTree('SIGKILL');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve({ timedOut, interrupted, ms: Date.now() - t0, ...result });
    };
    child.on('error', (e) => finish({ ok: false, code: null, signal: null, error: e.message }));
    child.on('exit', (code, signal) => finish({ ok: code === 0 && !timedOut && !interrupted, code, signal, error: null }));
  });
}

/** Electron's own installer (`node node_modules/electron/install.js`), which downloads the runtime into node_modules/electron/dist. */
export function runElectronInstaller({ timeoutMs = INSTALL_TIMEOUT_MS, env = process.env } = {}) {
  return runTimed(process.execPath, [path.join(electronPkg, 'install.js')], { timeoutMs, env });
}

function firstLine(text) {
  return String(text ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}

function describeRun(r, timeoutMs) {
  if (r.timedOut) return `it did not finish within ${formatMs(timeoutMs)}`;
  if (r.error) return firstLine(r.error);
  if (r.signal) return `it was stopped by ${r.signal}`;
  return `exit code ${r.code}${r.ms != null ? ` after ${formatMs(r.ms)}` : ''}, see its output above`;
}

/**
 * Decides how `npm start` (and the Electron test runner) runs: the Electron window with a better-sqlite3
 * build for Electron's ABI, or the browser shell with a one-line reason that says what to do.
 * Every side effect is injected:
 *   findBinary()                → Electron executable path, or null
 *   runInstaller                → async () => runTimed-like result; null never downloads (the test path)
 *   electronVersion()           → version of the runtime found
 *   findAbiBuild(version)       → path of an existing Electron-ABI better_sqlite3.node, or null
 *   verifyAbi(binary, file)     → async { ok } | { ok: false, error }: loads it with the Electron binary
 *   buildAbi(binary, version)   → async { ok, file } | { ok: false, error, timedOut }; null never builds
 *   log(line)                   → progress lines
 * Returns `{ mode: 'electron', binary, binding }` or `{ mode: 'browser', reason }`
 * (or `{ mode: 'interrupted', signal }` when Ctrl-C stopped the installer or the build).
 */
export async function decideStart({
  findBinary,
  runInstaller = null,
  electronVersion: versionOf,
  findAbiBuild,
  verifyAbi,
  buildAbi = null,
  log = () => {},
  installTimeoutMs = INSTALL_TIMEOUT_MS,
  buildTimeoutMs = BUILD_TIMEOUT_MS,
  env = process.env,
}) {
  let binary = findBinary();
  if (!binary) {
    if (env.ELECTRON_OVERRIDE_DIST_PATH) {
      return { mode: 'browser', reason: `ELECTRON_OVERRIDE_DIST_PATH (${env.ELECTRON_OVERRIDE_DIST_PATH}) holds no Electron executable; fix or unset it and run \`npm start\` again` };
    }
    if (!runInstaller) {
      return { mode: 'browser', reason: 'The Electron runtime is not installed on this machine (node_modules/electron/dist is missing); `npm start` downloads it once on a machine with internet access' };
    }
    if (env.ELECTRON_SKIP_BINARY_DOWNLOAD && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '0') {
      return { mode: 'browser', reason: 'The Electron runtime is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set; unset it and run `npm start` again to download it' };
    }
    log(`The Electron runtime is not installed yet: running Electron's installer (node node_modules/electron/install.js, at most ${formatMs(installTimeoutMs)})…`);
    const r = await runInstaller();
    if (r.interrupted) return { mode: 'interrupted', signal: r.interrupted };
    if (!r.ok) {
      return { mode: 'browser', reason: `Electron's installer could not download the runtime (${describeRun(r, installTimeoutMs)}); check this machine's internet access (or set ELECTRON_MIRROR) and run \`npm start\` again` };
    }
    binary = findBinary();
    if (!binary) {
      return { mode: 'browser', reason: "Electron's installer finished but node_modules/electron/dist still has no Electron executable; delete node_modules/electron, run `npm install`, then `npm start`" };
    }
    log(`Electron runtime installed: ${binary}`);
  }

  const version = versionOf();
  let binding = findAbiBuild(version);
  if (binding) {
    const v = await verifyAbi(binary, binding);
    if (v.ok) return { mode: 'electron', binary, binding };
    if (!buildAbi) {
      return { mode: 'browser', reason: `The better-sqlite3 build for Electron ${version} (${binding}) does not load in Electron (${firstLine(v.error)}); run \`npm start\` once to rebuild it` };
    }
    log(`The better-sqlite3 build for Electron ${version} does not load (${firstLine(v.error)}): building it again.`);
  } else if (!buildAbi) {
    return { mode: 'browser', reason: `There is no better-sqlite3 build for Electron ${version} yet; run \`npm start\` once (or \`node scripts/electron-sqlite.mjs\`) to prepare it` };
  } else {
    log(`Preparing better-sqlite3 for Electron ${version} (once per Electron version; at most ${formatMs(buildTimeoutMs)})…`);
  }

  const b = await buildAbi(binary, version);
  if (b.interrupted) return { mode: 'interrupted', signal: b.interrupted };
  if (!b.ok) {
    const why = b.timedOut ? `it did not finish within ${formatMs(buildTimeoutMs)}` : firstLine(b.error) || 'see the output above';
    return { mode: 'browser', reason: `better-sqlite3 could not be built for Electron ${version} (${why}); it needs internet access (Electron's headers or a prebuilt binary) or a C++ toolchain (Python 3, make and a C++ compiler) — fix that and run \`npm start\` again` };
  }
  binding = b.file;
  // "Rebuild Complete" proves nothing (it can compile against the wrong headers): load it with Electron itself.
  const v = await verifyAbi(binary, binding);
  if (!v.ok) {
    return { mode: 'browser', reason: `The new better-sqlite3 build for Electron ${version} does not load in Electron (${firstLine(v.error)}); delete node_modules/.frontdesk and run \`npm start\` again` };
  }
  log(`better-sqlite3 for Electron ${version} is ready: ${binding}`);
  return { mode: 'electron', binary, binding };
}
