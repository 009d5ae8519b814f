import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';

// Runs only where the Electron runtime exists (scripts/electron-test.mjs decides and says so).
test('the packaged window is hardened and talks to the host only through invoke', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-electron-'));
  const app = await electron.launch({
    executablePath: process.env.ELECTRON_BIN,
    args: [path.resolve('dist/node/electron-main.cjs')],
    env: { ...process.env, FRONTDESK_DATA_DIR: dataDir },
  });
  try {
    const win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
    // No Node in the page (nodeIntegration off, sandbox and context isolation on).
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    // Permission requests are refused.
    const camera = await win.evaluate(() => navigator.mediaDevices?.getUserMedia({ video: true }).then(() => 'granted', () => 'denied') ?? 'denied');
    expect(camera).toBe('denied');
    // The page sees exactly one function and no Node.
    expect(await win.evaluate(() => Object.keys((window as unknown as { api: object }).api))).toEqual(['invoke']);
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const status = await win.evaluate(() => (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value: { db: string; setupNeeded: boolean } }> } }).api.invoke('app.status', {}));
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({ db: 'ok', setupNeeded: true });
    // Navigation away and new windows are denied.
    await win.evaluate(() => { window.location.href = 'https://example.com/'; });
    await win.waitForTimeout(500);
    expect(win.url()).toMatch(/^app:\/\/frontdesk\//);
    await win.evaluate(() => window.open('https://example.com/'));
    await win.waitForTimeout(500);
    expect(app.windows().length).toBe(1);
  } finally {
    await app.close();
  }
});
