// Run by scripts/electron-sqlite.mjs in a child process (on Node ≥ 22.12, or on Electron as Node):
//   electron-sqlite-rebuild.mjs <copy of better-sqlite3> <electron version> <arch>
// Rebuilds that copy, and only it, for Electron's ABI: buildPath and projectRootPath are the copy itself,
// so @electron/rebuild never walks up into the project's node_modules (whose build is for Node).
import { rebuild } from '@electron/rebuild';

const [moduleDir, electronVersion, arch] = process.argv.slice(2);
if (!moduleDir || !electronVersion) {
  console.error('usage: electron-sqlite-rebuild.mjs <module dir> <electron version> [arch]');
  process.exit(2);
}

const job = rebuild({
  buildPath: moduleDir,
  projectRootPath: moduleDir,
  electronVersion,
  arch: arch || process.arch,
  platform: process.platform,
  onlyModules: ['better-sqlite3'],
  force: true,
  mode: 'sequential',
});
job.lifecycle.on('module-found', (name) => console.error(`@electron/rebuild: building ${name} for Electron ${electronVersion} (a prebuilt binary if there is one, else from source)…`));
try {
  await job;
  console.error('@electron/rebuild: done; checking that Electron loads it.');
} catch (e) {
  console.error(`@electron/rebuild failed: ${e?.message ?? e}`);
  process.exit(1);
}
