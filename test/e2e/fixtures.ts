import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

export const MANAGER = { username: 'admin', password: 'Passw0rd1', displayName: '王经理' };

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Runs the admin CLI against this app's data dir (commands that write refuse while the app runs: see offline). */
  cli(...args: string[]): string;
  /** Stops the app, runs `fn` (CLI commands that write), starts it again: `url` is then the new launch address. */
  offline(fn: () => void): Promise<void>;
}

/** The files of `dir` (recursively) with size and mtime, to tell whether a build changed them meanwhile. */
function signature(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        out.push(`${path.relative(dir, p)}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

/**
 * A private copy of the built app (dist/node's shell and CLI, dist/renderer) for one worker.
 * Others rebuild dist/ while the suite runs; vite empties dist/renderer and renames every chunk,
 * so a page served straight from dist/ can fail mid-test with "Failed to fetch dynamically imported
 * module". The copy sits next to a node_modules link so the bundles' packages still resolve.
 */
function snapshotBuild(): string {
  const root = path.resolve('dist');
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-dist-'));
  fs.symlinkSync(path.resolve('node_modules'), path.join(target, 'node_modules'), 'dir');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const before = signature(root);
      fs.rmSync(path.join(target, 'node'), { recursive: true, force: true });
      fs.rmSync(path.join(target, 'renderer'), { recursive: true, force: true });
      fs.mkdirSync(path.join(target, 'node'));
      for (const f of ['browser-shell.cjs', 'cli.cjs']) fs.copyFileSync(path.join(root, 'node', f), path.join(target, 'node', f));
      fs.cpSync(path.join(root, 'renderer'), path.join(target, 'renderer'), { recursive: true });
      const html = fs.readFileSync(path.join(target, 'renderer', 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+)"/g)].map((m) => m[1]);
      const complete = assets.length > 0 && assets.every((a) => fs.existsSync(path.join(target, 'renderer', a)));
      if (complete && signature(root) === before) return target;
    } catch {
      /* a build is replacing the files right now: try again */
    }
    if (Date.now() > deadline) throw new Error('dist/ kept changing (or is not built): run `npm run build` first');
    spawnSync('sleep', ['0.5']);
  }
}

/**
 * The host runs in the browser's time zone (playwright.config.ts: Asia/Shanghai), as on a real front
 * desk where both are the same computer: dates the host computes ("today", backup times, which are
 * written without a zone) then agree with what the page shows.
 */
export const HOST_ENV = { ...process.env, TZ: 'Asia/Shanghai' };

/** Starts the browser shell of a build copy on `dataDir` as it is, and prints nothing unless it fails. */
export async function startApp(build: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(build, 'node', 'browser-shell.cjs'), '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'], env: HOST_ENV });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${out}`)), 20_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser shell exited ${code}: ${out}`));
    });
  });
  return { child, url };
}

/** Stops a started shell (SIGTERM: a clean stop; SIGKILL: a crash) and waits at most 5 s for it. */
export async function stopApp(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
}

type Seed = 'none' | 'manager' | 'demo';

export const test = base.extend<{ seed: Seed; app: RunningApp }, { build: string }>({
  build: [
    async ({}, use) => {
      const dir = snapshotBuild();
      await use(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  seed: ['manager', { option: true }],
  // A click on something that never becomes clickable fails in 15 s with its own message, not at the 90 s test timeout.
  actionTimeout: 15_000,
  app: async ({ seed, build }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-'));
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, [path.join(build, 'node', 'cli.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', env: HOST_ENV });
      if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    };
    if (seed !== 'none') {
      cli('init', '--site', '阳光花园', '--username', MANAGER.username, '--password', MANAGER.password, '--display-name', MANAGER.displayName, ...(seed === 'demo' ? ['--demo'] : []));
    }
    let running = await startApp(build, dataDir);
    const stop = (child: ChildProcess) => stopApp(child);
    await use({
      get url() {
        return running.url;
      },
      dataDir,
      cli,
      async offline(fn) {
        await stop(running.child);
        fn();
        running = await startApp(build, dataDir);
      },
    });
    await stop(running.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
