// better-sqlite3 for Electron's ABI, kept beside the Node build (which `npm test` uses) instead of rebuilding
// node_modules/better-sqlite3 in place:
//   node_modules/.frontdesk/electron-<version>/better-sqlite3-<version>-<platform>-<arch>/better_sqlite3.node
// It is built by @electron/rebuild from a copy of the package, and trusted only once the Electron binary has
// loaded it. The Electron main process gets it through FRONTDESK_SQLITE_BINDING (electron/shell/main.ts).
//
// `node scripts/electron-sqlite.mjs` prepares it without starting the app (it needs the Electron runtime).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_TIMEOUT_MS, electronBinary, electronVersion, root, runTimed } from './electron-runtime.mjs';

const sqlitePkg = path.join(root, 'node_modules', 'better-sqlite3');
const cacheRoot = path.join(root, 'node_modules', '.frontdesk');

/** The env var through which the launchers hand the build to the Electron main process. */
export const BINDING_ENV = 'FRONTDESK_SQLITE_BINDING';

function sqliteVersion() {
  return JSON.parse(fs.readFileSync(path.join(sqlitePkg, 'package.json'), 'utf8')).version;
}

/** Where the build for this Electron version (and this better-sqlite3, platform and arch) lives. */
export function abiBuildFile(version, arch = process.arch) {
  return path.join(cacheRoot, `electron-${version}`, `better-sqlite3-${sqliteVersion()}-${process.platform}-${arch}`, 'better_sqlite3.node');
}

/** The existing build for `version`, or null. */
export function findAbiBuild(version) {
  const file = abiBuildFile(version);
  return fs.existsSync(file) ? file : null;
}

/**
 * Loads `file` with the Electron binary (as Node: ELECTRON_RUN_AS_NODE) through better-sqlite3's own lib,
 * opens an in-memory database and runs a query. `{ ok: true, sqlite, modules }` or `{ ok: false, error }`.
 */
export function verifyAbiBuild(binary, file, { timeoutMs = 60_000 } = {}) {
  const script = `
    try {
      const Database = require(${JSON.stringify(path.join(sqlitePkg, 'lib'))});
      const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(file)} });
      const v = db.prepare('SELECT sqlite_version() AS v').get().v;
      db.close();
      console.log('FRONTDESK-ABI-OK ' + JSON.stringify({ sqlite: v, modules: process.versions.modules }));
    } catch (e) {
      console.log('FRONTDESK-ABI-FAIL ' + String((e && e.message) || e).split('\\n')[0]);
      process.exit(1);
    }`;
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  return new Promise((resolve) => {
    execFile(binary, ['-e', script], { env, timeout: timeoutMs, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      const ok = /FRONTDESK-ABI-OK (.*)/.exec(stdout);
      if (!err && ok) {
        resolve({ ok: true, ...JSON.parse(ok[1]) });
        return;
      }
      const fail = /FRONTDESK-ABI-FAIL (.*)/.exec(stdout);
      const why = fail?.[1] ?? (err?.killed ? `no answer within ${timeoutMs} ms` : String(stderr || err?.message || 'no output').trim().split('\n').pop());
      resolve({ ok: false, error: why });
    });
  });
}

function atLeast(version, [maj, min]) {
  const [a, b] = version.split('.').map(Number);
  return a > maj || (a === maj && b >= min);
}

/**
 * Builds better-sqlite3 for Electron `version` with @electron/rebuild, in a copy of the package under
 * node_modules/.frontdesk (so node_modules/better-sqlite3/build, the Node build, is never touched), and puts
 * the .node file at abiBuildFile(version). Does not verify it: the caller loads it with Electron.
 * @electron/rebuild wants Node ≥ 22.12: when this Node is older, it runs on the Electron binary as Node.
 * Resolves `{ ok: true, file }` or `{ ok: false, error, timedOut, interrupted }`.
 */
export async function buildAbi(binary, version, { timeoutMs = BUILD_TIMEOUT_MS, log = console.log } = {}) {
  const file = abiBuildFile(version);
  const work = path.join(path.dirname(path.dirname(file)), 'work');
  const copy = path.join(work, 'node_modules', 'better-sqlite3');
  try {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    // Sources only: the Node build (build/) stays where it is; @electron/rebuild makes its own build/ here.
    const skip = new Set(['build', 'prebuilds', 'bin', 'node_modules'].map((d) => path.join(sqlitePkg, d)));
    fs.cpSync(sqlitePkg, copy, { recursive: true, filter: (src) => !skip.has(src) });
  } catch (e) {
    return { ok: false, error: `could not copy better-sqlite3: ${e.message}` };
  }
  const onNode = atLeast(process.versions.node, [22, 12]);
  const runner = path.join(root, 'scripts', 'electron-sqlite-rebuild.mjs');
  log(`Building with @electron/rebuild on ${onNode ? `Node ${process.versions.node}` : 'the Electron binary (this Node is older than 22.12)'}, in ${copy}`);
  const r = await runTimed(onNode ? process.execPath : binary, [runner, copy, version, process.arch], {
    timeoutMs,
    cwd: copy,
    env: onNode ? process.env : { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  try {
    if (r.interrupted) return { ok: false, interrupted: r.interrupted };
    if (!r.ok) {
      const error = r.timedOut ? `no result within ${timeoutMs} ms` : r.error ?? `@electron/rebuild failed with exit code ${r.code}${r.signal ? ` (${r.signal})` : ''}, see its output above`;
      return { ok: false, timedOut: r.timedOut, error };
    }
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) return { ok: false, error: `@electron/rebuild reported success but left no ${path.relative(root, built)}` };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, error: e.message };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// `node scripts/electron-sqlite.mjs`: prepare (or check) the build and print where it is.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const binary = electronBinary();
  if (!binary) {
    console.log('The Electron runtime is not installed (node_modules/electron/dist is missing); `npm start` downloads it once.');
    process.exit(1);
  }
  const version = electronVersion();
  let file = findAbiBuild(version);
  if (!file || !(await verifyAbiBuild(binary, file)).ok) {
    const b = await buildAbi(binary, version);
    if (!b.ok) {
      console.log(`better-sqlite3 could not be built for Electron ${version}: ${b.error ?? b.interrupted}`);
      process.exit(1);
    }
    file = b.file;
  }
  const v = await verifyAbiBuild(binary, file);
  if (!v.ok) {
    console.log(`The better-sqlite3 build for Electron ${version} does not load in Electron: ${v.error}`);
    process.exit(1);
  }
  console.log(`better-sqlite3 ${v.sqlite ? `(SQLite ${v.sqlite}) ` : ''}for Electron ${version} (ABI ${v.modules}): ${file}`);
}
