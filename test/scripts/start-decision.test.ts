import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decideStart, electronBinary, electronVersion, runElectronInstaller, runTimed, type DecideDeps, type InstallResult } from '../../scripts/electron-runtime.mjs';
import { findAbiBuild, verifyAbiBuild } from '../../scripts/electron-sqlite.mjs';

const BIN = '/opt/electron/electron';
const BUILD = '/cache/electron-45.4.1/better_sqlite3.node';
const failed: InstallResult = { ok: false, code: 1, signal: null, timedOut: false, interrupted: null, error: null };

/** Dependencies that fail the test if a step runs that should not. */
function deps(over: Partial<DecideDeps>): DecideDeps {
  return {
    findBinary: () => BIN,
    runInstaller: vi.fn(async () => { throw new Error('installer must not run'); }),
    electronVersion: () => '45.4.1',
    findAbiBuild: () => BUILD,
    verifyAbi: vi.fn(async () => ({ ok: true as const })),
    buildAbi: vi.fn(async () => { throw new Error('build must not run'); }),
    env: {},
    ...over,
  };
}

function expectOneLineReason(d: { mode: string; reason?: string }) {
  expect(d.mode).toBe('browser');
  expect(d.reason).toBeTruthy();
  expect(d.reason).not.toMatch(/\n/);
  expect(d.reason).toMatch(/npm start|npm install|unset/); // says what to do
}

/** Whether `pid` still runs (a zombie waiting for init to reap it does not count). */
function alive(pid: number) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

