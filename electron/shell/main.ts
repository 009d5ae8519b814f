import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, net, protocol } from 'electron';
import { createHost, type Host } from '../host/host';
import { FolderBusyError } from '../host/folder-lock';
import { setNativeBinding } from '../../db/connection';
import { APP_ORIGIN, hardenSession, secureWebPreferences } from './security';
import { CSP } from '../browser-shell/server';
import { nativeChannel } from './native';

// The renderer is served from a custom protocol with path checks instead of file://.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let host: Host | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => {
    host?.close();
    app.quit();
  });
}

function start() {
  if (process.env.FRONTDESK_DATA_DIR) app.setPath('userData', path.resolve(process.env.FRONTDESK_DATA_DIR));
  hardenSession();
  // `npm start` passes a better-sqlite3 build for Electron's ABI (scripts/electron-sqlite.mjs); without it
  // (a packaged app, rebuilt for Electron by electron-builder) the addon in node_modules is used.
  setNativeBinding(process.env.FRONTDESK_SQLITE_BINDING || undefined);
  try {
    host = createHost({ dataDir: app.getPath('userData'), autoBackup: true, lock: 'electron', capabilities: { nativeDialogs: true, nativePrint: true } });
  } catch (e) {
    // Another process (the browser shell, or a CLI command that writes) owns the data folder: never open it twice.
    if (!(e instanceof FolderBusyError)) throw e;
    dialog.showErrorBox('FrontDesk', `${e.message}\n\n${e.owner?.url ? `Open ${e.owner.url} or close it, then start FrontDesk again.` : 'Close it, then start FrontDesk again.'}`);
    app.quit();
    return;
  }

  const root = path.resolve(__dirname, '..', 'renderer');
  protocol.handle('app', async (req) => {
    const url = new URL(req.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, `.${rel}`);
    if (url.host !== 'frontdesk' || !file.startsWith(root + path.sep) || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    const res = await net.fetch(`file://${file}`);
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(res.body, { status: res.status, headers });
  });

  ipcMain.handle('frontdesk:invoke', async (event, channel: unknown, input: unknown) => {
    // Sender check: only the main frame of our own window, loaded from our own origin.
    const frame = event.senderFrame;
    if (!win || event.sender !== win.webContents || !frame || frame !== win.webContents.mainFrame || !frame.url.startsWith(`${APP_ORIGIN}/`)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'error.FORBIDDEN' } };
    }
    if (channel === 'file.save' || channel === 'pdf.print') {
      // Native dialogs too are for a signed-in, unlocked session only.
      const status = await host!.dispatch('app.status', {}, `wc:${event.sender.id}`);
      const session = status.ok ? (status.value as { session: { locked: boolean } | null }).session : null;
      if (!session || session.locked) return { ok: false, error: { code: session ? 'LOCKED' : 'UNAUTHENTICATED', message: session ? 'error.LOCKED' : 'error.UNAUTHENTICATED' } };
      return nativeChannel(win, channel, input);
    }
    return host!.dispatch(channel, input, `wc:${event.sender.id}`);
  });

  win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'FrontDesk',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win?.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}
