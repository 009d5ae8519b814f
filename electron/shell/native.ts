import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { contract, type ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/kernel/errors';
import { secureWebPreferences } from './security';

/** Channels the Electron shell answers itself (native dialogs), after checking input with the same contract. */
export async function nativeChannel(win: BrowserWindow, channel: string, input: unknown): Promise<Result<unknown> | null> {
  if (channel !== 'file.save' && channel !== 'pdf.print') return null;
  const invalid = { ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION' } } as const;
  if (channel === 'file.save') {
    const parsed = contract['file.save'].input.safeParse(input);
    if (!parsed.success) return invalid;
    const { fileName, base64 } = parsed.data;
    const bytes = Buffer.from(base64, 'base64');
    const xlsx = fileName.endsWith('.xlsx');
    // The bytes are what the name says: a PDF, or an XLSX (a ZIP).
    if (bytes.subarray(0, xlsx ? 4 : 5).toString('latin1') !== (xlsx ? 'PK\x03\x04' : '%PDF-')) return invalid;
    const filters = [xlsx ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'PDF', extensions: ['pdf'] }];
    const r = await dialog.showSaveDialog(win, { defaultPath: fileName, filters });
    if (r.canceled || !r.filePath) return { ok: true, value: { saved: false, path: null } satisfies ChannelOutput<'file.save'> };
    fs.writeFileSync(r.filePath, bytes);
    return { ok: true, value: { saved: true, path: r.filePath } satisfies ChannelOutput<'file.save'> };
  }
  const parsed = contract['pdf.print'].input.safeParse(input);
  if (!parsed.success) return invalid;
  const { fileName, pdfBase64 } = parsed.data;
  const bytes = Buffer.from(pdfBase64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return invalid;
  // Printing: the PDF opens in Chromium's viewer in its own window, whose print button is the system print dialog.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-print-'));
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, bytes);
  const viewer = new BrowserWindow({ parent: win, width: 900, height: 1000, title: fileName, webPreferences: { ...secureWebPreferences(''), preload: undefined, plugins: true } });
  viewer.on('closed', () => fs.rmSync(dir, { recursive: true, force: true }));
  await viewer.loadFile(file);
  return { ok: true, value: { done: true } };
}
