// Electron-runtime tests: run where the runtime exists; say clearly that they were skipped where it does not.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-runtime.mjs';

const bin = electronBinary();
if (!bin) {
  console.log('SKIPPED: Electron runtime tests (test/electron) — the Electron runtime is not installed on this machine;');
  console.log('         its binary downloads from outside the npm registry. They run where `node_modules/electron/dist` exists.');
  process.exit(0);
}
const probe = spawnSync(bin, ['-e', "require('better-sqlite3')"], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
if (probe.status !== 0) {
  console.log('SKIPPED: Electron runtime tests — better-sqlite3 is built for Node; run `npm run rebuild:electron` first (and `npm run rebuild:node` after).');
  process.exit(0);
}
const r = spawnSync('npx', ['playwright', 'test', '--config', 'test/electron/playwright.electron.config.ts'], { stdio: 'inherit', env: { ...process.env, ELECTRON_BIN: bin } });
process.exit(r.status ?? 1);
