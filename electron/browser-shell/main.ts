import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHost, type Host } from '../host/host';
import { FolderBusyError } from '../host/folder-lock';
import { defaultDataDir } from '../host/paths';
import { startBrowserShell } from './server';

/** `node dist/node/browser-shell.cjs [--data-dir DIR] [--port N] [--no-open]` */
async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dataDir = path.resolve(arg('--data-dir') ?? defaultDataDir());
  const staticDir = path.resolve(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (${staticDir}); run \`npm run build\` first.`);
    process.exit(1);
  }
  let host: Host;
  try {
    host = createHost({ dataDir, autoBackup: true, lock: 'browser' });
  } catch (e) {
    if (!(e instanceof FolderBusyError)) throw e;
    // One process owns the folder: point at the one already running instead of opening the database too.
    const url = e.owner?.url;
    console.log(url ? `FrontDesk is already running at ${url}  (data: ${dataDir}, pid ${e.owner?.pid})` : `${e.message} Close it first.`);
    if (url && !args.includes('--no-open')) openAppWindow(url, dataDir);
    process.exit(url ? 0 : 1);
  }
  const shell = await startBrowserShell(host, { staticDir, port: arg('--port') ? Number(arg('--port')) : 0 });
  host.lock?.update({ url: shell.url });
  console.log(`FrontDesk is running at ${shell.url}  (data: ${dataDir})`);
  if (!args.includes('--no-open')) openAppWindow(shell.url, dataDir);
  const stop = async () => {
    await shell.close();
    host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Chromium in app mode (a window without browser chrome), when a display and Chromium exist. */
function openAppWindow(url: string, dataDir: string) {
  const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
  if (!hasDisplay || !browser) {
    console.log('No display or Chromium found: open the address above in a browser.');
    return;
  }
  const profile = path.join(dataDir, 'browser-profile');
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync', '--disable-component-update'], {
    stdio: 'ignore',
    detached: true,
  });
  child.on('error', () => console.log('Could not start Chromium: open the address above in a browser.'));
  child.unref();
}

void main();
