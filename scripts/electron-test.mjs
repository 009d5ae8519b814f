// Electron-runtime tests: run where the runtime and the better-sqlite3 build for its ABI exist; say clearly
// that they were skipped, and why, where they do not. Never downloads or builds anything (only `npm start` does).
import { spawnSync } from 'node:child_process';
import { decideStart, electronBinary, electronVersion } from './electron-runtime.mjs';
import { BINDING_ENV, findAbiBuild, verifyAbiBuild } from './electron-sqlite.mjs';

const decision = await decideStart({
  findBinary: electronBinary,
  runInstaller: null,
  electronVersion,
  findAbiBuild,
  verifyAbi: (binary, file) => verifyAbiBuild(binary, file),
  buildAbi: null,
});
if (decision.mode !== 'electron') {
  console.log(`SKIPPED: Electron runtime tests (test/electron) — ${decision.reason}.`);
  process.exit(0);
}
console.log(`Electron runtime tests with ${decision.binary} and better-sqlite3 from ${decision.binding}`);
const env = { ...process.env, ELECTRON_BIN: decision.binary, [BINDING_ENV]: decision.binding };
delete env.ELECTRON_RUN_AS_NODE;
const r = spawnSync('npx', ['playwright', 'test', '--config', 'test/electron/playwright.electron.config.ts'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
