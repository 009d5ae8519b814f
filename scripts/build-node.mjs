// Bundles the Node side (host, shells, CLI, bench) with esbuild; SQL migrations are inlined as text.
import { build } from 'esbuild';

const entries = {
  cli: 'electron/cli.ts',
  'browser-shell': 'electron/browser-shell/main.ts',
  'electron-main': 'electron/shell/main.ts',
  preload: 'electron/shell/preload.ts',
  bench: 'test/bench/bench.ts',
};

const t0 = Date.now();
await build({
  entryPoints: entries,
  outdir: 'dist/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  external: ['electron'],
  loader: { '.sql': 'text' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (!process.env.QUIET) console.error(`node bundle built in ${Date.now() - t0} ms`);
