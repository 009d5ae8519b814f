import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes PDF bytes to a temp file and reads them back with poppler-utils, as a person's tools would. */
export function pdfFile(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-pdf-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

export const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
export const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** Rows of `pdffonts`: name, embedded and subset flags. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type... encoding emb sub uni objectID gen
    const n = cols.length;
    return { name: cols[0], embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

export function pdfToPng(file: string, outPrefix: string, dpi = 80): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, outPrefix]);
  const dir = path.dirname(outPrefix);
  return fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(outPrefix)) && f.endsWith('.png')).map((f) => path.join(dir, f));
}