async function gone(pid: number, withinMs: number) {
  const until = Date.now() + withinMs;
  while (alive(pid) && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
  return !alive(pid);
}

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmpDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

function tmpScript(name: string, code: string) {
  const dir = tmpDir('fd-start-test-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, code);
  return { dir, file };
}

async function closedPort() {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('decideStart', () => {
  it('runtime absent, installer fails fast: browser shell with a one-line reason', async () => {
    const runInstaller = vi.fn(async () => failed);
    const findAbiBuild = vi.fn(() => BUILD);
    const d = await decideStart(deps({ findBinary: () => null, runInstaller, findAbiBuild }));
    expectOneLineReason(d);
    expect(d.mode === 'browser' && d.reason).toMatch(/installer could not download the runtime \(exit code 1/);
    expect(d.mode === 'browser' && d.reason).toMatch(/internet access/);
    expect(runInstaller).toHaveBeenCalledTimes(1); // once, no retry
    expect(findAbiBuild).not.toHaveBeenCalled();
  });

  it('runtime absent, installer succeeds: goes on to the ABI build step', async () => {
    let installed = false;
    const runInstaller = vi.fn(async () => {
      installed = true;
      return { ok: true };
    });
    const buildAbi = vi.fn(async () => ({ ok: true as const, file: BUILD }));
    const verifyAbi = vi.fn(async () => ({ ok: true as const }));
    const log = vi.fn();
    const d = await decideStart(deps({ findBinary: () => (installed ? BIN : null), runInstaller, findAbiBuild: () => null, buildAbi, verifyAbi, log }));
    expect(d).toEqual({ mode: 'electron', binary: BIN, binding: BUILD });
    expect(runInstaller).toHaveBeenCalledTimes(1);
    expect(buildAbi).toHaveBeenCalledWith(BIN, '45.4.1');
    expect(verifyAbi).toHaveBeenCalledWith(BIN, BUILD); // the new build is loaded with Electron before it is used
    expect(log.mock.calls.map((c) => c[0]).join('\n')).toMatch(/running Electron's installer/);
  });

  it('installer succeeds but leaves no executable: browser shell, says to reinstall electron', async () => {
    const d = await decideStart(deps({ findBinary: () => null, runInstaller: async () => ({ ok: true }) }));
    expectOneLineReason(d);
    expect(d.mode === 'browser' && d.reason).toMatch(/delete node_modules\/electron/);
  });

  it('the installer has a time limit: a hanging installer is killed and the browser shell is chosen', async () => {
    const { file } = tmpScript('hang.mjs', "console.log('pretending to download…'); setInterval(() => {}, 1000);");
    const t0 = Date.now();
    let run: InstallResult | null = null;
    const d = await decideStart(deps({
      findBinary: () => null,
      installTimeoutMs: 300,
      runInstaller: async () => {
        run = await runTimed(process.execPath, [file], { timeoutMs: 300, graceMs: 500, stdio: 'ignore' });
        return run;
      },
    }));
    expect(Date.now() - t0).toBeLessThan(5000);
    expectOneLineReason(d);
    expect(d.mode === 'browser' && d.reason).toMatch(/did not finish within 300 ms/);
    expect(run).toMatchObject({ ok: false, timedOut: true, code: null, signal: 'SIGTERM' }); // killed, not finished
  });

  it('runtime present, no ABI build, build fails: browser shell with a one-line reason', async () => {
    const buildAbi = vi.fn(async () => ({ ok: false as const, error: 'node-gyp failed to rebuild better-sqlite3\nmore lines' }));
    const d = await decideStart(deps({ findAbiBuild: () => null, buildAbi }));
    expectOneLineReason(d);
    expect(d.mode === 'browser' && d.reason).toMatch(/better-sqlite3 could not be built for Electron 45\.4\.1 \(node-gyp failed to rebuild better-sqlite3\)/);
    expect(buildAbi).toHaveBeenCalledTimes(1);
  });

  it('a build that "succeeds" but does not load in Electron is not used', async () => {
    const verifyAbi = vi.fn(async () => ({ ok: false as const, error: 'compiled against a different Node.js version using NODE_MODULE_VERSION 115' }));
    const d = await decideStart(deps({ findAbiBuild: () => null, buildAbi: async () => ({ ok: true as const, file: BUILD }), verifyAbi }));
    expectOneLineReason(d);
    expect(d.mode === 'browser' && d.reason).toMatch(/does not load in Electron \(compiled against a different Node\.js version/);
  });

  it('ABI build present and verified: Electron with that binding, nothing installed or built', async () => {
    const d = await decideStart(deps({}));
    expect(d).toEqual({ mode: 'electron', binary: BIN, binding: BUILD });
  });

  it('a present build that no longer loads is built again', async () => {
    let n = 0;
    const verifyAbi = vi.fn(async () => (n++ === 0 ? { ok: false as const, error: 'stale' } : { ok: true as const }));
    const buildAbi = vi.fn(async () => ({ ok: true as const, file: BUILD }));
    const d = await decideStart(deps({ verifyAbi, buildAbi }));
    expect(d).toEqual({ mode: 'electron', binary: BIN, binding: BUILD });
    expect(buildAbi).toHaveBeenCalledTimes(1);
    expect(verifyAbi).toHaveBeenCalledTimes(2);
  });

  it('the test path (no installer, no build) never downloads or builds: it gives the reason to skip', async () => {
    const absent = await decideStart(deps({ findBinary: () => null, runInstaller: null, buildAbi: null }));
    expectOneLineReason(absent);
    expect(absent.mode === 'browser' && absent.reason).toMatch(/not installed/);
    const noBuild = await decideStart(deps({ runInstaller: null, buildAbi: null, findAbiBuild: () => null }));
    expectOneLineReason(noBuild);
    expect(noBuild.mode === 'browser' && noBuild.reason).toMatch(/no better-sqlite3 build for Electron 45\.4\.1 yet/);
  });

  it('Ctrl-C during the installer stops the start instead of falling back', async () => {
    const d = await decideStart(deps({ findBinary: () => null, runInstaller: async () => ({ ok: false, interrupted: 'SIGINT' }) }));
    expect(d).toEqual({ mode: 'interrupted', signal: 'SIGINT' });
  });

  it('ELECTRON_SKIP_BINARY_DOWNLOAD is honoured', async () => {
    const runInstaller = vi.fn(async () => ({ ok: true }));
    const d = await decideStart(deps({ findBinary: () => null, runInstaller, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } }));
    expectOneLineReason(d);
    expect(runInstaller).not.toHaveBeenCalled();
  });
});

describe.skipIf(process.platform === 'win32')('runTimed', () => {
  it('kills the whole process group at the limit, SIGKILL when SIGTERM is ignored', async () => {
    // A stubborn "installer" that ignores SIGTERM and has a child of its own that ignores it too.
    const { dir, file } = tmpScript(
      'stubborn.mjs',
      `import { spawn } from 'node:child_process';
       import fs from 'node:fs';
       const kid = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
       fs.writeFileSync(process.argv[2], String(kid.pid));
       process.on('SIGTERM', () => {});
       setInterval(() => {}, 1000);`,
    );
    const pidFile = path.join(dir, 'kid.pid');
    const t0 = Date.now();
    const r = await runTimed(process.execPath, [file, pidFile], { timeoutMs: 400, graceMs: 300, stdio: 'ignore' });
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(r).toMatchObject({ ok: false, timedOut: true, signal: 'SIGKILL' });
    const kid = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(await gone(kid, 2000)).toBe(true); // the grandchild went too
  });

  it('reports a command that cannot start', async () => {
    const r = await runTimed('/nonexistent/electron-installer', [], { timeoutMs: 1000 });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/ENOENT/);
  });
});

describe('verifyAbiBuild (loads the addon with the given binary)', () => {
  // Node stands in for Electron here: ELECTRON_RUN_AS_NODE means nothing to it, and the Node build is for its ABI.
  const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');

  it.skipIf(!fs.existsSync(nodeBuild))('accepts an addon built for that runtime', async () => {
    const v = await verifyAbiBuild(process.execPath, nodeBuild);
    expect(v).toMatchObject({ ok: true, modules: process.versions.modules });
  });

  it('rejects a file that is not such an addon, with a one-line error', async () => {
    const { file } = tmpScript('better_sqlite3.node', 'not an addon');
    const v = await verifyAbiBuild(process.execPath, file);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error).toBeTruthy();
    expect(!v.ok && v.error).not.toMatch(/\n/);
  });
});

describe.skipIf(electronBinary() !== null)('the real installer path on a machine without the runtime', () => {
  it('runs node_modules/electron/install.js once, it fails fast, and the browser shell is chosen', async () => {
    // The real install.js and @electron/get, pointed at a closed local port and an empty cache, so this test
    // fails the same fast way everywhere and never downloads the runtime, even on a machine with internet access.
    const cache = tmpDir('fd-electron-cache-');
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`, electron_config_cache: cache, ELECTRON_GET_NO_PROGRESS: '1' };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const t0 = Date.now();
    const d = await decideStart({
      findBinary: electronBinary,
      runInstaller: () => runElectronInstaller({ timeoutMs: 60_000, env }),
      electronVersion,
      findAbiBuild,
      verifyAbi: verifyAbiBuild,
      buildAbi: async () => ({ ok: false, error: 'not reached' }),
      env,
    });
    expect(Date.now() - t0).toBeLessThan(60_000);
    expectOneLineReason(d);
    expect(d.mode === 'browser' && d.reason).toMatch(/installer could not download the runtime \(exit code 1/);
    expect(electronBinary()).toBeNull();
  });
});
