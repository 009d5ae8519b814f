/**
 * Bundles entry points as the app ships them (esbuild with the options of scripts/build-node.mjs: SQL
 * inlined as text, packages external) into a private folder under dist/, so child processes run the real
 * code while other builds replace dist/node. The folder sits inside the repository so the bundles resolve
 * better-sqlite3 from node_modules like the app does. Next to it: a stub renderer for the browser shell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function bundle(name: string, entries: Record<string, string>): Promise<{ dir: string; file: (entry: string) => string; remove: () => void }> {
  const base = path.join(ROOT, 'dist', `test-${name}-${process.pid}`);
  const dir = path.join(base, 'node');
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(ROOT, v)])),
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
    loader: { '.sql': 'text' },
    logLevel: 'silent',
  });
  fs.mkdirSync(path.join(base, 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>FrontDesk</title>');
  return { dir, file: (entry) => path.join(dir, `${entry}.cjs`), remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}
