import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

export const MANAGER = { username: 'admin', password: 'Passw0rd1', displayName: '王经理' };

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Runs the admin CLI against this app's data dir. */
  cli(...args: string[]): string;
}

/** Starts the browser shell (real host, fresh data dir) and prints nothing unless it fails. */
async function startApp(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/node/browser-shell.cjs', '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    child.on('exit', (code) => reject(new Error(`browser shell exited ${code}: ${out}`)));
  });
  return { child, url };
}

type Seed = 'none' | 'manager' | 'demo';

export const test = base.extend<{ seed: Seed; app: RunningApp }>({
  seed: ['manager', { option: true }],
  app: async ({ seed }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-'));
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['dist/node/cli.cjs', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    };
    if (seed !== 'none') {
      cli('init', '--site', '阳光花园', '--username', MANAGER.username, '--password', MANAGER.password, '--display-name', MANAGER.displayName, ...(seed === 'demo' ? ['--demo'] : []));
    }
    const { child, url } = await startApp(dataDir);
    await use({ url, dataDir, cli });
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
