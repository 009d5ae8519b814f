import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { nativeBinding } from '../../db/connection';

// Plain JS run in a worker thread: its own read-only connection, so the page-by-page check of a large
// file (≈1 s for 600 MB) never blocks the counter's requests on the main connection.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let result;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.binding });
  result = String(db.pragma('quick_check', { simple: true }));
  db.close();
} catch (e) {
  result = String((e && e.message) || e);
}
parentPort.postMessage(result);
`;

/** The page-by-page check of the open file, as the dashboard shows it. */
export interface IntegrityCheck {
  result: 'running' | 'ok' | 'failed';
  /** When it started (running) or finished. */
  at: string;
}

/**
 * Runs `PRAGMA quick_check` on `file` in a worker thread; `result` is 'ok' or SQLite's description of the
 * damage. `stop()` ends the check (the host is closing); its result is then 'stopped'.
 */
export function quickCheckInBackground(file: string): { result: Promise<string>; stop(): void } {
  const driver = createRequire(__filename).resolve('better-sqlite3');
  const w = new Worker(WORKER, { eval: true, workerData: { file, driver, binding: nativeBinding() } });
  w.unref();
  const result = new Promise<string>((resolve) => {
    w.once('message', (m: string) => resolve(m));
    w.once('error', (e) => resolve(e.message));
    w.once('exit', () => resolve('stopped'));
  });
  return { result, stop: () => void w.terminate() };
}
