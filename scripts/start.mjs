// `npm start`: the Electron window when its runtime can be had, otherwise the browser shell (one line says why).
// When the runtime is missing, Electron's own installer runs once (time-limited, its progress shown); when
// better-sqlite3 has no build for Electron's ABI yet, one is made beside the Node build (scripts/electron-sqlite.mjs).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { decideStart, electronBinary, electronVersion, root, runElectronInstaller } from './electron-runtime.mjs';
import { BINDING_ENV, buildAbi, findAbiBuild, verifyAbiBuild } from './electron-sqlite.mjs';

const args = process.argv.slice(2);

function run(command, argv, env) {
  const child = spawn(command, argv, { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

const decision = await decideStart({
  findBinary: electronBinary,
  runInstaller: () => runElectronInstaller(),
  electronVersion,
  findAbiBuild,
  verifyAbi: (binary, file) => verifyAbiBuild(binary, file),
  buildAbi: (binary, version) => buildAbi(binary, version),
  log: (line) => console.log(line),
});

if (decision.mode === 'interrupted') {
  process.exit(130);
} else if (decision.mode === 'browser') {
  console.log(`${decision.reason} — running the browser shell instead.`);
  run(process.execPath, [path.join(root, 'dist/node/browser-shell.cjs'), ...args], process.env);
} else {
  const env = { ...process.env, [BINDING_ENV]: decision.binding };
  // The browser shell's `--data-dir DIR` means the same for the window (electron/shell/main.ts reads the env var).
  const dataDir = args.indexOf('--data-dir');
  if (dataDir >= 0 && args[dataDir + 1]) env.FRONTDESK_DATA_DIR = path.resolve(args[dataDir + 1]);
  delete env.ELECTRON_RUN_AS_NODE; // the window, not Node
  run(decision.binary, [path.join(root, 'dist/node/electron-main.cjs'), ...args], env);
}
