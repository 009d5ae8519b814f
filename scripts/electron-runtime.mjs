// Finds the Electron runtime without triggering electron's lazy download (which cannot reach its host here).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const candidates = rel ? [path.join(dist, rel)] : [path.join(dist, 'electron'), path.join(dist, 'electron.exe'), path.join(dist, 'Electron.app/Contents/MacOS/Electron')];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}
