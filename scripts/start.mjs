// `npm start`: the Electron app when its runtime is installed, otherwise the browser shell (one line says why).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const electron = electronBinary();

function runBrowserShell(reason) {
  console.log(`${reason} — running the browser shell instead.`);
  const child = spawn(process.execPath, [path.join(root, 'dist/node/browser-shell.cjs'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (!electron) {
  runBrowserShell('The Electron runtime is not installed on this machine (it downloads from outside the npm registry)');
} else {
  // better-sqlite3 is a native module: it must be built for Electron's ABI (npm run rebuild:electron).
  const probe = spawnSync(electron, ['-e', "require('better-sqlite3')"], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, cwd: root, encoding: 'utf8' });
  if (probe.status !== 0) {
    runBrowserShell('better-sqlite3 is built for Node, not Electron (run `npm run rebuild:electron` to use the desktop window)');
  } else {
    const child = spawn(electron, [path.join(root, 'dist/node/electron-main.cjs'), ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
